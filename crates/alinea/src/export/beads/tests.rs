//! The beads format's tests: both forms written, the corrected form read back (a property
//! test), every refusal with its line and column, and no panic on arbitrary input.

use proptest::prelude::*;

use super::*;
use crate::align::aligned::tests::sample;
use crate::align::{Segtype, Side};
use crate::Lang;

#[test]
fn writes_scorer_format() {
    assert_eq!(
        write(&sample()).unwrap(),
        "[0]:[0]:0.9000\n[1, 2]:[1]:0.4000\n"
    );
}

#[test]
fn refuses_three_documents() {
    let mut a = sample();
    a.sides.push(a.sides[1].clone());
    for b in &mut a.beads {
        b.sides.push(vec![]);
    }
    assert!(write(&a).unwrap_err().to_string().contains("two documents"));
}

#[test]
fn corrected_form_has_a_header_and_marks() {
    let a = sample();
    let marks = [
        Mark::default(),
        Mark {
            wrong: true,
            reviewed: true,
        },
    ];
    let text = write_corrected(&a, &marks);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], MAGIC);
    assert_eq!(lines[1], "# document doc");
    assert_eq!(lines[2], "# unit paragraph");
    assert!(lines[3].starts_with("# side fr 3 sha256:"), "{}", lines[3]);
    assert!(lines[3].ends_with(" doc.txt"));
    assert_eq!(lines[5], "[0]:[0]:0.9000");
    assert_eq!(lines[6], "[1, 2]:[1]:0.4000:reviewed:wrong");
}

#[test]
fn the_hash_tells_units_apart() {
    let h = |u: &[&str]| units_hash(&u.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(h(&["a", "b"]), h(&["a", "b"]));
    assert_ne!(h(&["a", "b"]), h(&["ab"]));
    assert_ne!(h(&["a", "b"]), h(&["b", "a"]));
    assert_ne!(h(&["ab", ""]), h(&["a", "b"]));
    assert_eq!(h(&[]).len(), "sha256:".len() + 64);
}

/// A corrected file for `sample()` with the given bead lines.
fn file(beads: &str) -> String {
    format!("{}{beads}", header(&sample()))
}

fn err(text: &str) -> ReadError {
    read(text).unwrap_err()
}

#[test]
fn reads_what_it_writes() {
    let a = sample();
    let marks = [
        Mark {
            reviewed: true,
            wrong: false,
        },
        Mark {
            reviewed: false,
            wrong: true,
        },
    ];
    let c = read(&write_corrected(&a, &marks)).unwrap();
    assert_eq!(c.beads, a.beads);
    assert_eq!(c.marks, marks);
    assert_eq!(c.lines, vec![6, 7]);
    assert_eq!(c.header.document, "doc");
    assert_eq!(c.header.segtype, Segtype::Paragraph);
    assert_eq!(c.header.sides[1].lang, Lang::En);
    assert_eq!(c.header.sides[1].units, 2);
    assert_eq!(c.header.sides[1].file, "doc.txt");
    assert_eq!(c.header.sides[1].hash, units_hash(&a.sides[1].units));
}

#[test]
fn comments_blank_lines_crlf_and_spacing_are_accepted() {
    let text = file(
        "\r\n# a comment\r\n[0]:[ 0 ]:0.9\r\n\r\n[1,2] : [1] : 1 : wrong : reviewed\r\n# end\r\n",
    );
    let c = read(&text).unwrap();
    assert_eq!(c.beads[1].sides, vec![vec![1, 2], vec![1]]);
    assert_eq!(c.beads[1].score, 1.0);
    assert!(c.marks[1].wrong && c.marks[1].reviewed);
}

#[test]
fn refuses_a_file_without_header() {
    for text in ["", "[0]:[0]:0.9\n", "# alinea beads 2\n"] {
        let e = err(text);
        assert_eq!(e.kind, ReadErrorKind::NoHeader, "{text:?}");
        assert_eq!((e.line, e.column), (1, 1));
    }
    assert!(err("").to_string().contains("# alinea beads 1"));
    let e = err(&format!(
        "{MAGIC}\n# unit paragraph\n# side fr 1 sha256:00 a.txt\n"
    ));
    assert_eq!(e.line, 3);
    assert!(e.to_string().contains("64 hex digits"), "{e}");
    let e = err(&format!("{MAGIC}\n# unit paragraph\n[0]:[0]:1\n"));
    assert!(e.to_string().contains("names 0 documents"), "{e}");
    let e = err(&format!("{MAGIC}\n# unit word\n"));
    assert_eq!(e.line, 2);
    let e = err(&header(&sample()));
    assert!(e.to_string().contains("before its first bead"), "{e}");
}

#[test]
fn refuses_skipped_and_repeated_units_with_their_line() {
    // Line 6 is the first bead.
    let e = err(&file("[0]:[0]:0.9\n[2]:[1]:0.4\n"));
    assert_eq!((e.line, e.column), (7, 2));
    assert_eq!(
        e.to_string(),
        "line 7, column 2: fr unit 1 is in no bead (this bead goes on with unit 2)"
    );
    let e = err(&file("[0]:[0]:0.9\n[0, 1, 2]:[1]:0.4\n"));
    assert_eq!((e.line, e.column), (7, 2));
    assert!(
        matches!(
            e.kind,
            ReadErrorKind::Repeated {
                unit: 0,
                expected: 1,
                ..
            }
        ),
        "{e}"
    );
    let e = err(&file("[0]:[0]:0.9\n[1, 2]:[1, 7]:0.4\n"));
    assert_eq!((e.line, e.column), (7, 12));
    assert!(
        matches!(
            e.kind,
            ReadErrorKind::OutOfRange {
                unit: 7,
                units: 2,
                ..
            }
        ),
        "{e}"
    );
    let e = err(&file("[0]:[0]:0.9\n[1]:[1]:0.4\n"));
    assert_eq!(e.line, 7);
    assert_eq!(
        e.to_string(),
        "line 7, column 1: the file ends with fr unit 2 in no bead"
    );
    assert!(matches!(
        e.kind,
        ReadErrorKind::Uncovered { from: 2, to: 2, .. }
    ));
    let e = err(&file("[0]:[0]:0.9\n[]:[]:0.4\n[1, 2]:[1]:0.4\n"));
    assert_eq!((e.line, e.kind), (7, ReadErrorKind::EmptyBead));
}

#[test]
fn refuses_bad_syntax_with_its_column() {
    let cases = [
        ("[0]:[0]:0.9:[1]\n", 13, "unknown mark"),
        ("[0]:[0]\n", 8, "expected `:`"),
        ("[0]:[0]:\n", 9, "confidence"),
        ("[0]:[0]:1.5\n", 9, "confidence"),
        ("[0]:[0]:-0\n", 9, "confidence"),
        ("[0]:[0]:nan\n", 9, "confidence"),
        ("[0]:[0]:0.9:wrong:wrong\n", 19, "twice"),
        ("[0]:[0]:[1]:0.9\n", 1, "3 sides"),
        ("[0;1]:[0]:0.9\n", 3, "`,` or `]`"),
        ("[a]:[0]:0.9\n", 2, "unit number"),
        ("(0):[0]:0.9\n", 1, "expected `[`"),
        ("[99999999999999999999]:[0]:0.9\n", 2, "unit number"),
    ];
    for (line, column, words) in cases {
        let e = err(&file(line));
        assert_eq!((e.line, e.column), (6, column), "{line:?}: {e}");
        assert!(e.to_string().contains(words), "{line:?}: {e}");
    }
    // Columns count characters, not bytes.
    let e = err(&file("[0]:[0]:0.9:é\n"));
    assert_eq!(e.column, 13);
}

#[test]
fn errors_become_parse_errors_naming_the_file() {
    let e = err(&file("[0]:[0]:0.9\n[2]:[1]:0.4\n")).into_error(std::path::Path::new("c.beads"));
    assert_eq!(
        e.to_string(),
        "c.beads:7:2: fr unit 1 is in no bead (this bead goes on with unit 2)"
    );
}

/// An alignment with `n` sides (2 or 3) whose beads are cut from `cuts`: per bead, how many
/// units each side takes; a bead with no unit is left out.
fn alignment(cuts: &[(Vec<usize>, u16, u8)], n: usize, segtype: Segtype) -> (Aligned, Vec<Mark>) {
    let langs = [Lang::Fr, Lang::En, Lang::Other("de".into())];
    let mut next = vec![0; n];
    let mut beads = Vec::new();
    let mut marks = Vec::new();
    for (take, score, mark) in cuts {
        if take.iter().take(n).all(|&k| k == 0) {
            continue;
        }
        let sides = (0..n)
            .map(|d| {
                let ix: Vec<usize> = (next[d]..next[d] + take[d]).collect();
                next[d] += take[d];
                ix
            })
            .collect();
        beads.push(MultiBead {
            sides,
            score: f64::from(*score) / 10_000.0,
        });
        marks.push(Mark {
            reviewed: mark & 1 == 1,
            wrong: mark & 2 == 2,
        });
    }
    let a = Aligned {
        document: "doc name".into(),
        segtype,
        sides: (0..n)
            .map(|d| Side {
                lang: langs[d].clone(),
                name: format!("file {d}.txt"),
                units: (0..next[d]).map(|i| format!("unit {i}\n")).collect(),
            })
            .collect(),
        beads,
        inline: Vec::new(),
    };
    (a, marks)
}

proptest! {
    #[test]
    fn write_then_read_is_the_same(
        cuts in prop::collection::vec(
            (prop::collection::vec(0usize..4, 3), 0u16..=10_000, 0u8..4), 1..40),
        three in any::<bool>(),
        sentence in any::<bool>(),
    ) {
        let segtype = if sentence { Segtype::Sentence } else { Segtype::Paragraph };
        let (a, marks) = alignment(&cuts, if three { 3 } else { 2 }, segtype);
        prop_assume!(!a.beads.is_empty());
        let text = write_corrected(&a, &marks);
        let c = read(&text).unwrap();
        prop_assert_eq!(&c.beads, &a.beads);
        prop_assert_eq!(&c.marks, &marks);
        prop_assert_eq!(c.header.segtype, segtype);
        prop_assert_eq!(c.header.document.as_str(), "doc name");
        let sides: Vec<(&Lang, &[String])> =
            a.sides.iter().map(|s| (&s.lang, s.units.as_slice())).collect();
        prop_assert!(c.check(segtype, &sides).is_ok());
        let again = Aligned { beads: c.beads.clone(), ..a.clone() };
        prop_assert_eq!(write_corrected(&again, &c.marks), text);
    }

    #[test]
    fn arbitrary_input_never_panics(text in "\\PC{0,300}") {
        let _ = read(&text);
        let _ = read(&file(&text));
    }

    #[test]
    fn bead_like_input_never_panics(
        lines in prop::collection::vec("[\\[\\]0-9, :.a-z#-]{0,30}", 0..12),
    ) {
        let body = lines.join("\n");
        if let Err(e) = read(&file(&body)) {
            prop_assert!(e.line >= 1 && e.column >= 1);
        }
    }
}

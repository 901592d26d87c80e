//! `alinea align … --beads FILE`: a corrected beads file (as the review page downloads it)
//! turned into a TMX and the other formats; files made for other documents or units, and
//! malformed ones, refused with one line naming the file and its line, exit 2, nothing written.

mod common;

use std::path::{Path, PathBuf};

use alinea::align::reviewed::Mark;
use alinea::align::{self, Aligned, Request, Segtype};
use alinea::export::beads;
use common::{alinea, assert_one_line_error, outcome, root};

const DOC: &str = "ipu-146-cybercrime";

fn files(langs: &[&str]) -> Vec<String> {
    langs
        .iter()
        .map(|l| format!("corpus/{l}/{DOC}.txt"))
        .collect()
}

fn aligned(langs: &[&str], segtype: Segtype) -> Aligned {
    let req = Request {
        files: files(langs).iter().map(|f| root().join(f)).collect(),
        langs_by: "--langs".into(),
        segtype,
        ..Request::default()
    };
    align::align_files(&req).unwrap().aligned
}

/// The x-units of a bead as the TMX writes them (`fr:6-7 en:6-7 ar:6-7`).
fn x_units(a: &Aligned, b: &align::multi::MultiBead) -> String {
    a.sides
        .iter()
        .zip(&b.sides)
        .filter(|(_, ix)| !ix.is_empty())
        .map(|(s, ix)| format!("{}:{}", s.lang, align::aligned::range_label(ix)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A corrected file for the three documents: the first two neighbouring confident one-to-one
/// beads after the letterhead merged (reviewed), a later one marked wrong. Returns the file's
/// text, the merged bead's x-units and the wrong one's.
fn corrected() -> (String, String, String) {
    let mut a = aligned(&["fr", "en", "ar"], Segtype::Paragraph);
    let plain = |b: &align::multi::MultiBead| b.shape() == "1-1-1" && b.score >= 0.5;
    let i = (6..a.beads.len() - 1)
        .find(|&i| plain(&a.beads[i]) && plain(&a.beads[i + 1]))
        .unwrap();
    let j = (i + 3..a.beads.len())
        .find(|&j| plain(&a.beads[j]))
        .unwrap();
    let next = a.beads.remove(i + 1);
    let merged = &mut a.beads[i];
    for (side, more) in merged.sides.iter_mut().zip(next.sides) {
        side.extend(more);
    }
    merged.score = 1.0;
    let mut marks = vec![Mark::default(); a.beads.len()];
    marks[i].reviewed = true;
    marks[j - 1].wrong = true;
    let (m, w) = (x_units(&a, &a.beads[i]), x_units(&a, &a.beads[j - 1]));
    (beads::write_corrected(&a, &marks), m, w)
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn tmx_units(tmx: &str) -> Vec<String> {
    tmx.split("<prop type=\"x-units\">")
        .skip(1)
        .map(|s| s[..s.find('<').unwrap()].to_string())
        .collect()
}

#[test]
fn a_corrected_file_makes_the_tmx() {
    let dir = tempfile::tempdir().unwrap();
    let (text, merged, wrong) = corrected();
    let file = write(dir.path(), "c.beads", &text);
    let out = dir.path().join("out.tmx");
    let (code, stdout, stderr) = outcome(
        alinea()
            .arg("align")
            .args(files(&["fr", "en", "ar"]))
            .arg("--beads")
            .arg(&file)
            .arg("-o")
            .arg(&out),
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("reviewed: 1 made by the reviewer, 1 marked wrong, left out of tmx"),
        "{stderr}"
    );
    let tmx = std::fs::read_to_string(&out).unwrap();
    let units = tmx_units(&tmx);
    assert!(units.contains(&merged), "{merged} in {units:?}");
    assert!(!units.contains(&wrong), "{wrong} in {units:?}");
    assert!(tmx.contains("<prop type=\"x-confidence\">1.00</prop>"));
    // The aligner's own TMX has one more unit (the merge) and the one marked wrong.
    let (_, plain, _) = outcome(alinea().arg("align").args(files(&["fr", "en", "ar"])));
    assert_eq!(tmx_units(&plain).len(), units.len() + 2);

    // As beads: the same corrected file again; as HTML: the page with the marks.
    let (code, again, stderr) = outcome(
        alinea()
            .arg("align")
            .args(files(&["fr", "en", "ar"]))
            .args(["--format", "beads", "--beads"])
            .arg(&file),
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(again, text);
    assert!(stderr.contains("kept with their mark"), "{stderr}");
    let (code, page, _) = outcome(
        alinea()
            .arg("align")
            .args(files(&["fr", "en", "ar"]))
            .args(["--format", "html", "--beads"])
            .arg(&file),
    );
    assert_eq!(code, 0);
    assert!(page.contains("1 marked wrong, 1 made by the reviewer."));
}

#[test]
fn a_file_for_other_units_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (text, _, _) = corrected();
    let file = write(dir.path(), "c.beads", &text);
    let out = dir.path().join("out.tmx");
    // The same documents cut one unit per line.
    let got = outcome(
        alinea()
            .arg("align")
            .args(files(&["fr", "en", "ar"]))
            .args(["--input", "lines", "--beads"])
            .arg(&file)
            .arg("-o")
            .arg(&out),
    );
    assert_one_line_error(
        got,
        &file,
        &[
            ":4:1:",
            "the fr units are not those this file was made for",
            "--input, --unit and --srx",
        ],
    );
    assert!(!out.exists());
    // Another document.
    let other = ["fr", "en", "ar"].map(|l| format!("corpus/{l}/ipu-132-cyber-warfare.txt"));
    let got = outcome(
        alinea()
            .arg("align")
            .args(other)
            .arg("--beads")
            .arg(&file)
            .arg("-o")
            .arg(&out),
    );
    assert_one_line_error(got, &file, &["are not those"]);
    // At sentence level.
    let got = outcome(
        alinea()
            .arg("align")
            .args(files(&["fr", "en", "ar"]))
            .args(["--unit", "sentence", "--beads"])
            .arg(&file)
            .arg("-o")
            .arg(&out),
    );
    assert_one_line_error(
        got,
        &file,
        &["made with --unit paragraph, not --unit sentence"],
    );
    // Two of the three documents.
    let got = outcome(
        alinea()
            .arg("align")
            .args(files(&["fr", "en"]))
            .arg("--beads")
            .arg(&file)
            .arg("-o")
            .arg(&out),
    );
    assert_one_line_error(got, &file, &["made for 3 documents, 2 are given"]);
    assert!(!out.exists());
}

#[test]
fn a_malformed_file_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let (text, _, _) = corrected();
    let out = dir.path().join("out.tmx");
    std::fs::write(&out, "old").unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    // Line 12 (the 7th bead) skips a unit: its fr list starts one further.
    let bad = lines[11].replacen('[', "[99, ", 1);
    lines[11] = bad;
    let skipped = write(dir.path(), "skipped.beads", &(lines.join("\n") + "\n"));
    let cases = [
        (
            skipped,
            vec![":12:2:", "fr unit 99 is past the document's 66 units"],
        ),
        (
            write(dir.path(), "garbled.beads", &text.replace("]:[", "]-[")),
            vec![":7:4:", "expected `:` after a list"],
        ),
        (
            write(dir.path(), "scorer.beads", "[0]:[0]:0.9\n"),
            vec![":1:1:", "not a corrected beads file"],
        ),
        (
            write(
                dir.path(),
                "short.beads",
                &text[..text.rfind("\n[").unwrap() + 1],
            ),
            vec!["the file ends with"],
        ),
    ];
    for (file, words) in cases {
        let got = outcome(
            alinea()
                .arg("align")
                .args(files(&["fr", "en", "ar"]))
                .arg("--beads")
                .arg(&file)
                .arg("-o")
                .arg(&out),
        );
        assert_one_line_error(got, &file, &words);
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    }
    // The output may not be the beads file itself.
    let file = write(dir.path(), "c.beads", &text);
    let (code, _, stderr) = outcome(
        alinea()
            .arg("align")
            .args(files(&["fr", "en", "ar"]))
            .args(["--format", "beads", "--beads"])
            .arg(&file)
            .arg("-o")
            .arg(&file),
    );
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    let got = outcome(
        alinea()
            .arg("align")
            .args(files(&["fr", "en", "ar"]))
            .arg("--beads")
            .arg(dir.path().join("missing.beads")),
    );
    assert_one_line_error(got, &dir.path().join("missing.beads"), &[]);
}

/// `s` without its TMX confidences (a corrected file keeps them to four decimals).
fn without_confidence(s: &str) -> String {
    s.split("<prop type=\"x-confidence\">")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part
            } else {
                &part[part.find('<').unwrap()..]
            }
        })
        .collect()
}

#[test]
fn a_file_left_as_it_was_gives_the_aligners_tmx() {
    let dir = tempfile::tempdir().unwrap();
    let docs = "crates/alinea/tests/fixtures/docs";
    let cases: Vec<(Vec<String>, Segtype)> = vec![
        (files(&["fr", "en", "ar"]), Segtype::Paragraph),
        (files(&["fr", "ar"]), Segtype::Sentence),
        (
            ["fr", "en", "ar"]
                .map(|l| format!("{docs}/ipu-146-cybercrime.{l}.docx"))
                .to_vec(),
            Segtype::Sentence,
        ),
        (
            vec![format!("{docs}/ipu-146-cybercrime.fr-en.xlf")],
            Segtype::Paragraph,
        ),
    ];
    for (k, (inputs, segtype)) in cases.into_iter().enumerate() {
        let req = Request {
            files: inputs.iter().map(|f| root().join(f)).collect(),
            langs_by: "--langs".into(),
            segtype,
            ..Request::default()
        };
        let a = align::align_files(&req).unwrap().aligned;
        let file = write(
            dir.path(),
            &format!("{k}.beads"),
            &beads::write_corrected(&a, &[]),
        );
        let unit = ["--unit", segtype.as_str()];
        let (code, plain, err) = outcome(alinea().arg("align").args(unit).args(&inputs));
        assert_eq!(code, 0, "{err}");
        let (code, corrected, err) = outcome(
            alinea()
                .arg("align")
                .args(unit)
                .args(&inputs)
                .arg("--beads")
                .arg(&file),
        );
        assert_eq!(code, 0, "{err}");
        assert!(plain.contains("<tu "), "{inputs:?}");
        if k == 2 {
            assert!(
                plain.contains("<bpt"),
                "the Word documents have inline tags"
            );
        }
        assert_eq!(
            without_confidence(&corrected),
            without_confidence(&plain),
            "{inputs:?}"
        );
    }
}

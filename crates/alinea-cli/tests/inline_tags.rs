//! Inline formatting in the TMX: the Word fixtures' bold, italics and footnote marks become
//! paired `<bpt>`/`<ept>` and `<ph>` elements, matched across languages by `x`, within what
//! the TMX 1.4b DTD allows; a bold span cut by a sentence boundary leaves `<it>`; alinea's own
//! reader reads the segments back as their plain text; plain text keeps its TMX.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::{alinea, outcome, root};
use quick_xml::events::Event;
use quick_xml::Reader;

fn fixture(name: &str) -> PathBuf {
    root().join("crates/alinea/tests/fixtures/docs").join(name)
}

/// One inline element of a segment: its name and attributes.
#[derive(Debug)]
struct Code {
    name: String,
    attrs: BTreeMap<String, String>,
}

/// A `<tuv>`: its language, the text of its segment without the codes' content, its codes.
#[derive(Debug, Default)]
struct Variant {
    lang: String,
    text: String,
    codes: Vec<Code>,
}

/// The attributes the TMX 1.4b DTD allows on each inline element (`i` required on `bpt` and
/// `ept`, `pos` on `it`).
const ALLOWED: &[(&str, &[&str], &[&str])] = &[
    ("bpt", &["i", "x", "type"], &["i"]),
    ("ept", &["i"], &["i"]),
    ("ph", &["x", "assoc", "type"], &[]),
    ("it", &["pos", "x", "type"], &["pos"]),
];

/// The units of a TMX, checking the inline content model of the DTD on the way: inside
/// `<seg>` only `bpt`, `ept`, `ph`, `it`, holding text only, with their allowed attributes.
fn units(tmx: &str) -> Vec<Vec<Variant>> {
    let mut r = Reader::from_str(tmx);
    let mut out: Vec<Vec<Variant>> = Vec::new();
    let (mut in_seg, mut in_code) = (false, false);
    loop {
        let ev = r.read_event().unwrap();
        let empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                let attrs: BTreeMap<String, String> = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        (
                            String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                            a.unescape_value().unwrap().into_owned(),
                        )
                    })
                    .collect();
                match name.as_str() {
                    "tu" => out.push(Vec::new()),
                    "tuv" => out.last_mut().unwrap().push(Variant {
                        lang: attrs["xml:lang"].clone(),
                        ..Variant::default()
                    }),
                    "seg" => in_seg = !empty,
                    _ if in_seg => {
                        assert!(!in_code, "<{name}> inside an inline element");
                        let (_, allowed, required) = ALLOWED
                            .iter()
                            .find(|(n, _, _)| *n == name)
                            .unwrap_or_else(|| panic!("<{name}> is not allowed in <seg>"));
                        for k in attrs.keys() {
                            assert!(allowed.contains(&k.as_str()), "{name} {k}");
                        }
                        for k in *required {
                            assert!(attrs.contains_key(*k), "{name} without {k}");
                        }
                        if name == "it" {
                            assert!(["begin", "end"].contains(&attrs["pos"].as_str()));
                        }
                        let v = out.last_mut().unwrap().last_mut().unwrap();
                        v.codes.push(Code { name, attrs });
                        in_code = !empty;
                    }
                    _ => {}
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"seg" => in_seg = false,
                b"bpt" | b"ept" | b"ph" | b"it" => in_code = false,
                _ => {}
            },
            Event::Text(t) if in_seg && !in_code => {
                let v = out.last_mut().unwrap().last_mut().unwrap();
                v.text.push_str(&t.unescape().unwrap());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Every `<ept>` closes a `<bpt>` opened before it in the same segment, every `<bpt>` is
/// closed, and the `i`s of a segment are its own.
fn check_pairs(v: &Variant) {
    let mut open = BTreeSet::new();
    for c in &v.codes {
        match c.name.as_str() {
            "bpt" => assert!(open.insert(c.attrs["i"].clone()), "i reused: {v:?}"),
            "ept" => assert!(open.remove(&c.attrs["i"]), "ept without bpt: {v:?}"),
            _ => {}
        }
    }
    assert!(open.is_empty(), "bpt without ept: {v:?}");
}

fn align(args: &[&Path], extra: &[&str], dir: &Path) -> String {
    let out = dir.join("out.tmx");
    let (code, _, stderr) = outcome(
        alinea()
            .env_remove("SOURCE_DATE_EPOCH")
            .arg("align")
            .args(args)
            .args(extra)
            .arg("-o")
            .arg(&out),
    );
    assert_eq!(code, 0, "{stderr}");
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn word_formatting_and_footnote_marks_are_paired_inline_elements() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = ["fr", "en", "ar"]
        .iter()
        .map(|l| fixture(&format!("ipu-146-cybercrime.{l}.docx")))
        .collect();
    let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let tmx = align(&refs, &[], dir.path());
    let tus = units(&tmx);
    assert!(tus.len() > 40, "{} units", tus.len());
    let count = |name: &str| {
        tus.iter()
            .flatten()
            .flat_map(|v| &v.codes)
            .filter(|c| c.name == name)
            .count()
    };
    assert!(count("bpt") >= 20, "{} bpt", count("bpt"));
    assert_eq!(count("bpt"), count("ept"));
    assert!(count("ph") >= 4, "{} ph", count("ph"));
    let mut shared = 0;
    for tu in &tus {
        for v in tu {
            check_pairs(v);
        }
        // Codes of one kind in two languages share their x.
        let xs: Vec<BTreeSet<(String, String)>> = tu
            .iter()
            .map(|v| {
                v.codes
                    .iter()
                    .filter_map(|c| Some((c.attrs.get("type")?.clone(), c.attrs.get("x")?.clone())))
                    .collect()
            })
            .collect();
        if xs.len() >= 2 && !xs[0].is_empty() && xs[0] == xs[1] {
            shared += 1;
        }
    }
    assert!(
        shared >= 10,
        "{shared} units whose codes match across fr and en"
    );
    // A footnote reference is a mark, not a digit glued to the word before it.
    let notes = tus
        .iter()
        .flatten()
        .filter(|v| {
            v.codes
                .iter()
                .any(|c| c.attrs.get("type").map(String::as_str) == Some("fnote"))
        })
        .count();
    assert!(notes >= 3, "{notes} segments with a footnote mark");
    assert!(tmx.contains(r#"type="fnote">&lt;footnote/&gt;</ph>"#));
    // alinea's own reader keeps the codes' content out: each segment reads as its text.
    let read =
        alinea::tmx::read_bytes(tmx.as_bytes(), Path::new("out.tmx"), Default::default()).unwrap();
    assert_eq!(read.len(), tus.len());
    for (tu, mine) in read.iter().zip(&tus) {
        for (v, m) in tu.variants.iter().zip(mine) {
            assert_eq!(v.lang, m.lang);
            assert_eq!(v.text, m.text);
            assert!(!v.text.contains('\u{FDD0}'));
        }
    }
}

#[test]
fn a_sentence_boundary_inside_a_bold_span_leaves_isolated_codes() {
    let dir = tempfile::tempdir().unwrap();
    let fr = dir.path().join("note.fr.html");
    let en = dir.path().join("note.en.html");
    std::fs::write(
        &fr,
        "<html lang=\"fr\"><body><p>Le Conseil <b>a adopté la résolution. Elle entre en \
         vigueur</b> demain.<sup><a href=\"#n1\">1</a></sup><br>Fin du texte.</p></body></html>",
    )
    .unwrap();
    std::fs::write(
        &en,
        "<html lang=\"en\"><body><p>The Council <b>adopted the resolution. It enters into \
         force</b> tomorrow.<sup><a href=\"#n1\">1</a></sup><br>End of the text.</p></body></html>",
    )
    .unwrap();
    let tmx = align(&[&fr, &en], &["--unit", "sentence"], dir.path());
    let tus = units(&tmx);
    assert_eq!(tus.len(), 3, "{tmx}");
    for tu in &tus {
        for v in tu {
            check_pairs(v);
        }
    }
    let names = |k: usize, d: usize| -> Vec<String> {
        tus[k][d]
            .codes
            .iter()
            .map(|c| match c.attrs.get("pos") {
                Some(p) => format!("it-{p}"),
                None => c.name.clone(),
            })
            .collect()
    };
    for d in 0..2 {
        assert_eq!(names(0, d), ["it-begin"], "{tmx}");
        assert_eq!(names(1, d), ["it-end", "ph", "ph"], "{tmx}");
        assert!(names(2, d).is_empty(), "{tmx}");
    }
    // The opening in one language and in the other share their x, and so do the closings.
    assert_eq!(tus[0][0].codes[0].attrs["x"], tus[0][1].codes[0].attrs["x"]);
    assert_eq!(tus[1][0].codes[1].attrs["type"], "fnote");
    assert_eq!(tus[1][0].codes[2].attrs["type"], "lb");
    // The note number is not text.
    assert_eq!(tus[1][0].text, "Elle entre en vigueur demain.");
    // Formats that cannot carry tags say so.
    let (code, _, stderr) = outcome(
        alinea()
            .arg("align")
            .args([&fr, &en])
            .arg("-o")
            .arg(dir.path().join("out.tsv")),
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("export/inline-dropped"), "{stderr}");
}

#[test]
fn plain_text_keeps_its_tmx() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = ["fr", "en", "ar"]
        .iter()
        .map(|l| root().join(format!("corpus/{l}/ipu-146-cybercrime.txt")))
        .collect();
    let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let tmx = align(&refs, &[], dir.path());
    for name in ["<bpt", "<ept", "<ph", "<it "] {
        assert!(!tmx.contains(name), "{name} in a TMX of plain text");
    }
    let committed = std::fs::read_to_string(root().join("aligned/ipu-146-cybercrime.tmx")).unwrap();
    assert_eq!(tmx, committed, "the TMX of the corpus text changed");
}

#[test]
fn xliff_inline_codes_reach_the_tmx() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "ipu-146-cybercrime.fr-en.xlf",
        "ipu-146-cybercrime.fr-en.xliff",
    ] {
        let tmx = align(&[&fixture(name)], &[], dir.path());
        let units = units(&tmx);
        let coded: Vec<&Vec<Variant>> = units
            .iter()
            .filter(|u| u.iter().any(|v| !v.codes.is_empty()))
            .collect();
        assert!(!coded.is_empty(), "{name}: no inline code in\n{tmx}");
        for u in &coded {
            for v in u.iter() {
                check_pairs(v);
                let kinds: Vec<(&str, Option<&str>)> = v
                    .codes
                    .iter()
                    .map(|c| (c.name.as_str(), c.attrs.get("type").map(String::as_str)))
                    .collect();
                assert_eq!(
                    kinds,
                    [("bpt", Some("x-code")), ("ept", None)],
                    "{name}: {v:?}"
                );
            }
            // The generic code pairs across the languages of the unit.
            assert_eq!(u[0].codes[0].attrs["x"], u[1].codes[0].attrs["x"]);
        }
        let reaffirm = coded
            .iter()
            .find(|u| u.iter().any(|v| v.text.contains("réaffirmant")))
            .unwrap_or_else(|| panic!("{name}: the coded unit is missing"));
        assert!(reaffirm.iter().any(|v| v.text.contains("reaffirming")));
    }
}

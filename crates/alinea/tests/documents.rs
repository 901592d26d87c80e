//! Documents in word-processor formats (tests/fixtures/docs, made from the shipped corpus by
//! scripts/make-doc-fixtures.py with LibreOffice): they read into the units of the corpus
//! text, and their alignment recovers the corpus gold; the XLIFF files align as they stand;
//! the PDF, read through pdftotext when it is installed, keeps the whole text.

use std::path::{Path, PathBuf};

use alinea::align::{self, Request};
use alinea::doc::{self, InputMode};
use alinea::Lang;

const DOC: &str = "ipu-146-cybercrime";

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn fixture(name: &str) -> PathBuf {
    root().join("crates/alinea/tests/fixtures/docs").join(name)
}

fn corpus(lang: &str) -> PathBuf {
    root().join("corpus").join(lang).join(format!("{DOC}.txt"))
}

/// Letters and digits only, lower case: what must survive any format.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn plains(path: &Path, lang: &str) -> Vec<String> {
    let l: Lang = lang.parse().unwrap();
    doc::load(path, Some(l), InputMode::Auto)
        .unwrap_or_else(|e| panic!("{e}"))
        .units
        .into_iter()
        .map(|u| u.plain.to_string())
        .collect()
}

/// Gold beads `[i, j]:[k]` of `pair` (`fr-en`).
fn gold(pair: &str) -> Vec<(Vec<usize>, Vec<usize>)> {
    let path = root()
        .join("corpus/gold")
        .join(format!("{DOC}.{pair}.beads"));
    let text = std::fs::read_to_string(path).unwrap();
    let side = |s: &str| -> Vec<usize> {
        s.trim()
            .trim_matches(['[', ']'])
            .split(',')
            .filter(|x| !x.trim().is_empty())
            .map(|x| x.trim().parse().unwrap())
            .collect()
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (a, b) = l.split_once(':').unwrap();
            (side(a), side(b))
        })
        .collect()
}

/// Each document reads into the units of its corpus text, in order (the same letters and
/// digits; note marks and markup may differ): so the gold indices hold for it.
#[test]
fn word_and_opendocument_files_read_into_the_corpus_units() {
    for lang in ["fr", "en", "ar"] {
        let text = plains(&corpus(lang), lang);
        for ext in ["docx", "odt"] {
            let name = format!("{DOC}.{lang}.{ext}");
            let units = plains(&fixture(&name), lang);
            assert_eq!(units.len(), text.len(), "{name}: unit count");
            for (i, (u, t)) in units.iter().zip(&text).enumerate() {
                assert_eq!(fold(u), fold(t), "{name}: unit {i}");
            }
        }
    }
}

/// The alignment of the .docx and .odt files recovers every gold bead, fr-en and fr-ar, as
/// the plain text files' does (tests/corpus.rs).
#[test]
fn word_and_opendocument_alignments_recover_the_gold() {
    let mut missed = Vec::new();
    for ext in ["docx", "odt"] {
        for lang in ["en", "ar"] {
            let req = Request {
                files: vec![
                    fixture(&format!("{DOC}.fr.{ext}")),
                    fixture(&format!("{DOC}.{lang}.{ext}")),
                ],
                ..Request::default()
            };
            let out = align::align_files(&req).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(out.documents[1].lang.code(), lang, "language from the path");
            let got: Vec<(Vec<usize>, Vec<usize>)> = out
                .aligned
                .beads
                .iter()
                .map(|b| (b.sides[0].clone(), b.sides[1].clone()))
                .collect();
            for bead in gold(&format!("fr-{lang}")) {
                if !got.contains(&bead) {
                    missed.push(format!("{ext} fr-{lang}: {:?}:{:?}", bead.0, bead.1));
                }
            }
        }
        // The three together, as `alinea align fr en ar` does.
        let req = Request {
            files: ["fr", "en", "ar"]
                .iter()
                .map(|l| fixture(&format!("{DOC}.{l}.{ext}")))
                .collect(),
            ..Request::default()
        };
        let out = align::align_files(&req).unwrap();
        assert_eq!(out.aligned.sides.len(), 3);
        assert!(
            out.aligned
                .summary()
                .shapes
                .get("1-1-1")
                .copied()
                .unwrap_or(0)
                >= 60
        );
    }
    assert!(
        missed.is_empty(),
        "gold beads not recovered:\n{}",
        missed.join("\n")
    );
}

/// An XLIFF file aligns as it stands: one bead per translated unit, confidence 1, the texts
/// those of the corpus units it was made from.
#[test]
fn xliff_files_are_aligned_pairs() {
    let fr = plains(&corpus("fr"), "fr");
    for name in [format!("{DOC}.fr-en.xlf"), format!("{DOC}.fr-en.xliff")] {
        let req = Request {
            files: vec![fixture(&name)],
            ..Request::default()
        };
        let out = align::align_files(&req).unwrap_or_else(|e| panic!("{e}"));
        let a = &out.aligned;
        let langs: Vec<&str> = a.sides.iter().map(|s| s.lang.code()).collect();
        assert_eq!(langs, ["fr", "en"], "{name}");
        let translated = if name.ends_with(".xlf") { 11 } else { 12 };
        assert_eq!(a.beads.len(), translated, "{name}");
        assert!(a.beads.iter().all(|b| b.score == 1.0));
        for (i, b) in a.beads.iter().enumerate() {
            assert_eq!(b.sides, vec![vec![i], vec![i]]);
            let text = fold(&a.text(b, 0));
            assert!(fr.iter().any(|u| fold(u) == text), "{name}: {text}");
        }
        let warned = out.diagnostics.iter().any(|d| d.code == "xliff/no-target");
        assert_eq!(warned, name.ends_with(".xlf"), "{name}");
    }
}

/// The PDF (LibreOffice's export of the French .odt) keeps the text of every unit in Latin
/// script, through pdftotext; skipped where poppler-utils is not installed.
#[test]
fn pdf_text_keeps_every_unit() {
    let path = fixture(&format!("{DOC}.fr.pdf"));
    let read = match doc::load(&path, Some(Lang::Fr), InputMode::Auto) {
        Ok(d) => d,
        Err(e) if e.to_string().contains("not installed") => {
            eprintln!("pdftotext is not installed: skipped ({e})");
            return;
        }
        Err(e) => panic!("{e}"),
    };
    let whole = fold(&read.units.iter().map(|u| &*u.plain).collect::<String>());
    // pdftotext may put the words of an Arabic line in visual order (README, Limits): the two
    // Arabic lines of the French letterhead are not compared.
    let arabic = |u: &str| u.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c));
    for (i, u) in plains(&corpus("fr"), "fr").iter().enumerate() {
        if arabic(u) {
            continue;
        }
        assert!(
            whole.contains(&fold(u)),
            "unit {i} missing from the PDF reading: {u}"
        );
    }
    assert!(read.units.len() >= 50, "{} units", read.units.len());
}

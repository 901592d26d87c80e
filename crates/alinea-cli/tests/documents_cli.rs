//! Documents in other formats than text through the binary: `segment` shows each unit's place
//! in the original, `align` reads Word and OpenDocument files and takes an XLIFF file alone,
//! `build` aligns a corpus of .docx files, and bad documents are one line, exit code 2 and no
//! output.

mod common;

use std::path::{Path, PathBuf};

use common::{alinea, assert_one_line_error, outcome, root};

fn fixture(name: &str) -> PathBuf {
    root().join("crates/alinea/tests/fixtures/docs").join(name)
}

#[test]
fn segment_shows_places_in_the_original() {
    let (code, out, err) = outcome(
        alinea()
            .args(["segment"])
            .arg(fixture("ipu-146-cybercrime.fr.docx")),
    );
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 66);
    assert!(
        lines[19].starts_with("19\tnote\t1\t")
            && lines[19]
                .contains("ipu-146-cybercrime.fr.docx:footnote 1\t1 La délégation de l'Inde"),
        "{}",
        lines[19]
    );
    assert!(
        lines[40].contains(":paragraph 39\t1. encourage les parlements"),
        "{}",
        lines[40]
    );

    let (code, out, _) = outcome(
        alinea()
            .args(["segment", "--unit", "sentence", "--format", "json"])
            .arg(fixture("ipu-146-cybercrime.ar.odt")),
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["lang"], "ar");
    let units = v["units"].as_array().unwrap();
    assert!(units.iter().all(|u| u["place"].is_string()));
    assert!(units.iter().any(|u| u["place"] == "footnote 1"));

    // A text file has no place: its span says where a unit is.
    let (_, out, _) = outcome(
        alinea()
            .args(["segment", "--format", "json"])
            .arg("corpus/fr/ipu-146-cybercrime.txt"),
    );
    assert!(!out.contains("\"place\""));
}

#[test]
fn an_xliff_file_alone_gives_a_tmx() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.tmx");
    let (code, _, err) = outcome(
        alinea()
            .env("SOURCE_DATE_EPOCH", "0")
            .args(["align", "-o"])
            .arg(&out)
            .arg(fixture("ipu-146-cybercrime.fr-en.xliff")),
    );
    assert_eq!(code, 0, "{err}");
    let tmx = std::fs::read_to_string(&out).unwrap();
    // 12 units, one of them the same text in both languages (a letterhead line): left out.
    assert_eq!(tmx.matches("<tu ").count(), 11, "{err}");
    assert!(err.contains("1 not translation"), "{err}");
    assert!(tmx.contains("<seg>Union interparlementaire</seg>"));
    assert!(tmx.contains("<seg>Inter-Parliamentary Union</seg>"));
    assert!(tmx.contains(r#"<tuv xml:lang="en-GB">"#));

    // An XLIFF file with other documents: a usage error.
    let (code, _, err) = outcome(
        alinea()
            .args(["align"])
            .arg(fixture("ipu-146-cybercrime.fr-en.xlf"))
            .arg("corpus/en/ipu-146-cybercrime.txt"),
    );
    assert_eq!(code, 2);
    assert!(err.contains("align it alone"), "{err}");
}

#[test]
fn build_aligns_a_corpus_of_word_files() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    for lang in ["fr", "en", "ar"] {
        std::fs::create_dir_all(corpus.join(lang)).unwrap();
        std::fs::copy(
            fixture(&format!("ipu-146-cybercrime.{lang}.docx")),
            corpus.join(lang).join("ipu-146.docx"),
        )
        .unwrap();
    }
    let out = dir.path().join("aligned");
    let (code, _, err) = outcome(
        alinea()
            .args(["build", "--corpus"])
            .arg(&corpus)
            .arg("--out")
            .arg(&out),
    );
    assert_eq!(code, 0, "{err}");
    let tmx = std::fs::read_to_string(out.join("ipu-146.tmx")).unwrap();
    assert!(tmx.matches("<tu ").count() >= 60, "{err}");
}

/// A small archive with `entries`, deflated.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    alinea::doc::formats::zip::write(entries, true)
}

fn refused(path: &Path, words: &[&str]) {
    let dir = path.parent().unwrap();
    let out = dir.join("out.tmx");
    let got = outcome(
        alinea()
            .args(["align", "-o"])
            .arg(&out)
            .arg(path)
            .arg(fixture("ipu-146-cybercrime.en.docx")),
    );
    assert_one_line_error(got, path, words);
    assert!(!out.exists(), "no output for {}", path.display());
    let got = outcome(alinea().arg("segment").arg(path));
    assert_one_line_error(got, path, words);
}

#[test]
fn bad_documents_are_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    // A damaged zip: the end of a real .docx cut off.
    let docx = std::fs::read(fixture("ipu-146-cybercrime.fr.docx")).unwrap();
    let p = write("cut.docx", &docx[..docx.len() / 2]);
    refused(&p, &["is not a valid zip archive"]);
    // A zip that is not WordprocessingML.
    let p = write("other.docx", &zip(&[("notes.txt", b"hello")]));
    refused(&p, &["is not a Word document (WordprocessingML)"]);
    // A zip bomb: 64 MiB of zeros declared as 100 bytes.
    let zeros = vec![0u8; 64 << 20];
    let mut bomb = zip(&[("word/document.xml", &zeros)]);
    let cd = bomb.len() - 22 - (46 + "word/document.xml".len());
    bomb[cd + 24..cd + 28].copy_from_slice(&100u32.to_le_bytes());
    let p = write("bomb.docx", &bomb);
    refused(&p, &["inflates past the 100 bytes it declares"]);
    // An encrypted PDF.
    let p = write(
        "locked.pdf",
        b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R /Encrypt 2 0 R >>\n%%EOF\n",
    );
    refused(&p, &["is an encrypted PDF"]);
    // An XLIFF file whose units have no target.
    let p = write(
        "empty.xlf",
        br#"<?xml version="1.0"?><xliff version="1.2"><file source-language="fr" target-language="en"><body>
<trans-unit id="1"><source>Bonjour.</source></trans-unit></body></file></xliff>"#,
    );
    let got = outcome(alinea().arg("align").arg(&p));
    assert_one_line_error(got, &p, &["no translated unit"]);
    // A page with no text.
    let p = write(
        "blank.html",
        b"<!DOCTYPE html><html><head><title>x</title></head><body><script>1</script></body></html>",
    );
    refused(&p, &["is an HTML document with no text in it"]);
}

#[cfg(unix)]
#[test]
fn a_pdf_without_pdftotext_says_how_to_install_it() {
    let empty = tempfile::tempdir().unwrap();
    let pdf = fixture("ipu-146-cybercrime.fr.pdf");
    let got = outcome(alinea().env("PATH", empty.path()).arg("segment").arg(&pdf));
    assert_one_line_error(got, &pdf, &["pdftotext", "not installed", "poppler-utils"]);
}

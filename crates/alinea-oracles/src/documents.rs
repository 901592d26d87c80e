//! The document readers' oracles ([`crate::Target::Docx`], `Odt`, `Html`, `Xliff`, `Pdf`):
//! no panic on any bytes, and what is read holds together — every unit has text with its
//! white space collapsed, its span on character boundaries of the extracted text, and
//! sentences that fall inside it.
//!
//! The Word and OpenDocument targets read their input as an archive when it is one, and
//! otherwise as the archive's main XML part (stored in an archive made here), so that
//! mutations reach the XML readers instead of stopping at a CRC check.

use std::path::Path;

use alinea::doc::formats::{self, zip, Read};
use alinea::doc::{self, InputMode};
use alinea::text::lang::Decision;
use alinea::Lang;

/// Reads `data` as the file `name` and checks what comes out.
fn read(name: &str, data: &[u8]) {
    let Ok(read) = formats::from_bytes(Path::new(name), data, None) else {
        return;
    };
    let sources = match read {
        Read::One(s) => vec![s],
        Read::Aligned(pair) => {
            let [a, b] = *pair;
            let (na, nb) = (
                a.blocks.as_ref().map(Vec::len),
                b.blocks.as_ref().map(Vec::len),
            );
            assert_eq!(na, nb, "the two sides of an aligned file differ in units");
            vec![a, b]
        }
    };
    for source in sources {
        let blocks = source.blocks.as_deref().unwrap_or_default();
        for b in blocks {
            assert!(!b.text.is_empty(), "an empty unit at {}", b.place);
            assert_eq!(
                formats::collapse(&b.text),
                b.text,
                "white space not collapsed"
            );
            assert!(!b.text.contains('\n'), "a line break in a unit");
        }
        let lang = [Lang::Fr, Lang::En, Lang::Ar][data.len() % 3].clone();
        let Ok(reading) = doc::read_source(&source, &Decision::fallback(lang), InputMode::Auto)
        else {
            continue;
        };
        let text = reading.source();
        let units = &reading.document.units;
        if source.blocks.is_some() {
            assert_eq!(units.len(), blocks.len(), "one unit per block");
        }
        for u in units {
            crate::check_span(text, &u.span, "unit");
        }
        for s in reading.sentences() {
            crate::check_span(text, &s.unit.span, "sentence");
            let p = &units[s.paragraph].span;
            assert!(
                p.start_byte <= s.unit.span.start_byte && s.unit.span.end_byte <= p.end_byte,
                "a sentence outside its paragraph"
            );
        }
    }
}

/// `data` as an archive when it is one, else as the part `part` of an archive.
fn archive(data: &[u8], part: &str, extra: &[(&str, &[u8])]) -> Vec<u8> {
    if zip::is_zip(data) {
        return data.to_vec();
    }
    let mut entries = extra.to_vec();
    entries.push((part, data));
    zip::write(&entries, false)
}

/// A Word file, or its `word/document.xml`.
pub fn docx(data: &[u8]) {
    read("fuzz.docx", &archive(data, "word/document.xml", &[]));
}

/// An OpenDocument text, or its `content.xml`.
pub fn odt(data: &[u8]) {
    let mimetype: &[u8] = b"application/vnd.oasis.opendocument.text";
    read(
        "fuzz.odt",
        &archive(data, "content.xml", &[("mimetype", mimetype)]),
    );
}

/// An HTML page.
pub fn html(data: &[u8]) {
    read("fuzz.html", data);
}

/// An XLIFF file.
pub fn xliff(data: &[u8]) {
    read("fuzz.xlf", data);
}

/// What alinea does itself with a PDF (no `pdftotext` is run): the encryption check, and the
/// paragraph breaks put into pdftotext's text, which keep every non-blank line as it was
/// (bar a space after a glued list number, a note number made a superscript mark).
pub fn pdf(data: &[u8]) {
    let _ = formats::pdf::encrypted(data);
    let text = String::from_utf8_lossy(data);
    let out = formats::pdf::paragraphs(&text);
    let kept = |s: &str| -> String { s.chars().filter(|c| c.is_alphabetic()).collect() };
    assert_eq!(
        kept(&text),
        kept(&out),
        "pdf paragraphs lost or added letters"
    );
}

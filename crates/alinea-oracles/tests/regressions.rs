//! Inputs the fuzz targets found, minimised, each checked by what it broke.

use std::io::Read;
use std::path::Path;

use alinea::input::{self, Utf8Reader, MAX_BYTES};
use alinea::termbase::{self, Format, Termbase};

/// The bytes of `data` read through the streaming decoder one byte at a time, as from a pipe.
fn streamed(data: &[u8]) -> Result<String, String> {
    struct OneByte<'a>(&'a [u8]);
    impl Read for OneByte<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(buf.len()).min(1);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }
    let mut out = Vec::new();
    Utf8Reader::new(OneByte(data), MAX_BYTES)
        .read_to_end(&mut out)
        .map(|_| String::from_utf8(out).unwrap())
        .map_err(|e| input::io_error(Path::new("x.txt"), &e).to_string())
}

fn whole(data: &[u8]) -> Result<String, String> {
    input::decode_bytes(data, Path::new("x.txt")).map_err(|e| e.to_string())
}

/// An invalid UTF-8 byte with a control character a few bytes after it: read whole, the
/// decoder sees the control character and calls the file binary; streamed, it holds only the
/// bytes up to the bad one and calls it invalid UTF-8. The refusal's wording (and whether the
/// "looks like UTF-16" guess is made) should not depend on how the bytes arrive.
#[test]
fn a_refusal_is_worded_the_same_whole_and_streamed() {
    let data = b"abc\xC3 \x01";
    assert_eq!(whole(data), streamed(data));
}

/// Whole and streamed both refuse it, at the same byte.
#[test]
fn an_invalid_byte_before_a_control_character_is_refused_whole_and_streamed() {
    let data = b"abc\xC3 \x01";
    let (w, s) = (whole(data).unwrap_err(), streamed(data).unwrap_err());
    assert!(w.contains("byte offset 3"), "{w}");
    assert!(s.contains("byte offset 3"), "{s}");
}

/// A UTF-8 BOM, then text with a NUL at every other byte: whole, the refusal was worded after
/// the bytes past the BOM (UTF-16 without a BOM); streamed, after the BOM too (binary data).
/// The BOM is no part of the text a refusal is worded after.
#[test]
fn a_bom_before_utf16_looking_bytes_is_refused_the_same_whole_and_streamed() {
    let data = b"\xEF\xBB\xBF.\x00 \x00l\x00u\x00a\x00";
    let (w, s) = (whole(data).unwrap_err(), streamed(data).unwrap_err());
    assert_eq!(w, s);
    assert!(w.contains("byte offset 4"), "{w}");
}

fn csv_round_trip(csv: &str) -> Result<Termbase, String> {
    let tb = termbase::read_str(csv, Format::Csv, Path::new("t.csv"))
        .map_err(|e| format!("first read: {e}"))?
        .termbase;
    let written = termbase::to_string(&tb, Format::Csv).map_err(|e| e.to_string())?;
    let back = termbase::read_str(&written, Format::Csv, Path::new("t.csv"))
        .map_err(|e| format!("{e}\n{written}"))?
        .termbase;
    assert_eq!(back, tb);
    Ok(back)
}

/// `id` is both the id column and the code of Indonesian: a header `id-` was read as an
/// Indonesian term column, and the CSV written from it, `id,subject,id,id_status,…`, had no
/// language column left. (Fuzz input `id-\no`.) A tag with an empty subtag is now refused, and
/// the writer names the Indonesian terms column `id-ID`, which reads back as Indonesian.
#[test]
fn an_indonesian_term_column_survives_a_csv_round_trip() {
    assert!(csv_round_trip("id-\no\n").unwrap_err().contains("unknown"));
    let back = csv_round_trip("id,id-ID,fr\nx,istilah,terme\n").unwrap();
    let id = back.concepts[0]
        .terms
        .iter()
        .find(|t| t.lang.code() == "id");
    assert_eq!(id.map(|t| t.text.as_str()), Some("istilah"));
}

#[test]
fn a_csv_with_an_id_column_and_terms_round_trips() {
    csv_round_trip("id,fr,en\nx,terme,term\n").unwrap();
}

/// Two `note` columns give a concept two notes; the writer gives each its own `note` column,
/// so they come back as two. (Fuzz input, minimised: `fr,note,note\nx,a,b`.)
#[test]
fn several_notes_survive_a_csv_round_trip() {
    csv_round_trip("fr,note,note\nx,a,b\n").unwrap();
    csv_round_trip("fr,note,note,note\nx,a | b,;c,\ny,d,,\n").unwrap();
}

/// HTML: a stray `=` before an attribute value, then a two-byte letter: the tag reader
/// stepped one byte past the value, into the letter (a slice inside a character, a panic).
#[test]
fn html_stray_equals_then_a_two_byte_letter() {
    alinea_oracles::Target::Html.check("<p =\"x\"ج>texte</p>".as_bytes());
}

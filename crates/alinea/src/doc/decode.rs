//! Decoding: UTF-8 (with or without BOM) and UTF-16 LE/BE with BOM. Anything else is refused
//! with the byte offset of the first bad sequence.
//!
//! There is deliberately no fallback to Windows-1252 or Latin-1: every byte sequence is valid
//! in those encodings, so a wrong guess would silently turn `é` into `Ã©` in an aligned
//! memory. A user with such a file converts it once (`iconv -f WINDOWS-1252 -t UTF-8`) and
//! knows what they get.

use std::path::Path;

use crate::{Error, Result};

/// Control characters that do not occur in text (everything below U+0020 except tab, line
/// feed, form feed and carriage return; and DEL).
fn binary_char(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\u{000C}')) || c == '\u{007F}'
}

/// Decode a file's bytes to text.
pub fn decode(bytes: &[u8], path: &Path) -> Result<String> {
    let err = |message: String| Error::Decode {
        path: path.to_path_buf(),
        message,
    };
    if bytes.is_empty() {
        return Err(err("is empty".into()));
    }
    let (text, base) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (utf8(rest, 3).map_err(err)?, 3)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(rest, false).map_err(err)?, 2)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(rest, true).map_err(err)?, 2)
    } else {
        (utf8(bytes, 0).map_err(err)?, 0)
    };
    if let Some((i, c)) = text.char_indices().find(|&(_, c)| binary_char(c)) {
        let at = if base == 3 || base == 0 {
            format!("byte offset {}", base + i)
        } else {
            format!("character {}", text[..i].chars().count() + 1)
        };
        return Err(err(format!(
            "holds binary data (control character U+{:04X} at {at}), not text",
            c as u32
        )));
    }
    Ok(text)
}

fn utf8(bytes: &[u8], base: usize) -> std::result::Result<String, String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let at = base + e.valid_up_to();
            let nuls = bytes.iter().filter(|&&b| b == 0).count();
            if nuls * 4 >= bytes.len() {
                return Err(format!(
                    "looks like UTF-16 without a byte-order mark (NUL bytes from byte offset \
                     {at}); save it as UTF-8 or as UTF-16 with a BOM"
                ));
            }
            Err(format!(
                "is not valid UTF-8 (byte offset {at}: byte 0x{:02X}); save it as UTF-8 or UTF-16 \
                 with a BOM (other encodings such as Windows-1252 are not guessed)",
                bytes[e.valid_up_to()]
            ))
        }
    }
}

fn utf16(bytes: &[u8], big_endian: bool) -> std::result::Result<String, String> {
    let name = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
    if bytes.len() % 2 == 1 {
        return Err(format!(
            "is not valid {name} (odd number of bytes: {} after the BOM)",
            bytes.len()
        ));
    }
    let units = bytes.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut offset = 2;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => {
                out.push(c);
                offset += c.len_utf16() * 2;
            }
            Err(e) => {
                return Err(format!(
                    "is not valid {name} (unpaired surrogate 0x{:04X} at byte offset {offset})",
                    e.unpaired_surrogate()
                ))
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(b: &[u8]) -> std::result::Result<String, String> {
        decode(b, Path::new("f.txt")).map_err(|e| e.to_string())
    }

    #[test]
    fn encodings() {
        assert_eq!(d(b"abc").unwrap(), "abc");
        assert_eq!(d(b"\xEF\xBB\xBFabc").unwrap(), "abc");
        assert_eq!(d(b"\xFF\xFEa\x00\xe9\x00").unwrap(), "aé");
        assert_eq!(d(b"\xFE\xFF\x00a\x00\xe9").unwrap(), "aé");
        assert_eq!(d("نص".as_bytes()).unwrap(), "نص");
    }

    #[test]
    fn refusals_name_the_place() {
        let e = d(b"").unwrap_err();
        assert!(e.contains("f.txt: is empty"), "{e}");
        let e = d(b"caf\xe9 noir").unwrap_err();
        assert!(e.contains("byte offset 3"), "{e}");
        let e = d(b"\xEF\xBB\xBFab\xff").unwrap_err();
        assert!(e.contains("byte offset 5"), "{e}");
        let e = d(b"ab\x00cd").unwrap_err();
        assert!(e.contains("binary") && e.contains("byte offset 2"), "{e}");
        let e = d(b"a\x00b\x00c\x00\xe9\x00").unwrap_err();
        assert!(e.contains("UTF-16 without a byte-order mark"), "{e}");
        let e = d(b"\xFF\xFEa\x00b").unwrap_err();
        assert!(e.contains("odd number"), "{e}");
        let e = d(b"\xFF\xFEa\x00\x00\xD8b\x00").unwrap_err();
        assert!(e.contains("byte offset 4"), "{e}");
    }
}

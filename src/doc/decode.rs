//! Decoding: UTF-8 (with or without BOM) and UTF-16 LE/BE with BOM. Anything else is refused
//! with the byte offset of the first bad sequence.

use std::path::Path;

use crate::{Error, Result};

/// Decode a file's bytes to text.
pub fn decode(bytes: &[u8], path: &Path) -> Result<String> {
    let err = |message: String| Error::Decode {
        path: path.to_path_buf(),
        message,
    };
    if bytes.is_empty() {
        return Err(err("is empty".into()));
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(err(format!("is not valid {}", enc.name())));
        }
        return Ok(text.into_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => {
            if s.contains('\0') {
                return Err(err("holds binary data (NUL bytes), not text".into()));
            }
            Ok(s.to_string())
        }
        Err(e) => Err(err(format!(
            "is not valid UTF-8 (byte offset {}); save it as UTF-8 or UTF-16 with a BOM",
            e.valid_up_to()
        ))),
    }
}

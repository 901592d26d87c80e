//! One HTML tag read at a `<`: its name, attributes (values decoded), whether it closes or
//! closes itself, and its length; or why a `<` starts no tag.

use super::entities::decode_into;

/// Why a `<` starts no tag.
pub(super) enum NoTag {
    /// It is followed by no name: an ordinary character.
    Text,
    /// The tag runs to the end of the page (no `>`, or a quote never closed).
    Unclosed,
}

/// A tag: name (lower case), attributes, whether it closes or closes itself, its length.
pub(super) struct Tag {
    pub(super) name: String,
    pub(super) attrs: Vec<(String, String)>,
    pub(super) closing: bool,
    pub(super) self_closing: bool,
    pub(super) len: usize,
}

impl Tag {
    /// The tag `s` starts with (`s` starts with `<`), or why there is none.
    pub(super) fn parse(s: &str) -> Result<Tag, NoTag> {
        let b = s.as_bytes();
        let mut i = 1;
        let closing = b.get(1) == Some(&b'/');
        if closing {
            i += 1;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'-' | b':' | b'_')) {
            i += 1;
        }
        if i == start || !b[start].is_ascii_alphabetic() {
            return Err(NoTag::Text);
        }
        let name = s[start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                None => return Err(NoTag::Unclosed),
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(b'/') => {
                    self_closing = true;
                    i += 1;
                    continue;
                }
                _ => {}
            }
            let k0 = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let key = s[k0..i].to_ascii_lowercase();
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = String::new();
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = s[i + 1..].find(q as char).ok_or(NoTag::Unclosed)? + i + 1;
                        decode_into(&s[i + 1..end], &mut value);
                        i = end + 1;
                    }
                    _ => {
                        let v0 = i;
                        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                            i += 1;
                        }
                        decode_into(&s[v0..i], &mut value);
                    }
                }
            }
            // (Each turn moves on: past a name, or past a stray `=` and its value.)
            if !key.is_empty() {
                attrs.push((key, value));
            }
        }
        Ok(Tag {
            name,
            attrs,
            closing,
            self_closing,
            len: i,
        })
    }
}

/// Where `needle` (ASCII, lower case) first occurs in `hay`, ignoring ASCII case.
pub(super) fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

//! The names of a unit for [`super::join`]: its words of four letters or more that start with a
//! capital, as keys of their lower-cased letters, found by a scan that skips ASCII text
//! without capitals eight bytes at a time.

/// A name of a unit: a key of its lower-cased letters and its byte offset.
#[derive(Clone, Copy, Debug)]
pub(super) struct Name {
    pub key: u64,
    pub at: usize,
}

/// The key of a word: a hash of its lower-cased letters (two names alike but for their
/// capitals have the same key).
pub(super) fn key(word: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    if word.is_ascii() {
        // The same values as below, without decoding.
        for b in word.bytes() {
            h.write_u32(u32::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            h.write_u32(c as u32);
        }
    }
    h.finish()
}

/// The character at byte `i` of `text` (a character boundary) and its length.
fn char_at(text: &str, i: usize) -> (char, usize) {
    let c = text[i..].chars().next().expect("a character at a boundary");
    (c, c.len_utf8())
}

/// Whether the character at byte `i` (a lead byte `b`) may be a capital: ASCII capitals,
/// and the capitals of the other scripts, but for the caseless block U+0600–U+07FF (Arabic,
/// Syriac, Thaana, N'Ko), whose lead bytes are 0xD8–0xDF.
fn capital_at(text: &str, i: usize, b: u8) -> bool {
    match b {
        b'A'..=b'Z' => true,
        0..=0x7f | 0xd8..=0xdf => false,
        _ => char_at(text, i).0.is_uppercase(),
    }
}

/// The first byte from `i` on that is an ASCII capital or not ASCII (or the end): eight
/// bytes at a time while none is.
fn next_interesting(bytes: &[u8], mut i: usize) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let low = w & LOW;
        // The high bit of each byte: set from 0x41 ('A') on, and from 0x5B (after 'Z') on.
        let from_a = low + 0x3f3f_3f3f_3f3f_3f3f;
        let after_z = low + 0x2525_2525_2525_2525;
        if (w | (from_a & !after_z)) & HI != 0 {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && !(bytes[i].is_ascii_uppercase() || bytes[i] >= 0x80) {
        i += 1;
    }
    i
}

/// Whether the character before byte `i` is a letter.
fn letter_before(text: &str, i: usize) -> bool {
    match text.as_bytes()[..i].last() {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
        Some(_) => text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic),
    }
}

/// The names of a unit: its words of four letters or more starting with a capital. (Only
/// the capitals that start a word are looked at closely; ASCII text without capitals is
/// skipped eight bytes at a time.)
pub(super) fn names(text: &str) -> Vec<Name> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        i = next_interesting(bytes, i);
        if i == bytes.len() {
            break;
        }
        let b = bytes[i];
        if !capital_at(text, i, b) || letter_before(text, i) {
            i += if b < 0x80 { 1 } else { char_at(text, i).1 };
            continue;
        }
        // A word starts with a capital: read it whole.
        let from = i;
        let mut letters = 0;
        while i < bytes.len() {
            let (letter, len) = match bytes[i] {
                b if b < 0x80 => (b.is_ascii_alphabetic(), 1),
                _ => {
                    let (c, len) = char_at(text, i);
                    (c.is_alphabetic(), len)
                }
            };
            if !letter {
                break;
            }
            letters += 1;
            i += len;
        }
        if letters >= 4 {
            out.push(Name {
                key: key(&text[from..i]),
                at: from,
            });
        }
    }
    out
}

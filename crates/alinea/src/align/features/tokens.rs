//! The tokeniser of the aligner's features and the character classes it needs: letters,
//! digits and marks of a normalised text, with ASCII, Latin-1 and Arabic answered without the
//! Unicode tables.

use crate::text::chars::is_basic_arabic_letter;
use crate::text::dates::read_digit_date;

pub(super) fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// `c.is_alphabetic()` for a Latin-1 character (U+0080..=U+00FF).
#[inline]
pub(super) fn latin1_alphabetic(c: u32) -> bool {
    matches!(c, 0xAA | 0xB5 | 0xBA | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0xFF)
}

/// `c.is_alphabetic()`, with the common ranges answered without the Unicode tables.
#[inline]
pub(super) fn is_alphabetic(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        x @ 0x80..=0xFF => latin1_alphabetic(x),
        _ if is_basic_arabic_letter(c) => true,
        _ => c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()`, with the letters answered by [`is_alphabetic`].
#[inline]
pub(super) fn is_alphanumeric(c: char) -> bool {
    is_alphabetic(c) || c.is_numeric()
}

/// [`is_word_char`] in the Arabic block (U+0600..=U+06FF): letters, digits and marks; not its
/// punctuation.
#[inline]
pub(super) fn arabic_word_char(c: u32) -> bool {
    (0x0620..=0x06FF).contains(&c)
        && !matches!(c, 0x066A..=0x066D | 0x06D4 | 0x06DD | 0x06DE | 0x06E9)
}

/// Whether `c` is part of a token: letters, digits and marks.
#[inline]
pub(super) fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        // Letters and the superscript digits and fractions (² ¹ ½ …) of Latin-1.
        x @ 0x80..=0xFF => latin1_alphabetic(x) || matches!(x, 0xB2 | 0xB3 | 0xB9 | 0xBC..=0xBE),
        x @ 0x0600..=0x06FF => arabic_word_char(x),
        _ => c.is_alphanumeric() || is_mark(c),
    }
}

/// The lower case of `c` when it is one character: ASCII and Latin-1 without the tables.
/// Also whether `c` is upper-case.
#[inline]
pub(super) fn lower_latin1(c: char) -> Option<(char, bool)> {
    match c as u32 {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => {
            Some((char::from_u32(c as u32 + 0x20).unwrap_or(c), true))
        }
        0..=0xFF => Some((c, false)),
        _ => None,
    }
}

/// Classes of ASCII bytes for the tokeniser, and flags of a token.
pub(super) const WORD: u8 = 1;
pub(super) const DIGIT: u8 = 2;
pub(super) const UPPER: u8 = 4;
pub(super) const JOINER: u8 = 8;
/// A token flag: the token has a non-ASCII character.
pub(super) const NON_ASCII: u8 = 16;

/// The class of each ASCII byte: [`WORD`] (with [`DIGIT`] or [`UPPER`]) or [`JOINER`]; 0 for
/// the bytes of non-ASCII characters.
pub(super) const ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            WORD | DIGIT
        } else if c.is_ascii_uppercase() {
            WORD | UPPER
        } else if c.is_ascii_lowercase() {
            WORD
        } else if matches!(c, b'/' | b'.' | b',' | b'-') {
            JOINER
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Whether the character at byte `i` of `text` is a word character, and its length in bytes.
#[inline(always)]
pub(super) fn word_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (ASCII_CLASS[b as usize] & WORD != 0, 1);
    }
    word_at_non_ascii(text, i)
}

/// [`word_at`] for a non-ASCII character.
#[inline(never)]
pub(super) fn word_at_non_ascii(text: &str, i: usize) -> (bool, usize) {
    let c = text[i..].chars().next().unwrap_or(' ');
    (is_word_char(c), c.len_utf8())
}

/// A token: its byte range in the text and its flags ([`DIGIT`], [`UPPER`] for ASCII letters,
/// [`NON_ASCII`]).
#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    pub start: usize,
    pub end: usize,
    pub flags: u8,
}

/// Tokens of a normalised text: maximal runs of letters, digits and marks, joined across `/`,
/// `.`, `,` and `-` between two such characters, and across a space inside a number grouped by
/// thousands (`100 000`; with `reversed`, also `000 31`: see [`grouped_number_next`]).
pub(super) fn tokens(text: &str, reversed: bool, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        // Bytes that are neither ASCII word characters nor non-ASCII go by in one loop.
        for &b in &bytes[i..] {
            if b >= 0x80 || ASCII_CLASS[b as usize] & WORD != 0 {
                break;
            }
            i += 1;
        }
        if i == n {
            break;
        }
        let (word, l) = word_at(text, i);
        if !word {
            i += l;
            continue;
        }
        let start = i;
        let mut flags = 0u8;
        let mut e = i;
        // Each step takes a word character (`e` is then past a word character), a joiner
        // before one, or a group of three digits.
        while e < n {
            // ASCII word characters in one loop.
            for &b in &bytes[e..] {
                let class = ASCII_CLASS[b as usize];
                if class & WORD == 0 {
                    break;
                }
                flags |= class;
                e += 1;
            }
            if e == n {
                break;
            }
            let b = bytes[e];
            if b < 0x80 {
                if ASCII_CLASS[b as usize] & JOINER != 0
                    && e > start
                    && e + 1 < n
                    && word_at(text, e + 1).0
                {
                    e += 1;
                } else if let Some(next) = (b == b' ' && e > start)
                    .then(|| grouped_number_next(text, start, e, reversed))
                    .flatten()
                {
                    e = next;
                } else {
                    break;
                }
            } else if b == 0xC3 && e + 1 < n {
                // U+00C0..=U+00FF: Latin-1 letters but × and ÷.
                if matches!(bytes[e + 1], 0x97 | 0xB7) {
                    break;
                }
                flags |= NON_ASCII;
                e += 2;
            } else if (0xD8..=0xDB).contains(&b) && e + 1 < n {
                // The Arabic block, U+0600..=U+06FF.
                let c = (u32::from(b & 0x1F) << 6) | u32::from(bytes[e + 1] & 0x3F);
                if !arabic_word_char(c) {
                    break;
                }
                flags |= NON_ASCII;
                e += 2;
            } else {
                let (word, l) = word_at_non_ascii(text, e);
                if !word {
                    break;
                }
                flags |= NON_ASCII;
                e += l;
            }
        }
        out.push(Token {
            start,
            end: e,
            flags: flags & (DIGIT | UPPER | NON_ASCII),
        });
        i = e;
    }
}

/// Where the number `text[start..end]` (`text[end]` is a space) ends if it goes on past that
/// space: with a group of three digits when what comes so far is digits and grouping spaces
/// with a first group of at most three digits (`100 000`); or, when `reversed` (a document
/// writing digit groups in display order, see [`super::numbers`]), with a last group of one to
/// three digits after groups of exactly three (`000 31`).
pub(super) fn grouped_number_next(
    text: &str,
    start: usize,
    end: usize,
    reversed: bool,
) -> Option<usize> {
    let b = text.as_bytes();
    let so_far = &b[start..end];
    if !so_far.iter().all(|&c| c.is_ascii_digit() || c == b' ') {
        return None;
    }
    let mut k = 0;
    while k < 3 && b.get(end + 1 + k).is_some_and(u8::is_ascii_digit) {
        k += 1;
    }
    let after = end + 1 + k;
    if k == 0 || (after < b.len() && word_at(text, after).0) {
        return None;
    }
    let logical = k == 3 && so_far.iter().take_while(|&&c| c != b' ').count() <= 3;
    let display = reversed && so_far.split(|&c| c == b' ').all(|g| g.len() == 3);
    (logical || display).then_some(after)
}

/// The day and the year of a date written in ASCII digits ([`read_digit_date`]), leading
/// zeros dropped.
pub(super) fn date_in_digits(tok: &str) -> Option<(&str, &str)> {
    let sep = tok.bytes().find(|b| matches!(b, b'/' | b'.' | b'-'))?;
    let parts: Vec<&str> = tok.split(char::from(sep)).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    let date = read_digit_date([a, b, c], char::from(sep))?;
    let parts = [a, b, c];
    Some((parts[date.day].trim_start_matches('0'), parts[date.year]))
}

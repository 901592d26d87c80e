//! Reading one number-like token at a byte position: digits in either script with the
//! language's separators, URLs, document symbols, Roman numerals, the words around a
//! token. [`super::extract`] walks a text with these.

use std::ops::Range;

use super::{GroupOrder, Kind, Token};
use crate::align::numbers::{readings, value};
use crate::text::chars::ascii_digit;
use crate::Lang;

/// The abjad order of Arabic list letters, as UN texts label sub-paragraphs.
pub(super) const ABJAD: [(char, char); 10] = [
    ('أ', 'a'),
    ('ب', 'b'),
    ('ج', 'c'),
    ('د', 'd'),
    ('ه', 'e'),
    ('و', 'f'),
    ('ز', 'g'),
    ('ح', 'h'),
    ('ط', 'i'),
    ('ي', 'j'),
];

pub(super) fn digit(c: char) -> Option<u8> {
    if c.is_ascii_digit() {
        return Some(c as u8 - b'0');
    }
    ascii_digit(c).map(|d| d as u8 - b'0')
}

pub(super) fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// The character at byte `i` of `s`, if any.
pub(super) fn at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

pub(super) fn before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

/// The run of digits starting at byte `i`: (its ASCII digits, its end).
pub(super) fn digits_at(s: &str, i: usize) -> (String, usize) {
    let mut out = String::new();
    let mut end = i;
    for (j, c) in s[i..].char_indices() {
        match digit(c) {
            Some(d) => {
                out.push((b'0' + d) as char);
                end = i + j + c.len_utf8();
            }
            None => break,
        }
    }
    (out, end)
}

pub(super) fn strip_zeros(int: &str, frac: &str) -> String {
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// Reads the number whose first digit is at byte `i`: (value, end).
pub(super) fn number_at(s: &str, i: usize, lang: &Lang, order: GroupOrder) -> (String, usize) {
    let (first, mut end) = digits_at(s, i);
    // Groups separated by spaces: 31 000, or in display order 000 31.
    let mut groups = vec![first.clone()];
    let mut ends = vec![end];
    while let Some(c) = at(s, end) {
        if !is_group_space(c) {
            break;
        }
        let next = end + c.len_utf8();
        if at(s, next).and_then(digit).is_none() {
            break;
        }
        let (g, e) = digits_at(s, next);
        groups.push(g);
        ends.push(e);
        end = e;
    }
    let mut int = first;
    end = ends[0];
    if groups.len() > 1 {
        // The longest prefix of groups that reads as one number.
        let mut best = None;
        for k in (2..=groups.len()).rev() {
            let g: Vec<&str> = groups[..k].iter().map(String::as_str).collect();
            let r = readings(&g);
            let v = match (lang, r.logical, r.reversed) {
                (Lang::Ar, _, true) if order == GroupOrder::Reversed || !r.logical => {
                    value(&g, GroupOrder::Reversed)
                }
                (_, true, _) => value(&g, GroupOrder::Logical),
                _ => None,
            };
            if let Some(v) = v {
                best = Some((v, ends[k - 1]));
                break;
            }
        }
        if let Some((v, e)) = best {
            int = v;
            end = e;
        }
    }
    // Separators followed by digits: thousands (exactly three digits, then no digit) or a
    // decimal part.
    let mut frac = String::new();
    while let Some(c) = at(s, end) {
        let sep_len = c.len_utf8();
        if !matches!(c, ',' | '.' | '\u{066B}' | '\u{066C}') {
            break;
        }
        let next = end + sep_len;
        if at(s, next).and_then(digit).is_none() {
            break;
        }
        let (g, e) = digits_at(s, next);
        let three = g.len() == 3;
        let thousands = match (c, lang) {
            ('\u{066C}', _) => true,
            ('\u{066B}', _) => false,
            (',', Lang::Fr) => false,
            ('.', Lang::Fr) => three && frac.is_empty(),
            (',', _) => three && frac.is_empty(),
            ('.', _) => false,
            _ => false,
        };
        if !frac.is_empty() {
            break;
        }
        if thousands {
            int.push_str(&g);
        } else {
            frac = g;
        }
        end = e;
    }
    // Arabic display order with a decimal part: `630.8 1` is 1,630.8 (the highest group
    // written last), when a group of three digits with decimals is followed by a group of
    // one to three digits that ends the number.
    if lang == &Lang::Ar && !frac.is_empty() && groups.len() == 1 && int.len() == 3 {
        if let Some(c) = at(s, end).filter(|&c| is_group_space(c)) {
            let next = end + c.len_utf8();
            let (g, e) = digits_at(s, next);
            let ends_there = match at(s, e) {
                Some(',' | '.' | '/' | '\u{066B}' | '\u{066C}') => {
                    at(s, e + 1).and_then(digit).is_none()
                }
                _ => true,
            };
            if (1..=3).contains(&g.len()) && ends_there {
                int = format!("{g}{int}");
                end = e;
            }
        }
    }
    (strip_zeros(&int, &frac), end)
}

pub(super) fn is_url_start(s: &str) -> bool {
    let b = s.as_bytes();
    let starts = |p: &[u8]| b.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    starts(b"http://") || starts(b"https://") || starts(b"www.")
}

pub(super) fn url_end(s: &str, i: usize) -> usize {
    let mut end = s[i..]
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '»' | '«' | '،'))
        .map_or(s.len(), |j| i + j);
    while let Some(c) = before(s, end) {
        if matches!(c, '.' | ',' | ';' | ':' | ')' | '!' | '?' | '\'' | '’') && end > i {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// A document symbol starting at `i` (an upper-case series letter, slashes, parts of
/// letters, digits and dots): its end, if it is one.
pub(super) fn symbol_end(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    if !b[i].is_ascii_uppercase() {
        return None;
    }
    if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'/') {
        return None;
    }
    let mut j = i;
    let mut slashes = 0;
    let mut digits = 0;
    while j < b.len() {
        let c = b[j];
        if c.is_ascii_alphanumeric() || c == b'.' || c == b'-' {
            digits += c.is_ascii_digit() as usize;
            j += 1;
        } else if c == b'/' && j + 1 < b.len() && b[j + 1].is_ascii_alphanumeric() {
            slashes += 1;
            j += 1;
        } else {
            break;
        }
    }
    while j > i && matches!(b[j - 1], b'.' | b'-') {
        j -= 1;
    }
    (slashes >= 1 && digits > 0).then_some(j)
}

/// The word starting at byte `i`: letters (and Arabic diacritics) of one script, so that a
/// conjunction glued to a symbol (وE/2013/30) ends before it.
pub(super) fn word_at(s: &str, i: usize) -> &str {
    let b = s.as_bytes();
    let latin = b.get(i).is_some_and(u8::is_ascii_alphabetic);
    // A word of ASCII letters (most words) is read byte by byte up to the first byte that is
    // no letter; the characters are asked only past a non-ASCII one (an accented letter, a
    // diacritic), as `word_at_by_chars` does throughout.
    let from = match latin {
        true => {
            let j = i + b[i..]
                .iter()
                .position(|c| !c.is_ascii_alphabetic())
                .unwrap_or(b.len() - i);
            if b.get(j).is_none_or(u8::is_ascii) {
                return &s[i..j];
            }
            j
        }
        false => i,
    };
    &s[i..word_end(s, from, latin)]
}

/// Where the word that goes on at byte `from` ends: letters (and Arabic diacritics), ASCII
/// ones only if the word is `latin` (starts with one), other ASCII characters never.
fn word_end(s: &str, from: usize, latin: bool) -> usize {
    s[from..]
        .find(|c: char| {
            !(c.is_alphabetic() || crate::text::chars::is_arabic_diacritic(c))
                || (c.is_ascii_alphabetic() != latin && c.is_ascii())
        })
        .map_or(s.len(), |j| from + j)
}

/// [`word_at`] character by character, the form its byte scan keeps (tested against it).
#[cfg(test)]
pub(super) fn word_at_by_chars(s: &str, i: usize) -> &str {
    let latin = s[i..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic());
    &s[i..word_end(s, i, latin)]
}

/// Whether a number stands within a few characters of `span` (a date's day or year).
pub(super) fn near_number(s: &str, span: &Range<usize>) -> bool {
    let after: String = s[span.end..].chars().take(4).collect();
    let before: String = {
        let v: Vec<char> = s[..span.start].chars().rev().take(6).collect();
        v.into_iter().rev().collect()
    };
    let has = |t: &str, tail: bool| {
        let t = t.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '/');
        // An ordinal day: 1er, 1st, 2nd.
        let t = if tail {
            t
        } else {
            ["er", "st", "nd", "rd", "th"]
                .iter()
                .find_map(|o| t.strip_suffix(o))
                .unwrap_or(t)
        };
        let c = if tail {
            t.chars().next()
        } else {
            t.chars().next_back()
        };
        c.and_then(digit).is_some()
    };
    has(&after, true) || has(&before, false)
}

/// The next word after byte `i` (blanks skipped): its start and the word.
pub(super) fn next_word(s: &str, i: usize) -> Option<(usize, &str)> {
    let rest = &s[i..];
    let skip = rest.len() - rest.trim_start().len();
    let start = i + skip;
    let w = word_at(s, start);
    (skip > 0 && !w.is_empty()).then_some((start, w))
}

/// Whether `s` is a year of four ASCII digits, from 1900 to 2099.
pub(super) use crate::text::dates::is_year;

/// A number from 1 to 39 in lower-case Roman numerals (`ii`), as French and English label
/// the items of a list.
pub(super) fn to_roman(n: u32) -> Option<String> {
    if !(1..40).contains(&n) {
        return None;
    }
    let units = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    Some(format!(
        "{}{}",
        "x".repeat((n / 10) as usize),
        units[(n % 10) as usize]
    ))
}

/// The value of an upper-case Roman numeral (`XXXV` = 35), if it is one.
pub(super) fn roman(s: &str) -> Option<u32> {
    let val = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    // (Most words hold another letter: told by their bytes.)
    if !s
        .bytes()
        .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M'))
    {
        return None;
    }
    let v: Vec<u32> = s.chars().map(val).collect::<Option<_>>()?;
    let mut total = 0;
    for (k, &x) in v.iter().enumerate() {
        if v.get(k + 1).is_some_and(|&n| n > x) {
            total -= x as i64;
        } else {
            total += x as i64;
        }
    }
    (total > 0 && !v.is_empty()).then_some(total as u32)
}

pub(super) fn number(span: Range<usize>, value: String) -> Token {
    Token {
        span,
        kind: Kind::Number,
        value,
        alt: None,
    }
}

//! The numbers of a text, as values that compare across French, English and Arabic: pure
//! functions taking a text and its language and returning spans.
//!
//! [`extract`] finds, in text order: URLs, document symbols (`A/RES/74/247`, `E/2019/30`,
//! `S/2020/1`, `A/HRC/45/L.1`), paragraph labels in parentheses (`(a)`, `(أ)`), month names
//! next to a number (dates: `10 décembre 1976`, `December 10, 1976`,
//! `10 كانون الأول/ديسمبر 1976`) and numbers. Numbers are read with the language's
//! separators: Eastern Arabic and Western digits alike; `47,7` (French, Arabic `٤٧٫٧`) and
//! `47.7` are one value; `31 000`, `31,000` (English), `31.000` (French) and `31000` are one
//! value; Arabic digit groups in display order (`000 31`) are read with
//! [`crate::align::numbers`], in the order a document keeps ([`GroupOrder`]). Number words
//! A number opening the unit and followed by `.`, `-` or `)` is a paragraph label (`4.`,
//! `٤ -`); English clock times are read as on a 24-hour clock (`3 p.m.` is 15). Number words
//! (one to twelve, `deux`, `ثلاثة` …) are found too, as [`Kind::Word`], so that a comparison can
//! excuse `2` against `two`.
//!
//! [`compare`] pairs the values of a source and a target unit and returns what differs.

use std::ops::Range;

pub use crate::align::numbers::GroupOrder;
use crate::align::numbers::{readings, value};
use crate::text::chars::ascii_digit;
use crate::Lang;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Number,
    /// A number written in words (one to twelve), excusing a digit on the other side.
    Word,
    Month,
    Symbol,
    Url,
    Label,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Word => "number word",
            Kind::Month => "month",
            Kind::Symbol => "document symbol",
            Kind::Url => "URL",
            Kind::Label => "paragraph label",
        }
    }
}

/// One number-like token: where it is and the value it compares by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    pub kind: Kind,
    /// `1976`, `47.7`, `month:12`, `A/RES/74/247`, `http://un.org/x`, `label:a`.
    pub value: String,
}

const MONTHS: [(&str, u8); 53] = [
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يوليه", 7),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("تشرين", 10),
    ("كانون", 12),
];

const WORDS: [(&str, u8); 40] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("un", 1),
    ("une", 1),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("six", 6),
    ("sept", 7),
    ("huit", 8),
    ("neuf", 9),
    ("dix", 10),
    ("onze", 11),
    ("douze", 12),
    ("first", 1),
    ("second", 2),
    ("premier", 1),
    ("première", 1),
    ("واحد", 1),
    ("اثنان", 2),
    ("اثنين", 2),
    ("ثلاثة", 3),
    ("أربعة", 4),
    ("خمسة", 5),
    ("ستة", 6),
    ("سبعة", 7),
    ("ثمانية", 8),
    ("تسعة", 9),
    ("عشرة", 10),
];

/// The abjad order of Arabic list letters, as UN texts label sub-paragraphs.
const ABJAD: [(char, char); 10] = [
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

fn digit(c: char) -> Option<u8> {
    if c.is_ascii_digit() {
        return Some(c as u8 - b'0');
    }
    ascii_digit(c).map(|d| d as u8 - b'0')
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// The character at byte `i` of `s`, if any.
fn at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

fn before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

/// The run of digits starting at byte `i`: (its ASCII digits, its end).
fn digits_at(s: &str, i: usize) -> (String, usize) {
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

fn strip_zeros(int: &str, frac: &str) -> String {
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
fn number_at(s: &str, i: usize, lang: &Lang, order: GroupOrder) -> (String, usize) {
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
    (strip_zeros(&int, &frac), end)
}

fn is_url_start(s: &str) -> bool {
    let l = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://") || l.starts_with("www.")
}

fn url_end(s: &str, i: usize) -> usize {
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
fn symbol_end(s: &str, i: usize) -> Option<usize> {
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

fn word_at(s: &str, i: usize) -> &str {
    let end = s[i..]
        .find(|c: char| !(c.is_alphabetic() || crate::text::chars::is_arabic_diacritic(c)))
        .map_or(s.len(), |j| i + j);
    &s[i..end]
}

fn fold_word(w: &str) -> String {
    let mut k = String::new();
    crate::termbase::normalize::lookup_key_into(w, &mut k);
    k
}

fn month(w: &str, lang: &Lang) -> Option<u8> {
    // "May" is a month only capitalised in English; "mars" and "mai" are French months.
    if w == "may" {
        return None;
    }
    let k = fold_word(w);
    let _ = lang;
    MONTHS
        .iter()
        .find(|(m, _)| fold_word(m) == k)
        .map(|(_, n)| *n)
}

fn number_word(w: &str) -> Option<u8> {
    let k = fold_word(w);
    WORDS
        .iter()
        .find(|(m, _)| fold_word(m) == k)
        .map(|(_, n)| *n)
}

/// Whether a number stands within a few characters of `span` (a date's day or year).
fn near_number(s: &str, span: &Range<usize>) -> bool {
    let after: String = s[span.end..].chars().take(4).collect();
    let before: String = {
        let v: Vec<char> = s[..span.start].chars().rev().take(4).collect();
        v.into_iter().rev().collect()
    };
    let has = |t: &str, tail: bool| {
        let t = t.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '/');
        let c = if tail {
            t.chars().next()
        } else {
            t.chars().next_back()
        };
        c.and_then(digit).is_some()
    };
    has(&after, true) || has(&before, false)
}

/// The number-like tokens of `text` in `lang`, in text order (see the module
/// documentation); `order` is the digit-group order of the document (Arabic).
pub fn extract(text: &str, lang: &Lang, order: GroupOrder) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    let b = text.as_bytes();
    while i < text.len() {
        let c = at(text, i).unwrap_or(' ');
        let prev = before(text, i);
        let word_start = prev.is_none_or(|p| !p.is_alphanumeric());
        if word_start && is_url_start(&text[i..]) {
            let end = url_end(text, i);
            out.push(Token {
                span: i..end,
                kind: Kind::Url,
                value: text[i..end]
                    .trim_start_matches("https://")
                    .trim_start_matches("http://")
                    .trim_end_matches('/')
                    .to_lowercase(),
            });
            i = end;
            continue;
        }
        if c.is_ascii_uppercase() {
            if let Some(end) = symbol_end(text, i) {
                out.push(Token {
                    span: i..end,
                    kind: Kind::Symbol,
                    value: text[i..end].to_string(),
                });
                i = end;
                continue;
            }
        }
        if c == '(' {
            // (a) … (z), (i) … (x) and Arabic (أ) …: a label of one or two letters.
            let inner: String = text[i + 1..]
                .chars()
                .take_while(|&c| c != ')')
                .take(4)
                .collect();
            if at(text, i + 1 + inner.len()) == Some(')') {
                let n = inner.chars().count();
                let latin = (1..=2).contains(&n) && inner.chars().all(|c| c.is_ascii_lowercase());
                let arabic = ABJAD
                    .iter()
                    .find(|(a, _)| inner == a.to_string() || (*a == 'ه' && inner == "هـ"))
                    .map(|(_, l)| *l);
                let label = if latin {
                    Some(inner.clone())
                } else {
                    arabic.map(String::from)
                };
                if let Some(l) = label {
                    let end = i + 2 + inner.len();
                    out.push(Token {
                        span: i..end,
                        kind: Kind::Label,
                        value: format!("label:{l}"),
                    });
                    i = end;
                    continue;
                }
            }
        }
        if digit(c).is_some() {
            let (v, end) = number_at(text, i, lang, order);
            let leading = text[..i].trim().is_empty();
            let rest = &text[end..];
            let label_mark = [". ", ".\t", " - ", "- ", "-\t", ") ", " ـ "]
                .iter()
                .any(|m| rest.starts_with(m));
            if leading && label_mark && !v.contains('.') {
                out.push(Token {
                    span: i..end,
                    kind: Kind::Label,
                    value: format!("label:{v}"),
                });
                i = end;
                continue;
            }
            // English clock times: 3 p.m. is 15, 10.15 a.m. is 10 and 15.
            if lang == &Lang::En {
                let r = rest.trim_start();
                let pm = r.starts_with("p.m.") || r.starts_with("pm");
                let am = r.starts_with("a.m.") || r.starts_with("am ");
                if pm || am {
                    let (h, m) = v.split_once('.').unwrap_or((&v, ""));
                    let h: u32 = h.parse().unwrap_or(0);
                    let h = if pm && h < 12 { h + 12 } else { h };
                    out.push(Token {
                        span: i..end,
                        kind: Kind::Number,
                        value: h.to_string(),
                    });
                    if !m.is_empty() {
                        out.push(Token {
                            span: i..end,
                            kind: Kind::Number,
                            value: strip_zeros(m, ""),
                        });
                    }
                    i = end;
                    continue;
                }
            }
            out.push(Token {
                span: i..end,
                kind: Kind::Number,
                value: v,
            });
            i = end;
            continue;
        }
        if c.is_alphabetic() && word_start {
            let w = word_at(text, i);
            let end = i + w.len().max(c.len_utf8());
            let span = i..end;
            let capital = c.is_uppercase();
            if let Some(m) = month(w, lang) {
                let english_may = fold_word(w) == "may" && !capital;
                if !english_may && near_number(text, &span) {
                    // One month written twice (كانون الأول/ديسمبر) counts once.
                    let twice = out.last().is_some_and(|t: &Token| {
                        t.kind == Kind::Month
                            && t.value == format!("month:{m}")
                            && text[t.span.end..i].chars().count() <= 8
                    });
                    if !twice {
                        out.push(Token {
                            span: span.clone(),
                            kind: Kind::Month,
                            value: format!("month:{m}"),
                        });
                    }
                }
            } else if let Some(n) = number_word(w) {
                out.push(Token {
                    span: span.clone(),
                    kind: Kind::Word,
                    value: n.to_string(),
                });
            }
            i = end;
            continue;
        }
        i += c.len_utf8();
        while i < b.len() && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    out
}

/// A difference between the numbers of a source and a target unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    pub kind: Kind,
    /// The source's token, absent from the target (`None`: the target has a token the
    /// source lacks).
    pub source: Option<Token>,
    /// The target's token, absent from the source.
    pub target: Option<Token>,
}

/// What differs between the tokens of a source and a target: each value kept once per
/// occurrence on both sides is paired; paragraph labels left over on one side only are
/// not told (extraction often drops them on one side); a number word on one side excuses the same value in
/// digits on the other; a Kind::Month pairs only with a month. A source value left over
/// and a target value left over of the same kind make one mismatch (a changed value);
/// the rest are missing or added.
pub fn compare(source: &[Token], target: &[Token]) -> Vec<Mismatch> {
    let mut s_left: Vec<&Token> = source.iter().filter(|t| t.kind != Kind::Word).collect();
    let mut t_left: Vec<&Token> = target.iter().filter(|t| t.kind != Kind::Word).collect();
    let pair_off = |a: &mut Vec<&Token>, b: &mut Vec<&Token>| {
        let mut i = 0;
        while i < a.len() {
            let key = |t: &Token| (t.kind == Kind::Month, t.value.clone());
            if let Some(j) = b.iter().position(|t| key(t) == key(a[i])) {
                b.remove(j);
                a.remove(i);
            } else {
                i += 1;
            }
        }
    };
    pair_off(&mut s_left, &mut t_left);
    // Number words excuse digits.
    let excuse = |left: &mut Vec<&Token>, words: &[Token]| {
        let mut words: Vec<&Token> = words.iter().filter(|t| t.kind == Kind::Word).collect();
        left.retain(|t| {
            if t.kind != Kind::Number {
                return true;
            }
            match words.iter().position(|w| w.value == t.value) {
                Some(j) => {
                    words.remove(j);
                    false
                }
                None => true,
            }
        });
    };
    excuse(&mut s_left, target);
    excuse(&mut t_left, source);
    // Labels count only when both sides have one: extraction often drops them on one side.
    let labels = |v: &Vec<&Token>| v.iter().filter(|t| t.kind == Kind::Label).count();
    if labels(&s_left) == 0 || labels(&t_left) == 0 {
        s_left.retain(|t| t.kind != Kind::Label);
        t_left.retain(|t| t.kind != Kind::Label);
    }
    let mut out = Vec::new();
    for s in s_left {
        let same = |t: &&Token| (t.kind == Kind::Month) == (s.kind == Kind::Month);
        match t_left.iter().position(same) {
            Some(j) => {
                let t = t_left.remove(j);
                out.push(Mismatch {
                    kind: s.kind,
                    source: Some(s.clone()),
                    target: Some(t.clone()),
                });
            }
            None => out.push(Mismatch {
                kind: s.kind,
                source: Some(s.clone()),
                target: None,
            }),
        }
    }
    for t in t_left {
        out.push(Mismatch {
            kind: t.kind,
            source: None,
            target: Some(t.clone()),
        });
    }
    out
}

#[cfg(test)]
mod tests;

//! The numbers of a text, as values that compare across French, English and Arabic: pure
//! functions taking a text and its language and returning spans.
//!
//! [`extract`] finds, in text order: URLs, document symbols (`A/RES/74/247`, `E/2019/30`,
//! `S/2020/1`, `A/HRC/45/L.1`), paragraph labels in parentheses (`(a)`, `(أ)`), month names
//! next to a number (dates: `10 décembre 1976`, `December 10, 1976`,
//! `10 كانون الأول/ديسمبر 1976`, the two-word Levantine names read as one month) and numbers.
//! Numbers are read with the language's separators: Eastern Arabic and Western digits alike;
//! `47,7` (French, Arabic `٤٧٫٧`) and `47.7` are one value; `31 000`, `31,000` (English),
//! `31.000` (French) and `31000` are one value; Arabic digit groups in display order
//! (`000 31`) are read with [`crate::align::numbers`], in the order a document keeps
//! ([`GroupOrder`]). A number opening the unit and followed by `.`, `-` or `)` (and not by
//! another number) is a paragraph label (`4.`, `٤ -`). Clock times compare by hour and
//! minute (`10 heures` = `10:00`, `3 p.m.` = 15); a Roman session number after a resolution
//! number (`689 (XXXV)`) is a number; an Arabic section `10-103` also reads as `10.103` or a
//! range; an eight-digit run that is two years in order is a range whose hyphen was lost;
//! digits glued to Latin letters (`B2C`, `km2`) are codes. Number words (cardinals,
//! ordinals, `une quarantaine`, Arabic teens; see `words`) are found too, as [`Kind::Word`],
//! so that a comparison can excuse `5` against `الخمس`.
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
    /// Digits glued to Latin letters (`B2C`, `km2`, a footnote call): compared only when
    /// both sides have some left over.
    Code,
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
            Kind::Code => "code",
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
    /// Another reading that pairs too: French `10.103` (10103 or section 10.103), Arabic
    /// `2-26` (section 2.26, or `range:2:26`).
    pub alt: Option<String>,
}

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

/// The word starting at byte `i`: letters (and Arabic diacritics) of one script, so that a
/// conjunction glued to a symbol (وE/2013/30) ends before it.
fn word_at(s: &str, i: usize) -> &str {
    let latin = s[i..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic());
    let end = s[i..]
        .find(|c: char| {
            !(c.is_alphabetic() || crate::text::chars::is_arabic_diacritic(c))
                || (c.is_ascii_alphabetic() != latin && c.is_ascii())
        })
        .map_or(s.len(), |j| i + j);
    &s[i..end]
}

/// Whether a number stands within a few characters of `span` (a date's day or year).
fn near_number(s: &str, span: &Range<usize>) -> bool {
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
fn next_word(s: &str, i: usize) -> Option<(usize, &str)> {
    let rest = &s[i..];
    let skip = rest.len() - rest.trim_start().len();
    let start = i + skip;
    let w = word_at(s, start);
    (skip > 0 && !w.is_empty()).then_some((start, w))
}

/// The value of an upper-case Roman numeral (`XXXV` = 35), if it is one.
fn roman(s: &str) -> Option<u32> {
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

fn number(span: Range<usize>, value: String) -> Token {
    Token {
        span,
        kind: Kind::Number,
        value,
        alt: None,
    }
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
                alt: None,
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
                    alt: None,
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
                .take(6)
                .collect();
            if at(text, i + 1 + inner.len()) == Some(')') {
                let end = i + 2 + inner.len();
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
                    out.push(Token {
                        span: i..end,
                        kind: Kind::Label,
                        value: format!("label:{l}"),
                        alt: None,
                    });
                    i = end;
                    continue;
                }
                // A session in Roman numerals after a resolution number: 689 (XXXV),
                // which Arabic writes (د-35).
                let after_number = text[..i].trim_end().chars().next_back().and_then(digit);
                if let (Some(_), Some(v)) = (after_number, roman(&inner)) {
                    out.push(number(i + 1..end - 1, v.to_string()));
                    i = end;
                    continue;
                }
            }
        }
        if digit(c).is_some() {
            let (v, end) = number_at(text, i, lang, order);
            let raw = &text[i..end];
            let leading = text[..i].trim().is_empty();
            let rest = &text[end..];
            let label_mark = [". ", ".\t", " - ", "- ", "-\t", ") ", " ـ "]
                .iter()
                .find(|m| rest.starts_with(*m));
            // `4 - 15 May` is a range, not a label.
            let label_mark = label_mark.filter(|m| {
                rest[m.len()..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_none_or(|c| digit(c).is_none())
            });
            if leading && label_mark.is_some() && !v.contains('.') {
                out.push(Token {
                    span: i..end,
                    kind: Kind::Label,
                    value: format!("label:{v}"),
                    alt: None,
                });
                i = end;
                continue;
            }
            // Digits glued to Latin letters (B2C, km2, a footnote call): a code.
            if prev.is_some_and(|p| p.is_ascii_alphabetic()) {
                out.push(Token {
                    span: i..end,
                    kind: Kind::Code,
                    value: v,
                    alt: None,
                });
                i = end;
                continue;
            }
            // Clock times: 10:00 and 10 h 00 are 10; 3 p.m. is 15; 10.15 a.m. is 10 and 15.
            let after_h = {
                let t = text[..i].trim_end();
                t.ends_with(':')
                    || (t.ends_with('h')
                        && before(t, t.len() - 1).is_none_or(|p| !p.is_alphabetic()))
            };
            // Minutes first, in Arabic display order: 00/7, 00:7.
            let display_minutes = (rest.starts_with('/') || rest.starts_with(':'))
                && at(text, end + 1).and_then(digit).is_some();
            if v == "0" && raw.len() == 2 && (after_h || display_minutes) {
                i = end;
                continue;
            }
            let colon = rest.starts_with(':')
                && rest[1..]
                    .chars()
                    .take(2)
                    .filter(|&c| digit(c).is_some())
                    .count()
                    == 2
                && rest[1..].chars().nth(2).is_none_or(|c| digit(c).is_none());
            let clock = {
                // After the minutes of 6:15 p.m.
                let after = if colon {
                    let minutes_end = rest[1..]
                        .char_indices()
                        .nth(2)
                        .map_or(rest.len(), |(k, _)| k + 1);
                    &rest[minutes_end..]
                } else {
                    rest
                };
                let r = after.trim_start();
                let pm = r.starts_with("p.m.") || r.starts_with("pm");
                let am = r.starts_with("a.m.") || r.starts_with("am ");
                (pm || am).then_some(pm)
            };
            if lang == &Lang::En && clock.is_some() || colon {
                let (h, m, end) = if colon {
                    let (m, e) = digits_at(text, end + 1);
                    (v.clone(), m, e)
                } else {
                    let ascii: String = raw
                        .chars()
                        .filter_map(digit)
                        .map(|d| (b'0' + d) as char)
                        .collect();
                    match raw.find(['.', ':']) {
                        Some(k) => {
                            let hd: String = raw[..k]
                                .chars()
                                .filter_map(digit)
                                .map(|d| (b'0' + d) as char)
                                .collect();
                            (hd.clone(), ascii[hd.len()..].to_string(), end)
                        }
                        None => (ascii, String::new(), end),
                    }
                };
                let h: u32 = h.parse().unwrap_or(0);
                let h = if clock == Some(true) && h < 12 {
                    h + 12
                } else {
                    h
                };
                out.push(number(i..end, h.to_string()));
                if !m.trim_start_matches('0').is_empty() {
                    out.push(number(i..end, strip_zeros(&m, "")));
                }
                i = end;
                continue;
            }
            // A year range whose hyphen was lost in extraction: 20142020.
            if raw.len() == 8 && raw.bytes().all(|c| c.is_ascii_digit()) {
                let (a, z) = (&raw[..4], &raw[4..]);
                let year = |y: &str| (1900..2100).contains(&y.parse::<u32>().unwrap_or(0));
                if year(a) && year(z) && a < z {
                    out.push(number(i..i + 4, a.to_string()));
                    out.push(number(i + 4..end, z.to_string()));
                    i = end;
                    continue;
                }
            }
            // Arabic writes section numbers with a hyphen (المادة 10-103 for 10.103): kept
            // as one token that also pairs with the two numbers of a range.
            if lang == &Lang::Ar && rest.starts_with('-') && !v.contains('.') && raw.len() <= 3 {
                let (m, e) = digits_at(text, end + 1);
                if (1..=3).contains(&m.len()) && at(text, e).and_then(digit).is_none() {
                    out.push(Token {
                        span: i..e,
                        kind: Kind::Number,
                        value: format!("{v}.{m}"),
                        alt: Some(format!("range:{v}:{}", strip_zeros(&m, ""))),
                    });
                    i = e;
                    continue;
                }
            }
            // French `10.103` is a thousands group or a section number.
            let alt = (lang == &Lang::Fr && raw.contains('.') && !v.contains('.'))
                .then(|| raw.replace(['\u{00A0}', '\u{202F}', ' '], ""))
                .filter(|r| r.matches('.').count() == 1)
                .map(|r| {
                    strip_zeros(
                        r.split('.').next().unwrap_or(""),
                        r.split('.').nth(1).unwrap_or(""),
                    )
                });
            out.push(Token {
                span: i..end,
                kind: Kind::Number,
                value: v,
                alt,
            });
            i = end;
            continue;
        }
        if c.is_alphabetic() && word_start {
            let w = word_at(text, i);
            let end = i + w.len().max(c.len_utf8());
            let capital = c.is_uppercase();
            // كانون الثاني, تشرين الأول: a month in two words.
            let two = words::two_word_month(w).and_then(|(first, second)| {
                let (s, w2) = next_word(text, end)?;
                let m = if words::month_ordinal(w2)? {
                    second
                } else {
                    first
                };
                Some((m, s + w2.len()))
            });
            let (month, m_end) = match two {
                Some((m, e)) => (Some(m), e),
                None => (words::month(w), end),
            };
            if let Some(m) = month {
                let span = i..m_end;
                let english_may = fold_may(w) && !capital;
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
                            alt: None,
                        });
                    }
                    i = m_end;
                    continue;
                }
            } else if let Some(n) = words::number(w, lang) {
                let mut value = n;
                let mut w_end = end;
                // Arabic teens (خمسة عشر) and hyphenated tens (cinquante-deux, twenty-two).
                if (1..=9).contains(&n) {
                    if let Some((s, w2)) = next_word(text, end) {
                        if words::is_arabic_ten(w2) {
                            value = n + 10;
                            w_end = s + w2.len();
                        }
                    }
                } else if n % 10 == 0 && (20..=90).contains(&n) && text[end..].starts_with('-') {
                    let w2 = word_at(text, end + 1);
                    if let Some(u) = words::number(w2, lang).filter(|u| (1..=9).contains(u)) {
                        value = n + u;
                        w_end = end + 1 + w2.len();
                    }
                }
                out.push(Token {
                    span: i..w_end,
                    kind: Kind::Word,
                    value: value.to_string(),
                    alt: None,
                });
                i = w_end;
                continue;
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

fn fold_may(w: &str) -> bool {
    w.eq_ignore_ascii_case("may")
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

/// Whether two tokens stand for the same thing: the same value (or one's other reading),
/// a month only with a month.
fn same_value(a: &Token, b: &Token) -> bool {
    (a.kind == Kind::Month) == (b.kind == Kind::Month)
        && (a.value == b.value
            || a.alt.as_deref() == Some(b.value.as_str())
            || b.alt.as_deref() == Some(a.value.as_str()))
}

/// Pairs off equal tokens of `a` and `b`, removing them from both.
fn pair_off(a: &mut Vec<&Token>, b: &mut Vec<&Token>) {
    let mut i = 0;
    while i < a.len() {
        if let Some(j) = b.iter().position(|t| same_value(t, a[i])) {
            b.remove(j);
            a.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Pairs an Arabic hyphenated token (`2-26`) of `a` left over with the two numbers of a
/// range on the other side (`2`, `26`).
fn pair_ranges(a: &mut Vec<&Token>, b: &mut Vec<&Token>) {
    let mut i = 0;
    while i < a.len() {
        let parts = a[i]
            .alt
            .as_deref()
            .and_then(|r| r.strip_prefix("range:"))
            .and_then(|r| r.split_once(':'));
        if let Some((x, y)) = parts {
            let px = b
                .iter()
                .position(|t| t.kind == Kind::Number && t.value == x);
            let py = b
                .iter()
                .position(|t| t.kind == Kind::Number && t.value == y);
            if let (Some(px), Some(py)) = (px, py) {
                if px != py {
                    b.remove(px.max(py));
                    b.remove(px.min(py));
                    a.remove(i);
                    continue;
                }
            }
        }
        i += 1;
    }
}

/// What differs between the tokens of a source and a target: each value kept once per
/// occurrence on both sides is paired; paragraph labels and codes (digits glued to
/// letters) left over on one side only are not told (extraction often drops them on one
/// side); a value left over that the other side has elsewhere is a repetition, not told;
/// a number word on one side excuses the same value in digits on the other; a Kind::Month
/// pairs only with a month. A source value left over and a target value left over of the
/// same kind make one mismatch (a changed value); the rest are missing or added.
pub fn compare(source: &[Token], target: &[Token]) -> Vec<Mismatch> {
    let mut s_left: Vec<&Token> = source.iter().filter(|t| t.kind != Kind::Word).collect();
    let mut t_left: Vec<&Token> = target.iter().filter(|t| t.kind != Kind::Word).collect();
    pair_off(&mut s_left, &mut t_left);
    pair_ranges(&mut s_left, &mut t_left);
    pair_ranges(&mut t_left, &mut s_left);
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
    // A value repeated on one side only (the 1540 Committee after resolution 1540) is not
    // a change when the other side has nothing left over.
    let counted = |v: &Vec<&Token>| {
        v.iter()
            .filter(|t| !matches!(t.kind, Kind::Label | Kind::Code))
            .count()
    };
    if counted(&t_left) == 0 {
        s_left.retain(|s| {
            !target
                .iter()
                .any(|t| t.kind != Kind::Word && same_value(s, t))
        });
    } else if counted(&s_left) == 0 {
        t_left.retain(|t| {
            !source
                .iter()
                .any(|s| s.kind != Kind::Word && same_value(s, t))
        });
    }
    // Labels and codes count only when both sides have one: extraction often drops them
    // on one side.
    for kind in [Kind::Label, Kind::Code] {
        let n = |v: &Vec<&Token>| v.iter().filter(|t| t.kind == kind).count();
        if n(&s_left) == 0 || n(&t_left) == 0 {
            s_left.retain(|t| t.kind != kind);
            t_left.retain(|t| t.kind != kind);
        }
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
mod words;

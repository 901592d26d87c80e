//! [`extract`]: the number-like tokens of a text, in text order.

use super::calendar::{numeric_date, round_the_clock};
use super::compound::{arabic_compound, half_after, latin_compound};
use super::scan::*;
use super::words;
use super::{GroupOrder, Kind, Token};
use crate::text::chars::is_arabic_script;
use crate::Lang;

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
        // The Arabic label of a list item, `'2` ` for (ii): the Roman numeral's label.
        if matches!(c, '\'' | '\u{2018}') && word_start {
            let (d, e) = digits_at(text, i + c.len_utf8());
            let close = at(text, e).filter(|&q| matches!(q, '`' | '\'' | '\u{2019}'));
            let roman = d.parse().ok().and_then(to_roman);
            if let (Some(q), Some(r), 1..=2) = (close, roman, d.len()) {
                out.push(Token {
                    span: i..e + q.len_utf8(),
                    kind: Kind::Label,
                    value: format!("label:{r}"),
                    alt: None,
                });
                i = e + q.len_utf8();
                continue;
            }
        }
        if digit(c).is_some() {
            if let Some((date, end)) = numeric_date(text, i) {
                out.extend(date);
                i = end;
                continue;
            }
            if let Some((clock, end)) = round_the_clock(text, i) {
                out.extend(clock);
                i = end;
                continue;
            }
            let (v, end) = number_at(text, i, lang, order);
            let raw = &text[i..end];
            // A 1 before an apostrophe and a letter (`1'espace`) is an l read wrong.
            if raw == "1"
                && word_start
                && text[end..]
                    .strip_prefix(['\'', '\u{2019}'])
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_alphabetic)
            {
                i = end;
                continue;
            }
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
            // A section number opening the unit (`2.26 The Office`).
            let section = leading && lang != &Lang::Ar && section_label(text, end);
            // A note's number opening its text (`6 Il est entendu`): a label.
            // (A capitalised word, not a code or a date: `1 P-4`, `7 June 2014`.)
            let note = leading && lang != &Lang::Ar && raw.len() <= 3 && rest.starts_with(' ') && {
                let w = &rest[1..];
                let w = &w[..w.find(|c: char| !c.is_alphabetic()).unwrap_or(w.len())];
                let mut cs = w.chars();
                cs.next().is_some_and(char::is_uppercase)
                    && cs.next().is_some_and(char::is_lowercase)
                    && !text[end + 1 + w.len()..].starts_with(['-', '.'])
                    && words::month(&words::Keys::of(w)).is_none()
            };
            if leading && (label_mark.is_some() || note) && !v.contains('.')
                || section && v.contains('.')
            {
                // A section pairs with the same number on the other side (Arabic `2-1`).
                let alt = v.contains('.').then(|| v.clone());
                out.push(Token {
                    span: i..end,
                    kind: Kind::Label,
                    value: format!("label:{v}"),
                    alt,
                });
                i = end;
                continue;
            }
            // Digits glued to Latin letters (B2C, km2, a footnote call), or a footnote call
            // glued to a closing bracket or quotation mark (`(Malvinas)1`, `"…"18`): a
            // code. (Digits hyphened to capitals stay numbers: HFC-23 against HFC-25 is a
            // changed number.)
            let call = prev.is_some_and(|p| matches!(p, ')' | '"' | '”' | '»'))
                && raw.len() <= 3
                && at(text, end).is_none_or(|c| !c.is_alphanumeric());
            // A call in brackets glued to a word or a year: `Bangkok(16)`, `2014-2015(1)`
            // (not `5(1)`, paragraph 1 of article 5, nor `و(7)`).
            let bracketed = prev == Some('(') && raw.len() <= 3 && at(text, end) == Some(')') && {
                let head = &text[..i - 1];
                let year = head.len() >= 4
                    && head.is_char_boundary(head.len() - 4)
                    && is_year(&head[head.len() - 4..])
                    && before(head, head.len() - 4).is_none_or(|p| !p.is_alphanumeric());
                // A word, not a conjunction glued to a label: `و(7)` is `and (7)`.
                let word = head.chars().rev().take_while(|c| c.is_alphabetic()).count() >= 2;
                word || year
            };
            // A call in square brackets glued to what it annotates: `planification[23].`,
            // `planning.[23]` (not `[23]` after a space, a bracketed number of a draft).
            let square = prev == Some('[')
                && raw.len() <= 3
                && at(text, end) == Some(']')
                && before(text, i - 1).is_some_and(|p| !p.is_whitespace());
            // A call glued to the full stop or comma after a word (`of a dominant position.2`,
            // `States,3 and`): not `No.2`, `p.2` (a word of three letters or more), nor a decimal.
            let stop = matches!(prev, Some('.' | ','))
                && raw.len() <= 3
                && at(text, end).is_none_or(char::is_whitespace)
                && text[..i - 1]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .count()
                    >= 3;
            let call = call || bracketed || square || stop;
            // An Arabic unit with its exponent: كلم2, م2 (km², m²).
            let exponent = matches!(raw, "2" | "3" | "\u{662}" | "\u{663}")
                && ARABIC_UNITS.iter().any(|u| {
                    text[..i].ends_with(u)
                        && before(text, i - u.len()).is_none_or(|p| !p.is_alphabetic())
                });
            // Glued to a letter of a Latin script (`liberté13`), but not a year range that
            // lost its hyphen (`for20112012b`: read below).
            let latin = prev.is_some_and(|p| p.is_alphabetic() && !is_arabic_script(p));
            if latin && !year_pair(raw) || call || exponent {
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
            // A 24-hour time with its leading zero (`0300`) keeps its four digits, so that
            // it pairs with its hour and minutes on the other side.
            let v = if raw.len() == 4
                && raw.starts_with('0')
                && raw.bytes().all(|c| c.is_ascii_digit())
                && raw[2..] < *"60"
            {
                raw.to_string()
            } else {
                v
            };
            // A year range whose hyphen was lost in extraction: 20142020.
            if year_pair(raw) {
                out.push(number(i..i + 4, raw[..4].to_string()));
                out.push(number(i + 4..end, raw[4..].to_string()));
                i = end;
                continue;
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
            // A decade: English `1960s` is also the `60` of French `années 60`.
            let decade = (lang == &Lang::En
                && raw.len() == 4
                && raw.ends_with('0')
                && rest.starts_with('s')
                && at(text, end + 1).is_none_or(|c| !c.is_alphanumeric()))
            .then(|| strip_zeros(&raw[2..], ""));
            // French `10.103` is a thousands group or a section number.
            let french = (lang == &Lang::Fr && raw.contains('.') && !v.contains('.'))
                .then(|| raw.replace(['\u{00A0}', '\u{202F}', ' '], ""))
                .filter(|r| r.matches('.').count() == 1)
                .map(|r| {
                    strip_zeros(
                        r.split('.').next().unwrap_or(""),
                        r.split('.').nth(1).unwrap_or(""),
                    )
                });
            // French `7,10` is 7.1 or, in a list, the rules `7, 10`: rising numbers.
            let list = (lang == &Lang::Fr)
                .then(|| raw.split_once(','))
                .flatten()
                .filter(|(x, y)| {
                    (1..=3).contains(&x.len())
                        && (1..=3).contains(&y.len())
                        && (x.bytes().chain(y.bytes())).all(|c| c.is_ascii_digit())
                        && !y.starts_with('0')
                        && x.parse::<u32>().ok() < y.parse::<u32>().ok()
                })
                .map(|(x, y)| format!("range:{}:{y}", strip_zeros(x, "")));
            // A count of one before a noun in a list of counts (`6 marins, 1 étudiant et 1
            // enfant`: after a comma, a colon, a bracket or `et`, `ou`, `and`, `or`, `dont`),
            // which a translation may say by the singular alone (`طالب`, `a student`); not
            // `l'article 1 dispose`.
            let listed = || {
                let head = text[..i].trim_end_matches([' ', '\u{a0}']);
                let letters: usize = head
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .map(char::len_utf8)
                    .sum();
                let last = head[head.len() - letters..].to_lowercase();
                head.is_empty()
                    || head.ends_with([',', ';', ':', '('])
                    || ["et", "ou", "and", "or", "dont"].contains(&last.as_str())
            };
            let next = rest
                .chars()
                .next()
                .filter(|&c| matches!(c, ' ' | '\u{a0}'))
                .map(|c| end + c.len_utf8());
            let single = (raw == "1"
                && listed()
                && next.is_some_and(|n| {
                    at(text, n).is_some_and(|c| {
                        c.is_lowercase() || c.is_alphabetic() && is_arabic_script(c)
                    }) && words::month(&words::Keys::of(word_at(text, n))).is_none()
                }))
            .then(|| super::SINGULAR.to_string());
            let alt = decade.or(french).or(list).or(single);
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
            // A Roman numeral after the word for an article, a chapter, a part, an annex
            // (`article XII` = المادة 12): like a number in words, it excuses the digits on
            // the other side and is not told itself (`Section V` against a label `V.`).
            if let Some(v) = roman(w).filter(|_| after_division(&text[..i])) {
                out.push(Token {
                    span: i..end,
                    kind: Kind::Word,
                    value: v.to_string(),
                    alt: None,
                });
                i = end;
                continue;
            }
            let capital = c.is_uppercase();
            // كانون الثاني, تشرين الأول: a month in two words.
            let keys = words::Keys::of(w);
            // The word for a resolution, cited by its number or not (see `cite`).
            if let Some(t) = super::cite::reference(text, i, end, &keys, lang) {
                out.push(t);
                i = end;
                continue;
            }
            let two = words::two_word_month(&keys).and_then(|(first, second)| {
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
                None => (words::month(&keys), end),
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
                // A month named with no number near it (`En octobre,`) is no date, but it
                // excuses the month of a date on the other side (`In October 2014`).
                if !english_may {
                    out.push(Token {
                        span,
                        kind: Kind::Word,
                        value: format!("month:{m}"),
                        alt: None,
                    });
                    i = m_end;
                    continue;
                }
            } else if *lang == Lang::Ar && words::dual(&keys) {
                // Arabic says two with the dual (طائرتان, طرفان, مليوني): it excuses a 2
                // on the other side when nothing else can be that 2.
                out.push(Token {
                    span: i..end,
                    kind: Kind::Word,
                    value: "2".into(),
                    alt: Some(super::DUAL.into()),
                });
                i = end;
                continue;
            } else if let Some(n) = words::number(&keys, lang) {
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
                }
                if *lang == Lang::Ar {
                    (value, w_end) = arabic_compound(text, value, w_end);
                } else {
                    (value, w_end) = latin_compound(text, lang, value, w_end);
                }
                // An Arabic hour in the evening (`الساعة العاشرة مساء`, 22 h).
                if *lang == Lang::Ar
                    && (1..=11).contains(&value)
                    && text[..i].trim_end().ends_with("الساعة")
                    && next_word(text, w_end).is_some_and(|(_, w)| w.starts_with("مساء"))
                {
                    value += 12;
                }
                // And a half: `deux ans et demi`, `two and a half years` (2.5).
                let value = match half_after(text, w_end, lang) {
                    Some(e) => {
                        w_end = e;
                        format!("{value}.5")
                    }
                    None => value.to_string(),
                };
                out.push(Token {
                    span: i..w_end,
                    kind: Kind::Word,
                    value,
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

/// Whether `raw` is eight digits that are two years in order (`20142020`).
fn year_pair(raw: &str) -> bool {
    raw.len() == 8
        && raw.is_char_boundary(4)
        && is_year(&raw[..4])
        && is_year(&raw[4..])
        && raw[..4] < raw[4..]
}

/// The words after which a Roman numeral numbers a division of a text (`article XII`,
/// `Part IV`, `annexe II`).
const DIVISIONS: [&str; 10] = [
    "article", "chapitre", "chapter", "partie", "part", "annexe", "annex", "titre", "title",
    "section",
];

/// Whether `head` ends with one of [`DIVISIONS`] and a space.
fn after_division(head: &str) -> bool {
    let t = head.trim_end();
    t.len() < head.len()
        && DIVISIONS.iter().any(|d| {
            t.len() >= d.len()
                && t.is_char_boundary(t.len() - d.len())
                && t[t.len() - d.len()..].eq_ignore_ascii_case(d)
                && before(t, t.len() - d.len()).is_none_or(|p| !p.is_alphabetic())
        })
}

/// Arabic units of length written before an exponent (كلم2 for km²).
const ARABIC_UNITS: [&str; 6] = ["كلم", "كم", "م", "سم", "ملم", "مم"];

/// Whether the number ending at byte `end` of a unit it opens is a section number: a space
/// and a capitalised word follow it (`2.26 The Office`; `2.5 million` is a number). Not
/// asked in Arabic, where a number opening a unit is followed by a word as well
/// (`5.3 مليون`, `26-30 كانون الثاني`).
fn section_label(text: &str, end: usize) -> bool {
    text[end..]
        .strip_prefix(' ')
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

fn fold_may(w: &str) -> bool {
    w.eq_ignore_ascii_case("may")
}

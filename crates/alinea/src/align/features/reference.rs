//! The straightforward feature extraction (one string per normalised text, per anchor and per
//! name) that the aligner's `extract` must agree with; used by its tests only.

use super::tokens::is_mark;
use super::words::arabic_light_stem;
use super::*;
use crate::text::normalize::for_matching;
use rust_stemmers::{Algorithm, Stemmer};

#[derive(Clone, Debug, Default)]
pub struct RefUnit {
    pub len: f64,
    pub words: Vec<u32>,
    pub anchors: Vec<String>,
    pub latin_names: Vec<String>,
}

/// The stem of a word: Snowball for Russian and Greek, the light stem for Arabic, six
/// letters otherwise.
fn stem(lang: &Lang, word: &str) -> String {
    let s = match lang.code() {
        "ru" => Stemmer::create(Algorithm::Russian).stem(word).into_owned(),
        "el" => Stemmer::create(Algorithm::Greek).stem(word).into_owned(),
        "ar" => arabic_light_stem(word).to_string(),
        _ => word.chars().take(6).collect(),
    };
    if s.is_empty() {
        word.to_string()
    } else {
        s
    }
}

pub struct RefDoc {
    pub units: Vec<RefUnit>,
    pub vocab: Vec<(String, String)>,
    pub script: Script,
}

pub fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        // Arabic block: letters, digits and marks; not its punctuation.
        0x0620..=0x06FF => !matches!(
            c as u32,
            0x066A..=0x066D | 0x06D4 | 0x06DD | 0x06DE | 0x06E9
        ),
        0x0600..=0x061F => false,
        _ => c.is_alphanumeric() || is_mark(c),
    }
}

/// Tokens of a normalised text: maximal runs of letters, digits and marks, joined across `/`,
/// `.`, `,` and `-` between two such characters, and across a space inside a number
/// grouped by thousands (`100 000`).
fn tokens(text: &str, chars: &mut Vec<(usize, char, bool)>, out: &mut Vec<(usize, usize)>) {
    chars.clear();
    if text.is_ascii() {
        // A sized iterator: filled without a capacity check per character.
        chars.extend(text.bytes().enumerate().map(|(i, b)| {
            let c = char::from(b);
            (i, c, c.is_ascii_alphanumeric())
        }));
    } else {
        chars.extend(text.char_indices().map(|(i, c)| (i, c, is_word_char(c))));
    }
    out.clear();
    let mut k = 0;
    while k < chars.len() {
        if !chars[k].2 {
            k += 1;
            continue;
        }
        let start = chars[k].0;
        let mut e = k + 1;
        loop {
            if e < chars.len() && chars[e].2 {
                e += 1;
                continue;
            }
            if e + 1 < chars.len()
                && matches!(chars[e].1, '/' | '.' | ',' | '-')
                && chars[e + 1].2
                && chars[e - 1].2
            {
                e += 1;
                continue;
            }
            // "100 000": a digit group of three after a space, ending there.
            if grouped_number_continues(chars, k, e) {
                e += 4;
                continue;
            }
            break;
        }
        let end = chars.get(e).map_or(text.len(), |c| c.0);
        out.push((start, end));
        k = e;
    }
}

/// Whether the number `chars[start..end]` (digits and grouping spaces only, first group of at
/// most three digits) goes on with ` ddd`.
fn grouped_number_continues(chars: &[(usize, char, bool)], start: usize, end: usize) -> bool {
    let digit = |i: usize| chars.get(i).is_some_and(|c| c.1.is_ascii_digit());
    let so_far = &chars[start..end];
    so_far.iter().all(|c| c.1.is_ascii_digit() || c.1 == ' ')
        && so_far.iter().take_while(|c| c.1 != ' ').count() <= 3
        && chars.get(end).map(|c| c.1) == Some(' ')
        && (1..=3).all(|d| digit(end + d))
        && !chars.get(end + 4).is_some_and(|c| c.2)
}

/// Extract the features of every unit of a document.
pub fn extract(units: &[&str], lang: &Lang) -> RefDoc {
    let mut vocab: Vec<(String, String)> = Vec::new();
    let mut index: FxMap<String, u32> = FxMap::default();
    let mut latin = 0usize;
    let mut arabic = 0usize;
    let mut feats = Vec::with_capacity(units.len());
    let mut buf = String::new();
    let mut chars = Vec::new();
    let mut toks = Vec::new();
    let mut words: Vec<u32> = Vec::new();
    for text in units {
        let norm = for_matching(text);
        // One pass for the length and the characters that call for more work.
        let (mut len, mut quote, mut url) = (0usize, false, false);
        for c in norm.chars() {
            match c {
                '«' | '»' | '“' | '”' | '"' => quote = true,
                '@' | '/' => url = true,
                _ => {}
            }
            len += usize::from(!c.is_whitespace());
        }
        let mut f = RefUnit {
            len: len as f64,
            ..Default::default()
        };
        if let Some(l) = leading_label(&norm) {
            f.anchors.push(format!("p:{l}"));
        }
        if quote || norm.contains("<<") {
            f.anchors.push("q".to_string());
        }
        let body = if url {
            let mut body = String::with_capacity(norm.len());
            for chunk in norm.split(' ') {
                let trimmed = chunk.trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
                if is_url(trimmed) {
                    f.anchors.push(format!("u:{}", trimmed.to_lowercase()));
                } else {
                    body.push_str(chunk);
                    body.push(' ');
                }
            }
            body
        } else {
            norm
        };
        tokens(&body, &mut chars, &mut toks);
        // The first number of the token before, when it was a number alone (no letter, `/`
        // or `-`): its place in the anchors and its value.
        let mut hour: Option<(usize, u64)> = None;
        for &(a, b) in &toks {
            let tok = &body[a..b];
            if tok.bytes().any(|c| c.is_ascii_digit()) {
                let before = f.anchors.len();
                number_anchors(tok, &mut f.anchors);
                let plain = !tok
                    .chars()
                    .any(|c| c.is_alphabetic() || c == '/' || c == '-');
                hour = (plain && f.anchors.len() > before)
                    .then(|| (before, f.anchors[before][2..].parse().unwrap_or(0)));
                continue;
            }
            if let Some((at, h)) = hour.take() {
                let lower = tok.to_lowercase();
                if (1..=11).contains(&h) && (lower == "p.m" || lower == "pm") {
                    f.anchors[at] = format!("n:{}", h + 12);
                }
            }
            let ascii = tok.is_ascii();
            let first = if ascii {
                tok.bytes().find(u8::is_ascii_alphabetic).map(char::from)
            } else {
                tok.chars().find(|c| c.is_alphabetic())
            };
            let Some(first) = first else {
                continue;
            };
            let script = script_of(first);
            buf.clear();
            match script {
                Script::Arabic => {
                    arabic += 1;
                    for c in tok.chars() {
                        if let Some(c) = fold_arabic_char(c) {
                            buf.push(c);
                        }
                    }
                }
                _ => {
                    let mut upper = false;
                    if ascii {
                        upper = tok.bytes().any(|b| b.is_ascii_uppercase());
                        buf.push_str(tok);
                        buf.make_ascii_lowercase();
                    } else {
                        for c in tok.chars() {
                            upper |= c.is_uppercase();
                            buf.extend(c.to_lowercase());
                        }
                    }
                    if script == Script::Latin {
                        latin += 1;
                        if upper
                            && (if ascii {
                                tok.len() > 1
                            } else {
                                tok.chars().nth(1).is_some()
                            })
                        {
                            f.latin_names.push(buf.clone());
                        }
                    }
                }
            }
            let n = if ascii {
                buf.len()
            } else {
                buf.chars().count()
            };
            if n < 3 && !(script == Script::Arabic && n == 2) {
                continue;
            }
            let id = match index.get(buf.as_str()) {
                Some(&i) => i,
                None => {
                    let i = vocab.len() as u32;
                    let stem = stem(lang, &buf);
                    vocab.push((buf.clone(), stem));
                    index.insert(buf.clone(), i);
                    i
                }
            };
            words.push(id);
        }
        words.sort_unstable();
        words.dedup();
        f.words = words.clone();
        words.clear();
        f.anchors.sort_unstable();
        f.anchors.dedup();
        f.latin_names.sort_unstable();
        f.latin_names.dedup();
        feats.push(f);
    }
    let script = if arabic > latin {
        Script::Arabic
    } else if latin > 0 {
        Script::Latin
    } else {
        Script::Other
    };
    RefDoc {
        units: feats,
        vocab,
        script,
    }
}

/// Anchors of a token containing a digit: each number (separators removed), and the whole
/// token as a symbol when it mixes letters and digits or joins numbers with `/` or `-`.
/// Arabic clitics written against a number (و60/1, بـ2019, الـ146) are not part of it.
fn number_anchors(tok: &str, out: &mut Vec<String>) {
    let bare = tok.trim_start_matches(is_basic_arabic_letter);
    let tok = if bare.starts_with(|c: char| c.is_ascii_digit()) {
        bare
    } else {
        tok
    };
    let (digits, suffix): (String, String) = (
        tok.chars().take_while(|c| c.is_ascii_digit()).collect(),
        tok.chars().skip_while(|c| c.is_ascii_digit()).collect(),
    );
    let ordinal = [
        "e", "er", "re", "es", "ers", "res", "eme", "emes", "ème", "èmes", "ère", "ères", "st",
        "nd", "rd", "th", "ᵉ", "ᵉʳ", "ʳᵉ",
    ];
    if !digits.is_empty() && ordinal.contains(&suffix.to_lowercase().as_str()) {
        out.push(format!("n:{}", digits.trim_start_matches('0')));
        return;
    }
    // A date in digits: its day and its year.
    for sep in ['/', '.', '-'] {
        let p: Vec<&str> = tok.split(sep).collect();
        let num = |x: &str| -> Option<u32> {
            (!x.is_empty() && x.chars().all(|c| c.is_ascii_digit()))
                .then(|| x.parse().ok())
                .flatten()
        };
        if p.len() != 3
            || tok.find(['/', '.', '-']).map(|i| &tok[i..=i]) != Some(&sep.to_string()[..])
        {
            continue;
        }
        let (Some(a), Some(b), Some(c)) = (num(p[0]), num(p[1]), num(p[2])) else {
            continue;
        };
        let is_year = |s: &str, v: u32| s.len() == 4 && (1900..2100).contains(&v);
        let fits = |s: &str, v: u32, hi: u32| s.len() <= 2 && (1..=hi).contains(&v);
        if is_year(p[2], c) && fits(p[0], a, 31) && fits(p[1], b, 31) && (a <= 12 || b <= 12) {
            let day = if b <= 12 { a } else { b };
            out.push(format!("n:{day}"));
            out.push(format!("n:{c}"));
            return;
        }
        if sep != '.' && is_year(p[0], a) && fits(p[1], b, 12) && fits(p[2], c, 31) {
            out.push(format!("n:{c}"));
            out.push(format!("n:{a}"));
            return;
        }
    }
    let has_letter = tok.chars().any(|c| c.is_alphabetic());
    if has_letter || tok.contains('/') || tok.contains('-') {
        out.push(format!("s:{}", tok.to_uppercase()));
    }
    for part in tok.split(['/', '-']) {
        let numeric = part.chars().any(|c| c.is_ascii_digit())
            && part
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\''));
        if !numeric {
            continue;
        }
        // Numbers: groups of three digits continue the one before.
        let mut numbers: Vec<String> = Vec::new();
        for group in part.split(['.', ',', ' ', '\'']) {
            match numbers.last_mut() {
                Some(n) if !n.is_empty() && group.len() == 3 => n.push_str(group),
                _ => numbers.push(group.to_string()),
            }
        }
        for n in numbers.iter().filter(|n| !n.is_empty()) {
            let zeros = n.len() >= 2 && n.chars().all(|c| c == '0');
            if !zeros {
                out.push(format!("n:{}", n.trim_start_matches('0')));
            }
        }
    }
}

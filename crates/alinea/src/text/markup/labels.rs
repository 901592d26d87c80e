//! Line starts: heading hashes, bullets and paragraph labels (`1.`, `1)`, `a)`, `(iv)`,
//! `(أ)`, `١)`, note marks), and the key a label is compared by across languages.

use std::ops::Range;

use crate::text::chars::{ascii_digit, is_arabic_letter, is_digit, is_superscript_digit};

/// What a line starts with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineStart {
    /// Heading level of `#`…`######`, 0 for none.
    pub hashes: usize,
    /// A bullet (`-`, `+`, `•`, `–`, `▪`) stood first.
    pub bullet: bool,
    /// Byte range (within the line) of a label: `1.`, `1)`, `(a)`, `a)`, `IV.`, `(أ)`, `١)`,
    /// a note mark (`*`, `¹`, `²` …).
    pub label: Option<Range<usize>>,
    /// The label is a note mark (`*` or superscript digits).
    pub note_mark: bool,
    /// Where the text after the markers starts (byte offset within the line).
    pub rest: usize,
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 5 && s.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
        || !s.is_empty() && s.len() <= 5 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Length in bytes of a label at the start of `s` (followed by whitespace or the end), if any.
pub fn label_len(s: &str) -> Option<usize> {
    let end_ok = |n: usize| s[n..].chars().next().is_none_or(char::is_whitespace);
    let first = s.chars().next()?;
    // (x) forms: (1) (a) (iv) (A) (أ) (١)
    if first == '(' {
        let close = s[1..].find(')')? + 1;
        let inner = &s[1..close];
        let ok = (!inner.is_empty() && inner.chars().count() <= 3 && inner.chars().all(is_digit))
            || (inner.chars().count() == 1 && inner.chars().all(|c| c.is_alphabetic()))
            || inner == "هـ"
            || is_roman(inner);
        return (ok && end_ok(close + 1)).then_some(close + 1);
    }
    // Numbers: 1. 1) 11. 1.2. ١) 1- (with a space after the dash)
    if is_digit(first) {
        let mut n = 0;
        let mut digits = 0;
        let mut groups = 1;
        for (i, c) in s.char_indices() {
            if is_digit(c) {
                digits += 1;
                n = i + c.len_utf8();
                if digits > 3 {
                    return None;
                }
            } else if c == '.' && s[i + 1..].starts_with(|d: char| is_digit(d)) && groups < 3 {
                groups += 1;
                digits = 0;
                n = i + 1;
            } else {
                break;
            }
        }
        let term = s[n..].chars().next()?;
        if matches!(term, '.' | ')' | '-') && end_ok(n + 1) && (term != '-' || n + 1 < s.len()) {
            return Some(n + 1);
        }
        return None;
    }
    // Letters and roman numerals: a) iv) A) IV. أ) هـ)
    let word_end = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic() && c != 'ـ')
        .map(|(i, _)| i)?;
    let word = &s[..word_end];
    let term = s[word_end..].chars().next()?;
    let single = word.chars().count() == 1;
    let ok = match term {
        ')' => {
            single && (first.is_lowercase() || first.is_uppercase() || is_arabic_letter(first))
                || word == "هـ"
                || is_roman(word)
        }
        '.' => word.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) && is_roman(word),
        _ => false,
    };
    (ok && end_ok(word_end + 1)).then_some(word_end + 1)
}

/// The markers a line starts with. `line` should be trimmed.
pub fn line_start(line: &str) -> LineStart {
    let mut st = LineStart::default();
    let mut pos = 0;
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t']) {
        st.hashes = hashes;
        pos = hashes;
    } else if line.starts_with("> ") {
        pos = 1;
    }
    pos += line[pos..].len() - line[pos..].trim_start().len();
    let rest = &line[pos..];
    let first = rest.chars().next();
    if let Some(b) = first.filter(|c| matches!(c, '-' | '+' | '•' | '–' | '▪' | '◦' | '·'))
    {
        if rest[b.len_utf8()..].starts_with(char::is_whitespace) {
            st.bullet = true;
            pos += b.len_utf8();
            pos += line[pos..].len() - line[pos..].trim_start().len();
        }
    }
    let rest = &line[pos..];
    let sup = rest
        .char_indices()
        .find(|&(_, c)| !is_superscript_digit(c))
        .map_or(rest.len(), |(i, _)| i);
    if rest.starts_with('*') && rest[1..].starts_with(char::is_whitespace) {
        st.label = Some(pos..pos + 1);
        st.note_mark = true;
        pos += 1;
    } else if sup > 0 && rest[sup..].starts_with(char::is_whitespace) {
        st.label = Some(pos..pos + sup);
        st.note_mark = true;
        pos += sup;
    } else if let Some(n) = label_len(rest) {
        st.label = Some(pos..pos + n);
        pos += n;
    }
    pos += line[pos..].len() - line[pos..].trim_start().len();
    st.rest = pos;
    st
}

/// Arabic list letters in their traditional (abjad) order, matched to a, b, c …
const ABJAD: &[&str] = &[
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق",
    "ر", "ش", "ت", "ث", "خ", "ذ", "ض",
];

/// A language-neutral key for a label, so that `1.`, `1)`, `(1)`, `١)` and `١-` all give `1`,
/// `a)`, `(a)` and `(أ)` give `a`, `(iv)` gives `iv`, `IV.` gives `IV`, and note marks `¹`
/// and `*` give `1` and `*`. `None` when `label` is not a label.
pub fn label_key(label: &str) -> Option<String> {
    let t = label.trim();
    if t == "*" {
        return Some("*".into());
    }
    if !t.is_empty() && t.chars().all(is_superscript_digit) {
        return Some(
            t.chars()
                .map(|c| match c {
                    '¹' => '1',
                    '²' => '2',
                    '³' => '3',
                    c => char::from_u32(c as u32 - 0x2070 + u32::from(b'0')).unwrap_or(c),
                })
                .collect(),
        );
    }
    // As at the start of a line (a dash label needs text after it).
    if label_len(&format!("{t} x"))? != t.len() {
        return None;
    }
    let inner = t.trim_start_matches('(').trim_end_matches(['.', ')', '-']);
    if inner.chars().all(|c| is_digit(c) || c == '.') {
        return Some(inner.chars().map(|c| ascii_digit(c).unwrap_or(c)).collect());
    }
    if let Some(i) = ABJAD.iter().position(|&l| l == inner) {
        return Some(char::from(b'a' + i as u8).to_string());
    }
    Some(inner.to_string())
}

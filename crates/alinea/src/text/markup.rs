//! Markup residue left by PDF and word-processor conversion: Markdown emphasis (`**bold**`,
//! `*italics*`), superscripts (`^e`, `^{er}`, `<sup>e</sup>`), links (`[text](url)`),
//! backslash escapes (`\_`, `\\_`), heading hashes (`## …`), bullets, and paragraph labels
//! (`1.`, `1)`, `a)`, `(iv)`, `(أ)`, `١)`).
//!
//! Stripping keeps a map from every output character to the byte it came from, so that a
//! cleaned unit or sentence can be traced back to its place in the file.

use std::ops::Range;

use super::chars::{ascii_digit, is_arabic_letter, is_digit, is_superscript_digit};

/// Text with, for each character, the byte offset in the source it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapped {
    pub text: String,
    /// `(byte offset in text, byte offset in source)` for each character of `text` (empty
    /// when built [`Mapped::untracked`]).
    pub map: Vec<(usize, usize)>,
    untracked: bool,
}

impl Mapped {
    /// A text that keeps no map (cheaper, when only the text is wanted).
    pub fn untracked() -> Self {
        Mapped {
            untracked: true,
            ..Mapped::default()
        }
    }

    /// Append `c`, which came from source byte `src`.
    pub fn push(&mut self, c: char, src: usize) {
        if !self.untracked {
            self.map.push((self.text.len(), src));
        }
        self.text.push(c);
    }

    /// Append `s`, which starts at source byte `src` (and is copied unchanged).
    pub fn push_str(&mut self, s: &str, src: usize) {
        if !self.untracked {
            let base = self.text.len();
            self.map
                .extend(s.char_indices().map(|(i, _)| (base + i, src + i)));
        }
        self.text.push_str(s);
    }

    /// The source byte of the character at text byte `at` (or of the next character).
    pub fn source(&self, at: usize) -> Option<usize> {
        let i = self.map.partition_point(|&(t, _)| t < at);
        self.map.get(i).map(|&(_, s)| s)
    }

    /// Whitespace collapsed to single spaces (a lone no-break space is kept as it is), trimmed.
    pub fn collapse(&self) -> Mapped {
        let mut out = Mapped {
            untracked: self.untracked,
            ..Mapped::default()
        };
        let mut pending: Option<(char, usize, usize)> = None; // (char, src, run length)
        out.text.reserve(self.text.len());
        out.map.reserve(self.map.len());
        for (i, c) in self.text.chars().enumerate() {
            let src = self.map.get(i).map_or(0, |&(_, s)| s);
            if c.is_whitespace() {
                pending = match pending {
                    None => Some((c, src, 1)),
                    Some((p, s, n)) => Some((p, s, n + 1)),
                };
            } else {
                if let Some((p, s, n)) = pending.take() {
                    if !out.text.is_empty() {
                        let keep = n == 1 && matches!(p, '\u{00A0}' | '\u{202F}');
                        out.push(if keep { p } else { ' ' }, s);
                    }
                }
                out.push(c, src);
            }
        }
        out
    }
}

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

const TAGS: &[&str] = &[
    "sup", "sub", "br", "em", "strong", "i", "b", "u", "span", "small",
];

/// The first byte `b` at or after a position of `s`, for positions asked in increasing order:
/// each search starts where the last one stopped, so all of them together read `s` once.
struct NextByte {
    b: u8,
    /// The last answer: the search from `from` found `at`.
    from: usize,
    at: Option<usize>,
}

impl NextByte {
    fn new(b: u8) -> Self {
        NextByte {
            b,
            from: usize::MAX,
            at: None,
        }
    }

    /// The first `b` in `s[i..end]`.
    fn find(&mut self, s: &str, i: usize, end: usize) -> Option<usize> {
        let known = self.from <= i && self.at.is_none_or(|a| a >= i);
        if !known {
            super::steps::add(1);
            self.from = i;
            self.at = s.as_bytes()[i..]
                .iter()
                .position(|&c| c == self.b)
                .map(|p| i + p);
            super::steps::add(self.at.map_or(s.len(), |a| a + 1) - i);
        }
        self.at.filter(|&a| a < end)
    }
}

/// The links of one text, found in one pass: for each `[` (in order), the `]` that brings the
/// depth back to where it was and, when a `(` follows it at once, the matching `)` if no white
/// space stands between them (a link's `(url)`). Asked about `[`s in increasing order, it
/// walks its list once.
#[derive(Default)]
struct Links {
    /// `(open, close, paren close)` for each `[`; `usize::MAX` where there is none.
    brackets: Vec<(usize, usize, usize)>,
    /// The next entry of `brackets` a question may be about.
    cursor: usize,
}

impl Links {
    fn new(s: &str) -> Self {
        const NONE: usize = usize::MAX;
        let mut brackets: Vec<(usize, usize, usize)> = Vec::new();
        let mut open = Vec::new();
        // The last `]` that closed a bracket, and that bracket's entry.
        let mut closed: Option<(usize, usize)> = None;
        // Each open parenthesis: the bracket entry it follows at once, if any, and the number
        // of white-space characters seen before it.
        let mut parens: Vec<(Option<usize>, usize)> = Vec::new();
        let mut spaces = 0usize;
        for (i, c) in s.char_indices() {
            match c {
                '[' => {
                    open.push(brackets.len());
                    brackets.push((i, NONE, NONE));
                }
                ']' => {
                    if let Some(k) = open.pop() {
                        brackets[k].1 = i;
                        closed = Some((i, k));
                    }
                }
                '(' => {
                    let after = closed.filter(|&(at, _)| at + 1 == i).map(|(_, k)| k);
                    parens.push((after, spaces));
                }
                ')' => {
                    if let Some((after, before)) = parens.pop() {
                        if let Some(k) = after.filter(|_| before == spaces) {
                            brackets[k].2 = i;
                        }
                    }
                }
                c if c.is_whitespace() => spaces += 1,
                _ => {}
            }
        }
        super::steps::add(s.len());
        Links {
            brackets,
            cursor: 0,
        }
    }

    /// `[text](url)` at byte `i` of `s` (a `[`), within `s[..end]`: (byte range of the text,
    /// end of the link).
    fn at(&mut self, i: usize, end: usize) -> Option<(Range<usize>, usize)> {
        while self.brackets.get(self.cursor).is_some_and(|b| b.0 < i) {
            super::steps::add(1);
            self.cursor += 1;
        }
        let &(open, close, paren) = self.brackets.get(self.cursor)?;
        (open == i && close < end && paren < end).then(|| (i + 1..close, paren + 1))
    }
}

/// The end of an HTML tag of the kinds [`TAGS`] lists at byte `i` of `s` (a `<`), within
/// `s[..end]`: the tag's name (its first word, slashes around it aside) must be one of them.
/// Reads no further than the name and the slashes after it, and finds the `>` with `gt`.
fn tag_end(s: &str, i: usize, end: usize, gt: &mut NextByte) -> Option<usize> {
    let b = &s.as_bytes()[..end];
    let mut p = i + 1;
    while p < end && b[p] == b'/' {
        p += 1;
    }
    super::steps::add(p - i);
    if !b.get(p).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let close = gt.find(s, i, end)?;
    // The name: ASCII letters, then white space, the `>`, or slashes up to the `>`.
    let mut q = p;
    while q < close && b[q].is_ascii_alphabetic() && q - p <= 6 {
        q += 1;
    }
    super::steps::add(q - p);
    let name_ends = q == close
        || s[q..close].starts_with(char::is_whitespace)
        || b[q] == b'/' && {
            let slashes = b[q..close].iter().take_while(|&&c| c == b'/').count();
            super::steps::add(slashes);
            q + slashes == close
        };
    let name = s[p..q].to_ascii_lowercase();
    (name_ends && TAGS.contains(&name.as_str())).then_some(close + 1)
}

/// Strip inline markup from `s` (one line, or part of one), appending to `out`; `base` is the
/// source byte offset of `s`.
///
/// Links and `^{…}` superscripts nest: their inner text is stripped as a text of its own (its
/// first character has nothing before it, its last nothing after it). The nesting is kept on
/// a stack, not in recursion, and every search (brackets, `>`, `}`) is done once for the whole
/// text, so the time is linear in the length of `s` however deep the nesting.
pub fn strip_inline(s: &str, base: usize, out: &mut Mapped) {
    let bytes = s.as_bytes();
    let mut links: Option<Links> = None;
    let mut gt = NextByte::new(b'>');
    let mut brace = NextByte::new(b'}');
    // The text being stripped is `s[start..end]`; `frames` holds the enclosing ones, each with
    // where to go on once the inner one is done.
    let (mut start, mut end) = (0, s.len());
    let mut frames: Vec<(usize, usize, usize)> = Vec::new();
    let mut i = 0;
    loop {
        super::steps::add(1);
        if i >= end {
            match frames.pop() {
                Some((st, en, resume)) => {
                    (start, end, i) = (st, en, resume);
                    continue;
                }
                None => break,
            }
        }
        let c = s[i..].chars().next().expect("a character");
        let char_at = |j: usize| if j < end { s[j..].chars().next() } else { None };
        let run_of = |b: u8| bytes[i..end].iter().take_while(|&&x| x == b).count();
        match c {
            '\\' => {
                let run = run_of(b'\\');
                super::steps::add(run);
                match char_at(i + run) {
                    Some(p) if p.is_ascii_punctuation() && p != '\\' => {
                        if p != '*' {
                            out.push(p, base + i + run);
                        }
                        i += run + 1;
                    }
                    _ => {
                        out.push_str(&s[i..i + run], base + i);
                        i += run;
                    }
                }
                continue;
            }
            '<' => {
                if let Some(e) = tag_end(s, i, end, &mut gt) {
                    i = e;
                    continue;
                }
            }
            '^' => {
                if char_at(i + 1) == Some('{') {
                    if let Some(close) = brace.find(s, i, end) {
                        frames.push((start, end, close + 1));
                        (start, end, i) = (i + 2, close, i + 2);
                        continue;
                    }
                } else if char_at(i + 1).is_some_and(char::is_alphanumeric) {
                    i += 1; // drop the caret, keep the letters
                    continue;
                }
            }
            '[' => {
                let links = links.get_or_insert_with(|| Links::new(s));
                if let Some((text, e)) = links.at(i, end) {
                    frames.push((start, end, e));
                    (start, end, i) = (text.start, text.end, text.start);
                    continue;
                }
            }
            '*' | '_' => {
                let run = run_of(c as u8);
                super::steps::add(run);
                let before = (i > start)
                    .then(|| s[start..i].chars().next_back())
                    .flatten();
                let after = char_at(i + run);
                let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
                let word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                let emphasis = if c == '*' {
                    !(space(before) && space(after) || word(before) && word(after))
                } else {
                    space(before) != space(after) && !(word(before) && word(after))
                };
                if !emphasis {
                    out.push_str(&s[i..i + run], base + i);
                }
                i += run;
                continue;
            }
            _ => {}
        }
        // This character and the ordinary ones after it, copied in one go.
        let from = i + c.len_utf8();
        let j = bytes[from..end]
            .iter()
            .position(|b| matches!(b, b'\\' | b'<' | b'^' | b'[' | b'*' | b'_'))
            .map_or(end, |p| from + p);
        super::steps::add(j - i);
        out.push_str(&s[i..j], base + i);
        i = j;
    }
}

/// A line with its markers handled and inline markup stripped: heading hashes, blockquote
/// marks and bullets are dropped, a label or note mark is kept as it stands. `base` is the
/// source byte offset of `line` (trimmed).
pub fn strip_line(line: &str, base: usize) -> Mapped {
    let st = line_start(line);
    let mut out = Mapped::default();
    if let Some(l) = &st.label {
        for (i, c) in line[l.clone()].char_indices() {
            out.push(c, base + l.start + i);
        }
        out.push(' ', base + l.end);
    }
    strip_inline(&line[st.rest..], base + st.rest, &mut out);
    out
}

/// Markup removed from `s` (line by line) and whitespace collapsed; no map.
pub fn strip(s: &str) -> String {
    let mut all = Mapped::untracked();
    for line in s.lines() {
        let t = line.trim();
        let m = strip_line(t, 0);
        all.text.push_str(&m.text);
        all.text.push('\n');
    }
    crate::text::normalize::for_matching(&all.text)
}

#[cfg(test)]
mod reference {
    //! The recursive stripper this module had first (quadratic on nested brackets), kept to
    //! check that the linear one gives the same output.
    use super::Mapped;
    use super::TAGS;
    use std::ops::Range;

    /// Length of an HTML tag of the kinds [`TAGS`] lists at the start of `s`.
    fn tag_len(s: &str) -> Option<usize> {
        let name_start = s[1..].trim_start_matches('/');
        if !name_start.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let close = s.find('>')?;
        let inner = s[1..close]
            .trim_start_matches('/')
            .trim_end_matches('/')
            .trim();
        let name = inner.split_whitespace().next()?.to_ascii_lowercase();
        TAGS.contains(&name.as_str()).then_some(close + 1)
    }

    /// `[text](url)` at the start of `s`: (byte range of text, total length).
    fn link(s: &str) -> Option<(Range<usize>, usize)> {
        let mut depth = 0;
        let mut close = None;
        for (i, c) in s.char_indices() {
            match c {
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let close = close?;
        if !s[close + 1..].starts_with('(') {
            return None;
        }
        let mut depth = 0;
        for (i, c) in s[close + 1..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some((1..close, close + 1 + i + 1));
                    }
                }
                c if c.is_whitespace() => return None,
                _ => {}
            }
        }
        None
    }

    /// Strip inline markup from `s` (one line, or part of one), appending to `out`; `base` is the
    /// source byte offset of `s`.
    pub(super) fn strip_inline_reference(s: &str, base: usize, out: &mut Mapped) {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let mut k = 0;
        while k < chars.len() {
            let (i, c) = chars[k];
            let next_at = |j: usize| chars.get(j).map(|&(_, c)| c);
            match c {
                '\\' => {
                    let run = chars[k..].iter().take_while(|&&(_, c)| c == '\\').count();
                    match next_at(k + run) {
                        Some(p) if p.is_ascii_punctuation() && p != '\\' => {
                            if p != '*' {
                                out.push(p, base + chars[k + run].0);
                            }
                            k += run + 1;
                        }
                        _ => {
                            for &(j, b) in &chars[k..k + run] {
                                out.push(b, base + j);
                            }
                            k += run;
                        }
                    }
                    continue;
                }
                '<' => {
                    if let Some(n) = tag_len(&s[i..]) {
                        let end = i + n;
                        while k < chars.len() && chars[k].0 < end {
                            k += 1;
                        }
                        continue;
                    }
                }
                '^' => {
                    if next_at(k + 1) == Some('{') {
                        if let Some(close) = s[i..].find('}') {
                            strip_inline_reference(&s[i + 2..i + close], base + i + 2, out);
                            let end = i + close + 1;
                            while k < chars.len() && chars[k].0 < end {
                                k += 1;
                            }
                            continue;
                        }
                    } else if next_at(k + 1).is_some_and(char::is_alphanumeric) {
                        k += 1; // drop the caret, keep the letters
                        continue;
                    }
                }
                '[' => {
                    if let Some((text, n)) = link(&s[i..]) {
                        strip_inline_reference(
                            &s[i + text.start..i + text.end],
                            base + i + text.start,
                            out,
                        );
                        let end = i + n;
                        while k < chars.len() && chars[k].0 < end {
                            k += 1;
                        }
                        continue;
                    }
                }
                '*' | '_' => {
                    let run = chars[k..].iter().take_while(|&&(_, d)| d == c).count();
                    let before = k.checked_sub(1).map(|j| chars[j].1);
                    let after = next_at(k + run);
                    let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
                    let word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                    let emphasis = if c == '*' {
                        !(space(before) && space(after) || word(before) && word(after))
                    } else {
                        space(before) != space(after) && !(word(before) && word(after))
                    };
                    if emphasis {
                        k += run;
                        continue;
                    }
                    for &(j, d) in &chars[k..k + run] {
                        out.push(d, base + j);
                    }
                    k += run;
                    continue;
                }
                _ => {}
            }
            // This character and the ordinary ones after it, copied in one go.
            let mut j = k + 1;
            while j < chars.len() && !matches!(chars[j].1, '\\' | '<' | '^' | '[' | '*' | '_') {
                j += 1;
            }
            let end = chars.get(j).map_or(s.len(), |&(b, _)| b);
            out.push_str(&s[i..end], base + i);
            k = j;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline(s: &str) -> String {
        let mut m = Mapped::default();
        strip_inline(s, 0, &mut m);
        m.text
    }

    #[test]
    fn strips_markdown_residue() {
        assert_eq!(inline("**Nous, parlementaires,**"), "Nous, parlementaires,");
        assert_eq!(inline("*réunis* dans le cadre"), "réunis dans le cadre");
        assert_eq!(inline("***Faire face***"), "Faire face");
        assert_eq!(inline("le 17<sup>e</sup> Forum"), "le 17e Forum");
        assert_eq!(
            inline("la 146^e Assemblée, le 1^{er} mai"),
            "la 146e Assemblée, le 1er mai"
        );
        assert_eq!(
            inline("[https://x.org/WN\\\\_dMEN](https://x.org/WN_dMEN)"),
            "https://x.org/WN_dMEN"
        );
        assert_eq!(
            inline("du [\\*Guide to key issues\\*](https://a.b/c(d)) ;"),
            "du Guide to key issues ;"
        );
        assert_eq!(
            inline("WN\\_x snake_case a*b 2 * 3"),
            "WN_x snake_case a*b 2 * 3"
        );
        assert_eq!(inline("(Manama, 15 mars 2023)*"), "(Manama, 15 mars 2023)");
        assert_eq!(inline("a < b et c > d"), "a < b et c > d");
        assert_eq!(inline("x^2"), "x2");
        assert_eq!(inline("_italique_ mot"), "italique mot");
    }

    #[test]
    fn labels() {
        for (s, n) in [
            ("1. texte", Some(2)),
            ("1)", Some(2)),
            ("11. x", Some(3)),
            ("a) x", Some(2)),
            ("(a) x", Some(3)),
            ("(iv) x", Some(4)),
            ("iv) x", Some(3)),
            ("IV. Titre", Some(3)),
            ("(أ) نص", Some("(أ)".len())),
            ("١) نص", Some("١)".len())),
            ("(١٢)", Some("(١٢)".len())),
            ("هـ) نص", Some("هـ)".len())),
            ("1.2. x", Some(4)),
            ("1- x", Some(2)),
            ("2019/19. Favoriser", None),
            ("11-15 MARS", None),
            ("M. Dupont", None),
            ("1er décembre", None),
            ("3.5 millions", None),
            ("1234. x", None),
            ("Mme X", None),
            ("(Manama, 15 mars)", None),
        ] {
            assert_eq!(label_len(s), n, "{s}");
        }
    }

    #[test]
    fn label_keys() {
        for (l, k) in [
            ("1.", "1"),
            ("1)", "1"),
            ("(1)", "1"),
            ("١)", "1"),
            ("١٢-", "12"),
            ("a)", "a"),
            ("(a)", "a"),
            ("(أ)", "a"),
            ("(ب)", "b"),
            ("هـ)", "e"),
            ("(iv)", "iv"),
            ("IV.", "IV"),
            ("1.2.", "1.2"),
            ("¹", "1"),
            ("²³", "23"),
            ("*", "*"),
        ] {
            assert_eq!(label_key(l).as_deref(), Some(k), "{l}");
        }
        assert_eq!(label_key("M."), None);
        assert_eq!(label_key("2019/19."), None);
    }

    #[test]
    fn line_starts() {
        let st = line_start("- a) des approches");
        assert!(st.bullet);
        assert_eq!(st.label, Some(2..4));
        assert_eq!(&"- a) des approches"[st.rest..], "des approches");
        let st = line_start("## Créer un cyberspace");
        assert_eq!(st.hashes, 2);
        assert_eq!(st.label, None);
        let st = line_start("* La délégation de l'Inde");
        assert!(st.note_mark);
        let st = line_start("¹ Voir *Documents officiels*");
        assert!(st.note_mark);
        assert_eq!(st.label, Some(0..2));
        let st = line_start("*réunis* dans le cadre");
        assert_eq!(st.label, None);
        assert_eq!(st.rest, 0);
    }

    #[test]
    fn map_points_back_to_source() {
        let line = "1. *Accueille* les <sup>e</sup>";
        let m = strip_line(line, 100).collapse();
        assert_eq!(m.text, "1. Accueille les e");
        assert_eq!(m.source(3), Some(104));
        assert_eq!(strip("## Titre\n- a) *x*\n"), "Titre a) x");
    }

    /// Pieces that make and unmake markup, for comparing with the reference stripper.
    const PIECES: &[&str] = &[
        "[",
        "]",
        "(",
        ")",
        "(u)",
        "](u)",
        "<",
        ">",
        "<sup>",
        "</sup>",
        "<b/>",
        "<br //>",
        "<span x>",
        "<strongest>",
        "^",
        "^{",
        "}",
        "^e",
        "*",
        "**",
        "_",
        "__",
        "\\",
        "\\\\",
        "\\*",
        "\\_",
        "a",
        "mot",
        " ",
        "\u{A0}",
        "é",
        "نص",
        "1",
        ".",
        "/",
        "\t",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn the_linear_stripper_matches_the_recursive_one(
            picks in proptest::collection::vec(0..PIECES.len(), 0..40),
            base in 0usize..1000,
        ) {
            let s: String = picks.iter().map(|&i| PIECES[i]).collect();
            let mut fast = Mapped::default();
            strip_inline(&s, base, &mut fast);
            let mut slow = Mapped::default();
            super::reference::strip_inline_reference(&s, base, &mut slow);
            proptest::prop_assert_eq!(fast, slow, "{:?}", s);
        }
    }

    /// The steps [`strip_inline`] takes on `make(n)`, at `n` and `10 n`: the second must stay
    /// within 12 times the first (linear growth, and some slack), never the 100 times of a
    /// quadratic reader.
    fn grows_linearly(name: &str, make: impl Fn(usize) -> String) {
        let steps = |n: usize| {
            let s = make(n);
            crate::text::steps::count(|| {
                let mut m = Mapped::default();
                strip_inline(&s, 0, &mut m);
                let _ = line_start(&s);
            })
        };
        let (small, large) = (steps(2_000), steps(20_000));
        assert!(
            large <= 12 * small,
            "{name}: {small} steps at 2000, {large} at 20000"
        );
    }

    #[test]
    fn stripping_is_linear_on_adversarial_lines() {
        grows_linearly("nested links", |n| {
            format!("Texte {}x{} fin.", "[".repeat(n), "](u)".repeat(n))
        });
        grows_linearly("open brackets", |n| format!("Texte {}", "[".repeat(n)));
        grows_linearly("links without url", |n| "[x](((".repeat(n));
        grows_linearly("parens and brackets", |n| {
            format!("{}{}", "(".repeat(n), "]".repeat(n))
        });
        grows_linearly("unclosed tags", |n| "<a".repeat(n));
        grows_linearly("one long tag", |n| format!("{}>", "<a".repeat(n)));
        grows_linearly("slashed tags", |n| format!("{}>", "<b///".repeat(n)));
        grows_linearly("carets", |n| "^{".repeat(n));
        grows_linearly("nested carets", |n| {
            format!("{}x{}", "^{".repeat(n), "}".repeat(n))
        });
        grows_linearly("stars", |n| "a *".repeat(n));
        grows_linearly("backslashes", |n| "\\".repeat(n));
        grows_linearly("labels", |n| "(".repeat(n));
    }

    #[test]
    fn nested_links_keep_their_text() {
        let n = 50_000;
        let s = format!("Texte {}x{} fin.", "[".repeat(n), "](u)".repeat(n));
        let mut m = Mapped::default();
        strip_inline(&s, 0, &mut m);
        assert_eq!(m.text, "Texte x fin.");
        assert_eq!(m.map.len(), m.text.chars().count());
    }
}

//! Markup residue left by PDF and word-processor conversion: Markdown emphasis (`**bold**`,
//! `*italics*`), superscripts (`^e`, `^{er}`, `<sup>e</sup>`), links (`[text](url)`),
//! backslash escapes (`\_`, `\\_`), heading hashes (`## …`), bullets, and paragraph labels
//! (`1.`, `1)`, `a)`, `(iv)`, `(أ)`, `١)`).
//!
//! Stripping keeps a map from every output character to the byte it came from, so that a
//! cleaned unit or sentence can be traced back to its place in the file. What a line starts
//! with (hashes, a bullet, a label) and how labels compare across languages is `labels`.

use std::ops::Range;

mod labels;
pub use labels::{label_key, label_len, line_start, LineStart};

/// Text with, for each character, the byte offset in the source it came from.
///
/// The map is kept as runs: a run starts wherever a character's source offset is not the
/// previous character's plus the bytes between them in the text (text copied unchanged is
/// one run), so that a long unit costs a few entries, not one per character.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapped {
    pub text: String,
    /// `(byte offset in text, byte offset in source)` where each run starts, in text order
    /// (empty when built [`Mapped::untracked`]). Invariant: every character of `text` was
    /// pushed with source offset `s + (at - t)`, where `(t, s)` is the last run with `t <= at`.
    runs: Vec<(usize, usize)>,
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

    /// Records that the text from its current end on came from source byte `src`.
    fn mark(&mut self, src: usize) {
        if self.untracked {
            return;
        }
        let at = self.text.len();
        let continues = self
            .runs
            .last()
            .is_some_and(|&(t, s)| src >= s && src - s == at - t);
        if !continues {
            self.runs.push((at, src));
        }
    }

    /// Append `c`, which came from source byte `src`.
    pub fn push(&mut self, c: char, src: usize) {
        self.mark(src);
        self.text.push(c);
    }

    /// Append `s`, which starts at source byte `src` (and is copied unchanged).
    pub fn push_str(&mut self, s: &str, src: usize) {
        if s.is_empty() {
            return;
        }
        self.mark(src);
        self.text.push_str(s);
    }

    /// The source byte of the character at text byte `at` (or of the next character).
    pub fn source(&self, at: usize) -> Option<usize> {
        let mut at = at;
        while at < self.text.len() && !self.text.is_char_boundary(at) {
            at += 1;
        }
        if at >= self.text.len() {
            return None;
        }
        let i = self.runs.partition_point(|&(t, _)| t <= at);
        let &(t, s) = self.runs.get(i.checked_sub(1)?)?;
        Some(s + (at - t))
    }

    /// The source byte of text byte `at`, the runs visited in order from `run` on (which
    /// becomes the run holding `at`).
    fn seek(&self, run: &mut usize, at: usize) -> usize {
        while *run + 1 < self.runs.len() && self.runs[*run + 1].0 <= at {
            *run += 1;
        }
        self.runs.get(*run).map_or(0, |&(t, s)| s + (at - t))
    }

    /// Whitespace collapsed to single spaces (a lone no-break space is kept as it is), trimmed.
    pub fn collapse(&self) -> Mapped {
        if collapsed(&self.text) {
            // Nothing to change: the same text, and the same runs (each run of `self` starts
            // where the map is not continuous, as the copy's would).
            return self.clone();
        }
        let mut out = Mapped {
            untracked: self.untracked,
            ..Mapped::default()
        };
        out.text.reserve(self.text.len());
        let text = self.text.as_str();
        let mut run = 0;
        let mut pending: Option<(char, usize, usize)> = None; // (char, src, run length)
        let mut i = 0;
        while let Some(c) = text[i..].chars().next() {
            if c.is_whitespace() {
                let s = self.seek(&mut run, i);
                pending = Some(pending.map_or((c, s, 1), |(p, s0, n)| (p, s0, n + 1)));
                i += c.len_utf8();
                continue;
            }
            if let Some((p, s, n)) = pending.take() {
                if !out.text.is_empty() {
                    let keep = n == 1 && matches!(p, '\u{00A0}' | '\u{202F}');
                    out.push(if keep { p } else { ' ' }, s);
                }
            }
            // The word up to the next white space, copied run by run.
            let end = text[i..]
                .find(char::is_whitespace)
                .map_or(text.len(), |k| i + k);
            while i < end {
                let s = self.seek(&mut run, i);
                let next_run = self.runs.get(run + 1).map_or(end, |&(t, _)| t.min(end));
                let stop = if next_run > i { next_run } else { end };
                out.push_str(&text[i..stop], s);
                i = stop;
            }
        }
        out
    }
}

/// Whether [`Mapped::collapse`] leaves `text` as it is: white space neither first nor last nor
/// doubled, and each one a space or a no-break space (what collapsing keeps of a lone one).
/// Read byte by byte: only the lead bytes of non-ASCII white space are decoded.
fn collapsed(text: &str) -> bool {
    let b = text.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    // The common case, told by passes without branches (which the compiler vectorises): no
    // space first or last, none doubled, no other ASCII white space and no byte that may
    // start non-ASCII white space.
    if first != b' ' && last != b' ' {
        let odd = b.iter().fold(false, |acc, &x| {
            acc | matches!(x, 0x09..=0x0d | 0xc2 | 0xe1..=0xe3)
        });
        let doubled = b
            .iter()
            .zip(&b[1..])
            .fold(false, |acc, (&x, &y)| acc | ((x == b' ') & (y == b' ')));
        if !odd && !doubled {
            return true;
        }
    }
    // Nothing before the first character: white space there would be trimmed.
    let mut after_space = true;
    let mut i = 0;
    while i < b.len() {
        let space = match b[i] {
            b' ' => true,
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => return false,
            // The lead bytes of U+0085, U+00A0, U+1680, U+2000–U+3000.
            0xc2 | 0xe1 | 0xe2 | 0xe3 => {
                let c = text[i..].chars().next().unwrap_or(' ');
                if c.is_whitespace() {
                    if !matches!(c, '\u{00A0}' | '\u{202F}') {
                        return false;
                    }
                    i += c.len_utf8() - 1;
                    true
                } else {
                    false
                }
            }
            _ => false,
        };
        if space && after_space {
            return false;
        }
        after_space = space;
        i += 1;
    }
    !after_space
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
        let j = next_inline_mark(&bytes[from..end]).map_or(end, |p| from + p);
        super::steps::add(j - i);
        out.push_str(&s[i..j], base + i);
        i = j;
    }
}

/// Whether `s` holds a byte [`strip_inline`] may act on; without one, it copies `s` as it
/// stands.
pub fn has_inline_markup(s: &str) -> bool {
    next_inline_mark(s.as_bytes()).is_some()
}

/// Where the first byte that may start inline markup stands in `b`: `\`, `<`, `^`, `[`, `*` or
/// `_` (an escape, a tag, a superscript, a link, emphasis); [`strip_inline`] copies the runs
/// of other bytes in one go. Two vectorised searches of three bytes each, the second only up
/// to the first's find.
fn next_inline_mark(b: &[u8]) -> Option<usize> {
    let first = memchr::memchr3(b'\\', b'<', b'^', b);
    let limit = first.unwrap_or(b.len());
    memchr::memchr3(b'[', b'*', b'_', &b[..limit]).or(first)
}

/// A line with its markers handled and inline markup stripped: heading hashes, blockquote
/// marks and bullets are dropped, a label or note mark is kept as it stands. `base` is the
/// source byte offset of `line` (trimmed).
pub fn strip_line(line: &str, base: usize) -> Mapped {
    let mut out = Mapped::default();
    strip_line_into(line, base, &mut out);
    out
}

/// [`strip_line`] appending to `out` (which may keep no map).
fn strip_line_into(line: &str, base: usize, out: &mut Mapped) {
    let st = line_start(line);
    if let Some(l) = &st.label {
        out.push_str(&line[l.clone()], base + l.start);
        out.push(' ', base + l.end);
    }
    strip_inline(&line[st.rest..], base + st.rest, out);
}

/// Markup removed from `s` (line by line) and whitespace collapsed; no map.
pub fn strip(s: &str) -> String {
    let mut all = Mapped::untracked();
    for line in s.lines() {
        let t = line.trim();
        let mut m = Mapped::untracked();
        strip_line_into(t, 0, &mut m);
        all.text.push_str(&m.text);
        all.text.push('\n');
    }
    crate::text::normalize::for_matching(&all.text)
}

#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;

//! Paragraph reading: lines → blank-line blocks → units.
//!
//! Inside a block, a line that starts with a label, a bullet, a note mark or `#` starts a new
//! unit (numbered items that follow each other without blank lines stay apart), a bare label
//! line (`1)`) joins the text after it, and short standalone lines (letterheads, dates) are
//! units of their own; wrapped body text stays one unit. Across blocks, a bare label joins the
//! next block, and a block that continues a sentence cut by a page break (the previous unit
//! ends without punctuation and this one starts in lower case, or the previous one ends on a
//! word such as `de`, `the`, `في`) is joined to it, over any footnotes and page furniture
//! standing between them.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::text::markup::{self, LineStart, Mapped};

mod ends;

pub(crate) use ends::{ends_open, ends_with_punctuation, last_significant};
use ends::{starts_uncased, unclosed};

/// Text from which reading works on its lines, blocks and units in parallel (below it, one
/// thread reads: the work is too small to share, and the step counts of the linearity tests
/// stay on the thread that reads).
const PARALLEL_BYTES: usize = 2 << 20;

#[cfg(test)]
thread_local! {
    /// Set by a test to read a large text on one thread, for comparison.
    pub(crate) static ONE_THREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether `bytes` of text are read in parallel.
fn parallel(bytes: usize) -> bool {
    #[cfg(test)]
    if ONE_THREAD.with(std::cell::Cell::get) {
        return false;
    }
    bytes >= PARALLEL_BYTES
}

/// A non-blank line of the source.
#[derive(Clone, Debug)]
pub(crate) struct Line<'a> {
    /// 0-based line number.
    pub no: usize,
    /// Byte range of the trimmed content in the source.
    pub bytes: Range<usize>,
    pub text: &'a str,
    pub start: LineStart,
    /// The text after the markers, markup stripped, trimmed (borrowed when there was no
    /// markup to strip, as on most lines).
    pub plain: Cow<'a, str>,
    /// The length of `plain` in characters.
    pub chars: usize,
}

impl<'a> Line<'a> {
    /// The line starts an item of its own: a label, bullet, note mark or heading hashes.
    fn starts_item(&self) -> bool {
        self.start.label.is_some() || self.start.bullet || self.start.hashes > 0
    }

    /// The line is a label and nothing else (`1)`, `a)`).
    fn bare_label(&self) -> bool {
        self.start.label.is_some() && self.start.rest >= self.text.len() && !self.start.note_mark
    }

    /// The text after the markers, markup stripped.
    fn plain(&self) -> &str {
        &self.plain
    }

    /// A line read as it stands, no marker or markup looked for (one unit per line): its
    /// `plain` is left empty.
    fn raw(no: usize, bytes: Range<usize>, text: &'a str) -> Self {
        Line {
            no,
            bytes,
            text,
            start: LineStart::default(),
            plain: Cow::Borrowed(""),
            chars: 0,
        }
    }

    fn new(no: usize, bytes: Range<usize>, text: &'a str) -> Self {
        let start = markup::line_start(text);
        let rest = &text[start.rest..];
        let plain = if markup::has_inline_markup(rest) {
            let mut m = Mapped::untracked();
            markup::strip_inline(rest, 0, &mut m);
            Cow::Owned(m.text.trim().to_string())
        } else {
            Cow::Borrowed(rest.trim())
        };
        let chars = plain.chars().count();
        Line {
            no,
            bytes,
            text,
            start,
            plain,
            chars,
        }
    }
}

/// A unit under construction: its lines (in source order) and the block it began in.
///
/// Its plain text is kept up to date as lines are added (not rebuilt for each question), so
/// that joining many lines or page-break parts into one unit stays linear.
#[derive(Clone, Debug)]
pub(crate) struct Seg<'a> {
    lines: Vec<Line<'a>>,
    pub block: usize,
    /// First segment of its block.
    pub first_in_block: bool,
    /// Last segment of its block.
    pub last_in_block: bool,
    /// The plain texts of the lines that have one, joined by spaces (the line's own while
    /// one line has one: most units are one line, and their text is not copied).
    plain: Cow<'a, str>,
    /// The length of `plain` in characters.
    chars: usize,
    /// A line's plain text is longer than [`SHORT`].
    wrapped: bool,
    /// Whether the first line is page furniture, once asked ([`crate::doc::kind`] asks it of a
    /// segment as read and again as classified; no line is ever put before the first).
    pub head_furniture: OnceLock<bool>,
}

impl<'a> Seg<'a> {
    fn new(line: Line<'a>, block: usize, first_in_block: bool) -> Self {
        let mut seg = Seg {
            lines: Vec::new(),
            block,
            first_in_block,
            last_in_block: false,
            plain: Cow::Borrowed(""),
            chars: 0,
            wrapped: false,
            head_furniture: OnceLock::new(),
        };
        seg.push(line);
        seg
    }

    /// Add a line at the end.
    fn push(&mut self, line: Line<'a>) {
        if !line.plain.is_empty() {
            if self.plain.is_empty() {
                self.plain = line.plain.clone();
            } else {
                let p = self.plain.to_mut();
                p.push(' ');
                p.push_str(&line.plain);
                self.chars += 1;
            }
            self.chars += line.chars;
        }
        self.wrapped |= line.chars > SHORT;
        self.lines.push(line);
    }

    /// Add the lines of `other` at the end.
    fn append(&mut self, other: Seg<'a>) {
        for line in other.lines {
            self.push(line);
        }
    }

    pub fn head(&self) -> &Line<'a> {
        &self.lines[0]
    }

    /// The lines, in source order.
    pub fn lines(&self) -> &[Line<'a>] {
        &self.lines
    }

    /// The lines, taken over.
    pub fn into_lines(self) -> Vec<Line<'a>> {
        self.lines
    }

    /// The unit's plain text (markup stripped, label excluded), lines joined by spaces.
    pub fn plain(&self) -> &str {
        &self.plain
    }
}

/// The first letter or digit of `s` is a lower-case letter.
pub(super) fn starts_lowercase(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

const SHORT: usize = 80;
const LONG: usize = 110;
const UNWRAPPED: usize = 150;

/// Whether `line` stands on its own after `prev` in the same block (rather than continuing
/// it): letterhead lines, a date under a title, a sub-heading between numbered items.
fn standalone(cur: &Seg, line: &Line, next: Option<&Line>, unwrapped: bool) -> bool {
    let prev = cur.lines.last().expect("a line");
    let p = prev.plain();
    let l = line.plain();
    if unclosed(prev.text) || ends_open(p) {
        return false;
    }
    let pn = prev.chars;
    let ln = line.chars;
    if starts_lowercase(l) {
        // A short lower-case line after a complete long one and before a new item
        // (`au niveau national` between numbered paragraphs) is a heading of its own.
        return pn >= LONG
            && ln <= 60
            && ends_with_punctuation(p)
            && !ends_with_punctuation(l)
            && next.is_none_or(Line::starts_item);
    }
    if l.starts_with(['(', ')', ',', ';', ':', '.', '–', '—']) {
        return false;
    }
    // In a block that was not wrapped at a fixed width (one paragraph or sentence per line),
    // every line that is not continued in lower case stands alone.
    if unwrapped {
        return true;
    }
    // Short lines stand alone (letterheads), unless they end a wrapped paragraph or a clause.
    if pn <= SHORT && !cur.wrapped && !p.ends_with([',', '،']) {
        return true;
    }
    // One paragraph per line (not wrapped): a long line that ends a sentence.
    pn >= LONG && last_significant(p).is_some_and(|c| matches!(c, '.' | ';' | '!' | '?' | '؟'))
}

/// Non-blank lines of `text`, grouped into blank-line blocks.
pub(crate) fn blocks(text: &str) -> Vec<Vec<Line<'_>>> {
    fn lines(b: Vec<(usize, Range<usize>, &str)>) -> Vec<Line<'_>> {
        b.into_iter()
            .map(|(no, bytes, trimmed)| Line::new(no, bytes, trimmed))
            .collect()
    }
    let mut raw: Vec<Vec<(usize, Range<usize>, &str)>> = vec![Vec::new()];
    each_line(text, |line| match line {
        Some(l) => raw.last_mut().expect("one block").push(l),
        None => {
            if !raw.last().is_some_and(Vec::is_empty) {
                raw.push(Vec::new());
            }
        }
    });
    raw.retain(|b| !b.is_empty());
    if parallel(text.len()) {
        raw.into_par_iter().map(lines).collect()
    } else {
        raw.into_iter().map(lines).collect()
    }
}

/// The non-blank lines of `text` as they stand ([`Line::raw`]): one unit per line.
pub(crate) fn raw_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    each_line(text, |line| {
        if let Some((no, bytes, trimmed)) = line {
            out.push(Line::raw(no, bytes, trimmed));
        }
    });
    out
}

/// Each line of `text`: its 0-based number, the byte range of its trimmed content and that
/// content, or `None` for a blank line.
fn each_line<'a>(text: &'a str, mut f: impl FnMut(Option<(usize, Range<usize>, &'a str)>)) {
    let mut offset = 0;
    for (no, raw) in text.split_inclusive('\n').enumerate() {
        crate::text::steps::add(raw.len());
        let content = raw.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if trimmed.is_empty() {
            f(None);
        } else {
            let lead = content.len() - content.trim_start().len();
            let start = offset + lead;
            f(Some((no, start..start + trimmed.len(), trimmed)));
        }
        offset += raw.len();
    }
}

/// Cut each block into segments (one per unit to be).
pub(crate) fn segments<'a>(blocks: Vec<Vec<Line<'a>>>) -> Vec<Seg<'a>> {
    let bytes: usize = blocks.iter().flatten().map(|l| l.text.len()).sum();
    let per_block: Vec<Vec<Seg<'a>>> = if parallel(bytes) {
        blocks
            .into_par_iter()
            .enumerate()
            .map(|(b, block)| block_segments(b, block))
            .collect()
    } else {
        blocks
            .into_iter()
            .enumerate()
            .map(|(b, block)| block_segments(b, block))
            .collect()
    };
    per_block.into_iter().flatten().collect()
}

/// The segments of block `b`.
fn block_segments(b: usize, block: Vec<Line<'_>>) -> Vec<Seg<'_>> {
    let mut out: Vec<Seg> = Vec::new();
    // Converters wrap well below this width: a longer line means one paragraph per line.
    let unwrapped = block.iter().any(|l| l.chars > UNWRAPPED);
    for (i, line) in block.iter().enumerate() {
        let new = match out.last() {
            None => true,
            Some(cur) => {
                let prev = cur.lines.last().expect("a line");
                if cur.lines.len() == 1 && prev.bare_label() {
                    line.starts_item()
                } else {
                    line.starts_item() || standalone(cur, line, block.get(i + 1), unwrapped)
                }
            }
        };
        if new {
            out.push(Seg::new(line.clone(), b, out.is_empty()));
        } else {
            out.last_mut().expect("a segment").push(line.clone());
        }
    }
    if let Some(last) = out.last_mut() {
        last.last_in_block = true;
    }
    out
}

/// Joins across blocks: bare labels with the text after them, page-break splits.
///
/// Whether each unit may be stepped over (`skippable`) is asked once per unit and kept, with
/// the last unit that may not, so that a long run of notes or page furniture is not searched
/// again for every block after it.
pub(crate) fn join<'a>(
    segs: Vec<Seg<'a>>,
    skippable: impl Fn(&Seg) -> bool + Sync,
) -> Vec<Seg<'a>> {
    // Whether each segment as read may be stepped over, asked of all at once (in parallel
    // for a large text).
    let bytes: usize = segs.iter().map(|s| s.plain.len()).sum();
    let skips: Vec<bool> = if parallel(bytes) {
        segs.par_iter().map(&skippable).collect()
    } else {
        Vec::new()
    };
    let mut out: Vec<Seg> = Vec::new();
    // For each unit of `out`, whether it may be stepped over; and the last that may not.
    let mut skip: Vec<bool> = Vec::new();
    let mut target: Option<usize> = None;
    for (k, seg) in segs.into_iter().enumerate() {
        crate::text::steps::add(1);
        if let Some(prev) = out.last_mut() {
            let bare = prev.lines.len() == 1 && prev.head().bare_label();
            if bare && seg.first_in_block && !seg.head().starts_item() {
                prev.last_in_block = seg.last_in_block;
                prev.append(seg);
                let last = out.len() - 1;
                skip[last] = skippable(&out[last]);
                if !skip[last] {
                    target = Some(last);
                } else if target == Some(last) {
                    target = skip.iter().rposition(|&s| !s);
                }
                continue;
            }
        }
        let skipped = skips.get(k).copied().unwrap_or_else(|| skippable(&seg));
        if seg.first_in_block && !seg.head().starts_item() && !skipped {
            if let Some(t) = target.filter(|&t| continues(&out[t], &seg)) {
                out[t].append(seg);
                continue;
            }
        }
        if !skipped {
            target = Some(out.len());
        }
        skip.push(skipped);
        out.push(seg);
    }
    out
}

/// Whether `next` (first of its block) continues `prev`, cut by a page break.
fn continues(prev: &Seg, next: &Seg) -> bool {
    if prev.head().start.hashes > 0 {
        return false;
    }
    let p = prev.plain();
    let n = next.plain();
    let (pn, nn) = (prev.chars, next.chars);
    if p.is_empty() || n.is_empty() || next.head().text.starts_with(['[', '(', '<']) {
        return false;
    }
    let body_like = pn >= 60 || prev.head().start.label.is_some();
    if !body_like {
        return false;
    }
    if ends_open(p) {
        return true;
    }
    // Cut mid-sentence: the last character (note marks and emphasis aside) is a letter or digit.
    let open = p
        .chars()
        .rev()
        .inspect(|_| crate::text::steps::add(1))
        .find(|&c| {
            !(c.is_whitespace()
                || matches!(c, '*' | '_' | '¹' | '²' | '³')
                || ('⁰'..='⁹').contains(&c))
        })
        .is_some_and(char::is_alphanumeric);
    if !open {
        return false;
    }
    let long_prev = pn >= LONG && !prev.head().text.starts_with("**");
    // After the cut, a capital (a name, or a language that capitalises titles) or a script
    // without case (Arabic) continues the paragraph only when the second part is one line that
    // ends a clause (a title followed by a heading stays apart); a capital also needs both parts
    // to be long running text.
    let clause = long_prev && next.lines.len() == 1 && ends_with_punctuation(n);
    let capital = n
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase);
    starts_lowercase(n) || clause && starts_uncased(n) || clause && capital && nn >= 60
}

#[cfg(test)]
mod tests;

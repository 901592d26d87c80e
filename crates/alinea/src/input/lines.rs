//! Lines and columns: the one place that turns a byte offset into the `line:column` a user sees.
//!
//! Invariants: lines and columns are 1-based; a line ends after each `\n` (a `\r` before it is
//! an ordinary character of the line); the column counts characters (Unicode scalar values),
//! not bytes. A character counts as passed once the offset is past its first byte (so an
//! offset inside a character never panics); an offset past the end is taken as the end.
//!
//! - [`LineIndex`]: for a whole text in memory (a document, a termbase file).
//! - [`Counter`]: the same count over a stream, keeping only the bytes after the last place
//!   it may still be asked about (the XML readers).

use std::io::Read;

/// Line and column after `bytes` (UTF-8), starting at `at`.
pub fn advance(at: (usize, usize), bytes: &[u8]) -> (usize, usize) {
    // Newlines by vectorised searches, characters eight bytes at a time.
    match memchr::memrchr(b'\n', bytes) {
        None => (at.0, at.1 + chars(bytes)),
        Some(last) => (
            at.0 + memchr::memchr_iter(b'\n', bytes).count(),
            1 + chars(&bytes[last + 1..]),
        ),
    }
}

/// The characters of UTF-8 `bytes`: its bytes less those that continue a character
/// (`10xxxxxx`), counted a 64-bit word at a time.
pub(crate) fn chars(bytes: &[u8]) -> usize {
    let mut words = bytes.chunks_exact(8);
    let mut continuing = 0usize;
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        // Each byte's top bit set and the bit below it clear.
        continuing += (w & !(w << 1) & 0x8080_8080_8080_8080).count_ones() as usize;
    }
    continuing += words
        .remainder()
        .iter()
        .filter(|&&c| c & 0xC0 == 0x80)
        .count();
    bytes.len() - continuing
}

/// A text and the start of each of its lines, for [`LineIndex::position`] in `O(log lines)` plus
/// the length of the line.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    text: String,
    /// Byte offset of the start of each line (the first is 0).
    starts: Vec<usize>,
}

impl LineIndex {
    /// The index of `text`'s lines (the index keeps a copy of the text).
    pub fn new(text: &str) -> Self {
        Self::from_string(text.to_string())
    }

    /// The index of `text`'s lines, taking the text over.
    pub fn from_string(text: String) -> Self {
        let starts = line_starts(&text);
        LineIndex { text, starts }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Line and column (1-based, column in characters) of byte `at` of the text.
    pub fn position(&self, at: usize) -> (usize, usize) {
        position_in(&self.text, &self.starts, at)
    }
}

/// The byte offset of the start of each line of `text` (the first is 0).
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// Line and column of byte `at` of `text`, whose [`line_starts`] are `starts`: for a caller
/// that keeps the text itself and wants only the (smaller) line table.
pub fn position_in(text: &str, starts: &[usize], at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let line = starts.partition_point(|&s| s <= at).max(1);
    let start = starts[line - 1];
    advance((line, 1), &text.as_bytes()[start..at])
}

/// Line and column of byte `at` of `text`, for a one-off question (an error message). Use a
/// [`LineIndex`] to ask many.
pub fn position(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    advance((1, 1), &text.as_bytes()[..at])
}

/// How many bytes before the base a [`Counter`] keeps before dropping them.
const COMPACT_AFTER: usize = 64 * 1024;

/// A reader that passes UTF-8 bytes through and can say the line and column of any offset at
/// or after its base (see [`Counter::forget_until`]). It keeps the bytes from the base to what
/// has been read, so its memory is bounded by how far behind the base is kept.
pub struct Counter<R> {
    inner: R,
    /// Bytes read; those from `kept[head]` on are from the base on.
    kept: Vec<u8>,
    /// Where the base is in `kept`: the bytes before it are dropped in one go once they are
    /// many (dropping them at every event would move the rest of the buffer each time).
    head: usize,
    /// Stream offset of `kept[head]`.
    base: u64,
    /// Line and column at `base`.
    at_base: (usize, usize),
}

impl<R: Read> Counter<R> {
    /// Count over `inner`, from offset 0, line 1, column 1.
    pub fn new(inner: R) -> Self {
        Counter {
            inner,
            kept: Vec::new(),
            head: 0,
            base: 0,
            at_base: (1, 1),
        }
    }

    /// No offset before `offset` will be asked about again.
    pub fn forget_until(&mut self, offset: u64) {
        if offset <= self.base {
            return;
        }
        let n = ((offset - self.base) as usize).min(self.kept.len() - self.head);
        self.at_base = advance(self.at_base, &self.kept[self.head..self.head + n]);
        self.head += n;
        self.base += n as u64;
        if self.head >= COMPACT_AFTER && self.head * 2 >= self.kept.len() {
            self.kept.drain(..self.head);
            self.head = 0;
        }
    }

    /// The bytes from stream offset `from` (at or after the base) up to `to`, as far as they
    /// have been read.
    pub fn bytes(&self, from: u64, to: u64) -> &[u8] {
        let kept = &self.kept[self.head..];
        let start = (from.saturating_sub(self.base) as usize).min(kept.len());
        let end = (to.saturating_sub(self.base) as usize).clamp(start, kept.len());
        &kept[start..end]
    }

    /// Line and column of stream offset `offset` (the base's when it is before the base, the
    /// end of what was read when it is past it).
    pub fn position(&self, offset: u64) -> (usize, usize) {
        let n = (offset.saturating_sub(self.base) as usize).min(self.kept.len() - self.head);
        advance(self.at_base, &self.kept[self.head..self.head + n])
    }
}

impl<R: Read> Read for Counter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.kept.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition, counted the slow way.
    fn naive(text: &str, at: usize) -> (usize, usize) {
        let (mut line, mut col) = (1, 1);
        for (i, c) in text.char_indices() {
            if i >= at {
                break;
            }
            if c == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
        }
        (line, col)
    }

    #[test]
    fn lines_and_columns_in_characters() {
        let t = "ab\ncé\nd";
        let ix = LineIndex::new(t);
        assert_eq!(ix.position(0), (1, 1));
        assert_eq!(ix.position(2), (1, 3));
        assert_eq!(ix.position(3), (2, 1));
        assert_eq!(ix.position(6), (2, 3));
        assert_eq!(ix.position(7), (3, 1));
        assert_eq!(ix.position(99), (3, 2));
        assert_eq!(position(t, 6), (2, 3));
        // Inside `é`: passed.
        assert_eq!(ix.position(5), (2, 3));
        let ar = "نص\r\nنص";
        assert_eq!(LineIndex::new(ar).position(ar.len()), (2, 3));
        assert_eq!(position(ar, 5), (1, 4));
    }

    #[test]
    fn the_counter_forgets_and_still_counts() {
        let t = "ab\ncé\nd\n";
        let mut c = Counter::new(t.as_bytes());
        let mut s = String::new();
        c.read_to_string(&mut s).unwrap();
        assert_eq!(c.position(6), (2, 3));
        c.forget_until(4);
        assert_eq!(c.position(6), (2, 3));
        assert_eq!(c.position(7), (3, 1));
        assert_eq!(c.position(1), (2, 2));
    }

    #[test]
    fn long_lines_are_counted_by_words() {
        let line = "Le Comité a examiné « l'ordre du jour » — نص عربي — 😀 ".repeat(9);
        let text = format!("{line}\n{line}");
        for at in [
            0,
            7,
            8,
            9,
            64,
            line.len(),
            line.len() + 1,
            text.len() - 3,
            text.len(),
        ] {
            let at = (0..=at).rev().find(|&a| text.is_char_boundary(a)).unwrap();
            assert_eq!(position(&text, at), naive(&text, at), "{at}");
        }
    }

    proptest! {
        #[test]
        fn agrees_with_a_naive_count(
            text in "(\\PC|\n|\r|\t){0,80}",
            cuts in proptest::collection::vec(0usize..400, 1..6),
        ) {
            let ix = LineIndex::new(&text);
            let mut counter = Counter::new(text.as_bytes());
            std::io::copy(&mut counter, &mut std::io::sink()).unwrap();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c % (text.len() + 1)).collect();
            cuts.sort_unstable();
            for at in cuts {
                let want = naive(&text, at);
                prop_assert_eq!(ix.position(at), want);
                prop_assert_eq!(position(&text, at), want);
                counter.forget_until(at as u64);
                prop_assert_eq!(counter.position(at as u64), want);
            }
        }
    }
}

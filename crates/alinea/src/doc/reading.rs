//! A document as read from its source: [`Reading`] keeps, beside the units, the lines each
//! unit is made of and the map from its plain text back to the source, so that units can be
//! cut into [`Sentence`]s that keep their own text, span and inline tags.

use std::ops::Range;

use serde::Serialize;

use super::{inline, joined, shared, span, Document, Span, Unit};
use crate::input::LineIndex;
use crate::text::markup::Mapped;
use crate::text::sentences;

/// A document with, for each unit, the source lines it is made of and the map from its plain
/// text back to the source.
#[derive(Clone, Debug)]
pub struct Reading {
    pub document: Document,
    /// For each unit, the 1-based numbers of the lines it is made of (in source order).
    pub lines: Vec<Vec<usize>>,
    /// The decoded source text and its lines.
    pub(super) index: LineIndex,
    /// Byte ranges of the (trimmed) lines of each unit.
    pub(super) pieces: Vec<Vec<Range<usize>>>,
    pub(super) plains: Vec<Mapped>,
}

/// A sentence of a document: the unit (with its own text, plain text and span) and the
/// paragraph it belongs to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sentence {
    /// Index of the paragraph unit in [`Document::units`].
    pub paragraph: usize,
    /// 0-based position within the paragraph.
    pub position: usize,
    pub unit: Unit,
}

impl Reading {
    /// The decoded source text.
    pub fn source(&self) -> &str {
        self.index.text()
    }

    /// Line and column (1-based, column in characters) of byte `at` of the source.
    pub fn position(&self, at: usize) -> (usize, usize) {
        self.index.position(at)
    }

    /// The document's units cut into sentences (with the document's language). Each sentence
    /// keeps its paragraph's kind; the first one keeps its label; `index` counts sentences
    /// over the whole document.
    pub fn sentences(&self) -> Vec<Sentence> {
        let lang = &self.document.lang;
        let source = self.source();
        let mut out = Vec::new();
        for (p, unit) in self.document.units.iter().enumerate() {
            let plain = &self.plains[p];
            let ranges = sentences::split(&plain.text, lang);
            let mut tags = inline::split(&unit.tags, &ranges).into_iter();
            for (position, r) in ranges.into_iter().enumerate() {
                let mut start = plain.source(r.start).unwrap_or(unit.span.start_byte);
                // Emphasis marks just before the sentence belong to it.
                while start > unit.span.start_byte
                    && matches!(source.as_bytes()[start - 1], b'*' | b'_')
                {
                    start -= 1;
                }
                let last = plain.text[..r.end]
                    .chars()
                    .next_back()
                    .map_or(0, char::len_utf8);
                let end = if r.end == plain.text.len() {
                    unit.span.end_byte
                } else {
                    plain.source(r.end - last).map_or(unit.span.end_byte, |b| {
                        b + source[b..].chars().next().map_or(0, char::len_utf8)
                    })
                };
                // The pieces (lines) the sentence overlaps, found by bisection: a paragraph of
                // many lines and many sentences is not read once per sentence.
                let pieces = &self.pieces[p];
                let first = pieces.partition_point(|piece| piece.end <= start);
                let text = joined(
                    pieces[first..]
                        .iter()
                        .take_while(|piece| piece.start < end)
                        .inspect(|_| crate::text::steps::add(1))
                        .filter_map(|piece| {
                            let (s, e) = (piece.start.max(start), piece.end.min(end));
                            (s < e).then(|| &source[s..e])
                        }),
                );
                let index = out.len();
                let (text, sentence_plain) = shared(&text, &plain.text[r]);
                out.push(Sentence {
                    paragraph: p,
                    position,
                    unit: Unit {
                        index,
                        kind: unit.kind,
                        label: if position == 0 {
                            unit.label.clone()
                        } else {
                            None
                        },
                        text,
                        plain: sentence_plain,
                        place: unit.place.clone(),
                        span: self.span(start, end),
                        tags: tags.next().unwrap_or_default().into(),
                    },
                });
            }
        }
        out
    }

    fn span(&self, start: usize, end: usize) -> Span {
        span(&self.index, start, end)
    }
}

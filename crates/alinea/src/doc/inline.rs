//! Inline formatting of structured documents: bold, italics, underline, superscript and
//! subscript spans, and footnote, endnote and line-break marks inside a unit.
//!
//! A unit's text stays plain (what matching, lint and lookup see); its formatting is a list of
//! [`Tag`]s at byte offsets into that plain text. The readers of [`super::formats`] write
//! formatting into the text they gather as noncharacters ([`open`], [`close`], [`mark`]:
//! U+FDD0–U+FDEF, which Unicode reserves for internal use and no document holds; a reader
//! turns any it meets in a file into U+FFFD with [`push_text`]); [`extract`] then collapses the
//! white space as [`super::formats::collapse`] does and turns the marks into tags. Plain text
//! and Markdown have no tags: their units are what they were.
//!
//! [`split`] cuts a unit's tags at sentence boundaries: a span cut by a boundary keeps, in each
//! sentence, only the code that stands there ([`Tag::cut_before`], [`Tag::cut_after`]: TMX
//! `<it pos="end">` and `<it pos="begin">`).

use std::ops::Range;

use serde::Serialize;

/// What an inline tag stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TagKind {
    Bold,
    Italic,
    Underline,
    Superscript,
    Subscript,
    /// A footnote reference (the note itself is a unit of its own).
    Footnote,
    /// An endnote reference.
    Endnote,
    /// A line break inside a paragraph (a space in the plain text).
    LineBreak,
    /// A paired code of no known formatting (an XLIFF `g`, `pc`, `bx`/`ex`, `bpt`/`ept`,
    /// `sc`/`ec` whose type is none of the above).
    Code,
    /// A standalone code of no known kind (an XLIFF `x`, `ph`, `it`, an isolated `sc`/`ec`).
    Placeholder,
}

const KINDS: [TagKind; 10] = [
    TagKind::Bold,
    TagKind::Italic,
    TagKind::Underline,
    TagKind::Superscript,
    TagKind::Subscript,
    TagKind::Footnote,
    TagKind::Endnote,
    TagKind::LineBreak,
    TagKind::Code,
    TagKind::Placeholder,
];

impl TagKind {
    /// Whether the tag is a mark at one place (a placeholder) rather than a span.
    pub fn is_mark(self) -> bool {
        matches!(
            self,
            TagKind::Footnote | TagKind::Endnote | TagKind::LineBreak | TagKind::Placeholder
        )
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The native code alinea writes for the tag, in HTML's notation whatever the source
    /// format (`<g>`, `<x/>` for XLIFF's generic codes): the opening code of a span (`<b>`)
    /// or the mark (`<br/>`).
    pub fn opening(self) -> &'static str {
        match self {
            TagKind::Bold => "<b>",
            TagKind::Italic => "<i>",
            TagKind::Underline => "<u>",
            TagKind::Superscript => "<sup>",
            TagKind::Subscript => "<sub>",
            TagKind::Footnote => "<footnote/>",
            TagKind::Endnote => "<endnote/>",
            TagKind::LineBreak => "<br/>",
            TagKind::Code => "<g>",
            TagKind::Placeholder => "<x/>",
        }
    }

    /// The closing code of a span (`</b>`); empty for a mark.
    pub fn closing(self) -> &'static str {
        match self {
            TagKind::Bold => "</b>",
            TagKind::Italic => "</i>",
            TagKind::Underline => "</u>",
            TagKind::Superscript => "</sup>",
            TagKind::Subscript => "</sub>",
            TagKind::Code => "</g>",
            _ => "",
        }
    }

    /// The TMX 1.4b `type` attribute: the spec's values where it has one (`bold`, `italic`,
    /// `ulined`, `fnote`, `enote`, `lb`), `x-` values otherwise.
    pub fn tmx_type(self) -> &'static str {
        match self {
            TagKind::Bold => "bold",
            TagKind::Italic => "italic",
            TagKind::Underline => "ulined",
            TagKind::Superscript => "x-superscript",
            TagKind::Subscript => "x-subscript",
            TagKind::Footnote => "fnote",
            TagKind::Endnote => "enote",
            TagKind::LineBreak => "lb",
            TagKind::Code => "x-code",
            TagKind::Placeholder => "x-placeholder",
        }
    }
}

/// A formatting span or a mark in a unit's plain text, at byte offsets (`start == end` for a
/// mark).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tag {
    pub kind: TagKind,
    pub start: usize,
    pub end: usize,
    /// The span began in an earlier unit (a sentence before): only its closing code is here.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cut_before: bool,
    /// The span goes on in a later unit: only its opening code is here.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cut_after: bool,
}

impl Tag {
    /// A whole span or a mark.
    pub fn new(kind: TagKind, start: usize, end: usize) -> Tag {
        Tag {
            kind,
            start,
            end,
            cut_before: false,
            cut_after: false,
        }
    }

    /// The tag moved by `by` bytes (a unit joined after others).
    pub fn shifted(&self, by: usize) -> Tag {
        Tag {
            start: self.start + by,
            end: self.end + by,
            ..self.clone()
        }
    }
}

const OPEN: u32 = 0xFDD0;
const CLOSE: u32 = 0xFDE0;

/// The mark a reader writes where a span of `kind` opens.
pub fn open(kind: TagKind) -> char {
    char::from_u32(OPEN + kind.index() as u32).unwrap_or('\u{FDD0}')
}

/// The mark a reader writes where a span of `kind` closes.
pub fn close(kind: TagKind) -> char {
    char::from_u32(CLOSE + kind.index() as u32).unwrap_or('\u{FDE0}')
}

/// The mark a reader writes for a placeholder (`Footnote`, `Endnote`, `LineBreak`).
pub fn mark(kind: TagKind) -> char {
    open(kind)
}

/// Whether `c` is a mark (one of the noncharacters marks are made of).
pub fn is_mark(c: char) -> bool {
    is_reserved(c)
}

/// Whether `c` is one of the noncharacters the marks are made of.
fn is_reserved(c: char) -> bool {
    ('\u{FDD0}'..='\u{FDEF}').contains(&c)
}

/// What a mark character stands for: its kind and whether it opens (or is a placeholder).
fn decode(c: char) -> Option<(TagKind, bool)> {
    let u = c as u32;
    let (base, opening) = if (OPEN..OPEN + 16).contains(&u) {
        (OPEN, true)
    } else if (CLOSE..CLOSE + 16).contains(&u) {
        (CLOSE, false)
    } else {
        return None;
    };
    KINDS.get((u - base) as usize).map(|&k| (k, opening))
}

/// Appends text read from a document to `out`, the reserved noncharacters as U+FFFD (so
/// that no file can forge a tag).
pub fn push_text(out: &mut String, s: &str) {
    if s.chars().any(is_reserved) {
        out.extend(
            s.chars()
                .map(|c| if is_reserved(c) { '\u{FFFD}' } else { c }),
        );
    } else {
        out.push_str(s);
    }
}

/// `s` without its marks (a list label a reader cut from a marked text).
pub fn strip(s: &str) -> String {
    s.chars().filter(|&c| !is_reserved(c)).collect()
}

/// The plain text of a marked text, white space collapsed as
/// [`super::formats::collapse`] collapses it, and its tags, in order of their start.
///
/// A span opens at the first character after its mark and closes after the last character
/// before its mark (spaces stay outside); a span reopened with nothing but white space since
/// it closed goes on (`<b>a</b> <b>b</b>` is one span); nested spans of one kind are one; a
/// span left open closes at the end; a span with no text is dropped. Generic codes
/// ([`TagKind::Code`]) are not resumed: two codes side by side stay two (nested ones are one). A line break is a space
/// in the text, its mark just before that space.
pub fn extract(s: &str) -> (String, Vec<Tag>) {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut tags: Vec<Option<Tag>> = Vec::new();
    let mut depth = [0usize; KINDS.len()];
    let mut opened = [0usize; KINDS.len()];
    let mut last_closed: [Option<usize>; KINDS.len()] = [None; KINDS.len()];
    for c in s.chars() {
        if let Some((kind, opening)) = decode(c) {
            let k = kind.index();
            if kind.is_mark() {
                tags.push(Some(Tag::new(kind, out.len(), out.len())));
                if kind == TagKind::LineBreak {
                    space = !out.is_empty();
                }
            } else if opening {
                depth[k] += 1;
                if depth[k] == 1 {
                    let resumed = last_closed[k]
                        .take()
                        .filter(|_| kind != TagKind::Code)
                        .filter(|&i| tags[i].as_ref().is_some_and(|t| t.end == out.len()));
                    opened[k] = match resumed {
                        Some(i) => tags[i].take().map_or(out.len(), |t| t.start),
                        None => out.len() + usize::from(space),
                    };
                }
            } else if depth[k] > 0 {
                depth[k] -= 1;
                if depth[k] == 0 {
                    last_closed[k] = Some(tags.len());
                    tags.push(Some(Tag::new(kind, opened[k], out.len())));
                }
            }
        } else if crate::text::chars::is_collapsible_space(c) {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    for kind in KINDS {
        if depth[kind.index()] > 0 {
            tags.push(Some(Tag::new(kind, opened[kind.index()], out.len())));
        }
    }
    let len = out.len();
    let mut tags: Vec<Tag> = tags
        .into_iter()
        .flatten()
        .map(|mut t| {
            t.start = t.start.min(len);
            t.end = t.end.min(len);
            t
        })
        .filter(|t| t.kind.is_mark() || t.start < t.end)
        .collect();
    tags.sort_by_key(|t| t.start);
    (out, tags)
}

/// The tags of a unit cut into its sentences, `ranges` (in order, not overlapping, within the
/// text), each sentence's tags relative to its start.
///
/// A span goes to every sentence it overlaps: whole in one, its opening code in the first
/// ([`Tag::cut_after`]), its closing code in the last ([`Tag::cut_before`]), and a whole span
/// around a sentence it covers from end to end. A mark goes to the first sentence that does
/// not end before it (a footnote mark right after a full stop stays with its sentence), else
/// to the last.
pub fn split(tags: &[Tag], ranges: &[Range<usize>]) -> Vec<Vec<Tag>> {
    let mut out = vec![Vec::new(); ranges.len()];
    for t in tags {
        if t.kind.is_mark() {
            let k = ranges
                .iter()
                .position(|r| t.start <= r.end)
                .unwrap_or(ranges.len().saturating_sub(1));
            if let Some(r) = ranges.get(k) {
                let at = t.start.clamp(r.start, r.end) - r.start;
                out[k].push(Tag {
                    start: at,
                    end: at,
                    ..t.clone()
                });
            }
            continue;
        }
        for (k, r) in ranges.iter().enumerate() {
            let (s, e) = (t.start.max(r.start), t.end.min(r.end));
            if s >= e {
                continue;
            }
            let before = t.cut_before || t.start < r.start;
            let after = t.cut_after || t.end > r.end;
            out[k].push(Tag {
                kind: t.kind,
                start: s - r.start,
                end: e - r.start,
                // A span around the whole sentence is whole there.
                cut_before: before && !after,
                cut_after: after && !before,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(s: &str) -> String {
        s.replace("<b>", &open(TagKind::Bold).to_string())
            .replace("</b>", &close(TagKind::Bold).to_string())
            .replace("<i>", &open(TagKind::Italic).to_string())
            .replace("</i>", &close(TagKind::Italic).to_string())
            .replace("<fn>", &mark(TagKind::Footnote).to_string())
            .replace("<br>", &mark(TagKind::LineBreak).to_string())
    }

    fn spans(s: &str) -> (String, Vec<(TagKind, usize, usize)>) {
        let (text, tags) = extract(&marked(s));
        (
            text,
            tags.iter().map(|t| (t.kind, t.start, t.end)).collect(),
        )
    }

    #[test]
    fn extracts_spans_and_marks_with_white_space_collapsed() {
        use TagKind::*;
        assert_eq!(
            spans("  Le <b>texte </b> gras<fn>  et<br>la suite "),
            (
                "Le texte gras et la suite".into(),
                vec![(Bold, 3, 8), (Footnote, 13, 13), (LineBreak, 16, 16)]
            )
        );
        // Adjacent runs of one formatting are one span, also across a space.
        assert_eq!(
            spans("<b>a</b><b>b</b> <b>c</b> d"),
            ("ab c d".into(), vec![(Bold, 0, 4)])
        );
        // Overlapping kinds stay apart; nested spans of one kind are one; unclosed spans end
        // with the text; empty ones are dropped.
        assert_eq!(
            spans("<b>x <i>y</b> z</i> <b><b>w</b></b> <i></i><b>v"),
            (
                "x y z w v".into(),
                vec![(Bold, 0, 3), (Italic, 2, 5), (Bold, 6, 9)]
            )
        );
        assert_eq!(spans("<b>  </b>a").1, vec![]);
    }

    #[test]
    fn text_cannot_forge_marks() {
        let mut s = String::new();
        push_text(&mut s, "a\u{FDD0}b");
        assert_eq!(s, "a\u{FFFD}b");
        assert!(extract(&s).1.is_empty());
        assert_eq!(strip(&marked("<b>1.</b>")), "1.");
    }

    #[test]
    fn a_sentence_boundary_inside_a_bold_span_leaves_isolated_codes() {
        // "Un. <b>Deux. Trois</b>. Quatre." cut into four sentences.
        let (text, tags) = extract(&marked("Un <b>deux. Trois. Quatre</b> cinq.<fn> Six."));
        assert_eq!(text, "Un deux. Trois. Quatre cinq. Six.");
        let ranges = [0..8, 9..15, 16..28, 29..33];
        let cut = split(&tags, &ranges);
        let view = |k: usize| -> Vec<(TagKind, usize, usize, bool, bool)> {
            cut[k]
                .iter()
                .map(|t| (t.kind, t.start, t.end, t.cut_before, t.cut_after))
                .collect()
        };
        assert_eq!(view(0), vec![(TagKind::Bold, 3, 8, false, true)]);
        // Covered from end to end: a whole span there.
        assert_eq!(view(1), vec![(TagKind::Bold, 0, 6, false, false)]);
        assert_eq!(
            view(2),
            vec![
                (TagKind::Bold, 0, 6, true, false),
                (TagKind::Footnote, 12, 12, false, false)
            ]
        );
        assert!(view(3).is_empty());
    }
}

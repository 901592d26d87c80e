//! TMX 1.4b inline elements: a segment's [`Tag`]s written as `<bpt>`/`<ept>` pairs, `<it>`
//! for a span a sentence boundary cut, and `<ph>` for marks (footnote references, line
//! breaks), each holding its native code escaped (`&lt;b&gt;`) and a `type` (`bold`, `fnote`
//! …).
//!
//! Within a segment, `i` pairs a `<bpt>` with its `<ept>`. Across the variants of a unit, tags
//! that match get the same `x` ([`number`]): the n-th tag of a kind and shape (a whole span,
//! its opening alone, its closing alone, a mark) in one language matches the n-th of that kind
//! and shape in another, so that a CAT tool can carry each code over to the translation.

use std::collections::HashMap;

use crate::doc::inline::{Tag, TagKind};

/// What matches a tag across languages: its kind and shape.
type Key = (TagKind, bool, bool);

fn key(t: &Tag) -> Key {
    (t.kind, t.cut_before, t.cut_after)
}

/// The `x` of every tag of every variant of a unit (`variants[v][k]` → `out[v][k]`), from 1:
/// the n-th tag of a kind and shape has the same `x` in every variant that has one.
pub fn number(variants: &[&[Tag]]) -> Vec<Vec<usize>> {
    let mut given: HashMap<(Key, usize), usize> = HashMap::new();
    let mut next = 1;
    variants
        .iter()
        .map(|tags| {
            let mut seen: HashMap<Key, usize> = HashMap::new();
            tags.iter()
                .map(|t| {
                    let n = seen.entry(key(t)).or_default();
                    let ordinal = *n;
                    *n += 1;
                    *given.entry((key(t), ordinal)).or_insert_with(|| {
                        next += 1;
                        next - 1
                    })
                })
                .collect()
        })
        .collect()
}

/// One element at a place in the text.
enum Code<'a> {
    Begin { i: usize, x: usize, tag: &'a Tag },
    End { i: usize, tag: &'a Tag },
    Isolated { x: usize, tag: &'a Tag, begin: bool },
    Mark { x: usize, tag: &'a Tag },
}

impl Code<'_> {
    /// Closing codes first at a place, then marks, then opening codes.
    fn rank(&self) -> u8 {
        match self {
            Code::End { .. } | Code::Isolated { begin: false, .. } => 0,
            Code::Mark { .. } => 1,
            Code::Begin { .. } | Code::Isolated { begin: true, .. } => 2,
        }
    }

    fn write(&self, out: &mut String) {
        let esc = |s: &str| crate::text::escape::escape(s).into_owned();
        let s = match self {
            Code::Begin { i, x, tag } => format!(
                r#"<bpt i="{i}" x="{x}" type="{}">{}</bpt>"#,
                tag.kind.tmx_type(),
                esc(tag.kind.opening())
            ),
            Code::End { i, tag } => format!(r#"<ept i="{i}">{}</ept>"#, esc(tag.kind.closing())),
            Code::Isolated { x, tag, begin } => {
                let (pos, code) = if *begin {
                    ("begin", tag.kind.opening())
                } else {
                    ("end", tag.kind.closing())
                };
                format!(
                    r#"<it pos="{pos}" x="{x}" type="{}">{}</it>"#,
                    tag.kind.tmx_type(),
                    esc(code)
                )
            }
            Code::Mark { x, tag } => format!(
                r#"<ph x="{x}" type="{}">{}</ph>"#,
                tag.kind.tmx_type(),
                esc(tag.kind.opening())
            ),
        };
        out.push_str(&s);
    }
}

/// The content of a `<seg>` (escaped XML) for `text` with `tags` numbered `xs` ([`number`]);
/// `clean` turns each run of text into what may be written (characters XML forbids removed).
pub fn segment(
    text: &str,
    tags: &[Tag],
    xs: &[usize],
    clean: &mut dyn FnMut(&str) -> String,
) -> String {
    let mut codes: Vec<(usize, Code)> = Vec::new();
    let mut i = 0;
    for (tag, &x) in tags.iter().zip(xs) {
        let (start, end) = (tag.start.min(text.len()), tag.end.min(text.len()));
        if tag.kind.is_mark() {
            codes.push((start, Code::Mark { x, tag }));
        } else if tag.cut_after {
            codes.push((
                start,
                Code::Isolated {
                    x,
                    tag,
                    begin: true,
                },
            ));
        } else if tag.cut_before {
            codes.push((
                end,
                Code::Isolated {
                    x,
                    tag,
                    begin: false,
                },
            ));
        } else {
            i += 1;
            codes.push((start, Code::Begin { i, x, tag }));
            codes.push((end, Code::End { i, tag }));
        }
    }
    // At one place: closings (the latest opened first), marks, openings (the longest first).
    codes.sort_by_key(|(at, c)| {
        let tie = match c {
            Code::End { tag, .. } => usize::MAX - tag.start,
            Code::Begin { tag, .. } => usize::MAX - tag.end,
            _ => 0,
        };
        (*at, c.rank(), tie)
    });
    let mut out = String::with_capacity(text.len() + 40 * codes.len());
    let mut from = 0;
    for (at, code) in &codes {
        // A place inside a character (never made by the readers) goes to the next boundary.
        let mut at = (*at).max(from);
        while !text.is_char_boundary(at) {
            at += 1;
        }
        out.push_str(&crate::text::escape::escape_text(&clean(&text[from..at])));
        from = at;
        code.write(&mut out);
    }
    out.push_str(&crate::text::escape::escape_text(&clean(&text[from..])));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(kind: TagKind, start: usize, end: usize) -> Tag {
        Tag::new(kind, start, end)
    }

    #[test]
    fn tags_of_one_kind_pair_in_order_across_languages() {
        let fr = [
            tag(TagKind::Bold, 0, 2),
            tag(TagKind::Footnote, 5, 5),
            tag(TagKind::Bold, 6, 8),
        ];
        // English: the footnote mark first, one bold span, and an italic span of its own.
        let en = [
            tag(TagKind::Footnote, 1, 1),
            tag(TagKind::Bold, 3, 4),
            tag(TagKind::Italic, 5, 6),
        ];
        let xs = number(&[&fr, &en]);
        assert_eq!(xs[0], vec![1, 2, 3]);
        assert_eq!(xs[1], vec![2, 1, 4]);
    }

    #[test]
    fn writes_pairs_marks_and_isolated_codes() {
        let text = "Le gras & la note";
        let mut cut = tag(TagKind::Italic, 13, 17);
        cut.cut_after = true;
        let tags = [tag(TagKind::Bold, 3, 7), tag(TagKind::Footnote, 7, 7), cut];
        let s = segment(text, &tags, &[4, 5, 6], &mut |s| s.to_string());
        assert_eq!(
            s,
            "Le <bpt i=\"1\" x=\"4\" type=\"bold\">&lt;b&gt;</bpt>gras<ept i=\"1\">&lt;/b&gt;</ept>\
             <ph x=\"5\" type=\"fnote\">&lt;footnote/&gt;</ph> &amp; la \
             <it pos=\"begin\" x=\"6\" type=\"italic\">&lt;i&gt;</it>note"
        );
    }
}

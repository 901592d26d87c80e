//! Where a document's units stand, without the units: the spans [`super::source_document`]
//! gives, for a reader that needs nothing else (the linter reads each unit's text as the
//! slice of the file it spans). A text source is read into paragraphs exactly as for a
//! document, but no plain text is made and no kind is told, which is most of a reading's
//! time; a structured source is read whole.

use rayon::prelude::*;

use super::{build_source, formats, kind, read, InputMode, Span};
use crate::diag::Diagnostic;
use crate::input::lines::{line_starts, position_in};
use crate::text::lang::Decision;
use crate::{Error, Result};

/// The span of bytes `start..end` of `text`, whose lines start at `starts`.
pub(super) fn span_of(text: &str, starts: &[usize], start: usize, end: usize) -> Span {
    Span::of(start, end, |at| position_in(text, starts, at))
}

/// Where the units of a document stand.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Spans {
    pub spans: Vec<Span>,
    /// For a structured original, each unit's place in it (`paragraph 12`, `footnote 3`:
    /// [`super::Unit::place`]); empty for text.
    pub places: Vec<Option<Box<str>>>,
    /// The warnings the document would carry.
    pub warnings: Vec<Diagnostic>,
}

/// The spans of the units of `source` read as [`super::source_document`] reads it, in
/// order, with their places in a structured original and the warnings the document would
/// carry.
pub fn source_spans(
    source: &formats::Source,
    decision: &Decision,
    mode: InputMode,
) -> Result<Spans> {
    if source.blocks.is_some() {
        let (document, _) = build_source(source, decision, mode, false)?;
        let (spans, places) = document
            .units
            .into_iter()
            .map(|u| (u.span, u.place))
            .unzip();
        return Ok(Spans {
            spans,
            places,
            warnings: document.warnings,
        });
    }
    let text = source.text.as_str();
    let starts = line_starts(text);
    let spans: Vec<Span> = match mode {
        InputMode::Lines => read::raw_lines(text)
            .iter()
            .map(|l| span_of(text, &starts, l.bytes.start, l.bytes.end))
            .collect(),
        InputMode::Auto => {
            let segs = read::join(read::segments(read::blocks(text)), kind::skippable);
            segs.par_iter()
                .map(|seg| {
                    let ls = seg.lines();
                    let start = ls[0].bytes.start;
                    let end = ls.last().map_or(start, |l| l.bytes.end);
                    span_of(text, &starts, start, end)
                })
                .collect()
        }
    };
    if spans.is_empty() {
        return Err(Error::Input {
            path: source.path.clone(),
            message: "holds no text (only white space)".into(),
        });
    }
    let mut warnings = source.warnings.clone();
    warnings.extend(decision.contradiction(&source.path));
    Ok(Spans {
        spans,
        places: Vec::new(),
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lang::Decision;
    use crate::Lang;
    use proptest::prelude::*;

    fn source(text: &str) -> formats::Source {
        formats::Source {
            path: "draft.txt".into(),
            format: formats::Format::Text,
            text: text.to_string(),
            blocks: None,
            declared: None,
            warnings: Vec::new(),
        }
    }

    fn same_as_the_document(text: &str) {
        let d = Decision::fallback(Lang::En);
        for mode in [InputMode::Auto, InputMode::Lines] {
            let s = source(text);
            let whole = super::super::source_document(&s, &d, mode);
            let spans = source_spans(&s, &d, mode);
            match (whole, spans) {
                (Ok(doc), Ok(got)) => {
                    let want: Vec<Span> = doc.units.into_iter().map(|u| u.span).collect();
                    assert_eq!(got.spans, want, "{mode:?} of {text:?}");
                    assert!(got.places.is_empty());
                    assert_eq!(got.warnings.len(), doc.warnings.len());
                }
                (Err(_), Err(_)) => {}
                (a, b) => panic!(
                    "{mode:?} of {text:?}: {:?} against {:?}",
                    a.is_ok(),
                    b.is_ok()
                ),
            }
        }
    }

    #[test]
    fn the_spans_are_those_of_the_document() {
        same_as_the_document(
            "TITLE\n\n1. The Council met in 2019\nand adopted two texts.\n\n- a *list* item\n- another\n\n   \n\nA/RES/74/247\n",
        );
        same_as_the_document("   \n\n");
        same_as_the_document("one line only");
    }

    proptest! {
        #[test]
        fn the_spans_are_those_of_the_document_for_any_text(
            s in "([A-Za-zéà]{1,8}|[ \n]|\n\n|[0-9]{1,3}\\.|- |\\*|#|[.;:,]){0,40}"
        ) {
            same_as_the_document(&s);
        }
    }
}

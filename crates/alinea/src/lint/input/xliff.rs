//! Lint's reading of an XLIFF draft (1.2 and 2.x, through [`crate::doc::formats`]): each
//! translated unit (or segment) is a unit whose source is the unit's source text. As in the
//! other structured formats, a finding's line is the unit's number and its place names the
//! XLIFF unit (`unit 7`, `unit 7, segment 2`); units without a target are left out and said
//! (`xliff/no-target`). The file is never rewritten: fixes are told, not applied.

use super::{decision, read_only, Request};
use crate::doc::formats::Source;
use crate::lint::{Doc, SourceUnit, Unit};
use crate::{Error, Lang, Result};

/// The lines of a structured document's text, one per block, as byte ranges.
fn line_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push(start..i);
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// The draft of an XLIFF file read as `[source, target]`.
pub(super) fn read_xliff(pair: [Source; 2], req: &Request) -> Result<Doc> {
    let [source, target] = pair;
    let lang = decision(&req.lang, "--lang", &target).lang;
    let src_lang = decision(&req.source_lang, "--source-lang", &source).lang;
    if lang == src_lang && lang != Lang::Other("und".into()) {
        return Err(Error::Input {
            path: source.path.clone(),
            message: format!(
                "is an XLIFF file whose source and target are both in {lang}: give the languages with --source-lang and --lang"
            ),
        });
    }
    let (src_blocks, tgt_blocks) = (
        source.blocks.as_deref().unwrap_or_default(),
        target.blocks.as_deref().unwrap_or_default(),
    );
    let (src_lines, tgt_lines) = (line_ranges(&source.text), line_ranges(&target.text));
    let units = tgt_blocks
        .iter()
        .zip(src_blocks)
        .zip(tgt_lines.iter().zip(&src_lines))
        .enumerate()
        .map(|(i, ((t, s), (tr, sr)))| Unit {
            id: (i + 1).to_string(),
            text: target.text[tr.clone()].to_string(),
            offset: Some(tr.start),
            places: Vec::new(),
            line: i + 1,
            column: 1,
            place: Some(t.place.clone().into()),
            source: Some(SourceUnit {
                path: source.path.clone(),
                line: i + 1,
                lang: src_lang.clone(),
                text: source.text[sr.clone()].to_string(),
                place: Some(s.place.clone().into()),
            }),
        })
        .collect();
    let mut diagnostics = source.warnings;
    diagnostics.extend(target.warnings);
    Ok(Doc {
        path: source.path,
        lang,
        source_lang: Some(src_lang),
        text: Some(target.text),
        read_only: read_only(target.format),
        units,
        diagnostics,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_a_structured_text() {
        assert_eq!(line_ranges("a\nbc\n"), [0..1, 2..4]);
        assert_eq!(line_ranges("a\nbc"), [0..1, 2..4]);
        assert!(line_ranges("").is_empty());
    }
}

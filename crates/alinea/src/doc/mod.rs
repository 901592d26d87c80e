//! Documents: reading a file into paragraph (or sentence) units that keep their original text
//! and source span.
//!
//! - [`formats`]: the document formats (text, Word, OpenDocument, HTML, XLIFF, PDF) and the
//!   one place a file's format is decided; structured formats come as units with their place
//!   in the original.
//! - `read`: paragraph reading (blank-line blocks, labels, page-break joins).
//! - `kind`: what each unit is (body, heading, list item, note, furniture).
//! - `spans`: where the units stand, without reading them ([`source_spans`], for the linter).
//! - `reading`: a document with its map back to the source ([`Reading`]), cut into sentence
//!   units ([`Sentence`]).
//! - this module: the types, [`load`] and [`read`]. The language is decided by
//!   [`crate::text::lang::decide`] and recorded with where it came from ([`LangSource`]).
//!
//! Files are read and decoded by [`crate::input::read_text`] (`-` is standard input).
//!
//! Every unit keeps the text as it stands in the file ([`Unit::text`]) and a cleaned form for
//! matching and alignment ([`Unit::plain`]: markup residue removed, whitespace collapsed).

pub mod formats;
pub mod inline;
pub mod kind;
mod read;
mod reading;
mod spans;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use crate::diag::Diagnostic;
use crate::input::LineIndex;
use crate::text::lang::{self as detect, Decision, Given};
use crate::text::markup::{self, Mapped};
use crate::{Error, Lang, Result};

pub use crate::text::lang::LangSource;
pub use reading::{Reading, Sentence};
pub use spans::{source_spans, Spans};

/// What a unit is, as far as the reader can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Body,
    Heading,
    #[serde(rename = "list-item")]
    ListItem,
    Note,
    Furniture,
}

impl UnitKind {
    /// The kind's name as printed and serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Body => "body",
            UnitKind::Heading => "heading",
            UnitKind::ListItem => "list-item",
            UnitKind::Note => "note",
            UnitKind::Furniture => "furniture",
        }
    }
}

/// Where a unit stands in its file: 1-based lines and columns (in characters) of its first
/// character and of the position just after its last one, and its byte range in the decoded
/// text. A unit joined across a page break spans whatever stood between its parts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub start_byte: usize,
    pub end_byte: usize,
}

/// A paragraph (or a sentence, once segmented) of a document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unit {
    /// 0-based position in the document's unit list (the bead index).
    pub index: usize,
    pub kind: UnitKind,
    /// A paragraph number or list letter that stood before the text (`1`, `1)`, `a)`, `11.`).
    pub label: Option<Box<str>>,
    /// The unit's text as it stands in the file, label and markup included (its lines trimmed
    /// and joined with a space). Shared with [`Unit::plain`] when the two are the same text.
    pub text: Arc<str>,
    /// The text for matching and alignment: label, bullets and markup residue removed,
    /// whitespace collapsed (a single no-break space is kept). Not otherwise normalised: use
    /// [`crate::text::normalize::for_matching`] for comparisons.
    pub plain: Arc<str>,
    /// Where the unit stands in a structured original (`paragraph 12`, `footnote 3`, `table
    /// 1, row 2, cell 3`, `unit 7`, or `line:column` in an HTML page); `None` for text, whose
    /// span says it. For structured formats the span is in [`formats::Source::text`], the
    /// units one per line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Box<str>>,
    pub span: Span,
    /// Inline formatting kept from a structured original (bold, italics, footnote marks, line
    /// breaks …) at byte offsets in [`Unit::plain`]; empty for text and Markdown.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub tags: Box<[inline::Tag]>,
}

/// A unit's [`Unit::text`] and [`Unit::plain`], one allocation when they are the same text
/// (most lines and paragraphs).
fn shared(text: &str, plain: &str) -> (Arc<str>, Arc<str>) {
    let text: Arc<str> = text.into();
    let plain = if plain == &*text {
        Arc::clone(&text)
    } else {
        plain.into()
    };
    (text, plain)
}

/// `parts` joined with a space (one part: itself, not copied).
fn joined<'a>(parts: impl IntoIterator<Item = &'a str>) -> std::borrow::Cow<'a, str> {
    let mut parts = parts.into_iter();
    let Some(first) = parts.next() else {
        return std::borrow::Cow::Borrowed("");
    };
    match parts.next() {
        None => std::borrow::Cow::Borrowed(first),
        Some(second) => {
            let mut out = format!("{first} {second}");
            for p in parts {
                out.push(' ');
                out.push_str(p);
            }
            std::borrow::Cow::Owned(out)
        }
    }
}

/// A document read into units.
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    pub path: PathBuf,
    pub lang: Lang,
    /// Where [`Document::lang`] came from: a flag, the path, the text, or a default.
    pub lang_source: LangSource,
    pub units: Vec<Unit>,
    /// Things the reader noticed and a user should hear about (e.g. a declared language the
    /// text contradicts, `lang/contradicted`).
    pub warnings: Vec<Diagnostic>,
}

/// How a file is cut into units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum InputMode {
    /// Paragraph reading with all heuristics.
    #[default]
    Auto,
    /// One unit per non-empty line, no heuristics.
    Lines,
}

/// Read `path` as a document in `lang` (from the path, else detected from the text, else `und`,
/// when `None`). A `lang` given here is reported as given "by the caller"; commands that take
/// a flag use [`read_decided`] with a [`Decision`] that names it.
pub fn load(path: &Path, lang: Option<Lang>, mode: InputMode) -> Result<Document> {
    Ok(read(path, lang, mode)?.document)
}

/// Build a document from already decoded text.
pub fn from_text(path: &Path, text: &str, lang: Option<Lang>, mode: InputMode) -> Result<Document> {
    Ok(read_str(path, text, lang, mode)?.document)
}

/// Read `path` into a [`Reading`]: the document plus what is needed to cut its units into
/// sentences and to trace them back to the file.
///
/// `path` may be `-` for standard input: the document is then named `<stdin>`.
/// The file is read in its format ([`formats::read`]); an XLIFF file, which holds two
/// documents, is refused here (read it with [`formats::read`]).
pub fn read(path: &Path, lang: Option<Lang>, mode: InputMode) -> Result<Reading> {
    let given = lang.map(|lang| Given {
        lang,
        by: "the caller".into(),
    });
    read_given(path, given.as_ref(), mode)
}

/// The one document of `path`, read in its format; an XLIFF file, which holds a source text
/// and its translation, is refused (readers of one document point to `alinea align`).
pub fn read_one(path: &Path) -> Result<formats::Source> {
    read_one_from(path, None)
}

/// [`read_one`], from the file's bytes when they are read already (`bytes`; `path` then only
/// names the input and tells its format, as [`formats::from_bytes`] does).
pub fn read_one_from(path: &Path, bytes: Option<&[u8]>) -> Result<formats::Source> {
    match read_any_from(path, bytes)? {
        formats::Read::One(s) => Ok(s),
        formats::Read::Aligned(pair) => Err(Error::Input {
            path: pair[0].path.clone(),
            message: "is an XLIFF file (a source text and its translation): make a TMX of it \
                      with `alinea align` and read that"
                .into(),
        }),
    }
}

/// `path` read in its format, one document or an XLIFF file's two, from the file's bytes when
/// they are read already (as [`read_one_from`]).
pub fn read_any_from(path: &Path, bytes: Option<&[u8]>) -> Result<formats::Read> {
    match bytes {
        Some(b) => formats::from_bytes(path, b, None),
        None => formats::read(path),
    }
}

/// [`read`] with the language given by a named setting (`--lang` …), else the one the
/// document declares, else as [`decide`] says.
pub fn read_given(path: &Path, given: Option<&Given>, mode: InputMode) -> Result<Reading> {
    let source = read_one(path)?;
    let decision = decide_source(given, &source)
        .unwrap_or_else(|| Decision::fallback(Lang::Other("und".into())));
    read_source(&source, &decision, mode)
}

fn span(index: &LineIndex, start: usize, end: usize) -> Span {
    Span::of(start, end, |at| index.position(at))
}

impl Span {
    /// The span of bytes `start..end`, with the line and column `position` gives a byte.
    fn of(start: usize, end: usize, position: impl Fn(usize) -> (usize, usize)) -> Span {
        let (line, column) = position(start);
        let (end_line, end_column) = position(end);
        Span {
            line,
            column,
            end_line,
            end_column,
            start_byte: start,
            end_byte: end,
        }
    }
}

/// Read decoded `text` (named `path` in messages) into a [`Reading`]: in `lang` when given,
/// else as [`detect::decide`] says, else `und`.
pub fn read_str(path: &Path, text: &str, lang: Option<Lang>, mode: InputMode) -> Result<Reading> {
    let given = lang.map(|lang| Given {
        lang,
        by: "the caller".into(),
    });
    read_decided(path, text, &decide(given.as_ref(), path, text), mode)
}

/// The language of `text` at `path`: [`detect::decide`], else `und` (what `alinea segment`
/// says of a text nothing tells the language of).
pub fn decide(given: Option<&Given>, path: &Path, text: &str) -> Decision {
    detect::decide(given, path, text)
        .unwrap_or_else(|| Decision::fallback(Lang::Other("und".into())))
}

/// Read decoded `text` (named `path` in messages) into a [`Reading`] in the language
/// `decision` gives; a `lang/contradicted` warning when it disagrees with the text.
pub fn read_decided(
    path: &Path,
    text: &str,
    decision: &Decision,
    mode: InputMode,
) -> Result<Reading> {
    let (document, traced) = build(path, text, None, decision, mode, true)?;
    let Traced {
        lines,
        pieces,
        plains,
    } = traced;
    Ok(Reading {
        document,
        lines,
        index: LineIndex::new(text),
        pieces,
        plains,
    })
}

/// [`read_decided`] for a caller that wants only the [`Document`] (the aligner): the units
/// are the same, but no map from plain text back to the source is built, which is most of a
/// [`Reading`]'s memory (16 bytes per character).
pub fn read_document(
    path: &Path,
    text: &str,
    decision: &Decision,
    mode: InputMode,
) -> Result<Document> {
    Ok(build(path, text, None, decision, mode, false)?.0)
}

/// The language of a [`formats::Source`]: `given`, else the language the document declares
/// (`<html lang>`, an XLIFF header), else as [`decide`] says.
pub fn decide_source(given: Option<&Given>, source: &formats::Source) -> Option<Decision> {
    let declared = source.declared.as_ref().map(|(lang, by)| Given {
        lang: lang.clone(),
        by: by.clone(),
    });
    detect::decide(given.or(declared.as_ref()), &source.path, &source.text)
}

/// Read a [`formats::Source`] into a [`Reading`] in the language `decision` gives: text with
/// the paragraph heuristics (`mode`), structured documents one unit per block. The source's
/// warnings come first among the document's.
pub fn read_source(
    source: &formats::Source,
    decision: &Decision,
    mode: InputMode,
) -> Result<Reading> {
    let (document, traced) = build_source(source, decision, mode, true)?;
    Ok(Reading {
        document,
        lines: traced.lines,
        index: LineIndex::new(&source.text),
        pieces: traced.pieces,
        plains: traced.plains,
    })
}

/// [`read_source`] for the aligner: the [`Document`] only (see [`read_document`]).
pub fn source_document(
    source: &formats::Source,
    decision: &Decision,
    mode: InputMode,
) -> Result<Document> {
    Ok(build_source(source, decision, mode, false)?.0)
}

/// [`build`] over a [`formats::Source`], the source's warnings first among the document's.
fn build_source(
    source: &formats::Source,
    decision: &Decision,
    mode: InputMode,
    trace: bool,
) -> Result<(Document, Traced)> {
    let blocks = source.blocks.as_deref();
    let (mut document, traced) = build(&source.path, &source.text, blocks, decision, mode, trace)?;
    document
        .warnings
        .splice(0..0, source.warnings.iter().cloned());
    Ok((document, traced))
}

/// What a [`Reading`] keeps besides its document, to trace sentences back to the source.
#[derive(Default)]
struct Traced {
    lines: Vec<Vec<usize>>,
    pieces: Vec<Vec<Range<usize>>>,
    plains: Vec<Mapped>,
}

/// The document of `text`, and, when `trace`, what a [`Reading`] keeps.
fn build(
    path: &Path,
    text: &str,
    blocks: Option<&[formats::Block]>,
    decision: &Decision,
    mode: InputMode,
    trace: bool,
) -> Result<(Document, Traced)> {
    let warnings: Vec<Diagnostic> = decision.contradiction(path).into_iter().collect();
    let lang = decision.lang.clone();
    let starts = crate::input::lines::line_starts(text);
    let span = |start: usize, end: usize| spans::span_of(text, &starts, start, end);
    if let Some(blocks) = blocks {
        let (units, traced) = from_blocks(text, blocks, trace, &span);
        return Ok((
            Document {
                path: path.to_path_buf(),
                lang,
                lang_source: decision.source,
                units,
                warnings,
            },
            traced,
        ));
    }
    // One unit per line, read as it stands; or segments of lines, with their kinds.
    let (lines, segs, kinds) = match mode {
        InputMode::Lines => (read::raw_lines(text), Vec::new(), Vec::new()),
        InputMode::Auto => {
            let segs = read::join(read::segments(read::blocks(text)), kind::skippable);
            let kinds = kind::classify(&segs);
            (Vec::new(), segs, kinds)
        }
    };
    let mut units = Vec::with_capacity(lines.len() + segs.len());
    let mut traced = Traced::default();
    // One unit of the lines `ls`, which stand one after the other in the source.
    let mut add = |ls: &[read::Line], kind: UnitKind| {
        let head = &ls[0];
        let raw = mode == InputMode::Lines;
        let label = head.start.label.clone().map(|r| head.text[r].to_string());
        let mut m = if trace {
            Mapped::default()
        } else {
            Mapped::untracked()
        };
        for (i, l) in ls.iter().enumerate() {
            let from = l.start.rest;
            if i > 0 {
                m.push(' ', l.bytes.start);
            }
            if raw {
                m.push_str(l.text, l.bytes.start);
            } else {
                markup::strip_inline(&l.text[from..], l.bytes.start + from, &mut m);
            }
        }
        let plain = m.collapse();
        let start = head.bytes.start;
        let end = ls.last().map_or(start, |l| l.bytes.end);
        let (text, plain_text) = shared(&joined(ls.iter().map(|l| l.text)), &plain.text);
        units.push(Unit {
            index: units.len(),
            kind,
            label: label.map(String::into_boxed_str),
            text,
            plain: plain_text,
            place: None,
            span: span(start, end),
            tags: Box::default(),
        });
        if trace {
            traced.lines.push(ls.iter().map(|l| l.no + 1).collect());
            traced
                .pieces
                .push(ls.iter().map(|l| l.bytes.clone()).collect());
            traced.plains.push(plain);
        }
    };
    for l in &lines {
        add(std::slice::from_ref(l), UnitKind::Body);
    }
    for (seg, kind) in segs.into_iter().zip(kinds) {
        add(&seg.into_lines(), kind);
    }
    if units.is_empty() {
        return Err(Error::Input {
            path: path.to_path_buf(),
            message: "holds no text (only white space)".into(),
        });
    }
    Ok((
        Document {
            path: path.to_path_buf(),
            lang,
            lang_source: decision.source,
            units,
            warnings,
        },
        traced,
    ))
}

/// The units of a structured document: one per block, each on its own line of `text` (label,
/// a space, text), as [`formats::Source`] lays them out.
fn from_blocks(
    text: &str,
    blocks: &[formats::Block],
    trace: bool,
    span: &dyn Fn(usize, usize) -> Span,
) -> (Vec<Unit>, Traced) {
    let mut units = Vec::with_capacity(blocks.len());
    let mut traced = Traced::default();
    let mut pos = 0;
    for (i, b) in blocks.iter().enumerate() {
        let start = pos;
        let from = start + b.label.as_ref().map_or(0, |l| l.len() + 1);
        let end = from + b.text.len();
        pos = end + 1;
        let mut m = if trace {
            Mapped::default()
        } else {
            Mapped::untracked()
        };
        m.push_str(&b.text, from);
        let (unit_text, plain) = shared(&text[start..end], &m.text);
        units.push(Unit {
            index: i,
            kind: b.kind,
            label: b.label.as_deref().map(Box::from),
            text: unit_text,
            plain,
            place: Some(b.place.as_str().into()),
            span: span(start, end),
            tags: b.tags.as_slice().into(),
        });
        if trace {
            traced.lines.push(vec![i + 1]);
            traced.pieces.push(std::iter::once(start..end).collect());
            traced.plains.push(m);
        }
    }
    (units, traced)
}

#[cfg(test)]
mod tests;

//! Documents: reading a file into paragraph units that keep their original text and source span.
//!
//! - `decode`: bytes → text (UTF-8 with or without BOM, UTF-16 with BOM).
//! - paragraph reading (blank-line blocks, labels, page-break joins, kinds).
//!
//! Every unit keeps the text as it stands in the file ([`Unit::text`]) and a cleaned form for
//! matching and alignment ([`Unit::plain`]: markup residue removed, whitespace collapsed).

pub mod decode;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::{Error, Lang, Result};

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

/// Where a unit stands in its file: 1-based lines and columns (in characters), byte range.
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
    pub label: Option<String>,
    /// The unit's text as it stands in the file (lines joined with a space).
    pub text: String,
    /// The text for matching and alignment: markup residue removed, whitespace collapsed.
    pub plain: String,
    pub span: Span,
}

/// A document read into units.
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    pub path: PathBuf,
    pub lang: Lang,
    pub units: Vec<Unit>,
    /// Things the reader noticed and a user should hear about (e.g. a declared language the
    /// text contradicts).
    pub warnings: Vec<String>,
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

/// Read and decode a file, refusing directories, empty files and binary data.
pub fn read_text(path: &Path) -> Result<String> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::Input {
            path: path.to_path_buf(),
            message: "is a directory, not a text file".into(),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    decode::decode(&bytes, path)
}

/// Read `path` as a document in `lang` (detected from the path or the text when `None`).
pub fn load(path: &Path, lang: Option<Lang>, mode: InputMode) -> Result<Document> {
    let text = read_text(path)?;
    from_text(path, &text, lang, mode)
}

/// Build a document from already decoded text.
pub fn from_text(path: &Path, text: &str, lang: Option<Lang>, mode: InputMode) -> Result<Document> {
    let lang = lang.unwrap_or(Lang::Other("und".into()));
    let units = match mode {
        InputMode::Lines => lines(text),
        InputMode::Auto => blocks(text),
    };
    if units.is_empty() {
        return Err(Error::Input {
            path: path.to_path_buf(),
            message: "holds no text".into(),
        });
    }
    Ok(Document {
        path: path.to_path_buf(),
        lang,
        units,
        warnings: Vec::new(),
    })
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn unit(
    index: usize,
    text: String,
    line: usize,
    end_line: usize,
    start: usize,
    end: usize,
) -> Unit {
    Unit {
        index,
        kind: UnitKind::Body,
        label: None,
        plain: collapse(&text),
        text,
        span: Span {
            line,
            column: 1,
            end_line,
            end_column: 1,
            start_byte: start,
            end_byte: end,
        },
    }
}

/// One unit per non-empty line.
fn lines(text: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches(['\n', '\r']);
        if !content.trim().is_empty() {
            let idx = out.len();
            out.push(unit(
                idx,
                content.to_string(),
                n + 1,
                n + 1,
                offset,
                offset + content.len(),
            ));
        }
        offset += line.len();
    }
    out
}

/// Blank-line blocks (the simplest paragraph reading).
fn blocks(text: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let (mut first, mut start, mut offset) = (0, 0, 0);
    let flush = |cur: &mut Vec<&str>,
                 first: usize,
                 last: usize,
                 start: usize,
                 end: usize,
                 out: &mut Vec<Unit>| {
        if !cur.is_empty() {
            let idx = out.len();
            out.push(unit(idx, cur.join(" "), first, last, start, end));
            cur.clear();
        }
    };
    let mut last_line = 0;
    let mut last_end = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches(['\n', '\r']).trim();
        if content.is_empty() {
            flush(&mut cur, first, last_line, start, last_end, &mut out);
        } else {
            if cur.is_empty() {
                first = n + 1;
                start = offset;
            }
            cur.push(content);
            last_line = n + 1;
            last_end = offset + line.trim_end_matches(['\n', '\r']).len();
        }
        offset += line.len();
    }
    flush(&mut cur, first, last_line, start, last_end, &mut out);
    out
}

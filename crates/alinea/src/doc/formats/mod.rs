//! Documents in the formats translators receive: plain text, Word (`.docx`), OpenDocument
//! text (`.odt`), HTML, XLIFF 1.2 and 2.x, and PDF (through poppler's `pdftotext`).
//!
//! [`Format::of`] is the one place a document's format is decided: by its extension, else by
//! its content (a zip archive holding `word/document.xml` or an OpenDocument `mimetype`, `%PDF-`,
//! an `<xliff` or `<html` root). [`read`] turns a file into [`Source`]s: plain text and PDF
//! become text for the paragraph heuristics of [`super::read`]; the structured formats become
//! [`Block`]s, one per unit, each with its [`Block::place`] in the original (`paragraph 12`,
//! `footnote 3`, `table 1, row 2, cell 3`, `unit 7`). An XLIFF file gives two sources (its
//! source and target texts), already aligned unit by unit.
//!
//! Readers: `docx`, `odt`, `html`, `xliff`, `pdf`; `styling` reads the character formatting
//! of Word runs and OpenDocument spans (kept as the inline tags of [`super::inline`]); `zip` is
//! the bounded archive reader of the first two. XML parts are read through [`crate::input::xml`] (no DTD entities, a depth
//! limit, errors at `file:part:line:column`).
//!
//! Bad input is one [`Error`] naming the file and what is wrong: a damaged zip, a `.docx` that
//! is not WordprocessingML, an encrypted PDF, an XLIFF without targets, a page with no text.

mod docx;
mod html;
mod odt;
pub mod pdf;
mod styling;
mod xliff;
pub mod zip;

use std::path::{Path, PathBuf};

use super::inline::Tag;
use super::UnitKind;
use crate::diag::Diagnostic;
use crate::{Error, Lang, Result};

/// A document format alinea reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Docx,
    Odt,
    Html,
    Xliff,
    Pdf,
}

impl Format {
    /// The format's name, as messages give it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Docx => "Word (.docx)",
            Format::Odt => "OpenDocument text (.odt)",
            Format::Html => "HTML",
            Format::Xliff => "XLIFF",
            Format::Pdf => "PDF",
        }
    }

    /// The format's name with its indefinite article (`an HTML`, `a Word (.docx)`).
    pub fn with_article(self) -> String {
        let name = self.name();
        let article = match self {
            Format::Odt | Format::Html | Format::Xliff => "an",
            _ => "a",
        };
        format!("{article} {name}")
    }

    /// The format an extension names, if it names one (case-insensitive).
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" | "md" | "markdown" => Format::Text,
            "docx" | "docm" | "dotx" | "dotm" => Format::Docx,
            "odt" | "ott" => Format::Odt,
            "html" | "htm" | "xhtml" => Format::Html,
            "xlf" | "xliff" | "xlz" | "sdlxliff" | "mqxliff" => Format::Xliff,
            "pdf" => Format::Pdf,
            _ => return None,
        })
    }

    /// The format `bytes` look like: a zip archive holding a Word or OpenDocument text,
    /// `%PDF-`, an XML document whose root is `<xliff`, an HTML page; else text.
    pub fn sniff(bytes: &[u8]) -> Format {
        if zip::is_zip(bytes) {
            if let Ok(a) = zip::Archive::new(bytes) {
                if a.contains("word/document.xml") {
                    return Format::Docx;
                }
                if a.contains("content.xml") || a.contains("mimetype") {
                    return Format::Odt;
                }
            }
            // Only the start of a larger archive: ODF stores its mimetype first.
            let odf = b"mimetypeapplication/vnd.oasis.opendocument";
            if bytes.windows(odf.len()).take(200).any(|w| w == odf) {
                return Format::Odt;
            }
            // Any other archive: the Word reader says what is wrong with it.
            return Format::Docx;
        }
        if bytes.starts_with(b"%PDF-") {
            return Format::Pdf;
        }
        let head = crate::input::decode::decode(&bytes[..bytes.len().min(4096)])
            .or_else(|_| {
                // A cut in the middle of a character: retry a few bytes shorter.
                let n = bytes.len().min(4093);
                crate::input::decode::decode(&bytes[..n])
            })
            .unwrap_or_default()
            .to_ascii_lowercase();
        let head = head.trim_start();
        if head.starts_with('<') {
            if head.contains("<xliff") {
                return Format::Xliff;
            }
            if head.contains("<html") || head.starts_with("<!doctype html") {
                return Format::Html;
            }
        }
        Format::Text
    }

    /// The format of the file `path` holding `bytes`: by extension, else by content.
    pub fn of(path: &Path, bytes: &[u8]) -> Format {
        Format::from_extension(path).unwrap_or_else(|| Format::sniff(bytes))
    }
}

/// A unit of a structured document: its kind, label, text and place in the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: UnitKind,
    /// A list number or letter the format generated (`1.`, `a)`), not part of `text`.
    pub label: Option<String>,
    /// The text, whitespace collapsed, never empty.
    pub text: String,
    /// Where the unit stands in the original: `paragraph 12`, `footnote 3`, `table 1, row 2,
    /// cell 3`, `unit 7` …
    pub place: String,
    /// Its inline formatting (bold, footnote marks …) at byte offsets in `text`.
    pub tags: Vec<Tag>,
}

impl Block {
    /// A block of `text` (whitespace collapsed, the marks of [`super::inline`] turned into
    /// tags), `None` when nothing but white space is left.
    pub fn new(kind: UnitKind, label: Option<String>, text: &str, place: String) -> Option<Block> {
        let (text, tags) = super::inline::extract(text);
        (!text.is_empty()).then(|| Block {
            kind,
            label: label.map(|l| super::inline::strip(&l)),
            text,
            place,
            tags,
        })
    }
}

/// `s` with runs of white space as one space (a lone no-break space kept), trimmed.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if crate::text::chars::is_collapsible_space(c) {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// A document as read from its file, before it is cut into units.
#[derive(Clone, Debug)]
pub struct Source {
    /// The name the document goes by (the path, `<stdin>`, or `file.xlf (target)` for the
    /// second side of an XLIFF file).
    pub path: PathBuf,
    pub format: Format,
    /// The text: the file's own for plain text and PDF; for structured formats, the units one
    /// per line (label, a space, text), which language detection and spans refer to.
    pub text: String,
    /// The units of a structured document, one per line of `text`; `None` for text, which the
    /// paragraph heuristics cut.
    pub blocks: Option<Vec<Block>>,
    /// The language the document declares (`<html lang>`, an XLIFF `srcLang`), with what
    /// declared it.
    pub declared: Option<(Lang, String)>,
    /// What the reader noticed (e.g. XLIFF units without a target, left out).
    pub warnings: Vec<Diagnostic>,
}

impl Source {
    fn text(path: PathBuf, format: Format, text: String) -> Source {
        Source {
            path,
            format,
            text,
            blocks: None,
            declared: None,
            warnings: Vec::new(),
        }
    }

    /// A structured document of `blocks`; an error naming `what` the file is when it holds no
    /// text at all.
    fn blocks(path: PathBuf, format: Format, blocks: Vec<Block>) -> Result<Source> {
        if blocks.is_empty() {
            return Err(Error::Input {
                path,
                message: format!("is {} document with no text in it", format.with_article()),
            });
        }
        let mut text = String::new();
        for b in &blocks {
            if let Some(l) = &b.label {
                text.push_str(l);
                text.push(' ');
            }
            text.push_str(&b.text);
            text.push('\n');
        }
        Ok(Source {
            path,
            format,
            text,
            blocks: Some(blocks),
            declared: None,
            warnings: Vec::new(),
        })
    }
}

/// What a file holds: one document, or two already aligned unit by unit (an XLIFF file: unit
/// `i` of the first is the translation of unit `i` of the second).
#[derive(Clone, Debug)]
pub enum Read {
    One(Source),
    Aligned(Box<[Source; 2]>),
}

impl Read {
    /// The documents, in order.
    pub fn into_sources(self) -> Vec<Source> {
        match self {
            Read::One(s) => vec![s],
            Read::Aligned(pair) => {
                let [a, b] = *pair;
                vec![a, b]
            }
        }
    }
}

/// How many first bytes tell a format by content.
const SNIFF: usize = 64 << 10;

/// Reads the file at `path` (`-`: standard input) in the format [`Format::of`] gives it. Text
/// is decoded as it is read ([`crate::input::read_text`]'s rules and messages); the other
/// formats are read whole (at most [`crate::input::MAX_BYTES`]) and then parsed.
pub fn read(path: &Path) -> Result<Read> {
    let known = Format::from_extension(path);
    let peeked = crate::input::peek(path, if known.is_some() { 0 } else { SNIFF })?;
    let format = known.unwrap_or_else(|| Format::sniff(&peeked.head));
    if format == Format::Text {
        let text = peeked.text()?;
        return Ok(Read::One(Source::text(text.path, Format::Text, text.text)));
    }
    let name = peeked.path.clone();
    if matches!(format, Format::Html | Format::Xliff) {
        // Text formats: decoded as read, so binary input (a device, a binary file with the
        // wrong extension) is refused at its first chunk, not read to the limit first.
        let text = peeked.text()?;
        return parse(&name, text.text.as_bytes(), format, Some(path));
    }
    let bytes = peeked.bytes()?;
    parse(&name, &bytes, format, Some(path))
}

/// Reads `bytes`, named `name` in messages, in the format [`Format::of`] gives them. `file`
/// is the file on disk they came from, when there is one (`pdftotext` reads it directly).
pub fn from_bytes(name: &Path, bytes: &[u8], file: Option<&Path>) -> Result<Read> {
    parse(name, bytes, Format::of(name, bytes), file)
}

fn parse(name: &Path, bytes: &[u8], format: Format, file: Option<&Path>) -> Result<Read> {
    let path = name.to_path_buf();
    let one = |s: Source| Ok(Read::One(s));
    match format {
        Format::Text => one(Source::text(
            path,
            format,
            crate::input::decode_bytes(bytes, name)?,
        )),
        Format::Pdf => one(Source::text(
            path,
            format,
            pdf::text(name, bytes, file.filter(|f| !crate::input::is_stdin(f)))?,
        )),
        Format::Docx => one(Source::blocks(path, format, docx::read(name, bytes)?)?),
        Format::Odt => one(Source::blocks(path, format, odt::read(name, bytes)?)?),
        Format::Html => {
            let text = crate::input::decode_bytes(bytes, name)?;
            let page = html::read(&text);
            let mut s = Source::blocks(path, format, page.blocks)?;
            s.declared = page
                .lang
                .and_then(|l| Some((l.parse().ok()?, format!("its lang attribute ({l})"))));
            one(s)
        }
        Format::Xliff => {
            let text = crate::input::decode_bytes(bytes, name)?;
            xliff::read(name, &text)
        }
    }
}

/// An [`Error::Input`] about `path`.
fn input_error(path: &Path, message: impl Into<String>) -> Error {
    Error::Input {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// The name of part `part` of the archive `path` in messages: `report.docx:word/document.xml`.
fn part_name(path: &Path, part: &str) -> PathBuf {
    PathBuf::from(format!("{}:{part}", path.display()))
}

/// The XML part `part` of `archive` (from the file `path`) as text; `None` when absent.
fn xml_part(archive: &zip::Archive, path: &Path, part: &str) -> Result<Option<String>> {
    let Some(bytes) = archive.read(part).map_err(|e| zip_error(path, &e))? else {
        return Ok(None);
    };
    crate::input::decode_bytes(&bytes, &part_name(path, part)).map(Some)
}

fn zip_error(path: &Path, e: &zip::ZipError) -> Error {
    input_error(path, e.to_string())
}

/// The local part of a qualified XML name (`w:p` → `p`).
fn local(name: &[u8]) -> &[u8] {
    name.iter()
        .rposition(|&b| b == b':')
        .map_or(name, |i| &name[i + 1..])
}

/// The value of the attribute whose local name is `name`.
fn attr(e: &quick_xml::events::BytesStart, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (local(a.key.as_ref()) == name).then(|| {
            a.unescape_value()
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned())
        })
    })
}

/// A list number in a numbering format: `decimal`/`1`, `lowerLetter`/`a`, `upperLetter`/`A`,
/// `lowerRoman`/`i`, `upperRoman`/`I`, Arabic abjad letters, Arabic-Indic digits.
fn number_in(n: usize, format: &str) -> String {
    const ABJAD: [&str; 28] = [
        "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص",
        "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ",
    ];
    const ALIF_BA: [&str; 28] = [
        "أ", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ع",
        "غ", "ف", "ق", "ك", "ل", "م", "ن", "هـ", "و", "ي",
    ];
    let letters = |upper: bool| {
        let mut s = String::new();
        let mut k = n.max(1);
        while k > 0 {
            k -= 1;
            let c = (b'a' + (k % 26) as u8) as char;
            s.insert(0, if upper { c.to_ascii_uppercase() } else { c });
            k /= 26;
        }
        s
    };
    let roman = |upper: bool| {
        let mut k = n.clamp(1, 3999);
        let mut s = String::new();
        for (v, r) in [
            (1000, "m"),
            (900, "cm"),
            (500, "d"),
            (400, "cd"),
            (100, "c"),
            (90, "xc"),
            (50, "l"),
            (40, "xl"),
            (10, "x"),
            (9, "ix"),
            (5, "v"),
            (4, "iv"),
            (1, "i"),
        ] {
            while k >= v {
                s.push_str(r);
                k -= v;
            }
        }
        if upper {
            s.to_uppercase()
        } else {
            s
        }
    };
    match format {
        "lowerLetter" | "a" => letters(false),
        "upperLetter" | "A" => letters(true),
        "lowerRoman" | "i" => roman(false),
        "upperRoman" | "I" => roman(true),
        "arabicAbjad" | "أ, ب, ج, ..." => ABJAD[(n.max(1) - 1) % 28].to_string(),
        "arabicAlpha" | "أ, ب, ت, ..." => ALIF_BA[(n.max(1) - 1) % 28].to_string(),
        "hindiNumbers" | "١, ٢, ٣, ..." => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + 0x660).unwrap_or(c))
            .collect(),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests;

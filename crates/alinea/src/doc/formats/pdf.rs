//! PDF, through poppler's `pdftotext` (Debian: `poppler-utils`) when it is installed: its
//! text, pages apart, then goes through the paragraph heuristics of plain text (page breaks
//! joined, page furniture found). No Rust crate read the UN's PDFs (two columns, footnotes,
//! Arabic) as well when this was written.
//!
//! `pdftotext` gives lines in reading order but no blank line between paragraphs: a line
//! clearly shorter than the page's full lines that ends on punctuation, or is followed by a
//! line starting with a capital or a digit, is taken to end its paragraph ([`paragraphs`]);
//! pages are parted by a blank line.
//!
//! Refused with one line: an encrypted PDF (an `/Encrypt` dictionary), a PDF `pdftotext`
//! cannot read (its first line of complaint is given), a PDF without a text layer (a scan),
//! and any PDF when `pdftotext` is not installed (the message says how to install it).

use std::path::Path;
use std::process::Command;

use super::input_error;
use crate::Result;

/// The program run to extract the text.
pub const PDFTOTEXT: &str = "pdftotext";

/// Whether the PDF `bytes` are encrypted (their trailer names an `/Encrypt` dictionary).
pub fn encrypted(bytes: &[u8]) -> bool {
    bytes.windows(8).any(|w| w == b"/Encrypt")
}

/// The text of the PDF `bytes` (named `name`; `file` is where they are on disk, if they are).
pub(super) fn text(name: &Path, bytes: &[u8], file: Option<&Path>) -> Result<String> {
    if !bytes.starts_with(b"%PDF-") {
        return Err(input_error(
            name,
            "is not a PDF file (it does not start with %PDF-)",
        ));
    }
    if encrypted(bytes) {
        return Err(input_error(
            name,
            "is an encrypted PDF, which alinea does not read (decrypt it first, e.g. qpdf --decrypt in.pdf out.pdf)",
        ));
    }
    // Standard input is copied to a temporary file for pdftotext.
    let temp;
    let file = match file {
        Some(f) => f,
        None => {
            temp = tempfile::NamedTempFile::new().map_err(|e| crate::Error::read(name, e))?;
            std::fs::write(temp.path(), bytes).map_err(|e| crate::Error::read(name, e))?;
            temp.path()
        }
    };
    let out = Command::new(PDFTOTEXT)
        .args(["-enc", "UTF-8", "-eol", "unix"])
        .arg(file)
        .arg("-")
        .output();
    let out = match out {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(input_error(
                name,
                "is a PDF, and reading PDF needs poppler's pdftotext, which is not installed (Debian, Ubuntu: apt-get install poppler-utils; macOS: brew install poppler)",
            ))
        }
        Err(e) => return Err(crate::Error::read(name, e)),
    };
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr);
        let why = why
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("no message");
        return Err(input_error(
            name,
            format!("pdftotext could not read this PDF: {why}"),
        ));
    }
    let text = paragraphs(&String::from_utf8_lossy(&out.stdout));
    if text.trim().is_empty() {
        return Err(input_error(
            name,
            "is a PDF with no text in it (a scanned document? run OCR on it first)",
        ));
    }
    Ok(text)
}

/// `line` with a space after a list number glued to its text (`2.demande`, where the PDF had
/// a tab), so that the number reads as a label; a note number glued to its note (`2La`, a
/// superscript in the PDF) as a superscript note mark (`² La`).
fn spaced_label(line: &str) -> std::borrow::Cow<'_, str> {
    let body = line.trim_start();
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let glued = (1..=3).contains(&digits)
        && matches!(body.as_bytes().get(digits), Some(b'.' | b')'))
        && body[digits + 1..].starts_with(char::is_alphabetic);
    if glued {
        let at = line.len() - body.len() + digits + 1;
        return format!("{} {}", &line[..at], &line[at..]).into();
    }
    // A note number glued to its note (`2La délégation`, from a superscript): a note mark.
    let mut rest = body[digits..].chars();
    let note = (1..=2).contains(&digits)
        && rest.next().is_some_and(char::is_uppercase)
        && rest.next().is_some_and(char::is_lowercase);
    if note {
        let sup: String = body[..digits]
            .chars()
            .map(|d| ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][d as usize - '0' as usize])
            .collect();
        return format!("{sup} {}", &body[digits..]).into();
    }
    line.into()
}

/// `pdftotext`'s text with a blank line after each line that ends a paragraph and between
/// pages. A line ends a paragraph when it is shorter (in characters) than 80% of the page's
/// full lines (the 90th percentile of line lengths) and ends on punctuation or is followed by
/// a line starting with a capital letter or a digit.
pub fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for page in text.split('\u{c}') {
        let lines: Vec<&str> = page.lines().map(str::trim_end).collect();
        let mut lens: Vec<usize> = lines
            .iter()
            .map(|l| l.trim().chars().count())
            .filter(|&n| n > 0)
            .collect();
        lens.sort_unstable();
        let full = lens.get(lens.len() * 9 / 10).copied().unwrap_or(0);
        for (i, line) in lines.iter().enumerate() {
            out.push_str(&spaced_label(line));
            out.push('\n');
            let len = line.trim().chars().count();
            let next = lines.get(i + 1).map(|l| l.trim_start()).unwrap_or("");
            let punct = line
                .trim_end_matches(['\u{202c}', '\u{200f}', '\u{200e}'])
                .ends_with([
                    '.', ':', ';', '!', '?', ',', ')', '…', '؟', '،', '»', '"', '”', '*',
                ]);
            let starts = next
                .trim_start_matches(['\u{202b}', '\u{202a}', '\u{200f}', '\u{200e}'])
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
            if len > 0 && !next.is_empty() && 5 * len < 4 * full && (punct || starts) {
                out.push('\n');
            }
        }
        out.push('\n');
    }
    out
}

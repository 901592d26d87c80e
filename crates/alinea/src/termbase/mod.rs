//! The termbase: a concept-oriented model (as in TBX), its formats and lookup.
//!
//! - [`model`]: concepts, terms and their picklists.
//! - formats, read and written: the glossary source (TOML), TBX v3 TBX-Basic and legacy TBX v2
//!   (`martif`), CSV/TSV and JSON; [`read_file`] and [`write_file`] pick one by extension.
//! - [`index`]: the lookup index (exact, normalised, stemmed, fuzzy, prefix); its trigram rows
//!   and edit distance are in `grams`.
//! - [`concordance`]: the term in context, from aligned translation units.
//! - [`normalize`]: the folding and stemming lookup relies on.

pub mod concordance;
mod csv;
mod grams;
pub mod index;
pub mod model;
pub mod normalize;
mod tbx;
mod toml_src;
mod validate;

use std::path::Path;

pub use index::{Hit, Index, MatchClass, Query};
pub use model::{
    Concept, Gender, LangInfo, Link, Pos, Stats, Status, Term, TermType, Termbase, Transaction,
};
pub use validate::{parse_lang, Checked};

use crate::{Error, Result};

/// A termbase file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The glossary source (`.toml`).
    Toml,
    /// TBX v3 (ISO 30042:2019), TBX-Basic dialect, DCA style (`.tbx`).
    TbxV3,
    /// Legacy TBX v2 (`martif`), as MultiTerm, memoQ and OmegaT exchange it (`.tbx`).
    TbxV2,
    /// Comma-separated values with a header of language codes (`.csv`).
    Csv,
    /// Tab-separated values, same columns as CSV (`.tsv`, `.tab`).
    Tsv,
    /// The model as JSON (`.json`).
    Json,
}

impl Format {
    /// The format for `path`, by extension. `tbx_version` picks the TBX version to write
    /// (3 by default); on reading, the root element decides.
    pub fn from_path(path: &Path, tbx_version: Option<u8>) -> Result<Format> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        Ok(match ext.as_str() {
            "toml" => Format::Toml,
            "tbx" | "xml" => match tbx_version {
                None | Some(3) => Format::TbxV3,
                Some(2) => Format::TbxV2,
                Some(v) => {
                    return Err(Error::Usage(format!(
                        "unknown TBX version {v} (expected 2 or 3)"
                    )))
                }
            },
            "csv" => Format::Csv,
            "tsv" | "tab" => Format::Tsv,
            "json" => Format::Json,
            _ => {
                return Err(Error::Usage(format!(
                "{}: unknown termbase format (expected a .toml, .tbx, .csv, .tsv or .json file)",
                path.display()
            )))
            }
        })
    }

    /// A short name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Toml => "glossary source (TOML)",
            Format::TbxV3 => "TBX v3 (TBX-Basic)",
            Format::TbxV2 => "TBX v2 (martif)",
            Format::Csv => "CSV",
            Format::Tsv => "TSV",
            Format::Json => "JSON",
        }
    }
}

/// Where each concept and term was read from, for error messages.
#[derive(Clone, Debug, Default)]
pub(crate) struct Positions {
    /// One entry per concept, in order: where the concept and each of its terms start.
    pub concepts: Vec<ConceptPos>,
    /// Whether places are byte offsets (`(offset, 0)`, turned into line and column only for
    /// an error) rather than (line, column).
    pub byte_offsets: bool,
}

impl Positions {
    /// (line, column) of a place recorded in `text`.
    pub fn resolve(&self, text: &str, place: (usize, usize)) -> (usize, usize) {
        if self.byte_offsets {
            crate::input::lines::position(text, place.0)
        } else {
            place
        }
    }
}

#[derive(Clone, Debug, Default)]
pub(crate) struct ConceptPos {
    pub at: (usize, usize),
    pub terms: Vec<(usize, usize)>,
}

/// Reads a termbase from text in `format`; `path` names it in errors. The result is
/// validated (see [`Checked`]).
pub fn read_str(text: &str, format: Format, path: &Path) -> Result<Checked> {
    let (mut tb, pos) = match format {
        Format::Toml => toml_src::read(text, path)?,
        Format::TbxV3 | Format::TbxV2 => tbx::read(text, path)?,
        Format::Csv => csv::read(text, b',', path)?,
        Format::Tsv => csv::read(text, b'\t', path)?,
        Format::Json => read_json(text, path)?,
    };
    for c in &mut tb.concepts {
        c.canonicalize();
    }
    let warnings = validate::validate(&tb, path, &pos, text)?;
    Ok(Checked {
        termbase: tb,
        warnings,
    })
}

/// Reads and validates a termbase file; the format comes from the extension (and, for TBX,
/// from the root element).
pub fn read_file(path: &Path) -> Result<Checked> {
    let format = Format::from_path(path, None)?;
    let input = crate::input::read_text(path)?;
    read_str(&input.text, format, &input.path)
}

/// The termbase in `format`, as text.
pub fn to_string(tb: &Termbase, format: Format) -> Result<String> {
    Ok(match format {
        Format::Toml => toml_src::write(tb),
        Format::TbxV3 => tbx::write(tb, 3),
        Format::TbxV2 => tbx::write(tb, 2),
        Format::Csv => csv::write(tb, b',')?,
        Format::Tsv => csv::write(tb, b'\t')?,
        Format::Json => {
            let mut s = serde_json::to_string_pretty(tb)
                .map_err(|e| Error::Encode(format!("serialising JSON: {e}")))?;
            s.push('\n');
            s
        }
    })
}

/// Writes the termbase to `path` in `format`, atomically.
pub fn write_file(path: &Path, tb: &Termbase, format: Format) -> Result<()> {
    let text = to_string(tb, format)?;
    crate::io::write_atomic(path, text.as_bytes())
}

fn read_json(text: &str, path: &Path) -> Result<(Termbase, Positions)> {
    if let Some(tb) = json_parallel(text) {
        return Ok((tb, Positions::default()));
    }
    let tb: Termbase = serde_json::from_str(text).map_err(|e| Error::Parse {
        path: path.into(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    Ok((tb, Positions::default()))
}

/// How many pieces a large JSON termbase is cut into for [`json_parallel`].
const JSON_PIECES_PER_THREAD: usize = 4;
/// Below this size a JSON termbase is read in one piece.
const JSON_PARALLEL_MIN: usize = 1 << 20;

/// Reads `{"concepts": [ … ]}` in pieces on several threads. The array is cut after a `,`
/// that ends a line and sits between `}` and `{`: a line break is never inside a JSON
/// string, and a cut inside a concept leaves a piece with unbalanced brackets, which fails.
/// `None` (read it in one piece, for the exact error) when the text is small, has another
/// shape, or any piece fails.
fn json_parallel(text: &str) -> Option<Termbase> {
    use rayon::prelude::*;
    if text.len() < JSON_PARALLEL_MIN {
        return None;
    }
    let b = text.as_bytes();
    let ws = |c: &u8| c.is_ascii_whitespace();
    let skip = |mut i: usize| {
        while i < b.len() && ws(&b[i]) {
            i += 1;
        }
        i
    };
    // The frame: `{ "concepts" : [` … `] }`.
    let mut i = skip(0);
    for want in [&b"{"[..], b"\"concepts\"", b":", b"["] {
        if !b[i..].starts_with(want) {
            return None;
        }
        i = skip(i + want.len());
    }
    let mut end = b.len();
    for want in [b'}', b']'] {
        while end > i && ws(&b[end - 1]) {
            end -= 1;
        }
        if end <= i || b[end - 1] != want {
            return None;
        }
        end -= 1;
    }
    let body = &text[i..end];
    // The indentation of the first concept: a cut is made only before a `{` indented alike.
    let line_start = b[..i].iter().rposition(|&c| c == b'\n')? + 1;
    let indent = &b[line_start..i];
    if !indent.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let pieces = rayon::current_num_threads().max(1) * JSON_PIECES_PER_THREAD;
    let mut cuts = vec![0];
    for k in 1..pieces {
        let from = (body.len() * k / pieces).max(*cuts.last().expect("starts with 0"));
        if let Some(at) = json_cut(body.as_bytes(), from, indent) {
            if at > *cuts.last().expect("starts with 0") {
                cuts.push(at);
            }
        }
    }
    if cuts.len() < 2 {
        return None;
    }
    cuts.push(body.len());
    let parts: Vec<Option<Vec<Concept>>> = cuts
        .windows(2)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|w| {
            // Each piece but the first starts with the `,` it was cut at.
            let piece = &body[w[0]..w[1]];
            let piece = if w[0] > 0 { &piece[1..] } else { piece };
            let mut wrapped = String::with_capacity(piece.len() + 2);
            wrapped.push('[');
            wrapped.push_str(piece);
            wrapped.push(']');
            let v: Vec<Concept> = serde_json::from_str(&wrapped).ok()?;
            (!v.is_empty()).then_some(v)
        })
        .collect();
    let mut concepts = Vec::new();
    for p in parts {
        concepts.extend(p?);
    }
    Some(Termbase { concepts })
}

/// The first cut point at or after `from`: the offset of a `,` between `}` and `{` that is
/// followed by a line break, the `{` being indented by `indent`.
fn json_cut(b: &[u8], from: usize, indent: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let nl = at + b[at..].iter().position(|&c| c == b'\n')?;
        at = nl + 1;
        let mut k = nl;
        while k > 0 && b[k - 1].is_ascii_whitespace() {
            k -= 1;
        }
        if k < 2 || b[k - 1] != b',' {
            continue;
        }
        let comma = k - 1;
        let mut j = comma;
        while j > 0 && b[j - 1].is_ascii_whitespace() {
            j -= 1;
        }
        if j == 0 || b[j - 1] != b'}' {
            continue;
        }
        if b[at..].starts_with(indent) && b.get(at + indent.len()) == Some(&b'{') {
            return Some(comma);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        let f = |p: &str, v| Format::from_path(Path::new(p), v);
        assert_eq!(f("a.TOML", None).unwrap(), Format::Toml);
        assert_eq!(f("a.tbx", None).unwrap(), Format::TbxV3);
        assert_eq!(f("a.tbx", Some(2)).unwrap(), Format::TbxV2);
        assert_eq!(f("a.tsv", None).unwrap(), Format::Tsv);
        assert!(f("a.tbx", Some(4)).is_err());
        assert!(f("a.docx", None).is_err());
    }

    fn big_json() -> (Termbase, String) {
        let mut tb = Termbase::default();
        for i in 0..6000 {
            let mut c = Concept {
                id: format!("c{i}"),
                notes: vec![format!("note }},\n{{ {i}")],
                terms: vec![
                    Term::new(crate::Lang::Fr, format!("terme {i}")),
                    Term::new(crate::Lang::En, format!("term {i}")),
                ],
                ..Concept::default()
            };
            c.lang_info_mut(&crate::Lang::En).definition = Some("x".repeat(150));
            tb.concepts.push(c);
        }
        let text = to_string(&tb, Format::Json).unwrap();
        assert!(text.len() > JSON_PARALLEL_MIN);
        (tb, text)
    }

    #[test]
    fn json_in_pieces_reads_the_same() {
        let (tb, text) = big_json();
        assert_eq!(json_parallel(&text).as_ref(), Some(&tb));
        let read = read_str(&text, Format::Json, Path::new("t.json")).unwrap();
        assert_eq!(read.termbase, tb);
        // Compact JSON has no line to cut at: read in one piece.
        let compact = serde_json::to_string(&tb).unwrap();
        assert_eq!(json_parallel(&compact), None);
        let read = read_str(&compact, Format::Json, Path::new("t.json")).unwrap();
        assert_eq!(read.termbase, tb);
    }

    #[test]
    fn json_in_pieces_reports_errors_in_place() {
        let (_, text) = big_json();
        let bad = text.replacen("\"id\": \"c4000\"", "\"id\": 4000", 1);
        assert_eq!(json_parallel(&bad), None);
        let line = bad[..bad.find("\"id\": 4000").unwrap()].lines().count();
        let err = read_str(&bad, Format::Json, Path::new("t.json")).unwrap_err();
        assert!(
            err.to_string().starts_with(&format!("t.json:{line}:")),
            "{err}"
        );
        // Two concepts not separated by a comma: no piece may hide it.
        let cut = text.find("},\n    {").unwrap() + 1;
        let bad = format!("{}{}", &text[..cut], &text[cut + 1..]);
        assert!(read_str(&bad, Format::Json, Path::new("t.json")).is_err());
    }

    #[test]
    fn json_errors_carry_line_and_column() {
        let err = read_str(
            "{\"concepts\": [\n  {\"id\": 3}]}",
            Format::Json,
            Path::new("t.json"),
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("t.json:2:"), "{err}");
    }
}

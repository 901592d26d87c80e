//! The termbase file formats: the glossary source (TOML), TBX v3 TBX-Basic and legacy TBX v2
//! (`martif`), CSV/TSV and JSON, one module each; [`Format::from_path`] picks one by extension.

mod csv;
mod json;
mod tbx;
mod toml_src;

pub use tbx::IGNORED as TBX_IGNORED;

use std::path::Path;

use super::model::Termbase;
use super::Positions;
use crate::diag::Diagnostic;

/// What a reader returns: the termbase, where its parts were read, and what the reader noticed
/// (content it could not read, values it had to choose between).
pub(super) type Parsed = (Termbase, Positions, Vec<Diagnostic>);
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

    /// The format of a termbase that comes without a file name (standard input), told by its
    /// content: `<` opens TBX (the root element then tells the version), `{` JSON, a
    /// `[[concept]]` table the glossary source; otherwise a header line with tabs is TSV and
    /// one with commas or semicolons CSV. `None` when nothing fits.
    pub fn from_content(text: &str) -> Option<Format> {
        let body = text.trim_start_matches('\u{FEFF}').trim_start();
        if body.starts_with('<') {
            return Some(Format::TbxV3);
        }
        if body.starts_with('{') {
            return Some(Format::Json);
        }
        if body
            .lines()
            .any(|l| l.trim_start().starts_with("[[concept"))
        {
            return Some(Format::Toml);
        }
        let header = body.lines().next()?;
        if header.contains('\t') {
            Some(Format::Tsv)
        } else if header.contains(',') || header.contains(';') {
            Some(Format::Csv)
        } else {
            None
        }
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

/// Parses `text` in `format` (no validation); `path` names it in errors.
pub(super) fn read(text: &str, format: Format, path: &Path) -> Result<Parsed> {
    let none = |(tb, pos)| (tb, pos, Vec::new());
    match format {
        Format::Toml => toml_src::read(text, path).map(none),
        Format::TbxV3 | Format::TbxV2 => tbx::read(text, path),
        Format::Csv => csv::read(text, b',', path).map(none),
        Format::Tsv => csv::read(text, b'\t', path).map(none),
        Format::Json => json::read(text, path).map(none),
    }
}

/// The termbase in `format`, as text.
pub(super) fn write(tb: &Termbase, format: Format) -> Result<String> {
    Ok(match format {
        Format::Toml => toml_src::write(tb),
        Format::TbxV3 => tbx::write(tb, 3),
        Format::TbxV2 => tbx::write(tb, 2),
        Format::Csv => csv::write(tb, b',')?,
        Format::Tsv => csv::write(tb, b'\t')?,
        Format::Json => json::write(tb)?,
    })
}

/// Code of the warning for what a format cannot carry, when writing to it.
pub const NOT_CARRIED: &str = "termbase/not-carried";

/// What writing `tb` in `format` to `path` would leave out or change, one warning per kind
/// with its count; none for the formats that carry the whole model (TOML, TBX, JSON).
pub fn not_carried(tb: &Termbase, format: Format, path: &Path) -> Vec<Diagnostic> {
    let counts = match format {
        Format::Csv => csv::not_carried(tb, b','),
        Format::Tsv => csv::not_carried(tb, b'\t'),
        Format::Toml | Format::TbxV3 | Format::TbxV2 | Format::Json => Vec::new(),
    };
    counts
        .into_iter()
        .map(|(what, n)| {
            Diagnostic::warning(
                NOT_CARRIED,
                format!("{} cannot carry {what}: {n} in the termbase", format.name()),
            )
            .at_path(path)
            .with_help("write TOML, TBX or JSON to keep everything")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_content() {
        let f = Format::from_content;
        assert_eq!(
            f("\u{FEFF}<?xml version=\"1.0\"?><tbx/>"),
            Some(Format::TbxV3)
        );
        assert_eq!(f("  {\"concepts\": []}"), Some(Format::Json));
        assert_eq!(
            f("# glossary\n\n[[concept]]\nid = \"a\"\n"),
            Some(Format::Toml)
        );
        assert_eq!(f("fr\ten\nTIC\tICT\n"), Some(Format::Tsv));
        assert_eq!(f("fr;en;ar\nTIC;ICT;x\n"), Some(Format::Csv));
        assert_eq!(f("fr,en\n"), Some(Format::Csv));
        assert_eq!(f("just words\n"), None);
        assert_eq!(f(""), None);
    }

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

    #[test]
    fn not_carried_counts_what_csv_leaves_out_of_the_glossary() {
        let tb = crate::termbase::read_str(
            crate::termbase::load::BUILT_IN,
            Format::Toml,
            Path::new("g.toml"),
        )
        .unwrap()
        .termbase;
        let out = Path::new("g.csv");
        let w: Vec<String> = not_carried(&tb, Format::Csv, out)
            .iter()
            .map(ToString::to_string)
            .collect();
        for expected in [
            "g.csv: CSV cannot carry term contexts: 121 in the termbase [termbase/not-carried]",
            "g.csv: CSV cannot carry term notes: 74 in the termbase [termbase/not-carried]",
            "g.csv: CSV cannot carry acronym and abbreviation links (expands): 49 in the termbase [termbase/not-carried]",
        ] {
            assert!(w.iter().any(|d| d == expected), "{expected}: {w:#?}");
        }
        for f in [Format::Toml, Format::TbxV3, Format::TbxV2, Format::Json] {
            assert!(not_carried(&tb, f, out).is_empty(), "{f:?}");
        }
    }

    #[test]
    fn tsv_writes_tabs_and_line_breaks_as_spaces_and_says_so() {
        let mut c = crate::termbase::Concept {
            id: "c".into(),
            notes: vec!["one\ttwo\nthree".into()],
            terms: vec![crate::termbase::Term::new(crate::Lang::En, "cat")],
            ..Default::default()
        };
        c.canonicalize();
        let tb = Termbase { concepts: vec![c] };
        let w = not_carried(&tb, Format::Tsv, Path::new("t.tsv"));
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].message.contains("tab or a line break"), "{w:?}");
        let text = write(&tb, Format::Tsv).unwrap();
        assert!(text.contains("\tone two three\n"), "{text:?}");
        assert!(not_carried(&tb, Format::Csv, Path::new("t.csv")).is_empty());
    }
}

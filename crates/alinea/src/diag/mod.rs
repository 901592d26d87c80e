//! Diagnostics as data: everything alinea has to tell a user about their input that is not a
//! failure — a declared language the text contradicts, a translation far longer than its
//! pivot, a dangling link in a termbase, characters a format cannot carry — and, next, the
//! findings of the linter.
//!
//! The library never prints: it returns [`Diagnostic`]s, and one module per output format turns
//! them into text — [`human`] (a one-line header, with the source line and carets when the
//! source is at hand), [`json`] (an array of objects) and [`sarif`] (SARIF 2.1.0, for code
//! hosts and CI).
//!
//! Invariants (tested): every renderer keeps every diagnostic, in order; positions are 1-based
//! with columns in characters (Unicode scalar values), end exclusive, as in `alinea segment`.

pub mod human;
pub mod json;
pub mod sarif;

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// For information; nothing needs doing.
    Note,
    /// Suspicious: the work went on, but a user should look.
    Warning,
    /// Wrong: the input (or, for lint, the draft) needs fixing.
    Error,
}

impl Severity {
    /// The name as printed and serialised (`error`, `warning`, `note`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A place in a text file: 1-based lines and columns (columns in characters), end exclusive;
/// with the byte range in the decoded text when it is known (the human renderer underlines it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<Range<usize>>,
}

impl Location {
    /// A point (line, column) with no extent.
    pub fn point(line: usize, column: usize) -> Location {
        Location {
            line,
            column,
            end_line: line,
            end_column: column,
            bytes: None,
        }
    }
}

/// One thing to tell a user, with a stable code (`family/name`, e.g. `lang/contradicted`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// A stable identifier: the family (`lang`, `align`, `termbase`, `tmx` …), a slash, a name.
    pub code: &'static str,
    pub severity: Severity,
    /// The file concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<PathBuf>,
    /// Where in the file, when it can be told.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// What was noticed, in one sentence without the path.
    pub message: String,
    /// What to do about it, when there is something to suggest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// What a lint finding says besides (concept, expected and found text, the source unit,
    /// a fix, a fingerprint).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<Box<Details>>,
}

/// The fields of a lint finding beyond a diagnostic's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Details {
    /// The termbase concept concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concept: Option<String>,
    /// What the text should have had.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub expected: Vec<String>,
    /// What the text has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    /// Where the finding stands in a structured original (`paragraph 12`, `footnote 3` of a
    /// Word file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The aligned source unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// A safe replacement of the diagnostic's span.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// A stable fingerprint (rule, file name, what was found and its context; not its line),
    /// for baselines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
}

/// Where the source of a translated unit stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    pub path: PathBuf,
    pub line: usize,
    /// Where it stands in a structured original, as [`Details::place`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// A replacement of a diagnostic's span (its [`Location::bytes`]) by `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub replacement: String,
    /// What the fix does, in a few words.
    pub description: String,
}

impl Diagnostic {
    /// A diagnostic of `severity` with `code` and `message`, not tied to a file.
    pub fn new(code: &'static str, severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity,
            path: None,
            location: None,
            message: message.into(),
            help: None,
            details: None,
        }
    }

    /// A warning with `code` and `message`.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, Severity::Warning, message)
    }

    /// An error-level finding with `code` and `message`.
    pub fn error(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, Severity::Error, message)
    }

    /// A note with `code` and `message`.
    pub fn note(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, Severity::Note, message)
    }

    /// The same, about the file `path`.
    pub fn at_path(mut self, path: impl Into<PathBuf>) -> Diagnostic {
        self.path = Some(path.into());
        self
    }

    /// The same, at `location` in its file.
    pub fn at(mut self, location: Location) -> Diagnostic {
        self.location = Some(location);
        self
    }

    /// The same, with a suggestion.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// The same, with a lint finding's details.
    pub fn with_details(mut self, details: Details) -> Diagnostic {
        self.details = Some(Box::new(details));
        self
    }

    /// `path:line:column` (or `path`, or nothing) for one-line messages.
    pub fn place(&self) -> Option<String> {
        let path = self.path.as_deref().map(Path::display);
        match (path, &self.location) {
            (Some(p), Some(l)) => Some(format!("{p}:{}:{}", l.line, l.column)),
            (Some(p), None) => Some(p.to_string()),
            (None, Some(l)) => Some(format!("{}:{}", l.line, l.column)),
            (None, None) => None,
        }
    }
}

impl fmt::Display for Diagnostic {
    /// `path:line:column: message [code]`, on one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(place) = self.place() {
            write!(f, "{place}: ")?;
        }
        write!(f, "{} [{}]", self.message, self.code)
    }
}

/// The highest severity among `diagnostics` (`None` for none).
pub fn worst(diagnostics: &[Diagnostic]) -> Option<Severity> {
    diagnostics.iter().map(|d| d.severity).max()
}

/// The output formats for diagnostics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Sarif,
}

#[cfg(test)]
pub(crate) fn samples() -> Vec<Diagnostic> {
    vec![
        Diagnostic::warning(
            "lang/contradicted",
            "declared as fr but the text looks like en",
        )
        .at_path("doc.txt")
        .with_help("give the right language with --lang"),
        Diagnostic::error(
            "termbase/duplicate-id",
            "concept id \"c1\" is defined twice",
        )
        .at_path("a.tbx")
        .at(Location {
            line: 2,
            column: 3,
            end_line: 2,
            end_column: 7,
            bytes: Some(8..12),
        }),
        Diagnostic::note("align/summary", "nothing in particular"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_display_names_place_and_code() {
        let d = samples();
        assert_eq!(
            d[0].to_string(),
            "doc.txt: declared as fr but the text looks like en [lang/contradicted]"
        );
        assert_eq!(
            d[1].to_string(),
            "a.tbx:2:3: concept id \"c1\" is defined twice [termbase/duplicate-id]"
        );
        assert_eq!(d[2].to_string(), "nothing in particular [align/summary]");
        assert_eq!(worst(&d), Some(Severity::Error));
        assert_eq!(worst(&d[2..]), Some(Severity::Note));
        assert_eq!(worst(&[]), None);
    }
}

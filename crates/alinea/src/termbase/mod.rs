//! The termbase: a concept-oriented model (as in TBX), its formats and lookup.
//!
//! - [`model`]: concepts, terms and their picklists.
//! - formats, read and written (in `formats/`, one module each): the glossary source (TOML),
//!   TBX v3 TBX-Basic and legacy TBX v2 (`martif`), CSV/TSV and JSON; [`read_file`] and
//!   [`write_file`] pick one by extension ([`Format::from_path`]).
//! - [`index`]: the lookup index (exact, normalised, stemmed, root, fuzzy, prefix); its keys
//!   and string arenas are in `index/keys.rs`, its trigram rows and edit distance in
//!   `index/grams.rs`.
//! - [`load`]: the termbase of a command: given files merged, or the default glossary.
//! - [`answer`]: one lookup's hits with their concepts and concordance, as front ends return it.
//! - [`concordance`]: the term in context, from aligned translation units.
//! - [`normalize`]: the folding and stemming lookup relies on.
//! - [`annotate`]: the terms of a termbase found in running text ([`TermMatcher`]).

pub mod annotate;
pub mod answer;
pub mod concordance;
mod formats;
pub mod index;
pub mod load;
pub mod model;
pub mod normalize;
mod validate;

use std::path::Path;

pub use annotate::{TermMatch, TermMatcher};
pub use formats::{not_carried, Format, NOT_CARRIED, TBX_IGNORED};
pub use index::{Hit, Index, MatchClass, Query};
pub use load::{load, Loaded};
pub use model::{
    Concept, Gender, LangInfo, Link, Pos, Stats, Status, Term, TermType, Termbase, Transaction,
};
pub use validate::{parse_lang, Checked, DANGLING_EXPANSION, DANGLING_LINK};

use crate::{Error, Result};

/// Where each concept and term was read from, for error messages.
#[derive(Clone, Debug, Default)]
pub(crate) struct Positions {
    /// One entry per concept, in order: where the concept and each of its terms start.
    pub concepts: Vec<ConceptPos>,
    /// Whether places are byte offsets (`(offset, 0)`, turned into line and column only for
    /// an error) rather than (line, column).
    pub byte_offsets: bool,
    /// The lines of the text, indexed on the first place resolved (so that a termbase with
    /// thousands of warnings is not scanned from its start for each).
    pub line_starts: std::cell::OnceCell<Vec<usize>>,
}

impl Positions {
    /// (line, column) of a place recorded in `text` (the same text on every call).
    pub fn resolve(&self, text: &str, place: (usize, usize)) -> (usize, usize) {
        if self.byte_offsets {
            let starts = self
                .line_starts
                .get_or_init(|| crate::input::lines::line_starts(text));
            crate::input::lines::position_in(text, starts, place.0)
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
    let (mut tb, pos, mut warnings) = formats::read(text, format, path)?;
    for c in &mut tb.concepts {
        c.canonicalize();
    }
    warnings.extend(validate::validate(&tb, path, &pos, text)?);
    Ok(Checked {
        termbase: tb,
        warnings,
    })
}

/// Validates a termbase made in memory (an edit, not a file): the checks of [`read_str`],
/// with errors and warnings naming `name` and the concept, without a position.
pub fn check(tb: &Termbase, name: &Path) -> Result<Vec<crate::diag::Diagnostic>> {
    validate::validate(tb, name, &Positions::default(), "")
}

/// Reads and validates a termbase file; the format comes from the extension (and, for TBX,
/// from the root element).
///
/// `-` reads standard input, whose format is told by its content ([`Format::from_content`]).
pub fn read_file(path: &Path) -> Result<Checked> {
    if crate::input::is_stdin(path) {
        let input = crate::input::read_text(path)?;
        let format = Format::from_content(&input.text).ok_or_else(|| Error::Input {
            path: input.path.clone(),
            message: "not a termbase alinea can tell the format of (TBX, JSON, the TOML \
                      glossary source, or CSV/TSV with a header of language codes)"
                .into(),
        })?;
        return read_str(&input.text, format, &input.path);
    }
    let format = Format::from_path(path, None)?;
    let input = crate::input::read_text(path)?;
    read_str(&input.text, format, &input.path)
}

/// The termbase in `format`, as text.
pub fn to_string(tb: &Termbase, format: Format) -> Result<String> {
    formats::write(tb, format)
}

/// Writes the termbase to `path` in `format`, atomically.
pub fn write_file(path: &Path, tb: &Termbase, format: Format) -> Result<()> {
    let text = to_string(tb, format)?;
    crate::io::write_atomic(path, text.as_bytes())
}

//! TBX, read and written: v3 TBX-Basic (ISO 30042:2019, DCA style: `tbx`, `conceptEntry`,
//! `langSec`, `termSec`) and legacy v2 (`martif`, `termEntry`, `langSet`, `tig`/`ntig`), as
//! MultiTerm, memoQ and OmegaT exchange it. The root element decides the version on reading.
//!
//! Reading never drops content without a word: an element alinea does not read (an unknown
//! element, a `termNote`, `descrip` or `admin` of an unknown type, a second definition for
//! one language) is a [`IGNORED`] warning with its line and column, one per kind with a count.

mod read;
#[cfg(test)]
mod tests;
mod write;

pub(crate) use read::read;
pub(crate) use write::write;

/// TBX v3 namespace.
pub const TBX_NS: &str = "urn:iso:std:iso:30042:ed-2";

/// Code of the warning for TBX content alinea does not read (an unknown element, or a known
/// one of an unknown type), one per kind with its count and its first place.
pub const IGNORED: &str = "termbase/tbx-ignored";

/// A term's process status (TBX `<termNote type="processStatus">`: `unprocessed`,
/// `provisionallyProcessed`, `finalized`) is held as a term note `processStatus: VALUE …`;
/// the writer gives it back as the data category, the reader reads it into that note.
pub const PROCESS_STATUS: &str = "processStatus: ";

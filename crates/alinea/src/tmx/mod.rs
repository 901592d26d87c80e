//! TMX 1.4b: writing translation memories from aligned documents, and reading them back.
//!
//! - [`write`](mod@write): an [`crate::align::Aligned`] → TMX bytes (header, one `<tu>` per unit).
//! - [`read`]: a streaming reader (UTF-8, UTF-16 with BOM) → [`Tu`]s.
//! - [`inline`]: the inline elements of a segment (`<bpt>`/`<ept>`, `<it>`, `<ph>`) written
//!   from a unit's tags, paired across languages by `x`.

pub mod inline;
pub mod read;
pub mod write;

use serde::Serialize;

pub use read::{read_bytes, read_path, ReadOptions, TuReader};
pub use write::{write, WriteOptions, Written};

/// A translation unit as read from (or written to) a TMX file.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Tu {
    /// The `tuid` attribute, when present.
    pub id: Option<String>,
    /// `<prop type="…">value</prop>` pairs, in file order.
    pub props: Vec<(String, String)>,
    /// One variant per language, in file order.
    pub variants: Vec<Tuv>,
}

/// One language variant of a translation unit.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Tuv {
    /// The `xml:lang` (or legacy `lang`) tag as written, e.g. `fr-FR`.
    pub lang: String,
    /// The segment's text (inline codes dropped unless asked to keep them).
    pub text: String,
}

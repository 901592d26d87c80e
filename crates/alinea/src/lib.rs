//! alinea — align French, English and Arabic institutional texts, export translation memories,
//! and build, query and check a trilingual termbase.
//!
//! The library returns data and never prints; the `alinea` binary is a thin layer over it.
//!
//! - [`text`]: normalisation for matching, language rules and detection, sentence segmentation.
//! - [`input`]: reading any input: decoding, size limit, standard input, line and column,
//!   the safe XML reader setup.
//! - [`doc`]: documents (markup residue, paragraph units with spans and kinds).
//! - [`align`]: paragraph and sentence alignment (pairwise and pivot-merged multi-way), the
//!   [`align::Aligned`] model and the pipeline from files ([`align::align_files`]).
//! - [`tmx`]: TMX 1.4b writing and reading.
//! - [`export`]: rendering alignments: the output format (TMX, beads, TSV, JSON, HTML review
//!   page), chosen once, and [`export::render`].
//! - [`termbase`]: the concept model, its formats (TBX, CSV/TSV, JSON, glossary source) and lookup.
//! - [`io`]: atomic file output.
//! - [`batch`]: corpus-scale batches: document sets, shards, the resumable state, summaries.
//! - [`mine`]: term mining: candidates, termhood, equivalents, merge with the glossary.
//! - [`lint`]: checking drafts against a termbase and their source (terms, numbers,
//!   structure, typography).

pub mod align;
pub mod batch;
pub mod diag;
pub mod doc;
pub mod error;
pub mod export;
pub mod input;
pub mod io;
pub mod lang;
pub mod lint;
pub mod mine;
pub mod termbase;
pub mod text;
pub mod tmx;

pub use error::{Error, Result};
pub use lang::Lang;

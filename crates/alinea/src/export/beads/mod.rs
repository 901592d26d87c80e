//! The beads format: one bead per line, 0-based unit indices of each document, `[]` for an
//! empty side, in document order.
//!
//! Two forms, one line syntax:
//!
//! - [`write`]: what `--format beads` writes, the lines alone (`[3, 4]:[3]:0.8125`, two
//!   documents), the format alignment scorers read (`../shared/bench/score.py` reads every
//!   non-empty line as a bead, so this form has no header). Page furniture a bead holds
//!   beside other units (a page number between the two halves of a sentence) is written as
//!   a bead of its own after it: `[92]:[94, 96]:0.9512`, then `[]:[95]:0.9000`.
//! - [`write_corrected`]: a corrected alignment, as the review page downloads it and
//!   `alinea align --beads` reads it ([`read`]): a header naming the documents and the
//!   SHA-256 of each side's units ([`units_hash`]), then the beads (two or three sides), each
//!   with the reviewer's marks (`:reviewed`, `:wrong`):
//!
//! ```text
//! # alinea beads 1
//! # document ipu-146
//! # unit paragraph
//! # side fr 3 sha256:5d41… ipu-146.fr.txt
//! # side en 2 sha256:7b50… ipu-146.en.txt
//! [0]:[0]:0.9000
//! [1]:[1]:1.0000:reviewed
//! [2]:[]:0.2000:wrong
//! ```
//!
//! Other lines starting with `#` are comments; blank lines are ignored. Every unit of every
//! side is in exactly one bead, in order ([`read`] refuses a file that skips or repeats one).

mod read;
#[cfg(test)]
mod tests;

use std::fmt::Write;

use sha2::{Digest, Sha256};

use crate::align::multi::MultiBead;
use crate::align::reviewed::Mark;
use crate::align::Aligned;
use crate::{Error, Result};

pub use read::{read, Corrected, Header, ReadError, ReadErrorKind, SideHeader};

/// The first line of a corrected beads file.
pub const MAGIC: &str = "# alinea beads 1";

/// Write the beads of a two-document alignment (the scorers' form: lines only).
pub fn write(a: &Aligned) -> Result<String> {
    if a.sides.len() != 2 {
        return Err(Error::Usage(format!(
            "the beads format holds two documents, not {} (use tmx, tsv, json or html)",
            a.sides.len()
        )));
    }
    let mut out = String::new();
    let units: Vec<&[String]> = a.sides.iter().map(|s| s.units.as_slice()).collect();
    for b in &a.beads {
        // Page furniture inside a bead, as the pairwise search gives it: a bead of its own.
        for b in crate::align::furniture::split_out(b, &units) {
            out.push_str(&bead_line(&b, Mark::default()));
            out.push('\n');
        }
    }
    Ok(out)
}

/// The SHA-256 of a side's units, as the header writes it (`sha256:` and 64 hex digits): each
/// unit's length in bytes (8 bytes, little-endian), then its UTF-8 bytes.
pub fn units_hash(units: &[String]) -> String {
    let mut h = Sha256::new();
    for u in units {
        h.update((u.len() as u64).to_le_bytes());
        h.update(u.as_bytes());
    }
    let digest = h.finalize();
    let mut out = String::from("sha256:");
    for b in digest {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// The header of a corrected beads file for `a` (each line ends with a newline). File names
/// are written with line breaks turned into spaces.
pub fn header(a: &Aligned) -> String {
    let mut out = String::new();
    let one_line = |s: &str| s.replace(['\n', '\r'], " ");
    let _ = writeln!(out, "{MAGIC}");
    let _ = writeln!(out, "# document {}", one_line(&a.document));
    let _ = writeln!(out, "# unit {}", a.segtype.as_str());
    for s in &a.sides {
        let _ = writeln!(
            out,
            "# side {} {} {} {}",
            s.lang.code(),
            s.units.len(),
            units_hash(&s.units),
            one_line(&s.name)
        );
    }
    out
}

/// A bead's line without its line break: `[3, 4]:[3]:0.8125`, then `:reviewed` and `:wrong`
/// when marked so.
pub fn bead_line(b: &MultiBead, mark: Mark) -> String {
    let mut out = String::new();
    for side in &b.sides {
        out.push('[');
        for (k, i) in side.iter().enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "{i}");
        }
        out.push_str("]:");
    }
    let _ = write!(out, "{:.4}", b.score);
    if mark.reviewed {
        out.push_str(":reviewed");
    }
    if mark.wrong {
        out.push_str(":wrong");
    }
    out
}

/// Write a corrected alignment: [`header`], then one line per bead with its mark (`marks[i]`
/// for bead `i`; missing marks are none).
pub fn write_corrected(a: &Aligned, marks: &[Mark]) -> String {
    let mut out = header(a);
    for (i, b) in a.beads.iter().enumerate() {
        out.push_str(&bead_line(b, marks.get(i).copied().unwrap_or_default()));
        out.push('\n');
    }
    out
}

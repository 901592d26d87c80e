//! Alignment: which units of one document correspond to which units of its translation.
//!
//! The result of a pairwise alignment is a list of [`Bead`]s in document order, covering every
//! unit of both sides exactly once (a side may be empty: an omission or an addition).

pub mod multi;

use serde::Serialize;

use crate::Lang;

/// A group of source units aligned with a group of target units.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bead {
    /// 0-based source unit indices, consecutive and ascending (empty for an addition).
    pub src: Vec<usize>,
    /// 0-based target unit indices, consecutive and ascending (empty for an omission).
    pub tgt: Vec<usize>,
    /// Confidence in [0, 1].
    pub score: f64,
}

/// The alignment of two documents.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PairAlignment {
    pub beads: Vec<Bead>,
}

/// Settings of the aligner.
#[derive(Clone, Debug, Default)]
pub struct Options {}

/// Align `src` (in `src_lang`) with `tgt` (in `tgt_lang`); the texts are the units' plain text.
pub fn align_pair(
    src: &[&str],
    src_lang: &Lang,
    tgt: &[&str],
    tgt_lang: &Lang,
    opts: &Options,
) -> PairAlignment {
    let _ = (src_lang, tgt_lang, opts);
    let n = src.len().min(tgt.len());
    let mut beads: Vec<Bead> = (0..n)
        .map(|i| Bead {
            src: vec![i],
            tgt: vec![i],
            score: 0.5,
        })
        .collect();
    beads.extend((n..src.len()).map(|i| Bead {
        src: vec![i],
        tgt: vec![],
        score: 0.0,
    }));
    beads.extend((n..tgt.len()).map(|j| Bead {
        src: vec![],
        tgt: vec![j],
        score: 0.0,
    }));
    PairAlignment { beads }
}

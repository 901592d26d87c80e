//! Text: normalisation for matching and sentence segmentation, with per-language rules.

pub mod normalize;
pub mod sentences;

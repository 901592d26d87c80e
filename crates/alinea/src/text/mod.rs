//! Text: normalisation for matching, markup residue, language detection and sentence
//! segmentation, with per-language rules.

pub mod lang;
pub mod markup;
pub mod normalize;
pub mod sentences;

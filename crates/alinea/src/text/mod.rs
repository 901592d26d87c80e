//! Text: character classes, folding, normalisation for matching, markup residue, language
//! detection and sentence segmentation, with per-language rules.

pub mod chars;
pub mod fold;
pub mod lang;
pub mod markup;
pub mod normalize;
pub mod sentences;

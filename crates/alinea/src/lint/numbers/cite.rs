//! A resolution the translation cites by its number where the source names it without one
//! (`cette résolution` / `resolution 1540 (2004)`, `القرار 1540 (2004)`): the translator made
//! the reference explicit, and its number and year are not told as added. A citation the
//! translation drops is still told (the source's numbers are left over), and nothing is
//! excused while the source has a number left over that the cited one could be a change of.

use super::words::{self, Keys};
use super::{Kind, Token};
use crate::Lang;

/// The [`Kind::Word`] of a resolution named without a number (`cette résolution`).
pub(super) const REF: &str = "ref:resolution";
/// The [`Kind::Word`] of the word for a resolution followed by its number.
pub(super) const CITE: &str = "cite:resolution";

/// Whether a number or a document symbol (`A/RES/74/247`) follows byte `end` of `text`:
/// after spaces, and `n°`, `no` or `No.`.
fn number_follows(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start();
    let rest = ["n°", "no.", "no", "No.", "No", "N°"]
        .iter()
        .find_map(|m| rest.strip_prefix(m))
        .map_or(rest, str::trim_start);
    let symbol = rest.starts_with(|c: char| c.is_ascii_uppercase())
        && rest.chars().take(4).any(|c| c == '/');
    symbol
        || rest
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c))
}

/// The [`REF`] or [`CITE`] word token of the word at `start..end` of `text`, whose keys are
/// `keys`, if it is the word for a resolution. Arabic gives citations only (its `قرار` is
/// also a decision).
pub(super) fn reference(
    text: &str,
    start: usize,
    end: usize,
    keys: &Keys,
    lang: &Lang,
) -> Option<Token> {
    if !words::resolution(keys) {
        return None;
    }
    let value = if number_follows(text, end) {
        CITE
    } else if lang == &Lang::Ar {
        return None;
    } else {
        REF
    };
    Some(Token {
        span: start..end,
        kind: Kind::Word,
        value: value.into(),
        alt: None,
    })
}

/// Whether `t` is the number right after the citation word `cite`.
fn number_of(cite: &Token, t: &Token) -> bool {
    t.kind == Kind::Number && (cite.span.end..=cite.span.end + 6).contains(&t.span.start)
}

/// Takes out of `t_left` (the target's numbers left over) the number and the year of each
/// citation of the target ([`CITE`]), as many as the source names resolutions without a
/// number ([`REF`]), when the source has no number left over (`s_left`). Where the source
/// cites resolutions by number too, `cette résolution` is one of them: a citation of another
/// number is not excused (`paragraphs 9 and 11 of resolution 1817 (2008) … of resolution 1807
/// (2008)` for « sa résolution 1807 (2008) … ladite résolution »).
pub(super) fn made_explicit(
    source: &[Token],
    target: &[Token],
    t_left: &mut Vec<&Token>,
    s_left: &[&Token],
) {
    if s_left.iter().any(|t| t.kind == Kind::Number) {
        return;
    }
    let refs = source
        .iter()
        .filter(|t| t.kind == Kind::Word && t.value == REF)
        .count();
    let source_cited: Vec<&str> = source
        .iter()
        .filter(|t| t.kind == Kind::Word && t.value == CITE)
        .filter_map(|c| source.iter().find(|t| number_of(c, t)))
        .map(|t| t.value.as_str())
        .collect();
    let cites = target
        .iter()
        .filter(|t| t.kind == Kind::Word && t.value == CITE);
    for cite in cites.take(refs) {
        let Some(n) = t_left.iter().position(|t| number_of(cite, t)) else {
            continue;
        };
        if !source_cited.is_empty() && !source_cited.contains(&t_left[n].value.as_str()) {
            continue;
        }
        let end = t_left.remove(n).span.end;
        if let Some(y) = t_left
            .iter()
            .position(|t| super::compare::year_after(t, end))
        {
            t_left.remove(y);
        }
    }
}

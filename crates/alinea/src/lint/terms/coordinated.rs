//! A source term whose complement is coordinated with another is not the term.
//!
//! « maintien de la paix » is peacekeeping; « le maintien de la paix et de la sécurité
//! internationales » is the upkeep of two things, peace and security, and translations say so
//! (`the maintenance of international peace and security`, `صون السلم والأمن الدوليين`): the
//! complement of the term's preposition is coordinated with another (the preposition said again
//! after `et`, as French does: « renforcement des capacités et des institutions »), and the
//! phrase is no longer the term. Two whole terms coordinated (« maintien de la paix et
//! consolidation de la paix ») are left alone: each keeps its equivalent.

use std::ops::Range;

use crate::termbase::normalize::words;
use crate::Lang;

/// The word for `and` and the prepositions that take a complement, by language, each with
/// its family (the preposition itself, or with the article: French `de`, `d'`, `du`, `des`
/// are one; `à`, `au`, `aux` another).
fn prepositions(lang: &Lang) -> Option<(&'static str, &'static [(&'static str, u8)])> {
    match lang {
        Lang::Fr => Some((
            "et",
            &[
                ("de", 0),
                ("d", 0),
                ("du", 0),
                ("des", 0),
                ("à", 1),
                ("au", 1),
                ("aux", 1),
            ],
        )),
        // Not `to` nor `for`, which an infinitive or a purpose follows as well.
        Lang::En => Some(("and", &[("of", 0)])),
        _ => None,
    }
}

/// The articles that may stand between a preposition and the term.
const ARTICLES: &[&str] = &["le", "la", "l", "les", "the"];

/// Whether the term `term`, found at `span` of `text` (in `lang`), has a prepositional
/// complement that the text coordinates with another right after it: `and` (`et`), then the
/// preposition of the term's last complement again (« maintien de la paix et de la
/// sécurité »). When the word before the term (its article aside) is a preposition of the same
/// family, the coordination may be that of the term itself (« la protection des droits de
/// l'homme et des libertés fondamentales », « l'adoption de l'ordre du jour et de
/// l'organisation des travaux »): left alone.
pub(super) fn coordinated(term: &str, text: &str, span: &Range<usize>, lang: &Lang) -> bool {
    let Some((and, preps)) = prepositions(lang) else {
        return false;
    };
    let family = |w: &str| {
        let w = w.to_lowercase();
        preps.iter().find(|(p, _)| *p == w).map(|&(_, f)| f)
    };
    // The preposition of the term's last complement (`des` in « à l'égard des femmes »).
    let Some(inner) = words(term)
        .into_iter()
        .skip(1)
        .filter_map(|r| family(&term[r]))
        .next_back()
    else {
        return false;
    };
    if span.start > span.end
        || span.end > text.len()
        || !text.is_char_boundary(span.start)
        || !text.is_char_boundary(span.end)
    {
        return false;
    }
    let rest = &text[span.end..];
    // Nothing but spaces (or a comma) between the term and `et`.
    let between = rest.len()
        - rest
            .trim_start_matches([' ', '\u{a0}', '\u{202f}', ','])
            .len();
    let next = words(rest);
    let (Some(a), Some(p)) = (next.first(), next.get(1)) else {
        return false;
    };
    let Some(again) = family(&rest[p.clone()]) else {
        return false;
    };
    // A noun phrase follows: French says its article, or contracts it with the preposition
    // (« et de la sécurité », « et des institutions »; not « et de renforcer », an infinitive).
    let noun_phrase = match lang {
        Lang::Fr => {
            let prep = rest[p.clone()].to_lowercase();
            matches!(prep.as_str(), "du" | "des" | "au" | "aux")
                || next
                    .get(2)
                    .is_some_and(|r| ARTICLES.contains(&rest[r.clone()].to_lowercase().as_str()))
        }
        _ => true,
    };
    // The preposition before the term, its article aside (« de l'égalité des sexes »).
    let before = &text[..span.start];
    let outer = words(before)
        .into_iter()
        .rev()
        .map(|r| before[r].to_lowercase())
        .find(|w| !ARTICLES.contains(&w.as_str()))
        .and_then(|w| family(&w));
    a.start == between
        && rest[a.clone()].to_lowercase() == and
        && again == inner
        && noun_phrase
        && outer != Some(again)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `term`, found in `text` (its first occurrence), is coordinated there.
    fn check(term: &str, text: &str, lang: &Lang) -> bool {
        let at = text.find(term).expect("the term in the text");
        coordinated(term, text, &(at..at + term.len()), lang)
    }

    #[test]
    fn a_complement_coordinated_with_another() {
        let fr = &Lang::Fr;
        assert!(check(
            "maintien de la paix",
            "contribuer au maintien de la paix et de la sécurité, pourvu que",
            fr
        ));
        assert!(check(
            "renforcement des capacités",
            "le renforcement des capacités et des institutions",
            fr
        ));
        assert!(check(
            "accès à la justice",
            "l'accès à la justice et aux services",
            fr
        ));
        // The word before the term is a preposition of another family.
        assert!(check(
            "maintien de la paix",
            "fins du respect, au maintien de la paix et de la sécurité",
            fr
        ));
        assert!(check(
            "maintenance of peace",
            "the maintenance of peace and of security",
            &Lang::En
        ));
        assert!(!check(
            "access to justice",
            "access to justice and to health care",
            &Lang::En
        ));
    }

    #[test]
    fn the_term_itself_is_left_alone() {
        let fr = &Lang::Fr;
        // Two terms coordinated.
        assert!(!check(
            "maintien de la paix",
            "le maintien de la paix et la consolidation de la paix",
            fr
        ));
        assert!(!check(
            "maintien de la paix",
            "les opérations de maintien de la paix et les missions",
            fr
        ));
        // The term may be the complement coordinated: the preposition before it is said again.
        assert!(!check(
            "droits de l'homme",
            "la protection des droits de l'homme et des libertés fondamentales",
            fr
        ));
        assert!(!check(
            "maintien de la paix",
            "l'objectif du maintien de la paix et de la sécurité",
            fr
        ));
        assert!(!check(
            "ordre du jour",
            "Adoption de l'ordre du jour et de l'organisation des travaux",
            fr
        ));
        // A preposition of another family than the term's last after `et` (« aider à
        // prévenir la violence à l'égard des femmes et à améliorer … »).
        assert!(!check(
            "violence à l'égard des femmes",
            "aider à prévenir la violence à l'égard des femmes et à améliorer l'accès",
            fr
        ));
        assert!(!check(
            "maintien de la paix",
            "le maintien de la paix et à la sécurité",
            fr
        ));
        // Infinitives coordinated (« de promouvoir l'égalité des sexes et de renforcer … »).
        assert!(!check(
            "égalité des sexes",
            "de promouvoir l'égalité des sexes et de renforcer le pouvoir",
            fr
        ));
        // Nothing after it, or something else between.
        assert!(!check("maintien de la paix", "le maintien de la paix", fr));
        assert!(!check(
            "maintien de la paix",
            "le maintien de la paix (et de la sécurité)",
            fr
        ));
        // A term without a complement.
        assert!(!check(
            "armes nucléaires",
            "des armes nucléaires et de leurs vecteurs",
            fr
        ));
        // A language without the rule.
        assert!(!check("حفظ السلام", "حفظ السلام والأمن", &Lang::Ar));
    }
}

//! The weaker forms of a term in a translation, which render another word of the source as
//! often as the term itself: the term inside a hyphenated compound (`non-nuclear-weapon
//! States`), an Arabic relative adjective made from it (`الرعاية الصحية` for « services de
//! santé »), and an Arabic two-word term's feminine twin, which is another noun altogether
//! (`الأمانة العامة`, the Secretariat, for `الأمين العام`, the Secretary-General).

use crate::termbase::normalize::{lookup_key, words};
use crate::Lang;

/// Whether an Arabic word ends with `ة` (or with `ت` before a possessive pronoun,
/// `أمانتها`): the feminine form of a noun or adjective. A broken plural of the pattern
/// أفعلة (`الأفرقة`, the plural of `فريق`) ends so too and is no feminine form.
pub(super) fn feminine(w: &str) -> bool {
    let fem = w.ends_with('ة')
        || ["هما", "هم", "ها", "هن", "كم", "نا"]
            .iter()
            .any(|p| w.strip_suffix(p).is_some_and(|n| n.ends_with('ت')));
    fem && !plural_af3ila(w)
}

/// Whether an Arabic word (article and clitics aside) has the shape of the broken plural
/// أفعلة: alif, three letters none of them a long vowel, ة (folded to ه in the key).
fn plural_af3ila(w: &str) -> bool {
    let k: Vec<char> = lookup_key(w).chars().collect();
    k.len() == 5
        && k[0] == 'ا'
        && k[4] == 'ه'
        && k[1..4].iter().all(|c| !matches!(c, 'ا' | 'و' | 'ي' | 'ى'))
}

/// Whether `found`, which the Arabic stem or skeleton gives as the term `term` (two words
/// or more, none of them feminine), is its feminine twin instead: every word made feminine,
/// the head and its adjective (`الأمانة العامة`, the Secretariat, for `الأمين العام`, the
/// Secretary-General; `الرئاسة` for `الرئيس` is one word and left alone). A broken plural
/// of a thing takes a feminine adjective, not a feminine head (`المشاريع الدولية`); a plural
/// of persons in `ة` (`القضاة`) takes a plural adjective.
pub(super) fn feminine_twin(term: &str, found: &str) -> bool {
    let f = words(found);
    has_feminine_twin(term)
        && words(term).len() == f.len()
        && f.iter().all(|r| feminine(&found[r.clone()]))
}

/// Whether the Arabic term `term` may have a feminine twin ([`feminine_twin`]): two words or
/// more, none of them feminine.
pub(super) fn has_feminine_twin(term: &str) -> bool {
    let t = words(term);
    t.len() >= 2 && t.iter().all(|r| !feminine(&term[r.clone()]))
}

/// Whether the term `term` found at `span` of `text` stands inside a hyphenated compound:
/// a hyphen joins it to the word before or after it, or stands between words the term
/// writes apart (`non-nuclear-weapon States`, `nuclear-weapon-free zone` for nuclear
/// weapons; not `Secretary-General`, which the term writes so). A term of one word stays
/// itself in a compound (`anti-corruption` renders « lutte contre la corruption »).
pub(super) fn in_compound(text: &str, span: &std::ops::Range<usize>, term: &str) -> bool {
    let hyphen = |c: char| matches!(c, '-' | '\u{2010}' | '\u{2011}');
    if !term.contains(char::is_whitespace) {
        return false;
    }
    text[..span.start].chars().next_back().is_some_and(hyphen)
        || text[span.end..].chars().next().is_some_and(hyphen)
        || text[span.clone()].chars().filter(|&c| hyphen(c)).count()
            > term.chars().filter(|&c| hyphen(c)).count()
}

/// Whether the Arabic word `found`, which the stem or root gives as the one-word term
/// `term`, is the relative adjective made from it (its nisba: `الصحية`, `الصحي` for
/// `الصحة`; `الإرهابية` for `الإرهاب`), which renders « de santé » (`الرعاية الصحية`) and
/// not « la santé ».
pub(super) fn nisba_of(term: &str, found: &str) -> bool {
    if term.contains(char::is_whitespace) || found.contains(char::is_whitespace) {
        return false;
    }
    let t = lookup_key(term);
    let f = lookup_key(found);
    let base = t.strip_suffix('ه').unwrap_or(&t);
    base.chars().count() >= 2
        && f.strip_prefix(base)
            .is_some_and(|rest| rest == "ي" || rest == "يه")
}

/// Whether a term found at `span` of `text` is a weaker form of it, which renders another
/// word of the source as often as the term: inside a hyphenated compound ([`in_compound`])
/// or, in Arabic, its relative adjective ([`nisba_of`]).
pub(super) fn weak_form(
    text: &str,
    span: &std::ops::Range<usize>,
    term: &str,
    lang: &Lang,
) -> bool {
    match lang {
        Lang::Ar => nisba_of(term, &text[span.clone()]),
        _ => in_compound(text, span, term),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feminine_twins_are_other_nouns() {
        assert!(feminine_twin("الأمين العام", "الأمانة العامة"));
        assert!(feminine_twin("الأمين العام", "وللأمانة العامة"));
        assert!(!feminine_twin("الأمين العام", "الأمين العام"));
        // A broken plural of a thing: its adjective alone is feminine.
        assert!(!feminine_twin("المشروع الدولي", "المشاريع الدولية"));
        // A term with a feminine word is not asked.
        assert!(!feminine_twin("الجمعية العامة", "الجمعية العامة"));
        assert!(!feminine_twin("الأمين", "الأمانة"));
        // The plural أفعلة of a two-word term.
        assert!(!feminine_twin("فريق عامل", "الأفرقة العاملة"));
        assert!(!feminine_twin("فريق عامل", "وللأفرقة العاملة"));
    }

    #[test]
    fn terms_inside_hyphenated_compounds() {
        let t = "to non-nuclear-weapon States and nuclear weapons";
        let at = |w: &str| t.find(w).map(|i| i..i + w.len()).unwrap();
        assert!(in_compound(t, &at("nuclear-weapon"), "nuclear weapons"));
        assert!(!in_compound(t, &at("nuclear weapons"), "nuclear weapons"));
        let t = "the Secretary-General and a nuclear-weapon-free zone";
        assert!(!in_compound(t, &(4..21), "Secretary-General"));
        assert!(in_compound(t, &(28..42), "nuclear weapons"));
        assert!(!in_compound("anti-corruption", &(5..15), "corruption"));
    }

    #[test]
    fn relative_adjectives() {
        assert!(nisba_of("الصحة", "الصحية"));
        assert!(nisba_of("الصحة", "الصحي"));
        assert!(nisba_of("الإرهاب", "الإرهابية"));
        assert!(!nisba_of("الصحة", "الصحة"));
        assert!(!nisba_of("الصحة", "صحة"));
        assert!(!nisba_of("الأسلحة النووية", "السلاح النووي"));
    }
}

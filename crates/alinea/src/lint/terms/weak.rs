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
/// word of the source as often as the term: inside a hyphenated compound ([`in_compound`]),
/// a plural term's head in the singular ([`singular_of`]) or, in Arabic, its relative
/// adjective ([`nisba_of`]).
pub(super) fn weak_form(
    text: &str,
    span: &std::ops::Range<usize>,
    term: &str,
    lang: &Lang,
) -> bool {
    match lang {
        Lang::Ar => nisba_of(term, &text[span.clone()]),
        _ => in_compound(text, span, term) || singular_of(term, &text[span.clone()], lang),
    }
}

/// The byte range of the head word of `s`: the last word in English, the first in French
/// and Arabic.
fn head_of(s: &str, lang: &Lang) -> Option<std::ops::Range<usize>> {
    let ws = words(s);
    match lang {
        Lang::En => ws.last().cloned(),
        _ => ws.first().cloned(),
    }
}

/// Whether `found`, which the stemmer gives as the plural term `term`, has its head in the
/// singular (the last word in English, the first in French): `child` for children, `nuclear
/// weapon` for nuclear weapons, « enfant » for « enfants ». English writes a noun before
/// another in the singular (`child labour`, `refugee camps`), so the singular often renders
/// another word of the source.
pub(super) fn singular_of(term: &str, found: &str, lang: &Lang) -> bool {
    let head = |s: &str| head_of(s, lang).map(|r| s[r].to_lowercase());
    let (Some(t), Some(f)) = (head(term), head(found)) else {
        return false;
    };
    let plural = matches!(t.as_str(), "children" | "women" | "men") || t.ends_with('s');
    plural && t != f && !f.ends_with('s')
}

/// How many times `text` names the term `term` (two words or more) by its head after a
/// demonstrative, as a later mention does: « ces armes » for « armes nucléaires », `these
/// weapons` for nuclear weapons, `هذه الأسلحة` for `الأسلحة النووية`. The head is the first
/// word in French and Arabic, the last in English, in either number in English and French
/// (`this weapon`), in Arabic with a conjunction or preposition glued to the demonstrative
/// (`بهذه الأسلحة`), not followed by the term's next word (« ces armes nucléaires » is the
/// term itself, found as such). The word refers back to the term only when the nearest head
/// word before it is inside one of `mentions`, the byte ranges where `text` names the term
/// (not « des droits de l'homme et d'atteintes à ces droits » for « droit international »).
pub(super) fn demonstrative_mentions(
    term: &str,
    lang: &Lang,
    text: &str,
    mentions: &[std::ops::Range<usize>],
) -> usize {
    let parts: Vec<&str> = term.split_whitespace().collect();
    if parts.len() < 2 {
        return 0;
    }
    let demonstratives: &[&str] = match lang {
        Lang::Fr => &["ce", "cet", "cette", "ces"],
        Lang::En => &["this", "that", "these", "those"],
        Lang::Ar => &["هذا", "هذه", "ذلك", "تلك", "هؤلاء", "أولئك", "هذين", "هاتين"],
        _ => return 0,
    };
    let Some(head) = head_of(term, lang).map(|r| &term[r]) else {
        return 0;
    };
    // The word after a first-word head (« armes » of « armes nucléaires »).
    let next = (lang != &Lang::En).then(|| lookup_key(parts[1]));
    // French and English heads in either number: the key without a final s.
    let key = |w: &str| {
        let k = lookup_key(w);
        match lang {
            Lang::Ar => k,
            _ => k.strip_suffix('s').map(str::to_string).unwrap_or(k),
        }
    };
    let head = key(head);
    let ws = words(text);
    let is_head = |i: usize| key(&text[ws[i].clone()]) == head;
    let named = |j: usize| {
        mentions
            .iter()
            .any(|m| m.start <= ws[j].start && ws[j].end <= m.end)
    };
    let demonstrative = |i: usize| {
        let d = text[ws[i - 1].clone()].to_lowercase();
        // In Arabic with a conjunction or a preposition glued to it (`وبهذه`).
        let d = match lang {
            Lang::Ar => {
                let d = d.strip_prefix(['و', 'ف']).unwrap_or(&d);
                d.strip_prefix(['ب', 'ل', 'ك']).unwrap_or(d).to_string()
            }
            _ => d,
        };
        demonstratives.contains(&d.as_str())
            && next.as_ref().is_none_or(|n| {
                ws.get(i + 1)
                    .is_none_or(|r| &lookup_key(&text[r.clone()]) != n)
            })
    };
    // Each head word in order: a mention of the term, one by a demonstrative whose nearest
    // head word before is a mention (of either kind), or another noun's.
    let (mut count, mut last_refers) = (0, false);
    for i in (0..ws.len()).filter(|&i| is_head(i)) {
        if named(i) {
            last_refers = true;
        } else if i > 0 && demonstrative(i) && last_refers {
            count += 1;
        } else {
            last_refers = false;
        }
    }
    count
}

/// How many of `found` (byte ranges of `target` where a term stands in another number or
/// shape than its own: a stemmed or root match) render another word of `source` instead, by
/// the shipped word lists: a word outside the term's mentions there (`named`, byte ranges of
/// `source`) and not one of the term's own words, which translates both the form's head and
/// the word right before the form, the two being one compound (`نزع السلاح النووي` renders
/// « désarmement nucléaire », not the « armes nucléaires » of the same unit: the lists give
/// `نزع` and `السلاح` for « désarmement »). Each such source word accounts
/// for one form; the indexes in `found` of the forms accounted for.
pub(super) fn borrowed(
    (source, src_lang, term, named): (&str, &Lang, &str, &[std::ops::Range<usize>]),
    (target, lang): (&str, &Lang),
    found: &[std::ops::Range<usize>],
) -> Vec<usize> {
    if found.is_empty() {
        return Vec::new();
    }
    let own: Vec<String> = words(term)
        .into_iter()
        .map(|r| lookup_key(&term[r]))
        .collect();
    let others: Vec<&str> = words(source)
        .into_iter()
        .filter(|r| !named.iter().any(|m| m.start <= r.start && r.end <= m.end))
        .map(|r| &source[r])
        .filter(|w| w.chars().count() > 3 && !own.contains(&lookup_key(w)))
        .collect();
    if others.is_empty() {
        return Vec::new();
    }
    let mut used = vec![false; others.len()];
    let mut out = Vec::new();
    for (k, f) in found.iter().enumerate() {
        let form = &target[f.clone()];
        let Some(head) = head_of(form, lang).map(|r| &form[r]) else {
            continue;
        };
        // The word before the form translates the same source word too: the two are one
        // compound (`نزع السلاح` for « désarmement »).
        let Some(before) = words(&target[..f.start]).last().map(|r| &target[r.clone()]) else {
            continue;
        };
        let by = crate::align::lexicon::translated_all(src_lang, &others, lang, &[head, before]);
        if let Some(i) = (0..others.len()).find(|&i| by[i] && !used[i]) {
            used[i] = true;
            out.push(k);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_mentions_by_a_demonstrative_and_the_head() {
        let armes = "armes nucléaires";
        let weapons = "nuclear weapons";
        let asliha = "الأسلحة النووية";
        // (term, language, text, where the text names the term, how many later mentions)
        let cases = [
            (
                armes,
                Lang::Fr,
                "pour les États non dotés d'armes nucléaires contre la menace de ces armes",
                armes,
                1,
            ),
            (armes, Lang::Fr, "ces armes nucléaires", armes, 0),
            (
                armes,
                Lang::Fr,
                "l'arme nucléaire, cette arme et ces armes",
                "arme nucléaire",
                2,
            ),
            ("santé", Lang::Fr, "la santé, cette santé", "santé", 0),
            // The nearest head word before it is another noun's, or there is none.
            (
                "droit international",
                Lang::Fr,
                "violations du droit international, des droits de l'homme et de ces droits",
                "droit international",
                0,
            ),
            (armes, Lang::Fr, "ces armes", armes, 0),
            (
                weapons,
                Lang::En,
                "nuclear weapons: the threat of these weapons and of that weapon, not those arms",
                weapons,
                2,
            ),
            (
                weapons,
                Lang::En,
                "to non-nuclear-weapon States against the threat of these weapons",
                "nuclear-weapon",
                1,
            ),
            (
                asliha,
                Lang::Ar,
                "الأسلحة النووية: ضد التهديد بهذه الأسلحة وضد استخدام هذه الأسلحة",
                asliha,
                2,
            ),
            (asliha, Lang::Ar, "هذه الأسلحة النووية", asliha, 0),
        ];
        for (term, lang, text, named, n) in cases {
            let mentions: Vec<_> = text
                .match_indices(named)
                .map(|(i, m)| i..i + m.len())
                .collect();
            assert_eq!(
                demonstrative_mentions(term, &lang, text, &mentions),
                n,
                "{text}"
            );
        }
    }

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
    fn heads_in_the_singular() {
        assert!(singular_of("children", "child", &Lang::En));
        assert!(singular_of("nuclear weapons", "nuclear weapon", &Lang::En));
        assert!(!singular_of(
            "nuclear weapons",
            "Nuclear Weapons",
            &Lang::En
        ));
        assert!(!singular_of("health", "healths", &Lang::En));
        assert!(singular_of("enfants", "enfant", &Lang::Fr));
        assert!(singular_of("armes nucléaires", "arme nucléaire", &Lang::Fr));
        assert!(!singular_of(
            "armes nucléaires",
            "armes nucléaire",
            &Lang::Fr
        ));
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

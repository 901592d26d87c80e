//! A term of the source inside a longer proper name: the name of a body or of an instrument
//! (`Coalition pour un nouvel ordre du jour`, `Groupe des États membres du Mouvement des pays
//! non alignés`, `Organisation des Nations Unies pour l'éducation, la science et la culture`).
//! A translation may render such a name by an official form of its own (`ائتلاف البرنامج
//! الجديد`, `مجموعة دول عدم الانحياز`) that does not hold the term's equivalent, so the
//! equivalent's absence there says little by itself; but a name whose term is rendered inside
//! it (`Convention contre la corruption`, `اتفاقية مكافحة الفساد`) must keep it. The linter
//! weighs the document as a whole ([`NameUses`]): a name met [`NAME_EVIDENCE`] times or more,
//! never with the term's equivalent in its translation, is rendered by its own form and not
//! told; a name met less often, or rendered with the equivalent elsewhere, is told as any
//! term is.
//!
//! A one-word term and the modifier that makes a narrower term of it (« éducation sexuelle »,
//! `sex education`: [`narrower_key`]) are weighed the same way: the narrower term may have
//! renderings of its own (`التربية الجنسية`, `التثقيف الجنسي`) where the one word has one.
//!
//! A name is recognised by the noun that says what kind of body, meeting or text it is
//! (`Organisation`, `Coalition`, `Convention` …), capitalised: in French it comes first, a
//! preposition right after it (`Groupe des`, `Coalition pour`; not `aux`: `le Conseil aux
//! États membres` is the Council speaking to them), and the term follows through words that
//! are capitalised or function words (and one lower-case adjective right before the term,
//! after an article: `pour un nouvel ordre du jour`); in English the name is in title case,
//! the noun first (a preposition after it) or last (`New Agenda Coalition`).

use crate::lint::Hit;
use crate::termbase::normalize::words;
use crate::Lang;

/// French nouns that begin the name of a body, a meeting, a period or an instrument.
const FR_KINDS: &[&str] = &[
    "Accord",
    "Agence",
    "Alliance",
    "Association",
    "Banque",
    "Bureau",
    "Campagne",
    "Centre",
    "Charte",
    "Coalition",
    "Comité",
    "Commission",
    "Conférence",
    "Conseil",
    "Convention",
    "Cour",
    "Décennie",
    "Déclaration",
    "Département",
    "Division",
    "Fédération",
    "Fondation",
    "Fonds",
    "Forum",
    "Groupe",
    "Initiative",
    "Institut",
    "Instance",
    "Journée",
    "Ligue",
    "Mission",
    "Mouvement",
    "Office",
    "Organisation",
    "Pacte",
    "Partenariat",
    "Programme",
    "Protocole",
    "Réseau",
    "Sommet",
    "Traité",
    "Tribunal",
    "Union",
];

/// English nouns that begin or end the name of a body, a meeting, a period or an instrument.
const EN_KINDS: &[&str] = &[
    "Agency",
    "Agreement",
    "Alliance",
    "Association",
    "Bank",
    "Bureau",
    "Campaign",
    "Centre",
    "Charter",
    "Coalition",
    "Commission",
    "Committee",
    "Conference",
    "Convention",
    "Council",
    "Court",
    "Covenant",
    "Decade",
    "Declaration",
    "Department",
    "Division",
    "Federation",
    "Forum",
    "Foundation",
    "Fund",
    "Group",
    "Initiative",
    "Institute",
    "League",
    "Mission",
    "Movement",
    "Network",
    "Office",
    "Organization",
    "Partnership",
    "Programme",
    "Protocol",
    "Summit",
    "Treaty",
    "Tribunal",
    "Union",
];

/// The function words a French name holds (lower case).
const FR_LINKS: &[&str] = &[
    "de", "des", "du", "d", "pour", "sur", "contre", "en", "à", "au", "aux", "l", "la", "le",
    "les", "un", "une", "et",
];

/// The prepositions that follow a French name's kind.
const FR_AFTER_KIND: &[&str] = &["de", "des", "du", "d", "pour", "sur", "contre"];

/// French articles after which one lower-case adjective may stand before the term.
const FR_ARTICLES: &[&str] = &["un", "une", "le", "la", "les", "l"];

/// The words an English title-case name holds uncapitalised.
const EN_LINKS: &[&str] = &["of", "on", "for", "the", "and", "against"];

/// The prepositions that follow an English name's kind when it comes first.
const EN_AFTER_KIND: &[&str] = &["of", "on", "for", "against"];

/// How many words may stand between a name's kind and the term, or follow the term in the
/// name's key.
const REACH: usize = 8;

/// How much of the text before and after a term is read for its name (bytes, to a character
/// boundary): more than [`REACH`] words.
const WINDOW: usize = 200;

/// The name `span` of `text` (a term found in the source, in `lang`) stands inside, as a key:
/// the name's words, lower-cased, from its kind through the term and the name words after it
/// (`groupe des états membres du mouvement`). `None` when the term stands in no name.
/// Only French and English names are told.
pub(super) fn name_key(text: &str, span: &std::ops::Range<usize>, lang: &Lang) -> Option<String> {
    let mut from = span.start.saturating_sub(WINDOW);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (span.end + WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let before: Vec<&str> = words(&text[from..span.start])
        .into_iter()
        .map(|r| &text[from + r.start..from + r.end])
        .collect();
    let after: Vec<&str> = words(&text[span.end..to])
        .into_iter()
        .map(|r| &text[span.end + r.start..span.end + r.end])
        .collect();
    let term = &text[span.clone()];
    let (start, tail) = match lang {
        Lang::Fr => (french_start(&before)?, french_tail(&after)),
        Lang::En => english(term, &before, &after)?,
        _ => return None,
    };
    let mut key: Vec<String> = before[start..].iter().map(|w| w.to_lowercase()).collect();
    key.extend(words(term).into_iter().map(|r| term[r].to_lowercase()));
    key.extend(after[..tail].iter().map(|w| w.to_lowercase()));
    Some(key.join(" "))
}

/// Where a French name's kind stands among the words `before` a term, if the term is inside
/// that name.
fn french_start(before: &[&str]) -> Option<usize> {
    for (n, k) in (0..before.len()).rev().take(REACH + 1).enumerate() {
        let w = before[k];
        if FR_KINDS.contains(&w) {
            let next = before.get(k + 1).map(|w| w.to_lowercase());
            let linked = next.is_some_and(|w| FR_AFTER_KIND.contains(&w.as_str()));
            return (n > 0 && linked).then_some(k);
        }
        if FR_LINKS.contains(&w.to_lowercase().as_str()) || capitalised(w) {
            continue;
        }
        // One lower-case adjective right before the term, after an article.
        let after_article = k > 0 && FR_ARTICLES.contains(&before[k - 1].to_lowercase().as_str());
        if n == 0 && after_article {
            continue;
        }
        return None;
    }
    None
}

/// How many of the words `after` a French term belong to its name: function words and
/// capitalised words, up to the last capitalised one (`du Mouvement` of `du Mouvement des
/// pays`).
fn french_tail(after: &[&str]) -> usize {
    let run = after
        .iter()
        .take(REACH)
        .take_while(|w| capitalised(w) || FR_LINKS.contains(&w.to_lowercase().as_str()))
        .count();
    after[..run]
        .iter()
        .rposition(|w| capitalised(w))
        .map_or(0, |k| k + 1)
}

/// Where an English name starts among the words `before` a term and how many words `after`
/// it belong to it, if the term is inside a title-case name.
fn english(term: &str, before: &[&str], after: &[&str]) -> Option<(usize, usize)> {
    let title = words(term).into_iter().all(|r| {
        let w = &term[r];
        capitalised(w) || EN_LINKS.contains(&w)
    });
    if !title {
        return None;
    }
    let n = before
        .iter()
        .rev()
        .take(REACH)
        .take_while(|w| capitalised(w) || EN_LINKS.contains(w))
        .count();
    let first = (before.len() - n..before.len()).find(|&k| {
        EN_KINDS.contains(&before[k])
            && before.get(k + 1).is_some_and(|w| EN_AFTER_KIND.contains(w))
    });
    // After the term, capitalised words only (`and` between them): `the reports of Member
    // States to the Committee` is no name.
    let run = after
        .iter()
        .take(REACH)
        .take_while(|w| capitalised(w) || **w == "and")
        .count();
    let tail = after[..run]
        .iter()
        .rposition(|w| capitalised(w))
        .map_or(0, |k| k + 1);
    let last = after[..tail].iter().position(|w| EN_KINDS.contains(w));
    match (first, last) {
        (Some(k), _) => Some((k, tail)),
        (None, Some(_)) => {
            // The kind is last: the name starts at the title-case words before the term.
            let caps = before
                .iter()
                .rev()
                .take(REACH)
                .take_while(|w| capitalised(w))
                .count();
            Some((before.len() - caps, tail))
        }
        (None, None) => None,
    }
}

/// The fixed phrase `span` of `text` stands in, as a key: the longer name it is part of
/// ([`name_key`]) or else the narrower term a one-word term may make with its modifier
/// ([`narrower_key`]; then the language, in which [`NameUses::settle`] checks the modifier's
/// part of speech, only when it matters). Both are rendered by forms of their own, told from
/// the document as a whole ([`NameUses`]).
pub(super) fn phrase_key(
    text: &str,
    span: &std::ops::Range<usize>,
    term: &str,
    lang: &Lang,
) -> Option<(String, Option<Lang>)> {
    match name_key(text, span, lang) {
        Some(k) => Some((k, None)),
        None => narrower_key(text, span, term, lang).map(|k| (k, Some(lang.clone()))),
    }
}

/// The narrower term a one-word term `term`, found at `span` of `text`, may make with the word
/// right after it in French (« éducation sexuelle ») or right before it in English (`sex
/// education`), as a key: the two words, lower-cased. A narrower term has renderings of its
/// own (`التربية الجنسية`, `التثقيف الجنسي` for « éducation sexuelle », where `التعليم`
/// renders « éducation »). The word is written in lower case, is no function word, and
/// nothing but a space stands between the two; whether it is a modifier (an adjective in
/// French, an adjective or a noun in English: [`modifies`]) is asked apart, since it takes
/// the part-of-speech table. `None` for a term of two words or more, or a language without a
/// table.
pub(super) fn narrower_key(
    text: &str,
    span: &std::ops::Range<usize>,
    term: &str,
    lang: &Lang,
) -> Option<String> {
    if term.contains(char::is_whitespace) || !crate::mine::pos::has_table(lang) {
        return None;
    }
    let word =
        |w: &str| w.chars().all(char::is_lowercase) && !crate::mine::lexicon::is_stop(lang, w);
    let spaced = |gap: &str| !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}');
    let found = text[span.clone()].to_lowercase();
    match lang {
        Lang::Fr => {
            let rest = &text[span.end..];
            let w = words(rest).into_iter().next()?;
            let adj = &rest[w.clone()];
            (spaced(&rest[..w.start]) && word(adj)).then(|| format!("{found} {adj}"))
        }
        _ => {
            let head = &text[..span.start];
            let w = words(head).into_iter().next_back()?;
            let m = &head[w.clone()];
            (spaced(&head[w.end..]) && word(m)).then(|| format!("{m} {found}"))
        }
    }
}

/// Whether the key of [`narrower_key`] in `lang` holds a modifier: its French second word is
/// an adjective, its English first word an adjective or a noun, by the part-of-speech tables.
pub(super) fn modifies(key: &str, lang: &Lang) -> bool {
    use crate::mine::pos::{self, Pos};
    let (word, classes) = match lang {
        Lang::Fr => (key.rsplit(' ').next(), Pos::ADJECTIVE),
        _ => (key.split(' ').next(), Pos::ADJECTIVE | Pos::NOUN),
    };
    word.and_then(|w| pos::of(lang, w))
        .is_some_and(|p| p.is(classes))
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// How often a name must be met, never with its term's equivalent, to be taken for a name
/// the translation renders by its own form: twice is too little (a term left out of a name
/// twice in one document is an error a reviewer wants told; on the UN dev bench, a name met
/// twice had both its units altered by the bench's injected errors).
pub(super) const NAME_EVIDENCE: usize = 3;

/// How one name of the source fares in a document: in how many units its term's equivalent
/// is in the translation, and the findings of the units where it is not, held until the whole
/// document is read ([`NameUses::settle`]). A finding is `stray` when its unit's translation
/// holds a term of a concept the source unit lacks — maybe the wrong term put in the name's
/// place (`Convention against Poverty`): such a finding is always told.
#[derive(Debug, Default)]
pub(super) struct NameUses {
    pub rendered: usize,
    pub missing: Vec<(Hit, bool)>,
    /// For a narrower term's key ([`narrower_key`]): its language, in which the modifier is
    /// checked ([`modifies`]).
    pub narrower: Option<Lang>,
}

impl NameUses {
    /// The findings to tell: when the name (`key`) is met [`NAME_EVIDENCE`] times or more and
    /// never rendered with the term's equivalent (its translation is a name of its own), only
    /// the stray ones; else all of them. A narrower term's key counts so only if its word is a
    /// modifier, asked only then (the part-of-speech table is read on first use).
    pub fn settle(self, key: &str) -> Vec<Hit> {
        let own_name = self.rendered == 0
            && self.missing.len() >= NAME_EVIDENCE
            && self.narrower.as_ref().is_none_or(|l| modifies(key, l));
        self.missing
            .into_iter()
            .filter(|(_, stray)| !own_name || *stray)
            .map(|(hit, _)| hit)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str, term: &str, lang: Lang) -> Option<String> {
        let start = text.find(term).unwrap();
        name_key(text, &(start..start + term.len()), &lang)
    }

    #[test]
    fn a_one_word_term_and_its_modifier_make_a_narrower_term() {
        let k = |text: &str, term: &str, lang: Lang| {
            let start = text.find(term).unwrap();
            narrower_key(text, &(start..start + term.len()), term, &lang)
        };
        let fr = "des programmes d'éducation sexuelle complets";
        assert_eq!(
            k(fr, "éducation", Lang::Fr).as_deref(),
            Some("éducation sexuelle")
        );
        assert!(modifies("éducation sexuelle", &Lang::Fr));
        assert_eq!(
            k("sex education programmes", "education", Lang::En).as_deref(),
            Some("sex education")
        );
        assert!(modifies("sex education", &Lang::En));
        // A verb after the term is no modifier.
        assert_eq!(
            k("l'éducation dispense", "éducation", Lang::Fr).as_deref(),
            Some("éducation dispense")
        );
        assert!(!modifies("éducation dispense", &Lang::Fr));
        // No key: a punctuation mark, a function word, a capitalised word, a term of two
        // words, a language without a part-of-speech table.
        for (t, term, lang) in [
            ("le droit à l'éducation, la santé", "éducation", Lang::Fr),
            ("l'éducation des filles", "éducation", Lang::Fr),
            ("l'éducation est un droit", "éducation", Lang::Fr),
            ("the education of girls", "education", Lang::En),
            ("UNESCO education", "education", Lang::En),
            ("la société civile organisée", "société civile", Lang::Fr),
            ("التعليم الجنسي", "التعليم", Lang::Ar),
        ] {
            assert_eq!(k(t, term, lang), None, "{t}");
        }
        // A name comes first: the narrower term is only asked when the term is in no name.
        let t = "l'Organisation des Nations Unies pour l'éducation scientifique";
        let start = t.find("éducation").unwrap();
        assert_eq!(
            phrase_key(t, &(start..start + 10), "éducation", &Lang::Fr),
            Some((
                "organisation des nations unies pour l éducation".to_string(),
                None
            ))
        );
        let t = "une éducation sexuelle";
        let start = t.find("éducation").unwrap();
        assert_eq!(
            phrase_key(t, &(start..start + 10), "éducation", &Lang::Fr),
            Some(("éducation sexuelle".to_string(), Some(Lang::Fr)))
        );
    }

    #[test]
    fn french_names_begin_with_their_kind() {
        let t = "publié par l'Organisation des Nations Unies pour l'éducation, la science";
        assert_eq!(
            key(t, "éducation", Lang::Fr).as_deref(),
            Some("organisation des nations unies pour l éducation")
        );
        let t = "Le Groupe des États membres du Mouvement des pays non alignés";
        assert_eq!(
            key(t, "États membres", Lang::Fr).as_deref(),
            Some("groupe des états membres du mouvement")
        );
        let t = "La Coalition pour un nouvel ordre du jour reconnaît";
        assert_eq!(
            key(t, "ordre du jour", Lang::Fr).as_deref(),
            Some("coalition pour un nouvel ordre du jour")
        );
        // The kind alone is no name around the term: a verb, a lower-case noun between, the
        // Council speaking to the States, the Council and the States.
        for (t, term) in [
            ("la Commission a demandé aux États membres", "États membres"),
            (
                "le Conseil examine le nouvel ordre du jour",
                "ordre du jour",
            ),
            ("adressée par le Conseil aux États membres", "États membres"),
            ("le Conseil et les États membres", "États membres"),
            ("Le Groupe de travail", "Groupe de travail"),
            ("le droit à l'éducation", "éducation"),
            (
                "la Coalition pour un nouvel grand ordre du jour",
                "ordre du jour",
            ),
        ] {
            assert_eq!(key(t, term, Lang::Fr), None, "{t}");
        }
    }

    #[test]
    fn english_names_are_title_case_around_their_kind() {
        assert_eq!(
            key("the New Agenda Coalition said", "Agenda", Lang::En).as_deref(),
            Some("new agenda coalition")
        );
        assert_eq!(
            key(
                "the United Nations Conference on Sustainable Development in Rio",
                "Sustainable Development",
                Lang::En
            )
            .as_deref(),
            Some("conference on sustainable development")
        );
        for (t, term) in [
            (
                "the Commission asked for sustainable development",
                "sustainable development",
            ),
            ("the Council and Member States agreed", "Member States"),
            (
                "the reports of Member States to the Committee",
                "Member States",
            ),
        ] {
            assert_eq!(key(t, term, Lang::En), None, "{t}");
        }
        assert_eq!(key("الجمعية العامة", "الجمعية", Lang::Ar), None);
    }

    #[test]
    fn a_name_is_excused_only_when_met_often_never_rendered_and_not_stray() {
        let hit = || Hit {
            rule: "term/missing-equivalent",
            unit: 0,
            span: 0..1,
            message: String::new(),
            details: Default::default(),
            fix: None,
        };
        let uses = |rendered, missing: usize, stray: usize| NameUses {
            rendered,
            missing: (0..missing).map(|k| (hit(), k < stray)).collect(),
            narrower: None,
        };
        let key = "coalition contre la corruption";
        assert!(uses(0, 3, 0).settle(key).is_empty());
        assert_eq!(uses(0, 3, 1).settle(key).len(), 1);
        assert_eq!(uses(0, 2, 0).settle(key).len(), 2);
        assert_eq!(uses(1, 3, 0).settle(key).len(), 3);
        // A narrower term's key: only when its word is a modifier.
        let narrower = |key: &str| {
            NameUses {
                narrower: Some(Lang::Fr),
                ..uses(0, 3, 0)
            }
            .settle(key)
            .len()
        };
        assert_eq!(narrower("éducation sexuelle"), 0);
        assert_eq!(narrower("éducation dispense"), 3);
    }
}

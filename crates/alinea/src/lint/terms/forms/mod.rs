//! How a term found in a unit stands: a name or the common noun its words also make, a short
//! form expanded before or where it stands, a superseded name inside a cited title.

use super::{rejected, short};
use crate::lint::{Context, Doc};
use crate::termbase::normalize::{lookup_key, stem_key, stemmed_words, words};
use crate::termbase::{Concept, MatchClass, TermMatch};
use crate::Lang;

/// Whether `found` is the common-noun use of the short form `term`: a capitalised term
/// found in lower case, or an Arabic term with the article found without it.
pub(super) fn common_noun(term: &str, found: &str) -> bool {
    let first_upper = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    if first_upper(term) && !first_upper(found) {
        return true;
    }
    let definite = |s: &str| {
        let w = s.trim_start_matches(['و', 'ف']);
        w.starts_with("ال") || w.starts_with("لل") || w.starts_with("بال") || w.starts_with("كال")
    };
    term.starts_with("ال") && !definite(found)
}

/// Whether the single word `found`, which the stemmer gives the stem of the one-word `term`,
/// is another word made from the same stem rather than a form of the term: French and
/// English nouns take `-s`, `-x`, `-es`, `-ies`, French `-aux` for `-al` and an `-e`, and no
/// more (`vulnérables` is no form of `vulnérabilité`, `éducatif` none of `éducation`,
/// `vulnerable` none of `vulnerability`; `vulnérabilités` is). Only French and English: an
/// Arabic stem holds its forms otherwise.
pub(super) fn derived_word(term: &str, found: &str, lang: &Lang) -> bool {
    if !matches!(lang, Lang::Fr | Lang::En) || term.contains(' ') || found.contains(' ') {
        return false;
    }
    let base = |w: &str| -> String {
        let k = crate::termbase::normalize::lookup_key(w);
        match lang {
            Lang::En => match k.strip_suffix("ies") {
                Some(s) => format!("{s}y"),
                None => k
                    .strip_suffix("es")
                    .filter(|s| {
                        s.ends_with(['s', 'x', 'z']) || s.ends_with("ch") || s.ends_with("sh")
                    })
                    .or_else(|| k.strip_suffix('s'))
                    .unwrap_or(&k)
                    .to_string(),
            },
            _ => match k.strip_suffix("aux") {
                Some(s) => format!("{s}al"),
                None => {
                    let k = k.strip_suffix(['s', 'x']).unwrap_or(&k);
                    k.strip_suffix('e').unwrap_or(k).to_string()
                }
            },
        }
    };
    base(term) != base(found)
}

/// Whether the single word `found`, of the one-word `term`'s stem, is a verb's form that
/// the term is not (`educated`, `educating` for `education`; `éduquées`, `éduquer` for
/// `éducation`): a verb renders another word of the source, not the noun. A derived
/// adjective may render the noun (`educational standards` for « normes d'éducation »).
/// French and English only.
pub(super) fn verbal_form(term: &str, found: &str, lang: &Lang) -> bool {
    let endings: &[&str] = match lang {
        Lang::En => &["ed", "ing"],
        Lang::Fr => &["é", "ée", "és", "ées", "er", "ant"],
        _ => return false,
    };
    if term.contains(' ') || found.contains(' ') {
        return false;
    }
    let (t, f) = (term.to_lowercase(), found.to_lowercase());
    let verbal = |w: &str| endings.iter().any(|e| w.ends_with(e));
    verbal(&f) && !verbal(&t)
}

/// Whether a full form of the concept of `m` (a short form in unit `u`) stands before it,
/// found with every overlapping match ([`crate::termbase::TermMatcher::find_all`]): asked
/// only for a short form not yet seen expanded, so the extra search is rare.
pub(super) fn expanded_before(doc: &Doc, cx: &Context, u: usize, m: &TermMatch) -> bool {
    let concept = &cx.termbase.concepts[m.concept_index];
    doc.units[..=u].iter().enumerate().any(|(i, unit)| {
        let text = if i == u {
            &unit.text[..m.span.start]
        } else {
            unit.text.as_str()
        };
        !text.is_empty()
            && cx
                .matcher
                .find_all(text, &doc.lang, MatchClass::Stemmed)
                .iter()
                .any(|o| {
                    o.concept_index == m.concept_index
                        && !rejected(o.status)
                        && !short(concept.terms[o.term_index].term_type)
                })
    })
}

/// The words that announce a cited title (`entitled`, `intitulée`, `المعنون` …).
const TITLE_WORDS: &[&str] = &[
    "entitled",
    "titled",
    "intitulé",
    "intitulée",
    "intitulés",
    "intitulées",
    "المعنون",
    "المعنونة",
    "المعنونان",
    "المعنونين",
    "بعنوان",
];

/// How many words before a term a title word may stand ([`TITLE_WORDS`]).
const TITLE_WINDOW: usize = 4;

/// Whether `span` of `text` stands inside a title: between emphasis marks (`*…*`, `_…_`) or
/// quotation marks (« », “ ”, "…"), or a few words after a word that announces a title
/// (what a Word document's italics leave in its text).
pub(super) fn in_title(text: &str, span: &std::ops::Range<usize>) -> bool {
    let (before, after) = (&text[..span.start], &text[span.end..]);
    let ws = words(before);
    if ws
        .iter()
        .rev()
        .take(TITLE_WINDOW)
        .any(|w| TITLE_WORDS.contains(&before[w.clone()].to_lowercase().as_str()))
    {
        return true;
    }
    let paired = |open: char, close: char| {
        if open == close {
            before.matches(open).count() % 2 == 1 && after.contains(close)
        } else {
            before
                .rfind(open)
                .is_some_and(|o| before.rfind(close).is_none_or(|c| c < o))
                && after.contains(close)
        }
    };
    paired('*', '*') || paired('_', '_') || paired('"', '"') || paired('«', '»') || paired('“', '”')
}

/// How many words may stand between a short form and the rest of its full form for the two
/// to be read as the full form with a qualifier inside it.
const QUALIFIER_WORDS: usize = 5;

/// Whether the short form `m` (a word prefix of one of its concept's full forms) is followed,
/// after at most [`QUALIFIER_WORDS`] words, by the next words of that full form: the full
/// form written with a qualifier inside it.
pub(super) fn expanded_here(text: &str, m: &TermMatch, concept: &Concept, lang: &Lang) -> bool {
    let short_key = stem_key(&concept.terms[m.term_index].text, lang);
    let n = short_key.split(' ').count();
    let after: Vec<String> = stemmed_words(&text[m.span.end..], lang)
        .into_iter()
        .take(QUALIFIER_WORDS + 3)
        .map(|(_, k)| k)
        .collect();
    concept
        .terms
        .iter()
        .filter(|t| &t.lang == lang && !rejected(t.status) && !short(t.term_type))
        .any(|t| {
            let key = stem_key(&t.text, lang);
            let full: Vec<&str> = key.split(' ').collect();
            if full.len() <= n || full[..n].join(" ") != short_key {
                return false;
            }
            let rest = &full[n..full.len().min(n + 3)];
            (1..=QUALIFIER_WORDS.min(after.len())).any(|gap| {
                after.len() >= gap + rest.len()
                    && after[gap..gap + rest.len()]
                        .iter()
                        .zip(rest)
                        .all(|(a, b)| a == b)
            })
        })
}

/// How many times `text` names `name` (two words or more) by its head alone, as a second
/// mention does (`the Assembly` for the General Assembly, `l'Assemblée` for l'Assemblée
/// générale). The head is the last word in English, the first in French; it keeps its
/// capital after a definite article; a first-word head followed by the name's next word
/// is the full name, not counted. Arabic, without capitals, counts the definite head
/// ([`arabic_heads`]), which may be the common noun too (الدول for الدول الأعضاء):
/// the linter compares it with every head word of the source ([`head_words`]) and asks it
/// to stand where the source names the concept ([`head_near`]).
pub(super) fn head_mentions(name: &str, lang: &Lang, text: &str) -> usize {
    heads(name, lang, text).count()
}

/// Where the mentions [`head_mentions`] counts stand in `text`, each as the share of the
/// text's characters before it (0 at the start, 1 at the end).
fn heads<'t>(name: &str, lang: &Lang, text: &'t str) -> Box<dyn Iterator<Item = f64> + 't> {
    let parts: Vec<&str> = name.split_whitespace().collect();
    if parts.len() < 2 {
        return Box::new(std::iter::empty());
    }
    if lang == &Lang::Ar {
        return Box::new(arabic_heads(&parts, text));
    }
    let last = lang == &Lang::En;
    let head = if last {
        parts[parts.len() - 1]
    } else {
        parts[0]
    };
    if !head.chars().next().is_some_and(char::is_uppercase) {
        return Box::new(std::iter::empty());
    }
    let articles: &[&str] = match lang {
        Lang::En => &["the", "The"],
        // With the contracted articles (`du Conseil`, `au Comité`): de + le, à + le.
        Lang::Fr => &[
            "l", "L", "le", "la", "les", "Le", "La", "Les", "du", "Du", "au", "Au", "des", "Des",
            "aux", "Aux",
        ],
        _ => return Box::new(std::iter::empty()),
    };
    let head = head.to_string();
    let second = parts[1].to_lowercase();
    let words = words(text);
    let chars = text.chars().count().max(1) as f64;
    Box::new((1..words.len()).filter_map(move |k| {
        let w = |k: usize| &text[words[k].clone()];
        let next_is = || {
            !last
                && words
                    .get(k + 1)
                    .is_some_and(|_| w(k + 1).to_lowercase() == second)
        };
        (w(k) == head && articles.contains(&w(k - 1)) && !next_is())
            .then(|| text[..words[k].start].chars().count() as f64 / chars)
    }))
}

/// How many times `text` has the head of `name` (as [`head_mentions`] takes it), in any
/// case and after any word, not followed by the name's next word: what a translation into
/// Arabic, whose definite head (`الدول`) may render any of them (`les petits États`), is
/// compared with.
pub(super) fn head_words(name: &str, lang: &Lang, text: &str) -> usize {
    let parts: Vec<&str> = name.split_whitespace().collect();
    if parts.len() < 2 {
        return 0;
    }
    let (head, next) = if lang == &Lang::En {
        (parts[parts.len() - 1], None)
    } else {
        (parts[0], Some(parts[1].to_lowercase()))
    };
    let head = head.to_lowercase();
    let words: Vec<String> = words(text)
        .into_iter()
        .map(|r| text[r].to_lowercase())
        .collect();
    (0..words.len())
        .filter(|&k| words[k] == head)
        .filter(|&k| next.as_ref().is_none_or(|n| words.get(k + 1) != Some(n)))
        .count()
}

/// [`heads`] in Arabic: the name's first word made definite (`الجمعية` for `الجمعية العامة`,
/// `الفريق` for `فريق عامل`), a conjunction or preposition glued before it or not, and not
/// followed by the name's second word.
fn arabic_heads<'t>(parts: &[&str], text: &'t str) -> impl Iterator<Item = f64> + 't {
    let key = |w: &str| lookup_key(w);
    // A term's word keyed as its definite form: the key of a bare word would lose a first
    // letter that reads as a conjunction (`فريق`).
    let definite_key = |w: &str| match w.starts_with("ال") {
        true => key(w),
        false => key(&format!("ال{w}")),
    };
    let head = definite_key(parts[0]);
    let seconds = [key(parts[1]), definite_key(parts[1])];
    let words: Vec<std::ops::Range<usize>> = words(text);
    let definite = |w: &str| {
        let w = w
            .strip_prefix(['و', 'ف'])
            .filter(|r| r.chars().count() >= 4)
            .unwrap_or(w);
        w.starts_with("ال")
            || w.starts_with("لل")
            || w.strip_prefix(['ب', 'ك', 'ل'])
                .is_some_and(|r| r.starts_with("ال"))
    };
    let chars = text.chars().count().max(1) as f64;
    (0..words.len()).filter_map(move |k| {
        let w = &text[words[k].clone()];
        let full = words
            .get(k + 1)
            .is_some_and(|n| seconds.contains(&key(&text[n.clone()])));
        (definite(w) && key(w) == head && !full)
            .then(|| text[..words[k].start].chars().count() as f64 / chars)
    })
}

/// How far (as a share of each text) a short form may stand from where its source names the
/// concept in full and still render it: translations keep the order of a sentence's parts
/// roughly, so a head far from the place of the name is another mention (`يوافي الجمعية`
/// rendering `faire le point`, the name itself left out).
const HEAD_REACH: f64 = 0.25;

/// Whether `text` has a mention of `name` by its head alone ([`head_mentions`]) within
/// [`HEAD_REACH`] of `at`, the place (share of the source's characters) where the source
/// names it.
pub(super) fn head_near(name: &str, lang: &Lang, text: &str, at: f64) -> bool {
    heads(name, lang, text).any(|p| (p - at).abs() <= HEAD_REACH)
}

/// Whether `target` writes `expected` (two content words or more, in a Latin script) by an
/// acronym that ends with its initials: `SDGs` for Sustainable Development Goals, `OWG` for
/// an open working group, `UNGA` for the General Assembly. The acronym is at most three
/// letters longer than the initials (`MSMEs` does not end with `MS`, so Member States are not
/// there). An acronym in parentheses right after a name that ends at one of `other_names`
/// (byte offsets in `target`: where the terms of other concepts end) is that name's, not
/// `expected`'s: `World Health Organization (UNDP)` is a wrong name, the acronym left; and so
/// is an acronym in parentheses right after a name in capitals of two words or more that is
/// not `expected` (`the World Organization (WHO)`: the name spelt out, and wrongly).
pub(super) fn by_acronym(expected: &str, lang: &Lang, target: &str, other_names: &[usize]) -> bool {
    let Some(initials) = initials(expected, lang) else {
        return false;
    };
    let glossed = |start: usize| {
        let before = target[..start].trim_end();
        before.strip_suffix('(').is_some_and(|b| {
            let b = b.trim_end();
            other_names.contains(&b.len())
                || name_before(b, lang).is_some_and(|n| lookup_key(n) != lookup_key(expected))
        })
    };
    words(target)
        .into_iter()
        .any(|r| acronym_of(&target[r.clone()], &initials).is_some() && !glossed(r.start))
}

/// How many letters the acronym `word` (a plural `s` aside) has before `initials`, which it
/// ends with: at most three (`UNGA` for the General Assembly, 2); none when `word` is no
/// acronym in capitals ending so.
fn acronym_of(word: &str, initials: &str) -> Option<usize> {
    let w = word.strip_suffix('s').unwrap_or(word);
    (w.len() >= initials.len()
        && w.len() <= initials.len() + 3
        && w.bytes().all(|b| b.is_ascii_uppercase())
        && w.ends_with(initials))
    .then(|| w.len() - initials.len())
}

/// The initials of `term` (two content words or more, in a Latin script), in capitals.
fn initials(term: &str, lang: &Lang) -> Option<String> {
    if lang == &Lang::Ar {
        return None;
    }
    let initials: String = term
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}'))
        .filter(|w| !w.is_empty() && !crate::mine::lexicon::is_stop(lang, &w.to_lowercase()))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    (initials.chars().count() >= 2 && initials.chars().all(|c| c.is_ascii_uppercase()))
        .then_some(initials)
}

/// Whether `text` has the acronym of a longer name that ends with `term` (`OIAC`, the
/// Organisation pour l'interdiction des armes chimiques, for « armes chimiques »; not `UE`
/// for « Union européenne », the term's own).
pub(super) fn longer_name_acronym(term: &str, lang: &Lang, text: &str) -> bool {
    let Some(initials) = initials(term, lang) else {
        return false;
    };
    words(text)
        .into_iter()
        .any(|r| acronym_of(&text[r], &initials).is_some_and(|before| before > 0))
}

/// The name in capitals that `text` ends with: two capitalised words or more, with the
/// language's short words between them (`Treaty on the Non-Proliferation of Nuclear
/// Weapons`); none when `text` does not end so.
fn name_before<'t>(text: &'t str, lang: &Lang) -> Option<&'t str> {
    let ws = words(text);
    let last = ws.last()?;
    if last.end != text.len() {
        return None;
    }
    let capital = |r: &std::ops::Range<usize>| {
        text[r.clone()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let (mut start, mut capitals, mut next) = (None, 0, text.len());
    for r in ws.iter().rev() {
        // Only white space and hyphens between the words of a name.
        if text[r.end..next]
            .contains(|c: char| !c.is_whitespace() && !matches!(c, '-' | '\u{2010}' | '\u{2011}'))
        {
            break;
        }
        if capital(r) {
            start = Some(r.start);
            capitals += 1;
        } else if !crate::mine::lexicon::is_stop(lang, &text[r.clone()].to_lowercase()) {
            break;
        }
        next = r.start;
    }
    let start = start?;
    (capitals >= 2).then(|| &text[start..])
}

/// Whether `target` has `expected` written as one word, its hyphen or space lost
/// (`capacitybuilding` for capacity-building), or with its hyphens lost only
/// (`nongovernmental organizations`), at word boundaries and in any case.
pub(super) fn joined_in(expected: &str, target: &str) -> bool {
    let hyphen = |c: char| matches!(c, '-' | '\u{2010}' | '\u{2011}');
    let lower = target.to_lowercase();
    // Every hyphen and space lost (capacitybuilding), or the hyphens only (nongovernmental
    // organizations).
    [true, false].into_iter().any(|spaces| {
        let joined: String = expected
            .chars()
            .filter(|&c| !(hyphen(c) || (spaces && c == ' ')))
            .flat_map(char::to_lowercase)
            .collect();
        if joined.chars().count() == expected.chars().count() || joined.chars().count() < 6 {
            return false;
        }
        lower.match_indices(joined.as_str()).any(|(i, _)| {
            let end = i + joined.len();
            lower[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
                && lower[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

#[cfg(test)]
mod tests;

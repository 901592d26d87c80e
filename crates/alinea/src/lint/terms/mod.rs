//! The term rules (`term/deprecated`, `term/variant`, `term/missing-equivalent`,
//! `term/untranslated`, `term/inconsistent`) and the acronym rules (`acronym/undefined`,
//! `acronym/mismatch`), over the terms [`crate::termbase::TermMatcher`] finds.
//!
//! [`forms`] tells how a found term stands (a name or a common noun, expanded or not, inside
//! a cited title); [`apart`] finds a term whose words stand apart in a translation; [`names`]
//! tells a term inside a longer name, which a translation may render by its own name.

mod apart;
mod forms;
mod names;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::{Context, Doc, Hit};
use crate::diag::Details;
use crate::termbase::annotate::TextTerms;
use crate::termbase::normalize::{lookup_key, stem_key};
use crate::termbase::{Concept, MatchClass, Status, TermMatch, TermType};
use crate::Lang;
use apart::{all_words_in, times_apart, word_keys};
use forms::{
    by_acronym, common_noun, derived_word, expanded_before, expanded_here, feminine_twin,
    head_mentions, head_near, head_words, in_title, joined_in, weak_form,
};

fn rejected(s: Option<Status>) -> bool {
    matches!(s, Some(Status::Deprecated | Status::Superseded))
}

fn short(t: Option<TermType>) -> bool {
    matches!(
        t,
        Some(TermType::Acronym | TermType::Abbreviation | TermType::ShortForm)
    )
}

/// The approved terms of `c` in `lang` (not deprecated or superseded), preferred first.
fn approved<'c>(c: &'c Concept, lang: &Lang) -> Vec<&'c str> {
    let mut v: Vec<(bool, &str)> = c
        .terms
        .iter()
        .filter(|t| &t.lang == lang && !rejected(t.status))
        .map(|t| (t.status != Some(Status::Preferred), t.text.as_str()))
        .collect();
    v.sort_by_key(|(p, _)| *p);
    v.dedup_by(|a, b| a.1 == b.1);
    v.into_iter().map(|(_, t)| t).collect()
}

/// The single preferred term of `c` in `lang`, if there is exactly one.
fn single_preferred<'c>(c: &'c Concept, lang: &Lang) -> Option<&'c str> {
    let mut p = c
        .terms
        .iter()
        .filter(|t| &t.lang == lang && t.status == Some(Status::Preferred));
    let first = p.next()?;
    p.next().is_none().then_some(first.text.as_str())
}

/// `term` with the case of its first letter taken from `like`.
fn same_case(term: &str, like: &str) -> String {
    let upper = like.chars().next().is_some_and(char::is_uppercase);
    let mut cs = term.chars();
    match cs.next() {
        Some(f) if upper && f.is_lowercase() => f.to_uppercase().chain(cs).collect(),
        _ => term.to_string(),
    }
}

/// A term of a concept used in a document: (term index, count, first unit, first span).
type Use = (usize, usize, usize, std::ops::Range<usize>);

pub(super) fn check(doc: &Doc, cx: &Context, hits: &mut Vec<Hit>) {
    let tb = cx.termbase;
    let lang = &doc.lang;
    // Monolingual: concept → (term index → (count, first unit, first span)).
    let mut used: FxHashMap<usize, Vec<Use>> = FxHashMap::default();
    let mut defined: FxHashSet<usize> = FxHashSet::default();
    let mut undefined_told: FxHashSet<usize> = FxHashSet::default();
    let mut memory = Memory::default();
    // The terms of each unit and of its aligned source are found in parallel, a chunk of
    // units at a time (the rules after them carry state from unit to unit, in order).
    let mut found_terms = Vec::with_capacity(CHUNK.min(doc.units.len()));
    for (u, unit) in doc.units.iter().enumerate() {
        if u % CHUNK == 0 {
            let end = (u + CHUNK).min(doc.units.len());
            found_terms.clear();
            doc.units[u..end]
                .par_iter()
                .map(|unit| unit_terms(unit, lang, cx))
                .collect_into_vec(&mut found_terms);
            found_terms.reverse();
        }
        let Some((target, found, source)) = found_terms.pop().flatten() else {
            continue;
        };
        let source = unit.source.as_ref().zip(source);
        for m in &found {
            let concept = &tb.concepts[m.concept_index];
            let term = &concept.terms[m.term_index];
            if rejected(m.status) {
                // Not when the same words are an approved term of another concept, nor a
                // superseded name inside a cited title (*Combating the criminal misuse of
                // information technologies*, the title of resolution 55/63, stays as it was).
                let also_ok = found
                    .iter()
                    .any(|o| o.span == m.span && !rejected(o.status));
                let cited = m.status == Some(Status::Superseded) && in_title(&unit.text, &m.span);
                if !also_ok && !cited {
                    deprecated(u, unit, m, concept, lang, hits);
                }
                continue;
            }
            if short(term.term_type) {
                // A proper name's short form written as a common noun (an ad hoc committee,
                // لجنة مخصصة) is not that name.
                if common_noun(&term.text, &unit.text[m.span.clone()]) {
                    continue;
                }
                // A short form without capitals (Arabic) is the name where its source names
                // the concept: the same words where the source unit has no term of the
                // concept, or only its common-noun use, are generic (هذه اللجنة المخصصة for
                // « ce comité spécial »).
                let caseless = !term.text.chars().any(char::is_uppercase);
                if caseless
                    && source.as_ref().is_some_and(|(src, in_source)| {
                        !in_source.iter().any(|o| {
                            o.concept_index == m.concept_index && {
                                let t = &concept.terms[o.term_index];
                                !(short(t.term_type)
                                    && common_noun(&t.text, &src.text[o.span.clone()]))
                            }
                        })
                    })
                {
                    continue;
                }
                // The full form with a qualifier inside it (« Comité spécial des Nations Unies
                // chargé d'élaborer … ») defines the short form where it stands.
                if expanded_here(&unit.text, m, concept, lang) {
                    defined.insert(m.concept_index);
                }
                // An expansion inside a longer term (the Inter-Parliamentary Union in "the
                // Assembly of the Inter-Parliamentary Union") defines the acronym too.
                if !defined.contains(&m.concept_index)
                    && !undefined_told.contains(&m.concept_index)
                    && expanded_before(doc, cx, u, m)
                {
                    defined.insert(m.concept_index);
                }
                if !defined.contains(&m.concept_index) && undefined_told.insert(m.concept_index) {
                    let full = approved(concept, lang)
                        .into_iter()
                        .filter(|t| {
                            concept
                                .terms
                                .iter()
                                .any(|x| x.text == *t && !short(x.term_type))
                        })
                        .map(String::from)
                        .collect::<Vec<_>>();
                    if !full.is_empty() {
                        hits.push(Hit {
                            rule: "acronym/undefined",
                            unit: u,
                            span: m.span.clone(),
                            message: format!(
                                "« {} » is used before or without its expansion",
                                &unit.text[m.span.clone()]
                            ),
                            details: Details {
                                concept: Some(m.concept.clone()),
                                expected: full,
                                ..Details::default()
                            },
                            fix: None,
                        });
                    }
                }
            } else {
                defined.insert(m.concept_index);
                let e = used.entry(m.concept_index).or_default();
                match e.iter_mut().find(|x| x.0 == m.term_index) {
                    Some(x) => x.1 += 1,
                    None => e.push((m.term_index, 1, u, m.span.clone())),
                }
            }
        }
        if let Some((src, in_source)) = &source {
            bilingual(
                u,
                &target,
                (src, in_source.as_slice()),
                doc,
                cx,
                &mut memory,
                hits,
            );
        }
    }
    for (_, uses) in std::mem::take(&mut memory.names) {
        hits.extend(uses.settle());
    }
    // Variants: a concept written with two of its approved (non-short) terms in one
    // monolingual document; the less used ones are told.
    if doc.source_lang.is_none() {
        for (ci, uses) in used {
            if uses.len() < 2 {
                continue;
            }
            let concept = &tb.concepts[ci];
            let (main, _) = uses
                .iter()
                .map(|x| (x.0, x.1))
                .max_by_key(|&(t, n)| (n, std::cmp::Reverse(t)))
                .unwrap_or((0, 0));
            for (t, _, u, span) in uses.iter().filter(|x| x.0 != main) {
                let unit = &doc.units[*u];
                hits.push(Hit {
                    rule: "term/variant",
                    unit: *u,
                    span: span.clone(),
                    message: format!(
                        "« {} » and « {} » (two terms of concept {}) are mixed in the document",
                        concept.terms[*t].text, concept.terms[main].text, concept.id
                    ),
                    details: Details {
                        concept: Some(concept.id.clone()),
                        expected: vec![concept.terms[main].text.clone()],
                        found: Some(unit.text[span.clone()].to_string()),
                        ..Details::default()
                    },
                    fix: None,
                });
            }
        }
    }
}

/// Units whose terms are found together, in parallel.
const CHUNK: usize = 256;

/// The terms found in a unit, the unit's words keyed once (for that search and the
/// bilingual one), and the terms of its aligned source; `None` for an empty unit.
type UnitTerms<'m, 't> = Option<(TextTerms<'m, 't>, Vec<TermMatch>, Option<Vec<TermMatch>>)>;

fn unit_terms<'m, 't>(unit: &'t super::Unit, lang: &Lang, cx: &Context<'m>) -> UnitTerms<'m, 't> {
    if unit.text.is_empty() {
        return None;
    }
    let target = cx.matcher.text(&unit.text, lang);
    let found = target.find_up_to(MatchClass::Stemmed);
    let in_source = unit.source.as_ref().map(|src| {
        cx.matcher
            .find_up_to(&src.text, &src.lang, MatchClass::Stemmed)
    });
    Some((target, found, in_source))
}

/// What the bilingual checks of a document carry from unit to unit.
#[derive(Default)]
struct Memory {
    /// (concept, source key) → the first target term used.
    rendered: FxHashMap<(usize, String), usize>,
    /// The concepts whose full form the source has named so far.
    named: FxHashSet<usize>,
    /// (concept, the name its source term stands in) → how the name fares in the document
    /// ([`names`]); ordered, so that the findings come out the same at every run.
    names: std::collections::BTreeMap<(usize, String), names::NameUses>,
}

fn deprecated(
    u: usize,
    unit: &super::Unit,
    m: &TermMatch,
    concept: &Concept,
    lang: &Lang,
    hits: &mut Vec<Hit>,
) {
    let found = &unit.text[m.span.clone()];
    let status = m.status.map_or("deprecated", |s| s.as_str());
    let expected: Vec<String> = approved(concept, lang)
        .into_iter()
        .map(String::from)
        .collect();
    let fix = single_preferred(concept, lang)
        .filter(|_| m.class <= MatchClass::Normalised)
        .map(|p| {
            let r = same_case(p, found);
            let d = format!("replace « {found} » with « {r} »");
            (r, d)
        });
    hits.push(Hit {
        rule: "term/deprecated",
        unit: u,
        span: m.span.clone(),
        message: match expected.first() {
            Some(p) => format!("« {found} » is a {status} term: use « {p} »"),
            None => format!("« {found} » is a {status} term"),
        },
        details: Details {
            concept: Some(m.concept.clone()),
            expected,
            found: Some(found.to_string()),
            ..Details::default()
        },
        fix,
    });
}

/// Whether two terms are one rendering: the same stems, or one inside the other (a short
/// form of a long name).
fn same_rendering(a: &str, b: &str, lang: &Lang) -> bool {
    let (x, y) = (stem_key(a, lang), stem_key(b, lang));
    x == y
        || format!(" {x} ").contains(&format!(" {y} "))
        || format!(" {y} ").contains(&format!(" {x} "))
}

/// The first non-blank byte range of `text` (the whole unit, trimmed).
fn whole(text: &str) -> std::ops::Range<usize> {
    let start = text.len() - text.trim_start().len();
    start..text.trim_end().len().max(start)
}

/// The bilingual term rules over unit `u`, its text keyed in `target`, against its source
/// unit and the terms found in it.
fn bilingual(
    u: usize,
    target: &TextTerms,
    (src, in_source): (&super::SourceUnit, &[TermMatch]),
    doc: &Doc,
    cx: &Context,
    memory: &mut Memory,
    hits: &mut Vec<Hit>,
) {
    let Memory {
        rendered,
        named,
        names: in_names,
    } = memory;
    let on = |id: &str| cx.config.severity(id).is_some();
    let lang = &doc.lang;
    let tb = cx.termbase;
    if in_source.is_empty() {
        return;
    }
    let mut in_target = target.find_all(MatchClass::Root);
    // An Arabic term's feminine twin is another noun (`الأمانة العامة` for `الأمين العام`).
    if lang == &Lang::Ar {
        in_target.retain(|t| !feminine_twin(&t.term, &target.text()[t.span.clone()]));
    }
    // A lower-case short form (programme d'action for the United Nations programme of
    // action) names its concept only after the full form: before, the words are generic.
    named.extend(
        in_source
            .iter()
            .filter(|m| !short(tb.concepts[m.concept_index].terms[m.term_index].term_type))
            .map(|m| m.concept_index),
    );
    let mut seen: FxHashSet<usize> = FxHashSet::default();
    let mut source_kept: Option<Vec<TermMatch>> = None;
    let mut target_keys: Option<FxHashMap<String, Vec<usize>>> = None;
    for m in in_source {
        let concept = &tb.concepts[m.concept_index];
        let term = &concept.terms[m.term_index];
        // Another word of the same stem (`vulnérables` for `vulnérabilité`) is not the term
        // (which the unit may hold further on).
        if m.class == MatchClass::Stemmed
            && derived_word(&term.text, &src.text[m.span.clone()], &src.lang)
        {
            continue;
        }
        if !seen.insert(m.concept_index) {
            continue;
        }
        // A name found in lower case (« une convention sur la cybercriminalité » for the
        // Convention sur la cybercriminalité of the Council of Europe) is a common noun.
        if common_noun(&term.text, &src.text[m.span.clone()]) {
            continue;
        }
        if matches!(
            term.term_type,
            Some(TermType::Abbreviation | TermType::ShortForm)
        ) && !term.text.chars().next().is_some_and(char::is_uppercase)
            && !named.contains(&m.concept_index)
        {
            continue;
        }
        let expected = approved(concept, lang);
        if expected.is_empty() {
            continue;
        }
        let src_key = lookup_key(&m.term);
        // Named twice or more in the source (full forms only: `technologies de l'information
        // et des communications (TIC)` names the concept once, and Arabic writes no acronym),
        // fewer times in the translation, where a term of a concept the source does not name
        // stands: the missing mentions were replaced. The source's count, the translation's
        // and the stray term.
        let k = in_source
            .iter()
            .filter(|x| {
                x.concept_index == m.concept_index && !short(concept.terms[x.term_index].term_type)
            })
            .count();
        let replaced = (|| -> Option<(usize, usize, &str)> {
            if k < 2 {
                return None;
            }
            let n = in_target
                .iter()
                .filter(|x| x.concept_index == m.concept_index)
                .count();
            let stray = in_target
                .iter()
                .find(|t| !in_source.iter().any(|s| s.concept_index == t.concept_index))?;
            (n < k).then_some((k, n, stray.term.as_str()))
        })();
        // Named twice or more in the source and only in weaker forms in the translation:
        // inside compounds (`non-nuclear-weapon States`), as an Arabic relative adjective
        // (`الرعاية الصحية` for « services de santé ») or by its words apart (`international
        // humanitarian law`): those forms must stand as many times as the source names the
        // concept (a deleted mention leaves the compound or the adjective of the other).
        let weak_only = k >= 2
            && !in_target.iter().any(|t| {
                t.concept_index == m.concept_index
                    && !weak_form(target.text(), &t.span, &t.term, lang)
            });
        let weak = in_target
            .iter()
            .filter(|t| t.concept_index == m.concept_index)
            .count();
        let weak_enough = |keys: &FxHashMap<String, Vec<usize>>, e: &str| {
            weak >= k || times_apart(e, lang, keys) >= k
        };
        let strong_enough = !weak_only || {
            let keys = target_keys.get_or_insert_with(|| word_keys(target.text(), lang));
            expected.iter().any(|e| weak_enough(keys, e))
        };
        if let Some(t) = in_target
            .iter()
            .find(|t| t.concept_index == m.concept_index)
            .filter(|_| replaced.is_none() && strong_enough)
        {
            if let Some(name) = names::name_key(&src.text, &m.span, &src.lang) {
                in_names
                    .entry((m.concept_index, name))
                    .or_default()
                    .rendered += 1;
            }
            // Rendered: the same source term rendered another way before?
            if rejected(t.status) || !on("term/inconsistent") {
                continue;
            }
            let key = (m.concept_index, src_key);
            match rendered.get(&key) {
                None => {
                    rendered.insert(key, t.term_index);
                }
                Some(&first)
                    if first != t.term_index
                        && !same_rendering(&concept.terms[first].text, &t.term, lang)
                        && !in_target.iter().any(|o| {
                            o.concept_index == m.concept_index && o.term_index == first
                        }) =>
                {
                    hits.push(Hit {
                        rule: "term/inconsistent",
                        unit: u,
                        span: t.span.clone(),
                        message: format!(
                            "« {} » is rendered « {} » here and « {} » elsewhere in the document",
                            m.term, t.term, concept.terms[first].text
                        ),
                        details: Details {
                            concept: Some(concept.id.clone()),
                            expected: vec![concept.terms[first].text.clone()],
                            ..Details::default()
                        },
                        fix: None,
                    });
                }
                _ => {}
            }
            continue;
        }
        // A term written the same in both languages (corruption, agenda) is missing, not
        // left untranslated, when the target lacks it.
        let identical = expected.iter().any(|e| lookup_key(e) == src_key);
        // Its words all there, apart (فريق الخبراء العامل for فريق عامل): not missing.
        // (In Arabic the words' keys are also how a term is found with its clitics, `بسلوك
        // الدول المسؤول`: they count where a replacement is suspected too, as many times as
        // the source names the concept: `ترسانات أسلحتها النووية` once is not the two mentions
        // of « armes nucléaires » when a stray term stands in the translation.)
        let keys = target_keys.get_or_insert_with(|| word_keys(target.text(), lang));
        let apart = |e: &str| match replaced {
            None if weak_only => weak_enough(keys, e),
            None => all_words_in(e, lang, keys),
            Some((k, _, _)) if lang == &Lang::Ar => times_apart(e, lang, keys) >= k,
            Some(_) => false,
        };
        if expected.iter().any(|e| apart(e)) {
            continue;
        }
        // A compound whose hyphen was lost (capacitybuilding); a name written with its
        // capital in the source and by its head alone in the target (the Assembly), more
        // often than the source names it so.
        let capital = src.text[m.span.clone()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let source_heads = capital.then(|| match lang {
            Lang::Ar => head_words(&term.text, &src.lang, &src.text),
            _ => head_mentions(&term.text, &src.lang, &src.text),
        });
        // The head must also stand about where the source names the concept (a head far
        // from it is another mention: `the Council` for the pronoun of « il vient de
        // renouveler », the name itself left out).
        let by_head = |e: &str| {
            let at = || {
                src.text[..m.span.start].chars().count() as f64
                    / src.text.chars().count().max(1) as f64
            };
            source_heads.is_some_and(|n| head_mentions(e, lang, target.text()) > n)
                && head_near(e, lang, target.text(), at())
        };
        let other_names: Vec<usize> = in_target
            .iter()
            .filter(|t| t.concept_index != m.concept_index)
            .map(|t| t.span.end)
            .collect();
        if expected.iter().any(|e| {
            joined_in(e, target.text())
                || by_head(e)
                || by_acronym(e, lang, target.text(), &other_names)
        }) && replaced.is_none()
        {
            continue;
        }
        let kept = source_kept.get_or_insert_with(|| {
            cx.matcher
                .find_all(target.text(), &src.lang, MatchClass::Stemmed)
        });
        let expected: Vec<String> = expected.into_iter().map(String::from).collect();
        if let Some(k) = kept
            .iter()
            .find(|k| k.concept_index == m.concept_index && !identical)
        {
            let is_short = short(concept.terms[m.term_index].term_type);
            let rule = if is_short {
                "acronym/mismatch"
            } else {
                "term/untranslated"
            };
            hits.push(Hit {
                rule,
                unit: u,
                span: k.span.clone(),
                message: format!(
                    "« {} » is left in {}: expected « {} »",
                    &target.text()[k.span.clone()],
                    src.lang,
                    expected[0]
                ),
                details: Details {
                    concept: Some(concept.id.clone()),
                    expected,
                    ..Details::default()
                },
                fix: None,
            });
            continue;
        }
        let span = whole(target.text());
        let hit = Hit {
            rule: "term/missing-equivalent",
            unit: u,
            span,
            message: match replaced {
                Some((k, n, stray)) => format!(
                    "the source names « {} » ({}) {k} times, the target its equivalents {n} times as such, beside « {stray} », a term of a concept the source does not name",
                    &src.text[m.span.clone()],
                    concept.id
                ),
                _ => format!(
                    "the source has « {} » ({}); none of its equivalents is in the target",
                    &src.text[m.span.clone()],
                    concept.id
                ),
            },
            details: Details {
                concept: Some(concept.id.clone()),
                expected,
                ..Details::default()
            },
            fix: None,
        };
        // Inside a longer name: told once the whole document shows how the name is rendered.
        match names::name_key(&src.text, &m.span, &src.lang) {
            Some(name) => {
                let stray = in_target
                    .iter()
                    .any(|t| !in_source.iter().any(|s| s.concept_index == t.concept_index));
                in_names
                    .entry((m.concept_index, name))
                    .or_default()
                    .missing
                    .push((hit, stray));
            }
            None => hits.push(hit),
        }
    }
}

//! The term rules (`term/deprecated`, `term/variant`, `term/missing-equivalent`,
//! `term/untranslated`, `term/inconsistent`) and the acronym rules (`acronym/undefined`,
//! `acronym/mismatch`), over the terms [`crate::termbase::TermMatcher`] finds.
//!
//! [`forms`] tells how a found term stands (a name or a common noun, expanded or not, inside
//! a cited title); [`apart`] finds a term whose words stand apart in a translation; [`names`]
//! tells a term inside a longer name or a narrower term, which a translation may render by a
//! form of its own; [`weak`]
//! tells the weaker forms of a term (inside a compound, an Arabic relative adjective) and an
//! Arabic term's feminine twin; [`coordinated`] tells a source term whose complement is
//! coordinated with another (« maintien de la paix et de la sécurité »).

mod apart;
mod bilingual;
mod coordinated;
mod forms;
mod names;
mod weak;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::{Context, Doc, Hit};
use crate::diag::Details;
use crate::termbase::annotate::TextTerms;
use crate::termbase::{Concept, MatchClass, Status, TermMatch, TermType};
use crate::Lang;
use bilingual::{bilingual, Memory};
use forms::{common_noun, expanded_before, expanded_here, in_title};

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
    for ((_, key), uses) in std::mem::take(&mut memory.names) {
        hits.extend(uses.settle(&key));
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

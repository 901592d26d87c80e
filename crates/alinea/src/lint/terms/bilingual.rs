//! The bilingual term rules: a source term whose approved equivalents the aligned target
//! unit lacks (`term/missing-equivalent`), leaves in the source language
//! (`term/untranslated`, `acronym/mismatch`) or renders two ways in one document
//! (`term/inconsistent`), with the forms that count as a rendering (words apart, a name's head
//! where the source names it, an acronym, weaker forms as often as the source names the term)
//! and the counts that tell a replaced term.

use rustc_hash::{FxHashMap, FxHashSet};

use super::apart::{all_words_in, times_apart, word_keys};
use super::coordinated::coordinated;
use super::forms::{
    by_acronym, derived_word, head_mentions, head_near, head_words, joined_in, longer_name_acronym,
    verbal_form,
};
use super::weak::{borrowed, demonstrative_mentions, feminine_twin, weak_form};
use super::{approved, common_noun, names, rejected, short};
use crate::diag::Details;
use crate::lint::{Context, Doc, Hit};
use crate::termbase::annotate::TextTerms;
use crate::termbase::normalize::{lookup_key, stem_key, stemmed_words};
use crate::termbase::{MatchClass, TermMatch, TermType};
use crate::Lang;

/// What the bilingual checks of a document carry from unit to unit.
#[derive(Default)]
pub(super) struct Memory {
    /// (concept, source key) → the first target term used.
    pub(super) rendered: FxHashMap<(usize, String), usize>,
    /// The concepts whose full form the source has named so far.
    pub(super) named: FxHashSet<usize>,
    /// (concept, the name its source term stands in) → how the name fares in the document
    /// ([`names`]); ordered, so that the findings come out the same at every run.
    pub(super) names: std::collections::BTreeMap<(usize, String), names::NameUses>,
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
pub(super) fn bilingual(
    u: usize,
    target: &TextTerms,
    (src, in_source): (&crate::lint::SourceUnit, &[TermMatch]),
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
    // A verb of a one-word term's stem (`educated` for `education`) is not the term.
    in_target.retain(|t| {
        t.class != MatchClass::Stemmed
            || !verbal_form(&t.term, &target.text()[t.span.clone()], lang)
    });
    // An Arabic term's feminine twin is another noun (`الأمانة العامة` for `الأمين العام`).
    if lang == &Lang::Ar {
        in_target.retain(|t| !feminine_twin(&t.term, &target.text()[t.span.clone()]));
    }
    // A term in another number or shape that renders another word of the source is that
    // word's rendering, not the term's (`نزع السلاح النووي`, « désarmement nucléaire »).
    let borrowed_at = drop_borrowed(&mut in_target, in_source, src, target.text(), lang);
    // Nor are its words there apart: the words the rules below look for apart are those of
    // the translation without them.
    let apart_text = match borrowed_at.is_empty() {
        true => std::borrow::Cow::Borrowed(target.text()),
        false => {
            let mut t = target.text().to_string();
            for r in &borrowed_at {
                t.replace_range(r.clone(), &" ".repeat(r.len()));
            }
            std::borrow::Cow::Owned(t)
        }
    };
    // A lower-case short form (programme d'action for the United Nations programme of
    // action) names its concept only after the full form: before, the words are generic.
    named.extend(
        in_source
            .iter()
            .filter(|m| !short(tb.concepts[m.concept_index].terms[m.term_index].term_type))
            .map(|m| m.concept_index),
    );
    // A term of the translation whose concept the source does not name: maybe the wrong term
    // put in another's place.
    let stray_term = |t: &TermMatch| !in_source.iter().any(|s| s.concept_index == t.concept_index);
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
        // « maintien de la paix et de la sécurité » is not peacekeeping: the term's complement
        // is coordinated with another, and the translation says the phrase its own way.
        if coordinated(&term.text, &src.text, &m.span, &src.lang) {
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
            let stray = in_target.iter().find(|t| stray_term(t))?;
            (n < k).then_some((k, n, stray.term.as_str()))
        })();
        // Named twice or more in the source and only in weaker forms in the translation:
        // inside compounds (`non-nuclear-weapon States`), as an Arabic relative adjective
        // (`الرعاية الصحية` for « services de santé ») or by its words apart (`international
        // humanitarian law`): those forms must stand as many times as the source names the
        // concept (a deleted mention leaves the compound or the adjective of the other).
        // A later mention by a demonstrative and the head (« ces armes ») counts on both
        // sides (`these weapons`).
        let named_at = spans_of(in_source, m.concept_index);
        let no_strong = !in_target.iter().any(|t| {
            t.concept_index == m.concept_index && !weak_form(target.text(), &t.span, &t.term, lang)
        });
        // (Counted only where it matters: the translation has no strong form.)
        let mentions = match no_strong {
            true => k + demonstrative_mentions(&term.text, &src.lang, &src.text, &named_at),
            false => k,
        };
        let rendered_at = spans_of(&in_target, m.concept_index);
        let weak_only = mentions >= 2 && no_strong;
        let weak_enough = |keys: &FxHashMap<String, Vec<usize>>, e: &str, need: usize| {
            rendered_at.len() + demonstrative_mentions(e, lang, target.text(), &rendered_at) >= need
                || times_apart(e, lang, keys) >= need
        };
        let strong_enough = !weak_only || {
            let keys = target_keys.get_or_insert_with(|| word_keys(&apart_text, lang));
            expected.iter().any(|e| weak_enough(keys, e, mentions))
        };
        if let Some(t) = in_target
            .iter()
            .find(|t| t.concept_index == m.concept_index)
            .filter(|_| replaced.is_none() && strong_enough)
        {
            if let Some((name, narrower)) =
                names::phrase_key(&src.text, &m.span, &term.text, &src.lang)
            {
                in_names
                    .entry((m.concept_index, name))
                    .or_insert_with(|| names::NameUses {
                        narrower,
                        ..Default::default()
                    })
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
        let keys = target_keys.get_or_insert_with(|| word_keys(&apart_text, lang));
        // (A one-word term's stem alone takes a verb of it for the term: not when every word
        // of that stem in the translation is one, `educated` for `education`.)
        let verbs_only = |e: &str| {
            let k = stem_key(e, lang);
            let mut same = stemmed_words(target.text(), lang)
                .into_iter()
                .filter(|(_, w)| *w == k)
                .map(|(r, _)| &target.text()[r])
                .peekable();
            same.peek().is_some() && same.all(|f| verbal_form(e, f, lang))
        };
        let apart = |e: &str| match replaced {
            _ if verbs_only(e) => false,
            None if weak_only => weak_enough(keys, e, mentions),
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
        // (Not by its head when a term of a concept the source does not name stands in the
        // translation: maybe the wrong name put in its place, `World Health Organization
        // resolution 1325 (2000), the Council's other resolutions`.)
        let stray = || in_target.iter().any(&stray_term);
        // An acronym of the translation renders the spelt-out term only where the source has
        // no acronym of a longer name ending with it (`OPCW` is the source's `OIAC`, not its
        // « armes chimiques » written out; `EU` may be « Union européenne (UE) »).
        let source_acronym = || longer_name_acronym(&m.term, &src.lang, &src.text);
        if expected.iter().any(|e| {
            joined_in(e, target.text())
                || (by_head(e) && !stray())
                || (by_acronym(e, lang, target.text(), &other_names) && !source_acronym())
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
        // Weak forms enough for the source's mentions but those inside a longer name or a
        // narrower term (« en matière d'éducation » and « d'éducation sexuelle » against
        // `التحصيل التعليمي` and `التوعية الجنسية`): the finding waits for the document to show
        // whether that phrase has a rendering of its own, as the phrase's own findings do.
        let phrase_mention = match (weak_only, replaced) {
            (true, None) => {
                let phrases: Vec<(String, Option<Lang>)> = in_source
                    .iter()
                    .filter(|x| {
                        x.concept_index == m.concept_index
                            && x.span != m.span
                            && !short(concept.terms[x.term_index].term_type)
                    })
                    .filter_map(|x| {
                        let t = &concept.terms[x.term_index].text;
                        names::phrase_key(&src.text, &x.span, t, &src.lang)
                    })
                    .collect();
                let need = mentions.saturating_sub(phrases.len());
                phrases.into_iter().next().filter(|_| {
                    need >= 1 && {
                        let keys = target_keys.get_or_insert_with(|| word_keys(&apart_text, lang));
                        expected.iter().any(|e| weak_enough(keys, e, need))
                    }
                })
            }
            _ => None,
        };
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
        // Inside a longer name or a narrower term: told once the whole document shows how it
        // is rendered.
        match names::phrase_key(&src.text, &m.span, &term.text, &src.lang).or(phrase_mention) {
            Some((name, narrower)) => {
                in_names
                    .entry((m.concept_index, name))
                    .or_insert_with(|| names::NameUses {
                        narrower,
                        ..Default::default()
                    })
                    .missing
                    .push((hit, stray()));
            }
            None => hits.push(hit),
        }
    }
}

/// The byte ranges of the matches of concept `c`.
fn spans_of(matches: &[TermMatch], c: usize) -> Vec<std::ops::Range<usize>> {
    matches
        .iter()
        .filter(|x| x.concept_index == c)
        .map(|x| x.span.clone())
        .collect()
}

/// Takes out of `in_target` the terms found in another number or shape (stemmed or root
/// matches) that render another word of the source unit ([`borrowed`]); their byte ranges.
fn drop_borrowed(
    in_target: &mut Vec<TermMatch>,
    in_source: &[TermMatch],
    src: &crate::lint::SourceUnit,
    target: &str,
    lang: &Lang,
) -> Vec<std::ops::Range<usize>> {
    let concepts: FxHashSet<usize> = in_source.iter().map(|m| m.concept_index).collect();
    let mut out = Vec::new();
    for c in concepts {
        let other_form = |t: &TermMatch| t.concept_index == c && t.class >= MatchClass::Stemmed;
        let found: Vec<_> = in_target
            .iter()
            .filter(|t| other_form(t))
            .map(|t| t.span.clone())
            .collect();
        if found.is_empty() {
            continue;
        }
        let term = in_source
            .iter()
            .find(|x| x.concept_index == c)
            .map_or("", |x| x.term.as_str());
        let gone: Vec<_> = borrowed(
            (&src.text, &src.lang, term, &spans_of(in_source, c)),
            (target, lang),
            &found,
        )
        .into_iter()
        .map(|k| found[k].clone())
        .collect();
        in_target.retain(|t| !(other_form(t) && gone.contains(&t.span)));
        out.extend(gone);
    }
    out
}

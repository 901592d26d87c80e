//! Mined candidates against the curated glossary (terms compared by their variant keys: case,
//! accents, plural, hyphens, Arabic letter variants and clitics). A candidate that is already a
//! term of a concept adds its evidence (a note); a new equivalent associated strongly enough
//! ([`PROPOSE_MIN`]) becomes a proposed term of that concept, unless it is a curated term of
//! another concept; a new term seen twice or more, with an equivalent, becomes a proposed
//! concept. Everything mined is marked `proposed` (the TBX process status
//! `provisionallyProcessed`, held as a note, and the transaction kind `proposal`, with
//! frequency, score and two contexts); the curated glossary itself is never changed: the result
//! is a separate termbase for review.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::tokens::variant_key;
use super::Candidate;
use crate::termbase::model::{Concept, Term, Termbase, Transaction};
use crate::termbase::normalize::lookup_key;
use crate::Lang;

/// The note every mined entry carries.
/// The note every mined entry carries: on a term, TBX writes it as the data category
/// `<termNote type="processStatus">provisionallyProcessed</termNote>`.
pub const PROPOSED: &str = "processStatus: provisionallyProcessed";

/// The association a new equivalent needs to be proposed for a curated concept: a word that
/// only keeps the term company in two or three units (an enumeration: `sexual exploitation`
/// for « logiciels malveillants », `January` for « sécurité de l'information ») has about
/// 0.5–0.67; a second rendering of the term, about 0.8 and more. A terminologist reviews
/// what is proposed: noise costs their time, a rendering left out is still in the mined
/// list's evidence.
pub const PROPOSE_MIN: f64 = 0.7;

/// A curated concept found again in the corpus, with its equivalents.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rediscovered {
    pub concept: String,
    pub fr: String,
    pub en: String,
    pub ar: String,
}

/// What merging gives.
#[derive(Clone, Debug, Default)]
pub struct Merged {
    /// Curated concepts with mined evidence or proposed terms, then proposed concepts.
    pub termbase: Termbase,
    /// Curated concepts whose en and ar terms were both found as top equivalents.
    pub rediscovered: Vec<Rediscovered>,
    /// Proposed terms added to curated concepts.
    pub proposed_terms: usize,
    /// Proposed new concepts.
    pub proposed_concepts: usize,
}

fn evidence(c: &Candidate) -> Vec<String> {
    let mut notes = vec![format!("mined: frequency {}, score {}", c.freq, c.score)];
    for x in c.contexts.iter().take(2) {
        notes.push(format!("context ({} #{}): {}", x.doc, x.unit, x.text));
    }
    notes
}

fn proposal() -> Transaction {
    Transaction {
        kind: "proposal".into(),
        date: None,
        by: Some("alinea terms".into()),
    }
}

fn proposed_term(lang: Lang, text: &str, notes: Vec<String>) -> Term {
    let mut t = Term::new(lang, text);
    t.notes = notes;
    t.notes.insert(0, PROPOSED.to_string());
    t.transactions.push(proposal());
    t
}

fn slug(s: &str) -> String {
    let k = lookup_key(s);
    let mut out = String::new();
    for c in k.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

fn new_concept(c: &Candidate, id: String) -> Concept {
    let mut terms = vec![proposed_term(c.lang.clone(), &c.text, evidence(c))];
    for (l, es) in &c.equivalents {
        if let (Ok(lang), Some(e)) = (l.parse::<Lang>(), es.first()) {
            terms.push(proposed_term(
                lang,
                &e.text,
                vec![format!(
                    "equivalent: frequency {}, association {}",
                    e.freq, e.score
                )],
            ));
        }
    }
    let mut concept = Concept {
        id,
        notes: vec![PROPOSED.to_string()],
        transactions: vec![proposal()],
        terms,
        ..Concept::default()
    };
    concept.canonicalize();
    concept
}

/// Every candidate as a proposed concept (the TBX of `terms extract`).
pub fn proposed(candidates: &[Candidate]) -> Termbase {
    let mut ids: FxHashMap<String, usize> = FxHashMap::default();
    Termbase {
        concepts: candidates
            .iter()
            .map(|c| new_concept(c, unique_id(&mut ids, c)))
            .collect(),
    }
}

fn unique_id(ids: &mut FxHashMap<String, usize>, c: &Candidate) -> String {
    let base = format!("mined-{}-{}", c.lang, slug(&c.text));
    let n = ids.entry(base.clone()).or_default();
    *n += 1;
    if *n == 1 {
        base
    } else {
        format!("{base}-{n}")
    }
}

/// Merge the candidates of the `pivot` language with the curated `glossary`.
pub fn merge(candidates: &[Candidate], pivot: &Lang, glossary: &Termbase) -> Merged {
    // lookup key of a pivot-language term → concept index.
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    // (language, variant key) of every curated term.
    let mut curated_terms: FxHashSet<(Lang, String)> = FxHashSet::default();
    for (i, c) in glossary.concepts.iter().enumerate() {
        for t in &c.terms {
            let key = variant_key(&t.text, &t.lang);
            if &t.lang == pivot {
                by_key.entry(key.clone()).or_insert(i);
            }
            curated_terms.insert((t.lang.clone(), key));
        }
    }
    let mut merged = Merged::default();
    let mut touched: Vec<Option<Concept>> = vec![None; glossary.concepts.len()];
    let mut proposed: Vec<Concept> = Vec::new();
    let mut ids: FxHashMap<String, usize> = FxHashMap::default();
    for c in candidates.iter().filter(|c| &c.lang == pivot) {
        let Some(&ci) = by_key.get(&variant_key(&c.text, pivot)) else {
            // A new concept needs an equivalent and two occurrences.
            if !c.equivalents.is_empty() && c.freq >= 2 {
                proposed.push(new_concept(c, unique_id(&mut ids, c)));
            }
            continue;
        };
        let curated = &glossary.concepts[ci];
        if touched[ci].is_some() {
            continue;
        }
        let mut concept = curated.clone();
        concept.notes.extend(evidence(c));
        let mut found: FxHashMap<&str, String> = FxHashMap::default();
        for (l, es) in &c.equivalents {
            let Ok(lang) = l.parse::<Lang>() else {
                continue;
            };
            let Some(top) = es.first() else { continue };
            let key = variant_key(&top.text, &lang);
            let known = curated
                .terms
                .iter()
                .find(|t| t.lang == lang && variant_key(&t.text, &lang) == key);
            match known {
                Some(t) => {
                    if let Some(code) = ["en", "ar"].into_iter().find(|x| *x == l) {
                        found.insert(code, t.text.clone());
                    }
                }
                // A curated term of another concept is that concept's, whatever units the two
                // share (`Budapest Convention` beside « données à caractère personnel »).
                None if top.score >= PROPOSE_MIN
                    && !curated_terms.contains(&(lang.clone(), key.clone())) =>
                {
                    concept.terms.push(proposed_term(
                        lang,
                        &top.text,
                        vec![format!(
                            "equivalent of {}: frequency {}, association {}",
                            c.text, top.freq, top.score
                        )],
                    ));
                    merged.proposed_terms += 1;
                }
                None => {}
            }
        }
        if let (Some(en), Some(ar)) = (found.get("en"), found.get("ar")) {
            merged.rediscovered.push(Rediscovered {
                concept: curated.id.clone(),
                fr: c.text.clone(),
                en: en.clone(),
                ar: ar.clone(),
            });
        }
        concept.canonicalize();
        touched[ci] = Some(concept);
    }
    merged.proposed_concepts = proposed.len();
    merged.termbase.concepts = touched.into_iter().flatten().collect();
    merged.termbase.concepts.extend(proposed);
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mine::Equivalent;
    use std::collections::BTreeMap;

    fn cand(text: &str, en: &str, ar: &str) -> Candidate {
        let mut eq = BTreeMap::new();
        let e = |t: &str| {
            vec![Equivalent {
                text: t.into(),
                score: 0.8,
                freq: 2,
                joint: 2,
            }]
        };
        eq.insert("en".into(), e(en));
        eq.insert("ar".into(), e(ar));
        Candidate {
            lang: Lang::Fr,
            text: text.into(),
            freq: 2,
            score: 0.7,
            forms: vec![text.into()],
            expansion: None,
            equivalents: eq,
            contexts: vec![],
            termhood: Default::default(),
            features: Vec::new(),
        }
    }

    fn glossary() -> Termbase {
        Termbase {
            concepts: vec![Concept {
                id: "cybercrime".into(),
                terms: vec![
                    Term::new(Lang::Fr, "cybercriminalité"),
                    Term::new(Lang::En, "cybercrime"),
                    Term::new(Lang::Ar, "الجريمة السيبرانية"),
                ],
                ..Concept::default()
            }],
        }
    }

    #[test]
    fn known_new_equivalent_and_new_concept() {
        let g = glossary();
        let cands = vec![
            cand("Cybercriminalité", "cybercrime", "الجرائم الإلكترونية"),
            cand("cybersécurité", "cybersecurity", "الأمن السيبراني"),
            Candidate {
                freq: 1,
                ..cand("hapax", "hapax", "هاباكس")
            },
        ];
        let m = merge(&cands, &Lang::Fr, &g);
        assert!(m.rediscovered.is_empty(), "ar differs");
        assert_eq!(m.proposed_terms, 1);
        assert_eq!(m.proposed_concepts, 1);
        let known = &m.termbase.concepts[0];
        assert_eq!(known.id, "cybercrime");
        let new_ar = known
            .terms
            .iter()
            .find(|t| t.text == "الجرائم الإلكترونية")
            .unwrap();
        assert_eq!(new_ar.notes[0], PROPOSED);
        assert_eq!(
            g.concepts[0].terms.len(),
            3,
            "the curated glossary is untouched"
        );
        let m = merge(
            &[cand("cybercriminalité", "Cybercrime", "الجريمة السيبرانية")],
            &Lang::Fr,
            &g,
        );
        assert_eq!(m.rediscovered.len(), 1);
        assert_eq!(m.rediscovered[0].ar, "الجريمة السيبرانية");
    }

    #[test]
    fn a_weak_association_is_no_proposed_term() {
        let mut c = cand("cybercriminalité", "cybercrime", "الجرائم الإلكترونية");
        c.equivalents.get_mut("ar").unwrap()[0].score = PROPOSE_MIN - 0.01;
        let m = merge(&[c.clone()], &Lang::Fr, &glossary());
        assert_eq!(m.proposed_terms, 0);
        assert_eq!(
            m.termbase.concepts[0].terms.len(),
            3,
            "{:?}",
            m.termbase.concepts[0]
        );
        c.equivalents.get_mut("ar").unwrap()[0].score = PROPOSE_MIN;
        assert_eq!(merge(&[c], &Lang::Fr, &glossary()).proposed_terms, 1);
    }

    #[test]
    fn a_curated_term_of_another_concept_is_not_proposed() {
        let mut g = glossary();
        g.concepts.push(Concept {
            id: "budapest-convention".into(),
            terms: vec![
                Term::new(Lang::Fr, "Convention de Budapest"),
                Term::new(Lang::En, "Budapest Convention"),
            ],
            ..Concept::default()
        });
        let c = cand(
            "cybercriminalité",
            "Budapest Convention",
            "الجرائم الإلكترونية",
        );
        let m = merge(&[c], &Lang::Fr, &g);
        // The Arabic one is new to every concept: proposed; the English one is another's.
        assert_eq!(m.proposed_terms, 1);
        let cyber = &m.termbase.concepts[0];
        assert!(cyber.terms.iter().all(|t| t.text != "Budapest Convention"));
        assert!(cyber.terms.iter().any(|t| t.text == "الجرائم الإلكترونية"));
    }
}

//! The answer to one lookup, shaped once for every front end: the hits of [`Index::lookup`]
//! with their concepts and, when translation memories are loaded, their concordance lines —
//! or, when no concept matched, the concordance of the query itself. `alinea lookup --format
//! json` prints it and the server's `/api/lookup` returns it, so both give the same classes,
//! scores and fields.

use serde::Serialize;

use super::concordance::{Line, Memory};
use super::{Concept, Hit, Index, Query, Term};

/// One concept found, with the term that matched.
#[derive(Clone, Debug, Serialize)]
pub struct AnswerHit<'a> {
    /// The match class (`exact`, `normalised`, `stemmed`, `root`, `fuzzy`, `prefix`).
    pub class: &'static str,
    /// The hit's score, rounded to three decimals.
    pub score: f64,
    /// Edit distance, for fuzzy hits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance: Option<usize>,
    pub matched: &'a Term,
    pub concept: &'a Concept,
    /// The translation units that use the concept's terms.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub concordance: Vec<Line>,
    /// The hit as the index gave it (unrounded score, indices).
    #[serde(skip)]
    pub hit: Hit,
}

/// The answer to one query.
#[derive(Clone, Debug, Serialize)]
pub struct Answer<'a> {
    pub query: &'a str,
    pub hits: Vec<AnswerHit<'a>>,
    /// With no hit: the concordance of the query itself.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub concordance: Vec<Line>,
}

impl Answer<'_> {
    /// Whether anything was found: a concept, or the query in the memories.
    pub fn found(&self) -> bool {
        !self.hits.is_empty() || !self.concordance.is_empty()
    }
}

/// Looks `q` up in `index`; concordance lines (at most `q.limit` per concept) from `memory`
/// when it holds units.
pub fn answer<'a>(index: &'a Index, memory: &Memory, q: &Query<'a>) -> Answer<'a> {
    let hits = index.lookup(q);
    let concordance = if hits.is_empty() && !memory.is_empty() {
        memory.phrase(q.text, q.lang.as_ref(), q.limit)
    } else {
        Vec::new()
    };
    let hits = hits
        .into_iter()
        .map(|h| {
            let concept = index.concept(&h);
            AnswerHit {
                class: h.class.as_str(),
                score: (h.score * 1000.0).round() / 1000.0,
                distance: h.distance,
                matched: &concept.terms[h.term],
                concept,
                concordance: if memory.is_empty() {
                    Vec::new()
                } else {
                    memory.concept(concept, q.limit)
                },
                hit: h,
            }
        })
        .collect();
    Answer {
        query: q.text,
        hits,
        concordance,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::termbase::load::BUILT_IN;
    use crate::termbase::{read_str, Format};

    fn index() -> Index {
        let tb = read_str(BUILT_IN, Format::Toml, std::path::Path::new("g.toml"))
            .unwrap()
            .termbase;
        Index::new(tb)
    }

    #[test]
    fn an_exact_hit_carries_its_concept_and_rounded_score() {
        let index = index();
        let memory = Memory::new();
        let q = Query {
            text: "TIC",
            lang: None,
            limit: 3,
        };
        let a = answer(&index, &memory, &q);
        assert!(a.found());
        let first = &a.hits[0];
        assert_eq!(first.class, "exact");
        assert_eq!(first.score, 1.0);
        assert_eq!(first.matched.text, "TIC");
        assert!(first.concept.terms.iter().any(|t| t.text == "ICT"));
        let v = serde_json::to_value(&a).unwrap();
        assert_eq!(v["query"], "TIC");
        assert!(v["hits"][0].get("hit").is_none(), "{v}");
        assert!(v.get("concordance").is_none(), "{v}");
    }

    #[test]
    fn nothing_found_without_hits_or_memory() {
        let index = index();
        let a = answer(
            &index,
            &Memory::new(),
            &Query {
                text: "zzzzqqq",
                lang: None,
                limit: 3,
            },
        );
        assert!(!a.found());
        assert!(a.hits.is_empty());
    }
}

//! Bilingual concordance: the aligned translation units that use a concept's terms, in any
//! inflected form (same stems, word by word), with the places of the terms in every variant
//! so they can be highlighted next to their aligned translation.

use std::ops::Range;

use serde::Serialize;

use super::model::Concept;
use super::normalize::stemmed_words;
use crate::tmx::Tu;
use crate::Lang;

/// One translation unit that uses the concept.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Line {
    /// Index of the unit in the memory.
    pub tu: usize,
    /// The unit's `tuid`, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Every variant of the unit; `spans` is empty where no term of the concept was found.
    pub variants: Vec<Variant>,
}

/// One language variant, with the byte ranges of the concept's terms in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Variant {
    pub lang: String,
    pub text: String,
    pub spans: Vec<Range<usize>>,
}

/// Up to `limit` units of `tus` in which a term of `concept` occurs.
pub fn concordance(concept: &Concept, tus: &[Tu], limit: usize) -> Vec<Line> {
    // Stem sequences of the terms, per language.
    let mut patterns: Vec<(Lang, Vec<String>)> = Vec::new();
    for t in &concept.terms {
        let seq: Vec<String> = stemmed_words(&t.text, &t.lang)
            .into_iter()
            .map(|(_, k)| k)
            .filter(|k| !k.is_empty())
            .collect();
        if !seq.is_empty() && !patterns.iter().any(|(l, s)| l == &t.lang && s == &seq) {
            patterns.push((t.lang.clone(), seq));
        }
    }
    let mut out = Vec::new();
    for (i, tu) in tus.iter().enumerate() {
        if out.len() >= limit {
            break;
        }
        let mut found = false;
        let variants: Vec<Variant> = tu
            .variants
            .iter()
            .map(|v| {
                let spans = match v.lang.parse::<Lang>() {
                    Ok(lang) if patterns.iter().any(|(l, _)| l == &lang) => {
                        find(&v.text, &lang, &patterns)
                    }
                    _ => Vec::new(),
                };
                found |= !spans.is_empty();
                Variant {
                    lang: v.lang.clone(),
                    text: v.text.clone(),
                    spans,
                }
            })
            .collect();
        if found {
            out.push(Line {
                tu: i,
                id: tu.id.clone(),
                variants,
            });
        }
    }
    out
}

fn find(text: &str, lang: &Lang, patterns: &[(Lang, Vec<String>)]) -> Vec<Range<usize>> {
    let words = stemmed_words(text, lang);
    let mut spans: Vec<Range<usize>> = Vec::new();
    for (_, seq) in patterns.iter().filter(|(l, _)| l == lang) {
        if seq.len() > words.len() {
            continue;
        }
        for start in 0..=words.len() - seq.len() {
            if words[start..start + seq.len()]
                .iter()
                .zip(seq)
                .all(|((_, k), s)| k == s)
            {
                spans.push(words[start].0.start..words[start + seq.len() - 1].0.end);
            }
        }
    }
    spans.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    // Keep the longest of overlapping spans.
    let mut kept: Vec<Range<usize>> = Vec::new();
    for r in spans {
        match kept.last() {
            Some(last) if r.start < last.end => {}
            _ => kept.push(r),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::termbase::Term;
    use crate::tmx::Tuv;

    fn tu(fr: &str, en: &str) -> Tu {
        Tu {
            id: None,
            props: Vec::new(),
            variants: vec![
                Tuv {
                    lang: "fr-FR".into(),
                    text: fr.into(),
                },
                Tuv {
                    lang: "en".into(),
                    text: en.into(),
                },
            ],
        }
    }

    #[test]
    fn finds_inflected_forms_in_both_languages() {
        let concept = Concept {
            id: "csirt".into(),
            terms: vec![
                Term::new(Lang::Fr, "équipe d'intervention en cas d'incident"),
                Term::new(Lang::Fr, "CSIRT"),
                Term::new(Lang::En, "computer security incident response team"),
            ],
            ..Concept::default()
        };
        let tus = vec![
            tu("Rien ici.", "Nothing here."),
            tu(
                "Les équipes d’intervention en cas d’incident (CSIRT) coopèrent.",
                "Computer security incident response teams cooperate.",
            ),
            tu("Un CSIRT national.", "A national CSIRT."),
        ];
        let lines = concordance(&concept, &tus, 10);
        assert_eq!(lines.len(), 2);
        let l = &lines[0];
        assert_eq!(l.tu, 1);
        let fr = &l.variants[0];
        let spans: Vec<&str> = fr.spans.iter().map(|r| &fr.text[r.clone()]).collect();
        assert_eq!(spans, ["équipes d’intervention en cas d’incident", "CSIRT"]);
        let en = &l.variants[1];
        assert_eq!(
            &en.text[en.spans[0].clone()],
            "Computer security incident response teams"
        );
        assert_eq!(lines[1].variants[1].spans.len(), 0, "no English term there");
        assert_eq!(concordance(&concept, &tus, 1).len(), 1);
    }
}

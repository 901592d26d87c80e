//! Bilingual concordance: the aligned translation units that use a concept's terms (or any
//! phrase), in any inflected form (same stems, word by word), with the places of the terms in
//! every variant so they can be highlighted next to their aligned translation.
//!
//! [`Memory`] holds translation memories read once (streamed unit by unit from their files)
//! with an inverted index of their words, so that a query reads only the units that hold its
//! rarest word: build it once, then ask it [`Memory::concept`] or [`Memory::phrase`] for as
//! many queries as needed (`lookup --batch`, a server). [`concordance`] scans a slice of units
//! without an index.
//!
//! Arabic: a first word with ب, ل or ك attached and no article (لتكنولوجيا, بسلوك) is found
//! as the term's first word (تكنولوجيا, سلوك); the article itself is handled by the stems.

use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::model::Concept;
use super::normalize::{for_each_word, has_arabic, stem_word, stemmed_words, stemmer};
use crate::tmx::{ReadOptions, Tu, TuReader};
use crate::{Lang, Result};

/// One translation unit that uses the concept.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Line {
    /// The memory the unit is in (its path as given), empty for units given as a slice.
    pub source: String,
    /// Index of the unit in its memory (from 0).
    pub tu: usize,
    /// The unit's `tuid`, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The document the unit was aligned from (its `x-document` property), if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// The units of each language it was made of (its `x-units` property: `fr:18 en:18-19`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub units: Option<String>,
    /// Every variant of the unit; `spans` is empty where no term of the concept was found.
    pub variants: Vec<Variant>,
}

impl Line {
    /// Where the unit is, for people: `ipu-146, unit 19 (fr:18 en:18)`, or the memory's name
    /// when the unit names no document.
    pub fn place(&self) -> String {
        let doc = match &self.document {
            Some(d) => d.clone(),
            None if self.source.is_empty() => "memory".into(),
            None => self.source.clone(),
        };
        let unit = self.id.clone().unwrap_or_else(|| (self.tu + 1).to_string());
        match &self.units {
            Some(u) => format!("{doc}, unit {unit} ({u})"),
            None => format!("{doc}, unit {unit}"),
        }
    }
}

/// One language variant, with the byte ranges of the concept's terms in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Variant {
    pub lang: String,
    pub text: String,
    pub spans: Vec<Range<usize>>,
}

/// What is searched for: stem sequences, per language.
type Patterns = Vec<(Lang, Vec<String>)>;

/// The stem sequences of a concept's terms, per language.
fn concept_patterns(concept: &Concept) -> Patterns {
    let mut patterns: Patterns = Vec::new();
    for t in &concept.terms {
        push_pattern(&mut patterns, &t.text, &t.lang);
    }
    patterns
}

fn push_pattern(patterns: &mut Patterns, text: &str, lang: &Lang) {
    let seq: Vec<String> = stemmed_words(text, lang)
        .into_iter()
        .map(|(_, k)| k)
        .filter(|k| !k.is_empty())
        .collect();
    if !seq.is_empty() && !patterns.iter().any(|(l, s)| l == lang && s == &seq) {
        patterns.push((lang.clone(), seq));
    }
}

/// The stem sequences of a phrase: in `lang`, else in Arabic for Arabic script, else in French
/// and in English.
fn phrase_patterns(text: &str, lang: Option<&Lang>) -> Patterns {
    let langs = match lang {
        Some(l) => vec![l.clone()],
        None if has_arabic(text) => vec![Lang::Ar],
        None => vec![Lang::Fr, Lang::En],
    };
    let mut patterns = Vec::new();
    for l in &langs {
        push_pattern(&mut patterns, text, l);
    }
    patterns
}

/// The Arabic word `lower` without a preposition ب, ل or ك attached (after an optional و or
/// ف), when what remains is a word of three letters or more.
fn without_preposition(lower: &str) -> Option<&str> {
    let mut w = lower;
    if w.chars().count() >= 5 && (w.starts_with('\u{0648}') || w.starts_with('\u{0641}')) {
        w = &w['\u{0648}'.len_utf8()..];
    }
    let rest = w
        .strip_prefix('\u{0628}')
        .or_else(|| w.strip_prefix('\u{0644}'))
        .or_else(|| w.strip_prefix('\u{0643}'))?;
    (rest.chars().count() >= 3 && !rest.starts_with("\u{0627}\u{0644}")).then_some(rest)
}

/// The stem keys of the words of `text` in `lang`, with their ranges and, for Arabic, the key
/// without an attached preposition.
fn keyed_words(text: &str, lang: &Lang) -> Vec<(Range<usize>, String, Option<String>)> {
    let st = stemmer(lang);
    let arabic = *lang == Lang::Ar;
    let mut out = Vec::new();
    for_each_word(text, |r| {
        let word = &text[r.clone()];
        let k = stem_word(word, st.as_ref());
        let alt = if arabic {
            without_preposition(&word.to_lowercase()).map(|w| stem_word(w, st.as_ref()))
        } else {
            None
        };
        out.push((r, k, alt));
    });
    out
}

/// The byte ranges in `text` (in `lang`) of the patterns of that language: the longest of
/// overlapping matches.
fn find(text: &str, lang: &Lang, patterns: &Patterns) -> Vec<Range<usize>> {
    if !patterns.iter().any(|(l, _)| l == lang) {
        return Vec::new();
    }
    let words = keyed_words(text, lang);
    let mut spans: Vec<Range<usize>> = Vec::new();
    for (_, seq) in patterns.iter().filter(|(l, _)| l == lang) {
        if seq.len() > words.len() {
            continue;
        }
        for start in 0..=words.len() - seq.len() {
            let matched = words[start..start + seq.len()]
                .iter()
                .zip(seq)
                .enumerate()
                .all(|(i, ((_, k, alt), s))| k == s || (i == 0 && alt.as_ref() == Some(s)));
            if matched {
                spans.push(words[start].0.start..words[start + seq.len() - 1].0.end);
            }
        }
    }
    spans.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<Range<usize>> = Vec::new();
    for r in spans {
        match kept.last() {
            Some(last) if r.start < last.end => {}
            _ => kept.push(r),
        }
    }
    kept
}

fn prop(tu: &Tu, name: &str) -> Option<String> {
    tu.props
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

/// The line for `tu` if a pattern occurs in one of its variants.
fn line_of(source: &str, i: usize, tu: &Tu, patterns: &Patterns) -> Option<Line> {
    let mut found = false;
    let variants: Vec<Variant> = tu
        .variants
        .iter()
        .map(|v| {
            let spans = match v.lang.parse::<Lang>() {
                Ok(lang) => find(&v.text, &lang, patterns),
                Err(_) => Vec::new(),
            };
            found |= !spans.is_empty();
            Variant {
                lang: v.lang.clone(),
                text: v.text.clone(),
                spans,
            }
        })
        .collect();
    found.then(|| Line {
        source: source.to_string(),
        tu: i,
        id: tu.id.clone(),
        document: prop(tu, "x-document"),
        units: prop(tu, "x-units"),
        variants,
    })
}

/// Up to `limit` units of `tus` in which a term of `concept` occurs (every unit read; for many
/// queries on a large memory, use a [`Memory`]).
pub fn concordance(concept: &Concept, tus: &[Tu], limit: usize) -> Vec<Line> {
    let patterns = concept_patterns(concept);
    tus.iter()
        .enumerate()
        .filter_map(|(i, tu)| line_of("", i, tu, &patterns))
        .take(limit)
        .collect()
}

/// A unit of a [`Memory`].
struct Unit {
    source: u32,
    /// Index in its source.
    at: u32,
    tu: Tu,
}

/// Translation memories with an index of their words, for concordances (see the module
/// documentation).
#[derive(Default)]
pub struct Memory {
    sources: Vec<String>,
    units: Vec<Unit>,
    /// The languages indexed.
    langs: Vec<Lang>,
    /// Per language (as in `langs`): lower-cased word → word id.
    vocab: Vec<FxHashMap<Box<str>, u32>>,
    /// Per word id: its language (index) and the units it occurs in, ascending.
    words: Vec<(u8, Box<str>, Vec<u32>)>,
    /// (language, stem key) → word ids, made on the first query.
    stems: OnceLock<FxHashMap<(u8, String), Vec<u32>>>,
}

impl Memory {
    pub fn new() -> Memory {
        Memory::default()
    }

    /// Read the TMX file at `path` (streamed: one unit in memory at a time besides those
    /// kept) into the memory; returns the number of units read.
    pub fn add_file(&mut self, path: &Path, opts: ReadOptions) -> Result<usize> {
        let (name, utf8) = crate::input::open(path)?;
        let source = self.add_source(&path.display().to_string());
        let mut n = 0;
        for tu in TuReader::from_utf8(utf8, name, opts) {
            self.add(source, tu?);
            n += 1;
        }
        Ok(n)
    }

    /// A new memory named `name` (a path, for the lines found in it); its id for [`add`].
    ///
    /// [`add`]: Memory::add
    pub fn add_source(&mut self, name: &str) -> usize {
        self.sources.push(name.to_string());
        self.sources.len() - 1
    }

    /// Add a unit to the memory `source` (an id from [`Memory::add_source`]).
    pub fn add(&mut self, source: usize, tu: Tu) {
        let u = self.units.len() as u32;
        let at = self
            .units
            .last()
            .filter(|l| l.source as usize == source)
            .map_or(0, |l| l.at + 1);
        let mut lower = String::new();
        for v in &tu.variants {
            let Ok(lang) = v.lang.parse::<Lang>() else {
                continue;
            };
            let li = match self.langs.iter().position(|l| *l == lang) {
                Some(i) => i,
                None if self.langs.len() < u8::MAX as usize => {
                    self.langs.push(lang);
                    self.vocab.push(FxHashMap::default());
                    self.langs.len() - 1
                }
                None => continue,
            };
            for_each_word(&v.text, |r| {
                lower.clear();
                let w = &v.text[r];
                if w.bytes().all(|b| !b.is_ascii_uppercase()) {
                    lower.push_str(w);
                } else {
                    lower.extend(w.chars().flat_map(char::to_lowercase));
                }
                let id = match self.vocab[li].get(lower.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = self.words.len() as u32;
                        self.vocab[li].insert(lower.as_str().into(), id);
                        self.words
                            .push((li as u8, lower.as_str().into(), Vec::new()));
                        id
                    }
                };
                let postings = &mut self.words[id as usize].2;
                if postings.last() != Some(&u) {
                    postings.push(u);
                }
            });
        }
        self.units.push(Unit {
            source: source as u32,
            at,
            tu,
        });
        self.stems = OnceLock::new();
    }

    /// Units held.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The stem index: every distinct word stemmed once (and, in Arabic, without an attached
    /// preposition, under the same key: such a word can only stand first in a match).
    fn stems(&self) -> &FxHashMap<(u8, String), Vec<u32>> {
        self.stems.get_or_init(|| {
            let stemmers: Vec<_> = self.langs.iter().map(stemmer).collect();
            let mut map: FxHashMap<(u8, String), Vec<u32>> = FxHashMap::default();
            for (id, (li, word, _)) in self.words.iter().enumerate() {
                let st = stemmers[*li as usize].as_ref();
                map.entry((*li, stem_word(word, st)))
                    .or_default()
                    .push(id as u32);
                if self.langs[*li as usize] == Lang::Ar {
                    if let Some(rest) = without_preposition(word) {
                        map.entry((*li, stem_word(rest, st)))
                            .or_default()
                            .push(id as u32);
                    }
                }
            }
            map
        })
    }

    /// The units that may hold `seq` in language `li`: those holding a word of each of its
    /// stems (the rarest stem's units, kept if they hold the others).
    fn candidates(&self, li: u8, seq: &[String]) -> Vec<u32> {
        let stems = self.stems();
        let mut lists: Vec<&Vec<u32>> = Vec::with_capacity(seq.len());
        for s in seq {
            match stems.get(&(li, s.clone())) {
                Some(ids) => lists.push(ids),
                None => return Vec::new(),
            }
        }
        let size =
            |ids: &Vec<u32>| -> usize { ids.iter().map(|&w| self.words[w as usize].2.len()).sum() };
        lists.sort_by_key(|ids| size(ids));
        let mut units: Vec<u32> = lists[0]
            .iter()
            .flat_map(|&w| self.words[w as usize].2.iter().copied())
            .collect();
        units.sort_unstable();
        units.dedup();
        for ids in &lists[1..] {
            units.retain(|u| {
                ids.iter()
                    .any(|&w| self.words[w as usize].2.binary_search(u).is_ok())
            });
        }
        units
    }

    fn lines(&self, patterns: &Patterns, limit: usize) -> Vec<Line> {
        let mut units: Vec<u32> = Vec::new();
        for (lang, seq) in patterns {
            if let Some(li) = self.langs.iter().position(|l| l == lang) {
                units.extend(self.candidates(li as u8, seq));
            }
        }
        units.sort_unstable();
        units.dedup();
        units
            .into_iter()
            .filter_map(|u| {
                let unit = &self.units[u as usize];
                line_of(
                    &self.sources[unit.source as usize],
                    unit.at as usize,
                    &unit.tu,
                    patterns,
                )
            })
            .take(limit)
            .collect()
    }

    /// Up to `limit` units, in memory order, in which a term of `concept` occurs.
    pub fn concept(&self, concept: &Concept, limit: usize) -> Vec<Line> {
        self.lines(&concept_patterns(concept), limit)
    }

    /// Up to `limit` units, in memory order, in which `phrase` occurs (any inflected form):
    /// for a phrase that is not a term. In `lang` when given, else in Arabic for Arabic
    /// script, else in French or English.
    pub fn phrase(&self, phrase: &str, lang: Option<&Lang>, limit: usize) -> Vec<Line> {
        self.lines(&phrase_patterns(phrase, lang), limit)
    }
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

    fn csirt() -> Concept {
        Concept {
            id: "csirt".into(),
            terms: vec![
                Term::new(Lang::Fr, "équipe d'intervention en cas d'incident"),
                Term::new(Lang::Fr, "CSIRT"),
                Term::new(Lang::En, "computer security incident response team"),
            ],
            ..Concept::default()
        }
    }

    fn sample() -> Vec<Tu> {
        vec![
            tu("Rien ici.", "Nothing here."),
            tu(
                "Les équipes d’intervention en cas d’incident (CSIRT) coopèrent.",
                "Computer security incident response teams cooperate.",
            ),
            tu("Un CSIRT national.", "A national CSIRT."),
        ]
    }

    fn memory(tus: Vec<Tu>) -> Memory {
        let mut m = Memory::new();
        let s = m.add_source("m.tmx");
        for t in tus {
            m.add(s, t);
        }
        m
    }

    #[test]
    fn finds_inflected_forms_in_both_languages() {
        let concept = csirt();
        let tus = sample();
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

    #[test]
    fn the_index_finds_what_a_scan_finds() {
        let concept = csirt();
        let m = memory(sample());
        let mut scanned = concordance(&concept, &sample(), 10);
        for l in &mut scanned {
            l.source = "m.tmx".into();
        }
        assert_eq!(m.concept(&concept, 10), scanned);
        assert_eq!(m.concept(&concept, 1), scanned[..1]);
        // After more units are added, the index follows.
        let mut m = m;
        m.add(0, tu("Le CSIRT.", "The CSIRT."));
        assert_eq!(m.concept(&concept, 10).len(), 3);
        assert_eq!(m.concept(&concept, 10)[2].tu, 3);
    }

    #[test]
    fn a_phrase_that_is_no_term_gets_a_concordance() {
        let m = memory(sample());
        let l = m.phrase("équipe d'intervention", None, 10);
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].tu, 1);
        assert_eq!(m.phrase("response team", Some(&Lang::En), 10).len(), 1);
        assert!(m.phrase("response team", Some(&Lang::Fr), 10).is_empty());
        assert!(m.phrase("absent", None, 10).is_empty());
    }

    #[test]
    fn arabic_first_words_with_an_attached_preposition_are_marked() {
        let concept = Concept {
            id: "ict".into(),
            terms: vec![
                Term::new(Lang::Ar, "تكنولوجيا المعلومات والاتصالات"),
                Term::new(Lang::Ar, "سلوك الدول المسؤول"),
            ],
            ..Concept::default()
        };
        let ar = |text: &str| Tu {
            id: Some("19".into()),
            props: vec![
                ("x-document".into(), "ipu-132".into()),
                ("x-units".into(), "fr:18 ar:18".into()),
            ],
            variants: vec![Tuv {
                lang: "ar".into(),
                text: text.into(),
            }],
        };
        let tus = vec![
            ar("الاستخدام الآمن لتكنولوجيا المعلومات والاتصالات في البرلمانات"),
            ar("تلتزم بسلوك الدول المسؤول في الفضاء الإلكتروني"),
            ar("وتكنولوجيا المعلومات والاتصالات"),
        ];
        let lines = concordance(&concept, &tus, 10);
        let marked: Vec<&str> = lines
            .iter()
            .map(|l| &l.variants[0].text[l.variants[0].spans[0].clone()])
            .collect();
        assert_eq!(
            marked,
            [
                "لتكنولوجيا المعلومات والاتصالات",
                "بسلوك الدول المسؤول",
                "وتكنولوجيا المعلومات والاتصالات"
            ]
        );
        assert_eq!(memory(tus).concept(&concept, 10).len(), 3);
        assert_eq!(lines[0].place(), "ipu-132, unit 19 (fr:18 ar:18)");
        // Not inside a word: the preposition is only taken off the first word.
        assert!(concordance(&concept, &[ar("المعلومات لتكنولوجيا")], 10).is_empty());
    }
}

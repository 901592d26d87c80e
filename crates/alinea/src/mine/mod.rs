//! Term mining: candidate terms of a corpus, ranked by termhood, with their forms, contexts
//! and, over aligned units, their equivalents in the other languages.
//!
//! - [`tokens`]: word runs, French elision, variant keys (plural, case, hyphens, Arabic
//!   clitics and letter variants through [`crate::termbase::normalize::lookup_key`]);
//! - [`lexicon`]: function and linking words per language, general-language frequencies;
//! - [`candidates`]: the patterns and the counting ([`candidates::Counter`], one per language);
//! - [`acronyms`]: short forms defined in brackets (Schwartz–Hearst);
//! - [`termhood`]: specificity, C-value, names; the score and where the list stops;
//! - [`equivalents`]: association over aligned units, cognates, numbers, the glossary;
//! - [`merge`]: the mined candidates against the curated glossary (proposed entries);
//! - [`corpus`]: the aligned corpus mined and merged, the mined termbase and its review page;
//! - [`render`]: JSON, TSV, CSV and TBX output.
//!
//! [`Miner`] is fed units one at a time (a TMX is streamed, never held whole) and
//! [`Miner::finish`] returns the ranked [`Mined`] list.

pub mod acronyms;
pub mod candidates;
pub mod corpus;
pub mod equivalents;
pub mod lexicon;
pub mod merge;
pub mod model;
pub mod pos;
pub mod render;
pub mod termhood;
pub mod tokens;
pub mod units;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diag::Diagnostic;
use crate::doc::{self, InputMode};
use crate::termbase::Termbase;
use crate::tmx::read::{ReadOptions, TuReader};
use crate::{Error, Lang, Result};
use candidates::{Counter, Entry};
use termhood::Termhood;

/// Where a candidate was seen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Context {
    /// The document (file name).
    pub doc: String,
    /// The unit's index in it (0-based).
    pub unit: usize,
    pub text: String,
}

/// A candidate's equivalent in another language.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Equivalent {
    pub text: String,
    /// Association, 0–1.
    pub score: f64,
    pub freq: u32,
    /// Units holding both (not serialised).
    #[serde(skip)]
    pub joint: u32,
}

/// One mined candidate term.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    pub lang: Lang,
    pub text: String,
    pub freq: u32,
    /// Termhood, 0–1 (a logistic of the raw score).
    pub score: f64,
    pub forms: Vec<String>,
    /// For an acronym, its long form; for a long form, its acronym (found in the text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expansion: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub equivalents: BTreeMap<String, Vec<Equivalent>>,
    pub contexts: Vec<Context>,
    /// What the score is made of (not serialised).
    #[serde(skip)]
    pub termhood: Termhood,
    /// The termhood model's features ([`termhood::FEATURES`]; not serialised).
    #[serde(skip)]
    pub features: Vec<f64>,
}

/// What mining gives.
#[derive(Clone, Debug, Default)]
pub struct Mined {
    /// The pivot language's candidates first (best first), then the other languages'.
    pub candidates: Vec<Candidate>,
    /// The pivot language (French when present, else the TMX's `srclang`, else the first
    /// language seen).
    pub pivot: Option<Lang>,
    pub units: u32,
    pub diagnostics: Vec<Diagnostic>,
}

/// How to mine.
#[derive(Clone, Debug)]
pub struct Options {
    /// Keep this many candidates per language instead of stopping at the threshold.
    pub limit: Option<usize>,
    /// The lowest frequency proposed.
    pub min_freq: u32,
    /// Keep every candidate (for evaluation scripts).
    pub all: bool,
    /// Equivalents are looked for among this many pivot candidates at most.
    pub equivalents_for: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limit: None,
            min_freq: 1,
            all: false,
            equivalents_for: 20000,
        }
    }
}

/// The miner: counters per language, fed unit by unit.
pub struct Miner {
    counters: BTreeMap<Lang, Counter>,
    keep_units: bool,
    docs: u32,
    units: u32,
    first_lang: Option<Lang>,
    /// The source language a TMX header declares (the pivot when French is absent).
    source: Option<Lang>,
}

impl Miner {
    /// `aligned`: units hold several languages (keeps unit lists for equivalents).
    pub fn new(aligned: bool) -> Miner {
        Miner {
            counters: BTreeMap::new(),
            keep_units: aligned,
            docs: 0,
            units: 0,
            first_lang: None,
            source: None,
        }
    }

    /// The declared source language (a TMX header's `srclang`): the pivot when French is
    /// absent and it has text. The first declaration wins.
    pub fn set_source(&mut self, lang: Lang) {
        if self.source.is_none() {
            self.source = Some(lang);
        }
    }

    /// The pivot: French when present, else the declared source language when it has text,
    /// else the first language seen.
    pub fn pivot(&self) -> Option<Lang> {
        if self.counters.contains_key(&Lang::Fr) {
            return Some(Lang::Fr);
        }
        self.source
            .clone()
            .filter(|l| self.counters.contains_key(l))
            .or_else(|| self.first_lang.clone())
    }

    /// Start a new document; its units follow.
    pub fn next_document(&mut self) {
        self.docs += 1;
    }

    /// One unit: its texts per language; `doc` and `index` name it in contexts.
    pub fn add(&mut self, doc: &str, index: usize, variants: &[(Lang, &str)]) {
        let unit = self.units;
        self.units += 1;
        for (lang, text) in variants {
            if self.first_lang.is_none() {
                self.first_lang = Some(lang.clone());
            }
            let keep = self.keep_units;
            self.counters
                .entry(lang.clone())
                .or_insert_with(|| Counter::new(lang.clone(), keep))
                .add(text, self.docs, unit, doc, index);
        }
    }

    /// Several units at once: each language's counter runs on its own thread.
    pub fn add_batch(&mut self, doc: &str, batch: &[(usize, Vec<(Lang, String)>)]) {
        use rayon::prelude::*;
        let first = self.units;
        self.units += batch.len() as u32;
        for (_, variants) in batch {
            for (lang, _) in variants {
                if self.first_lang.is_none() {
                    self.first_lang = Some(lang.clone());
                }
                let keep = self.keep_units;
                self.counters
                    .entry(lang.clone())
                    .or_insert_with(|| Counter::new(lang.clone(), keep));
            }
        }
        let docs = self.docs;
        self.counters.par_iter_mut().for_each(|(lang, counter)| {
            for (k, (index, variants)) in batch.iter().enumerate() {
                for (_, text) in variants.iter().filter(|(l, _)| l == lang) {
                    counter.add(text, docs, first + k as u32, doc, *index);
                }
            }
        });
    }

    /// Languages seen so far.
    pub fn langs(&self) -> Vec<Lang> {
        self.counters.keys().cloned().collect()
    }

    /// Score, select, find equivalents (against `glossary` too, when given).
    pub fn finish(self, opts: &Options, glossary: Option<&Termbase>) -> Mined {
        let pivot = self.pivot();
        let scores: BTreeMap<&Lang, Vec<Termhood>> = self
            .counters
            .iter()
            .map(|(l, c)| (l, termhood::score(c)))
            .collect();
        let mut mined = Mined {
            pivot: pivot.clone(),
            units: self.units,
            ..Mined::default()
        };
        let mut order: Vec<&Lang> = self.counters.keys().collect();
        order.sort_by_key(|l| (Some(*l) != pivot.as_ref(), (*l).clone()));
        for lang in order {
            let counter = &self.counters[lang];
            let mut th = scores[lang].clone();
            let curated = glossary.map_or_else(Vec::new, |g| curated_entries(counter, g));
            let aligned =
                self.keep_units && Some(lang) == pivot.as_ref() && self.counters.len() > 1;
            let mut eqs: Vec<(u32, BTreeMap<String, Vec<Equivalent>>)> = Vec::new();
            if aligned {
                // Equivalents of the best candidates, whatever the threshold; a candidate
                // translated consistently is more of a term (its score is raised).
                let all = Options {
                    all: true,
                    limit: Some(opts.equivalents_for),
                    ..opts.clone()
                };
                let pre = select(counter, &th, &all, &curated);
                let mut found: Vec<BTreeMap<String, Vec<Equivalent>>> =
                    vec![BTreeMap::new(); pre.len()];
                for (other, oc) in self.counters.iter().filter(|(l, _)| *l != lang) {
                    let pairs = glossary
                        .map(|g| equivalents::glossary_pairs(g, lang, other))
                        .unwrap_or_default();
                    let list =
                        equivalents::find(counter, &pre, oc, &scores[other], &display_text, &pairs);
                    for (f, e) in found.iter_mut().zip(list) {
                        if !e.is_empty() {
                            f.insert(other.code().to_string(), e);
                        }
                    }
                }
                for (&id, f) in pre.iter().zip(found) {
                    let best = f
                        .values()
                        .filter_map(|es| es.first())
                        .map(|e| e.score * (f64::from(e.joint) / 10.0).min(1.0))
                        .fold(0.0, f64::max);
                    // Only as far as the words are the corpus's own (a general word such
                    // as `propose` translates as consistently as a term), and never for a
                    // verb (a resolution's `Rappelant` is `Recalling` every time).
                    let own = if th[id as usize].verb {
                        0.0
                    } else {
                        th[id as usize].specificity.clamp(0.0, 1.0)
                    };
                    th[id as usize].score += termhood::TRANSLATED * best * own;
                    // A name written the French way (its first word only capitalised, not at
                    // a sentence start: `Banque mondiale`) that is translated consistently.
                    let t = &th[id as usize];
                    if t.first_capital > 0.5
                        && t.capitalised <= 0.5
                        && counter.entries[id as usize].len > 1
                    {
                        th[id as usize].score += termhood::NAME_TRANSLATED * best;
                    }
                    eqs.push((id, f));
                }
            }
            let chosen = select(counter, &th, opts, &curated);
            let mut by_id: rustc_hash::FxHashMap<u32, BTreeMap<String, Vec<Equivalent>>> =
                eqs.into_iter().collect();
            let mut classes = termhood::Classes::default();
            let cands: Vec<Candidate> = chosen
                .iter()
                .map(|&i| {
                    let e = &counter.entries[i as usize];
                    let mut c = candidate(counter, e, th[i as usize], &mut classes);
                    c.equivalents = by_id.remove(&i).unwrap_or_default();
                    c
                })
                .collect();
            mined.candidates.extend(cands);
        }
        mined
    }
}

/// The entries of `counter` that are terms of the glossary in its language (ids, sorted): a
/// term the terminologist has already accepted is proposed wherever the text holds it, its
/// termhood score notwithstanding (in a small corpus `culture de la cybersécurité`, met twice,
/// ranks under the cut). The term is cut into words as the text is, so its key is the entry's.
fn curated_entries(counter: &Counter, glossary: &Termbase) -> Vec<u32> {
    let mut ids: Vec<u32> = glossary
        .concepts
        .iter()
        .flat_map(|c| c.terms.iter())
        .filter(|t| t.lang == counter.lang)
        .filter_map(|t| {
            let chunks = tokens::chunks(&t.text, &counter.lang);
            let [words] = chunks.as_slice() else {
                return None;
            };
            let key = words.iter().map(|w| &*w.key).collect::<Vec<_>>().join(" ");
            counter.ids.get(&key).copied()
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The ids of the entries proposed, best first: those over the threshold and the `curated`
/// ones (sorted ids), or the `--limit` best, or all.
fn select(counter: &Counter, th: &[Termhood], opts: &Options, curated: &[u32]) -> Vec<u32> {
    let threshold = termhood::threshold(&counter.lang);
    let mut ids: Vec<u32> = (0..counter.entries.len() as u32)
        .filter(|&i| {
            let e = &counter.entries[i as usize];
            e.freq >= opts.min_freq
                && (opts.all
                    || opts.limit.is_some()
                    || th[i as usize].score >= threshold
                    || curated.binary_search(&i).is_ok())
        })
        .collect();
    ids.sort_by(|&a, &b| {
        th[b as usize]
            .score
            .total_cmp(&th[a as usize].score)
            .then_with(|| {
                counter.entries[a as usize]
                    .key
                    .cmp(&counter.entries[b as usize].key)
            })
    });
    if let Some(n) = opts.limit {
        ids.truncate(n);
    }
    ids
}

/// The form a candidate is shown in: its most frequent form, lower-cased unless it is a name
/// or an acronym; an Arabic form written with a conjunction (`وبناء القدرات`) gives way to the
/// same form without it when the text has that too (`بناء القدرات`).
fn display_text(e: &Entry) -> String {
    let name =
        e.capitalised * 2 > e.freq || e.all_caps * 2 > e.freq || e.first_capital * 2 > e.freq;
    display_form(&e.forms, name)
}

/// [`display_text`] of the forms (with their counts) of a name or not.
fn display_form(forms: &[(String, u32)], name: bool) -> String {
    let mut forms = forms.to_vec();
    forms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let best = forms.first().map(|f| f.0.clone()).unwrap_or_default();
    let shown = if name {
        best
    } else {
        forms
            .iter()
            .find(|(f, _)| !f.chars().next().is_some_and(char::is_uppercase))
            .map(|f| f.0.clone())
            .unwrap_or_else(|| lower_first(&best))
    };
    match shown.strip_prefix(['و', 'ف']) {
        Some(bare) if forms.iter().any(|(f, _)| f == bare) => bare.to_string(),
        _ => shown,
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if c.clone().all(|x| !x.is_uppercase()) => f.to_lowercase().chain(c).collect(),
        _ => s.to_string(),
    }
}

/// The candidate `e` with its measures `th`; `classes` caches word classes across candidates.
fn candidate(
    counter: &Counter,
    e: &Entry,
    th: Termhood,
    classes: &mut termhood::Classes,
) -> Candidate {
    let mut forms = e.forms.clone();
    forms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Candidate {
        lang: counter.lang.clone(),
        text: display_text(e),
        freq: e.freq,
        score: equivalents::round3(1.0 / (1.0 + (-th.score).exp())),
        forms: forms.into_iter().map(|f| f.0).collect(),
        expansion: e.expansion.clone().or_else(|| e.acronym_of.clone()),
        equivalents: BTreeMap::new(),
        contexts: e.contexts.clone(),
        features: termhood::features(counter, e, &th, classes).to_vec(),
        termhood: th,
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Mine text documents of one language (`lang`, else each document's decided language; with
/// documents in several languages the most common one is mined and the others are reported,
/// `mine/mixed-languages`). Nothing to mine is an error.
pub fn mine_documents(paths: &[PathBuf], lang: Option<Lang>, opts: &Options) -> Result<Mined> {
    let mut docs = Vec::new();
    for p in paths {
        docs.push(doc::load(p, lang.clone(), InputMode::Auto)?);
    }
    let mut per_lang: BTreeMap<Lang, usize> = BTreeMap::new();
    for d in &docs {
        *per_lang.entry(d.lang.clone()).or_default() += d.units.len();
    }
    let chosen = per_lang
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(l, _)| l.clone());
    let mut diagnostics = Vec::new();
    let mut miner = Miner::new(false);
    for d in &docs {
        if Some(&d.lang) != chosen.as_ref() {
            diagnostics.push(
                Diagnostic::warning(
                    "mine/mixed-languages",
                    format!(
                        "in {}, not {}: left out (give --lang, or mine each language apart)",
                        d.lang,
                        chosen.as_ref().map_or("?", |l| l.code())
                    ),
                )
                .at_path(&d.path),
            );
            continue;
        }
        diagnostics.extend(d.warnings.iter().cloned());
        miner.next_document();
        let name = file_name(&d.path);
        for u in &d.units {
            miner.add(&name, u.index, &[(d.lang.clone(), &*u.plain)]);
        }
    }
    if miner.units == 0 {
        let path = paths.first().cloned().unwrap_or_default();
        return Err(Error::Input {
            path,
            message: "nothing to mine: no text in the input".into(),
        });
    }
    let mut mined = miner.finish(opts, None);
    mined.diagnostics.extend(diagnostics);
    Ok(mined)
}

/// Translation units read before the languages are counted, in parallel.
const BATCH: usize = 4096;

/// Mine TMX files, streamed: candidates per language and equivalents of the pivot's.
/// A TMX with one language is mined alone (`mine/one-language`); no unit is an error.
pub fn mine_tmx(paths: &[PathBuf], opts: &Options, glossary: Option<&Termbase>) -> Result<Mined> {
    let mut miner = Miner::new(true);
    for p in paths {
        let (name, reader) = crate::input::open(p)?;
        let mut tus = TuReader::from_utf8(reader, name.clone(), ReadOptions::default());
        miner.next_document();
        let doc = file_name(&name);
        let mut index = 0;
        let mut batch = Vec::with_capacity(BATCH);
        while let Some(tu) = tus.next_tu()? {
            let variants: Vec<(Lang, String)> = tu
                .variants
                .into_iter()
                .filter_map(|v| Some((v.lang.parse::<Lang>().ok()?, v.text)))
                .collect();
            batch.push((index, variants));
            index += 1;
            if batch.len() == BATCH {
                miner.add_batch(&doc, &batch);
                batch.clear();
            }
        }
        miner.add_batch(&doc, &batch);
        if let Some(l) = tus.srclang().and_then(|l| l.parse::<Lang>().ok()) {
            miner.set_source(l);
        }
    }
    let path = paths.first().cloned().unwrap_or_default();
    if miner.units == 0 {
        return Err(Error::Input {
            path,
            message: "nothing to mine: no translation unit".into(),
        });
    }
    let langs = miner.langs();
    let mut mined = miner.finish(opts, glossary);
    if langs.len() == 1 {
        mined.diagnostics.push(
            Diagnostic::warning(
                "mine/one-language",
                format!(
                    "only {} text: candidates mined without equivalents",
                    langs[0]
                ),
            )
            .at_path(path),
        );
    }
    Ok(mined)
}

#[cfg(test)]
mod tests;

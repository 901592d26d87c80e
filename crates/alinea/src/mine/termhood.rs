//! Termhood: how much a candidate looks like a term of the corpus. Three things count:
//! - specificity: how much more frequent its words are in the corpus than in general language
//!   (Zipf values, [`super::lexicon::zipf`]), the mean over its content words;
//! - unithood, C-value (Frantzi et al.): log2(words + 1) × (frequency − the mean frequency of
//!   the longer candidates it is nested in), so a fragment seen only inside a longer term
//!   scores nothing;
//! - names and acronyms: mostly capitalised occurrences, or a definition in brackets.
//!
//! The score is a weighted sum, and the list stops where the score falls under
//! [`THRESHOLD`] (weights and threshold tuned on two ACTER domains, checked on the third).

use rustc_hash::FxHashMap;

use super::candidates::{Counter, Entry};
use super::lexicon::zipf;

/// The score under which a candidate is not proposed.
pub const THRESHOLD: f64 = 0.0;

/// What the best equivalent's association (0–1, seen in ten units or more) adds to the
/// score of a candidate of aligned text, times its specificity up to 1 (none for words no
/// more frequent in the corpus than in general language: on the parallel ACTER `corp` texts,
/// French F1 0.280 → 0.287; on the UN dev set, French gold terms in the first thousand
/// 24 → 25 of 25).
pub const TRANSLATED: f64 = 6.0;

/// What the same association adds again to a name written the French way (its first word
/// only capitalised: `Banque mondiale`, `Commission de la condition de la femme`), which the
/// capitalisation bonus of [`combine`] does not see (tuned on the UN dev set: such names went
/// from ranks 1,504 and 1,600 to inside the first thousand).
pub const NAME_TRANSLATED: f64 = 4.0;

/// What the score of a candidate is made of.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Termhood {
    /// Mean specificity of the content words (corpus Zipf − general Zipf).
    pub specificity: f64,
    /// The lowest specificity of a content word.
    pub min_specificity: f64,
    /// C-value (for one word: its frequency).
    pub cvalue: f64,
    /// Share of its occurrences outside the most frequent longer candidate holding it (0–1):
    /// `Member` seen only in `Member States` has 0.
    pub independence: f64,
    /// Share of capitalised occurrences (0–1).
    pub capitalised: f64,
    /// Share of occurrences whose first word only is capitalised, not at a sentence start
    /// (0–1): a French name (`Banque mondiale`, `Cour internationale de Justice`).
    pub first_capital: f64,
    /// An acronym or a defined long form.
    pub defined: bool,
    /// Written in capitals most of the time.
    pub acronym: bool,
    pub score: f64,
}

/// The termhood of every entry of `counter` (index = entry id).
pub fn score(counter: &Counter) -> Vec<Termhood> {
    let tokens = counter.tokens.max(1) as f64;
    // Specificity of single words, by key.
    let mut spec: FxHashMap<&str, f64> = FxHashMap::default();
    for e in counter
        .entries
        .iter()
        .filter(|e| e.words.len() == 1 && e.len == 1)
    {
        let corpus = (f64::from(e.freq) / tokens * 1e9).log10();
        let general = e
            .forms
            .iter()
            .filter_map(|(f, _)| zipf(&counter.lang, &f.to_lowercase()))
            .fold(None, |m: Option<f64>, z| Some(m.map_or(z, |m| m.max(z))))
            .unwrap_or(4.0);
        spec.insert(e.key.as_str(), corpus - general);
    }
    // Nesting: for each entry, the frequencies of the longer entries holding it.
    let mut nested_sum = vec![0f64; counter.entries.len()];
    let mut nested_n = vec![0u32; counter.entries.len()];
    let mut nested_max = vec![0u32; counter.entries.len()];
    for e in counter.entries.iter().filter(|e| e.len > 1) {
        let toks: Vec<&str> = e.key.split(' ').collect();
        let mut seen = Vec::new();
        for i in 0..toks.len() {
            for j in i + 1..=toks.len() {
                if j - i == toks.len() {
                    continue;
                }
                let sub = toks[i..j].join(" ");
                if let Some(&id) = counter.ids.get(&sub) {
                    if !seen.contains(&id) {
                        seen.push(id);
                        nested_sum[id as usize] += f64::from(e.freq);
                        nested_n[id as usize] += 1;
                        nested_max[id as usize] = nested_max[id as usize].max(e.freq);
                    }
                }
            }
        }
    }
    // A long form is mentioned by its acronym too.
    let long_forms = counter.long_forms();
    counter
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let specs: Vec<f64> = e
                .words
                .iter()
                .map(|w| spec.get(w.as_str()).copied().unwrap_or(0.0))
                .collect();
            let n = specs.len().max(1) as f64;
            let specificity = specs.iter().sum::<f64>() / n;
            let min_specificity = specs.iter().copied().fold(f64::INFINITY, f64::min);
            let by_acronym = long_forms
                .get(&(i as u32))
                .map_or(0, |&a| counter.entries[a as usize].freq);
            let f = f64::from(e.freq + by_acronym);
            let cvalue = if e.len == 1 {
                f
            } else {
                let nested = if nested_n[i] > 0 {
                    nested_sum[i] / f64::from(nested_n[i])
                } else {
                    0.0
                };
                (e.len as f64 + 1.0).log2() * (f - nested).max(0.0)
            };
            let mut t = Termhood {
                specificity,
                min_specificity: if min_specificity.is_finite() {
                    min_specificity
                } else {
                    0.0
                },
                cvalue,
                independence: (1.0 - f64::from(nested_max[i]) / f.max(1.0)).max(0.0),
                capitalised: f64::from(e.capitalised) / f.max(1.0),
                first_capital: f64::from(e.first_capital) / f.max(1.0),
                defined: e.expansion.is_some() || e.acronym_of.is_some(),
                acronym: e.all_caps * 2 > e.freq,
                score: 0.0,
            };
            t.score = combine(&t, e);
            t
        })
        .collect()
}

/// The weighted sum (see the module documentation); weights fitted on ACTER `equi` and
/// `wind` (French and English), checked on `corp` (`scripts/mine-bench-acter.py`).
fn combine(t: &Termhood, e: &Entry) -> f64 {
    let words = e.words.len();
    let mut s = 0.4 * t.specificity
        + 0.1 * t.min_specificity
        + 0.9 * (1.0 + t.cvalue).ln()
        + 0.6 * t.independence
        - 0.3 * f64::from(e.freq.max(1)).ln()
        - 2.6;
    if t.capitalised > 0.5 {
        s += 2.3;
    }
    if t.defined {
        s += 2.5;
    }
    if t.acronym {
        s += 0.9;
    }
    if words > 1 || e.len > 1 {
        s -= 0.4;
    }
    if e.len >= 3 {
        s -= 0.5;
    }
    s
}

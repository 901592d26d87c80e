//! Termhood: how much a candidate looks like a term of the corpus. What counts:
//! - specificity: how much more frequent its words are in the corpus than in general language
//!   (Zipf values, [`super::lexicon::zipf`]), the mean over its content words;
//! - unithood, C-value (Frantzi et al.): log2(words + 1) × (frequency − the mean frequency of
//!   the longer candidates it is nested in), so a fragment seen only inside a longer term
//!   scores nothing;
//! - names and acronyms: mostly capitalised occurrences, or a definition in brackets;
//! - for French and English, the word classes of its head and edges ([`super::pos`]): a verb
//!   form, an adverb or an adjective alone is seldom a term;
//! - what follows it: how often a linking word (`de`, `of`: maybe the start of a longer
//!   phrase) and how often punctuation or the unit's end (a phrase that ends there);
//! - for French and English, the share of its words that only the other language's general
//!   list holds (an English title cited in a French text).
//!
//! For French and English these measures are the [`FEATURES`] of a model of gradient-boosted
//! trees ([`super::model`], fitted by `scripts/train-termhood.py` on ACTER's three dev domains)
//! whose log-odds is the score; the list stops at the model's own threshold. Other languages
//! have no fitted model: a weighted sum of the same measures ([`combine`]) scores them, and
//! their list stops where it falls under zero.

use rustc_hash::FxHashMap;

use super::candidates::{Counter, Entry};
use super::lexicon::{is_link, is_stop, zipf, UNSEEN_ZIPF};
use super::pos::{self, Pos};
use crate::Lang;

/// The score under which a candidate of `lang` is not proposed: the model's threshold for a
/// language it was fitted for, zero for the weighted sum.
pub fn threshold(lang: &Lang) -> f64 {
    super::model::for_lang(lang).map_or(0.0, |m| m.threshold)
}

/// What the best equivalent's association (0–1, seen in ten units or more) adds to the
/// score (log-odds for French and English) of a candidate of aligned text, times its
/// specificity up to 1 (none for words no more frequent in the corpus than in general
/// language). On the UN dev set the French gold terms in the first thousand were 21, 24 and
/// 25 of 25 with 2, 3.5 and 4.5 (24 with 4.5 and 5 once phrases cut short stopped being
/// candidates: `Commission de la condition de la femme` 1,125th); on the parallel ACTER `corp`
/// texts, whose gold leaves institutional words out, French F1 0.402, 0.396 and 0.389 (0.377
/// with 6, the weight before the model).
pub const TRANSLATED: f64 = 4.5;

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
    /// The specificity of its head word (the first content word in French, the last
    /// elsewhere).
    pub head_specificity: f64,
    /// How many longer candidates hold it.
    pub containers: u32,
    /// Its head is a verb form and nothing else (`rappelant`, `encourage`): known for French
    /// and English only.
    pub verb: bool,
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
    let model = super::model::for_lang(&counter.lang);
    let feature = |name: &str| FEATURES.iter().position(|f| *f == name).unwrap_or(0);
    let (head_verb, head_noun, head_adjective) = (
        feature("head_verb"),
        feature("head_noun"),
        feature("head_adjective"),
    );
    let mut classes = Classes::default();
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
            let head_specificity = if counter.lang == Lang::Fr {
                specs.first()
            } else {
                specs.last()
            }
            .copied()
            .unwrap_or(0.0);
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
                head_specificity,
                containers: nested_n[i],
                verb: false,
                independence: (1.0 - f64::from(nested_max[i]) / f.max(1.0)).max(0.0),
                capitalised: f64::from(e.capitalised) / f.max(1.0),
                first_capital: f64::from(e.first_capital) / f.max(1.0),
                defined: e.expansion.is_some() || e.acronym_of.is_some(),
                acronym: e.all_caps * 2 > e.freq,
                score: 0.0,
            };
            t.score = match model {
                Some(m) => {
                    let x = features(counter, e, &t, &mut classes);
                    t.verb = x[head_verb] == 1.0 && x[head_noun] == 0.0 && x[head_adjective] == 0.0;
                    m.logit(&x)
                }
                None => combine(&t, e, &counter.lang),
            };
            t
        })
        .collect()
}

/// The names of the model's features, in the order of [`features`] (the model file lists
/// them too and is checked against this list when it is read).
pub const FEATURES: [&str; N_FEATURES] = [
    "ln_freq",
    "ln_docs",
    "doc_share",
    "words",
    "content_words",
    "links",
    "capitalised",
    "first_capital",
    "all_caps",
    "defined",
    "specificity",
    "min_specificity",
    "ln_cvalue",
    "independence",
    "acronym",
    "general_zipf_mean",
    "general_zipf_min",
    "general_zipf_max",
    "unlisted_share",
    "forms",
    "french",
    "after_article",
    "head_specificity",
    "ln_containers",
    "right_link",
    "right_edge",
    "foreign_share",
    "head_noun",
    "head_adjective",
    "head_verb",
    "head_adverb",
    "head_unknown",
    "first_noun",
    "first_adjective",
    "first_verb",
    "first_adverb",
    "first_unknown",
    "last_noun",
    "last_adjective",
    "last_verb",
    "last_adverb",
    "last_unknown",
];

/// How many features the model reads.
pub const N_FEATURES: usize = 42;

/// Word classes looked up once per distinct word.
pub type Classes = FxHashMap<String, Option<Pos>>;

/// The feature vector of entry `e` (its measures `t` already computed): see [`FEATURES`].
/// The words are those of its most frequent form; its head is its first content word in
/// French, its last in English.
pub fn features(
    counter: &Counter,
    e: &Entry,
    t: &Termhood,
    classes: &mut Classes,
) -> [f64; N_FEATURES] {
    let lang = &counter.lang;
    let form = e
        .forms
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map_or(e.key.as_str(), |f| f.0.as_str());
    let words: Vec<String> = form.split_whitespace().map(str::to_lowercase).collect();
    let content: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !is_stop(lang, w) && !is_link(lang, w))
        .collect();
    let content = if content.is_empty() {
        words.iter().map(String::as_str).collect()
    } else {
        content
    };
    let general: Vec<f64> = content
        .iter()
        .map(|w| zipf(lang, w).unwrap_or(UNSEEN_ZIPF))
        .collect();
    let unlisted = general.iter().filter(|&&z| z == UNSEEN_ZIPF).count();
    let foreign = content
        .iter()
        .zip(&general)
        .filter(|(w, &z)| z <= UNSEEN_ZIPF && is_foreign(lang, w))
        .count();
    let n = general.len().max(1) as f64;
    let mut class = |w: Option<&str>| -> [f64; 5] {
        let p = w.and_then(|w| {
            *classes
                .entry(w.to_string())
                .or_insert_with(|| pos::of(lang, w))
        });
        match p {
            Some(p) => [
                f64::from(u8::from(p.is(Pos::NOUN))),
                f64::from(u8::from(p.is(Pos::ADJECTIVE))),
                f64::from(u8::from(p.is(Pos::VERB))),
                f64::from(u8::from(p.is(Pos::ADVERB))),
                0.0,
            ],
            None => [0.0, 0.0, 0.0, 0.0, 1.0],
        }
    };
    let head = if *lang == Lang::Fr {
        content.first()
    } else {
        content.last()
    };
    let head = class(head.copied());
    let first = class(words.first().map(String::as_str));
    let last = class(words.last().map(String::as_str));
    let f = f64::from(e.freq.max(1));
    let mut v = [0.0; N_FEATURES];
    let scalars = [
        f.ln(),
        f64::from(e.docs.max(1)).ln(),
        f64::from(e.docs) / f64::from(counter.docs.max(1)),
        e.len.min(5) as f64,
        e.words.len() as f64,
        e.links as f64,
        f64::from(e.capitalised) / f,
        f64::from(e.first_capital) / f,
        f64::from(e.all_caps) / f,
        f64::from(u8::from(t.defined)),
        t.specificity,
        t.min_specificity,
        t.cvalue.ln_1p(),
        t.independence,
        f64::from(u8::from(t.acronym)),
        general.iter().sum::<f64>() / n,
        general
            .iter()
            .copied()
            .fold(f64::INFINITY, f64::min)
            .min(9.0),
        general.iter().copied().fold(0.0, f64::max),
        unlisted as f64 / n,
        e.forms.len() as f64,
        f64::from(u8::from(*lang == Lang::Fr)),
        f64::from(e.after_article) / f,
        t.head_specificity,
        f64::from(t.containers).ln_1p(),
        f64::from(e.before_link) / f,
        f64::from(e.before_edge) / f,
        foreign as f64 / n,
    ];
    v[..scalars.len()].copy_from_slice(&scalars);
    for (k, x) in head.iter().chain(&first).chain(&last).enumerate() {
        v[scalars.len() + k] = *x;
    }
    v
}

/// Whether `word`, which `lang`'s general list does not hold, is a common word of the other
/// language of the pair French–English (Zipf 3 or more): an English title cited in a French
/// text (`Corporate Practices Manual`), a French phrase in an English one.
fn is_foreign(lang: &Lang, word: &str) -> bool {
    let other = match lang {
        Lang::Fr => Lang::En,
        Lang::En => Lang::Fr,
        _ => return false,
    };
    zipf(&other, word).is_some_and(|z| z >= 3.0)
}

/// The weighted sum for languages without a model (see the module documentation); weights
/// set by hand on ACTER `equi` and `wind` (French and English) before the model, checked on
/// `corp` (`scripts/mine-bench-acter.py`).
fn combine(t: &Termhood, e: &Entry, lang: &Lang) -> f64 {
    let words = e.words.len();
    let arabic = lang == &Lang::Ar;
    let mut s = 0.4 * t.specificity
        + 0.1 * t.min_specificity
        + 0.9 * (1.0 + t.cvalue).ln()
        + 0.6 * t.independence
        - 0.3 * f64::from(e.freq.max(1)).ln()
        - 2.6;
    // Arabic has no capitals: a word in Latin letters there is capitalised whatever it is
    // (`Fairness`, `HFC-23`), which says nothing of a term of Arabic; an acronym in Latin
    // letters (`IGF`, `DESA`) is an English name's, not an Arabic term.
    let latin_in_arabic = arabic && !e.key.chars().any(crate::text::chars::is_arabic_script);
    if t.capitalised > 0.5 && !latin_in_arabic {
        s += 2.3;
    }
    if t.defined {
        s += 2.5;
    }
    if t.acronym && !latin_in_arabic {
        s += 0.9;
    }
    if words > 1 || e.len > 1 {
        s -= 0.4;
    }
    if e.len >= 3 {
        s -= 0.5;
    }
    // An Arabic adjective after its noun, every time (`الإنمائي`, `المتحدة`): the tail of a
    // phrase, not a term by itself.
    if arabic {
        s -= AR_MODIFIER * f64::from(e.modifier) / f64::from(e.freq.max(1));
    }
    s
}

/// What an Arabic candidate loses, in the weighted sum, for standing as a modifier in every
/// occurrence ([`Entry::modifier`]). On the UN dev TMX (`scripts/mine-bench-unpc.py`'s TMX,
/// Arabic list), with Latin-script words no longer taken for names, the 50 Arabic terms of
/// the two term lists found within the first 1,000 Arabic candidates went from 22 to 24, the
/// median rank from 1,455 to 1,181 (1 gave 23; 3, 24 and 1,169).
const AR_MODIFIER: f64 = 2.0;

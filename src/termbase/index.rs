//! The lookup index over every term of a termbase, and lookup itself.
//!
//! Match classes, best first: exact (the text as written), normalised (same [`fold`] key),
//! stemmed (same [`stem_key`] in the term's language), fuzzy (folded keys within a small
//! edit distance: 1 for queries of 6 to 11 characters, 2 beyond; only when nothing matched
//! better) and prefix (the folded query starts the key). A hit names the concept, the term
//! that matched, the class and a score in (0, 1] that keeps classes apart.
//!
//! Layout: folded and stemmed keys in two string arenas; the folded keys with a sorted
//! permutation for binary search (exact, normalised, prefix), the stem keys with their
//! hashes sorted (stemmed); and, built on the first fuzzy query, a hashed trigram index in
//! compressed rows, ordered by key length, for fuzzy candidates (scan-count of shared
//! trigrams over the length window, then a banded Damerau–Levenshtein check).

use std::cmp::Ordering;
use std::sync::OnceLock;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::grams::{osa_within, Grams, SCRATCH};
use super::model::{Concept, Termbase};
use super::normalize::{fold, fold_into, for_each_word, has_arabic, stem_key, stem_word, stemmer};
use crate::Lang;

/// How a term matched a query, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchClass {
    Exact,
    Normalised,
    Stemmed,
    Fuzzy,
    Prefix,
}

impl MatchClass {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchClass::Exact => "exact",
            MatchClass::Normalised => "normalised",
            MatchClass::Stemmed => "stemmed",
            MatchClass::Fuzzy => "fuzzy",
            MatchClass::Prefix => "prefix",
        }
    }
}

/// What to look up.
#[derive(Clone, Debug)]
pub struct Query<'a> {
    pub text: &'a str,
    /// Only terms of this language; `None`: Arabic terms for a query in Arabic script, the
    /// other languages otherwise.
    pub lang: Option<Lang>,
    /// At most this many concepts.
    pub limit: usize,
}

/// One concept found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    /// Index of the concept in the termbase.
    pub concept: usize,
    /// Index of the matching term in the concept.
    pub term: usize,
    pub class: MatchClass,
    pub score: f64,
    /// Edit distance, for fuzzy hits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance: Option<usize>,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    concept: u32,
    term: u32,
    lang: u16,
}

/// A string arena: string `i` is `buf[off[i]..off[i + 1]]`.
#[derive(Default)]
pub(super) struct Arena {
    buf: String,
    off: Vec<usize>,
}

impl Arena {
    /// The arena of `n` strings, string `i` written by `write(i, out)` onto the end of `out`;
    /// built in parallel chunks, then joined.
    fn par_build(n: usize, write: impl Fn(usize, &mut String) + Sync) -> Arena {
        const CHUNK: usize = 1 << 14;
        let parts: Vec<(String, Vec<usize>)> = (0..n.div_ceil(CHUNK))
            .into_par_iter()
            .map(|c| {
                let (mut buf, mut ends) = (String::new(), Vec::with_capacity(CHUNK));
                for i in c * CHUNK..((c + 1) * CHUNK).min(n) {
                    write(i, &mut buf);
                    ends.push(buf.len());
                }
                (buf, ends)
            })
            .collect();
        let total = parts.iter().map(|(b, _)| b.len()).sum();
        let mut a = Arena {
            buf: String::with_capacity(total),
            off: Vec::with_capacity(n + 1),
        };
        a.off.push(0);
        for (buf, ends) in &parts {
            let base = a.buf.len();
            a.buf.push_str(buf);
            a.off.extend(ends.iter().map(|&e| base + e));
        }
        a
    }

    #[inline]
    pub(super) fn get(&self, i: u32) -> &str {
        let i = i as usize;
        &self.buf[self.off[i]..self.off[i + 1]]
    }

    /// Entry ids sorted by their string. The first sixteen bytes, big-endian, sort most
    /// pairs without touching the strings (terms often share their first word).
    fn sorted(&self) -> Vec<u32> {
        let mut pairs: Vec<(u128, u32)> = (0..(self.off.len() - 1) as u32)
            .into_par_iter()
            .map(|i| {
                let b = self.get(i).as_bytes();
                let mut head = [0u8; 16];
                let n = b.len().min(16);
                head[..n].copy_from_slice(&b[..n]);
                (u128::from_be_bytes(head), i)
            })
            .collect();
        pairs.par_sort_unstable_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| self.get(a.1).cmp(self.get(b.1)))
        });
        pairs.into_iter().map(|(_, i)| i).collect()
    }

    /// (hash, id) of every string, sorted: equal strings end up side by side, sorting
    /// integers rather than strings.
    fn hashed(&self) -> Vec<(u64, u32)> {
        let mut pairs: Vec<(u64, u32)> = (0..(self.off.len() - 1) as u32)
            .into_par_iter()
            .map(|i| (key_hash(self.get(i)), i))
            .collect();
        pairs.par_sort_unstable();
        pairs
    }

    /// The run of `sorted` whose strings equal `key`.
    fn equal_range<'s>(&self, sorted: &'s [u32], key: &str) -> &'s [u32] {
        let lo = sorted.partition_point(|&i| self.get(i) < key);
        let hi = lo + sorted[lo..].partition_point(|&i| self.get(i) == key);
        &sorted[lo..hi]
    }
}

/// The words of one language's entries as ids of its distinct words, and those words stemmed.
struct LangWords {
    /// Entry `k` of the language has the words `flat[starts[k]..starts[k + 1]]`.
    flat: Vec<u32>,
    starts: Vec<usize>,
    stems: Vec<String>,
}

fn key_hash(s: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

/// The stem key of every entry: each distinct word of a language is stemmed once (a large
/// termbase repeats its words), the languages side by side, then the keys are assembled.
fn stem_keys(tb: &Termbase, entries: &[Entry], langs: &[Lang]) -> Arena {
    let text = |e: &Entry| {
        tb.concepts[e.concept as usize].terms[e.term as usize]
            .text
            .as_str()
    };
    // The rank of each entry among the entries of its language.
    let mut counts = vec![0u32; langs.len()];
    let rank: Vec<u32> = entries
        .iter()
        .map(|e| {
            let c = &mut counts[e.lang as usize];
            *c += 1;
            *c - 1
        })
        .collect();
    let per_lang: Vec<LangWords> = (0..langs.len())
        .into_par_iter()
        .map(|l| {
            let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
            let mut distinct: Vec<&str> = Vec::new();
            let mut flat: Vec<u32> = Vec::new();
            let mut starts: Vec<usize> = Vec::with_capacity(counts[l] as usize + 1);
            for e in entries.iter().filter(|e| e.lang as usize == l) {
                starts.push(flat.len());
                let t = text(e);
                for_each_word(t, |r| {
                    let w = &t[r];
                    let id = *ids.entry(w).or_insert_with(|| {
                        distinct.push(w);
                        (distinct.len() - 1) as u32
                    });
                    flat.push(id);
                });
            }
            starts.push(flat.len());
            drop(ids);
            let stems = distinct
                .par_iter()
                .map_init(|| stemmer(&langs[l]), |st, w| stem_word(w, st.as_ref()))
                .collect();
            LangWords {
                flat,
                starts,
                stems,
            }
        })
        .collect();
    Arena::par_build(entries.len(), |i, out| {
        let lw = &per_lang[entries[i].lang as usize];
        let k = rank[i] as usize;
        let start = out.len();
        for &id in &lw.flat[lw.starts[k]..lw.starts[k + 1]] {
            let s = lw.stems[id as usize].as_str();
            if s.is_empty() {
                continue;
            }
            if out.len() > start {
                out.push(' ');
            }
            out.push_str(s);
        }
    })
}

/// The lookup index; it owns the termbase it indexes.
pub struct Index {
    tb: Termbase,
    entries: Vec<Entry>,
    langs: Vec<Lang>,
    keys: Arena,
    lens: Vec<u16>,
    by_key: Vec<u32>,
    stems: Arena,
    /// (hash of the stem key, entry), sorted: the stemmed class needs equality only.
    by_stem: Vec<(u64, u32)>,
    /// Built on the first fuzzy query: loading pays only for the sorted keys.
    grams: OnceLock<Grams>,
}

fn collapse(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Index {
    /// Indexes every term of `tb`.
    pub fn new(tb: Termbase) -> Index {
        let mut langs: Vec<Lang> = Vec::new();
        let mut entries = Vec::new();
        for (ci, c) in tb.concepts.iter().enumerate() {
            for (ti, t) in c.terms.iter().enumerate() {
                let lang = match langs.iter().position(|l| l == &t.lang) {
                    Some(p) => p,
                    None => {
                        langs.push(t.lang.clone());
                        langs.len() - 1
                    }
                };
                entries.push(Entry {
                    concept: ci as u32,
                    term: ti as u32,
                    lang: lang as u16,
                });
            }
        }
        let (keys, stems) = rayon::join(
            || {
                Arena::par_build(entries.len(), |i, out| {
                    let e = &entries[i];
                    fold_into(
                        &tb.concepts[e.concept as usize].terms[e.term as usize].text,
                        out,
                    )
                })
            },
            || stem_keys(&tb, &entries, &langs),
        );
        let lens: Vec<u16> = (0..entries.len() as u32)
            .into_par_iter()
            .map(|i| keys.get(i).chars().count().min(u16::MAX as usize) as u16)
            .collect();
        let (by_key, by_stem) = rayon::join(|| keys.sorted(), || stems.hashed());
        Index {
            tb,
            entries,
            langs,
            keys,
            lens,
            by_key,
            stems,
            by_stem,
            grams: OnceLock::new(),
        }
    }

    /// The trigram index of the fuzzy class, built on first use.
    fn grams(&self) -> &Grams {
        self.grams
            .get_or_init(|| Grams::build(&self.keys, &self.lens))
    }

    /// Builds the fuzzy trigram index now rather than on the first fuzzy query.
    pub fn prepare_fuzzy(&self) {
        self.grams();
    }

    /// The indexed termbase.
    pub fn termbase(&self) -> &Termbase {
        &self.tb
    }

    /// The concept a hit names.
    pub fn concept(&self, hit: &Hit) -> &Concept {
        &self.tb.concepts[hit.concept]
    }

    /// Number of indexed terms.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no term is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The concepts matching `q`, best first.
    pub fn lookup(&self, q: &Query) -> Vec<Hit> {
        let folded = fold(q.text);
        if folded.is_empty() || q.limit == 0 {
            return Vec::new();
        }
        let arabic = has_arabic(q.text);
        let allowed: Vec<bool> = self
            .langs
            .iter()
            .map(|l| match &q.lang {
                Some(want) => want == l,
                None => (l == &Lang::Ar) == arabic,
            })
            .collect();
        let ok = |e: u32| allowed[self.entries[e as usize].lang as usize];
        let mut best: FxHashMap<u32, Hit> = FxHashMap::default();
        let entries = &self.entries;
        let offer = |best: &mut FxHashMap<u32, Hit>,
                     e: u32,
                     class: MatchClass,
                     score: f64,
                     distance: Option<usize>| {
            let en = entries[e as usize];
            let hit = Hit {
                concept: en.concept as usize,
                term: en.term as usize,
                class,
                score,
                distance,
            };
            match best.get(&en.concept) {
                Some(h) if !better(&hit, h) => {}
                _ => {
                    best.insert(en.concept, hit);
                }
            }
        };

        // Exact and normalised: same folded key.
        let exact_text = collapse(q.text);
        for &e in self.keys.equal_range(&self.by_key, &folded) {
            if !ok(e) {
                continue;
            }
            let en = self.entries[e as usize];
            let t = &self.tb.concepts[en.concept as usize].terms[en.term as usize];
            if t.text == exact_text || collapse(&t.text) == exact_text {
                offer(&mut best, e, MatchClass::Exact, 1.0, None);
            } else {
                offer(&mut best, e, MatchClass::Normalised, 0.9, None);
            }
        }

        // Stemmed, in each language the query may be in.
        let stem_langs: Vec<Lang> = match &q.lang {
            Some(l) => vec![l.clone()],
            None if arabic => vec![Lang::Ar],
            None => vec![Lang::Fr, Lang::En],
        };
        for l in &stem_langs {
            let Some(li) = self.langs.iter().position(|x| x == l) else {
                continue;
            };
            let sk = stem_key(q.text, l);
            if sk.is_empty() {
                continue;
            }
            let h = key_hash(&sk);
            let lo = self.by_stem.partition_point(|p| p.0 < h);
            for &(_, e) in self.by_stem[lo..].iter().take_while(|p| p.0 == h) {
                if self.stems.get(e) == sk && self.entries[e as usize].lang as usize == li {
                    offer(&mut best, e, MatchClass::Stemmed, 0.8, None);
                }
            }
        }

        // Fuzzy matching is the fallback when nothing matched better; prefix hits fill the
        // room left.
        let qlen = folded.chars().count();
        if best.is_empty() && qlen >= 6 {
            let k = if qlen < 12 { 1 } else { 2 };
            for (e, d) in self.fuzzy(&folded, qlen, k, &ok) {
                let longest = qlen.max(self.lens[e as usize] as usize) as f64;
                let score = 0.5 + 0.25 * (1.0 - d as f64 / longest);
                offer(&mut best, e, MatchClass::Fuzzy, score, Some(d));
            }
        }
        if best.len() < q.limit && qlen >= 2 {
            let lo = self
                .by_key
                .partition_point(|&i| self.keys.get(i) < folded.as_str());
            for &e in self.by_key[lo..]
                .iter()
                .take_while(|&&i| self.keys.get(i).starts_with(folded.as_str()))
                .take(512)
            {
                if ok(e) {
                    let score = 0.2 + 0.3 * qlen as f64 / self.lens[e as usize].max(1) as f64;
                    offer(&mut best, e, MatchClass::Prefix, score.min(0.5), None);
                }
            }
        }

        let mut hits: Vec<Hit> = best.into_values().collect();
        hits.sort_by(|a, b| {
            if better(a, b) {
                Ordering::Less
            } else if better(b, a) {
                Ordering::Greater
            } else {
                a.concept.cmp(&b.concept)
            }
        });
        hits.truncate(q.limit);
        hits
    }

    /// Entries whose folded key is within Damerau–Levenshtein (optimal string alignment)
    /// distance `k` of `folded`.
    fn fuzzy(
        &self,
        folded: &str,
        qlen: usize,
        k: usize,
        ok: &dyn Fn(u32) -> bool,
    ) -> Vec<(u32, usize)> {
        let g = self.grams();
        let mut qb = Vec::new();
        Grams::buckets(g.bits, folded, &mut qb);
        let window = g.window(qlen.saturating_sub(k), qlen + k);
        // One edit (a transposition included) changes at most 4 trigrams: a key within k
        // edits shares at least `need` of the query's trigrams. Count them for every key of
        // the length window in a dense array (scan-count), then check the survivors.
        let need = (qb.len() as isize - 4 * k as isize).max(1) as u8;
        let query: Vec<char> = folded.chars().collect();
        let mut out = Vec::new();
        SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            let (counts, touched) = &mut *scratch;
            let width = (window.end - window.start) as usize;
            if counts.len() < width {
                counts.resize(width, 0);
            }
            for &b in &qb {
                for &p in g.list(b, &window) {
                    let c = &mut counts[(p - window.start) as usize];
                    if *c == 0 {
                        touched.push(p);
                    }
                    *c = c.saturating_add(1);
                }
            }
            let (mut key, mut dp) = (Vec::new(), Vec::new());
            for &p in touched.iter() {
                let c = &mut counts[(p - window.start) as usize];
                let shared = *c;
                *c = 0;
                if shared < need {
                    continue;
                }
                let e = g.order[p as usize];
                if !ok(e) {
                    continue;
                }
                key.clear();
                key.extend(self.keys.get(e).chars());
                if let Some(d) = osa_within(&query, &key, k, &mut dp) {
                    out.push((e, d));
                }
            }
            touched.clear();
        });
        out
    }
}

/// Whether hit `a` ranks above hit `b`.
fn better(a: &Hit, b: &Hit) -> bool {
    (a.class, -a.score) < (b.class, -b.score)
        || (a.class == b.class && a.score == b.score && a.term < b.term)
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;

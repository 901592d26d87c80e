//! The lookup index over every term of a termbase, and lookup itself.
//!
//! Match classes, best first: exact (the text as written), normalised (same [`lookup_key`] key),
//! stemmed (same [`stem_key`] in the term's language), root (Arabic: the same consonant
//! skeleton word by word, [`skeleton_word`], so that broken plurals find their singular),
//! fuzzy (folded keys within a small edit distance: 1 for queries of 6 to 11 characters, 2
//! beyond; only when nothing matched better) and prefix (the folded query starts the key).
//! A query with a leading French or English article is also looked up without it. A hit
//! names the concept, the term that matched, the class and a score in (0, 1] that keeps
//! classes apart.
//!
//! Layout: folded, stemmed and skeleton keys in three string arenas (see `keys`);
//! the folded keys with a sorted permutation for binary search (exact, normalised, prefix),
//! the stem keys with their hashes sorted (stemmed), the non-empty skeleton keys with a
//! sorted permutation (root, and prefix by skeleton); and, built on the first fuzzy query,
//! a hashed trigram index in compressed rows, ordered by key length, for fuzzy candidates
//! (scan-count of shared trigrams over the length window, then a banded Damerau–Levenshtein
//! check).

use std::cmp::Ordering;
use std::sync::OnceLock;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::model::{Concept, Termbase};
use super::normalize::{
    has_arabic, lookup_key, lookup_key_into, skeleton_keys, skeleton_letters, skeleton_word,
    stem_key, stem_word, stemmer, strip_article,
};
use crate::Lang;

/// How a term matched a query, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchClass {
    Exact,
    Normalised,
    Stemmed,
    Root,
    Fuzzy,
    Prefix,
}

impl MatchClass {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchClass::Exact => "exact",
            MatchClass::Normalised => "normalised",
            MatchClass::Stemmed => "stemmed",
            MatchClass::Root => "root",
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

mod grams;
mod keys;

use grams::{osa_within, Grams, SCRATCH};
use keys::{key_hash, Arena, Entry, Words};

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
    /// The consonant skeleton keys of the Arabic entries (empty for the others), and the
    /// entries with a key sorted by it: the root class, and prefix matches by skeleton.
    roots: Arena,
    by_root: Vec<u32>,
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
        let (keys, (stems, roots)) = rayon::join(
            || {
                Arena::par_build(entries.len(), |i, out| {
                    let e = &entries[i];
                    lookup_key_into(
                        &tb.concepts[e.concept as usize].terms[e.term as usize].text,
                        out,
                    )
                })
            },
            || {
                let words = Words::new(&tb, &entries, &langs);
                rayon::join(
                    || {
                        words.keys(
                            &entries,
                            &langs,
                            |_| true,
                            stemmer,
                            |st, w, out| out.push_str(&stem_word(w, st.as_ref())),
                        )
                    },
                    || {
                        words.keys(
                            &entries,
                            &langs,
                            |l| l == &Lang::Ar,
                            |_| (),
                            |_, w, out| skeleton_word(w, out),
                        )
                    },
                )
            },
        );
        let lens: Vec<u16> = (0..entries.len() as u32)
            .into_par_iter()
            .map(|i| keys.get(i).chars().count().min(u16::MAX as usize) as u16)
            .collect();
        let (by_key, (by_stem, by_root)) = rayon::join(
            || keys.sorted(),
            || rayon::join(|| stems.hashed(), || roots.sorted_non_empty()),
        );
        Index {
            tb,
            entries,
            langs,
            keys,
            lens,
            by_key,
            stems,
            by_stem,
            roots,
            by_root,
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
    ///
    /// A query that starts with an article ([`strip_article`]) is also looked up without
    /// it, in every class, with scores 0.05 lower and exact matches counted as normalised.
    pub fn lookup(&self, q: &Query) -> Vec<Hit> {
        let folded = lookup_key(q.text);
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
        let mut variants = vec![Variant {
            text: q.text,
            folded,
            penalty: 0.0,
        }];
        if let Some(rest) = strip_article(q.text, q.lang.as_ref()) {
            let folded = lookup_key(rest);
            if !folded.is_empty() {
                variants.push(Variant {
                    text: rest,
                    folded,
                    penalty: 0.05,
                });
            }
        }
        for v in &variants {
            self.direct(q, v, arabic, &ok, &mut best);
        }

        // Fuzzy matching is the fallback when nothing matched better; prefix hits fill the
        // room left.
        let fallback = best.is_empty();
        for v in &variants {
            let qlen = v.folded.chars().count();
            if fallback && qlen >= 6 {
                let k = if qlen < 12 { 1 } else { 2 };
                for (e, d) in self.fuzzy(&v.folded, qlen, k, &ok) {
                    let longest = qlen.max(self.lens[e as usize] as usize) as f64;
                    let score = 0.5 + 0.25 * (1.0 - d as f64 / longest);
                    self.offer(&mut best, e, MatchClass::Fuzzy, score - v.penalty, Some(d));
                }
            }
        }
        for v in &variants {
            let (folded, qlen) = (v.folded.as_str(), v.folded.chars().count());
            if best.len() < q.limit && qlen >= 2 {
                let lo = self.by_key.partition_point(|&i| self.keys.get(i) < folded);
                for &e in self.by_key[lo..]
                    .iter()
                    .take_while(|&&i| self.keys.get(i).starts_with(folded))
                    .take(512)
                {
                    if ok(e) {
                        let score = 0.2 + 0.3 * qlen as f64 / self.lens[e as usize].max(1) as f64;
                        let score = score.min(0.5) - v.penalty;
                        self.offer(&mut best, e, MatchClass::Prefix, score, None);
                    }
                }
            }
        }

        let arabic_lang = match &q.lang {
            Some(l) => l == &Lang::Ar,
            None => true,
        };
        if best.len() < q.limit && arabic && arabic_lang {
            self.root_prefix(q.text, &ok, &mut best);
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

    /// Keeps `e` as the hit of its concept if it ranks above the one kept so far.
    fn offer(
        &self,
        best: &mut FxHashMap<u32, Hit>,
        e: u32,
        class: MatchClass,
        score: f64,
        distance: Option<usize>,
    ) {
        let en = self.entries[e as usize];
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
    }

    /// The exact, normalised, stemmed and root matches of one form of the query.
    fn direct(
        &self,
        q: &Query,
        v: &Variant,
        arabic: bool,
        ok: &dyn Fn(u32) -> bool,
        best: &mut FxHashMap<u32, Hit>,
    ) {
        // Exact and normalised: same folded key. Without its article, the query matches
        // no term exactly.
        let exact_text = collapse(v.text);
        for &e in self.keys.equal_range(&self.by_key, &v.folded) {
            if !ok(e) {
                continue;
            }
            let en = self.entries[e as usize];
            let t = &self.tb.concepts[en.concept as usize].terms[en.term as usize];
            if v.penalty == 0.0 && (t.text == exact_text || collapse(&t.text) == exact_text) {
                self.offer(best, e, MatchClass::Exact, 1.0, None);
            } else {
                self.offer(best, e, MatchClass::Normalised, 0.9 - v.penalty, None);
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
            let sk = stem_key(v.text, l);
            if sk.is_empty() {
                continue;
            }
            let h = key_hash(&sk);
            let lo = self.by_stem.partition_point(|p| p.0 < h);
            for &(_, e) in self.by_stem[lo..].iter().take_while(|p| p.0 == h) {
                if self.stems.get(e) == sk && self.entries[e as usize].lang as usize == li {
                    self.offer(best, e, MatchClass::Stemmed, 0.8 - v.penalty, None);
                }
            }
        }

        // Root: the same consonant skeletons, word by word, for an Arabic query whose key
        // has at least three letters.
        let arabic_query = match &q.lang {
            Some(l) => l == &Lang::Ar,
            None => arabic,
        };
        if !arabic_query || !has_arabic(v.text) {
            return;
        }
        for rk in skeleton_keys(v.text, 16) {
            if skeleton_letters(&rk) < 3 {
                continue;
            }
            for &e in self.roots.equal_range(&self.by_root, &rk) {
                if ok(e) {
                    self.offer(best, e, MatchClass::Root, 0.7 - v.penalty, None);
                }
            }
        }
    }

    /// Prefix matches by skeleton, for an Arabic query: terms whose first words have the
    /// skeletons of the query's words (فرق الاستجابة → فريق الاستجابة لحوادث أمن الحاسوب).
    /// Scored as prefix hits, by the share of the term's words the query names.
    fn root_prefix(&self, text: &str, ok: &dyn Fn(u32) -> bool, best: &mut FxHashMap<u32, Hit>) {
        for rk in skeleton_keys(text, 16) {
            if skeleton_letters(&rk) < 3 {
                continue;
            }
            let words = rk.split(' ').count();
            let head = format!("{rk} ");
            let lo = self
                .by_root
                .partition_point(|&i| self.roots.get(i) < head.as_str());
            for &e in self.by_root[lo..]
                .iter()
                .take_while(|&&i| self.roots.get(i).starts_with(head.as_str()))
                .take(512)
            {
                if ok(e) {
                    let all = self.roots.get(e).split(' ').count();
                    let score = 0.2 + 0.25 * words as f64 / all as f64;
                    self.offer(best, e, MatchClass::Prefix, score, None);
                }
            }
        }
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

/// One form of a query: as given, or without its leading article (`penalty` > 0).
struct Variant<'q> {
    text: &'q str,
    folded: String,
    penalty: f64,
}

/// Whether hit `a` ranks above hit `b`.
fn better(a: &Hit, b: &Hit) -> bool {
    (a.class, -a.score) < (b.class, -b.score)
        || (a.class == b.class && a.score == b.score && a.term < b.term)
}

#[cfg(test)]
mod tests;

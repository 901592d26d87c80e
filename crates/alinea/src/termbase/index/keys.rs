//! The keys of the lookup index: the string arena they live in, and the stem and skeleton
//! keys of every entry, assembled from the distinct words of each language.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::super::model::Termbase;
use super::super::normalize::for_each_word;
use crate::Lang;

#[derive(Clone, Copy, Debug)]
pub(super) struct Entry {
    pub(super) concept: u32,
    pub(super) term: u32,
    pub(super) lang: u16,
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
    pub(super) fn par_build(n: usize, write: impl Fn(usize, &mut String) + Sync) -> Arena {
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
    pub(super) fn sorted(&self) -> Vec<u32> {
        self.sorted_where(false)
    }

    /// [`Arena::sorted`] without the empty strings.
    pub(super) fn sorted_non_empty(&self) -> Vec<u32> {
        self.sorted_where(true)
    }

    fn sorted_where(&self, non_empty: bool) -> Vec<u32> {
        let mut pairs: Vec<(u128, u32)> = (0..(self.off.len() - 1) as u32)
            .into_par_iter()
            .filter(|&i| !non_empty || self.off[i as usize] < self.off[i as usize + 1])
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
    pub(super) fn hashed(&self) -> Vec<(u64, u32)> {
        let mut pairs: Vec<(u64, u32)> = (0..(self.off.len() - 1) as u32)
            .into_par_iter()
            .map(|i| (key_hash(self.get(i)), i))
            .collect();
        pairs.par_sort_unstable();
        pairs
    }

    /// The run of `sorted` whose strings equal `key`.
    pub(super) fn equal_range<'s>(&self, sorted: &'s [u32], key: &str) -> &'s [u32] {
        let lo = sorted.partition_point(|&i| self.get(i) < key);
        let hi = lo + sorted[lo..].partition_point(|&i| self.get(i) == key);
        &sorted[lo..hi]
    }
}

pub(super) fn key_hash(s: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

/// The words of one language's entries as ids of its distinct words.
struct LangWords<'t> {
    /// Entry `k` of the language has the words `flat[starts[k]..starts[k + 1]]`.
    flat: Vec<u32>,
    starts: Vec<usize>,
    distinct: Vec<&'t str>,
}

/// The words of every entry, per language (a large termbase repeats its words, so each
/// distinct word is keyed once), from which the stem and skeleton keys are assembled.
pub(super) struct Words<'t> {
    /// The rank of each entry among the entries of its language.
    rank: Vec<u32>,
    per_lang: Vec<LangWords<'t>>,
}

impl<'t> Words<'t> {
    pub(super) fn new(tb: &'t Termbase, entries: &[Entry], langs: &[Lang]) -> Words<'t> {
        let text = |e: &Entry| {
            tb.concepts[e.concept as usize].terms[e.term as usize]
                .text
                .as_str()
        };
        let mut counts = vec![0u32; langs.len()];
        let rank: Vec<u32> = entries
            .iter()
            .map(|e| {
                let c = &mut counts[e.lang as usize];
                *c += 1;
                *c - 1
            })
            .collect();
        let per_lang = (0..langs.len())
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
                LangWords {
                    flat,
                    starts,
                    distinct,
                }
            })
            .collect();
        Words { rank, per_lang }
    }

    /// The key of every entry: `word(lang, word, out)` appends the key of each distinct word
    /// of the languages `wanted` accepts (computed once, in parallel); the keys of an
    /// entry's words are joined by single spaces, empty ones dropped. Entries of the other
    /// languages get an empty key.
    pub(super) fn keys<S>(
        &self,
        entries: &[Entry],
        langs: &[Lang],
        wanted: impl Fn(&Lang) -> bool,
        init: impl Fn(&Lang) -> S + Sync + Send,
        word: impl Fn(&mut S, &str, &mut String) + Sync + Send,
    ) -> Arena {
        let per_word: Vec<Vec<String>> = self
            .per_lang
            .iter()
            .zip(langs)
            .map(|(lw, lang)| {
                if !wanted(lang) {
                    return Vec::new();
                }
                lw.distinct
                    .par_iter()
                    .map_init(
                        || init(lang),
                        |st, w| {
                            let mut k = String::new();
                            word(st, w, &mut k);
                            k
                        },
                    )
                    .collect()
            })
            .collect();
        Arena::par_build(entries.len(), |i, out| {
            let l = entries[i].lang as usize;
            let (lw, keys) = (&self.per_lang[l], &per_word[l]);
            if keys.is_empty() {
                return;
            }
            let k = self.rank[i] as usize;
            let start = out.len();
            for &id in &lw.flat[lw.starts[k]..lw.starts[k + 1]] {
                let s = keys[id as usize].as_str();
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
}

//! Lexical and anchor evidence between the units of two documents.
//!
//! Every source word stem and every anchor becomes a *concept* with an IDF weight. Each target
//! unit is mapped to the set of source concepts it may express: shared anchors, cognates (same
//! script), lexicon translations and, in the second pass, translations learned from the first
//! alignment. The evidence for a pair of units is the weight of the concepts they share.

use rayon::prelude::*;

use super::features::{BlockLists, DocFeatures, Lists, Script, StrTable};
use super::lexicon::PairLexicon;
use crate::text::fold::strip_accents_into;

/// The evidence of a document pair.
pub(crate) struct Evidence {
    pub src_len: Vec<f64>,
    pub tgt_len: Vec<f64>,
    /// Whether each unit is page furniture (its omission costs less).
    pub src_furniture: Vec<bool>,
    pub tgt_furniture: Vec<bool>,
    /// Sorted concept ids of each source unit.
    src_keys: Lists,
    /// Sorted concept ids each target unit may express.
    tgt_keys: BlockLists,
    /// Target word stems of each unit (ids of distinct target stems, sorted).
    tgt_stems: BlockLists,
    /// Source word concepts of each unit (no anchors), for learning.
    src_words: Lists,
    /// Candidate source concepts of each target stem (sorted).
    cands: Lists,
    /// Weight of the translatable content of each unit (concepts the other side may express).
    pub src_mass: Vec<f32>,
    pub tgt_mass: Vec<f32>,
    weight: Vec<f32>,
    anchor: Vec<bool>,
    /// Anchor weight of each source unit and of each target unit.
    pub src_anchor_mass: Vec<f32>,
    pub tgt_anchor_mass: Vec<f32>,
    /// Target units expressing each concept, ascending: `post[post_start[k]..post_start[k + 1]]`.
    post_start: Vec<u32>,
    post: Vec<u32>,
}

/// Settings of evidence building.
pub(crate) struct EvidenceSettings {
    pub use_lexicon: bool,
    pub anchor_boost: f32,
}

/// Whether an anchor key is a hard anchor (number, symbol, URL, label), one that costs extra
/// when found on one side of a bead only.
fn hard(k: &str) -> bool {
    k.starts_with("n:") || k.starts_with("s:") || k.starts_with("u:") || k.starts_with("p:")
}

/// Whether `key` is a symbol or a compound number (`s:`) that the other document, whose
/// anchor keys are `other` (ascending), never writes: the translation writes it its own way
/// (`2006/928/CE` is `2006/928/EC`, `2003/568/JAI` is `2003/568/JHA`, `P-5` is `ف-5`,
/// `27/01/1999` is `27 janvier 1999`), so its absence from a bead tells nothing; its numbers
/// (`n:2006`, `n:928`) still do. A symbol both documents write stays a hard anchor.
fn written_otherwise(key: &str, other: &[String]) -> bool {
    key.starts_with("s:") && other.binary_search_by(|k| k.as_str().cmp(key)).is_err()
}

/// For each key of `b` (ascending), the value in `a_val` of the same key in `a` (ascending).
fn match_sorted(a: &[String], a_val: &[u32], b: &[String]) -> Vec<Option<u32>> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    for k in b {
        while i < a.len() && a[i] < *k {
            i += 1;
        }
        out.push((i < a.len() && a[i] == *k).then(|| a_val[i]));
    }
    out
}

/// Sort and deduplicate `v`.
fn sort_dedup(v: &mut Vec<u32>) {
    v.sort_unstable();
    v.dedup();
}

impl Evidence {
    pub fn build(
        src: &DocFeatures,
        tgt: &DocFeatures,
        lex: &PairLexicon,
        settings: &EvidenceSettings,
    ) -> Evidence {
        // Words by stem, then anchors and Latin names by key: one id space.
        let cross_script = src.script != tgt.script;
        let same_latin = src.script == Script::Latin && tgt.script == Script::Latin;
        // Source words to concepts: the stem ids of the source document.
        let wid = |stem: &str| src.stems.find(stem, StrTable::hash(stem));
        let src_concept = &src.word_stem;
        let n_words = src.stems.len();
        let mut is_anchor: Vec<bool> = vec![false; n_words];
        // De-accented source words of four letters or more, by their first four letters.
        let deaccented = if same_latin {
            Deaccented::of(&src.surfaces)
        } else {
            Deaccented::default()
        };
        let surfaces = deaccented.by_prefix(src_concept);
        // Source concepts of each unit: words, then anchors and names as they come.
        let n_src = src.n_units();
        let mut anchor_concept = vec![u32::MAX; src.anchor_keys.len()];
        let mut name_concept = vec![u32::MAX; src.name_keys.len()];
        // Each unit's keys: its distinct words, anchors and (across scripts) names, so no more
        // than all of them.
        let key_bound = src.words.items().len()
            + src.anchors.items().len()
            + if cross_script {
                src.names.items().len()
            } else {
                0
            };
        let mut src_keys = Lists::with_capacity(n_src, key_bound);
        let mut src_words = Lists::with_capacity(n_src, src.words.items().len());
        let (mut words, mut keys) = (Vec::new(), Vec::new());
        for u in 0..n_src {
            words.clear();
            words.extend(src.words.get(u).iter().map(|&w| src_concept[w as usize]));
            sort_dedup(&mut words);
            keys.clear();
            keys.extend_from_slice(&words);
            for &a in src.anchors.get(u) {
                let c = &mut anchor_concept[a as usize];
                if *c == u32::MAX {
                    *c = is_anchor.len() as u32;
                    let key = &src.anchor_keys[a as usize];
                    is_anchor.push(hard(key) && !written_otherwise(key, &tgt.anchor_keys));
                }
                keys.push(*c);
            }
            if cross_script {
                for &l in src.names.get(u) {
                    let c = &mut name_concept[l as usize];
                    if *c == u32::MAX {
                        *c = is_anchor.len() as u32;
                        is_anchor.push(false);
                    }
                    keys.push(*c);
                }
            }
            // Anchor and name concepts are distinct and come after every word concept.
            keys[words.len()..].sort_unstable();
            src_keys.push(&keys);
            src_words.push(&words);
        }
        // Reserved for the most the lists could hold; they live as long as the alignment.
        src_keys.shrink_to_fit();
        src_words.shrink_to_fit();
        let mut src_df = vec![0u32; n_words];
        for &k in src_words.items() {
            src_df[k as usize] += 1;
        }
        // Distinct target stems (with the first surface form seen), their frequencies (word
        // forms per unit), then their candidates, computed in parallel.
        let vocab_sid = &tgt.word_stem;
        let mut firsts: Vec<(&str, &str)> = Vec::with_capacity(tgt.stems.len());
        for (surface, &sid) in tgt.surfaces.iter().zip(vocab_sid) {
            if sid as usize == firsts.len() {
                firsts.push((surface, tgt.stems.get(sid as usize)));
            }
        }
        let mut tgt_df = vec![0u32; firsts.len()];
        for &w in tgt.words.items() {
            tgt_df[vocab_sid[w as usize] as usize] += 1;
        }
        // Frequencies of a word and its translation agree (within a factor of 3, give or take).
        let df_agree = |a: u32, b: u32| a <= 3 * b + 2 && b <= 3 * a + 2;
        // The candidates of target stem `sid` (first seen as `surface`) into `c`, with `d` for
        // the de-accented surface.
        let candidates =
            |sid: usize, surface: &str, stem: &str, c: &mut Vec<u32>, d: &mut String| {
                c.clear();
                if let Some(i) = wid(stem) {
                    c.push(i);
                }
                if same_latin {
                    strip_accents_into(surface, d);
                    if d.chars().count() >= 4 {
                        for (sd, id) in surfaces.like(d) {
                            if cognate(d, sd) {
                                c.push(id);
                            }
                        }
                    }
                }
                if settings.use_lexicon {
                    let dt = tgt_df[sid];
                    for s in lex.tgt_to_src.get(stem).into_iter().flatten() {
                        if let Some(i) = wid(s) {
                            if df_agree(src_df[i as usize], dt) {
                                c.push(i);
                            }
                        }
                    }
                }
                sort_dedup(c);
            };
        // In parallel over blocks of stems, each block's lists made with one pair of buffers.
        const STEMS: usize = 512;
        let parts: Vec<Lists> = firsts
            .par_chunks(STEMS)
            .enumerate()
            .map(|(b, chunk)| {
                let mut lists = Lists::with_capacity(chunk.len(), chunk.len());
                let (mut c, mut d) = (Vec::new(), String::new());
                for (k, &(surface, stem)) in chunk.iter().enumerate() {
                    candidates(b * STEMS + k, surface, stem, &mut c, &mut d);
                    lists.push(&c);
                }
                lists
            })
            .collect();
        let items = parts.iter().map(|l| l.items().len()).sum();
        let mut cands = Lists::with_capacity(firsts.len(), items);
        for part in &parts {
            for c in part.iter() {
                cands.push(c);
            }
        }
        drop(parts);
        // Target anchors and names: the source concept of the same key.
        let tgt_anchor = match_sorted(&src.anchor_keys, &anchor_concept, &tgt.anchor_keys);
        let tgt_hard: Vec<bool> = tgt
            .anchor_keys
            .iter()
            .map(|k| hard(k) && !written_otherwise(k, &src.anchor_keys))
            .collect();
        let tgt_name = if cross_script {
            match_sorted(&src.name_keys, &name_concept, &tgt.name_keys)
        } else {
            Vec::new()
        };
        // Concepts each target unit may express, in parallel over blocks of units.
        let n_tgt = tgt.n_units();
        const BLOCK: usize = BlockLists::BLOCK;
        let block = |lo: usize| -> (Lists, Lists, Vec<u32>) {
            let hi = (lo + BLOCK).min(n_tgt);
            let items = tgt.words.get_range(lo, hi).len();
            let mut tgt_keys = Lists::with_capacity(hi - lo, items);
            let mut tgt_stems = Lists::with_capacity(hi - lo, items);
            let mut tgt_unknown_anchors = Vec::with_capacity(hi - lo);
            let (mut keys, mut stems) = (Vec::new(), Vec::new());
            // The last target unit (plus one) that took each word concept.
            let mut taken = vec![0u32; n_words];
            for v in lo..hi {
                keys.clear();
                stems.clear();
                let mut unknown = 0u32;
                for &w in tgt.words.get(v) {
                    let sid = vocab_sid[w as usize];
                    stems.push(sid);
                    for &k in cands.get(sid as usize) {
                        if taken[k as usize] != v as u32 + 1 {
                            taken[k as usize] = v as u32 + 1;
                            keys.push(k);
                        }
                    }
                }
                keys.sort_unstable();
                // Anchor and name concepts are distinct and come after every word concept.
                let words_end = keys.len();
                for &a in tgt.anchors.get(v) {
                    match tgt_anchor[a as usize] {
                        Some(i) => keys.push(i),
                        None if tgt_hard[a as usize] => unknown += 1,
                        None => {}
                    }
                }
                tgt_unknown_anchors.push(unknown);
                if cross_script {
                    keys.extend(
                        tgt.names
                            .get(v)
                            .iter()
                            .filter_map(|&l| tgt_name[l as usize]),
                    );
                }
                keys[words_end..].sort_unstable();
                sort_dedup(&mut stems);
                tgt_keys.push(&keys);
                tgt_stems.push(&stems);
            }
            // The blocks are kept: no spare room.
            tgt_keys.shrink_to_fit();
            tgt_stems.shrink_to_fit();
            (tgt_keys, tgt_stems, tgt_unknown_anchors)
        };
        let blocks: Vec<(Lists, Lists, Vec<u32>)> = (0..n_tgt.div_ceil(BLOCK))
            .into_par_iter()
            .map(|b| block(b * BLOCK))
            .collect();
        let mut tgt_keys = Vec::with_capacity(blocks.len());
        let mut tgt_stems = Vec::with_capacity(blocks.len());
        let mut tgt_unknown_anchors = Vec::with_capacity(n_tgt);
        for (k, s, u) in blocks {
            tgt_keys.push(k);
            tgt_stems.push(s);
            tgt_unknown_anchors.extend_from_slice(&u);
        }
        let (tgt_keys, tgt_stems) = (BlockLists::new(tgt_keys), BlockLists::new(tgt_stems));
        // IDF weights over source units.
        let mut df = vec![0u32; is_anchor.len()];
        for &k in src_keys.items() {
            df[k as usize] += 1;
        }
        let n = n_src.max(1) as f32;
        let quote = src
            .anchor_keys
            .binary_search_by(|k| k.as_str().cmp("q"))
            .ok()
            .map(|i| anchor_concept[i]);
        let mut soft_anchor = vec![false; is_anchor.len()];
        for &c in &name_concept {
            if c != u32::MAX {
                soft_anchor[c as usize] = true;
            }
        }
        let weight: Vec<f32> = df
            .iter()
            .enumerate()
            .map(|(k, &d)| {
                let idf = ((n + 1.0) / (d.max(1) as f32)).ln().max(0.05);
                if Some(k as u32) == quote {
                    0.5
                } else if is_anchor[k] || soft_anchor[k] {
                    idf * settings.anchor_boost
                } else {
                    idf
                }
            })
            .collect();
        let mass = |keys: &[u32]| -> f32 {
            keys.iter()
                .filter(|&&k| is_anchor[k as usize])
                .map(|&k| weight[k as usize])
                .sum()
        };
        let src_anchor_mass = src_keys.iter().map(mass).collect();
        let unknown_weight = (n + 1.0).ln() * settings.anchor_boost;
        let tgt_anchor_mass = tgt_keys
            .iter()
            .zip(&tgt_unknown_anchors)
            .map(|(k, &u)| mass(k) + u as f32 * unknown_weight)
            .collect();
        let mut ev = Evidence {
            cands,
            src_mass: Vec::new(),
            tgt_mass: Vec::new(),
            anchor: is_anchor,
            src_anchor_mass,
            tgt_anchor_mass,
            src_len: src.len.clone(),
            tgt_len: tgt.len.clone(),
            src_furniture: src.furniture.clone(),
            tgt_furniture: tgt.furniture.clone(),
            src_keys,
            tgt_keys,
            tgt_stems,
            src_words,
            weight,
            post_start: Vec::new(),
            post: Vec::new(),
        };
        ev.compute_mass();
        ev
    }

    /// Translatable weight of each unit: source concepts some target unit may express; for a
    /// target unit, its anchors and, per word with candidates, the heaviest candidate.
    fn compute_mass(&mut self) {
        self.index_targets();
        // A concept is reachable when some target unit may express it.
        let reachable = |k: u32| self.post_start[k as usize] != self.post_start[k as usize + 1];
        self.src_mass = self
            .src_keys
            .iter()
            .map(|keys| {
                keys.iter()
                    .filter(|&&k| reachable(k))
                    .map(|&k| self.weight[k as usize])
                    .sum()
            })
            .collect();
        // The heaviest candidate of each stem.
        let best: Vec<f32> = self
            .cands
            .iter()
            .map(|c| {
                c.iter()
                    .map(|&k| self.weight[k as usize])
                    .fold(0.0, f32::max)
            })
            .collect();
        self.tgt_mass = self
            .tgt_keys
            .iter()
            .zip(self.tgt_stems.iter())
            .map(|(keys, stems)| {
                let anchors: f32 = keys
                    .iter()
                    .filter(|&&k| self.anchor[k as usize])
                    .map(|&k| self.weight[k as usize])
                    .sum();
                let words: f32 = stems.iter().map(|&t| best[t as usize]).sum();
                anchors + words
            })
            .collect();
    }

    /// The inverted index of the target keys (concept to target units).
    fn index_targets(&mut self) {
        let mut start = vec![0u32; self.weight.len() + 1];
        for k in self.tgt_keys.items() {
            start[k as usize + 1] += 1;
        }
        for k in 0..self.weight.len() {
            start[k + 1] += start[k];
        }
        let mut fill = start.clone();
        let mut post = vec![0u32; start[self.weight.len()] as usize];
        for (v, keys) in self.tgt_keys.iter().enumerate() {
            for &k in keys {
                post[fill[k as usize] as usize] = v as u32;
                fill[k as usize] += 1;
            }
        }
        self.post_start = start;
        self.post = post;
    }

    pub fn n_src(&self) -> usize {
        self.src_len.len()
    }

    pub fn n_tgt(&self) -> usize {
        self.tgt_len.len()
    }

    /// Weight of the concepts shared by source unit `u` and target unit `v`, and the part of
    /// it that anchors make.
    pub fn hits(&self, u: usize, v: usize) -> (f32, f32) {
        let (a, b) = (self.src_keys.get(u), self.tgt_keys.get(v));
        let (mut i, mut j, mut s, mut an) = (0, 0, 0.0f32, 0.0f32);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let w = self.weight[a[i] as usize];
                    s += w;
                    if self.anchor[a[i] as usize] {
                        an += w;
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        (s, an)
    }

    /// Hits of source unit `u` with target units `vlo..vhi`, appended to `out` (the same
    /// sums as [`Evidence::hits`], concept by concept in ascending order, through the inverted
    /// index of the target keys).
    pub fn hits_row(&self, u: usize, vlo: usize, vhi: usize, out: &mut Vec<(f32, f32)>) {
        let base = out.len();
        out.resize(base + (vhi - vlo), (0.0, 0.0));
        let row = &mut out[base..];
        for &k in self.src_keys.get(u) {
            let k = k as usize;
            let list = &self.post[self.post_start[k] as usize..self.post_start[k + 1] as usize];
            let from = list.partition_point(|&v| (v as usize) < vlo);
            let w = self.weight[k];
            let a = if self.anchor[k] { w } else { 0.0 };
            for &v in &list[from..] {
                let v = v as usize;
                if v >= vhi {
                    break;
                }
                let cell = &mut row[v - vlo];
                cell.0 += w;
                cell.1 += a;
            }
        }
    }
}

mod cognates;
mod learn;

use cognates::{cognate, Deaccented};
#[cfg(test)]
use cognates::{common_prefix, levenshtein};

#[cfg(test)]
mod tests;

//! Lexical and anchor evidence between the units of two documents.
//!
//! Every source word stem and every anchor becomes a *concept* with an IDF weight. Each target
//! unit is mapped to the set of source concepts it may express: shared anchors, cognates (same
//! script), lexicon translations and, in the second pass, translations learned from the first
//! alignment. The evidence for a pair of units is the weight of the concepts they share.

use rayon::prelude::*;

use super::features::{deaccent, DocFeatures, FxMap, Script};
use super::lexicon::PairLexicon;

/// The evidence of a document pair.
pub(crate) struct Evidence {
    pub src_len: Vec<f64>,
    pub tgt_len: Vec<f64>,
    /// Sorted concept ids of each source unit.
    src_keys: Vec<Vec<u32>>,
    /// Sorted concept ids each target unit may express.
    tgt_keys: Vec<Vec<u32>>,
    /// Target word stems of each unit (ids into the target vocabulary).
    tgt_stems: Vec<Vec<u32>>,
    /// Source word concepts of each unit (no anchors), for learning.
    src_words: Vec<Vec<u32>>,
    /// Candidate source concepts of each target stem.
    cands: Vec<Vec<u32>>,
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

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Whether two de-accented words of the same script look like cognates.
fn cognate(a: &str, b: &str) -> bool {
    let p = common_prefix(a, b);
    let (la, lb) = (a.chars().count(), b.chars().count());
    if p >= 6 || (p >= 4 && p * 10 >= la.max(lb) * 6) {
        return true;
    }
    // An edit distance of at most a quarter of the longer word needs lengths that close.
    if p < 4 || la.abs_diff(lb) * 4 > la.max(lb) {
        return false;
    }
    // The distance does not change when the common prefix is left out (same bytes on both
    // sides); normalised by the full lengths, as `strsim::normalized_levenshtein` does.
    let cut = a.char_indices().nth(p).map_or(a.len(), |(i, _)| i);
    let d = strsim::levenshtein(&a[cut..], &b[cut..]);
    1.0 - (d as f64) / (la.max(lb) as f64) >= 0.75
}

impl Evidence {
    pub fn build(
        src: &DocFeatures,
        tgt: &DocFeatures,
        lex: &PairLexicon,
        settings: &EvidenceSettings,
    ) -> Evidence {
        // Anchors and Latin names (`l:`) by key; words by stem; one id space.
        let mut ids: FxMap<String, u32> = FxMap::default();
        let mut wids: FxMap<&str, u32> = FxMap::default();
        let mut is_anchor: Vec<bool> = Vec::new();
        let hard = |k: &str| {
            k.starts_with("n:") || k.starts_with("s:") || k.starts_with("u:") || k.starts_with("p:")
        };
        let cross_script = src.script != tgt.script;
        let same_latin = src.script == Script::Latin && tgt.script == Script::Latin;
        // Source concepts.
        let mut src_keys = Vec::with_capacity(src.units.len());
        let mut src_words = Vec::with_capacity(src.units.len());
        let mut surfaces: FxMap<String, Vec<(String, u32)>> = FxMap::default();
        // Source vocabulary entries to concepts.
        let mut src_concept = Vec::with_capacity(src.vocab.len());
        let deaccented: Vec<Option<String>> = if same_latin {
            src.vocab
                .par_iter()
                .map(|(surface, _)| Some(deaccent(surface)).filter(|d| d.chars().count() >= 4))
                .collect()
        } else {
            vec![None; src.vocab.len()]
        };
        for ((_, stem), d) in src.vocab.iter().zip(deaccented) {
            let id = match wids.get(stem.as_str()) {
                Some(&i) => i,
                None => {
                    let i = is_anchor.len() as u32;
                    is_anchor.push(false);
                    wids.insert(stem, i);
                    i
                }
            };
            src_concept.push(id);
            if let Some(d) = d {
                let b: String = d.chars().take(4).collect();
                surfaces.entry(b).or_default().push((d, id));
            }
        }
        for u in &src.units {
            let mut words: Vec<u32> = u.words.iter().map(|&w| src_concept[w as usize]).collect();
            words.sort_unstable();
            words.dedup();
            let mut keys = words.clone();
            let mut intern = |k: &str, anchor: bool| -> u32 {
                if let Some(&i) = ids.get(k) {
                    return i;
                }
                let i = is_anchor.len() as u32;
                ids.insert(k.to_string(), i);
                is_anchor.push(anchor);
                i
            };
            for a in &u.anchors {
                keys.push(intern(a, hard(a)));
            }
            if cross_script {
                for l in &u.latin_names {
                    keys.push(intern(&format!("l:{l}"), false));
                }
            }
            keys.sort_unstable();
            keys.dedup();
            src_keys.push(keys);
            src_words.push(words);
        }
        for v in surfaces.values_mut() {
            v.sort_unstable();
            v.dedup();
        }
        let mut src_df: FxMap<u32, u32> = FxMap::default();
        for w in &src_words {
            for &k in w {
                *src_df.entry(k).or_default() += 1;
            }
        }
        let mut tgt_df: FxMap<&str, u32> = FxMap::default();
        for u in &tgt.units {
            for &w in &u.words {
                *tgt_df.entry(tgt.vocab[w as usize].1.as_str()).or_default() += 1;
            }
        }
        // Frequencies of a word and its translation agree (within a factor of 3, give or take).
        let df_agree = |a: u32, b: u32| a <= 3 * b + 2 && b <= 3 * a + 2;
        // Target candidates, per distinct stem.
        let mut tgt_vocab: FxMap<&str, u32> = FxMap::default();
        let mut tgt_keys = Vec::with_capacity(tgt.units.len());
        let mut tgt_stems = Vec::with_capacity(tgt.units.len());
        let mut tgt_unknown_anchors = Vec::with_capacity(tgt.units.len());
        // Distinct target stems (with the first surface form seen), then their candidates,
        // computed in parallel.
        let mut vocab_sid: Vec<u32> = Vec::with_capacity(tgt.vocab.len());
        let mut firsts: Vec<(&str, &str)> = Vec::new();
        for (surface, stem) in &tgt.vocab {
            let sid = *tgt_vocab.entry(stem.as_str()).or_insert_with(|| {
                firsts.push((surface, stem));
                firsts.len() as u32 - 1
            });
            vocab_sid.push(sid);
        }
        let candidates = |&(surface, stem): &(&str, &str)| -> Vec<u32> {
            let mut c = Vec::new();
            if let Some(&i) = wids.get(stem) {
                c.push(i);
            }
            if same_latin {
                let d = deaccent(surface);
                if d.chars().count() >= 4 {
                    let b: String = d.chars().take(4).collect();
                    for (sd, id) in surfaces.get(&b).into_iter().flatten() {
                        if cognate(&d, sd) {
                            c.push(*id);
                        }
                    }
                }
            }
            if settings.use_lexicon {
                let dt = tgt_df[stem];
                for s in lex.tgt_to_src.get(stem).into_iter().flatten() {
                    if let Some(&i) = wids.get(s.as_str()) {
                        if df_agree(src_df[&i], dt) {
                            c.push(i);
                        }
                    }
                }
            }
            c.sort_unstable();
            c.dedup();
            c
        };
        let cands: Vec<Vec<u32>> = firsts.par_iter().map(candidates).collect();
        for u in &tgt.units {
            let mut keys = Vec::new();
            let mut stems = Vec::new();
            let mut unknown = 0u32;
            for &w in &u.words {
                let sid = vocab_sid[w as usize];
                stems.push(sid);
                keys.extend_from_slice(&cands[sid as usize]);
            }
            for a in &u.anchors {
                match ids.get(a) {
                    Some(&i) => keys.push(i),
                    None if hard(a) => unknown += 1,
                    None => {}
                }
            }
            tgt_unknown_anchors.push(unknown);
            if cross_script {
                for l in &u.latin_names {
                    if let Some(&i) = ids.get(&format!("l:{l}")) {
                        keys.push(i);
                    }
                }
            }
            keys.sort_unstable();
            keys.dedup();
            stems.sort_unstable();
            stems.dedup();
            tgt_keys.push(keys);
            tgt_stems.push(stems);
        }
        // IDF weights over source units.
        let mut df = vec![0u32; is_anchor.len()];
        for keys in &src_keys {
            for &k in keys {
                df[k as usize] += 1;
            }
        }
        let n = src.units.len().max(1) as f32;
        let quote = ids.get("q").copied();
        let mut soft_anchor = vec![false; is_anchor.len()];
        for (k, &i) in &ids {
            if k.starts_with("l:") {
                soft_anchor[i as usize] = true;
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
        let src_anchor_mass = src_keys.iter().map(|k| mass(k)).collect();
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
            src_len: src.units.iter().map(|u| u.len).collect(),
            tgt_len: tgt.units.iter().map(|u| u.len).collect(),
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
        let mut reachable = vec![false; self.weight.len()];
        for keys in &self.tgt_keys {
            for &k in keys {
                reachable[k as usize] = true;
            }
        }
        self.src_mass = self
            .src_keys
            .iter()
            .map(|keys| {
                keys.iter()
                    .filter(|&&k| reachable[k as usize])
                    .map(|&k| self.weight[k as usize])
                    .sum()
            })
            .collect();
        self.tgt_mass = self
            .tgt_keys
            .iter()
            .zip(&self.tgt_stems)
            .map(|(keys, stems)| {
                let anchors: f32 = keys
                    .iter()
                    .filter(|&&k| self.anchor[k as usize])
                    .map(|&k| self.weight[k as usize])
                    .sum();
                let words: f32 = stems
                    .iter()
                    .map(|&t| {
                        self.cands[t as usize]
                            .iter()
                            .map(|&k| self.weight[k as usize])
                            .fold(0.0, f32::max)
                    })
                    .sum();
                anchors + words
            })
            .collect();
    }

    /// The inverted index of the target keys (concept to target units).
    fn index_targets(&mut self) {
        let mut start = vec![0u32; self.weight.len() + 1];
        for keys in &self.tgt_keys {
            for &k in keys {
                start[k as usize + 1] += 1;
            }
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
        let (a, b) = (&self.src_keys[u], &self.tgt_keys[v]);
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
        for &k in &self.src_keys[u] {
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

    /// Learn word translations from aligned 1-1 unit pairs (Dice over co-occurrence) and add
    /// them to the target candidates. Only target stems without a candidate are learned.
    pub fn learn(&mut self, pairs: &[(usize, usize)], min_count: u32, min_dice: f32) {
        let n_stems = self.cands.len();
        let mut c_src = vec![0u32; self.weight.len()];
        let mut c_tgt = vec![0u32; n_stems];
        for &(u, v) in pairs {
            for &s in &self.src_words[u] {
                c_src[s as usize] += 1;
            }
            for &t in &self.tgt_stems[v] {
                c_tgt[t as usize] += 1;
            }
        }
        // Only words seen `min_count` times or more can reach `min_count` together. For each
        // target stem still without a candidate, the pairs it occurs in; then co-occurrence
        // counts with the source words of those pairs, one stem at a time.
        let srcs: Vec<Vec<u32>> = pairs
            .iter()
            .map(|&(u, _)| {
                self.src_words[u]
                    .iter()
                    .copied()
                    .filter(|&s| c_src[s as usize] >= min_count)
                    .collect()
            })
            .collect();
        let mut occurs: FxMap<u32, Vec<u32>> = FxMap::default();
        for (p, &(_, v)) in pairs.iter().enumerate() {
            for &t in &self.tgt_stems[v] {
                if c_tgt[t as usize] < min_count || !self.cands[t as usize].is_empty() {
                    continue;
                }
                occurs.entry(t).or_default().push(p as u32);
            }
        }
        let mut count = vec![0u32; self.weight.len()];
        let mut seen: Vec<u32> = Vec::new();
        let mut learned: FxMap<u32, Vec<(f32, u32)>> = FxMap::default();
        for (&t, ps) in &occurs {
            for &p in ps {
                for &s in &srcs[p as usize] {
                    if count[s as usize] == 0 {
                        seen.push(s);
                    }
                    count[s as usize] += 1;
                }
            }
            seen.sort_unstable();
            for &s in &seen {
                let c = count[s as usize];
                count[s as usize] = 0;
                if c >= min_count {
                    let dice = 2.0 * c as f32 / (c_tgt[t as usize] + c_src[s as usize]) as f32;
                    if dice >= min_dice {
                        learned.entry(t).or_default().push((dice, s));
                    }
                }
            }
            seen.clear();
        }
        if learned.is_empty() {
            return;
        }
        let mut add: FxMap<u32, Vec<u32>> = FxMap::default();
        for (t, mut v) in learned {
            v.sort_by(|a, b| b.0.total_cmp(&a.0));
            let best: Vec<u32> = v.into_iter().take(2).map(|x| x.1).collect();
            self.cands[t as usize] = best.clone();
            add.insert(t, best);
        }
        for (keys, stems) in self.tgt_keys.iter_mut().zip(&self.tgt_stems) {
            let before = keys.len();
            for t in stems {
                if let Some(s) = add.get(t) {
                    keys.extend_from_slice(s);
                }
            }
            if keys.len() != before {
                keys.sort_unstable();
                keys.dedup();
            }
        }
        self.compute_mass();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cognates() {
        assert!(cognate("organisation", "organization"));
        assert!(cognate("developpement", "development"));
        assert!(cognate("principes", "principles"));
        assert!(!cognate("maison", "house"));
        assert!(!cognate("pour", "poor"));
    }

    #[test]
    fn cognate_distance_matches_the_full_strings() {
        let words = [
            "organisation",
            "organization",
            "organisations",
            "developpement",
            "development",
            "developing",
            "principes",
            "principles",
            "principal",
            "résolution",
            "résolutions",
            "resolution",
        ];
        for a in words {
            for b in words {
                let p = common_prefix(a, b);
                let (la, lb) = (a.chars().count(), b.chars().count());
                let full = p >= 4
                    && la.abs_diff(lb) * 4 <= la.max(lb)
                    && strsim::normalized_levenshtein(a, b) >= 0.75;
                let short = p >= 6 || (p >= 4 && p * 10 >= la.max(lb) * 6);
                assert_eq!(cognate(a, b), short || full, "{a} {b}");
            }
        }
    }
}

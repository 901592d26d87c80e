//! The second pass's word translations: learned from the confident 1-1 beads of the first
//! alignment (Dice over co-occurrence) and added to the evidence.

use rayon::prelude::*;

use super::{sort_dedup, Evidence};
use crate::align::features::Lists;

/// How many target stems one parallel task of [`Evidence::learn`] learns.
const LEARN_BLOCK: usize = 4096;

impl Evidence {
    /// Learn word translations from aligned 1-1 unit pairs (Dice over co-occurrence) and add
    /// them to the target candidates. Only target stems without a candidate are learned.
    pub fn learn(&mut self, pairs: &[(usize, usize)], min_count: u32, min_dice: f32) {
        self.learn_in_blocks(pairs, min_count, min_dice, LEARN_BLOCK);
    }

    /// [`Evidence::learn`], the target stems learned `block` at a time.
    pub(super) fn learn_in_blocks(
        &mut self,
        pairs: &[(usize, usize)],
        min_count: u32,
        min_dice: f32,
        block: usize,
    ) {
        let n_stems = self.cands.len();
        let mut c_src = vec![0u32; self.weight.len()];
        let mut c_tgt = vec![0u32; n_stems];
        for &(u, v) in pairs {
            for &s in self.src_words.get(u) {
                c_src[s as usize] += 1;
            }
            for &t in self.tgt_stems.get(v) {
                c_tgt[t as usize] += 1;
            }
        }
        // Only words seen `min_count` times or more can reach `min_count` together. For each
        // target stem still without a candidate, the pairs it occurs in; then co-occurrence
        // counts with the source words of those pairs, one stem at a time.
        let mut srcs = Lists::with_capacity(pairs.len(), 0);
        let mut buf = Vec::new();
        for &(u, _) in pairs {
            buf.clear();
            buf.extend(
                self.src_words
                    .get(u)
                    .iter()
                    .copied()
                    .filter(|&s| c_src[s as usize] >= min_count),
            );
            srcs.push(&buf);
        }
        let open = |t: u32| c_tgt[t as usize] >= min_count && self.cands.get(t as usize).is_empty();
        // The pairs of each open stem: `occurs[occ_start[t]..occ_start[t + 1]]`.
        let mut occ_start = vec![0u32; n_stems + 1];
        for &(_, v) in pairs {
            for &t in self.tgt_stems.get(v) {
                if open(t) {
                    occ_start[t as usize + 1] += 1;
                }
            }
        }
        for t in 0..n_stems {
            occ_start[t + 1] += occ_start[t];
        }
        let mut fill = occ_start.clone();
        let mut occurs = vec![0u32; occ_start[n_stems] as usize];
        for (p, &(_, v)) in pairs.iter().enumerate() {
            for &t in self.tgt_stems.get(v) {
                if open(t) {
                    occurs[fill[t as usize] as usize] = p as u32;
                    fill[t as usize] += 1;
                }
            }
        }
        // The stems are learned in blocks, in parallel, each block with its own counts; the
        // result is in stem order, as one pass would give it.
        let n_src_words = self.weight.len();
        let learn_block = |b: usize| {
            let mut count = vec![0u32; n_src_words];
            let mut seen: Vec<u32> = Vec::new();
            let mut found: Vec<(f32, u32)> = Vec::new();
            // The (at most two) translations learned for each stem.
            let mut learned: Vec<(u32, [u32; 2], usize)> = Vec::new();
            let stems = b * block..((b + 1) * block).min(n_stems);
            for t in stems {
                let ps = &occurs[occ_start[t] as usize..occ_start[t + 1] as usize];
                if ps.is_empty() {
                    continue;
                }
                for &p in ps {
                    for &s in srcs.get(p as usize) {
                        if count[s as usize] == 0 {
                            seen.push(s);
                        }
                        count[s as usize] += 1;
                    }
                }
                for &s in &seen {
                    let c = count[s as usize];
                    count[s as usize] = 0;
                    if c >= min_count {
                        let dice = 2.0 * c as f32 / (c_tgt[t] + c_src[s as usize]) as f32;
                        if dice >= min_dice {
                            found.push((dice, s));
                        }
                    }
                }
                seen.clear();
                if !found.is_empty() {
                    // The best two by Dice; ties in ascending source order.
                    found.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                    let k = found.len().min(2);
                    let mut best = [0u32; 2];
                    for (b, f) in best.iter_mut().zip(&found) {
                        *b = f.1;
                    }
                    learned.push((t as u32, best, k));
                    found.clear();
                }
            }
            learned
        };
        let learned: Vec<(u32, [u32; 2], usize)> = (0..n_stems.div_ceil(block.max(1)))
            .into_par_iter()
            .flat_map_iter(learn_block)
            .collect();
        if learned.is_empty() {
            return;
        }
        let mut add: Vec<Option<usize>> = vec![None; n_stems];
        for (i, l) in learned.iter().enumerate() {
            add[l.0 as usize] = Some(i);
        }
        let mut cands = Lists::with_capacity(n_stems, self.cands.items().len() + learned.len());
        for (t, a) in add.iter().enumerate() {
            match *a {
                Some(i) => cands.push(&learned[i].1[..learned[i].2]),
                None => cands.push(self.cands.get(t)),
            }
        }
        self.cands = cands;
        // Block by block: the old and new lists of one block only live together.
        let mut keys = Vec::new();
        for (block, stem_block) in self
            .tgt_keys
            .blocks_mut()
            .iter_mut()
            .zip(self.tgt_stems.blocks())
        {
            let mut rebuilt = Lists::with_capacity(block.len(), block.items().len());
            for (old, stems) in block.iter().zip(stem_block.iter()) {
                keys.clear();
                keys.extend_from_slice(old);
                for &t in stems {
                    if let Some(i) = add[t as usize] {
                        keys.extend_from_slice(&learned[i].1[..learned[i].2]);
                    }
                }
                if keys.len() != old.len() {
                    sort_dedup(&mut keys);
                }
                rebuilt.push(&keys);
            }
            rebuilt.shrink_to_fit();
            *block = rebuilt;
        }
        self.compute_mass();
    }
}

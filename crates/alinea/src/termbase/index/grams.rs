//! The fuzzy side of the lookup index: hashed trigram rows ordered by key length, the scratch
//! space of scan-count, and a banded Damerau–Levenshtein (optimal string alignment) check.

use rayon::prelude::*;

use super::keys::Arena;

/// Hashed trigrams in compressed rows. Entries are numbered by key length (`order[p]` is the
/// entry at position `p`, `len_start[l]` the first position of length `l`), so that each row,
/// sorted by position, narrows to a length window with two binary searches.
pub(super) struct Grams {
    pub(super) bits: u32,
    row: Vec<u32>,
    post: Vec<u32>,
    pub(super) order: Vec<u32>,
    len_start: Vec<u32>,
}

impl Grams {
    #[inline]
    fn bucket(bits: u32, a: char, b: char, c: char) -> u32 {
        let x = (a as u64) | ((b as u64) << 21) | ((c as u64) << 42);
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as u32
    }

    /// The distinct buckets of `key`, padded with a start and an end mark.
    pub(super) fn buckets(bits: u32, key: &str, out: &mut Vec<u32>) {
        out.clear();
        let mut prev2 = '\u{2}';
        let mut prev1 = None;
        for c in key.chars().chain(std::iter::once('\u{3}')) {
            if let Some(p1) = prev1 {
                out.push(Grams::bucket(bits, prev2, p1, c));
                prev2 = p1;
            }
            prev1 = Some(c);
        }
        out.sort_unstable();
        out.dedup();
    }

    pub(super) fn build(keys: &Arena, lens: &[u16]) -> Grams {
        let n = lens.len();
        // Up to 2^17 buckets: the rows' heads stay in cache while they are filled; hash
        // collisions only merge rows, which the distance check sorts out.
        let bits = ((n * 4).max(1024).next_power_of_two().trailing_zeros()).min(17);
        // Counting sort of the entries by length.
        let max_len = lens.iter().copied().max().unwrap_or(0) as usize;
        let mut len_start = vec![0u32; max_len + 2];
        for &l in lens {
            len_start[l as usize + 1] += 1;
        }
        for i in 1..len_start.len() {
            len_start[i] += len_start[i - 1];
        }
        let mut next = len_start.clone();
        let mut order = vec![0u32; n];
        for (e, &l) in lens.iter().enumerate() {
            order[next[l as usize] as usize] = e as u32;
            next[l as usize] += 1;
        }
        // The buckets of every position, flat, computed in parallel chunks.
        let chunks: Vec<(Vec<u32>, Vec<u32>)> = order
            .par_chunks(1 << 14)
            .map(|chunk| {
                let (mut flat, mut counts, mut buf) = (Vec::new(), Vec::new(), Vec::new());
                for &e in chunk {
                    Grams::buckets(bits, keys.get(e), &mut buf);
                    flat.extend_from_slice(&buf);
                    counts.push(buf.len() as u32);
                }
                (flat, counts)
            })
            .collect();
        let mut row = vec![0u32; (1usize << bits) + 1];
        for (flat, _) in &chunks {
            for &b in flat {
                row[b as usize + 1] += 1;
            }
        }
        for i in 1..row.len() {
            row[i] += row[i - 1];
        }
        let mut fill = row.clone();
        let mut post = vec![0u32; row[row.len() - 1] as usize];
        let mut p = 0u32;
        for (flat, counts) in &chunks {
            let mut at = 0;
            for &c in counts {
                for &b in &flat[at..at + c as usize] {
                    post[fill[b as usize] as usize] = p;
                    fill[b as usize] += 1;
                }
                at += c as usize;
                p += 1;
            }
        }
        Grams {
            bits,
            row,
            post,
            order,
            len_start,
        }
    }

    /// Positions of bucket `b` within `window`.
    #[inline]
    pub(super) fn list(&self, b: u32, window: &std::ops::Range<u32>) -> &[u32] {
        let all = &self.post[self.row[b as usize] as usize..self.row[b as usize + 1] as usize];
        let lo = all.partition_point(|&p| p < window.start);
        let hi = lo + all[lo..].partition_point(|&p| p < window.end);
        &all[lo..hi]
    }

    /// Positions of the keys whose length is in `lo..=hi`.
    pub(super) fn window(&self, lo: usize, hi: usize) -> std::ops::Range<u32> {
        let at = |l: usize| self.len_start[l.min(self.len_start.len() - 1)];
        at(lo)..at(hi + 1)
    }
}

thread_local! {
    /// Per-thread scratch for fuzzy lookup: trigram counts over a length window (all zero
    /// between lookups) and the positions touched.
    pub(super) static SCRATCH: std::cell::RefCell<(Vec<u8>, Vec<u32>)> = Default::default();
}

/// The optimal string alignment distance (Levenshtein plus adjacent transpositions) between
/// `a` and `b` when it is at most `k`; only the diagonal band of width `2k + 1` is computed,
/// and the search stops as soon as a row exceeds `k`.
pub(super) fn osa_within(a: &[char], b: &[char], k: usize, dp: &mut Vec<usize>) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > k {
        return None;
    }
    let inf = k + 1;
    let w = m + 1;
    dp.clear();
    dp.resize(3 * w, inf);
    for (j, cell) in dp.iter_mut().enumerate().take(m.min(k) + 1) {
        *cell = j;
    }
    for i in 1..=n {
        let (cur, prev, prev2) = ((i % 3) * w, ((i - 1) % 3) * w, ((i + 1) % 3) * w);
        dp[cur..cur + w].fill(inf);
        if i <= k {
            dp[cur] = i;
        }
        let mut row_min = dp[cur];
        for j in i.saturating_sub(k).max(1)..=(i + k).min(m) {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (dp[prev + j] + 1)
                .min(dp[cur + j - 1] + 1)
                .min(dp[prev + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(dp[prev2 + j - 2] + 1);
            }
            dp[cur + j] = v.min(inf);
            row_min = row_min.min(dp[cur + j]);
        }
        if row_min > k {
            return None;
        }
    }
    let d = dp[(n % 3) * w + m];
    (d <= k).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banded_distance_agrees_with_strsim() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "cybercrime",
            "cybercrimes",
            "cyber crime",
            "cybercriminalite",
            "cybercriminaltie",
            "cybrcriminalite",
            "ca",
            "abcdef",
            "badcfe",
        ];
        let mut dp = Vec::new();
        for a in words {
            for b in words {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let d = strsim::osa_distance(a, b);
                for k in 0..3 {
                    let want = (d <= k).then_some(d);
                    assert_eq!(osa_within(&ca, &cb, k, &mut dp), want, "{a:?} {b:?} {k}");
                }
            }
        }
    }
}

//! The dynamic programme over beads, restricted to a band of target positions per source
//! position, so that time and memory grow linearly with the document length.

use super::evidence::Evidence;

/// Bead shapes: (source units, target units).
pub(crate) const SHAPES: [(usize, usize); 8] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (2, 1),
    (1, 2),
    (2, 2),
    (3, 1),
    (1, 3),
];

/// Parameters of the bead cost.
#[derive(Clone, Debug)]
pub(crate) struct CostModel {
    /// Expected target characters per source character.
    pub ratio: f64,
    /// Variance of target length per source character.
    pub var: f64,
    /// Prior cost of each shape in [`SHAPES`].
    pub prior: [f32; 8],
    /// Weight of the lexical and anchor evidence.
    pub beta: f32,
    /// Share of matched weight expected between unrelated units.
    pub lex_base: f32,
    /// Average translatable weight of a source unit plus a target unit.
    pub pair_mass: f32,
    /// Scale of the length cost.
    pub len_weight: f32,
    /// Cost per unit of anchor weight present on one side of a bead only.
    pub anchor_miss: f32,
}

impl CostModel {
    /// Lexical cost of a bead whose pairs share `h` of its `mass` of translatable weight: the
    /// Dice ratio, scaled by the square root of the bead's weight relative to an average pair's.
    #[inline]
    pub fn lex_cost(&self, h: f32, mass: f32) -> f32 {
        let dice = (2.0 * h / (mass + 1.0)).min(1.0);
        -self.beta * (dice - self.lex_base) * (mass / self.pair_mass).sqrt()
    }

    /// Length cost of `ls` source characters against `lt` target characters.
    #[inline]
    pub fn len_cost(&self, ls: f64, lt: f64) -> f32 {
        let base = (ls * self.ratio + lt) / 2.0 + 1.0;
        let diff = lt - ls * self.ratio;
        let d2 = (diff * diff / (self.var * base)) as f32;
        // A Student-like tail: large differences cost less than a Gaussian would say.
        self.len_weight * 3.0 * ln_1p_fast(d2 / 6.0)
    }
}

/// `ln(1 + x)` for `x >= 0`, to about 1e-6 (exponent and a polynomial on the mantissa).
#[inline]
pub(crate) fn ln_1p_fast(x: f32) -> f32 {
    let y = 1.0 + x;
    let bits = y.to_bits();
    let e = ((bits >> 23) & 0xff) as i32 - 127;
    let t = f32::from_bits((bits & 0x007f_ffff) | 0x3f80_0000) - 1.0;
    // Abramowitz & Stegun 4.1.44: ln(1 + t) on [0, 1].
    let p = t
        * (0.999_996_4
            + t * (-0.499_874_1
                + t * (0.331_799
                    + t * (-0.240_733_8
                        + t * (0.167_654_1
                            + t * (-0.095_329_4 + t * (0.036_088_5 - t * 0.006_453_5)))))));
    e as f32 * std::f32::consts::LN_2 + p
}

/// For each source position `i` (0..=n), the inclusive range of target positions searched.
#[derive(Clone, Debug)]
pub(crate) struct Band {
    pub lo: Vec<usize>,
    pub hi: Vec<usize>,
}

impl Band {
    /// A band of half-width `w` around the diagonal from (0, 0) to (n, m).
    pub fn diagonal(n: usize, m: usize, w: usize) -> Band {
        let centre = |i: usize| {
            if n == 0 {
                0
            } else {
                (i as f64 * m as f64 / n as f64).round() as usize
            }
        };
        let mut lo = Vec::with_capacity(n + 1);
        let mut hi = Vec::with_capacity(n + 1);
        for i in 0..=n {
            let c = centre(i);
            lo.push(c.saturating_sub(w));
            hi.push((c + w).min(m));
        }
        Band::fixed(lo, hi, m)
    }

    /// A band of radius `r` around a path of (i, j) points from (0, 0) to (n, m).
    pub fn around(path: &[(usize, usize)], n: usize, m: usize, r: usize) -> Band {
        let mut pmin = vec![usize::MAX; n + 1];
        let mut pmax = vec![0usize; n + 1];
        for w in path.windows(2) {
            let ((i0, j0), (i1, j1)) = (w[0], w[1]);
            for i in i0..=i1 {
                pmin[i] = pmin[i].min(j0);
                pmax[i] = pmax[i].max(j1);
            }
        }
        for &(i, j) in path {
            pmin[i] = pmin[i].min(j);
            pmax[i] = pmax[i].max(j);
        }
        let mut lo = vec![0; n + 1];
        let mut hi = vec![0; n + 1];
        for i in 0..=n {
            let a = i.saturating_sub(r);
            let b = (i + r).min(n);
            lo[i] = pmin[a..=b]
                .iter()
                .min()
                .copied()
                .unwrap_or(0)
                .saturating_sub(r);
            hi[i] = (pmax[a..=b].iter().max().copied().unwrap_or(m) + r).min(m);
        }
        Band::fixed(lo, hi, m)
    }

    /// Make the band monotone, anchored at both corners and connected.
    fn fixed(mut lo: Vec<usize>, mut hi: Vec<usize>, m: usize) -> Band {
        let n = lo.len() - 1;
        lo[0] = 0;
        hi[n] = m;
        for i in 1..=n {
            hi[i] = hi[i].max(hi[i - 1]);
        }
        for i in (0..n).rev() {
            lo[i] = lo[i].min(lo[i + 1]);
        }
        for i in 1..=n {
            // Row i must reach row i - 1 (a 1-0 bead keeps j).
            lo[i] = lo[i].min(hi[i - 1]);
        }
        Band { lo, hi }
    }

    fn cells(&self) -> usize {
        self.lo.iter().zip(&self.hi).map(|(l, h)| h - l + 1).sum()
    }

    /// Whether the path comes within `margin` of an inner edge of the band.
    pub fn touched(&self, path: &[(usize, usize)], m: usize, margin: usize) -> bool {
        path.iter().any(|&(i, j)| {
            (self.lo[i] > 0 && j < self.lo[i] + margin)
                || (self.hi[i] < m && j + margin > self.hi[i])
        })
    }
}

/// One bead of a path: shape index, end point, cost.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Step {
    pub shape: u8,
    pub i: usize,
    pub j: usize,
    pub cost: f32,
    /// How much more the best path to the same end point with another last bead costs.
    pub gap: f32,
}

/// Resolution of the stored gaps (1/16 of a cost unit, up to 16).
const GAP_SCALE: f32 = 16.0;

/// Hits of the last source rows, as the programme needs them (rolling, 4 rows).
struct HitRows {
    lo: [usize; 4],
    rows: [Vec<(f32, f32)>; 4],
}

/// `a > b`, as a function so that shape constants can be compared without a lint.
#[inline(always)]
fn exceeds(a: usize, b: usize) -> bool {
    a > b
}

/// Run the programme in `band`; returns the best path as steps, in order.
/// Only the first `shapes` entries of [`SHAPES`] are tried.
// The shape macro's loops are empty for the shapes they do not apply to.
#[allow(clippy::reversed_empty_ranges)]
pub(crate) fn search(ev: &Evidence, model: &CostModel, band: &Band, shapes: usize) -> Vec<Step> {
    let n = ev.n_src();
    let m = ev.n_tgt();
    let mut sp = vec![0.0f64; n + 1];
    for i in 0..n {
        sp[i + 1] = sp[i] + ev.src_len[i];
    }
    let mut tp = vec![0.0f64; m + 1];
    for j in 0..m {
        tp[j + 1] = tp[j] + ev.tgt_len[j];
    }
    let mut sm = vec![0.0f32; n + 1];
    for i in 0..n {
        sm[i + 1] = sm[i] + ev.src_mass[i];
    }
    let mut tm = vec![0.0f32; m + 1];
    for j in 0..m {
        tm[j + 1] = tm[j] + ev.tgt_mass[j];
    }
    let mut sa = vec![0.0f32; n + 1];
    for i in 0..n {
        sa[i + 1] = sa[i] + ev.src_anchor_mass[i];
    }
    let mut ta = vec![0.0f32; m + 1];
    for j in 0..m {
        ta[j + 1] = ta[j] + ev.tgt_anchor_mass[j];
    }
    let mut offset = Vec::with_capacity(n + 2);
    let mut acc = 0usize;
    for i in 0..=n {
        offset.push(acc);
        acc += band.hi[i] - band.lo[i] + 1;
    }
    debug_assert_eq!(acc, band.cells());
    let mut cost = vec![f32::INFINITY; acc];
    let mut back = vec![u8::MAX; acc];
    let mut gap = vec![0u8; acc];
    let mut hits = HitRows {
        lo: [0; 4],
        rows: Default::default(),
    };
    let idx = |i: usize, j: usize| -> Option<usize> {
        if j < band.lo[i] || j > band.hi[i] {
            None
        } else {
            Some(offset[i] + j - band.lo[i])
        }
    };
    for i in 0..=n {
        if i > 0 {
            // Hits of source unit i - 1 with every target unit a bead ending in rows i..i+2 uses.
            let u = i - 1;
            let vlo = band.lo[i].saturating_sub(3);
            let vhi = band.hi[(i + 2).min(n)].min(m);
            let slot = u % 4;
            hits.lo[slot] = vlo;
            let row = &mut hits.rows[slot];
            row.clear();
            ev.hits_row(u, vlo, vhi.max(vlo), row);
        }
        // Per row: where each predecessor row starts in `cost` and its band, and the hit rows
        // of the last three source units (empty above the first row).
        let pred = |a: usize| -> (usize, usize, usize) {
            if a > i {
                (0, 1, 0)
            } else {
                let r = i - a;
                (offset[r], band.lo[r], band.hi[r])
            }
        };
        let preds = [pred(0), pred(1), pred(2), pred(3)];
        let hit_row = |a: usize| -> (&[(f32, f32)], usize) {
            if a > i {
                (&[], 0)
            } else {
                let slot = (i - a) % 4;
                (&hits.rows[slot][..], hits.lo[slot])
            }
        };
        let rows = [hit_row(1), hit_row(2), hit_row(3)];
        let hit = |a: usize, v: usize| -> (f32, f32) {
            let (row, lo) = rows[a - 1];
            v.checked_sub(lo)
                .and_then(|k| row.get(k))
                .copied()
                .unwrap_or((0.0, 0.0))
        };
        for j in band.lo[i]..=band.hi[i] {
            let here = offset[i] + j - band.lo[i];
            if i == 0 && j == 0 {
                cost[here] = 0.0;
                continue;
            }
            let mut best = f32::INFINITY;
            let mut second = f32::INFINITY;
            let mut best_k = u8::MAX;
            // One shape: (index, source units, target units), constants.
            macro_rules! shape {
                ($k:expr, $a:expr, $b:expr) => {
                    'shape: {
                        if $k >= shapes || exceeds($a, i) || exceeds($b, j) {
                            break 'shape;
                        }
                        let (off, plo, phi) = preds[$a];
                        let pj = j - $b;
                        if pj < plo || pj > phi {
                            break 'shape;
                        }
                        let prev = cost[off + pj - plo];
                        if !prev.is_finite() {
                            break 'shape;
                        }
                        let mut c = prev + model.prior[$k];
                        if $a > 0 && $b > 0 {
                            let (mut h, mut ha) = (0.0, 0.0);
                            // Units i - a .. i, oldest first, as `hit` counts rows back from i.
                            for back in (1..=$a).rev() {
                                for v in j - $b..j {
                                    let (x, y) = hit(back, v);
                                    h += x;
                                    ha += y;
                                }
                            }
                            let miss =
                                (sa[i] - sa[i - $a] + ta[j] - ta[j - $b] - 2.0 * ha).max(0.0);
                            let mass = sm[i] - sm[i - $a] + tm[j] - tm[j - $b];
                            c += model.len_cost(sp[i] - sp[i - $a], tp[j] - tp[j - $b])
                                + model.lex_cost(h, mass)
                                + model.anchor_miss * miss;
                        }
                        if c < best {
                            second = best;
                            best = c;
                            best_k = $k as u8;
                        } else if c < second {
                            second = c;
                        }
                    }
                };
            }
            // The entries of SHAPES, in order.
            shape!(0, 1, 1);
            shape!(1, 1, 0);
            shape!(2, 0, 1);
            shape!(3, 2, 1);
            shape!(4, 1, 2);
            shape!(5, 2, 2);
            shape!(6, 3, 1);
            shape!(7, 1, 3);
            cost[here] = best;
            back[here] = best_k;
            gap[here] = ((second - best) * GAP_SCALE).min(255.0) as u8;
        }
    }
    // Backtrace.
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let here = idx(i, j).expect("the band holds the path");
        let k = back[here];
        let (a, b) = SHAPES[k as usize];
        let p = idx(i - a, j - b).expect("the band holds the path");
        steps.push(Step {
            shape: k,
            i,
            j,
            cost: cost[here] - cost[p],
            gap: gap[here] as f32 / GAP_SCALE,
        });
        i -= a;
        j -= b;
    }
    steps.reverse();
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_log_is_close() {
        for k in 0..2000 {
            let x = k as f32 * 0.37;
            assert!((ln_1p_fast(x) - x.ln_1p()).abs() < 1e-4, "{x}");
        }
    }

    #[test]
    fn band_is_connected_and_anchored() {
        let b = Band::diagonal(10, 3, 1);
        assert_eq!(b.lo[0], 0);
        assert_eq!(b.hi[10], 3);
        for i in 1..=10 {
            assert!(b.lo[i] <= b.hi[i - 1]);
            assert!(b.lo[i] >= b.lo[i - 1] && b.hi[i] >= b.hi[i - 1]);
        }
        let path = [(0, 0), (1, 1), (3, 2), (10, 3)];
        let a = Band::around(&path, 10, 3, 0);
        assert!(a.lo[2] <= 1 && a.hi[2] >= 2);
    }
}

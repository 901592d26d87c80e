//! The dynamic programme over beads, restricted to a band of target positions per source
//! position, so that time and memory grow linearly with the document length.
//!
//! `cost` prices a bead (the shapes tried, [`CostModel`]); this module computes the bead
//! costs of blocks of rows in parallel ([`search`]); `table` keeps each cell's best last bead
//! and traces the best path back; `band` is the search band.

use super::evidence::Evidence;

mod band;
mod cost;
mod table;

pub(crate) use band::Band;
#[cfg(test)]
pub(crate) use cost::ln_1p_fast;
pub(crate) use cost::{CostModel, MAX_SOURCES, MAX_TARGETS, SHAPES};
use table::Table;
#[cfg(test)]
use table::{Nibbles, GAP_SCALE};

/// One bead of a path: shape index, end point, cost.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Step {
    pub shape: u8,
    pub i: usize,
    pub j: usize,
    /// The bead's cost: its shape's prior plus, with units on both sides, its bead cost.
    pub cost: f32,
    /// How much more the best path to the same end point with another last bead costs.
    pub gap: f32,
}

/// Rows of the programme are processed in blocks of about this many cells: the bead costs of
/// a block are computed in parallel (they do not depend on the programme's values) while the
/// previous block is swept.
const BLOCK_CELLS: usize = 16 * 1024;

/// Indices in [`SHAPES`] of the shapes with units on both sides (those with a bead cost).
const PAIR_SHAPES: [usize; 12] = [0, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];

/// Prefix sums of the per-unit quantities of the bead cost.
struct Prefix {
    sp: Vec<f64>,
    tp: Vec<f64>,
    sm: Vec<f32>,
    tm: Vec<f32>,
    sa: Vec<f32>,
    ta: Vec<f32>,
}

fn prefix<T: Copy + std::ops::Add<Output = T>>(zero: T, xs: &[T]) -> Vec<T> {
    let mut out = Vec::with_capacity(xs.len() + 1);
    let mut acc = zero;
    out.push(acc);
    for &x in xs {
        acc = acc + x;
        out.push(acc);
    }
    out
}

impl Prefix {
    fn new(ev: &Evidence) -> Prefix {
        Prefix {
            sp: prefix(0.0, &ev.src_len),
            tp: prefix(0.0, &ev.tgt_len),
            sm: prefix(0.0, &ev.src_mass),
            tm: prefix(0.0, &ev.tgt_mass),
            sa: prefix(0.0, &ev.src_anchor_mass),
            ta: prefix(0.0, &ev.tgt_anchor_mass),
        }
    }
}

/// Per-thread scratch: the hits of the last source units (up to [`MAX_SOURCES`]) with the
/// target units of one row, densely (`x`: all shared weight, `y`: the anchors' part).
#[derive(Default)]
struct Scratch {
    x: [Vec<f32>; MAX_SOURCES],
    y: [Vec<f32>; MAX_SOURCES],
    /// Hits of the beads of one shape along the row.
    h: Vec<f32>,
    ha: Vec<f32>,
    /// Hits of one unit of the beads along the row, and the beads' unit terms.
    hu: Vec<f32>,
    pen: Vec<f32>,
}

/// The bead costs (without the shape prior) of the pair shapes of a block of rows: for row
/// `rows.start + r`, `pairs` slices of the row's width starting at `offs[r]`; `f32::INFINITY`
/// where the bead does not fit.
#[derive(Default)]
struct BlockCosts {
    rows: std::ops::Range<usize>,
    offs: Vec<usize>,
    data: Vec<f32>,
    /// Hit rows of the source units the block needs: (first target, hits).
    hits: Vec<(usize, Vec<(f32, f32)>)>,
}

/// The search's fixed inputs.
struct Ctx<'a> {
    ev: &'a Evidence,
    model: &'a CostModel,
    band: &'a Band,
    pre: Prefix,
    /// Number of pair shapes tried.
    pairs: usize,
    /// The most source and target units of the shapes tried: how many hit rows back, and how
    /// many targets before a row's band, the bead costs read.
    sources: usize,
    targets: usize,
}

impl<'a> Ctx<'a> {
    /// The inputs of a search that tries the first `shapes` entries of [`SHAPES`].
    fn new(ev: &'a Evidence, model: &'a CostModel, band: &'a Band, shapes: usize) -> Self {
        Ctx {
            ev,
            model,
            band,
            pre: Prefix::new(ev),
            pairs: PAIR_SHAPES.iter().filter(|&&k| k < shapes).count(),
            sources: SHAPES[..shapes].iter().map(|s| s.0).max().unwrap_or(0),
            targets: SHAPES[..shapes].iter().map(|s| s.1).max().unwrap_or(0),
        }
    }

    fn width(&self, i: usize) -> usize {
        self.band.hi[i] - self.band.lo[i] + 1
    }

    /// Targets whose hits with source unit `u` a bead ending in rows `u + 1 ..= u + sources`
    /// uses.
    fn hit_range(&self, u: usize) -> (usize, usize) {
        let (n, m) = (self.ev.n_src(), self.ev.n_tgt());
        let vlo = self.band.lo[u + 1].saturating_sub(self.targets);
        let vhi = self.band.hi[(u + self.sources).min(n)].min(m);
        (vlo, vhi.max(vlo))
    }

    /// The cost of bead `SHAPES[k]` ending at (i, j), its prior included: the sums in the
    /// order [`Ctx::shape`] makes them, so that it is the cost the programme added.
    fn bead_cost(&self, k: usize, i: usize, j: usize) -> f32 {
        let (a, b) = SHAPES[k];
        let model = self.model;
        if a == 0 || b == 0 {
            return model.null_cost(self.ev, k, i, j);
        }
        let pre = &self.pre;
        let (mut h, mut ha) = (0f32, 0f32);
        // The hits of each source unit (row) with each target unit (column) of the bead.
        let mut grid = [[0f32; MAX_TARGETS]; MAX_SOURCES];
        // Units i - a .. i, oldest first; targets j - b .. j, first to last.
        for u in i - a..i {
            for v in j - b..j {
                let (x, y) = self.ev.hits(u, v);
                grid[u + a - i][v + b - j] = x;
                h += x;
                ha += y;
            }
        }
        let miss = (pre.sa[i] - pre.sa[i - a] + pre.ta[j] - pre.ta[j - b] - 2.0 * ha).max(0.0);
        let mass = pre.sm[i] - pre.sm[i - a] + pre.tm[j] - pre.tm[j - b];
        let mut bead = model.len_cost(pre.sp[i] - pre.sp[i - a], pre.tp[j] - pre.tp[j - b])
            + model.lex_cost(h, mass)
            + model.anchor_miss * miss;
        if (a > 1 || b > 1) && model.unit_weight > 0.0 {
            let mut pen = 0.0;
            if a > 1 {
                for (r, row) in grid.iter().take(a).enumerate() {
                    let hu: f32 = row.iter().take(b).fold(0.0, |s, &x| s + x);
                    pen += model.unit_cost(hu, self.ev.src_mass[i - a + r]);
                }
            }
            if b > 1 {
                for c in 0..b {
                    let hv: f32 = grid.iter().take(a).fold(0.0, |s, row| s + row[c]);
                    pen += model.unit_cost(hv, self.ev.tgt_mass[j - b + c]);
                }
            }
            bead += pen;
        }
        model.prior[k] + bead
    }

    /// Fill `out` with the bead costs of `rows`.
    fn block(&self, rows: std::ops::Range<usize>, out: &mut BlockCosts) {
        use rayon::prelude::*;
        out.rows = rows.clone();
        out.offs.clear();
        let mut acc = 0;
        for i in rows.clone() {
            out.offs.push(acc);
            acc += self.width(i) * self.pairs;
        }
        out.data.clear();
        out.data.resize(acc, f32::INFINITY);
        // Hit rows of source units rows.start - sources .. rows.end - 1.
        let first = rows.start.saturating_sub(self.sources);
        let last = rows.end.saturating_sub(1);
        let count = last.saturating_sub(first);
        out.hits.resize_with(count, Default::default);
        out.hits
            .par_iter_mut()
            .enumerate()
            .for_each(|(k, (lo, row))| {
                let u = first + k;
                let (vlo, vhi) = self.hit_range(u);
                *lo = vlo;
                row.clear();
                self.ev.hits_row(u, vlo, vhi, row);
            });
        let mut slices = Vec::with_capacity(rows.len());
        let mut rest = &mut out.data[..];
        for i in rows {
            let (head, tail) = rest.split_at_mut(self.width(i) * self.pairs);
            slices.push((i, head));
            rest = tail;
        }
        let hits = &out.hits;
        slices
            .into_par_iter()
            .for_each_init(Scratch::default, |scratch, (i, costs)| {
                self.row(i, first, hits, scratch, costs);
            });
    }

    /// Bead costs of the pair shapes ending in row `i`.
    fn row(
        &self,
        i: usize,
        first: usize,
        hits: &[(usize, Vec<(f32, f32)>)],
        s: &mut Scratch,
        costs: &mut [f32],
    ) {
        if i == 0 {
            return;
        }
        let (lo, hi) = (self.band.lo[i], self.band.hi[i]);
        let base = lo.saturating_sub(self.targets);
        let len = hi - base;
        for back in 1..=self.sources.min(i) {
            let (vlo, row) = &hits[i - back - first];
            let (x, y) = (&mut s.x[back - 1], &mut s.y[back - 1]);
            x.clear();
            y.clear();
            x.resize(len, 0.0);
            y.resize(len, 0.0);
            // Targets base..hi that the stored row covers.
            let from = (*vlo).max(base);
            let to = (vlo + row.len()).min(hi);
            for v in from..to.max(from) {
                let (a, b) = row[v - vlo];
                x[v - base] = a;
                y[v - base] = b;
            }
        }
        let w = hi - lo + 1;
        for (p, out) in costs.chunks_exact_mut(w).enumerate() {
            match PAIR_SHAPES[p] {
                0 => self.shape::<1, 1>(i, lo, base, s, out),
                3 => self.shape::<2, 1>(i, lo, base, s, out),
                4 => self.shape::<1, 2>(i, lo, base, s, out),
                5 => self.shape::<2, 2>(i, lo, base, s, out),
                6 => self.shape::<3, 1>(i, lo, base, s, out),
                7 => self.shape::<1, 3>(i, lo, base, s, out),
                8 => self.shape::<3, 2>(i, lo, base, s, out),
                9 => self.shape::<2, 3>(i, lo, base, s, out),
                10 => self.shape::<1, 4>(i, lo, base, s, out),
                11 => self.shape::<1, 5>(i, lo, base, s, out),
                12 => self.shape::<4, 1>(i, lo, base, s, out),
                _ => self.shape::<5, 1>(i, lo, base, s, out),
            }
        }
    }

    /// Bead costs of shape `A`-`B` ending at (i, lo + k) for every k of the row, as whole-row
    /// operations (which the compiler vectorises), each element summed in the same order as a
    /// cell-by-cell programme would.
    #[inline(always)]
    fn shape<const A: usize, const B: usize>(
        &self,
        i: usize,
        lo: usize,
        base: usize,
        s: &mut Scratch,
        out: &mut [f32],
    ) {
        if A > i {
            return;
        }
        let (pre, model) = (&self.pre, self.model);
        let ls = pre.sp[i] - pre.sp[i - A];
        let sam = pre.sa[i] - pre.sa[i - A];
        let smass = pre.sm[i] - pre.sm[i - A];
        // Beads need j >= B.
        let k0 = B.saturating_sub(lo);
        if k0 >= out.len() {
            return;
        }
        let out = &mut out[k0..];
        let n = out.len();
        let j0 = lo + k0;
        let t0 = j0 - base;
        s.h.clear();
        s.h.resize(n, 0.0);
        s.ha.clear();
        s.ha.resize(n, 0.0);
        // Units i - A .. i, oldest first; targets j - B .. j, first to last.
        for back in (1..=A).rev() {
            for d in (1..=B).rev() {
                let xs = &s.x[back - 1][t0 - d..t0 - d + n];
                let ys = &s.y[back - 1][t0 - d..t0 - d + n];
                for (h, &x) in s.h.iter_mut().zip(xs) {
                    *h += x;
                }
                for (h, &y) in s.ha.iter_mut().zip(ys) {
                    *h += y;
                }
            }
        }
        let (h, ha) = (&s.h[..n], &s.ha[..n]);
        let (tp1, tp0) = (&pre.tp[j0..j0 + n], &pre.tp[j0 - B..j0 - B + n]);
        let (ta1, ta0) = (&pre.ta[j0..j0 + n], &pre.ta[j0 - B..j0 - B + n]);
        let (tm1, tm0) = (&pre.tm[j0..j0 + n], &pre.tm[j0 - B..j0 - B + n]);
        for k in 0..n {
            let miss = (sam + ta1[k] - ta0[k] - 2.0 * ha[k]).max(0.0);
            let mass = smass + tm1[k] - tm0[k];
            out[k] = model.len_cost(ls, tp1[k] - tp0[k])
                + model.lex_cost(h[k], mass)
                + model.anchor_miss * miss;
        }
        if (A > 1 || B > 1) && model.unit_weight > 0.0 {
            // The unit term, unit by unit as whole-row operations, in the order of
            // [`Ctx::bead_cost`]: the source units, then the target units.
            let (sm, tm) = (&self.ev.src_mass, &self.ev.tgt_mass);
            s.pen.clear();
            s.pen.resize(n, 0.0);
            if A > 1 {
                for back in (1..=A).rev() {
                    let rows = (1..=B).rev().map(|d| &s.x[back - 1][t0 - d..t0 - d + n]);
                    summed_into(&mut s.hu, n, rows);
                    let m = sm[i - back];
                    for (p, &h) in s.pen.iter_mut().zip(&s.hu) {
                        *p += model.unit_cost(h, m);
                    }
                }
            }
            if B > 1 {
                for d in (1..=B).rev() {
                    let rows = (1..=A).rev().map(|back| &s.x[back - 1][t0 - d..t0 - d + n]);
                    summed_into(&mut s.hu, n, rows);
                    let ms = &tm[j0 - d..j0 - d + n];
                    for ((p, &h), &m) in s.pen.iter_mut().zip(&s.hu).zip(ms) {
                        *p += model.unit_cost(h, m);
                    }
                }
            }
            for (o, &p) in out.iter_mut().zip(&s.pen) {
                *o += p;
            }
        }
    }
}

/// Run the programme in `band`; returns the best path as steps, in order.
/// Only the first `shapes` entries of [`SHAPES`] are tried.
pub(crate) fn search(ev: &Evidence, model: &CostModel, band: &Band, shapes: usize) -> Vec<Step> {
    let n = ev.n_src();
    let m = ev.n_tgt();
    let ctx = Ctx::new(ev, model, band, shapes);
    let mut offset = Vec::with_capacity(n + 2);
    let mut acc = 0usize;
    for i in 0..=n {
        offset.push(acc);
        acc += ctx.width(i);
    }
    debug_assert_eq!(acc, band.cells());
    let mut dp = Table::new(offset, acc);
    // Blocks of rows.
    let mut blocks = Vec::new();
    let mut start = 0;
    while start <= n {
        let mut end = start;
        let mut cells = 0;
        while end <= n && (end == start || cells < BLOCK_CELLS) {
            cells += ctx.width(end);
            end += 1;
        }
        blocks.push(start..end);
        start = end;
    }
    let mut cur = BlockCosts::default();
    let mut next = BlockCosts::default();
    ctx.block(blocks[0].clone(), &mut cur);
    for b in 0..blocks.len() {
        let mut sweep = || {
            for i in cur.rows.clone() {
                dp.sweep_row(&ctx, i, &cur, shapes);
            }
        };
        match blocks.get(b + 1) {
            Some(rows) => {
                rayon::join(sweep, || ctx.block(rows.clone(), &mut next));
            }
            None => sweep(),
        }
        std::mem::swap(&mut cur, &mut next);
    }
    dp.backtrace(&ctx, n, m)
}

#[cfg(test)]
mod tests;

/// `out` made the element-wise sum of `rows` (each of `n` values), added in the order given.
fn summed_into<'a>(out: &mut Vec<f32>, n: usize, rows: impl Iterator<Item = &'a [f32]>) {
    out.clear();
    out.resize(n, 0.0);
    for xs in rows {
        for (h, &x) in out.iter_mut().zip(xs) {
            *h += x;
        }
    }
}

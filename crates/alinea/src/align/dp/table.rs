//! The programme's table: each cell's best last bead and its margin over the second best,
//! swept row by row from the block's bead costs, and the backtrace of the best path.

use super::{BlockCosts, Ctx, Step, MAX_SOURCES, SHAPES};

/// Rows of best costs kept: a bead reaches back [`MAX_SOURCES`] rows.
const ROWS: usize = MAX_SOURCES + 1;

/// Resolution of the stored gaps (1/16 of a cost unit, up to 16).
pub(super) const GAP_SCALE: f32 = 16.0;

/// Offers shape `k` at every cell `q` of a row, at cost `cost(q)`: the best and second best
/// costs so far and the shape of the best are updated, a tie leaving the earlier shape best.
#[inline(always)]
fn keep_best(
    best: &mut [f32],
    second: &mut [f32],
    best_k: &mut [u8],
    k: u8,
    cost: impl Fn(usize) -> f32,
) {
    for q in 0..best.len() {
        let c = cost(q);
        let better = c < best[q];
        second[q] = if better {
            best[q]
        } else if c < second[q] {
            c
        } else {
            second[q]
        };
        best_k[q] = if better { k } else { best_k[q] };
        best[q] = if better { c } else { best[q] };
    }
}

/// The programme's values: per cell (row by row, the band's cells of each row), the last
/// bead's shape and the gap to the second best; the best costs of the last rows only (a bead
/// spans at most [`MAX_SOURCES`] source units), so that a cell takes two bytes.
pub(super) struct Table {
    /// The best costs of row `i` in `rows[i % ROWS]`.
    rows: [Vec<f32>; ROWS],
    /// The best last shape of each cell ([`SHAPES`] has 15 at most: half a byte a cell).
    back: Nibbles,
    gap: Vec<u8>,
    offset: Vec<usize>,
    /// One row's best and second best costs and best shapes, while it is swept.
    best: Vec<f32>,
    second: Vec<f32>,
    best_k: Vec<u8>,
}

impl Table {
    /// An empty table of `cells` cells, row `i` starting at cell `offset[i]`.
    pub(super) fn new(offset: Vec<usize>, cells: usize) -> Self {
        Table {
            rows: Default::default(),
            back: Nibbles::new(cells),
            gap: vec![0u8; cells],
            offset,
            best: Vec::new(),
            second: Vec::new(),
            best_k: Vec::new(),
        }
    }

    /// The values of row `i`, from the rows above and the block's bead costs: first every
    /// shape that comes from a row above, as whole-row operations, then the 0-1 bead, which
    /// comes from the same row, cell after cell. The best and second best are those of the
    /// shapes taken in [`SHAPES`] order (the first of equal costs wins).
    pub(super) fn sweep_row(&mut self, ctx: &Ctx<'_>, i: usize, block: &BlockCosts, shapes: usize) {
        let band = ctx.band;
        let prior = &ctx.model.prior;
        let (lo, hi) = (band.lo[i], band.hi[i]);
        let w = hi - lo + 1;
        let row_costs = &block.data[block.offs[i - block.rows.start]..][..w * ctx.pairs];
        let best = &mut self.best;
        let second = &mut self.second;
        let best_k = &mut self.best_k;
        best.clear();
        best.resize(w, f32::INFINITY);
        second.clear();
        second.resize(w, f32::INFINITY);
        best_k.clear();
        best_k.resize(w, u8::MAX);
        let mut pair = 0;
        for (k, &(a, b)) in SHAPES.iter().enumerate().take(shapes) {
            if a == 0 || a > i {
                pair += usize::from(a > 0 && b > 0);
                continue;
            }
            let r = i - a;
            let (plo, phi) = (band.lo[r], band.hi[r]);
            // Cells j with a predecessor j - b inside row r's band.
            let from = lo.max(plo + b);
            let to = hi.min(phi + b);
            if from > to {
                pair += usize::from(b > 0);
                continue;
            }
            let len = to - from + 1;
            let prev = &self.rows[r % ROWS][from - b - plo..][..len];
            let (bs, ss, ks) = (
                &mut best[from - lo..][..len],
                &mut second[from - lo..][..len],
                &mut best_k[from - lo..][..len],
            );
            // A 1-0 bead's cost is its source unit's (row i - 1).
            let p = if b == 0 {
                ctx.model.null_cost(ctx.ev, k, i, 0)
            } else {
                prior[k]
            };
            let kk = k as u8;
            // An unreachable predecessor (infinite cost) changes nothing.
            if b > 0 {
                let xs = &row_costs[pair * w + from - lo..][..len];
                pair += 1;
                keep_best(bs, ss, ks, kk, |q| prev[q] + p + xs[q]);
            } else {
                keep_best(bs, ss, ks, kk, |q| prev[q] + p);
            }
        }
        // The 0-1 bead (SHAPES[2]) from the cell before in this row, then the row's values.
        let here0 = self.offset[i];
        let cost = &mut self.rows[i % ROWS];
        cost.clear();
        cost.resize(w, f32::INFINITY);
        for q in 0..w {
            let (mut bq, mut sq, mut kq) = (best[q], second[q], best_k[q]);
            if q > 0 {
                let c = cost[q - 1] + ctx.model.null_cost(ctx.ev, 2, i, lo + q);
                if c < bq || (c == bq && kq > 2 && c.is_finite()) {
                    sq = bq;
                    bq = c;
                    kq = 2;
                } else if c < sq {
                    sq = c;
                }
            }
            if i == 0 && q == 0 {
                // The origin.
                cost[0] = 0.0;
                continue;
            }
            cost[q] = bq;
            self.back.set(here0 + q, kq);
            self.gap[here0 + q] = ((sq - bq) * GAP_SCALE).min(255.0) as u8;
        }
    }

    pub(super) fn backtrace(&self, ctx: &Ctx<'_>, n: usize, m: usize) -> Vec<Step> {
        let band = ctx.band;
        let idx = |i: usize, j: usize| -> Option<usize> {
            if j < band.lo[i] || j > band.hi[i] {
                None
            } else {
                Some(self.offset[i] + j - band.lo[i])
            }
        };
        // The path's length first, so that its steps take no spare room (on a long pair they
        // are one of the larger blocks alive at the end of the search).
        let mut len = 0;
        let (mut i, mut j) = (n, m);
        while i > 0 || j > 0 {
            let (a, b) =
                SHAPES[self.back.get(idx(i, j).expect("the band holds the path")) as usize];
            (i, j) = (i - a, j - b);
            len += 1;
        }
        let mut steps = Vec::with_capacity(len);
        let (mut i, mut j) = (n, m);
        while i > 0 || j > 0 {
            let here = idx(i, j).expect("the band holds the path");
            let k = self.back.get(here);
            let (a, b) = SHAPES[k as usize];
            idx(i - a, j - b).expect("the band holds the path");
            steps.push(Step {
                shape: k,
                i,
                j,
                cost: ctx.bead_cost(k as usize, i, j),
                gap: self.gap[here] as f32 / GAP_SCALE,
            });
            i -= a;
            j -= b;
        }
        steps.reverse();
        steps
    }
}

/// Values below 15, two a byte; 15 stands for none (a cell no shape reaches).
pub(super) struct Nibbles(Vec<u8>);

// Shape indices run from 0 to `SHAPES.len() - 1`: up to 15 shapes fit beside `NONE`.
const _: () = assert!(SHAPES.len() <= Nibbles::NONE as usize);

impl Nibbles {
    pub(super) const NONE: u8 = 0xF;

    /// `n` values, all none.
    pub(super) fn new(n: usize) -> Self {
        Nibbles(vec![0xFF; n.div_ceil(2)])
    }

    #[inline]
    pub(super) fn get(&self, i: usize) -> u8 {
        (self.0[i / 2] >> (4 * (i % 2))) & 0xF
    }

    /// Value `i` set to `v` (none when `v` is 15 or more).
    #[inline]
    pub(super) fn set(&mut self, i: usize, v: u8) {
        let shift = 4 * (i % 2);
        let b = &mut self.0[i / 2];
        *b = (*b & !(0xF << shift)) | (v.min(Self::NONE) << shift);
    }
}

//! The cost of a bead: the shapes the programme tries and the model that prices them
//! (shape priors, length, lexical and anchor evidence, the unit term of many-unit beads).

use crate::align::evidence::Evidence;

/// Bead shapes: (source units, target units).
pub(crate) const SHAPES: [(usize, usize); 14] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (2, 1),
    (1, 2),
    (2, 2),
    (3, 1),
    (1, 3),
    (3, 2),
    (2, 3),
    (1, 4),
    (1, 5),
    (4, 1),
    (5, 1),
];

/// The most source units a bead holds.
pub(crate) const MAX_SOURCES: usize = 5;
/// The most target units a bead holds.
pub(crate) const MAX_TARGETS: usize = 5;

/// Parameters of the bead cost.
#[derive(Clone, Debug)]
pub(crate) struct CostModel {
    /// Expected target characters per source character.
    pub ratio: f64,
    /// Variance of target length per source character.
    pub var: f64,
    /// Prior cost of each shape in [`SHAPES`].
    pub prior: [f32; 14],
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
    /// Cost of leaving a unit of page furniture unpaired (instead of the 1-0 or 0-1 prior).
    pub furniture_null: f32,
    /// Weight and expected share of [`CostModel::unit_cost`].
    pub unit_weight: f32,
    pub unit_share: f32,
}

impl CostModel {
    /// The cost of the null bead `SHAPES[k]` (1-0 or 0-1) ending at (i, j): its prior, or
    /// [`CostModel::furniture_null`] when its unit is page furniture.
    #[inline]
    pub fn null_cost(&self, ev: &Evidence, k: usize, i: usize, j: usize) -> f32 {
        let furniture = if SHAPES[k].0 == 1 {
            ev.src_furniture[i - 1]
        } else {
            ev.tgt_furniture[j - 1]
        };
        if furniture {
            self.furniture_null
        } else {
            self.prior[k]
        }
    }

    /// Lexical cost of a bead whose pairs share `h` of its `mass` of translatable weight: the
    /// Dice ratio, scaled by the square root of the bead's weight relative to an average pair's.
    #[inline]
    pub fn lex_cost(&self, h: f32, mass: f32) -> f32 {
        let dice = (2.0 * h / (mass + 1.0)).min(1.0);
        -self.beta * (dice - self.lex_base) * (mass / self.pair_mass).sqrt()
    }

    /// The cost of a unit of a bead's side of several units that shares `h` of its `mass` of
    /// translatable weight with the other side: a unit whose words the other side does not
    /// express is more likely left out than merged.
    #[inline]
    pub fn unit_cost(&self, h: f32, mass: f32) -> f32 {
        let share = (h / (mass + 1.0)).min(1.0);
        self.unit_weight * (self.unit_share - share).max(0.0) * (mass / self.pair_mass).sqrt()
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

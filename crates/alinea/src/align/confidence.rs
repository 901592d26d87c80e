//! How sure the aligner is of each bead.
//!
//! Two measures. The *margin* ([`margins`]) says how much better a bead is than leaving its
//! units unaligned and than the best other last bead ending at the same point (for an
//! omission or addition: how much better than pairing the unit with a neighbour); the second
//! pass uses it to pick the 1-1 beads it learns word translations from. The *confidence*
//! reported with each bead ([`calibrated`]) is a logistic model over the margin and a few
//! properties of the bead and its neighbours ([`features`]): errors cluster next to
//! omissions and additions, a bead with little shared vocabulary is weaker evidence than its
//! cost alone says, and so on. Its weights were fitted on the beads of the UN dev benchmark,
//! right or wrong against the gold alignment (`scripts/fit-confidence.py --wrong-weight 25`),
//! each wrong bead counting 25 times: the confidence is a review priority, and a bead below
//! 0.5 is worth checking. The intercept was then lowered by [`REVIEW_SHIFT`] as the aligner
//! grew more accurate and its remaining errors harder to tell from right beads: on the dev
//! benchmark the beads below 0.5 hold 83 % of the wrong fr-en beads and 85 % of the wrong
//! fr-ar ones (76 % before the shift), with 8 % and 10 % of the right ones.

use rayon::prelude::*;

use super::dp::{CostModel, Step, SHAPES};
use super::evidence::Evidence;

/// Number of [`features`] of a bead.
pub const N_FEATURES: usize = 15;

/// Names of the [`features`], in order.
pub const FEATURE_NAMES: [&str; N_FEATURES] = [
    "null",
    "one_one",
    "two_one",
    "cost",
    "gap",
    "dice",
    "sqrt_mass",
    "anchor_miss",
    "len_cost",
    "null_alt",
    "null_len",
    "prev_null",
    "next_null",
    "neighbour_gap",
    "margin",
];

/// Logistic weights of the [`features`] and the intercept (from `scripts/fit-confidence.py`).
const WEIGHTS: [f64; N_FEATURES] = [
    4.887, 1.13, 1.809, -0.09582, 0.1485, 2.925, -0.3002, 0.01676, -0.114, -0.1904, -1.265,
    -0.4009, -2.074, 0.2541, 2.7,
];
const INTERCEPT: f64 = -3.474 - REVIEW_SHIFT;

/// How much lower the intercept is than the fitted one, so that the beads below 0.5 hold at
/// least 80 % of the wrong ones on both dev pairs (see the module documentation).
const REVIEW_SHIFT: f64 = 0.3;

fn sigmoid(x: f32) -> f64 {
    1.0 / (1.0 + (-x as f64).exp())
}

/// Cost of pairing source unit `u` with target unit `v` in a 1-1 bead (prior excluded).
fn pair_cost(ev: &Evidence, model: &CostModel, u: usize, v: usize) -> f32 {
    let (h, ha) = ev.hits(u, v);
    let miss = (ev.src_anchor_mass[u] + ev.tgt_anchor_mass[v] - 2.0 * ha).max(0.0);
    model.len_cost(ev.src_len[u], ev.tgt_len[v])
        + model.lex_cost(h, ev.src_mass[u] + ev.tgt_mass[v])
        + model.anchor_miss * miss
}

/// For an omission or an addition, the cheapest pairing of its unit with a neighbour.
fn null_alternative(ev: &Evidence, model: &CostModel, s: &Step) -> f32 {
    let (n, m) = (ev.n_src(), ev.n_tgt());
    let (a, _) = SHAPES[s.shape as usize];
    let mut best = f32::INFINITY;
    if a == 1 {
        let u = s.i - 1;
        for v in [s.j.wrapping_sub(1), s.j] {
            if v < m {
                best = best.min(pair_cost(ev, model, u, v));
            }
        }
    } else {
        let v = s.j - 1;
        for u in [s.i.wrapping_sub(1), s.i] {
            if u < n {
                best = best.min(pair_cost(ev, model, u, v));
            }
        }
    }
    best
}

/// The fewest steps [`margins`] and [`features`] give one parallel task (each step's value
/// is its own, so the result is the same in any order).
const STEPS_PER_TASK: usize = 1024;

/// The margin of each step, in [0, 1] (see the module documentation).
pub(crate) fn margins(ev: &Evidence, model: &CostModel, steps: &[Step]) -> Vec<f64> {
    steps
        .par_iter()
        .with_min_len(STEPS_PER_TASK)
        .map(|s| {
            let (a, b) = SHAPES[s.shape as usize];
            if a > 0 && b > 0 {
                let alt = model.prior[1] * a as f32 + model.prior[2] * b as f32;
                sigmoid((alt - s.cost) / 2.0).min(sigmoid(s.gap - 2.0))
            } else {
                let best = null_alternative(ev, model, s);
                sigmoid((best - 2.0 * model.prior[1]) / 2.0)
            }
        })
        .collect()
}

/// The features of each step for the confidence model, given the steps' margins.
pub(crate) fn features(
    ev: &Evidence,
    model: &CostModel,
    steps: &[Step],
    margin: &[f64],
) -> Vec<[f64; N_FEATURES]> {
    let is_null = |s: &Step| {
        let (a, b) = SHAPES[s.shape as usize];
        a == 0 || b == 0
    };
    let gap = |s: Option<&Step>| s.map_or(16.0, |s| s.gap as f64);
    steps
        .par_iter()
        .with_min_len(STEPS_PER_TASK)
        .enumerate()
        .map(|(k, s)| {
            let (a, b) = SHAPES[s.shape as usize];
            let null = a == 0 || b == 0;
            let (mut h, mut ha, mut mass, mut anchors) = (0f32, 0f32, 0f32, 0f32);
            let (mut ls, mut lt) = (0f64, 0f64);
            for u in s.i - a..s.i {
                mass += ev.src_mass[u];
                anchors += ev.src_anchor_mass[u];
                ls += ev.src_len[u];
                for v in s.j - b..s.j {
                    let (x, y) = ev.hits(u, v);
                    h += x;
                    ha += y;
                }
            }
            for v in s.j - b..s.j {
                mass += ev.tgt_mass[v];
                anchors += ev.tgt_anchor_mass[v];
                lt += ev.tgt_len[v];
            }
            let prev = k.checked_sub(1).map(|p| &steps[p]);
            let next = steps.get(k + 1);
            let pair = |x: f64| if null { 0.0 } else { x };
            let flag = |x: bool| if x { 1.0 } else { 0.0 };
            let (alt, len) = if null {
                (
                    (null_alternative(ev, model, s) - 2.0 * model.prior[1]) as f64,
                    (1.0 + ls + lt).ln(),
                )
            } else {
                (0.0, 0.0)
            };
            [
                flag(null),
                flag((a, b) == (1, 1)),
                flag((a, b) == (2, 1) || (a, b) == (1, 2)),
                pair(s.cost as f64),
                pair((s.gap as f64).min(16.0)),
                pair((2.0 * h / (mass + 1.0)) as f64),
                pair((mass as f64).sqrt()),
                pair((anchors - 2.0 * ha).max(0.0) as f64),
                pair(model.len_cost(ls, lt) as f64),
                alt,
                len,
                flag(prev.is_some_and(is_null)),
                flag(next.is_some_and(is_null)),
                gap(prev).min(gap(next)),
                margin[k],
            ]
        })
        .collect()
}

/// The reported confidence of each bead, in [0, 1], from its [`features`].
pub(crate) fn calibrated(features: &[[f64; N_FEATURES]]) -> Vec<f64> {
    features
        .iter()
        .map(|f| {
            let z: f64 = INTERCEPT + f.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum::<f64>();
            1.0 / (1.0 + (-z).exp())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::align::{align_pair, Options};
    use crate::Lang;

    const FR: [&str; 6] = [
        "Le Conseil économique et social a examiné le rapport du Secrétaire général sur la prévention du crime.",
        "Il a pris note des travaux de la Commission pour la prévention du crime et la justice pénale à sa vingt-huitième session.",
        "Le Conseil recommande aux États Membres de renforcer la coopération internationale contre la cybercriminalité.",
        "La résolution 2019/19 prie l'Office des Nations Unies contre la drogue et le crime de fournir une assistance technique.",
        "Les États sont invités à partager les informations relatives aux menaces et aux bonnes pratiques.",
        "Le Conseil décide de poursuivre l'examen de la question à sa session de 2020.",
    ];
    const EN: [&str; 6] = [
        "The Economic and Social Council considered the report of the Secretary-General on crime prevention.",
        "It took note of the work of the Commission on Crime Prevention and Criminal Justice at its twenty-eighth session.",
        "The Council recommends that Member States strengthen international cooperation against cybercrime.",
        "Resolution 2019/19 requests the United Nations Office on Drugs and Crime to provide technical assistance.",
        "States are invited to share information on threats and good practices.",
        "The Council decides to continue its consideration of the question at its 2020 session.",
    ];

    #[test]
    fn a_faithful_translation_is_confident_and_a_foreign_paragraph_is_not() {
        let o = Options::default();
        let good = align_pair(&FR, &Lang::Fr, &EN, &Lang::En, &o);
        assert_eq!(good.beads.len(), 6);
        for b in &good.beads {
            assert!(b.score > 0.8, "{b:?}");
        }
        // The fourth English paragraph replaced by text that translates nothing in French.
        let mut en = EN;
        en[3] = "Weather permitting, the boats left the harbour at dawn, loaded with fresh fish and ice.";
        let bad = align_pair(&FR, &Lang::Fr, &en, &Lang::En, &o);
        let near: Vec<f64> = bad
            .beads
            .iter()
            .filter(|b| b.src.contains(&3) || b.tgt.contains(&3))
            .map(|b| b.score)
            .collect();
        let worst_good = good.beads.iter().map(|b| b.score).fold(1.0, f64::min);
        assert!(!near.is_empty());
        for s in near {
            assert!(s < worst_good, "{s} vs {worst_good}");
        }
    }

    #[test]
    fn scores_are_probabilities() {
        let f = [
            [0.0; super::N_FEATURES],
            [50.0; super::N_FEATURES],
            [-50.0; super::N_FEATURES],
        ];
        for c in super::calibrated(&f) {
            assert!((0.0..=1.0).contains(&c));
        }
    }
}

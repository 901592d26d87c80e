//! Unit tests of `dp`, and the programme as first written (one cell after the other), which
//! the blocked, parallel search must reproduce exactly.
use super::*;
use crate::align::evidence::EvidenceSettings;
use crate::align::features::extract;
use crate::align::lexicon::PairLexicon;
use crate::Lang;
use proptest::prelude::*;

/// Hits of the last source rows, as the programme needs them (rolling, [`SLOTS`] rows).
struct HitRows {
    lo: [usize; SLOTS],
    rows: [Vec<(f32, f32)>; SLOTS],
}

/// Hit rows kept: those of the last [`MAX_SOURCES`] source units and the current one.
const SLOTS: usize = MAX_SOURCES + 1;

/// `a > b`, as a function so that shape constants can be compared without a lint.
#[inline(always)]
fn exceeds(a: usize, b: usize) -> bool {
    a > b
}

/// The programme as first written: one cell after the other, bead costs computed on the spot.
// The shape macro's loops are empty for the shapes they do not apply to.
#[allow(clippy::reversed_empty_ranges)]
fn reference_search(ev: &Evidence, model: &CostModel, band: &Band, shapes: usize) -> Vec<Step> {
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
    // The cost of the best last bead of each cell, its prior included.
    let mut bead = vec![0f32; acc];
    let mut hits = HitRows {
        lo: [0; SLOTS],
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
            // Hits of source unit i - 1 with every target unit a bead ending in rows
            // i..i + MAX_SOURCES - 1 uses.
            let u = i - 1;
            let vlo = band.lo[i].saturating_sub(MAX_TARGETS);
            let vhi = band.hi[(i + MAX_SOURCES - 1).min(n)].min(m);
            let slot = u % SLOTS;
            hits.lo[slot] = vlo;
            let row = &mut hits.rows[slot];
            row.clear();
            ev.hits_row(u, vlo, vhi.max(vlo), row);
        }
        // Per row: where each predecessor row starts in `cost` and its band, and the hit rows
        // of the last MAX_SOURCES source units (empty above the first row).
        let pred = |a: usize| -> (usize, usize, usize) {
            if a > i {
                (0, 1, 0)
            } else {
                let r = i - a;
                (offset[r], band.lo[r], band.hi[r])
            }
        };
        let preds: [_; SLOTS] = std::array::from_fn(pred);
        let hit_row = |a: usize| -> (&[(f32, f32)], usize) {
            if a > i {
                (&[], 0)
            } else {
                let slot = (i - a) % SLOTS;
                (&hits.rows[slot][..], hits.lo[slot])
            }
        };
        let rows: [_; MAX_SOURCES] = std::array::from_fn(|a| hit_row(a + 1));
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
            let mut best_bead = 0f32;
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
                        let p = if $a == 0 || $b == 0 {
                            if ($a == 1 && ev.src_furniture[i - 1])
                                || ($b == 1 && ev.tgt_furniture[j - 1])
                            {
                                model.furniture_null
                            } else {
                                model.prior[$k]
                            }
                        } else {
                            model.prior[$k]
                        };
                        let mut c = prev + p;
                        let mut this = p;
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
                            let mut x = model.len_cost(sp[i] - sp[i - $a], tp[j] - tp[j - $b])
                                + model.lex_cost(h, mass)
                                + model.anchor_miss * miss;
                            // The unit term: each unit of a side of several against the
                            // other side's units.
                            if $a > 1 || $b > 1 {
                                let mut pen = 0.0;
                                if $a > 1 {
                                    for back in (1..=$a).rev() {
                                        let mut hu = 0.0;
                                        for v in j - $b..j {
                                            hu += hit(back, v).0;
                                        }
                                        pen += model.unit_cost(hu, ev.src_mass[i - back]);
                                    }
                                }
                                if $b > 1 {
                                    for v in j - $b..j {
                                        let mut hv = 0.0;
                                        for back in (1..=$a).rev() {
                                            hv += hit(back, v).0;
                                        }
                                        pen += model.unit_cost(hv, ev.tgt_mass[v]);
                                    }
                                }
                                x += pen;
                            }
                            c += x;
                            this += x;
                        }
                        if c < best {
                            second = best;
                            best = c;
                            best_k = $k as u8;
                            best_bead = this;
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
            shape!(8, 3, 2);
            shape!(9, 2, 3);
            shape!(10, 1, 4);
            shape!(11, 1, 5);
            shape!(12, 4, 1);
            shape!(13, 5, 1);
            cost[here] = best;
            back[here] = best_k;
            bead[here] = best_bead;
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
        assert!(idx(i - a, j - b).is_some(), "the band holds the path");
        steps.push(Step {
            shape: k,
            i,
            j,
            cost: bead[here],
            gap: gap[here] as f32 / GAP_SCALE,
        });
        i -= a;
        j -= b;
    }
    steps.reverse();
    steps
}

/// The evidence of two small documents (French and English), without word lists.
fn evidence_of(src: &[&str], tgt: &[&str]) -> Evidence {
    let (sf, tf) = (extract(src, &Lang::Fr), extract(tgt, &Lang::En));
    let settings = EvidenceSettings {
        use_lexicon: false,
        anchor_boost: 1.5,
    };
    Evidence::build(&sf, &tf, &PairLexicon::default(), &settings)
}

/// The cost model of these tests, the many-unit bead term on.
fn test_model(beta: f32) -> CostModel {
    CostModel {
        pair_mass: 3.0,
        ratio: 0.9,
        var: 6.0,
        prior: [
            0.0, 4.5, 4.5, 4.0, 4.0, 7.0, 7.0, 7.0, 8.0, 8.0, 9.0, 11.0, 9.0, 11.0,
        ],
        beta,
        lex_base: 0.0,
        len_weight: 1.5,
        anchor_miss: 0.35,
        furniture_null: 1.5,
        unit_weight: 8.0,
        unit_share: 0.3,
    }
}

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

/// Documents of random sentences over a small vocabulary with numbers, so that units share
/// words and anchors in varied amounts.
fn doc(words: &[&str]) -> impl Strategy<Value = Vec<String>> {
    let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    prop::collection::vec(
        prop::collection::vec((0..words.len() + 3, 0u32..400), 0..25).prop_map(move |ws| {
            ws.iter()
                .map(|&(k, num)| match words.get(k) {
                    Some(w) => w.clone(),
                    None => num.to_string(),
                })
                .collect::<Vec<_>>()
                .join(" ")
        }),
        0..60,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn blocked_search_is_the_reference_programme(
        src in doc(&["rapport", "commission", "conseil", "sécurité", "assemblée", "résolution"]),
        tgt in doc(&["report", "commission", "council", "security", "assembly", "resolution"]),
        w in 1usize..12,
        shapes in prop::sample::select(vec![5usize, 8, 10]),
        beta in 0.0f32..20.0,
    ) {
        let s: Vec<&str> = src.iter().map(String::as_str).collect();
        let t: Vec<&str> = tgt.iter().map(String::as_str).collect();
        let ev = evidence_of(&s, &t);
        let model = test_model(beta);
        let band = Band::diagonal(ev.n_src(), ev.n_tgt(), w);
        let key = |steps: Vec<Step>| -> Vec<(u8, usize, usize, u32, u32)> {
            steps.iter().map(|s| (s.shape, s.i, s.j, s.cost.to_bits(), s.gap.to_bits())).collect()
        };
        prop_assert_eq!(
            key(search(&ev, &model, &band, shapes)),
            key(reference_search(&ev, &model, &band, shapes))
        );
    }
}

#[test]
fn blocks_split_long_documents() {
    // Long enough for several blocks of rows, with the costs of the next block computed
    // while the previous one is swept.
    let src: Vec<String> = (0..3000)
        .map(|i| format!("rapport {i} sur la résolution {}", i % 7))
        .collect();
    let tgt: Vec<String> = (0..2990)
        .map(|i| format!("report {i} on resolution {}", i % 7))
        .collect();
    let s: Vec<&str> = src.iter().map(String::as_str).collect();
    let t: Vec<&str> = tgt.iter().map(String::as_str).collect();
    let ev = evidence_of(&s, &t);
    let model = test_model(10.0);
    let band = Band::diagonal(ev.n_src(), ev.n_tgt(), 20);
    assert!(band.cells() > 3 * BLOCK_CELLS);
    let a = search(&ev, &model, &band, 10);
    let b = reference_search(&ev, &model, &band, 10);
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!((x.shape, x.i, x.j), (y.shape, y.i, y.j));
        assert_eq!(x.cost.to_bits(), y.cost.to_bits());
    }
}

#[test]
fn narrow_bands_match_the_reference() {
    // Down to a band of one cell per row, where most cells have no predecessor.
    let src = [
        "Le rapport 12.",
        "La résolution 4/7.",
        "Voir le rapport.",
        "Fin.",
    ];
    let tgt = [
        "The report 12.",
        "Resolution 4/7.",
        "See the report.",
        "End.",
        "Annex.",
    ];
    let ev = evidence_of(&src, &tgt);
    let model = test_model(10.0);
    for w in 0..4 {
        let band = Band::diagonal(4, 5, w);
        let a = search(&ev, &model, &band, 10);
        let b = reference_search(&ev, &model, &band, 10);
        let key = |s: &[Step]| -> Vec<(u8, usize, usize, u32)> {
            s.iter()
                .map(|s| (s.shape, s.i, s.j, s.cost.to_bits()))
                .collect()
        };
        assert_eq!(key(&a), key(&b), "band {w}");
    }
}

#[test]
fn nibbles_keep_each_value_apart_from_its_neighbour() {
    let mut n = Nibbles::new(5);
    assert!((0..5).all(|i| n.get(i) == Nibbles::NONE));
    for (i, v) in [(0, 3), (1, 9), (4, 0), (2, 14)] {
        n.set(i, v);
    }
    assert_eq!(
        (0..5).map(|i| n.get(i)).collect::<Vec<_>>(),
        [3, 9, 14, 15, 0]
    );
    n.set(1, u8::MAX);
    assert_eq!(
        (0..5).map(|i| n.get(i)).collect::<Vec<_>>(),
        [3, 15, 14, 15, 0]
    );
}

#[test]
fn a_unit_that_shares_nothing_with_the_other_side_costs_its_bead_more() {
    // Source 1 ("sécurité conseil") is expressed by the last target unit only; source 3 and 4
    // are both expressed by target 2.
    let src = [
        "commission rapport budget",
        "sécurité conseil",
        "assemblée résolution",
        "programme",
        "développement",
        "sécurité conseil",
    ];
    let tgt = [
        "commission rapport budget",
        "assemblée résolution",
        "programme développement",
        "sécurité conseil",
    ];
    let ev = evidence_of(&src, &tgt);
    let mut model = CostModel {
        ratio: 1.0,
        unit_weight: 0.0,
        ..test_model(10.0)
    };
    let band = Band::diagonal(ev.n_src(), ev.n_tgt(), 6);
    let cost = |model: &CostModel, k: usize, i: usize, j: usize| {
        Ctx::new(&ev, model, &band, SHAPES.len()).bead_cost(k, i, j)
    };
    // 2-1 beads: sources 0-1 against target 0, sources 3-4 against target 2.
    let (lone0, both0) = (cost(&model, 3, 2, 1), cost(&model, 3, 5, 3));
    model.unit_weight = 8.0;
    let (lone, both) = (cost(&model, 3, 2, 1), cost(&model, 3, 5, 3));
    let expected = model.unit_cost(0.0, ev.src_mass[1]);
    assert!(expected > 1.0, "{expected}");
    assert!((lone - lone0 - expected).abs() < 1e-4, "{lone0} → {lone}");
    assert_eq!(both, both0);
    // The unit term is zero from the expected share up, and grows as the share falls.
    assert_eq!(model.unit_cost(3.0, 4.0), 0.0);
    assert!(model.unit_cost(0.0, 4.0) > model.unit_cost(0.5, 4.0));
}

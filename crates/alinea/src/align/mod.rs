//! Alignment: which units of one document correspond to which units of its translation.
//!
//! The result of a pairwise alignment is a list of [`Bead`]s in document order, covering every
//! unit of both sides exactly once (a side may be empty: an omission or an addition).
//!
//! [`align_pair`] runs a dynamic programme over beads 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 2-3, 3-2,
//! 1-4, 4-1, 1-5, 5-1, 1-0 and 0-1 (a long sentence is sometimes split into four or five, or
//! four or five joined into one: the Bleualign dev set holds eight such beads).
//! A bead's cost combines:
//! - a Gale–Church length term on characters (Student-like tail), with the length ratio taken
//!   from the pair and the variance re-estimated from the first alignment;
//! - lexical evidence: the Dice share of translatable weight (IDF) that the two sides have in
//!   common, scaled by the square root of that weight. Source stems and anchors are concepts;
//!   a target word may express a source stem through identity, cognates (same script), the
//!   shipped word lists, or translations learned from the first alignment;
//! - anchors: numbers (Eastern Arabic digits included; in a right-to-left document that writes
//!   digit groups in display order, `000 31` read as 31 000; ordinals as their number, `15e` and
//!   `15th` as 15; a decimal or sub-paragraph number as its parts whatever separates them,
//!   `23.2` and `23-2` as 23 and 2; an afternoon hour as its 24-hour number, `3 p.m.` as 15),
//!   symbols (`A/RES/74/247`), URLs, letter labels, Latin names inside Arabic text, quotation
//!   marks; a hard anchor (number, symbol, URL, label) found on one side of a bead only costs
//!   extra (not, across scripts, a symbol with letters the target never writes: `P-5`/`ف-5`);
//! - in the second pass, for a bead with several units on a side, each of those units that
//!   shares less of its translatable weight with the other side than confident 1-1 units
//!   commonly do (the lower quartile's share, times 0.6) costs extra: a heading whose words the
//!   other side does not express is more likely left out than merged;
//! - a prior per shape; leaving page furniture unpaired (a reissue note, a `Distr.` line:
//!   [`crate::doc::kind::furniture`]) costs 1.5 instead of 4.5.
//!
//! Page furniture with nothing to translate (a page or job number, a document symbol alone on
//! its line) is left out of the search and put back as beads of its own ([`furniture`]): a
//! sentence a page number cuts in two is one bead whose units have a gap (`[92]:[94, 96]`).
//!
//! The first pass searches a band around the diagonal (widened while the best path runs along
//! its edge, up to a fixed number of cells); the second pass learns word translations from the
//! confident 1-1 beads (hunalign's realign, Moore's two passes), refits the length model and
//! searches a narrow band around the first path. Two consecutive beads that a name crosses
//! (written after their boundary in one language, before it in the other) are then joined
//! (`crossing`). Time and memory are linear in the length for a given band; the bead costs of
//! a block of rows are computed in parallel while the previous block is swept. Each bead gets
//! a confidence (`confidence`: a logistic model fitted on the UN dev benchmark).
//! [`align_many`] aligns many pairs in parallel.
//!
//! [`Aligned`] is an alignment with its texts, what every output is written from;
//! [`pipeline::align_files`] goes from files to an [`Aligned`] (reading, languages,
//! diagnostics). [`suspect`] finds the units that are not translations (the same text in two
//! languages, a side in the wrong script) and lowers their confidence.

pub mod aligned;
pub mod multi;
pub mod pipeline;
pub mod reviewed;
pub mod suspect;

mod confidence;
mod crossing;
mod dp;
mod evidence;
mod features;
pub(crate) mod furniture;
pub(crate) mod lexicon;
pub mod notes;
pub(crate) mod numbers;

use rayon::prelude::*;
use serde::Serialize;

use crate::Lang;
pub use aligned::{Aligned, Segtype, Side, Summary, LOW_CONFIDENCE};
use dp::{Band, CostModel, Step, SHAPES};
use evidence::{Evidence, EvidenceSettings};
pub use pipeline::{align_files, length_ratio, Loaded, Outcome, Request};

/// A group of source units aligned with a group of target units.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bead {
    /// 0-based source unit indices, ascending (empty for an addition); consecutive but for
    /// page furniture between them, which is a bead of its own ([`furniture`]).
    pub src: Vec<usize>,
    /// 0-based target unit indices, as `src` (empty for an omission).
    pub tgt: Vec<usize>,
    /// Confidence in [0, 1].
    pub score: f64,
}

/// The units of each bead, confidences aside (for tests).
#[cfg(test)]
pub(crate) fn test_shapes(beads: &[Bead]) -> Vec<(Vec<usize>, Vec<usize>)> {
    beads
        .iter()
        .map(|b| (b.src.clone(), b.tgt.clone()))
        .collect()
}

/// A bead from its units and confidence (for tests).
#[cfg(test)]
pub(crate) fn test_bead(src: &[usize], tgt: &[usize], score: f64) -> Bead {
    Bead {
        src: src.to_vec(),
        tgt: tgt.to_vec(),
        score,
    }
}

/// The alignment of two documents.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PairAlignment {
    pub beads: Vec<Bead>,
}

/// Settings of the aligner.
#[derive(Clone, Debug)]
pub struct Options {
    /// Use the shipped bilingual word lists where one exists for the pair (default: true).
    pub lexicon: bool,
    /// Learn word translations from a first alignment and realign (default: true).
    pub realign: bool,
    /// Half-width of the first-pass search band, in units; `None` chooses it from the length.
    /// The band is widened automatically when the best path runs along its edge.
    pub band: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lexicon: true,
            realign: true,
            band: None,
        }
    }
}

/// One document pair for [`align_many`].
#[derive(Clone, Copy, Debug)]
pub struct PairInput<'a> {
    pub src: &'a [&'a str],
    pub src_lang: &'a Lang,
    pub tgt: &'a [&'a str],
    pub tgt_lang: &'a Lang,
}

/// Align many document pairs in parallel (rayon); results are in the order of `pairs`.
pub fn align_many(pairs: &[PairInput<'_>], opts: &Options) -> Vec<PairAlignment> {
    pairs
        .par_iter()
        .map(|p| align_pair(p.src, p.src_lang, p.tgt, p.tgt_lang, opts))
        .collect()
}

const NULL_COST: f32 = 4.5;
/// Weight of the unit term of beads of several units, and the share of the lower quartile of
/// confident pairs' shares it expects (see `refit_units`).
const UNIT_WEIGHT: f32 = 8.0;
const UNIT_SHARE: f32 = 0.6;
/// Page furniture (a page or job number, a reissue note) is often in one version only.
const FURNITURE_NULL_COST: f32 = 1.5;

/// The search band is never widened past this many cells (about 6 bytes each), so that memory
/// stays bounded even when two documents do not follow each other.
const MAX_CELLS: usize = 30_000_000;

fn initial_model(ev: &Evidence) -> CostModel {
    let ls: f64 = ev.src_len.iter().sum();
    let lt: f64 = ev.tgt_len.iter().sum();
    let ratio = if ls > 0.0 && lt > 0.0 { lt / ls } else { 1.0 };
    let total: f32 = ev.src_mass.iter().chain(&ev.tgt_mass).sum();
    let units = (ev.n_src() + ev.n_tgt()).max(1) as f32;
    CostModel {
        pair_mass: (2.0 * total / units).max(1.0),
        ratio,
        var: 6.8 * ratio,
        prior: [
            0.0, NULL_COST, NULL_COST, 4.0, 4.0, 7.0, 7.0, 7.0, 10.0, 10.0, 10.0, 13.0, 10.0, 13.0,
        ],
        beta: 10.0,
        lex_base: 0.0,
        len_weight: 1.5,
        anchor_miss: 0.35,
        furniture_null: FURNITURE_NULL_COST,
        // Set from the first alignment (`refit_units`).
        unit_weight: 0.0,
        unit_share: 0.0,
    }
}

/// The unit term of beads of several units ([`CostModel::unit_cost`]), from the confident 1-1
/// beads of a path: the share of a unit's translatable weight that its counterpart expresses,
/// which a quarter of those units do not reach, times [`UNIT_SHARE`], is the share expected.
/// Where the words of a pair are little known (no word list, as in German–French) a quarter
/// of the shares are 0 and the term is off.
fn refit_units(model: &mut CostModel, ev: &Evidence, confident: &[(usize, usize)]) {
    let mut shares: Vec<f32> = Vec::with_capacity(2 * confident.len());
    for &(u, v) in confident {
        let h = ev.hits(u, v).0;
        shares.push((h / (ev.src_mass[u] + 1.0)).min(1.0));
        shares.push((h / (ev.tgt_mass[v] + 1.0)).min(1.0));
    }
    if shares.len() < 40 {
        return;
    }
    shares.sort_unstable_by(f32::total_cmp);
    model.unit_weight = UNIT_WEIGHT;
    model.unit_share = UNIT_SHARE * shares[shares.len() / 4];
}

/// Re-estimate the length ratio and variance from the 1-1 beads of a path.
fn refit_length(model: &mut CostModel, ev: &Evidence, steps: &[Step]) {
    let mut pairs: Vec<(f64, f64)> = steps
        .iter()
        .filter(|s| s.shape == 0)
        .map(|s| (ev.src_len[s.i - 1], ev.tgt_len[s.j - 1]))
        .filter(|&(a, b)| a > 0.0 && b > 0.0)
        .collect();
    if pairs.len() < 20 {
        return;
    }
    let ls: f64 = pairs.iter().map(|p| p.0).sum();
    let lt: f64 = pairs.iter().map(|p| p.1).sum();
    let ratio = lt / ls;
    let mut z: Vec<f64> = pairs
        .drain(..)
        .map(|(a, b)| (b - a * ratio).powi(2) / ((a * ratio + b) / 2.0 + 1.0))
        .collect();
    z.sort_unstable_by(f64::total_cmp);
    // The median of a chi-square with one degree of freedom is 0.455.
    let var = (z[z.len() / 2] / 0.455).clamp(0.5, 50.0);
    model.ratio = ratio;
    // The median understates a heavy-tailed spread; widen it.
    model.var = var * 1.5;
}

fn path_points(steps: &[Step]) -> Vec<(usize, usize)> {
    let mut pts = Vec::with_capacity(steps.len() + 1);
    pts.push((0, 0));
    pts.extend(steps.iter().map(|s| (s.i, s.j)));
    pts
}

/// Search in a band around the diagonal, widening it while the path runs along its edge.
/// Without a second pass every shape is tried; with one, the rare 2-2, 3-1, 1-3 and larger
/// are left to it.
fn first_pass(ev: &Evidence, model: &CostModel, opts: &Options) -> Vec<Step> {
    let shapes = if opts.realign { 5 } else { SHAPES.len() };
    let (n, m) = (ev.n_src(), ev.n_tgt());
    let longest = n.max(m);
    let mut w = opts
        .band
        .unwrap_or_else(|| ((0.33 * (longest as f64).sqrt()) as usize).clamp(20, 100));
    loop {
        let band = Band::diagonal(n, m, w);
        let steps = dp::search(ev, model, &band, shapes);
        let too_big = (n + 1).saturating_mul(4 * w + 1) > MAX_CELLS;
        if w >= longest || too_big || !band.touched(&path_points(&steps), m, 2) {
            return steps;
        }
        w *= 2;
    }
}

/// Search in a band around a previous path, widening it while the path runs along its edge.
fn refine(ev: &Evidence, model: &CostModel, prev: &[Step]) -> Vec<Step> {
    let (n, m) = (ev.n_src(), ev.n_tgt());
    let pts = path_points(prev);
    let mut r = 3;
    loop {
        let band = Band::around(&pts, n, m, r);
        let steps = dp::search(ev, model, &band, SHAPES.len());
        let too_big = (n + 1).saturating_mul(4 * r + 1) > MAX_CELLS;
        if r >= n.max(m) || too_big || !band.touched(&path_points(&steps), m, 1) {
            return steps;
        }
        r *= 2;
    }
}

fn to_beads(steps: &[Step], conf: &[f64]) -> Vec<Bead> {
    steps
        .iter()
        .zip(conf)
        .map(|(s, &c)| {
            let (a, b) = SHAPES[s.shape as usize];
            Bead {
                src: (s.i - a..s.i).collect(),
                tgt: (s.j - b..s.j).collect(),
                score: c.clamp(0.0, 1.0),
            }
        })
        .collect()
}

/// Align `src` (in `src_lang`) with `tgt` (in `tgt_lang`); the texts are the units' plain text.
pub fn align_pair(
    src: &[&str],
    src_lang: &Lang,
    tgt: &[&str],
    tgt_lang: &Lang,
    opts: &Options,
) -> PairAlignment {
    align_pair_from(
        &furniture::Searched::new(src),
        src_lang,
        &furniture::Searched::new(tgt),
        tgt_lang,
        None,
        opts,
    )
}

/// [`align_pair`] over the sides as the search reads them, page furniture left out
/// ([`furniture`]), with the features of those units when they are extracted already (a
/// pivot aligned with several translations is read once, each translation beside it:
/// [`multi::align_all`]).
fn align_pair_from(
    src: &furniture::Searched,
    src_lang: &Lang,
    tgt: &furniture::Searched,
    tgt_lang: &Lang,
    features: Option<(&features::DocFeatures, features::DocFeatures)>,
    opts: &Options,
) -> PairAlignment {
    let (s, t) = (src.units(), tgt.units());
    let (ev, model, steps) = search_pair(s, src_lang, t, tgt_lang, features, opts);
    let conf = {
        let margin = confidence::margins(&ev, &model, &steps);
        confidence::calibrated(&confidence::features(&ev, &model, &steps, &margin))
    };
    // The evidence and the features are no longer needed once the confidences are known.
    drop(ev);
    let beads = crossing::join(s, t, to_beads(&steps, &conf)).0;
    PairAlignment {
        beads: furniture::restore(beads, src, tgt),
    }
}

/// [`align_pair`], each bead with the features its confidence is computed from (named by
/// [`CONFIDENCE_FEATURES`]): what `scripts/fit-confidence.py` refits the confidence model on.
/// The beads of page furniture, which the search leaves out, are not among them.
#[doc(hidden)]
pub fn align_pair_with_features(
    src: &[&str],
    src_lang: &Lang,
    tgt: &[&str],
    tgt_lang: &Lang,
    opts: &Options,
) -> Vec<(Bead, [f64; confidence::N_FEATURES])> {
    let (src, tgt) = (furniture::Searched::new(src), furniture::Searched::new(tgt));
    let (s, t) = (src.units(), tgt.units());
    let (ev, model, steps) = search_pair(s, src_lang, t, tgt_lang, None, opts);
    let margin = confidence::margins(&ev, &model, &steps);
    let features = confidence::features(&ev, &model, &steps, &margin);
    let conf = confidence::calibrated(&features);
    // A joined bead takes the features of its least confident part.
    let beads = to_beads(&steps, &conf);
    let (joined, parts) = crossing::join(s, t, beads);
    joined
        .into_iter()
        .zip(parts)
        .map(|(b, p)| {
            let least = p
                .into_iter()
                .min_by(|&x, &y| conf[x].total_cmp(&conf[y]))
                .expect("every joined bead has a part");
            let b = Bead {
                src: b.src.iter().map(|&k| src.index(k)).collect(),
                tgt: b.tgt.iter().map(|&k| tgt.index(k)).collect(),
                score: b.score,
            };
            (b, features[least])
        })
        .collect()
}

/// Names of the features of [`align_pair_with_features`].
#[doc(hidden)]
pub const CONFIDENCE_FEATURES: [&str; confidence::N_FEATURES] = confidence::FEATURE_NAMES;

/// The two passes: evidence, first search, learning, second search. The source's features
/// are extracted here unless given (`src_features`).
fn search_pair(
    src: &[&str],
    src_lang: &Lang,
    tgt: &[&str],
    tgt_lang: &Lang,
    features: Option<(&features::DocFeatures, features::DocFeatures)>,
    opts: &Options,
) -> (Evidence, CostModel, Vec<Step>) {
    let mut sf = None;
    let (source, tf) = match features {
        Some((s, t)) => (s, t),
        None => {
            let (s, t) = rayon::join(
                || features::extract(src, src_lang),
                || features::extract(tgt, tgt_lang),
            );
            (&*sf.insert(s), t)
        }
    };
    let lex = lexicon::for_pair(src_lang, tgt_lang);
    let settings = EvidenceSettings {
        use_lexicon: opts.lexicon,
        anchor_boost: 1.5,
    };
    let mut ev = Evidence::build(source, &tf, &lex, &settings);
    let mut model = initial_model(&ev);
    // The unit features are no longer needed: free them while the first pass runs.
    let (mut steps, ()) = rayon::join(|| first_pass(&ev, &model, opts), move || drop((sf, tf)));
    if opts.realign && !steps.is_empty() {
        let margin = confidence::margins(&ev, &model, &steps);
        let confident: Vec<(usize, usize)> = steps
            .iter()
            .zip(&margin)
            .filter(|(s, &c)| s.shape == 0 && c >= 0.8)
            .map(|(s, _)| (s.i - 1, s.j - 1))
            .collect();
        refit_length(&mut model, &ev, &steps);
        refit_units(&mut model, &ev, &confident);
        ev.learn(&confident, 2, 0.4);
        let total: f32 = ev.src_mass.iter().chain(&ev.tgt_mass).sum();
        model.pair_mass = (2.0 * total / (ev.n_src() + ev.n_tgt()) as f32).max(1.0);
        steps = refine(&ev, &model, &steps);
    }
    (ev, model, steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(a: &PairAlignment) -> Vec<(Vec<usize>, Vec<usize>)> {
        test_shapes(&a.beads)
    }

    #[test]
    fn many_pairs_in_parallel_match_one_by_one() {
        let fr = [
            "Le Conseil a adopté la résolution 2019/7.",
            "La séance est levée à 13 heures.",
        ];
        let en = [
            "The Council adopted resolution 2019/7.",
            "The meeting rose at 1 p.m.",
        ];
        let ar = ["واعتمد المجلس القرار 2019/7.", "رفعت الجلسة الساعة 13:00."];
        let o = Options::default();
        let inputs = [
            PairInput {
                src: &fr,
                src_lang: &Lang::Fr,
                tgt: &en,
                tgt_lang: &Lang::En,
            },
            PairInput {
                src: &fr,
                src_lang: &Lang::Fr,
                tgt: &ar,
                tgt_lang: &Lang::Ar,
            },
        ];
        let many = align_many(&inputs, &o);
        assert_eq!(many[0], align_pair(&fr, &Lang::Fr, &en, &Lang::En, &o));
        assert_eq!(many[1], align_pair(&fr, &Lang::Fr, &ar, &Lang::Ar, &o));
        assert_eq!(
            shapes(&many[1]),
            vec![(vec![0], vec![0]), (vec![1], vec![1])]
        );
    }

    #[test]
    fn empty_sides() {
        let o = Options::default();
        assert!(align_pair(&[], &Lang::Fr, &[], &Lang::En, &o)
            .beads
            .is_empty());
        let a = align_pair(&["Bonjour."], &Lang::Fr, &[], &Lang::En, &o);
        assert_eq!(shapes(&a), vec![(vec![0], vec![])]);
    }

    #[test]
    fn finds_a_merge_and_an_omission() {
        let fr = [
            "Rapport du Secrétaire général sur la situation financière de l'Organisation en 2019.",
            "Le Comité consultatif a examiné le rapport le 12 mars 2020.",
            "Il recommande à l'Assemblée générale d'approuver les propositions.",
            "Le texte intégral figure à l'annexe III du document A/75/123, distribué en anglais seulement.",
            "La résolution 74/247 prie le Secrétaire général de présenter un rapport.",
        ];
        let en = [
            "Report of the Secretary-General on the financial situation of the Organization in 2019.",
            "The Advisory Committee considered the report on 12 March 2020. It recommends that the General Assembly approve the proposals.",
            "Resolution 74/247 requests the Secretary-General to submit a report.",
        ];
        let a = align_pair(&fr, &Lang::Fr, &en, &Lang::En, &Options::default());
        assert_eq!(
            shapes(&a),
            vec![
                (vec![0], vec![0]),
                (vec![1, 2], vec![1]),
                (vec![3], vec![]),
                (vec![4], vec![2]),
            ]
        );
        assert!(a.beads[0].score > 0.5);
    }

    #[test]
    fn joins_the_sentences_a_name_crosses() {
        // German and French end the sentences of an expedition list at other places: `Evans`
        // closes the first French sentence and opens the second German one.
        let de = [
            "Der Rakaposhi liegt unweit Gilgit , das einen Flugplatz hat .",
            "7. Kangchendzönga , ca. 8597 m , Leiter Ch .",
            "Evans , Gipfelmannschaften G. Band-J .",
            "Brown und N. Hardie-T .",
            "8. Makalu , 8481 m , Leiter J. Franco .",
        ];
        let fr = [
            "Le Rakaposhi se dresse non loin de Gilgit , où il y a un aérodrome .",
            "7. Kangchenjunga , environ 8597 m. Chef Ch.Evans ;",
            "équipes du sommet G.Band-J .",
            "Brown et N. Hardie-T .",
            "8. Makalu , 8481 m , chef J. Franco .",
        ];
        let a = align_pair(
            &de,
            &Lang::Other("de".into()),
            &fr,
            &Lang::Fr,
            &Options::default(),
        );
        assert_eq!(
            shapes(&a),
            vec![
                (vec![0], vec![0]),
                (vec![1, 2], vec![1, 2]),
                (vec![3], vec![3]),
                (vec![4], vec![4]),
            ]
        );
    }

    #[test]
    fn finds_a_sentence_split_into_four_and_four_joined_into_one() {
        let fr = [
            "Le Comité consultatif a examiné le rapport du Secrétaire général le 12 mars 2020.",
            "Le Comité note que la mission a été créée en 2013 par le Conseil de sécurité, que son \
             mandat a été prorogé quatre fois, que ses effectifs comptent 15 209 militaires et \
             1 920 policiers, et que son budget pour l'exercice 2020/21 s'élève à 1,2 milliard \
             de dollars.",
            "Il recommande à l'Assemblée générale d'approuver les propositions.",
            "La résolution 74/247 prie le Secrétaire général de présenter un rapport.",
        ];
        let en = [
            "The Advisory Committee considered the report of the Secretary-General on 12 March 2020.",
            "The Committee notes that the mission was established in 2013 by the Security Council.",
            "Its mandate has been extended four times.",
            "Its strength is 15,209 military personnel and 1,920 police officers.",
            "Its budget for the 2020/21 period amounts to $1.2 billion.",
            "It recommends that the General Assembly approve the proposals.",
            "Resolution 74/247 requests the Secretary-General to submit a report.",
        ];
        let a = align_pair(&fr, &Lang::Fr, &en, &Lang::En, &Options::default());
        assert_eq!(
            shapes(&a),
            vec![
                (vec![0], vec![0]),
                (vec![1], vec![1, 2, 3, 4]),
                (vec![2], vec![5]),
                (vec![3], vec![6]),
            ]
        );
        // The other way round, the four sentences are joined into one.
        let a = align_pair(&en, &Lang::En, &fr, &Lang::Fr, &Options::default());
        assert_eq!(
            shapes(&a),
            vec![
                (vec![0], vec![0]),
                (vec![1, 2, 3, 4], vec![1]),
                (vec![5], vec![2]),
                (vec![6], vec![3]),
            ]
        );
    }
}

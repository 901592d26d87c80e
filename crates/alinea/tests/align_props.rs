//! Property tests of the pairwise aligner: coverage and order of beads on random input,
//! identical documents, and an inserted unit.

use alinea::align::{align_pair, Options, PairAlignment};
use alinea::Lang;
use proptest::prelude::*;

/// Check that the beads cover 0..n and 0..m exactly once; that the units which are not page
/// furniture with nothing to translate come in order, each bead's consecutive but for such
/// furniture between them; and that such furniture stands alone in its bead.
fn check_cover(a: &PairAlignment, (src, tgt): (&[&str], &[&str])) -> Result<(), TestCaseError> {
    use alinea::doc::kind::bare_furniture;
    let (n, m) = (src.len(), tgt.len());
    let (mut seen_s, mut seen_t) = (vec![0; n], vec![0; m]);
    let (mut next_s, mut next_t) = (0, 0);
    for b in &a.beads {
        prop_assert!(!(b.src.is_empty() && b.tgt.is_empty()), "empty bead");
        prop_assert!((0.0..=1.0).contains(&b.score), "score {}", b.score);
        for (side, units, seen, next) in [
            (&b.src, src, &mut seen_s, &mut next_s),
            (&b.tgt, tgt, &mut seen_t, &mut next_t),
        ] {
            for (k, &i) in side.iter().enumerate() {
                prop_assert!(i < units.len(), "index {i}");
                seen[i] += 1;
                if bare_furniture(units[i]) {
                    prop_assert_eq!(b.src.len() + b.tgt.len(), 1, "furniture with other units");
                    continue;
                }
                // The next unit that is not furniture, and nothing but furniture in a gap.
                while *next < units.len() && bare_furniture(units[*next]) {
                    *next += 1;
                }
                prop_assert_eq!(i, *next);
                *next += 1;
                if k > 0 {
                    prop_assert!(
                        (side[k - 1] + 1..i).all(|g| bare_furniture(units[g])),
                        "a gap of other units"
                    );
                }
            }
        }
    }
    prop_assert!(
        seen_s.iter().chain(&seen_t).all(|&c| c == 1),
        "each unit once"
    );
    Ok(())
}

const WORDS: &[&str] = &[
    "commission",
    "rapport",
    "session",
    "développement",
    "résolution",
    "conseil",
    "report",
    "council",
    "development",
    "resolution",
    "الدورة",
    "المجلس",
    "التقرير",
    "Bericht",
    "Rat",
    "A/RES/74/247",
    "2019",
    "١٢",
    "(a)",
    "«",
    "»",
    "de",
    "la",
    "the",
    "of",
    "und",
    "100 000",
    "https://undocs.org/A/1",
    "26/47",
    "UNICEF",
    "l'Organisation",
    "é",
    "-",
    ".",
    "",
];

fn unit() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..14).prop_map(|w| w.join(" "))
}

fn doc(max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(unit(), 0..max)
}

fn lang() -> impl Strategy<Value = Lang> {
    prop::sample::select(vec![Lang::Fr, Lang::En, Lang::Ar, Lang::Other("de".into())])
}

/// Sentences with enough distinct content to be told apart.
fn sentence() -> impl Strategy<Value = String> {
    (prop::collection::vec("[a-z]{3,10}", 3..16), 0u32..100_000)
        .prop_map(|(w, n)| format!("{} {n}.", w.join(" ")))
}

fn refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn beads_cover_every_unit_once_in_order(
        src in doc(40), tgt in doc(40), sl in lang(), tl in lang(), realign in any::<bool>()
    ) {
        let opts = Options { realign, ..Options::default() };
        let a = align_pair(&refs(&src), &sl, &refs(&tgt), &tl, &opts);
        check_cover(&a, (&refs(&src), &refs(&tgt)))?;
    }

    #[test]
    fn identical_documents_align_one_to_one(d in prop::collection::vec(sentence(), 1..40)) {
        let a = align_pair(&refs(&d), &Lang::Fr, &refs(&d), &Lang::Fr, &Options::default());
        prop_assert_eq!(a.beads.len(), d.len());
        for (k, b) in a.beads.iter().enumerate() {
            prop_assert_eq!(&b.src, &vec![k]);
            prop_assert_eq!(&b.tgt, &vec![k]);
        }
    }

    #[test]
    fn an_inserted_unit_is_null_or_merged(
        d in prop::collection::vec(sentence(), 2..30),
        extra in sentence(),
        at in any::<prop::sample::Index>(),
    ) {
        let k = at.index(d.len() + 1);
        let mut t = d.clone();
        t.insert(k, extra);
        let a = align_pair(&refs(&d), &Lang::En, &refs(&t), &Lang::En, &Options::default());
        check_cover(&a, (&refs(&d), &refs(&t)))?;
        let b = a.beads.iter().find(|b| b.tgt.contains(&k)).expect("covered");
        prop_assert!(b.src.is_empty() || b.tgt.len() > b.src.len(), "bead {:?}", b);
    }
}

//! Unit tests of `index`.
use super::*;
use crate::termbase::{Status, Term};

fn tb() -> Termbase {
    let mut concepts = Vec::new();
    let mk = |id: &str, terms: &[(Lang, &str)]| Concept {
        id: id.into(),
        terms: terms
            .iter()
            .map(|(l, t)| {
                let mut t = Term::new(l.clone(), *t);
                t.status = Some(Status::Preferred);
                t
            })
            .collect(),
        ..Concept::default()
    };
    concepts.push(mk(
        "cybercrime",
        &[
            (Lang::Fr, "cybercriminalité"),
            (Lang::En, "cybercrime"),
            (Lang::Ar, "الجريمة السيبرانية"),
        ],
    ));
    concepts.push(mk("ict", &[(Lang::Fr, "TIC"), (Lang::En, "ICT")]));
    concepts.push(mk(
        "cybersecurity",
        &[(Lang::Fr, "cybersécurité"), (Lang::En, "cybersecurity")],
    ));
    Termbase { concepts }
}

fn first(ix: &Index, text: &str, lang: Option<Lang>) -> Option<(String, MatchClass)> {
    ix.lookup(&Query {
        text,
        lang,
        limit: 5,
    })
    .first()
    .map(|h| (ix.concept(h).id.clone(), h.class))
}

#[test]
fn classes() {
    let ix = Index::new(tb());
    let c = |id: &str, class| Some((id.to_string(), class));
    assert_eq!(
        first(&ix, "cybercriminalité", None),
        c("cybercrime", MatchClass::Exact)
    );
    assert_eq!(
        first(&ix, "Cybercriminalite", None),
        c("cybercrime", MatchClass::Normalised)
    );
    assert_eq!(
        first(&ix, "cybercrimes", None),
        c("cybercrime", MatchClass::Stemmed)
    );
    assert_eq!(
        first(&ix, "cybercriminaltié", None),
        c("cybercrime", MatchClass::Fuzzy)
    );
    assert_eq!(
        first(&ix, "cyber crime", None),
        c("cybercrime", MatchClass::Fuzzy)
    );
    assert_eq!(
        first(&ix, "cybersécu", None),
        c("cybersecurity", MatchClass::Prefix)
    );
    assert_eq!(first(&ix, "tic", None), c("ict", MatchClass::Normalised));
    assert_eq!(
        first(&ix, "ICT", Some(Lang::En)),
        c("ict", MatchClass::Exact)
    );
    assert_eq!(first(&ix, "ICT", Some(Lang::Ar)), None);
    assert_eq!(
        first(&ix, "الجريمة السيبرانية", None),
        c("cybercrime", MatchClass::Exact)
    );
    assert_eq!(
        first(&ix, "والجريمة السيبرانيّة", None),
        c("cybercrime", MatchClass::Normalised)
    );
    assert_eq!(first(&ix, "zzzz", None), None);
}

#[test]
fn fuzzy_finds_everything_within_distance() {
    let ix = Index::new(tb());
    let hits = ix.lookup(&Query {
        text: "cybrsecurity",
        lang: None,
        limit: 5,
    });
    assert_eq!(hits[0].class, MatchClass::Fuzzy);
    assert_eq!(hits[0].distance, Some(1));
    let ranked = ix.lookup(&Query {
        text: "cyber",
        lang: None,
        limit: 5,
    });
    assert_eq!(ranked.len(), 2, "prefix finds both cyber- concepts");
    assert!(ranked.windows(2).all(|w| w[0].score >= w[1].score));
}

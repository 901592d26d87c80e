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

fn tb_more() -> Termbase {
    let mut tb = tb();
    let mut add = |id: &str, terms: &[(Lang, &str)]| {
        tb.concepts.push(Concept {
            id: id.into(),
            terms: terms
                .iter()
                .map(|(l, t)| Term::new(l.clone(), *t))
                .collect(),
            ..Concept::default()
        })
    };
    add(
        "the-hague",
        &[(Lang::Fr, "La Haye"), (Lang::En, "The Hague")],
    );
    add("haye", &[(Lang::Fr, "haye")]);
    add("state", &[(Lang::Ar, "الدولة")]);
    add("csirt", &[(Lang::Ar, "فريق الاستجابة لحوادث أمن الحاسوب")]);
    add("human-rights", &[(Lang::Ar, "حقوق الإنسان")]);
    tb
}

fn top(ix: &Index, text: &str, lang: Option<Lang>) -> Option<(String, MatchClass, f64)> {
    ix.lookup(&Query {
        text,
        lang,
        limit: 5,
    })
    .first()
    .map(|h| (ix.concept(h).id.clone(), h.class, h.score))
}

#[test]
fn leading_articles_are_looked_up_without_them() {
    let ix = Index::new(tb_more());
    let t = |id: &str, class, score| Some((id.to_string(), class, score));
    assert_eq!(
        top(&ix, "la cybercriminalité", None),
        t("cybercrime", MatchClass::Normalised, 0.85)
    );
    assert_eq!(
        top(&ix, "L’cybercriminalité", Some(Lang::Fr)),
        t("cybercrime", MatchClass::Normalised, 0.85)
    );
    assert_eq!(
        top(&ix, "the cybercrimes", None),
        t("cybercrime", MatchClass::Stemmed, 0.75)
    );
    assert_eq!(
        top(&ix, "the cybercrime", Some(Lang::En)),
        t("cybercrime", MatchClass::Normalised, 0.85)
    );
    // Only in a language that has these articles.
    assert_eq!(top(&ix, "the cybercrime", Some(Lang::Fr)), None);
    assert_eq!(top(&ix, "la cybercriminalité", Some(Lang::En)), None);
    // A term that starts with an article still matches exactly; the term the query
    // names without its article comes after it.
    let hits = ix.lookup(&Query {
        text: "La Haye",
        lang: None,
        limit: 5,
    });
    let got: Vec<(&str, MatchClass)> = hits
        .iter()
        .map(|h| (ix.concept(h).id.as_str(), h.class))
        .collect();
    assert_eq!(
        got,
        [
            ("the-hague", MatchClass::Exact),
            ("haye", MatchClass::Normalised)
        ]
    );
    assert_eq!(
        top(&ix, "the hague", None),
        t("the-hague", MatchClass::Normalised, 0.9)
    );
}

#[test]
fn root_class_joins_arabic_plurals() {
    let ix = Index::new(tb_more());
    let t = |id: &str| Some((id.to_string(), MatchClass::Root, 0.7));
    assert_eq!(top(&ix, "الجرائم السيبرانية", None), t("cybercrime"));
    assert_eq!(top(&ix, "جرائم سيبرانية", None), t("cybercrime"));
    assert_eq!(top(&ix, "بالجرائم السيبرانية", None), t("cybercrime"));
    assert_eq!(top(&ix, "وجرائم سيبرانية", Some(Lang::Ar)), t("cybercrime"));
    assert_eq!(
        top(&ix, "فرق الاستجابة لحوادث أمن الحاسوب", None),
        t("csirt")
    );
    assert_eq!(top(&ix, "حق الإنسان", None), t("human-rights"));
    // A better class wins: the term as written.
    assert_eq!(
        top(&ix, "حقوق الإنسان", None).map(|h| h.1),
        Some(MatchClass::Exact)
    );
    // Words in order, all of them.
    assert_eq!(top(&ix, "السيبرانية الجرائم", None), None);
    assert_eq!(
        top(&ix, "جرائم", None).map(|h| h.1),
        Some(MatchClass::Prefix)
    );
    // A one-word key of two letters is too short: دليل is not دولة.
    assert!(ix
        .lookup(&Query {
            text: "دليل",
            lang: None,
            limit: 5,
        })
        .is_empty());
    // Not for a query in another language.
    assert_eq!(top(&ix, "الجرائم السيبرانية", Some(Lang::Fr)), None);
}

#[test]
fn fuzzy_and_prefix_without_the_article() {
    let ix = Index::new(tb_more());
    let hits = ix.lookup(&Query {
        text: "la cybercriminalte",
        lang: None,
        limit: 5,
    });
    assert_eq!(ix.concept(&hits[0]).id, "cybercrime");
    assert_eq!(hits[0].class, MatchClass::Fuzzy);
    assert_eq!(hits[0].distance, Some(1));
    let hits = ix.lookup(&Query {
        text: "the cybers",
        lang: None,
        limit: 5,
    });
    assert_eq!(ix.concept(&hits[0]).id, "cybersecurity");
    assert_eq!(hits[0].class, MatchClass::Prefix);
}

#[test]
fn prefix_by_skeleton() {
    let ix = Index::new(tb_more());
    let hits = ix.lookup(&Query {
        text: "فرق الاستجابة",
        lang: None,
        limit: 5,
    });
    assert_eq!(hits.len(), 1);
    assert_eq!(ix.concept(&hits[0]).id, "csirt");
    assert_eq!(hits[0].class, MatchClass::Prefix);
    assert!((hits[0].score - (0.2 + 0.25 * 2.0 / 5.0)).abs() < 1e-9);
    // At a word boundary only, and not for a query in another language.
    assert_eq!(top(&ix, "فرق الاستج", None), None);
    assert_eq!(top(&ix, "فرق الاستجابة", Some(Lang::Fr)), None);
}

//! Unit tests of the lint engine: units with their sources through every rule family.
use super::*;
use crate::termbase::{Concept, Status, Term, TermType};

fn tb() -> Termbase {
    let t = |l: Lang, s: &str, st: Status| {
        let mut t = Term::new(l, s);
        t.status = Some(st);
        t
    };
    Termbase {
        concepts: vec![
            Concept {
                id: "security-council".into(),
                terms: vec![
                    t(Lang::Fr, "Conseil de sécurité", Status::Preferred),
                    t(Lang::En, "Security Council", Status::Preferred),
                    t(Lang::En, "Safety Council", Status::Deprecated),
                ],
                ..Concept::default()
            },
            Concept {
                id: "cybercrime".into(),
                terms: vec![
                    t(Lang::Fr, "cybercriminalité", Status::Preferred),
                    t(Lang::En, "cybercrime", Status::Preferred),
                ],
                ..Concept::default()
            },
        ],
    }
}

fn doc(pairs: &[(&str, &str)]) -> Doc {
    let text: String = pairs.iter().map(|(_, t)| format!("{t}\n\n")).collect();
    let mut offset = 0;
    let units = pairs
        .iter()
        .enumerate()
        .map(|(i, (s, t))| {
            let u = Unit {
                id: (i + 1).to_string(),
                text: t.to_string(),
                offset: Some(offset),
                places: Vec::new(),
                line: 2 * i + 1,
                column: 1,
                place: None,
                source: Some(SourceUnit {
                    path: "a.fr.txt".into(),
                    line: 2 * i + 1,
                    lang: Lang::Fr,
                    text: s.to_string(),
                    place: None,
                }),
            };
            offset += t.len() + 2;
            u
        })
        .collect();
    Doc {
        path: "a.en.txt".into(),
        lang: Lang::En,
        source_lang: Some(Lang::Fr),
        text: Some(text),
        read_only: None,
        units,
        diagnostics: Vec::new(),
    }
}

fn codes(d: &[Diagnostic]) -> Vec<&str> {
    d.iter().map(|d| d.code).collect()
}

/// A preferred term.
fn preferred(l: Lang, s: &str) -> Term {
    let mut t = Term::new(l, s);
    t.status = Some(Status::Preferred);
    t
}

/// A termbase of one concept of preferred terms.
fn one_concept(id: &str, terms: &[(Lang, &str)]) -> Termbase {
    Termbase {
        concepts: vec![Concept {
            id: id.into(),
            terms: terms.iter().map(|(l, s)| preferred(l.clone(), s)).collect(),
            ..Concept::default()
        }],
    }
}

#[test]
fn term_and_number_rules_on_aligned_units() {
    let d = doc(&[
        (
            "Le Conseil de sécurité a adopté la résolution 2532 (2020).",
            "The Safety Council adopted resolution 2532 (2020).",
        ),
        (
            "La cybercriminalité touche 47,7 % des États.",
            "Crime affects 47.1 per cent of States.",
        ),
        ("Le Conseil de sécurité.", "The Security Council."),
        ("La cybercriminalité augmente.", ""),
    ]);
    let out = lint(&[d], &tb(), &Config::default());
    assert_eq!(
        codes(&out),
        [
            "term/deprecated",
            "term/missing-equivalent",
            "number/mismatch",
            "structure/missing"
        ]
    );
    let dep = out[0].details.as_deref().unwrap();
    assert_eq!(dep.expected, ["Security Council"]);
    assert_eq!(dep.found.as_deref(), Some("Safety Council"));
    assert_eq!(dep.fix.as_ref().unwrap().replacement, "Security Council");
    let l = out[0].location.as_ref().unwrap();
    assert_eq!((l.line, l.column, l.end_column), (1, 5, 19));
    let num = out[2].details.as_deref().unwrap();
    assert_eq!(num.expected, ["47,7"]);
    assert_eq!(num.found.as_deref(), Some("47.1"));
    assert_eq!(
        out[1].details.as_deref().unwrap().concept.as_deref(),
        Some("cybercrime")
    );
    assert_eq!(dep.source.as_ref().unwrap().line, 1);
    // Fingerprints do not depend on the line.
    let fp = |d: &Diagnostic| d.details.as_deref().unwrap().fingerprint.clone();
    let moved = doc(&[
        ("Rien.", "Nothing."),
        (
            "Le Conseil de sécurité a adopté la résolution 2532 (2020).",
            "The Safety Council adopted resolution 2532 (2020).",
        ),
    ]);
    let again = lint(&[moved], &tb(), &Config::default());
    assert_eq!(fp(&again[0]), fp(&out[0]));
    assert_eq!(again[0].location.as_ref().unwrap().line, 3);
}

#[test]
fn rules_can_be_turned_off_and_fixes_applied() {
    let d = doc(&[(
        "Le Conseil de sécurité.",
        "The safety council met; the the end.",
    )]);
    let config = Config::parse(
        "[lint.rules]\n\"typography\" = \"off\"\n",
        std::path::Path::new("alinea.toml"),
    )
    .unwrap();
    let out = lint(std::slice::from_ref(&d), &tb(), &config);
    assert_eq!(codes(&out), ["term/deprecated"]);
    let changes = fix::plan(&[d], &out).changes;
    assert_eq!(changes.len(), 1);
    assert!(
        changes[0].text.starts_with("The Security council met;")
            || changes[0].text.starts_with("The Security Council met;"),
        "{}",
        changes[0].text
    );
}

fn tb2() -> Termbase {
    let t = |l: Lang, s: &str, ty: Option<TermType>| {
        let mut t = Term::new(l, s);
        t.status = Some(Status::Preferred);
        t.term_type = ty;
        t
    };
    let c = |id: &str, terms: Vec<Term>| Concept {
        id: id.into(),
        terms,
        ..Concept::default()
    };
    Termbase {
        concepts: vec![
            c(
                "ipu",
                vec![
                    t(
                        Lang::En,
                        "Inter-Parliamentary Union",
                        Some(TermType::FullForm),
                    ),
                    t(Lang::En, "IPU", Some(TermType::Acronym)),
                ],
            ),
            c(
                "ipu-assembly",
                vec![t(
                    Lang::En,
                    "Assembly of the Inter-Parliamentary Union",
                    None,
                )],
            ),
            c(
                "ad-hoc-committee",
                vec![
                    t(
                        Lang::En,
                        "Ad Hoc Committee on Cybercrime",
                        Some(TermType::FullForm),
                    ),
                    t(Lang::En, "Ad Hoc Committee", Some(TermType::Abbreviation)),
                    t(
                        Lang::Fr,
                        "Comité spécial sur la cybercriminalité",
                        Some(TermType::FullForm),
                    ),
                    t(Lang::Fr, "Comité spécial", Some(TermType::Abbreviation)),
                    t(
                        Lang::Ar,
                        "اللجنة المخصصة المعنية بالجريمة السيبرانية",
                        Some(TermType::FullForm),
                    ),
                    t(Lang::Ar, "اللجنة المخصصة", Some(TermType::Abbreviation)),
                ],
            ),
            c(
                "programme-of-action",
                vec![
                    t(
                        Lang::Fr,
                        "programme d'action des Nations Unies",
                        Some(TermType::FullForm),
                    ),
                    t(Lang::Fr, "programme d'action", Some(TermType::Abbreviation)),
                    t(
                        Lang::En,
                        "United Nations programme of action",
                        Some(TermType::FullForm),
                    ),
                ],
            ),
            c(
                "corruption",
                vec![
                    t(Lang::Fr, "corruption", None),
                    t(Lang::En, "corruption", None),
                    t(Lang::Ar, "الفساد", None),
                ],
            ),
            c(
                "human-rights",
                vec![
                    t(Lang::Fr, "droits de l'homme", None),
                    t(Lang::Ar, "حقوق الإنسان", None),
                ],
            ),
        ],
    }
}

mod terms;

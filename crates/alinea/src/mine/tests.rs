//! Unit tests of `mine`.

use super::*;

/// Every candidate `m` mined, whatever its score (against `glossary` when given).
fn finish_all(m: Miner, glossary: Option<&Termbase>) -> Mined {
    let opts = Options {
        all: true,
        ..Options::default()
    };
    m.finish(&opts, glossary)
}

/// The French candidate written `text` (case aside).
fn french<'m>(mined: &'m Mined, text: &str) -> &'m Candidate {
    mined
        .candidates
        .iter()
        .find(|c| c.lang == Lang::Fr && c.text.to_lowercase() == text.to_lowercase())
        .unwrap_or_else(|| panic!("{text}"))
}

#[test]
fn pivot_is_french_else_the_declared_source_else_the_first_seen() {
    let mut m = Miner::new(true);
    m.add(
        "d",
        0,
        &[(Lang::En, "The wind turbine."), (Lang::Ar, "التوربين")],
    );
    assert_eq!(m.pivot(), Some(Lang::En));
    m.set_source(Lang::Ar);
    assert_eq!(m.pivot(), Some(Lang::Ar));
    m.set_source(Lang::En);
    assert_eq!(m.pivot(), Some(Lang::Ar), "the first declaration wins");
    let mut gone = Miner::new(true);
    gone.add("d", 0, &[(Lang::En, "The wind turbine.")]);
    gone.set_source(Lang::Other("de".into()));
    assert_eq!(
        gone.pivot(),
        Some(Lang::En),
        "a source without text is no pivot"
    );
    m.add("d", 1, &[(Lang::Fr, "La turbine.")]);
    assert_eq!(m.pivot(), Some(Lang::Fr));
}

#[test]
fn an_arabic_term_is_shown_without_its_conjunction_when_the_text_has_it_so() {
    let shown = |forms: &[(&str, u32)]| {
        let forms: Vec<(String, u32)> = forms.iter().map(|(f, n)| (f.to_string(), *n)).collect();
        display_form(&forms, false)
    };
    assert_eq!(
        shown(&[("وبناء القدرات", 5), ("بناء القدرات", 3)]),
        "بناء القدرات"
    );
    // Without the bare form in the text, the form as written (`فريق` starts with the
    // letter and has no such form).
    assert_eq!(shown(&[("وبناء القدرات", 5)]), "وبناء القدرات");
    assert_eq!(shown(&[("فريق الخبراء", 4), ("الفريق", 1)]), "فريق الخبراء");
}

#[test]
fn a_french_name_translated_consistently_ranks_higher() {
    let topics = [
        ("La pauvreté", "Poverty"),
        ("La santé", "Health"),
        ("L'énergie", "Energy"),
        ("L'agriculture", "Agriculture"),
        ("La dette", "Debt"),
        ("Le commerce", "Trade"),
        ("L'emploi", "Employment"),
        ("Le climat", "Climate"),
        ("La migration", "Migration"),
        ("La corruption", "Corruption"),
    ];
    let score = |name: &str| {
        let mut m = Miner::new(true);
        for (i, (fr, en)) in topics.iter().enumerate() {
            m.add(
                "d",
                i,
                &[
                    (Lang::Fr, &format!("{fr} selon la {name}.")),
                    (Lang::En, &format!("{en} by the World Bank.")),
                ],
            );
        }
        let mined = finish_all(m, None);
        let c = french(&mined, "banque mondiale");
        assert_eq!(c.equivalents["en"][0].text, "World Bank");
        c.score
    };
    assert!(score("Banque mondiale") > score("banque mondiale"));
}

#[test]
fn tmx_srclang_is_the_pivot_without_french() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.tmx");
    let mut body = String::new();
    for _ in 0..3 {
        body.push_str(
            "<tu><tuv xml:lang=\"en\"><seg>The wind turbine.</seg></tuv>\
             <tuv xml:lang=\"ar\"><seg>توربين الرياح.</seg></tuv></tu>",
        );
    }
    std::fs::write(
        &p,
        format!("<tmx version=\"1.4\"><header srclang=\"ar\"/><body>{body}</body></tmx>"),
    )
    .unwrap();
    let mined = mine_tmx(&[p], &Options::default(), None).unwrap();
    assert_eq!(mined.pivot, Some(Lang::Ar));
    assert_eq!(
        mined.candidates.first().map(|c| c.lang.clone()),
        Some(Lang::Ar)
    );
}

#[test]
fn a_long_form_counts_its_acronym_and_takes_a_long_form_for_equivalent() {
    let mut m = Miner::new(true);
    let topics = [
        ("Le PNUD étudie la pauvreté.", "UNDP studies poverty."),
        (
            "Selon le PNUD, la santé progresse.",
            "According to UNDP, health improves.",
        ),
        (
            "L'énergie coûte cher, dit le PNUD.",
            "Energy is costly, says UNDP.",
        ),
        ("Le PNUD aide l'agriculture.", "UNDP helps agriculture."),
        ("La dette inquiète le PNUD.", "Debt worries UNDP."),
        ("Le commerce intéresse le PNUD.", "Trade interests UNDP."),
    ];
    m.add(
        "d",
        0,
        &[
            (
                Lang::Fr,
                "Le Programme des Nations Unies pour le développement (PNUD) publie son rapport.",
            ),
            (
                Lang::En,
                "The United Nations Development Programme (UNDP) publishes its report.",
            ),
        ],
    );
    for (i, (fr, en)) in topics.iter().enumerate() {
        m.add("d", i + 1, &[(Lang::Fr, fr), (Lang::En, en)]);
    }
    let mined = finish_all(m, None);
    let find = |t: &str| french(&mined, t);
    let long = find("Programme des Nations Unies pour le développement");
    // Its acronym's six other units are its mentions too: an equivalent, and the long one.
    assert_eq!(
        long.equivalents["en"][0].text,
        "United Nations Development Programme"
    );
    assert!(long.equivalents["en"].iter().all(|e| e.text != "UNDP"));
    assert_eq!(find("PNUD").equivalents["en"][0].text, "UNDP");
}

#[test]
fn a_verb_translated_consistently_gains_nothing_a_noun_does() {
    let topics = [
        ("la pauvreté", "poverty"),
        ("la santé", "health"),
        ("l'énergie", "energy"),
        ("l'agriculture", "agriculture"),
        ("la dette", "debt"),
        ("le commerce", "trade"),
        ("l'emploi", "employment"),
        ("le climat", "climate"),
        ("la migration", "migration"),
        ("la corruption", "corruption"),
        ("la famine", "famine"),
        ("la sécheresse", "drought"),
    ];
    let score = |word: &str, translated: bool| {
        let mut m = Miner::new(true);
        for (i, (fr, en)) in topics.iter().enumerate() {
            let fr = format!("Le Conseil, rappelant sa résolution sur {fr}, agit.");
            let en = format!("The Council, recalling its resolution on {en}, acts.");
            if translated {
                m.add("d", i, &[(Lang::Fr, &fr), (Lang::En, &en)]);
            } else {
                m.add("d", i, &[(Lang::Fr, &fr)]);
            }
        }
        french(&finish_all(m, None), word).termhood.score
    };
    assert_eq!(score("rappelant", true), score("rappelant", false));
    assert!(score("résolution", true) > score("résolution", false));
}

#[test]
fn a_glossary_term_in_the_text_is_listed_whatever_its_score() {
    use crate::termbase::{Concept, Term};
    let mut counter = Counter::new(Lang::Fr, false);
    counter.add(
        "Une culture de la cybersécurité et l'état de droit.",
        0,
        0,
        "d",
        0,
    );
    let g = Termbase {
        concepts: vec![Concept {
            id: "c".into(),
            terms: vec![
                Term::new(Lang::Fr, "Culture de la cybersécurité"),
                Term::new(Lang::En, "culture of cybersecurity"),
                Term::new(Lang::Fr, "absent du texte"),
            ],
            ..Concept::default()
        }],
    };
    let curated = curated_entries(&counter, &g);
    assert_eq!(curated.len(), 1, "one French term is in the text");
    let id = curated[0];
    assert_eq!(
        counter.entries[id as usize].key,
        "culture de la cybersecurite"
    );
    // Every entry under the cut: only the glossary's is proposed, and only without --limit.
    let mut th = termhood::score(&counter);
    for t in &mut th {
        t.score = -100.0;
    }
    assert_eq!(
        select(&counter, &th, &Options::default(), &curated),
        vec![id]
    );
    assert!(select(&counter, &th, &Options::default(), &[]).is_empty());
    let limited = Options {
        limit: Some(1),
        ..Options::default()
    };
    assert_eq!(select(&counter, &th, &limited, &curated).len(), 1);
}

#[test]
fn an_arabic_modifier_is_no_equivalent_of_a_noun_phrase() {
    // `PNUD` in four units; the Arabic names the programme two ways, and `الإنمائي` (the
    // adjective, after a definite noun every time) is in all four: the best association
    // until it pays for standing as a modifier where `PNUD` never does. `برنامج` stands in
    // other units too (`برنامج العمل`, the programme of action).
    let units = [
        ("Un rapport sur le PNUD.", "تقرير عن البرنامج الإنمائي."),
        ("Une lettre du PNUD.", "رسالة من البرنامج الإنمائي."),
        (
            "Un avis sur le PNUD.",
            "بيان عن برنامج الأمم المتحدة الإنمائي.",
        ),
        ("Une note du PNUD.", "مذكرة من برنامج الأمم المتحدة الإنمائي."),
        ("Le programme d'action.", "برنامج العمل."),
        ("Au programme d'action.", "في برنامج العمل."),
        ("Le programme d'action.", "برنامج العمل."),
        ("Du programme d'action.", "من برنامج العمل."),
    ];
    let mut m = Miner::new(true);
    for (i, (fr, ar)) in units.iter().enumerate() {
        m.add("d", i, &[(Lang::Fr, fr), (Lang::Ar, ar)]);
    }
    let mined = finish_all(m, None);
    let pnud = french(&mined, "PNUD");
    let ar = &pnud.equivalents["ar"];
    assert!(
        ["البرنامج الإنمائي", "برنامج الأمم المتحدة الإنمائي"].contains(&ar[0].text.as_str()),
        "{ar:?}"
    );
    assert!(
        ar.iter().any(|e| e.text == "الإنمائي"),
        "still listed, lower: {ar:?}"
    );
}

#[test]
fn beside_a_curated_equivalent_another_is_measured_where_the_curated_is_not() {
    use crate::termbase::{Concept, Term};
    let g = Termbase {
        concepts: vec![Concept {
            id: "cybercrime".into(),
            terms: vec![
                Term::new(Lang::Fr, "cybercriminalité"),
                Term::new(Lang::En, "cybercrime"),
            ],
            ..Concept::default()
        }],
    };
    let units = [
        (
            "La cybercriminalité menace les banques.",
            "Cybercrime threatens banks.",
        ),
        (
            "La cybercriminalité vise les banques.",
            "Cybercrime targets banks.",
        ),
        (
            "La cybercriminalité ruine les banques.",
            "Cybercrime ruins banks.",
        ),
        (
            "La cybercriminalité coûte cher.",
            "Computer crime is costly.",
        ),
        (
            "La cybercriminalité progresse vite.",
            "Computer crime grows fast.",
        ),
    ];
    let mut m = Miner::new(true);
    for (i, (fr, en)) in units.iter().enumerate() {
        m.add("d", i, &[(Lang::Fr, fr), (Lang::En, en)]);
    }
    let mined = finish_all(m, Some(&g));
    let c = french(&mined, "cybercriminalité");
    let en: Vec<&str> = c.equivalents["en"]
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(en[0].to_lowercase(), "cybercrime", "{en:?}");
    // `banks` keeps the term company where `cybercrime` renders it; `computer crime` renders
    // it where `cybercrime` does not.
    assert!(
        en.iter().any(|e| e.eq_ignore_ascii_case("computer crime")),
        "{en:?}"
    );
    assert!(
        !en.iter().any(|e| e.eq_ignore_ascii_case("banks")),
        "{en:?}"
    );
}

#[test]
fn a_latin_word_in_arabic_text_is_no_name_an_adjective_after_its_noun_no_term() {
    let scores = |units: &[&str], words: &[&str]| -> Vec<f64> {
        let mut c = Counter::new(Lang::Ar, false);
        for (i, u) in units.iter().enumerate() {
            c.add(u, 0, i as u32, "d", i);
        }
        let th = termhood::score(&c);
        words
            .iter()
            .map(|w| {
                let k = super::tokens::variant_key(w, &Lang::Ar);
                th[c.ids[&k] as usize].score
            })
            .collect()
    };
    // Latin words alike but for their capitals: the same score (a capital says nothing in
    // Arabic text, an acronym in Latin letters is an English name's).
    let s = scores(
        &[
            "أطلقت مبادرة Fairness ومبادرة welfare ومبادرة IGF.",
            "دعمت مبادرة Fairness ومبادرة welfare ومبادرة IGF.",
        ],
        &["Fairness", "welfare", "IGF"],
    );
    assert!(
        (s[0] - s[1]).abs() < 1e-9 && (s[2] - s[1]).abs() < 1e-9,
        "{s:?}"
    );
    // The same adjective after a definite noun (agreeing with it) and after a bare one.
    let after_definite = scores(
        &["دعم البرنامج الإنمائي.", "عمل البرنامج الإنمائي."],
        &["الإنمائي"],
    );
    let after_bare = scores(
        &["دعم برنامج الإنمائي.", "عمل برنامج الإنمائي."],
        &["الإنمائي"],
    );
    assert!(
        after_definite[0] < after_bare[0] - 1.5,
        "{after_definite:?} {after_bare:?}"
    );
}

#[test]
fn words_only_the_other_language_knows_are_foreign() {
    let mut c = Counter::new(Lang::Fr, false);
    c.add(
        "Le guide Corporate Practices Manual traite de la corruption transnationale.",
        0,
        0,
        "d",
        0,
    );
    let mut classes = termhood::Classes::default();
    let th = termhood::score(&c);
    let at = termhood::FEATURES
        .iter()
        .position(|f| *f == "foreign_share")
        .unwrap();
    let mut share = |form: &str| {
        let id = (c.entries.iter())
            .position(|e| e.forms.iter().any(|(f, _)| f == form))
            .expect("counted");
        termhood::features(&c, &c.entries[id], &th[id], &mut classes)[at]
    };
    // `practices`, `manual`: common English words the French list does not hold; French web
    // text writes `corporate` often enough for its list to hold it.
    assert!((share("Corporate Practices Manual") - 2.0 / 3.0).abs() < 1e-12);
    // `corruption` is an English word too, but a French one first.
    assert_eq!(share("corruption transnationale"), 0.0);
}

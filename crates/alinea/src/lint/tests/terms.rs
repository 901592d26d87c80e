//! Unit tests of the term rules: forms, names, acronyms, stems and the counts that tell a
//! replaced term.
use super::*;

#[test]
fn acronyms_expanded_inside_longer_terms_and_common_nouns() {
    let d = doc(&[
        (
            "La 132e Assemblée",
            "The 132nd Assembly of the Inter-Parliamentary Union,",
        ),
        ("y", "Urges the IPU to act and an ad hoc committee to meet;"),
        ("z", "the Ad Hoc Committee met."),
    ]);
    let out = lint(&[d], &tb2(), &Config::default());
    let told: Vec<(&str, usize)> = out
        .iter()
        .map(|d| (d.code, d.location.as_ref().unwrap().line))
        .collect();
    // IPU is expanded inside the Assembly's name; "an ad hoc committee" is a common noun;
    // the Ad Hoc Committee is used without its expansion.
    assert_eq!(told, [("acronym/undefined", 5)]);
}

#[test]
fn short_forms_named_by_the_source_or_with_a_qualifier_inside_the_full_form() {
    let mut ar = doc(&[
        ("Ce comité spécial se réunit.", "تجتمع هذه اللجنة المخصصة."),
        ("Le Comité spécial se réunit.", "تجتمع اللجنة المخصصة."),
    ]);
    ar.lang = Lang::Ar;
    let out = lint(&[ar], &tb2(), &Config::default());
    let told: Vec<(&str, usize)> = out
        .iter()
        .map(|d| (d.code, d.location.as_ref().unwrap().line))
        .collect();
    // Arabic has no capitals: the source tells the name (line 3) from the common noun.
    assert_eq!(told, [("acronym/undefined", 3)]);

    let en = doc(&[
        (
            "x",
            "The Ad Hoc Committee of the United Nations on Cybercrime met.",
        ),
        ("y", "The Ad Hoc Committee met again."),
    ]);
    let out = lint(&[en], &tb2(), &Config::default());
    assert!(out.is_empty(), "{out:?}");
    let en = doc(&[(
        "x",
        "The Ad Hoc Committee of the many United Nations bodies on Cybercrime met.",
    )]);
    let out = lint(&[en], &tb2(), &Config::default());
    assert_eq!(codes(&out), ["acronym/undefined"]);
}

#[test]
fn a_lower_case_short_form_in_the_source_names_its_concept_after_the_full_form() {
    let d = doc(&[
        (
            "Dans le programme d'action plus large.",
            "In the broader agenda.",
        ),
        (
            "Le programme d'action des Nations Unies.",
            "The United Nations programme of action.",
        ),
        ("Ce programme d'action.", "This agenda."),
    ]);
    let out = lint(&[d], &tb2(), &Config::default());
    let told: Vec<(&str, usize)> = out
        .iter()
        .map(|d| (d.code, d.location.as_ref().unwrap().line))
        .collect();
    assert_eq!(told, [("term/missing-equivalent", 5)]);
}

#[test]
fn terms_spelt_alike_and_arabic_proclitics() {
    let d = doc(&[(
        "La Convention contre la corruption.",
        "The Convention against crime.",
    )]);
    let out = lint(&[d], &tb2(), &Config::default());
    assert_eq!(codes(&out), ["term/missing-equivalent"]);
    let mut ar = doc(&[
        (
            "Le droit international des droits de l'homme.",
            "القانون الدولي لحقوق الإنسان.",
        ),
        ("Les droits de l'homme.", "القانون الدولي."),
    ]);
    ar.lang = Lang::Ar;
    let out = lint(&[ar], &tb2(), &Config::default());
    assert_eq!(codes(&out), ["term/missing-equivalent"]);
    assert_eq!(out[0].location.as_ref().unwrap().line, 3);
}

#[test]
fn a_name_rendered_by_its_own_form_throughout_the_document_is_not_told() {
    let own = [
        (
            "La Coalition contre la corruption a siégé.",
            "The Clean Hands Coalition met.",
        ),
        (
            "La Coalition contre la corruption a conclu.",
            "The Clean Hands Coalition concluded.",
        ),
        (
            "La Coalition contre la corruption recommande.",
            "The Clean Hands Coalition recommends.",
        ),
    ];
    let out = lint(&[doc(&own)], &tb2(), &Config::default());
    assert!(codes(&out).is_empty(), "{:?}", codes(&out));
    // Met twice only: told, as a term left out of a name twice may be an error.
    let out = lint(&[doc(&own[..2])], &tb2(), &Config::default());
    assert_eq!(
        codes(&out),
        ["term/missing-equivalent", "term/missing-equivalent"]
    );
    // Rendered with the equivalent elsewhere: the other renderings are told.
    let mut mixed = own.to_vec();
    mixed.push((
        "La Coalition contre la corruption.",
        "The Coalition against Corruption.",
    ));
    let out = lint(&[doc(&mixed)], &tb2(), &Config::default());
    assert_eq!(codes(&out).len(), 3);
    // A term of another concept in the name's place is told even so.
    let mut stray = own.to_vec();
    stray[1].1 = "The Coalition against Human Rights concluded.";
    let mut tb = tb2();
    tb.concepts
        .iter_mut()
        .find(|c| c.id == "human-rights" || c.terms.iter().any(|t| t.text == "droits de l'homme"))
        .unwrap()
        .terms
        .push(crate::termbase::Term::new(Lang::En, "human rights"));
    let out = lint(&[doc(&stray)], &tb, &Config::default());
    assert_eq!(codes(&out), ["term/missing-equivalent"]);
    assert_eq!(out[0].location.as_ref().unwrap().line, 3);
}

/// The lines of the `term/missing-equivalent` findings of `d` against `tb`, in order.
fn missing_lines(d: Doc, tb: &Termbase) -> Vec<usize> {
    lint(&[d], tb, &Config::default())
        .iter()
        .filter(|d| d.code == "term/missing-equivalent")
        .map(|d| d.location.as_ref().unwrap().line)
        .collect()
}

/// A one-word term inside a narrower term of the source (« éducation sexuelle ») that the
/// translation renders by a form of its own throughout the document is not told; rendered
/// with the equivalent once, or met twice only, it is.
#[test]
fn a_narrower_term_rendered_by_its_own_form_throughout_the_document_is_not_told() {
    let tb = one_concept(
        "education",
        &[(Lang::Fr, "éducation"), (Lang::En, "education")],
    );
    let own = [
        (
            "Des programmes d'éducation sexuelle sont offerts.",
            "Sexuality programmes are offered.",
        ),
        (
            "Une éducation sexuelle complète est dispensée.",
            "Comprehensive sexuality teaching is given.",
        ),
        (
            "L'éducation sexuelle commence tôt.",
            "Sexuality teaching starts early.",
        ),
    ];
    let missing = |d: Doc| missing_lines(d, &tb).len();
    assert_eq!(missing(doc(&own)), 0);
    assert_eq!(missing(doc(&own[..2])), 2);
    let mut mixed = own.to_vec();
    mixed.push(("L'éducation sexuelle aussi.", "Sex education too."));
    assert_eq!(missing(doc(&mixed)), 3);
    // The term alone is told as before.
    let mut plain = own.to_vec();
    plain.push(("Le droit à l'éducation.", "The right to schooling."));
    assert_eq!(missing(doc(&plain)), 1);
}

/// The source names a one-word term twice, once inside a narrower term: the translation's
/// single weak form (an Arabic relative adjective) is enough when the narrower term has a
/// rendering of its own throughout the document, and told when the document does not show one.
#[test]
fn a_weak_form_is_enough_beside_a_narrower_term_the_document_renders_its_own_way() {
    let tb = one_concept(
        "education",
        &[(Lang::Fr, "éducation"), (Lang::Ar, "التعليم")],
    );
    let own = [
        (
            "Des programmes d'éducation sexuelle sont offerts.",
            "تقدم برامج التوعية الجنسية.",
        ),
        (
            "Une éducation sexuelle complète est dispensée.",
            "تقدم التوعية الجنسية الشاملة.",
        ),
    ];
    let both = (
        "Les objectifs en matière d'éducation et l'éducation sexuelle à l'école.",
        "أهداف التحصيل التعليمي والتوعية الجنسية في المدرسة.",
    );
    let missing = |pairs: &[(&str, &str)]| {
        let mut d = doc(pairs);
        d.lang = Lang::Ar;
        missing_lines(d, &tb)
    };
    // The narrower term met three times without the equivalent: none told.
    let mut all = own.to_vec();
    all.push(both);
    assert_eq!(missing(&all), Vec::<usize>::new());
    // Met twice only: the document does not show its own rendering, all three told.
    assert_eq!(missing(&[own[0], both]), [1, 3]);
    // Another phrase met once (« éducation bilingue »): the relative adjective alone does not
    // stand for two mentions.
    let mut other = own.to_vec();
    other.push((
        "L'éducation dans la langue maternelle et l'éducation bilingue réussissent.",
        "يؤدي ذلك إلى تحصيل تعليمي ناجح.",
    ));
    assert_eq!(missing(&other), [1, 3, 5]);
}

#[test]
fn a_copy_of_the_source_is_told_unless_it_reads_as_the_target_language_too() {
    let d = doc(&[
        ("INTRODUCTION", "INTRODUCTION"),
        ("Participation", "Participation"),
        (
            "Conclusions et recommandations",
            "Conclusions et recommandations",
        ),
        (
            "Point 107 de l'ordre du jour",
            "Point 107 de l'ordre du jour",
        ),
        ("Article premier", "Article premier"),
        ("Article 5 Confiscation", "Article 5 Confiscation"),
        ("M. ALLIOT-MARIE", "M. ALLIOT-MARIE"),
        ("J.R.V.A. DIJSSELBLOEM", "J.R.V.A. DIJSSELBLOEM"),
        (
            "RAPPORT DU SECRÉTAIRE GÉNÉRAL",
            "RAPPORT DU SECRÉTAIRE GÉNÉRAL",
        ),
    ]);
    let out = lint(&[d], &tb(), &Config::default());
    let lines: Vec<usize> = out
        .iter()
        .filter(|d| d.code == "structure/untranslated")
        .map(|d| d.location.as_ref().unwrap().line)
        .collect();
    // A heading, a name signed, the same words in both: not told; French text copied: told.
    assert_eq!(lines, [5, 7, 9, 17]);
}

#[test]
fn another_word_of_the_same_stem_is_not_the_term() {
    let tb = one_concept(
        "vulnerability",
        &[(Lang::Fr, "vulnérabilité"), (Lang::En, "vulnerability")],
    );
    let d = doc(&[
        (
            "Les personnes vulnérables sont protégées.",
            "Vulnerable people are protected.",
        ),
        ("Les vulnérabilités sont signalées.", "Flaws are reported."),
        (
            "Les systèmes vulnérables et leur vulnérabilité.",
            "Weak systems and their weakness.",
        ),
    ]);
    let out = lint(&[d], &tb, &Config::default());
    let lines: Vec<usize> = out
        .iter()
        .filter(|d| d.code == "term/missing-equivalent")
        .map(|d| d.location.as_ref().unwrap().line)
        .collect();
    assert_eq!(lines, [3, 5]);
}

/// A term the source names twice or more, which the translation renders fewer times while a
/// term of a concept the source does not name stands in it, was replaced there: told, though
/// another mention of it is rendered (by a compound, or apart).
#[test]
fn a_term_named_twice_and_rendered_once_beside_a_stray_term_is_told() {
    let c = |id: &str, terms: Vec<Term>| Concept {
        id: id.into(),
        terms,
        ..Concept::default()
    };
    let tb = Termbase {
        concepts: vec![
            c(
                "international-law",
                vec![
                    preferred(Lang::Fr, "droit international"),
                    preferred(Lang::En, "international law"),
                ],
            ),
            c(
                "trafficking",
                vec![
                    preferred(Lang::Fr, "traite des personnes"),
                    preferred(Lang::En, "trafficking in persons"),
                ],
            ),
        ],
    };
    let twice =
        "dans le respect du droit international, notamment du droit international humanitaire";
    let d = doc(&[
        (
            twice,
            "in compliance with trafficking in persons, including international humanitarian law",
        ),
        (
            twice,
            "in compliance with international law, including humanitarian law",
        ),
        (
            "dans le respect du droit international",
            "in compliance with international law and trafficking in persons",
        ),
    ]);
    let out = lint(&[d], &tb, &Config::default());
    let told: Vec<(usize, &str)> = out
        .iter()
        .filter(|d| d.code == "term/missing-equivalent")
        .map(|d| (d.location.as_ref().unwrap().line, d.message.as_str()))
        .collect();
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0].0, 1);
    assert!(told[0].1.contains("2 times"), "{}", told[0].1);
    assert!(
        told[0].1.contains("trafficking in persons"),
        "{}",
        told[0].1
    );
}

#[test]
fn a_name_by_its_head_alone_is_not_its_rendering_beside_a_stray_term() {
    let src = "appliquer la résolution 1325 (2000) du Conseil de sécurité et les autres résolutions de cet organe";
    let told = |target: &str| {
        let out = lint(&[doc(&[(src, target)])], &tb(), &Config::default());
        codes(&out).contains(&"term/missing-equivalent")
    };
    // The head alone, once more than the source has it so, renders the name…
    assert!(!told(
        "implement resolution 1325 (2000) and the Council's other resolutions"
    ));
    // …but not beside a term of a concept the source does not name: maybe put in its place.
    assert!(told(
        "implement resolution 1325 (2000) and the Council's other resolutions on cybercrime"
    ));
    assert!(told(
        "implement resolution 1325 (2000) and its other resolutions"
    ));
}

#[cfg(feature = "lexicon")]
#[test]
fn a_form_of_the_term_inside_the_rendering_of_another_source_word_is_not_the_term() {
    let tb = one_concept(
        "nuclear-weapons",
        &[(Lang::Fr, "armes nucléaires"), (Lang::Ar, "الأسلحة النووية")],
    );
    let src = "en vue de parvenir au désarmement nucléaire et à l'élimination totale des armes nucléaires";
    let told = |target: &str| {
        let mut d = doc(&[(src, target)]);
        d.lang = Lang::Ar;
        codes(&lint(&[d], &tb, &Config::default())).contains(&"term/missing-equivalent")
    };
    assert!(!told(
        "الرامية إلى نزع السلاح النووي والإزالة التامة للأسلحة النووية"
    ));
    // `نزع السلاح النووي` renders « désarmement nucléaire »: the term is missing.
    assert!(told("الرامية إلى نزع السلاح النووي والإزالة التامة"));
    // The singular standing alone renders the term.
    assert!(!told("الرامية إلى ذلك والإزالة التامة للسلاح النووي"));
}

#[test]
fn an_acronym_renders_the_spelt_out_term_only_where_the_source_has_none_of_its_own() {
    let tb = one_concept(
        "chemical-weapons",
        &[
            (Lang::Fr, "armes chimiques"),
            (Lang::En, "chemical weapons"),
        ],
    );
    let told = |src: &str, target: &str| {
        codes(&lint(&[doc(&[(src, target)])], &tb, &Config::default()))
            .contains(&"term/missing-equivalent")
    };
    // The translation's acronym ends with the term's initials: it may stand for the term…
    assert!(!told(
        "L'utilisation d'armes chimiques en Syrie.",
        "The use of CW in Syria."
    ));
    // …but not when the source has its own (`OIAC`): `OPCW` renders that one.
    assert!(told(
        "L'OIAC étudie l'utilisation d'armes chimiques en Syrie.",
        "The OPCW studies the use of in Syria."
    ));
    assert!(!told(
        "L'OIAC étudie l'utilisation d'armes chimiques en Syrie.",
        "The OPCW studies the use of chemical weapons in Syria."
    ));
    // The term's own acronym in the source (`AC`) is no other name's.
    assert!(!told(
        "L'utilisation d'armes chimiques (AC) en Syrie.",
        "The use of CW in Syria."
    ));
}

#[test]
fn a_verb_of_the_terms_stem_is_not_the_term_a_derived_adjective_may_be() {
    let tb = one_concept(
        "education",
        &[(Lang::Fr, "éducation"), (Lang::En, "education")],
    );
    let told = |src: &str, target: &str| {
        codes(&lint(&[doc(&[(src, target)])], &tb, &Config::default()))
            .contains(&"term/missing-equivalent")
    };
    // `educated` renders « éduquées »: « éducation » is missing.
    assert!(told(
        "Des filles éduquées et nourries, privées de nutrition et d'éducation.",
        "Girls educated and fed, deprived of nutrition."
    ));
    assert!(!told(
        "Des filles éduquées et nourries, privées de nutrition et d'éducation.",
        "Girls educated and fed, deprived of nutrition and education."
    ));
    assert!(!told(
        "Ces normes d'éducation moderne.",
        "These modern educational standards."
    ));
}

/// « maintien de la paix et de la sécurité » is the upkeep of peace and security, not
/// peacekeeping: the term whose complement the source coordinates with another is not looked
/// for in the translation; the term itself still is, coordinated with another term.
#[test]
fn a_term_whose_complement_is_coordinated_is_not_the_term() {
    let tb = one_concept(
        "peacekeeping",
        &[
            (Lang::Fr, "maintien de la paix"),
            (Lang::En, "peacekeeping"),
        ],
    );
    let d = doc(&[
        (
            "Elles contribuent au maintien de la paix et de la sécurité internationales.",
            "They contribute to the maintenance of international peace and security.",
        ),
        (
            "Elles contribuent au maintien de la paix et à la consolidation de la paix.",
            "They contribute to the maintenance of peace and to peacebuilding.",
        ),
    ]);
    let out = lint(&[d], &tb, &Config::default());
    let lines: Vec<usize> = out
        .iter()
        .filter(|d| d.code == "term/missing-equivalent")
        .map(|d| d.location.as_ref().unwrap().line)
        .collect();
    assert_eq!(lines, [3]);
}

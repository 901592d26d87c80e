//! Tests of candidate counting: patterns, variants, names, passages in another language.

use super::*;

#[test]
fn french_patterns_and_variants() {
    let mut c = Counter::new(Lang::Fr, true);
    c.add(
        "Le Conseil de sécurité a adopté la résolution.",
        0,
        0,
        "a",
        0,
    );
    c.add("Les conseils de sécurité et la résolution.", 0, 1, "a", 1);
    let e = c.get("conseil de securite").expect("counted");
    assert_eq!(e.freq, 2);
    assert_eq!(e.units.iter().collect::<Vec<_>>(), vec![0, 1]);
    assert_eq!(e.words, vec!["conseil", "securite"]);
    assert_eq!(e.forms.len(), 2);
    assert!(c.get("le conseil").is_none(), "no function word at an edge");
    assert!(c.get("securite a adopte").is_none(), "no `a` inside");
}

#[test]
fn a_passage_in_another_language_is_not_counted() {
    let mut en = Counter::new(Lang::En, false);
    en.add(
        "Anahtar sözcükler: yatay eksenli rüzgar türbin palaları.",
        0,
        0,
        "t",
        0,
    );
    assert!(
        en.get("turbin").is_none() && en.tokens == 0,
        "a Turkish abstract"
    );
    // A heading of names and codes is too short to tell; English text with a few
    // foreign words in it is English.
    en.add("Vejo Elektra UAB", 0, 1, "t", 1);
    assert!(en.get("vejo elektra uab").is_some());
    en.add(
        "The Rudaiciai wind park of Vejo Elektra near Kretinga.",
        0,
        2,
        "t",
        2,
    );
    assert!(en.get("wind park").is_some());
    let mut fr = Counter::new(Lang::Fr, false);
    fr.add(
        "Le rapport de l'Office sur la corruption transnationale.",
        0,
        0,
        "r",
        0,
    );
    assert!(fr.get("corruption transnationale").is_some());
    let mut ar = Counter::new(Lang::Ar, false);
    ar.add(
        "The Working Group on the Right to Development met.",
        0,
        0,
        "r",
        0,
    );
    assert!(ar.get("working group").is_none() && ar.tokens == 0);
    ar.add("اجتمع الفريق العامل المعني بالحق في التنمية.", 0, 1, "r", 1);
    assert!(ar.tokens > 0);
}

#[test]
fn names_coordinate_their_modifiers_only() {
    let mut fr = Counter::new(Lang::Fr, false);
    fr.add(
        "Le rapport du Conseil économique et social, transmis par Europol et Eurojust.",
        0,
        0,
        "d",
        0,
    );
    assert!(fr.get("conseil economique et social").is_some());
    assert!(fr.get("europol et eurojust").is_none(), "two names");
    let mut lower = Counter::new(Lang::Fr, false);
    lower.add("Le conseil économique et social.", 0, 0, "d", 0);
    assert!(
        lower.get("conseil economique et social").is_none(),
        "not a name"
    );
    let mut en = Counter::new(Lang::En, false);
    en.add(
        "The Economic and Social Council and the Department of Economic and Social \
         Affairs met the Council and Commission of Eastern Europe and Central Asia.",
        0,
        0,
        "d",
        0,
    );
    assert!(en.get("economic and social council").is_some());
    // A coordination counts as a linking word: with `of`, over English's one.
    assert!(en.get("department of economic and social affair").is_none());
    assert!(
        en.get("economic and social").is_none(),
        "the head is missing"
    );
    assert!(en.get("council and commission").is_none());
    assert!(en.get("eastern europe and central asia").is_none());
}

#[test]
fn english_names_link_on_for_and_against() {
    let mut en = Counter::new(Lang::En, false);
    en.add(
        "The report of the Commission on the Status of Women was sent to the Office for \
         Disarmament Affairs, which reported on the situation.",
        0,
        0,
        "d",
        0,
    );
    assert!(en.get("commission on the status of women").is_some());
    assert!(en.get("office for disarmament affair").is_some());
    en.add(
        "The International Covenant on Civil and Political Rights and the United Nations \
         Office on Drugs and Crime.",
        0,
        1,
        "d",
        1,
    );
    assert!(en
        .get("international covenant on civil and political right")
        .is_some());
    assert!(en.get("united nation office on drug and crime").is_some());
    // Lower case after the link, or no name before it: no name.
    assert!(en.get("report on the situation").is_none());
    assert!(en.get("affair which reported on").is_none());
    let mut lower = Counter::new(Lang::En, false);
    lower.add(
        "The violence against women and the commission on the status.",
        0,
        0,
        "d",
        0,
    );
    // `against` links any English term (`violence against women`, `crimes against
    // humanity`); `on` only a name's words.
    assert!(lower.get("violence against women").is_some());
    assert!(lower.get("commission on the status").is_none());
}

#[test]
fn written_as_respects_the_text() {
    let toks = &chunks("l'énergie du vent", &Lang::Fr)[0];
    assert!(written_as("l'énergie du vent", toks));
    assert!(!written_as("l' énergie du vent", toks));
    assert!(!written_as("l'énergie du", toks));
}

#[test]
fn english_of_and_names() {
    let mut c = Counter::new(Lang::En, false);
    c.add(
        "The Security Council met. The rotor of the turbine turns.",
        0,
        0,
        "d",
        0,
    );
    assert_eq!(c.get("security council").unwrap().capitalised, 1);
    assert!(
        c.get("rotor of the turbine").is_none(),
        "English links `of` alone"
    );
    c.add("The speed of rotation.", 0, 1, "d", 1);
    assert!(c.get("speed of rotation").is_some());
}

#[test]
fn acronym_definitions_link_both_ways() {
    let mut c = Counter::new(Lang::Fr, false);
    c.add(
        "Les technologies de l'information et des communications (TIC) changent.",
        0,
        0,
        "d",
        0,
    );
    assert_eq!(
        c.get("tic").unwrap().expansion.as_deref(),
        Some("technologies de l'information et des communications")
    );
}

#[test]
fn a_phrase_cut_short_is_no_candidate_the_whole_name_is() {
    let mut c = Counter::new(Lang::Fr, false);
    c.add(
        "Le Pacte international relatif aux droits civils et politiques et les autorités chargées de l'enquête.",
        0,
        0,
        "a",
        0,
    );
    let keys: Vec<&str> = c.entries.iter().map(|e| e.key.as_str()).collect();
    let multi = || keys.iter().filter(|k| k.contains(' '));
    assert!(multi().all(|k| !k.ends_with(" relatif")), "{keys:?}");
    assert!(multi().all(|k| !k.ends_with(" chargee")), "{keys:?}");
    assert!(keys.contains(&"autorite chargee de l' enquete"), "{keys:?}");
    assert!(keys.contains(&"pacte international"), "{keys:?}");
    assert!(
        keys.iter()
            .any(|k| k.starts_with("pacte international relatif aux droit")),
        "the word stands inside: {keys:?}"
    );
    assert!(
        c.get("relatif").is_some(),
        "a single word is counted as before"
    );
    let mut en = Counter::new(Lang::En, false);
    en.add("The provisions relating to corruption.", 0, 0, "a", 0);
    assert!(en.get("provision relating").is_none());
    assert!(en.get("provision").is_some());
}

#[test]
fn modifiers_stand_where_their_language_puts_them() {
    let mut fr = Counter::new(Lang::Fr, false);
    fr.add(
        "Le droit international humanitaire s'applique.",
        0,
        0,
        "d",
        0,
    );
    assert_eq!(fr.get("humanitaire").map(|e| e.modifier), Some(1));
    assert_eq!(
        fr.get("droit international humanitaire")
            .map(|e| e.modifier),
        Some(0)
    );
    let mut en = Counter::new(Lang::En, false);
    en.add("It is humanitarian law.", 0, 0, "d", 0);
    assert_eq!(en.get("humanitarian").map(|e| e.modifier), Some(1));
    assert_eq!(en.get("humanitarian law").map(|e| e.modifier), Some(0));
    let mut ar = Counter::new(Lang::Ar, false);
    // After a definite noun, an adjective agreeing with it; after a bare noun, the second
    // term of a construct; after a proclitic, a coordination.
    ar.add("يدرس البرنامج الإنمائي الفقر", 0, 0, "d", 0);
    ar.add("برنامج الأمم المتحدة", 0, 1, "d", 1);
    ar.add("المجلس الاقتصادي والاجتماعي", 0, 2, "d", 2);
    let modifier = |w: &str| {
        let k = crate::mine::tokens::variant_key(w, &Lang::Ar);
        ar.get(&k).map(|e| e.modifier)
    };
    assert_eq!(modifier("الإنمائي"), Some(1));
    assert_eq!(modifier("الأمم"), Some(0));
    assert_eq!(modifier("المتحدة"), Some(1));
    assert_eq!(modifier("والاجتماعي"), Some(0));
}

#[test]
fn what_follows_a_candidate_is_counted() {
    let mut c = Counter::new(Lang::Fr, false);
    c.add(
        "Le Haut-Commissaire des Nations Unies a parlé au Haut-Commissaire.",
        0,
        0,
        "a",
        0,
    );
    c.add(
        "Le Haut-Commissaire, puis le Haut-Commissaire aux droits.",
        0,
        1,
        "a",
        1,
    );
    let by_form = |form: &str| {
        c.entries
            .iter()
            .find(|e| e.forms.iter().any(|(f, _)| f == form))
            .expect("counted")
    };
    let e = by_form("Haut-Commissaire");
    assert_eq!(e.freq, 4);
    // Before `des` and `aux` (linking words), before `.` and `,` (the end of a run of words).
    assert_eq!((e.before_link, e.before_edge), (2, 2));
    let e = by_form("Haut-Commissaire des Nations Unies");
    // Before `a`, a word that links nothing.
    assert_eq!((e.freq, e.before_link, e.before_edge), (1, 0, 0));
}

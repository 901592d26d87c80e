use super::*;

#[test]
fn heads_count_second_mentions_only() {
    let en = "the General Assembly asked the Assembly and the assembly";
    assert_eq!(head_mentions("General Assembly", &Lang::En, en), 1);
    let fr = "l'Assemblée générale et l'Assemblée, les États";
    assert_eq!(head_mentions("Assemblée générale", &Lang::Fr, fr), 1);
    // After a contracted article too (de + le, à + le).
    let fr = "le rapporteur du Conseil des droits de l'homme et du Conseil, au Conseil";
    assert_eq!(
        head_mentions("Conseil des droits de l'homme", &Lang::Fr, fr),
        2
    );
    // A one-word name has no head.
    assert_eq!(head_mentions("Assembly", &Lang::En, "the Assembly"), 0);
}

#[test]
fn arabic_heads_are_definite_and_alone() {
    let name = "الجمعية العامة";
    // The full name is not its head; a glued conjunction or preposition is taken off;
    // the indefinite word is another assembly.
    assert_eq!(head_mentions(name, &Lang::Ar, "الجمعية العامة و"), 0);
    assert_eq!(head_mentions(name, &Lang::Ar, "لطلبات الجمعية المتكررة"), 1);
    assert_eq!(head_mentions(name, &Lang::Ar, "وللجمعية وبالجمعية"), 2);
    assert_eq!(head_mentions(name, &Lang::Ar, "جمعية خيرية"), 0);
    // An indefinite name's head made definite.
    assert_eq!(head_mentions("فريق عامل", &Lang::Ar, "لم يتلق الفريق"), 1);
}

#[test]
fn heads_stand_where_the_source_names_the_concept() {
    let text = "وتوصي اللجنة بأن تطلب إلى الأمين العام أن يدمج الاستراتيجيات وأن يوافي الجمعية بآخر المعلومات";
    assert!(head_near("الجمعية العامة", &Lang::Ar, text, 0.8));
    assert!(!head_near("الجمعية العامة", &Lang::Ar, text, 0.1));
    assert!(!head_near("الجمعية", &Lang::Ar, text, 0.8));
    // In English too: the Council of the second clause is not where the source names
    // the Security Council.
    let en = "which was established by the Assembly in 1974 and extended by the Council in 2014";
    assert!(head_near("Security Council", &Lang::En, en, 0.8));
    assert!(!head_near("Security Council", &Lang::En, en, 0.3));
}

#[test]
fn head_words_count_every_head_in_any_case() {
    let fr = "les États membres et les petits États insulaires, des états";
    assert_eq!(head_words("États membres", &Lang::Fr, fr), 2);
    assert_eq!(head_mentions("États membres", &Lang::Fr, fr), 0);
    assert_eq!(head_words("General Assembly", &Lang::En, "an assembly"), 1);
}

#[test]
fn acronyms_ending_with_the_initials() {
    assert!(by_acronym(
        "Sustainable Development Goals",
        &Lang::En,
        "the SDGs and",
        &[]
    ));
    assert!(by_acronym("working group", &Lang::En, "the OWG met", &[]));
    assert!(by_acronym(
        "General Assembly",
        &Lang::En,
        "UNGA resolutions",
        &[]
    ));
    assert!(!by_acronym("Member States", &Lang::En, "MSMEs in", &[]));
    assert!(!by_acronym("working group", &Lang::En, "the WHO", &[]));
    assert!(!by_acronym("education", &Lang::En, "the E", &[]));
    assert!(!by_acronym("working group", &Lang::En, "the owg met", &[]));
    // The acronym of another concept's name, which stands before it in parentheses.
    let t = "World Health Organization (UNDP)";
    let undp = "United Nations Development Programme";
    assert!(by_acronym(undp, &Lang::En, "support from UNDP (2015)", &[]));
    assert!(!by_acronym(undp, &Lang::En, t, &[t.find(" (").unwrap()]));
    // Or another name spelt out before it: the name is wrong.
    let who = "World Health Organization";
    assert!(!by_acronym(
        who,
        &Lang::En,
        "by the World Organization (WHO)",
        &[]
    ));
    assert!(by_acronym(who, &Lang::En, "by the organization (WHO)", &[]));
    assert!(by_acronym(who, &Lang::En, "with UNICEF and the WHO", &[]));
}

#[test]
fn names_in_capitals_before_a_parenthesis() {
    fn name(t: &str) -> Option<&str> {
        name_before(t, &Lang::En)
    }
    assert_eq!(
        name("parties to the Treaty on the Non-Proliferation of Nuclear Weapons"),
        Some("Treaty on the Non-Proliferation of Nuclear Weapons")
    );
    assert_eq!(
        name("including by the World Organization"),
        Some("World Organization")
    );
    assert_eq!(
        name("in Geneva, World Organization"),
        Some("World Organization")
    );
    assert_eq!(name("in Geneva, Organization"), None);
    assert_eq!(name("the new organization"), None);
    assert_eq!(name("the World Organization, "), None);
}

#[test]
fn verbs_are_no_form_of_a_noun() {
    assert!(verbal_form("education", "educated", &Lang::En));
    assert!(verbal_form("education", "educating", &Lang::En));
    assert!(!verbal_form("education", "educational", &Lang::En));
    assert!(!verbal_form("training", "trainings", &Lang::En));
    assert!(verbal_form("éducation", "éduquées", &Lang::Fr));
    assert!(!verbal_form("éducation", "éducatif", &Lang::Fr));
    assert!(!verbal_form("armes chimiques", "armé", &Lang::Fr));
    assert!(!verbal_form("التعليم", "تعلم", &Lang::Ar));
}

#[test]
fn compounds_joined() {
    assert!(joined_in(
        "capacity-building",
        "technical assistance and capacitybuilding as"
    ));
    assert!(joined_in("capacity building", "Capacitybuilding."));
    assert!(!joined_in("capacity-building", "capacity-buildings"));
    assert!(!joined_in("education", "education"));
    let ngo = "non-governmental organizations";
    assert!(joined_in(
        ngo,
        "support for nongovernmental organizations in"
    ));
    assert!(!joined_in(ngo, "nongovernmental bodies"));
}

mod title_tests {
    use super::in_title;

    fn at(text: &str, word: &str) -> bool {
        let start = text.find(word).unwrap();
        in_title(text, &(start..start + word.len()))
    }

    #[test]
    fn titles_are_emphasis_or_quotation() {
        assert!(at(
            "resolution 55/63 entitled *Combating the misuse*, and",
            "misuse"
        ));
        assert!(at(
            "la résolution « Lutter contre l'exploitation » de",
            "exploitation"
        ));
        assert!(at("the “Combating misuse” resolution", "misuse"));
        assert!(!at("*Notes* on the misuse of *IT*", "misuse"));
        assert!(!at("« Lutte » contre l'exploitation", "exploitation"));
        assert!(!at("the misuse of it", "misuse"));
        assert!(!at("*Notes* on the misuse", "misuse"));
        assert!(at("56/121 entitled Combating the misuse of", "misuse"));
        assert!(at("المعنونان مكافحة إساءة استعمال", "إساءة"));
        assert!(!at(
            "entitled to a fair hearing on the question of misuse",
            "misuse"
        ));
    }
}

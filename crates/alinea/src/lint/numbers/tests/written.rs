//! Forms written otherwise in each language: dates in digits against dates that name their
//! month, symbols whose series acronym is reordered, a range against its numbers listed, the
//! round-the-clock idioms against a translation in words.

use super::*;

#[test]
fn dates_in_digits() {
    let fr = "signée le 21/11/1997, en vigueur le 15.2.1999 (JO L 136 du 31/5/1999)";
    let en = "signed on 21 November 1997, in force on 15 February 1999 (OJ L 136, 31.5.1999)";
    assert!(same(fr, Lang::Fr, en, Lang::En));
    // The day, the month and the year each still count.
    assert!(!same(
        "le 21/11/1997",
        Lang::Fr,
        "on 21 October 1997",
        Lang::En
    ));
    assert!(!same(
        "le 21/11/1997",
        Lang::Fr,
        "on 22 November 1997",
        Lang::En
    ));
    assert!(!same(
        "le 21/11/1997",
        Lang::Fr,
        "on 21 November 1998",
        Lang::En
    ));
    // Day and month that read either way pair with either reading; over 12, no doubt.
    assert!(same("le 01/07/2002", Lang::Fr, "on 1 July 2002", Lang::En));
    assert!(same(
        "le 01/07/2002",
        Lang::Fr,
        "on January 7, 2002",
        Lang::En
    ));
    assert!(!same(
        "le 01/07/2002",
        Lang::Fr,
        "on 1 August 2002",
        Lang::En
    ));
    assert!(same("11/21/1997", Lang::En, "21 novembre 1997", Lang::Fr));
    assert!(same("2005-04-14", Lang::En, "14 avril 2005", Lang::Fr));
    assert!(same("14.4.2005", Lang::En, "14 avril 2005", Lang::Fr));
    assert!(same("١٤/٤/٢٠٠٥", Lang::Ar, "14 avril 2005", Lang::Fr));
    let t = extract("le 21/11/1997", &Lang::Fr, GroupOrder::Logical);
    let kv: Vec<(Kind, &str)> = t.iter().map(|t| (t.kind, t.value.as_str())).collect();
    assert_eq!(
        kv,
        [
            (Kind::Number, "21"),
            (Kind::Month, "month:11"),
            (Kind::Number, "1997")
        ]
    );
    // Not dates: no four-digit year, glued to more digits or letters, a month over 12.
    assert!(
        extract("v1.2.2014 1.2.2014.5", &Lang::En, GroupOrder::Logical)
            .iter()
            .all(|t| t.kind != Kind::Month)
    );
    assert!(
        extract("21/13/1997 et 10.103", &Lang::Fr, GroupOrder::Logical)
            .iter()
            .all(|t| t.kind != Kind::Month)
    );
    assert!(
        extract("2014/15 et 6902/05", &Lang::Fr, GroupOrder::Logical)
            .iter()
            .all(|t| t.kind != Kind::Month)
    );
}

#[test]
fn symbols_with_a_reordered_series_acronym() {
    assert!(same(
        "décision BCE/2014/17",
        Lang::Fr,
        "Decision ECB/2014/17",
        Lang::En
    ));
    assert!(!same(
        "décision BCE/2014/17",
        Lang::Fr,
        "Decision ECB/2014/18",
        Lang::En
    ));
    assert!(!same(
        "document A/74/1",
        Lang::Fr,
        "document E/74/1",
        Lang::En
    ));
    assert!(!same("BCE/2014/17", Lang::Fr, "BCF/2014/17", Lang::En));
}

#[test]
fn a_range_given_by_its_bounds_and_its_numbers_listed() {
    assert!(same(
        "voir les articles 8, 9, 10 et 11",
        Lang::Fr,
        "see Articles 8 to 11",
        Lang::En
    ));
    assert!(same(
        "Articles 8-11",
        Lang::En,
        "articles 8, 9, 10 et 11",
        Lang::Fr
    ));
    // A number inside a range is not the range; a bound changed is told.
    assert!(!same("l'article 9", Lang::Fr, "Articles 8 to 11", Lang::En));
    assert!(!same(
        "articles 8, 9, 10 et 11",
        Lang::Fr,
        "Articles 8 to 12",
        Lang::En
    ));
    assert!(!same(
        "articles 8, 9 et 11",
        Lang::Fr,
        "Articles 8 to 11",
        Lang::En
    ));
}

#[test]
fn round_the_clock_said_in_words() {
    let fr = "la détection des incidents (24 heures sur 24 et 7 jours sur 7)";
    let ar = "كشف الحوادث (على مدار الساعة طوال أيام الأسبوع)";
    let en = "incident detection (24 hours a day, 7 days a week)";
    assert!(same(fr, Lang::Fr, ar, Lang::Ar));
    assert!(same(fr, Lang::Fr, en, Lang::En));
    assert!(same(en, Lang::En, ar, Lang::Ar));
    assert!(same(
        "un réseau 24h/24 et 7j/7",
        Lang::Fr,
        "a 24/7 network",
        Lang::En
    ));
    assert!(same(
        "a 24/7 network",
        Lang::En,
        "شبكة تعمل على مدار الساعة",
        Lang::Ar
    ));
    // Other hours and days are numbers; a changed idiom against digits is told.
    assert!(!same(
        "pendant 12 heures sur 24",
        Lang::Fr,
        "for 12 hours a day",
        Lang::Fr
    ));
    assert!(!same(
        "24 heures sur 24",
        Lang::Fr,
        "25 hours a day",
        Lang::En
    ));
    assert!(!same("24 heures", Lang::Fr, "على مدار الساعة", Lang::Ar));
}

#[test]
fn a_call_after_a_full_stop_and_a_count_of_one_said_by_the_singular() {
    // A footnote call glued to the full stop or comma after a word.
    assert!(same(
        "du concept d'abus de position dominante.",
        Lang::Fr,
        "the concept of abuse of a dominant position.2",
        Lang::En
    ));
    assert!(same("des États, et", Lang::Fr, "of States,3 and", Lang::En));
    // Not after an abbreviation, nor a decimal.
    assert!(!same("le no 3", Lang::Fr, "No.2", Lang::En));
    assert!(!same("de 0,5 %", Lang::Fr, "of 0.2%", Lang::En));
    // A count of one said by the singular: « 1 étudiant et 1 enfant », `وطالب وطفل`.
    let fr = "Parmi ces 8 cas, il y avait 6 marins, 1 étudiant et 1 enfant.";
    assert!(same(
        fr,
        Lang::Fr,
        "ويشكل البحارة 6 من الحالات الـ 8؛ أما الآخران فهما طالب وطفل.",
        Lang::Ar
    ));
    assert!(same(
        "6 marins et 1\u{a0}étudiant",
        Lang::Fr,
        "6 بحارة وطالب",
        Lang::Ar
    ));
    // Only when the translation has no number left over that could be that 1 changed, and
    // only a count before a noun.
    assert!(!same(
        fr,
        Lang::Fr,
        "ويشكل البحارة 6 من الحالات الـ 8؛ و7 طلاب وطفل.",
        Lang::Ar
    ));
    assert!(!same(
        "l'article 1 dispose",
        Lang::Fr,
        "the article provides",
        Lang::En
    ));
    assert!(!same(
        "il a eu 1 enfant",
        Lang::Fr,
        "he had a child",
        Lang::En
    ));
    assert!(!same("le 1 juin", Lang::Fr, "in June", Lang::En));
    // Not the other way: a 1 the translation writes where the source says three.
    assert!(!same(
        "créer trois postes",
        Lang::Fr,
        "إنشاء 1 وظائف",
        Lang::Ar
    ));
}

//! Unit tests of `lint::numbers` (`written`: forms each language writes its own way — dates in
//! digits, reordered acronyms, ranges, round-the-clock idioms; `special`: the forms read
//! specially — glued footnote calls,
//! lists, numbers in several words, duals, months without a number, Roman divisions).
use proptest::prelude::*;

use super::*;
use crate::Lang;

fn values(text: &str, lang: Lang) -> Vec<String> {
    extract(text, &lang, GroupOrder::Logical)
        .into_iter()
        .map(|t| t.value)
        .collect()
}

fn same(a: &str, la: Lang, b: &str, lb: Lang) -> bool {
    let (x, y) = (
        extract(a, &la, GroupOrder::Logical),
        extract(b, &lb, GroupOrder::Logical),
    );
    compare(&x, &y).is_empty()
}

#[test]
fn separators_per_language() {
    assert_eq!(
        values("47,7 % et 31 000 personnes", Lang::Fr),
        ["47.7", "31000"]
    );
    assert_eq!(
        values("47.7 per cent and 31,000 people", Lang::En),
        ["47.7", "31000"]
    );
    assert_eq!(values("31\u{202F}000 ; 1.500", Lang::Fr), ["31000", "1500"]);
    assert_eq!(
        values("٤٧٫٧ و٣١٬٠٠٠ و 31,000", Lang::Ar),
        ["47.7", "31000", "31000"]
    );
    assert_eq!(values("en 2019 12 pays", Lang::Fr), ["2019", "12"]);
    assert_eq!(values("1, 2 and 3.50", Lang::En), ["1", "2", "3.5"]);
}

#[test]
fn arabic_display_order_groups() {
    assert_eq!(values("مبلغ 000 31 دولار", Lang::Ar), ["31000"]);
    assert_eq!(
        extract("918 483", &Lang::Ar, GroupOrder::Reversed)[0].value,
        "483918"
    );
    assert_eq!(values("918 483", Lang::Ar), ["918483"]);
}

#[test]
fn symbols_urls_labels_and_dates() {
    let t = extract(
        "résolution A/RES/74/247 (voir E/2019/30 et https://undocs.org/A/74/1.), (a) le 10 décembre 1976",
        &Lang::Fr,
        GroupOrder::Logical,
    );
    let kv: Vec<(Kind, &str)> = t.iter().map(|t| (t.kind, t.value.as_str())).collect();
    let want = [
        (Kind::Word, "cite:resolution"),
        (Kind::Symbol, "A/RES/74/247"),
        (Kind::Symbol, "E/2019/30"),
        (Kind::Url, "undocs.org/a/74/1"),
        (Kind::Label, "label:a"),
        (Kind::Number, "10"),
        (Kind::Month, "month:12"),
        (Kind::Number, "1976"),
    ];
    assert_eq!(kv, want);
    let s = "résolution A/RES/74/247 (voir E/2019/30 et https://undocs.org/A/74/1.)";
    assert_eq!(&s[t[3].span.clone()], "https://undocs.org/A/74/1");
}

#[test]
fn equal_across_languages() {
    assert!(same(
        "le 10 décembre 1976, 47,7 %",
        Lang::Fr,
        "on 10 December 1976, 47.7 per cent",
        Lang::En
    ));
    assert!(same(
        "le 10 décembre 1976",
        Lang::Fr,
        "في ١٠ كانون الأول/ديسمبر ١٩٧٦",
        Lang::Ar
    ));
    assert!(same("(a) deux États", Lang::Fr, "(أ) 2 دولتان", Lang::Ar));
    assert!(same("31 000", Lang::Fr, "31,000", Lang::En));
    assert!(same(
        "They may go.",
        Lang::En,
        "Ils peuvent partir.",
        Lang::Fr
    ));
    assert!(!same(
        "le 10 décembre 1976",
        Lang::Fr,
        "on 10 November 1976",
        Lang::En
    ));
    assert!(!same("A/RES/74/247", Lang::Fr, "A/RES/74/246", Lang::En));
    assert!(!same("47,7 %", Lang::Fr, "47.1 per cent", Lang::En));
}

#[test]
fn mismatches_pair_changed_values() {
    let s = extract("12 États et 300 personnes", &Lang::Fr, GroupOrder::Logical);
    let t = extract(
        "12 States and 310 people and 5",
        &Lang::En,
        GroupOrder::Logical,
    );
    let m = compare(&s, &t);
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].source.as_ref().unwrap().value, "300");
    assert_eq!(m[0].target.as_ref().unwrap().value, "310");
    assert!(m[1].source.is_none());
    assert_eq!(m[1].target.as_ref().unwrap().value, "5");
}

proptest! {
    #[test]
    fn spans_are_on_boundaries_and_ordered(s in "[0-9 ,.٠-٩a-zA-Z/()éالأ\u{00A0}]{0,40}") {
        for lang in [Lang::Fr, Lang::En, Lang::Ar] {
            let mut last = 0;
            for t in extract(&s, &lang, GroupOrder::Logical) {
                prop_assert!(s.is_char_boundary(t.span.start) && s.is_char_boundary(t.span.end));
                prop_assert!(t.span.start >= last && t.span.start < t.span.end);
                last = t.span.end;
            }
        }
    }

    #[test]
    fn grouped_and_plain_numbers_are_equal(n in 1000u64..100_000_000) {
        let plain = n.to_string();
        let mut grouped = String::new();
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && (plain.len() - i) % 3 == 0 {
                grouped.push('\u{202F}');
            }
            grouped.push(c);
        }
        let en = grouped.replace('\u{202F}', ",");
        prop_assert_eq!(values(&grouped, Lang::Fr), vec![plain.clone()]);
        prop_assert_eq!(values(&en, Lang::En), vec![plain.clone()]);
        // An eight-digit run that is two years in order is read as a range whose hyphen was
        // lost (`20042005`); every other plain run is one number.
        let year = |y: &str| (1900..2100).contains(&y.parse::<u32>().unwrap());
        let expected = if plain.len() == 8 && year(&plain[..4]) && year(&plain[4..]) && plain[..4] < plain[4..] {
            vec![plain[..4].to_string(), plain[4..].to_string()]
        } else {
            vec![plain.clone()]
        };
        prop_assert_eq!(values(&plain, Lang::Ar), expected);
    }
}

#[test]
fn labels_and_times() {
    let t = extract("4. Le 3 mai", &Lang::Fr, GroupOrder::Logical);
    assert_eq!(t[0].kind, Kind::Label);
    assert!(same(
        "4. Le 17 février 2015, à 15 heures",
        Lang::Fr,
        "On 17 February 2015, at 3 p.m.",
        Lang::En
    ));
    assert!(same("à 10 h 15", Lang::Fr, "at 10.15 a.m.", Lang::En));
    // A label on one side only is not told; two different labels are.
    assert!(same("Texte 5.", Lang::Fr, "4. Text 5.", Lang::En));
    assert!(!same("3. Texte", Lang::Fr, "4. Text", Lang::En));
}

#[test]
fn arabic_two_word_months() {
    let t = extract("29 كانون الثاني/يناير 2015", &Lang::Ar, GroupOrder::Logical);
    let months: Vec<&str> = t
        .iter()
        .filter(|t| t.kind == Kind::Month)
        .map(|t| t.value.as_str())
        .collect();
    assert_eq!(months, ["month:1"]);
    assert!(same(
        "le 29 janvier 2015",
        Lang::Fr,
        "29 كانون الثاني/يناير 2015",
        Lang::Ar
    ));
    assert!(same(
        "13 novembre 2014",
        Lang::Fr,
        "13 تشرين الثاني/نوفمبر 2014",
        Lang::Ar
    ));
    assert!(same(
        "1er octobre",
        Lang::Fr,
        "1 تشرين الأول/أكتوبر",
        Lang::Ar
    ));
    assert!(!same(
        "29 décembre 2015",
        Lang::Fr,
        "29 كانون الثاني/يناير 2015",
        Lang::Ar
    ));
}

#[test]
fn clock_times_across_languages() {
    assert!(same("à 10 heures", Lang::Fr, "الساعة 10:00", Lang::Ar));
    assert!(same("à 9 h 30", Lang::Fr, "الساعة 9:30", Lang::Ar));
    assert!(same("à 12 h 40", Lang::Fr, "at 12.40 p.m.", Lang::En));
    assert!(same("à 9 h 30", Lang::Fr, "at 9.30 a.m.", Lang::En));
    assert!(same("à 18 h 15", Lang::Fr, "at 6:15 p.m.", Lang::En));
    assert!(same("à 10 h 15", Lang::Fr, "الساعة ١٠:١٥ صباحا", Lang::Ar));
    assert!(!same("à 10 h 20", Lang::Fr, "الساعة 10:18", Lang::Ar));
}

#[test]
fn number_words_roman_sessions_and_sections() {
    // Words excuse digits, in each language's own words.
    assert!(same(
        "les 5 dernières années",
        Lang::Fr,
        "السنوات الخمس الماضية",
        Lang::Ar
    ));
    assert!(same(
        "de moins de 18 ans",
        Lang::Fr,
        "دون سن الثامنة عشرة",
        Lang::Ar
    ));
    assert!(same(
        "sa cinquante-deuxième session",
        Lang::Fr,
        "its 52nd session",
        Lang::En
    ));
    assert!(same(
        "une quarantaine d'experts",
        Lang::Fr,
        "about 40 experts",
        Lang::En
    ));
    assert_eq!(values("50 per cent", Lang::En), ["50"]);
    // A Roman session number after a resolution number, the Arabic (د-35).
    assert!(same(
        "la résolution 689 (XXXV)",
        Lang::Fr,
        "القرار 689 (د-35)",
        Lang::Ar
    ));
    // Arabic sections with a hyphen; French dotted sections.
    assert!(same("art. 10.103", Lang::Fr, "المادة 10-103", Lang::Ar));
    assert!(same("art. 10.103", Lang::Fr, "s. 10.103", Lang::En));
    assert!(same(
        "les articles 2.1 et 2.3",
        Lang::Fr,
        "المادتين 2-1 و 2-3",
        Lang::Ar
    ));
    assert!(same("pages 2-3", Lang::Fr, "الصفحتان 2-3", Lang::Ar));
    assert!(!same("art. 10.103", Lang::Fr, "المادة 10-104", Lang::Ar));
}

#[test]
fn ranges_codes_and_repetitions() {
    // A year range whose hyphen was lost.
    assert!(same(
        "la période 20142020",
        Lang::Fr,
        "the period 2014-2020",
        Lang::En
    ));
    assert!(!same("le numéro 20202014", Lang::Fr, "2020-2014", Lang::En));
    // A range is not a paragraph label.
    assert!(same("4-15 mai 2015", Lang::Fr, "4 - 15 May 2015", Lang::En));
    // Digits glued to letters on one side only.
    assert!(same(
        "entre entreprises",
        Lang::Fr,
        "B2B transactions",
        Lang::En
    ));
    // A value repeated on one side only.
    assert!(same(
        "la résolution 1540 (2004)",
        Lang::Fr,
        "resolution 1540 (2004) and the 1540 Committee",
        Lang::En
    ));
    // A changed value among repeated ones is still told.
    assert!(!same(
        "2109 (2013), 2132 (2013), 2155 (2014)",
        Lang::Fr,
        "2109 (2013), 2132 (2014), 2155 (2014)",
        Lang::En
    ));
}

#[test]
fn arabic_display_order_times() {
    assert!(same(
        "7 h 00-9 h 00",
        Lang::Fr,
        "من الساعة 00/7 إلى الساعة 00/9",
        Lang::Ar
    ));
}

#[test]
fn symbols_glued_to_an_arabic_conjunction() {
    assert!(same(
        "(E/2013/30 et E/2013/30/Corr.1)",
        Lang::Fr,
        "(E/2013/30 وE/2013/30/Corr.1)",
        Lang::Ar
    ));
}

#[test]
fn word_keys_are_the_tables_answers_whether_cached_or_not() {
    use words::Keys;
    for w in [
        "décembre",
        "Decembre",
        "بخمسة",
        "خمسة",
        "كانون",
        "وتشرين",
        "twenty",
        "vingt",
        "Council",
    ] {
        let first = Keys::of(w);
        assert_eq!(Keys::of(w), first, "{w}");
    }
    assert_eq!(words::month(&Keys::of("décembre")), Some(12));
    assert_eq!(words::month(&Keys::of("Council")), None);
    assert_eq!(words::two_word_month(&Keys::of("كانون")), Some((12, 1)));
    assert_eq!(words::two_word_month(&Keys::of("وتشرين")), Some((10, 11)));
    // The preposition is stripped for Arabic numbers only.
    assert_eq!(words::number(&Keys::of("بخمسة"), &Lang::Ar), Some(5));
    assert_eq!(words::number(&Keys::of("twenty"), &Lang::En), Some(20));
    assert_eq!(words::number(&Keys::of("twenty"), &Lang::Fr), None);
}

#[test]
fn url_starts_in_any_case() {
    use scan::is_url_start;
    for s in ["http://un.org", "HTTPS://UN.ORG/x", "www.un.org", "WwW.un"] {
        assert!(is_url_start(s), "{s}");
    }
    for s in [
        "",
        "http:/",
        "https:",
        "wwwx",
        "éhttp://",
        "htt",
        "ftp://un.org",
    ] {
        assert!(!is_url_start(s), "{s}");
    }
}

#[test]
fn clock_times_written_as_one_number() {
    // UN English writes 24-hour times as four digits.
    assert!(same(
        "À 13 h 10, un soldat",
        Lang::Fr,
        "At 1310, a soldier",
        Lang::En
    ));
    assert!(same(
        "entre 11 heures et midi",
        Lang::Fr,
        "between 1100 and 1200 hours",
        Lang::En
    ));
    assert!(same(
        "au 31 juillet 2013 à 2359Z",
        Lang::Fr,
        "منذ الساعة 59/23 من يوم 31 تموز/يوليه 2013",
        Lang::Ar
    ));
    assert!(same(
        "between 1100 and 1200 hours",
        Lang::En,
        "بين الساعة 11:00 والساعة 12:00",
        Lang::Ar
    ));
    // Only what no exact value paired: a year stays a year, a wrong minute stays wrong.
    assert!(!same("À 13 h 10", Lang::Fr, "At 1320", Lang::En));
    assert!(!same(
        "en 2014, 20 pays",
        Lang::Fr,
        "in 2015, 20 countries",
        Lang::En
    ));
    assert!(!same(
        "entre 11 heures et 14 heures",
        Lang::Fr,
        "between 1100 and 1200 hours",
        Lang::En
    ));
    assert!(!same("300 délégués", Lang::Fr, "3 delegates", Lang::En));
}

#[test]
fn arabic_display_order_with_decimals() {
    // 1 630,8 kg, written in display order with its highest group last.
    assert!(same("1 630,8 kg", Lang::Fr, "630.8 1 كغم", Lang::Ar));
    assert_eq!(values("731.5 1 مليون", Lang::Ar), ["1731.5"]);
    // A changed value is one mismatch, not two.
    let (x, y) = (
        extract("1 731,3 millions", &Lang::Fr, GroupOrder::Logical),
        extract("731.5 1 مليون", &Lang::Ar, GroupOrder::Logical),
    );
    assert_eq!(compare(&x, &y).len(), 1);
    // Not a number of its own with a decimal part, nor a longer group.
    assert_eq!(values("الفقرة 2.5 3", Lang::Ar), ["2.5", "3"]);
    assert_eq!(values("630.8 1234", Lang::Ar), ["630.8", "1234"]);
}

#[test]
fn arabic_eleven_in_words() {
    assert!(same(
        "11 en 2002",
        Lang::Fr,
        "إحدى عشرة منحة دراسية في عام 2002",
        Lang::Ar
    ));
}

#[test]
fn arabic_compound_numbers_in_words() {
    // The 132nd and 146th Assemblies, ordinals past a hundred.
    assert!(same(
        "La 132ème Assemblée",
        Lang::Fr,
        "إن الجمعية الثانية والثلاثين بعد المائة للاتحاد",
        Lang::Ar
    ));
    assert!(same(
        "la 146e Assemblée",
        Lang::Fr,
        "الجمعية السادسة والأربعين بعد المائة",
        Lang::Ar
    ));
    assert!(!same(
        "la 145e Assemblée",
        Lang::Fr,
        "الجمعية السادسة والأربعين بعد المائة",
        Lang::Ar
    ));
    assert_eq!(values("مائة واثنان وثلاثون بلدا", Lang::Ar), ["132"]);
    assert_eq!(values("الدورة الحادية عشرة بعد المائة", Lang::Ar), ["111"]);
    assert_eq!(values("خمسة وعشرين", Lang::Ar), ["25"]);
    // A number word then another joined by و that does not continue it: two numbers.
    assert_eq!(values("ثلاثة وأربعة", Lang::Ar), ["3", "4"]);
    // بعد (after) not followed by a hundred is not part of the number.
    assert_eq!(values("خمسة بعد الظهر", Lang::Ar), ["5"]);
}

#[test]
fn decades_and_sections() {
    // The early 1960s: années 60 (and années 1960).
    assert!(same(
        "au début des années 60",
        Lang::Fr,
        "the early 1960s",
        Lang::En
    ));
    assert!(same("les années 1960", Lang::Fr, "the 1960s", Lang::En));
    assert!(!same("les années 70", Lang::Fr, "the 1960s", Lang::En));
    // A section number opening the target only: a label, told only against another label.
    assert!(same(
        "Le Bureau s'emploie",
        Lang::Fr,
        "2.26 The Office seeks",
        Lang::En
    ));
    assert!(same(
        "4-15 mai 2015",
        Lang::Fr,
        "4-15 أيار/مايو 2015",
        Lang::Ar
    ));
    assert!(same(
        "2.1 Fourniture d'un appui",
        Lang::Fr,
        "2-1 زيادة الكفاءة",
        Lang::Ar
    ));
    assert!(!same(
        "2.1 Fourniture d'un appui",
        Lang::Fr,
        "2-3 زيادة الكفاءة",
        Lang::Ar
    ));
    assert_eq!(values("2.5 million people", Lang::En), ["2.5"]);
    assert!(!same("2,5 millions", Lang::Fr, "3.5 million", Lang::En));
    // Digits hyphened to capitals are a number of their own.
    assert!(same("la COVID-19", Lang::Fr, "COVID-19", Lang::En));
    assert!(!same("le HFC-23", Lang::Fr, "(HFC-25)", Lang::Ar));
}

#[test]
fn footnote_marks_ocr_ones_and_lost_hyphens() {
    // A footnote mark glued to a closing bracket or quotation mark is no number of the text.
    assert!(same(
        "des Règles de Bangkok)16, ainsi que",
        Lang::Fr,
        "the Bangkok Rules), as well as",
        Lang::En
    ));
    assert!(same(
        "intitulé « Réformes »",
        Lang::Fr,
        "entitled \"Overview of reform\"18",
        Lang::En
    ));
    assert!(same(
        "les îles Falkland (Malvinas)1, Gibraltar",
        Lang::Fr,
        "Falkland Islands (Malvinas), Gibraltar",
        Lang::En
    ));
    // A call in square brackets glued to the text it annotates is a code; after a space, a
    // number.
    assert!(same(
        "un certain niveau de planification[23].",
        Lang::Fr,
        "مما يدل على أن تلك الأعمال كان مخططا لها.",
        Lang::Ar
    ));
    assert!(same(
        "un certain niveau de planification[23].",
        Lang::Fr,
        "indicating a certain level of planning.[23]",
        Lang::En
    ));
    assert!(!same("les [23] sites", Lang::Fr, "the sites", Lang::En));
    // Not a year or a count in brackets.
    assert_eq!(
        values("la résolution 2118 (2013) et", Lang::Fr),
        ["cite:resolution", "2118", "2013"]
    );
    // A 1 before an apostrophe and a letter is an l read wrong.
    assert_eq!(
        values("d'utiliser 1'espace", Lang::Fr),
        Vec::<String>::new()
    );
    // A time of four digits with its leading zero: 0300 = 3 h 00.
    assert!(same(
        "À 3 h 00, un groupe",
        Lang::Fr,
        "At 0300, the group",
        Lang::En
    ));
    // A range whose hyphen was lost on one side: 1564 = 15-64.
    assert!(same(
        "des femmes de 15-64 ans",
        Lang::Fr,
        "women aged 1564 employed",
        Lang::En
    ));
    assert!(!same(
        "des femmes de 15-64 ans",
        Lang::Fr,
        "women aged 1565 employed",
        Lang::En
    ));
}

mod special;
mod written;

proptest! {
    /// `scan::word_at` reads ASCII words by their bytes: the same word as character by
    /// character, at every character boundary of mixed Latin, Arabic, digits and marks.
    #[test]
    fn word_at_by_bytes_is_word_at_by_chars(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "a", "Z", "é", "\u{301}", "ß", "1", "٣", " ", "-", "/", "(", "ا", "و",
                "\u{64E}", "\u{640}", "ـ", "E", "œ", "\u{A0}", "’",
            ]),
            0..14,
        )
    ) {
        let text: String = parts.concat();
        for (i, _) in text.char_indices() {
            prop_assert_eq!(
                super::scan::word_at(&text, i),
                super::scan::word_at_by_chars(&text, i),
                "{:?} at {}",
                text,
                i
            );
        }
    }

    /// `scan::roman` is no Roman numeral for any word with another character.
    #[test]
    fn roman_numerals_only_of_roman_letters(w in "[IVXLCDMiaé]{0,6}") {
        let roman_only = !w.is_empty() && w.chars().all(|c| "IVXLCDM".contains(c));
        prop_assert_eq!(super::scan::roman(&w).is_some(), roman_only, "{}", w);
    }
}

//! The forms `extract` and `compare` read specially: footnote calls glued to a year or a
//! word, lists read with a decimal comma, numbers in several words, Arabic duals and list
//! labels, months named without a number, Roman numerals numbering a division.
use proptest::prelude::*;

use super::*;

/// Pieces of the forms the extractor reads specially, for texts made of them.
const PIECES: &[&str] = &[
    " ",
    ", ",
    "-",
    "'2`",
    "\u{2018}3\u{2019}",
    "كلم2",
    "م2",
    "2014.42",
    "201442",
    "(1)",
    "و(7)",
    "Bangkok(16)",
    "7,10",
    "46 à 53",
    "soixante",
    "six",
    "et",
    "un",
    "cent",
    "trente",
    "unième",
    "quatre",
    "vingts",
    "dix",
    "seventy",
    "five",
    "hundred",
    "and",
    "first",
    "article",
    "XII",
    "Section",
    "V",
    "octobre",
    "October",
    "2014",
    "دجنبر",
    "طائرتان",
    "مليوني",
    "وست",
    "ألف",
    "moitié",
    "half",
    "mille",
    "12",
    "1 000",
    "(ii)",
    "V.",
    "ثلاث",
    "والثلاثين",
    "résolution",
    "resolution",
    "القرار",
    "n°",
    "(2004)",
    "décennal",
    "quinquennial",
    "21/11/1997",
    "01/07/2002",
    "11/21/1997",
    "14.4.2005",
    "2005-04-14",
    "BCE/2014/17",
    "ECB/2014/17",
    "24 heures sur 24",
    "7j/7",
    "24/7",
    "24 hours a day",
];

proptest! {
    /// Over texts made of the forms read specially: spans on boundaries and in order, and a
    /// text compared with itself differs in nothing.
    #[test]
    fn special_forms_keep_the_invariants(ix in proptest::collection::vec(0..PIECES.len(), 0..24)) {
        let s: String = ix.iter().map(|&i| PIECES[i]).collect();
        for lang in [Lang::Fr, Lang::En, Lang::Ar] {
            let tokens = extract(&s, &lang, GroupOrder::Logical);
            let mut last = 0;
            for t in &tokens {
                prop_assert!(s.is_char_boundary(t.span.start) && s.is_char_boundary(t.span.end));
                prop_assert!(t.span.start >= last && t.span.start < t.span.end);
                last = t.span.end;
            }
            prop_assert!(compare(&tokens, &tokens).is_empty(), "{s:?} differs from itself");
        }
    }
}

#[test]
fn glued_calls_lists_and_arabic_labels() {
    // A footnote call glued to a year, or after the sentence's full stop.
    assert!(same(
        "capturé en septembre 201442.",
        Lang::Fr,
        "captured in September 2014.42",
        Lang::En
    ));
    assert!(same(
        "pour l'exercice biennal 2014-20151 contient",
        Lang::Fr,
        "لفترة السنتين 2014-2015(1) يقدم",
        Lang::Ar
    ));
    // A label after a conjunction is no call.
    assert!(!same(
        "L'article 55, paragraphes 1 et 2, du Code",
        Lang::Fr,
        "وتنص المادتان 55 (1) و(7) من القانون",
        Lang::Ar
    ));
    // Only a year takes a call: 201442 is not 2015.
    assert!(!same(
        "capturé en septembre 201442.",
        Lang::Fr,
        "captured in September 2015.42",
        Lang::En
    ));
    // A list read with a decimal comma, a range whose dash was lost across a word.
    assert!(same(
        "règles 1 et 6, 2, 7,10 (protection)",
        Lang::Fr,
        "rules 1 and 6, 2, 7, 10 (protection)",
        Lang::En
    ));
    assert!(!same(
        "règles 1 et 6, 2, 7,10 (protection)",
        Lang::Fr,
        "rules 1 and 6, 2, 7, 11 (protection)",
        Lang::En
    ));
    assert!(same(
        "en vertu des articles 46 à 53 possèdent",
        Lang::Fr,
        "by Articles 4653, a Moro man",
        Lang::En
    ));
    // The Arabic label of a list item is its Roman numeral.
    assert_eq!(values("'3` حشد الموارد", Lang::Ar), ["label:iii"]);
    assert!(same(
        "(ii) Prend en compte",
        Lang::Fr,
        "'2` يعترف بالأوضاع",
        Lang::Ar
    ));
    assert!(!same(
        "(ii) Prend en compte",
        Lang::Fr,
        "'3` يعترف بالأوضاع",
        Lang::Ar
    ));
    // An Arabic unit with its exponent.
    assert!(same(
        "Zone économique exclusive : 1 641 294 kilomètres carrés",
        Lang::Fr,
        "المنطقة الاقتصادية الخالصة: 294 641 1 كلم2.",
        Lang::Ar
    ));
}

#[test]
fn words_compounds_duals_months_and_divisions() {
    // Numbers in words of several words, cardinal or ordinal.
    assert_eq!(values("Soixante-six pour cent", Lang::Fr)[0], "66");
    assert_eq!(
        values("la cent trente et unième Assemblée", Lang::Fr),
        ["131"]
    );
    assert_eq!(
        values("deux cents personnes et quatre-vingt-dix-neuf", Lang::Fr),
        ["200", "99"]
    );
    assert_eq!(values("vingt et un pays, dix-sept", Lang::Fr), ["21", "17"]);
    assert_eq!(values("[seventy five] per cent", Lang::En), ["75"]);
    assert_eq!(
        values("the one hundred and thirty-first session", Lang::En),
        ["131"]
    );
    // Words in a row that make no number stay apart.
    assert_eq!(values("un deux trois", Lang::Fr), ["1", "2", "3"]);
    assert!(same(
        "Soixante-six pour cent d'entre eux",
        Lang::Fr,
        "New visitors account for 66 per cent",
        Lang::En
    ));
    assert!(!same(
        "Soixante-six pour cent d'entre eux",
        Lang::Fr,
        "New visitors account for 67 per cent",
        Lang::En
    ));
    assert!(same(
        "Que la cent trente et unième Assemblée",
        Lang::Fr,
        "Endorsed by the 131st Assembly",
        Lang::En
    ));
    // A resolution the translation cites by its number where the source does not ...
    assert!(same(
        "Nous sommes conscients que cette résolution fait obligation à tous les États",
        Lang::Fr,
        "We recognize that resolution 1540 (2004) obliges all States",
        Lang::En
    ));
    assert!(same(
        "Nous sommes conscients que cette résolution fait obligation à tous les États",
        Lang::Fr,
        "فنحن ندرك أن القرار 1540 (2004) يلزم الدول",
        Lang::Ar
    ));
    // ... but not a citation dropped, nor a cited number changed, nor a number elsewhere.
    assert!(!same(
        "la résolution 1540 (2004)",
        Lang::Fr,
        "this resolution",
        Lang::En
    ));
    assert!(!same(
        "la résolution 1540 (2004), puis cette résolution",
        Lang::Fr,
        "resolution 1541 (2004), then this resolution",
        Lang::En
    ));
    assert!(!same(
        "cette résolution",
        Lang::Fr,
        "this resolution, adopted by 15 votes",
        Lang::En
    ));
    // `ladite résolution` is the one the source cites: made explicit, it has its number…
    let src = "les paragraphes 9 et 11 de sa résolution 1807 (2008) et les paragraphes 10 et 12 de ladite résolution";
    assert!(same(
        src,
        Lang::Fr,
        "paragraphs 9 and 11 of resolution 1807 (2008) and paragraphs 10 and 12 of resolution 1807 (2008)",
        Lang::En
    ));
    // …and no other (the first citation changed, the second the source's).
    assert!(!same(
        src,
        Lang::Fr,
        "paragraphs 9 and 11 of resolution 1817 (2008) and paragraphs 10 and 12 of resolution 1807 (2008)",
        Lang::En
    ));
    // A period said by an adjective: the same length in digits.
    assert!(same(
        "un plan d'action décennal",
        Lang::Fr,
        "a 10-year plan of action",
        Lang::En
    ));
    assert!(same(
        "the five-year review",
        Lang::En,
        "l'examen quinquennal",
        Lang::Fr
    ));
    assert!(!same(
        "un plan d'action décennal",
        Lang::Fr,
        "a 12-year plan of action",
        Lang::En
    ));
    // A thousand, a half, a number after a conjunction in Arabic.
    assert!(same(
        "les 1 000 premiers jours",
        Lang::Fr,
        "الألف يوم الأولى",
        Lang::Ar
    ));
    assert!(same(
        "plus de la moitié d'entre elles",
        Lang::Fr,
        "more than 50 per cent of them",
        Lang::En
    ));
    assert!(same(
        "6 en 2006",
        Lang::Fr,
        "وست منح دراسية في عام 2006",
        Lang::Ar
    ));
    assert!(!same(
        "7 en 2006",
        Lang::Fr,
        "وست منح دراسية في عام 2006",
        Lang::Ar
    ));
    // The Arabic dual says two.
    assert!(same(
        "2 hélicoptères militaires turcs",
        Lang::Fr,
        "خرقت طائرتان عموديتان عسكريتان تركيتان",
        Lang::Ar
    ));
    assert!(same("2 millions de yens", Lang::Fr, "مليونَي ين", Lang::Ar));
    // ... also beside a number the other side writes in words (43 is that number, not a 2
    // changed).
    assert!(same(
        "Quarante-trois pour cent gagnent 2 millions de yens",
        Lang::Fr,
        "43 في المائة يكسبون مليونَي يَن",
        Lang::Ar
    ));
    // ... but not a 2 changed into another number.
    assert!(!same(
        "Au paragraphe 2, elle a décidé",
        Lang::Fr,
        "وفي الفقرة 1 من القرار نفسه، قررت الجمعية أيضا أن تستمر دون انقطاع لمدة تسعة أيام",
        Lang::Ar
    ));
    assert!(!same(
        "2 hélicoptères militaires turcs",
        Lang::Fr,
        "خرقت 3 طائرات عمودية",
        Lang::Ar
    ));
    // A month named without a number excuses the month of a date and the year the
    // translation adds to it ...
    assert!(same(
        "En octobre, la MANUL",
        Lang::Fr,
        "In October 2014, UNSMIL",
        Lang::En
    ));
    assert!(same(
        "En octobre, la MANUL",
        Lang::Fr,
        "وفي تشرين الأول/أكتوبر 2014، زارت البعثة",
        Lang::Ar
    ));
    // ... but not a year elsewhere, nor a year the translation drops.
    let s = extract("En octobre, la MANUL", &Lang::Fr, GroupOrder::Logical);
    let t = extract(
        "In October, in 2014, UNSMIL",
        &Lang::En,
        GroupOrder::Logical,
    );
    let m = compare(&s, &t);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].target.as_ref().map(|t| t.value.as_str()), Some("2014"));
    assert!(!same(
        "En octobre 2014, la MANUL",
        Lang::Fr,
        "In October, UNSMIL",
        Lang::En
    ));
    // The Maghreb's month names.
    assert!(same(
        "en décembre 2014",
        Lang::Fr,
        "في دجنبر ٢٠١٤",
        Lang::Ar
    ));
    // A Roman numeral numbering an article.
    assert!(same(
        "l'article XII de la Convention",
        Lang::Fr,
        "المادة 12 من الاتفاقية",
        Lang::Ar
    ));
    assert!(!same(
        "l'article XII de la Convention",
        Lang::Fr,
        "المادة 13 من الاتفاقية",
        Lang::Ar
    ));
    assert_eq!(values("I think", Lang::En), Vec::<String>::new());
    assert!(same(
        "V. Exécution du budget",
        Lang::Fr,
        "Section V, Resource performance",
        Lang::En
    ));
}

#[test]
fn notes_and_glued_codes() {
    // A note's number opening its text is a label, compared only with another.
    assert!(same(
        "6 Il est entendu que la Croatie remplira",
        Lang::Fr,
        "Croatia's QELRC is based on the understanding",
        Lang::En
    ));
    assert!(!same(
        "2 hélicoptères militaires",
        Lang::Fr,
        "3 military helicopters",
        Lang::En
    ));
    assert!(!same("7 juin 2014", Lang::Fr, "8 June 2014", Lang::En));
    assert!(same("7 juin 2014", Lang::Fr, "7 June 2014", Lang::En));
    assert!(!same("1 P-4, 2 P-3", Lang::Fr, "ف-4، و 2 ف-3", Lang::Ar));
    // A note's number against the same number read as a number.
    assert!(same(
        "12 États et 300 personnes",
        Lang::Fr,
        "12 دولة و300 شخص",
        Lang::Ar
    ));
    assert!(!same(
        "12 États et 300 personnes",
        Lang::Fr,
        "13 دولة و300 شخص",
        Lang::Ar
    ));
    // A call glued to an accented letter; a year range glued to a word.
    assert!(same(
        "aux délinquantes (Règles de Bangkok), la liberté13, ainsi que",
        Lang::Fr,
        "women offenders (the Bangkok Rules), and",
        Lang::En
    ));
    assert!(same(
        "activités présentées pour 20112012b",
        Lang::Fr,
        "activities reported for20112012b",
        Lang::En
    ));
    assert!(!same(
        "activités présentées pour 20112012b",
        Lang::Fr,
        "activities reported for20112013b",
        Lang::En
    ));
    // Digits after an Arabic word stay a number; في is no dual.
    assert_eq!(values("في عام2014", Lang::Ar), ["2014"]);
}

#[test]
fn halves_and_evening_hours() {
    assert_eq!(values("pendant deux ans et demi", Lang::Fr), ["2.5"]);
    assert_eq!(values("for two and a half years", Lang::En), ["2.5"]);
    assert!(same(
        "pendant deux ans et demi (de 2011 à 2014)",
        Lang::Fr,
        "for 2.5 years (from 2011 to 2014)",
        Lang::En
    ));
    assert!(!same(
        "pendant deux ans",
        Lang::Fr,
        "for 2.5 years",
        Lang::En
    ));
    // An Arabic hour in the evening.
    assert!(same(
        "à 22 heures",
        Lang::Fr,
        "في الساعة العاشرة مساء",
        Lang::Ar
    ));
    assert!(!same(
        "à 10 heures",
        Lang::Fr,
        "في الساعة العاشرة مساء",
        Lang::Ar
    ));
}

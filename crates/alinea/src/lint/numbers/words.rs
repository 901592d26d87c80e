//! The words that stand for numbers and months in French, English and Arabic: month names
//! (Arabic Levantine and Gregorian names, the two-word كانون الثاني and تشرين الأول), cardinal
//! and ordinal number words, French approximations (`une quarantaine` = 40) and Arabic
//! teens (`خمسة عشر` = 15). Lookups go through folded keys (`termbase::normalize`), built
//! once; what they say of a word is worked out once per distinct word and thread.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::Lang;

/// Month names; `كانون` and `تشرين` are read with the word after them ([`two_word_month`]).
const MONTHS: &[(&str, u8)] = &[
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليه", 7),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // The Maghreb's names where they differ (ماي, يوليوز, غشت, شتنبر, نونبر, دجنبر).
    ("ماي", 5),
    ("يوليوز", 7),
    ("غشت", 8),
    ("شتنبر", 9),
    ("نونبر", 11),
    ("دجنبر", 12),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
];

/// Number words, cardinal and ordinal, with their value. Arabic forms are listed without
/// the article (the folded key drops it) and in both genders where they differ.
const WORDS_EN: &[(&str, u16)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    // Clock hours in words: `noon` for 12.00 hours.
    ("noon", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("thousand", 1000),
    ("half", 50),
    // Periods (a biennial review, the quinquennial report).
    ("biennial", 2),
    ("biennium", 2),
    ("triennial", 3),
    ("triennium", 3),
    ("quadrennial", 4),
    ("quinquennial", 5),
    ("decennial", 10),
    ("decade", 10),
    ("centennial", 100),
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
];

const WORDS_FR: &[(&str, u16)] = &[
    ("un", 1),
    ("une", 1),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("six", 6),
    ("sept", 7),
    ("huit", 8),
    ("neuf", 9),
    ("dix", 10),
    ("onze", 11),
    ("douze", 12),
    ("midi", 12),
    ("treize", 13),
    ("quatorze", 14),
    ("quinze", 15),
    ("seize", 16),
    ("vingt", 20),
    ("trente", 30),
    ("quarante", 40),
    ("cinquante", 50),
    ("soixante", 60),
    ("cent", 100),
    ("cents", 100),
    ("vingts", 20),
    ("unième", 1),
    ("premier", 1),
    ("première", 1),
    ("deuxième", 2),
    ("troisième", 3),
    ("quatrième", 4),
    ("cinquième", 5),
    ("sixième", 6),
    ("septième", 7),
    ("huitième", 8),
    ("neuvième", 9),
    ("dixième", 10),
    ("onzième", 11),
    ("douzième", 12),
    ("treizième", 13),
    ("quatorzième", 14),
    ("quinzième", 15),
    ("seizième", 16),
    ("vingtième", 20),
    ("trentième", 30),
    ("quarantième", 40),
    ("cinquantième", 50),
    ("soixantième", 60),
    ("dizaine", 10),
    ("douzaine", 12),
    ("quinzaine", 15),
    ("vingtaine", 20),
    ("trentaine", 30),
    ("quarantaine", 40),
    ("cinquantaine", 50),
    ("soixantaine", 60),
    ("centaine", 100),
    ("mille", 1000),
    // Half is 50 per cent.
    ("moitié", 50),
    // Periods (l'exercice biennal, l'examen quinquennal, une décennie).
    ("biennal", 2),
    ("biennale", 2),
    ("biennaux", 2),
    ("biennales", 2),
    ("triennal", 3),
    ("triennale", 3),
    ("triennaux", 3),
    ("triennales", 3),
    ("quadriennal", 4),
    ("quadriennale", 4),
    ("quadriennaux", 4),
    ("quadriennales", 4),
    ("quinquennal", 5),
    ("quinquennale", 5),
    ("quinquennaux", 5),
    ("quinquennales", 5),
    ("décennal", 10),
    ("décennale", 10),
    ("décennaux", 10),
    ("décennales", 10),
    ("décennie", 10),
    ("centenaire", 100),
];

/// Arabic cardinals (both genders, the dual's cases), ordinals and decades.
const WORDS_AR: &[(&str, u16)] = &[
    ("واحد", 1),
    // The first part of eleven (أحد عشر, إحدى عشرة).
    ("أحد", 1),
    ("إحدى", 1),
    ("واحدة", 1),
    ("اثنان", 2),
    ("اثنين", 2),
    ("اثنا", 2),
    ("اثني", 2),
    ("اثنتان", 2),
    ("اثنتين", 2),
    ("اثنتا", 2),
    ("اثنتي", 2),
    ("ثلاث", 3),
    ("ثلاثة", 3),
    ("أربع", 4),
    ("أربعة", 4),
    ("خمس", 5),
    ("خمسة", 5),
    ("ست", 6),
    ("ستة", 6),
    ("سبع", 7),
    ("سبعة", 7),
    ("ثماني", 8),
    ("ثمان", 8),
    ("ثمانية", 8),
    ("تسع", 9),
    ("تسعة", 9),
    ("عشر", 10),
    ("عشرة", 10),
    ("عشرون", 20),
    ("عشرين", 20),
    ("ثلاثون", 30),
    ("ثلاثين", 30),
    ("أربعون", 40),
    ("أربعين", 40),
    ("خمسون", 50),
    ("خمسين", 50),
    ("ستون", 60),
    ("ستين", 60),
    ("سبعون", 70),
    ("سبعين", 70),
    ("ثمانون", 80),
    ("ثمانين", 80),
    ("تسعون", 90),
    ("تسعين", 90),
    ("مائة", 100),
    ("ألف", 1000),
    ("مئة", 100),
    ("مائتان", 200),
    ("مائتين", 200),
    ("مئتان", 200),
    ("مئتين", 200),
    // Ordinals (the article is dropped by the key).
    ("أول", 1),
    ("أولى", 1),
    ("ثان", 2),
    ("ثاني", 2),
    ("ثانية", 2),
    ("ثالث", 3),
    ("ثالثة", 3),
    ("رابع", 4),
    ("رابعة", 4),
    ("خامس", 5),
    ("خامسة", 5),
    ("سادس", 6),
    ("سادسة", 6),
    ("سابع", 7),
    ("سابعة", 7),
    ("ثامن", 8),
    ("ثامنة", 8),
    ("تاسع", 9),
    ("تاسعة", 9),
    ("عاشر", 10),
    ("عاشرة", 10),
    ("حادي", 1),
    ("حادية", 1),
    // Decades: الستينيات (the sixties).
    ("ستينيات", 60),
    ("سبعينيات", 70),
    ("ثمانينيات", 80),
    ("تسعينيات", 90),
];

struct Tables {
    months: HashMap<String, u8>,
    /// English, French, Arabic.
    words: [HashMap<String, u16>; 3],
    /// The keys of كانون and تشرين, of الأول and الثاني, and of عشر and عشرة.
    two_word: [String; 2],
    ordinals: [String; 2],
    tens: [String; 2],
    /// The keys of the construct duals of millions and billions (مليوني, ملياري).
    duals: Vec<String>,
    /// The keys of the word for a resolution (résolution, resolution, قرار; the key folds
    /// accents and case, and drops the Arabic article and the clitics before it).
    resolution: Vec<String>,
}

fn key(w: &str) -> String {
    let mut k = String::new();
    crate::termbase::normalize::lookup_key_into(w, &mut k);
    k
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut months = HashMap::new();
        for (m, n) in MONTHS {
            months.insert(key(m), *n);
            // Unaccented spellings (fevrier, aout, decembre).
            months.insert(key(&crate::text::fold::strip_accents(m)), *n);
        }
        let words = [WORDS_EN, WORDS_FR, WORDS_AR]
            .map(|list| list.iter().map(|(w, n)| (key(w), *n)).collect());
        Tables {
            months,
            words,
            two_word: [key("كانون"), key("تشرين")],
            ordinals: [key("الأول"), key("الثاني")],
            tens: [key("عشر"), key("عشرة")],
            // (Not ألفا, ألفي: their folded keys lose the alef as an article, and ألفي
            // would read as في.)
            duals: ["مليونا", "مليوني", "مليارا", "ملياري"].map(key).to_vec(),
            resolution: ["résolution", "résolutions", "resolutions", "قرار"]
                .map(key)
                .to_vec(),
        }
    })
}

/// What the tables say of one word: the month it names, the Arabic two-word month it starts,
/// its value as a number word in each language. Looked up by the word's folded key, else by
/// the key without one leading Arabic preposition or conjunction (بخمسة, لثلاث, وعشرين) when
/// the word is long enough to carry one (for numbers, in Arabic only). Worked out once per
/// distinct word and thread ([`Keys::of`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Keys {
    month: Option<u8>,
    two_word: Option<(u8, u8)>,
    /// English, French, Arabic.
    number: [Option<u16>; 3],
    /// An Arabic word of dual form (see [`dual`]).
    dual: bool,
    /// The word for a resolution (see [`resolution`]).
    resolution: bool,
}

/// Words kept by [`Keys::of`] on a thread before it starts again.
const CACHE_WORDS: usize = 1 << 16;

/// The words seen on a thread: those of up to 16 bytes by their bytes as one number
/// ([`crate::termbase::annotate::short_key`]), longer ones by their text.
#[derive(Default)]
struct Cache {
    short: FxHashMap<u128, Keys>,
    long: FxHashMap<Box<str>, Keys>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

impl Keys {
    /// The keys of `w`, through this thread's cache of the words seen.
    pub(super) fn of(w: &str) -> Keys {
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            let short = crate::termbase::annotate::short_key(w);
            let known = match short {
                Some(n) => c.short.get(&n),
                None => c.long.get(w),
            };
            if let Some(k) = known {
                return *k;
            }
            if c.short.len() + c.long.len() >= CACHE_WORDS {
                c.short.clear();
                c.long.clear();
            }
            let k = Keys::compute(w);
            match short {
                Some(n) => c.short.insert(n, k),
                None => c.long.insert(w.into(), k),
            };
            k
        })
    }

    fn compute(w: &str) -> Keys {
        let key = key(w);
        let mut chars = key.chars();
        // A conjunction takes a word of two letters too (وست, and six).
        let stripped = match chars.next() {
            Some('ب' | 'ل' | 'ك') if key.chars().count() >= 4 => Some(self::key(chars.as_str())),
            Some('و' | 'ف') if key.chars().count() >= 3 => Some(self::key(chars.as_str())),
            _ => None,
        };
        let (k, s) = (key.as_str(), stripped.as_deref());
        let t = tables();
        let is = |k: &str| key == k || stripped.as_deref() == Some(k);
        let [kanun, tishrin] = &t.two_word;
        Keys {
            month: find(&t.months, k, s),
            two_word: if is(kanun) {
                Some((12, 1))
            } else if is(tishrin) {
                Some((10, 11))
            } else {
                None
            },
            number: [
                find(&t.words[0], k, None),
                find(&t.words[1], k, None),
                find(&t.words[2], k, s),
            ],
            dual: find(&t.words[2], k, s).is_none() && is_dual(k, &t.duals),
            resolution: t.resolution.iter().any(|r| r == k),
        }
    }
}

/// Whether the folded key of an Arabic word has the form of a dual: a word of five letters
/// or more ending in ان or ين (طائرتان, طرفين; sound plurals in ين look the same, and
/// are taken too), or a construct dual of millions or billions (مليوني).
fn is_dual(k: &str, duals: &[String]) -> bool {
    let arabic = k
        .chars()
        .next()
        .is_some_and(crate::text::chars::is_basic_arabic_letter);
    arabic
        && (k.chars().count() >= 5 && (k.ends_with("ان") || k.ends_with("ين"))
            || duals.iter().any(|d| d == k))
}

/// Whether an Arabic word has the form of a dual, which says two ([`is_dual`]).
pub(super) fn dual(w: &Keys) -> bool {
    w.dual
}

/// Whether a word is the word for a resolution, in French, English or Arabic (`résolutions`,
/// `Resolution`, `والقرار`).
pub(super) fn resolution(w: &Keys) -> bool {
    w.resolution
}

/// The value in `table` of `key`, else of `stripped`.
fn find<T: Copy>(table: &HashMap<String, T>, key: &str, stripped: Option<&str>) -> Option<T> {
    table
        .get(key)
        .or_else(|| stripped.and_then(|s| table.get(s)))
        .copied()
}

/// The month a single word names.
pub(super) fn month(w: &Keys) -> Option<u8> {
    w.month
}

/// The first word of an Arabic two-word month (كانون, تشرين): the month for each
/// second word (الأول, الثاني).
pub(super) fn two_word_month(w: &Keys) -> Option<(u8, u8)> {
    w.two_word
}

/// Which of the two months the word after `كانون`/`تشرين` names: `Some(false)` for the
/// first (الأول), `Some(true)` for the second (الثاني).
pub(super) fn month_ordinal(w: &str) -> Option<bool> {
    let k = key(w);
    let [first, second] = &tables().ordinals;
    if &k == first {
        Some(false)
    } else if &k == second {
        Some(true)
    } else {
        None
    }
}

/// The value of a number word of `lang` (`cent` is French, not the English `per cent`).
pub(super) fn number(w: &Keys, lang: &Lang) -> Option<u16> {
    match lang {
        Lang::En => w.number[0],
        Lang::Fr => w.number[1],
        Lang::Ar => w.number[2],
        _ => None,
    }
}

/// Whether a word is the `عشر`/`عشرة` of an Arabic teen (خمسة عشر).
pub(super) fn is_arabic_ten(w: &str) -> bool {
    let k = key(w);
    tables().tens.contains(&k)
}

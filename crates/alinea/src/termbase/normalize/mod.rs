//! Folding and stemming for term lookup and concordance. [`lookup_key`] makes the key of the
//! "normalised" match class: case, accents, apostrophes, hyphens, quotes and spaces for Latin
//! script; alef, ya and ta marbuta variants, diacritics, tatweel and leading clitics
//! (و ف ب ل ك ال) for Arabic. [`stem_key`] stems each word with the Snowball stemmer of the
//! language (French, English, Arabic) and folds the stems. [`skeleton_key`] is the Arabic
//! consonant skeleton of the "root" class (in `skeleton`); [`strip_article`] takes a
//! leading French or English article off a query.
//!
//! These are the lookup's key policy, built from the character classes of
//! [`crate::text::chars`] and the folding steps of [`crate::text::fold`]; they differ on
//! purpose from the aligner's keys (lookup expands ligatures, turns hyphens into spaces and
//! strips clitics; the aligner keeps one character for one). The general matching form of a
//! text is [`crate::text::normalize::for_matching`].

use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::text::chars::{ascii_digit, is_arabic_script, is_basic_arabic_letter};
use crate::text::fold::fold_arabic_char;
use crate::Lang;

mod skeleton;
pub use skeleton::{skeleton_key, skeleton_keys, skeleton_letters, skeleton_word};

/// Whether `s` has Arabic letters.
pub fn has_arabic(s: &str) -> bool {
    s.chars().any(is_arabic_script)
}

#[inline]
fn fold_char(c: char, out: &mut String) {
    match c {
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        '-' | '_' | '/' => out.push(' '),
        '`' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' => out.push('\''),
        '"' | '\u{AB}' | '\u{BB}' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{AD}' => {}
        _ if c.is_ascii() => {
            if c.is_ascii_whitespace() {
                out.push(' ')
            } else {
                out.push(c)
            }
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push(' '),
        '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => out.extend(ascii_digit(c)),
        '\u{0610}'..='\u{06FF}' => out.extend(fold_arabic_char(c)),
        '\u{0153}' | '\u{0152}' => out.push_str("oe"),
        '\u{00E6}' | '\u{00C6}' => out.push_str("ae"),
        '\u{00DF}' => out.push_str("ss"),
        _ if c.is_whitespace() => out.push(' '),
        _ => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        }),
    }
}

/// Strips the leading clitics of an (already folded) Arabic word: a conjunction و or ف, a
/// preposition ب ل ك before the article, the article ال (and لل, ل + ال).
fn strip_clitics(mut w: &str) -> &str {
    let len = |s: &str| s.chars().count();
    if len(w) >= 4 && (w.starts_with('\u{0648}') || w.starts_with('\u{0641}')) {
        w = &w['\u{0648}'.len_utf8()..];
    }
    if len(w) >= 4 && w.starts_with("\u{0644}\u{0644}") {
        return &w[4..];
    }
    if len(w) >= 5
        && (w.starts_with('\u{0628}') || w.starts_with('\u{0644}') || w.starts_with('\u{0643}'))
        && w[2..].starts_with("\u{0627}\u{0644}")
    {
        w = &w[2..];
    }
    if len(w) >= 4 && w.starts_with("\u{0627}\u{0644}") {
        w = &w[4..];
    }
    w
}

/// The key of the "normalised" match class (see the module documentation).
pub fn lookup_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    lookup_key_into(s, &mut out);
    out
}

thread_local! {
    static RAW: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// [`lookup_key`], appended to `out` (no allocation once the scratch space has grown).
pub fn lookup_key_into(s: &str, out: &mut String) {
    RAW.with(|raw| {
        let mut raw = raw.borrow_mut();
        raw.clear();
        for c in s.chars() {
            fold_char(c, &mut raw);
        }
        let arabic = has_arabic(&raw);
        let start = out.len();
        for w in raw.split(' ').filter(|w| !w.is_empty()) {
            if out.len() > start {
                out.push(' ');
            }
            out.push_str(if arabic { strip_clitics(w) } else { w });
        }
    })
}

/// The words of `s` with their byte ranges: runs of letters, digits and combining marks (so
/// apostrophes and hyphens separate words).
pub fn words(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for_each_word(s, |r| out.push(r));
    out
}

#[inline]
fn word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        _ if c.is_ascii() => false,
        // Arabic letters and tatweel.
        _ if is_basic_arabic_letter(c) => true,
        _ => c.is_alphanumeric() || is_combining_mark(c),
    }
}

/// Calls `f` with the byte range of each word of `s` (see [`words`]), without allocating.
#[inline]
pub fn for_each_word(s: &str, mut f: impl FnMut(Range<usize>)) {
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                f(b..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(b) = start {
        f(b..s.len());
    }
}

/// The Snowball stemmer for `lang` (French, English, Arabic), if there is one.
pub fn stemmer(lang: &Lang) -> Option<Stemmer> {
    let alg = match lang {
        Lang::Fr => Algorithm::French,
        Lang::En => Algorithm::English,
        Lang::Ar => Algorithm::Arabic,
        Lang::Other(_) => return None,
    };
    Some(Stemmer::create(alg))
}

/// The stem key of one word in `lang`. English plurals the stemmer leaves alone
/// (`children`, `women`, `men`) are made singular first, so that `child` is a form of
/// `children` (these words are no words of French or Arabic).
pub fn stem_word(word: &str, stemmer: Option<&Stemmer>) -> String {
    let mut lower = word.to_lowercase();
    if let Some(one) = irregular_singular(&lower) {
        lower = one.to_string();
    }
    match stemmer {
        Some(s) => lookup_key(&s.stem(&lower)),
        None => lookup_key(&lower),
    }
}

/// The singular of an English plural not made with -s.
fn irregular_singular(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "children" => "child",
        "women" => "woman",
        "men" => "man",
        _ => return None,
    })
}

/// The key of the "stemmed" match class: each word stemmed in `lang`, then folded.
pub fn stem_key(s: &str, lang: &Lang) -> String {
    let st = stemmer(lang);
    join_stems(words(s).into_iter().map(|r| stem_word(&s[r], st.as_ref())))
}

/// Stems joined by single spaces, empty ones dropped: the shape of a stem key.
pub fn join_stems<S: AsRef<str>>(stems: impl IntoIterator<Item = S>) -> String {
    let mut out = String::new();
    for k in stems {
        let k = k.as_ref();
        if k.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(k);
    }
    out
}

/// The stem keys of every word of `s`, with the words' byte ranges (for concordance).
pub fn stemmed_words(s: &str, lang: &Lang) -> Vec<(Range<usize>, String)> {
    let st = stemmer(lang);
    words(s)
        .into_iter()
        .map(|r| {
            let k = stem_word(&s[r.clone()], st.as_ref());
            (r, k)
        })
        .collect()
}

/// French articles and determiners a query may start with, elided ones (ending in an
/// apostrophe) without the space.
const FR_ARTICLES: [&str; 11] = [
    "de la ", "de l'", "le ", "la ", "les ", "l'", "un ", "une ", "des ", "du ", "d'",
];
const EN_ARTICLES: [&str; 3] = ["the ", "a ", "an "];

/// `query` without its leading article, if it has one and the language allows it: French
/// (le, la, les, l', un, une, des, du, de la, de l', d') for `Some(Lang::Fr)`, English (the,
/// a, an) for `Some(Lang::En)`, either for `None` (a query in Latin script); nothing for
/// other languages or a query in Arabic script. Case, ’ for ' and any run of spaces
/// (no-break ones included) after the article are accepted. `None` when nothing would
/// remain.
pub fn strip_article<'q>(query: &'q str, lang: Option<&Lang>) -> Option<&'q str> {
    let lists: &[&[&str]] = match lang {
        Some(Lang::Fr) => &[&FR_ARTICLES],
        Some(Lang::En) => &[&EN_ARTICLES],
        None if !has_arabic(query) => &[&FR_ARTICLES, &EN_ARTICLES],
        _ => return None,
    };
    let q = query.trim_start();
    for article in lists.iter().flat_map(|l| l.iter()) {
        let mut rest = q;
        let mut ok = true;
        for a in article.chars() {
            let mut cs = rest.chars();
            let Some(c) = cs.next() else {
                ok = false;
                break;
            };
            let same = match a {
                ' ' => c.is_whitespace(),
                '\'' => matches!(c, '\'' | '\u{2019}' | '\u{02BC}'),
                _ => c.to_lowercase().eq(std::iter::once(a)),
            };
            if !same {
                ok = false;
                break;
            }
            rest = cs.as_str();
        }
        let rest = rest.trim_start();
        if ok && rest.chars().any(word_char) {
            return Some(rest);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_folding() {
        assert_eq!(lookup_key("Cybercriminalité"), "cybercriminalite");
        assert_eq!(
            lookup_key("  équipe d’intervention\u{00A0}— CSIRT "),
            "equipe d'intervention csirt"
        );
        assert_eq!(lookup_key("cyber-sécurité"), "cyber securite");
        assert_eq!(lookup_key("«\u{202F}Œuvre\u{202F}»"), "oeuvre");
        assert_eq!(lookup_key("TIC"), lookup_key("tic"));
    }

    #[test]
    fn arabic_folding() {
        // alef with hamza, ta marbuta, diacritics, tatweel
        assert_eq!(
            lookup_key("الجَرِيمَة السيبرانـية"),
            lookup_key("الجريمه السيبرانيه")
        );
        assert_eq!(lookup_key("أمن"), lookup_key("امن"));
        assert_eq!(lookup_key("مستوى"), lookup_key("مستوي"));
        // clitics: article, conjunction + article, preposition + article, lam-lam
        let base = lookup_key("جريمة");
        for w in ["الجريمة", "والجريمة", "بالجريمة", "للجريمة", "فالجريمة"]
        {
            assert_eq!(lookup_key(w), base, "{w}");
        }
        assert_eq!(lookup_key("٢٠١٩"), "2019");
    }

    #[test]
    fn stems_per_language() {
        assert_eq!(
            stem_key("cybercrimes", &Lang::En),
            stem_key("cybercrime", &Lang::En)
        );
        assert_eq!(
            stem_key("Children rights", &Lang::En),
            stem_key("child rights", &Lang::En)
        );
        assert_eq!(stem_key("women", &Lang::En), stem_key("Woman", &Lang::En));
        assert_ne!(
            stem_key("specimen", &Lang::En),
            stem_key("speciman", &Lang::En)
        );
        assert_eq!(
            stem_key("équipes d'intervention", &Lang::Fr),
            stem_key("équipe d’intervention", &Lang::Fr)
        );
        assert_eq!(
            stem_key("technologies de l'information", &Lang::Fr),
            stem_key("technologie de l'information", &Lang::Fr)
        );
        assert_eq!(
            stem_key("السيبرانية", &Lang::Ar),
            stem_key("السيبراني", &Lang::Ar)
        );
    }

    #[test]
    fn words_have_byte_ranges() {
        let s = "la cyber-sécurité, l’État";
        let w: Vec<&str> = words(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(w, ["la", "cyber", "sécurité", "l", "État"]);
    }

    #[test]
    fn leading_articles() {
        let fr = Some(&Lang::Fr);
        let en = Some(&Lang::En);
        for (q, rest) in [
            ("la cybercriminalité", "cybercriminalité"),
            ("Les États Membres", "États Membres"),
            ("l'Union interparlementaire", "Union interparlementaire"),
            ("L’Union interparlementaire", "Union interparlementaire"),
            ("le\u{00A0}piratage", "piratage"),
            ("un crime", "crime"),
            ("une cyberattaque", "cyberattaque"),
            ("des infrastructures", "infrastructures"),
            ("du crime", "crime"),
            ("de la cybersécurité", "cybersécurité"),
            ("de l’Union", "Union"),
            ("d'enfants", "enfants"),
            ("  la  sécurité", "sécurité"),
        ] {
            assert_eq!(strip_article(q, fr), Some(rest), "{q}");
            assert_eq!(strip_article(q, None), Some(rest), "{q}");
        }
        for (q, rest) in [
            ("the cybercrime", "cybercrime"),
            ("The Hague", "Hague"),
            ("a computer system", "computer system"),
            ("an attack", "attack"),
        ] {
            assert_eq!(strip_article(q, en), Some(rest), "{q}");
            assert_eq!(strip_article(q, None), Some(rest), "{q}");
            assert_eq!(strip_article(q, fr), None, "{q}");
        }
        assert_eq!(strip_article("la cybercriminalité", en), None);
        // Only a whole leading article, and something must remain.
        for q in [
            "lampe",
            "anomaly",
            "Lanzarote",
            "les",
            "la ",
            "l'",
            "de sécurité",
        ] {
            assert_eq!(strip_article(q, None), None, "{q}");
        }
        assert_eq!(strip_article("cybercrime the", None), None);
        // Other languages and Arabic script: untouched.
        let de = Lang::Other("de".into());
        assert_eq!(strip_article("la cybercriminalité", Some(&de)), None);
        assert_eq!(strip_article("die Sicherheit", Some(&de)), None);
        assert_eq!(strip_article("la cybercriminalité", Some(&Lang::Ar)), None);
        assert_eq!(strip_article("الجريمة السيبرانية", None), None);
        assert_eq!(strip_article("la الجريمة", None), None);
    }
}

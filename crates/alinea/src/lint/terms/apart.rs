//! A term found in a translation by its words, which may stand apart (`فريق الخبراء العامل`
//! for `فريق عامل`) but close together, by stem or Arabic skeleton, clitics taken off.

use rustc_hash::FxHashMap;

use super::weak::{feminine, has_feminine_twin};
use crate::mine::lexicon::{is_link, is_stop};
use crate::termbase::normalize::{skeleton_word, stem_word, stemmed_words, stemmer, words};
use crate::Lang;

/// The stem keys (and, in Arabic, the consonant skeletons) of the words of `text`, each with
/// the positions (word numbers) it stands at.
pub(super) fn word_keys(text: &str, lang: &Lang) -> FxHashMap<String, Vec<usize>> {
    let mut out: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let st = stemmer(lang);
    for (i, (r, k)) in stemmed_words(text, lang).into_iter().enumerate() {
        let mut add = |k: String| {
            let v = out.entry(k).or_default();
            if v.last() != Some(&i) {
                v.push(i);
            }
        };
        add(k);
        if lang == &Lang::Ar {
            let w = &text[r];
            if feminine(w) {
                add(FEMININE.to_string());
            }
            let mut s = String::new();
            skeleton_word(w, &mut s);
            add(s);
            // A preposition or conjunction glued to a noun without its article
            // (لحقوق الإنسان, بتغير المناخ, وفريق), or both (ولبناء القدرات): the noun's
            // keys too.
            for bare in without_proclitics(w) {
                add(stem_word(bare, st.as_ref()));
                let mut s = String::new();
                skeleton_word(bare, &mut s);
                add(s);
            }
            // A possessive pronoun after the noun (خصوصيتهم, their privacy): the noun's
            // keys too, its ت given back as ة.
            if let Some(noun) = without_enclitic(without_proclitic(w).unwrap_or(w)) {
                add(stem_word(&noun, st.as_ref()));
                let mut s = String::new();
                skeleton_word(&noun, &mut s);
                add(s);
            }
        }
    }
    out
}

/// The key under which [`word_keys`] lists the places of the Arabic words that end in `ة`
/// ([`feminine`]); no word's key (keys hold no control character).
const FEMININE: &str = "\u{1}ة";

/// An Arabic noun without a possessive pronoun after it (`هم`, `ها`, `هما`, `هن`, `كم`,
/// `نا`), its last `ت` written `ة` again (`خصوصيتهم` → `خصوصية`), when at least three
/// letters remain.
fn without_enclitic(w: &str) -> Option<String> {
    let noun = ["هما", "هم", "ها", "هن", "كم", "نا"]
        .iter()
        .find_map(|p| w.strip_suffix(p))
        .filter(|n| n.chars().count() >= 3)?;
    Some(match noun.strip_suffix('ت') {
        Some(stem) => format!("{stem}ة"),
        None => noun.to_string(),
    })
}

/// An Arabic word without one leading و ف ب ل ك, when at least three letters remain.
fn without_proclitic(w: &str) -> Option<&str> {
    let mut cs = w.chars();
    match cs.next() {
        Some('و' | 'ف' | 'ب' | 'ل' | 'ك') if cs.clone().count() >= 3 => Some(cs.as_str()),
        _ => None,
    }
}

/// [`without_proclitic`], and after a conjunction (و ف) the word without a preposition
/// (ب ل ك) too (`ولبناء` → `لبناء`, `بناء`), each when at least three letters remain.
fn without_proclitics(w: &str) -> impl Iterator<Item = &str> {
    let one = without_proclitic(w);
    let two = one
        .filter(|_| w.starts_with(['و', 'ف']))
        .and_then(|rest| rest.starts_with(['ب', 'ل', 'ك']).then_some(rest))
        .and_then(without_proclitic);
    one.into_iter().chain(two)
}

/// Words that may stand between the words of a term found apart (`فريق الخبراء العامل` for
/// `فريق عامل`, `international peace, stability and security` for `international
/// security`).
const APART: usize = 3;

/// [`APART`] in Arabic, whose constructs take in ordinals and adjectives
/// (`الجمعية الثانية والثلاثين بعد المائة للاتحاد البرلماني الدولي` for
/// `جمعية الاتحاد البرلماني الدولي`).
const APART_AR: usize = 5;

/// Whether every content word of `term` is among `keys` (by stem, or in Arabic by
/// skeleton), all within a stretch of the text no longer than the term and [`APART`] more
/// words (not `work` at one end of a sentence and `group` at the other for `working
/// group`); the term's function words (`for` of `respect for privacy`) need not be there.
/// In Arabic every word is needed (a preposition such as `ضد` carries the meaning), within
/// [`APART_AR`] more words.
pub(super) fn all_words_in(term: &str, lang: &Lang, keys: &FxHashMap<String, Vec<usize>>) -> bool {
    times_apart(term, lang, keys) > 0
}

/// How many times `term` stands in the text by its words ([`all_words_in`]): the places of
/// its rarest word that some stretch holding every word takes in (a term whose words are
/// all function words counts once).
pub(super) fn times_apart(term: &str, lang: &Lang, keys: &FxHashMap<String, Vec<usize>>) -> usize {
    let st = stemmer(lang);
    let mut places: Vec<Vec<usize>> = Vec::new();
    for r in words(term) {
        let w = &term[r];
        let k = stem_word(w, st.as_ref());
        // `IT` is no function word.
        let capitals = w.chars().all(|c| !c.is_lowercase());
        if k.is_empty()
            || !capitals && lang != &Lang::Ar && is_function_word(lang, &w.to_lowercase())
        {
            continue;
        }
        let mut at: Vec<usize> = keys.get(&k).cloned().unwrap_or_default();
        // A skeleton of two letters is too loose a key (`العام` and `عما`, `الأمين` and
        // `من` share theirs): the word's stem alone finds it then.
        if lang == &Lang::Ar {
            let mut s = String::new();
            skeleton_word(w, &mut s);
            if s.chars().count() >= 3 {
                at.extend(keys.get(&s).into_iter().flatten());
            }
        }
        if at.is_empty() {
            return 0;
        }
        places.push(at);
    }
    if places.is_empty() {
        return usize::from(!words(term).is_empty());
    }
    let apart = if lang == &Lang::Ar { APART_AR } else { APART };
    let reach = places.len() - 1 + apart;
    // In Arabic, a term that may have a feminine twin is not found where every word found is
    // feminine: that is the twin (`الأمانة العامة` for `الأمين العام`).
    let twin_places: &[usize] =
        match lang == &Lang::Ar && places.len() >= 2 && has_feminine_twin(term) {
            true => keys.get(FEMININE).map_or(&[], |v| v),
            false => &[],
        };
    // A place of some word opens a stretch that holds a place of every word (one at least
    // not a twin's).
    let holds = |start: usize| {
        let within = |p: usize| p >= start && p <= start + reach;
        places.iter().all(|at| at.iter().any(|&p| within(p)))
            && (twin_places.is_empty()
                || places.iter().any(|at| {
                    at.iter()
                        .any(|&p| within(p) && twin_places.binary_search(&p).is_err())
                }))
    };
    let rarest = places
        .iter()
        .min_by_key(|at| at.len())
        .map_or(&[][..], |v| v);
    let mut rarest = rarest.to_vec();
    rarest.sort_unstable();
    rarest.dedup();
    rarest
        .iter()
        .filter(|&&r| {
            places
                .iter()
                .flatten()
                .any(|&start| start <= r && r <= start + reach && holds(start))
        })
        .count()
}

/// A function word of `lang` (a stop word, or a word linking a term's words: `for`, `de`).
fn is_function_word(lang: &Lang, w: &str) -> bool {
    is_stop(lang, w) || is_link(lang, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_found_apart_only_when_its_words_stand_close() {
        let has =
            |term: &str, text: &str, lang: Lang| all_words_in(term, &lang, &word_keys(text, &lang));
        assert!(has("فريق عامل", "شكل فريق الخبراء العامل تقريره", Lang::Ar));
        assert!(has(
            "جمعية الاتحاد البرلماني الدولي",
            "إن الجمعية الثانية والثلاثين بعد المائة للاتحاد البرلماني الدولي",
            Lang::Ar
        ));
        assert!(has("working group", "the group working on it", Lang::En));
        // Words of the term at two ends of the unit are not the term.
        assert!(!has(
            "working group",
            "the activities of the experts working on its third meeting and the programme developed by the group",
            Lang::En
        ));
        assert!(!has(
            "gender equality",
            "gender equity reasons granting the status of equality",
            Lang::En
        ));
        // Coordinated words between, and the term's function words not needed.
        assert!(has(
            "international security",
            "measures conducive to international peace, stability and security",
            Lang::En
        ));
        assert!(has(
            "respect for privacy",
            "respecting the privacy of individuals",
            Lang::En
        ));
        // A conjunction and a preposition glued to an Arabic noun.
        for text in ["ولبناء القدرات من أجل", "فلبناء القدرات", "لبناء القدرات"]
        {
            assert!(has("بناء القدرات", text, Lang::Ar), "{text}");
        }
        assert!(!has("بناء القدرات", "ولاية القدرات", Lang::Ar));
        // A possessive pronoun after an Arabic noun.
        assert!(has(
            "الخصوصية",
            "ولحماية الأمن السيبراني للمواطنين وهويتهم وخصوصيتهم وبياناتهم",
            Lang::Ar
        ));
        assert!(!has(
            "الخصوصية",
            "ولحماية الأمن السيبراني للمواطنين",
            Lang::Ar
        ));
        // An acronym that writes a function word is a word of its own.
        assert!(!has(
            "IT",
            "military and civilian computer networks",
            Lang::En
        ));
        assert!(has("IT", "the IT networks", Lang::En));
        // Counted: each place of the rarest word inside a stretch with the others.
        let times =
            |term: &str, text: &str, lang: Lang| times_apart(term, &lang, &word_keys(text, &lang));
        assert_eq!(
            times(
                "الأسلحة النووية",
                "الدول الحائزة للأسلحة النووية وتحديث ترسانات أسلحتها النووية",
                Lang::Ar
            ),
            2
        );
        assert_eq!(
            times(
                "الأسلحة النووية",
                "تحديث ترسانات أسلحتها النووية والتجارب النووية",
                Lang::Ar
            ),
            1
        );
        assert_eq!(
            times("working group", "the group working on it", Lang::En),
            1
        );
        assert_eq!(times("working group", "the group", Lang::En), 0);
        // Two-letter skeletons are no key: `عما … من` is not `الأمين العام`.
        assert!(!has(
            "الأمين العام",
            "معلومات عما لم ينفذ بعد من الأحكام",
            Lang::Ar
        ));
        assert!(has("الأمين العام", "وللأمين العام", Lang::Ar));
        // The feminine twin of a two-word term is another noun.
        assert!(!has("الأمين العام", "وتحدثت الأمانة العامة عن", Lang::Ar));
        assert!(has("الأمين العام", "وتحدث الأمين العام عن", Lang::Ar));
        assert!(has("المشروع الدولي", "المشاريع الدولية", Lang::Ar));
    }
}

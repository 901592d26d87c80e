//! Bilingual word lists shipped with the crate and their stemmed, per-direction form, built once
//! and shared: general dictionaries (data/lexicon/{fr-en,en-ar,fr-ar}.tsv, converted from
//! FreeDict by scripts/build-lexicon.py), a French–English list through Spanish and Esperanto
//! (data/lexicon/fr-en-apertium.tsv, converted from Apertium's fr-es, eng-spa, eo-fr and
//! eo-en pairs by scripts/build-lexicon-apertium.py) and word translations learned from the UN parallel
//! corpus dev set (data/lexicon/un-fr-ar.tsv, scripts/train-lexicon.py), merged per pair.
//! The lists are GPL (FreeDict, Apertium); building without the default `lexicon` feature
//! leaves them out and the aligner then relies on anchors, cognates and learned translations
//! only.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use super::features::{FxMap, WordStemmer};
use crate::text::fold::{fold_arabic, fold_arabic_char};
use crate::Lang;

#[cfg(feature = "lexicon")]
const FR_EN: &str = include_str!("../../../../data/lexicon/fr-en.tsv");
#[cfg(feature = "lexicon")]
const EN_AR: &str = include_str!("../../../../data/lexicon/en-ar.tsv");
#[cfg(feature = "lexicon")]
const FR_AR: &str = include_str!("../../../../data/lexicon/fr-ar.tsv");
#[cfg(feature = "lexicon")]
const FR_EN_APERTIUM: &str = include_str!("../../../../data/lexicon/fr-en-apertium.tsv");
#[cfg(feature = "lexicon")]
const UN_FR_AR: &str = include_str!("../../../../data/lexicon/un-fr-ar.tsv");

/// Word translations from target stems to source stems, for one language direction.
#[derive(Debug, Default)]
pub(crate) struct PairLexicon {
    pub tgt_to_src: FxMap<String, Vec<String>>,
}

#[cfg(not(feature = "lexicon"))]
fn raw(_: &str, _: &str) -> Vec<(&'static str, bool)> {
    Vec::new()
}

/// The lists for a pair, each with whether it maps the pair's target to its source.
#[cfg(feature = "lexicon")]
fn raw(a: &str, b: &str) -> Vec<(&'static str, bool)> {
    match (a, b) {
        ("fr", "en") => vec![(FR_EN, false), (FR_EN_APERTIUM, false)],
        ("en", "fr") => vec![(FR_EN, true), (FR_EN_APERTIUM, true)],
        ("en", "ar") => vec![(EN_AR, false)],
        ("ar", "en") => vec![(EN_AR, true)],
        ("fr", "ar") => vec![(FR_AR, false), (UN_FR_AR, false)],
        ("ar", "fr") => vec![(FR_AR, true), (UN_FR_AR, true)],
        _ => Vec::new(),
    }
}

/// The stem of a word of the list, lower-cased (and folded for Arabic), as the aligner's
/// features give it.
fn key<'b>(word: &str, lang: &Lang, stemmer: &WordStemmer, buf: &'b mut String) -> Cow<'b, str> {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else if word.contains('Σ') {
        // A final sigma is lower-cased by its place in the word: the whole word at once.
        let lower = word.to_lowercase();
        if matches!(lang, Lang::Ar) {
            buf.push_str(&fold_arabic(&lower));
        } else {
            buf.push_str(&lower);
        }
    } else {
        // Character by character, as `str::to_lowercase` does but for Σ, into `buf`.
        let lower = word.chars().flat_map(char::to_lowercase);
        if matches!(lang, Lang::Ar) {
            buf.extend(lower.filter_map(fold_arabic_char));
        } else {
            buf.extend(lower);
        }
    }
    stemmer.stem(buf)
}

fn build(src: &Lang, tgt: &Lang) -> PairLexicon {
    let mut map: FxMap<String, Vec<String>> = FxMap::default();
    for (text, reversed) in raw(src.code(), tgt.code()) {
        add(&mut map, text, reversed, src, tgt);
    }
    for v in map.values_mut() {
        v.sort_unstable();
        v.dedup();
    }
    PairLexicon { tgt_to_src: map }
}

/// Add the links of one list to `map` (target stem → source stems).
fn add(map: &mut FxMap<String, Vec<String>>, text: &str, reversed: bool, src: &Lang, tgt: &Lang) {
    // The file maps its left language to its right one.
    let (left, right) = if reversed { (tgt, src) } else { (src, tgt) };
    let ls = WordStemmer::new(left);
    let rs = WordStemmer::new(right);
    let (mut lbuf, mut rbuf) = (String::new(), String::new());
    for line in text.lines() {
        let Some((l, rights)) = line.split_once('\t') else {
            continue;
        };
        let lk = key(l, left, &ls, &mut lbuf);
        for r in rights.split(' ').filter(|r| !r.is_empty()) {
            let rk = key(r, right, &rs, &mut rbuf);
            // A key already in the map is looked up by reference: no string is made for it.
            let (s, t) = if reversed { (&rk, &lk) } else { (&lk, &rk) };
            match map.get_mut(t.as_ref()) {
                Some(v) => v.push(s.to_string()),
                None => {
                    map.insert(t.to_string(), vec![s.to_string()]);
                }
            }
        }
    }
}

/// The lexicon for `src` → `tgt` (empty when none is shipped for the pair).
pub(crate) fn for_pair(src: &Lang, tgt: &Lang) -> Arc<PairLexicon> {
    type Cache = Mutex<HashMap<(String, String), Arc<PairLexicon>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let k = (src.code().to_string(), tgt.code().to_string());
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(l) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&k) {
        return Arc::clone(l);
    }
    let lex = Arc::new(build(src, tgt));
    cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry(k)
        .or_insert(lex)
        .clone()
}

/// For each of `src_words` (words of `src`), whether the shipped word lists give every one
/// of `tgt_words` (words of `tgt`) as its translation, each word compared by its stem; the
/// source words' keys are made once for the call.
pub(crate) fn translated_all(
    src: &Lang,
    src_words: &[&str],
    tgt: &Lang,
    tgt_words: &[&str],
) -> Vec<bool> {
    let lex = for_pair(src, tgt);
    let (ss, ts) = (WordStemmer::new(src), WordStemmer::new(tgt));
    let mut buf = String::new();
    let mut sources = Vec::with_capacity(tgt_words.len());
    for w in tgt_words {
        match lex.tgt_to_src.get(key(w, tgt, &ts, &mut buf).as_ref()) {
            Some(s) => sources.push(s),
            None => return vec![false; src_words.len()],
        }
    }
    src_words
        .iter()
        .map(|w| {
            let k = key(w, src, &ss, &mut buf);
            sources.iter().all(|s| s.iter().any(|x| x == k.as_ref()))
        })
        .collect()
}

#[cfg(all(test, feature = "lexicon"))]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_stems_of_the_lower_cased_folded_words() {
        // The straightforward key: the whole word lower-cased, then folded for Arabic.
        let reference = |word: &str, lang: &Lang| {
            let lower = word.to_lowercase();
            let folded = if matches!(lang, Lang::Ar) {
                fold_arabic(&lower)
            } else {
                lower
            };
            WordStemmer::new(lang).stem(&folded).into_owned()
        };
        let mut buf = String::from("stale");
        for lang in [Lang::Fr, Lang::En, Lang::Ar, Lang::Other("el".into())] {
            let stemmer = WordStemmer::new(&lang);
            for word in [
                "Principe",
                "ÉTATS",
                "İstanbul",
                "ΟΔΟΣ",
                "Σίσυφος",
                "المُجتمع",
                "الجمعيّة",
                "Straße",
            ] {
                let got = key(word, &lang, &stemmer, &mut buf).into_owned();
                assert_eq!(got, reference(word, &lang), "{word} {lang:?}");
            }
        }
        assert_eq!(
            key("ÉTATS", &Lang::Fr, &WordStemmer::new(&Lang::Fr), &mut buf),
            "états"
        );
    }

    #[test]
    fn both_directions_are_available() {
        let fe = for_pair(&Lang::Fr, &Lang::En);
        let en = WordStemmer::new(&Lang::En);
        let fr = WordStemmer::new(&Lang::Fr);
        let srcs = &fe.tgt_to_src[&en.stem("principle").into_owned()];
        assert!(srcs.contains(&fr.stem("principe").into_owned()));
        let ef = for_pair(&Lang::En, &Lang::Fr);
        assert!(ef.tgt_to_src[&fr.stem("principe").into_owned()]
            .contains(&en.stem("principle").into_owned()));
        // French–English: FreeDict's links and Apertium's through Spanish and Esperanto,
        // merged: the second gives `préoccupé` → `concerned`, `hommes` → `men` and `résumé` →
        // `summary`, the first none of them.
        let links = |f: &str, e: &str| {
            fe.tgt_to_src
                .get(en.stem(e).as_ref())
                .is_some_and(|v| v.contains(&fr.stem(f).into_owned()))
        };
        assert!(links("préoccupé", "concerned"));
        assert!(links("hommes", "men"));
        assert!(links("responsabilités", "responsibility"));
        assert!(links("résumé", "summary"));
        assert!(!links("hommes", "concerned"));
        // French–Arabic: the dictionary's links and those learned from the UN dev set, merged.
        let fa = for_pair(&Lang::Fr, &Lang::Ar);
        let ar = WordStemmer::new(&Lang::Ar);
        let key_ar = |w: &str| ar.stem(&fold_arabic(w)).into_owned();
        assert!(fa.tgt_to_src[&key_ar("المجلس")].contains(&fr.stem("assemblée").into_owned()));
        assert!(fa.tgt_to_src[&key_ar("الجمعية")].contains(&fr.stem("assemblée").into_owned()));
        assert!(for_pair(&Lang::Fr, &Lang::Other("de".into()))
            .tgt_to_src
            .is_empty());
    }
}

//! Cutting a unit's text into the word runs candidates are made of: words (letters and digits,
//! inner hyphens kept: `horizontal-axis`, `lithium-carbone`), French elided articles as words
//! of their own (`l'`, `d'`), and chunk breaks at punctuation, brackets and numbers alone.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::lexicon::{is_coordinator, is_link, is_open_end, is_stop, zipf};
use crate::termbase::normalize::lookup_key;
use crate::Lang;

/// One word of a chunk.
#[derive(Clone, Debug, PartialEq)]
pub struct Token<'a> {
    /// The word as written.
    pub surface: &'a str,
    /// Its variant key (see [`variant_key`]).
    pub key: Arc<str>,
    /// A linking word of the language (`de`, `of`: inside a term only).
    pub link: bool,
    /// A coordinating word (`et`, `and`): inside a name only.
    pub coordinator: bool,
    /// A word that calls for a complement (`relatif`, `relating`): it ends no multi-word term
    /// ([`super::lexicon::is_open_end`]).
    pub open_end: bool,
    /// A content word: two letters or more (or a letter and a digit), neither a function
    /// word nor a linking word.
    pub content: bool,
    /// The key's number in the [`Words`] table the chunk was cut with (0 without one).
    pub key_id: u32,
    /// Starts with an upper-case letter.
    pub capital: bool,
    /// All letters upper-case, at least two of them (`TIC`, `NATO`).
    pub all_caps: bool,
    /// A common word of the language written in capitals (`DOCUMENT`, `FORM` in a heading):
    /// its capitals make it neither an acronym nor a name ([`SHOUTED_ZIPF`]).
    pub shouted: bool,
    /// The first word of a sentence (so its capital says nothing).
    pub initial: bool,
    /// A word of the language ([`KNOWN_ZIPF`]): what tells a passage in another language.
    pub known: bool,
}

fn word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

const ELIDED: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// The general-language Zipf frequency from which a word written in capitals is taken for a
/// common word in a heading rather than an acronym (`DOCUMENT` 4.5, `DISPOSITIF` 4.4,
/// `INTRODUCTION` 4.4; not `UNESCO` 3.6–3.9, `SCADA`, `NREL`, which the lists lack).
pub const SHOUTED_ZIPF: f64 = 4.0;

/// The fewest letters of such a word: frequent acronyms are short (`NATO` 4.0, `AIDS` 4.3,
/// `ONU` 4.3 in the lists) and keep their capitals.
pub const SHOUTED_LETTERS: usize = 5;

/// A French or English word is a word of its language when the general list holds it at
/// this Zipf value or more (once a million words); an Arabic word, when it is written in
/// Arabic letters; for a language without a list, always.
pub const KNOWN_ZIPF: f64 = 3.0;

/// A table of the words met so far: each written form's lower case and variant key (worked
/// out once per distinct form, not once per occurrence), and each key's number.
#[derive(Debug, Default)]
pub struct Words {
    forms: FxHashMap<Box<str>, Word>,
    keys: Vec<Arc<str>>,
    key_ids: FxHashMap<Arc<str>, u32>,
}

/// What a written form gives.
#[derive(Clone, Copy, Debug)]
struct Word {
    key_id: u32,
    link: bool,
    coordinator: bool,
    open_end: bool,
    content: bool,
    /// Starts with an upper-case letter; all of two letters or more upper case.
    capital: bool,
    all_caps: bool,
    shouted: bool,
    known: bool,
}

/// Whether `word` holds a letter the language's script does not write: a Greek symbol in
/// French or English text (`Ωs`, `ωt`), or the glyphs a PDF's broken font leaves (`ǻf`,
/// `ȕref`). Such a word is a symbol or noise, never part of a candidate. French and English
/// words use the Latin letters up to Latin Extended-A (names such as `Łódź` keep theirs);
/// Arabic words, the Arabic blocks' letters ([`crate::text::chars::is_arabic_script`]) or
/// Latin ones (acronyms).
fn alien(lang: &Lang, word: &str) -> bool {
    // × and ÷ stand in Latin-1 too, but are no letters: only letters are asked about.
    let latin = |c: char| c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{017F}');
    let ok: &dyn Fn(char) -> bool = match lang {
        Lang::Fr | Lang::En => &latin,
        Lang::Ar => &|c| latin(c) || crate::text::chars::is_arabic_script(c),
        _ => return false,
    };
    word.chars().any(|c| c.is_alphabetic() && !ok(c))
}

impl Words {
    /// What `surface` gives in `lang`.
    fn get(&mut self, surface: &str, lang: &Lang) -> (Word, Arc<str>) {
        if let Some(&w) = self.forms.get(surface) {
            return (w, self.keys[w.key_id as usize].clone());
        }
        let lower = lower_word(surface);
        let key = variant_key(&lower, lang);
        let key_id = match self.key_ids.get(key.as_str()) {
            Some(&id) => id,
            None => {
                let id = self.keys.len() as u32;
                let k: Arc<str> = key.into();
                self.keys.push(k.clone());
                self.key_ids.insert(k, id);
                id
            }
        };
        let letters = lower.chars().filter(|c| c.is_alphabetic()).count();
        let link = is_link(lang, &lower);
        let all_caps = letters >= 2
            && surface
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        let shouted = all_caps
            && letters >= SHOUTED_LETTERS
            && zipf(lang, &lower).is_some_and(|z| z >= SHOUTED_ZIPF);
        let w = Word {
            content: letters >= 1
                && (letters >= 2 || lower.chars().any(|c| c.is_numeric()))
                && !is_stop(lang, &lower)
                && !link
                && !alien(lang, surface),
            link,
            coordinator: is_coordinator(lang, &lower),
            open_end: is_open_end(lang, &lower),
            key_id,
            capital: surface.chars().next().is_some_and(char::is_uppercase),
            all_caps,
            shouted,
            known: match lang {
                Lang::Ar => lower.chars().any(crate::text::chars::is_arabic_script),
                Lang::Fr | Lang::En => {
                    zipf(lang, lower.trim_end_matches('\'')).is_some_and(|z| z >= KNOWN_ZIPF)
                }
                Lang::Other(_) => true,
            },
        };
        self.forms.insert(surface.into(), w);
        (w, self.keys[key_id as usize].clone())
    }

    /// Distinct keys met.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// The chunks of `text`: runs of words between punctuation. Byte offsets are into `text`.
pub fn chunks<'a>(text: &'a str, lang: &Lang) -> Vec<Vec<Token<'a>>> {
    chunks_with(text, lang, &mut Words::default())
}

/// [`chunks`], looking words up in (and adding them to) `words`.
pub fn chunks_with<'a>(text: &'a str, lang: &Lang, words: &mut Words) -> Vec<Vec<Token<'a>>> {
    let mut out: Vec<Vec<Token<'a>>> = Vec::new();
    let mut cur: Vec<Token<'a>> = Vec::new();
    let mut sentence_start = true;
    let mut it = text.char_indices().peekable();
    let flush = |cur: &mut Vec<Token<'a>>, out: &mut Vec<Vec<Token<'a>>>| {
        if !cur.is_empty() {
            out.push(std::mem::take(cur));
        }
    };
    while let Some((i, c)) = it.next() {
        if word_char(c) {
            // A word: letters and digits, with inner hyphens and apostrophes.
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if word_char(d) {
                    end = j + d.len_utf8();
                    it.next();
                } else if d == '-' || d == '\u{2011}' || is_apostrophe(d) {
                    // Joined only when a letter follows.
                    let after = text[j + d.len_utf8()..].chars().next();
                    if !after.is_some_and(word_char) {
                        break;
                    }
                    if is_apostrophe(d) {
                        let head = text[i..j].to_lowercase();
                        if *lang == Lang::Fr && ELIDED.contains(&head.as_str()) {
                            end = j + d.len_utf8();
                            it.next();
                            break;
                        }
                        if *lang == Lang::En {
                            // `wind's`: the word ends here, `'s` breaks.
                            break;
                        }
                    }
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            let surface = &text[i..end];
            if surface.chars().all(|c| c.is_numeric()) {
                flush(&mut cur, &mut out);
                sentence_start = false;
                continue;
            }
            cur.push(token(surface, lang, sentence_start, words));
            sentence_start = false;
        } else if c.is_whitespace() {
            continue;
        } else if is_apostrophe(c) {
            // English `'s` after a word, or a quote: a break either way.
            flush(&mut cur, &mut out);
            if let Some(&(_, 's')) = it.peek() {
                it.next();
            }
        } else {
            flush(&mut cur, &mut out);
            if matches!(c, '.' | '!' | '?' | ':' | ';' | '\u{061F}' | '\u{06D4}') {
                sentence_start = true;
            }
        }
    }
    flush(&mut cur, &mut out);
    out
}

fn lower_word(surface: &str) -> String {
    surface
        .to_lowercase()
        .replace(['\u{2019}', '\u{02BC}'], "'")
}

fn token<'a>(surface: &'a str, lang: &Lang, initial: bool, words: &mut Words) -> Token<'a> {
    let (w, key) = words.get(surface, lang);
    Token {
        surface,
        key,
        key_id: w.key_id,
        link: w.link,
        coordinator: w.coordinator,
        open_end: w.open_end,
        content: w.content,
        capital: w.capital,
        all_caps: w.all_caps,
        shouted: w.shouted,
        initial,
        known: w.known,
    }
}

/// The key under which variants of a word meet: the lookup key (case, accents, hyphens as
/// spaces, Arabic letter variants and clitics: [`lookup_key`]) with a regular plural taken off
/// (French and English `-s`, `-x`, `-aux`; English `-ies`).
pub fn variant_key(word: &str, lang: &Lang) -> String {
    let k = lookup_key(word);
    k.split(' ')
        .map(|w| singular(w, lang))
        .collect::<Vec<_>>()
        .join(" ")
}

fn singular<'w>(w: &'w str, lang: &Lang) -> std::borrow::Cow<'w, str> {
    use std::borrow::Cow;
    let n = w.chars().count();
    if n <= 3 || w.chars().any(|c| c.is_ascii_digit()) {
        return Cow::Borrowed(w);
    }
    match lang {
        Lang::En => {
            if let Some(s) = w.strip_suffix("ies") {
                Cow::Owned(format!("{s}y"))
            } else if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
                Cow::Borrowed(w)
            } else {
                Cow::Borrowed(w.strip_suffix('s').unwrap_or(w))
            }
        }
        Lang::Fr => {
            if let Some(s) = w.strip_suffix("aux") {
                Cow::Owned(format!("{s}al"))
            } else if w.ends_with("ss") {
                Cow::Borrowed(w)
            } else {
                Cow::Borrowed(w.strip_suffix(['s', 'x']).unwrap_or(w))
            }
        }
        _ => Cow::Borrowed(w),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, lang: Lang) -> Vec<Vec<String>> {
        chunks(text, &lang)
            .into_iter()
            .map(|c| c.into_iter().map(|t| t.surface.to_string()).collect())
            .collect()
    }

    #[test]
    fn french_elision_hyphens_and_breaks() {
        assert_eq!(
            words(
                "Les technologies de l’information (TIC), accumulateur au lithium-carbone.",
                Lang::Fr
            ),
            vec![
                vec!["Les", "technologies", "de", "l’", "information"],
                vec!["TIC"],
                vec!["accumulateur", "au", "lithium-carbone"],
            ]
        );
    }

    #[test]
    fn english_possessive_and_numbers_break() {
        assert_eq!(
            words("the rotor's blade has 3 parts", Lang::En),
            vec![vec!["the", "rotor"], vec!["blade", "has"], vec!["parts"]]
        );
    }

    #[test]
    fn capitals_and_sentence_starts() {
        let c = chunks("Wind power. The European Union", &Lang::En);
        assert!(c[0][0].initial && c[0][0].capital);
        assert!(!c[1][1].initial && c[1][1].capital);
        let t = &chunks("NATO", &Lang::En)[0][0];
        assert!(t.all_caps && !t.shouted);
        // A common word in capitals is shouted (a heading), a rare one is an acronym.
        let c = chunks("PROJECT DESIGN DOCUMENT", &Lang::En);
        assert!(c[0].iter().all(|t| t.all_caps && t.shouted));
        for acronym in ["SCADA", "UNESCO", "AIDS"] {
            let t = &chunks(acronym, &Lang::En)[0][0];
            assert!(t.all_caps && !t.shouted, "{acronym}");
        }
    }

    #[test]
    fn symbols_and_broken_glyphs_are_no_content() {
        for w in ["Ωs", "ωt", "ǻf", "ȕref"] {
            assert!(alien(&Lang::Fr, w) && alien(&Lang::En, w), "{w}");
            assert!(!chunks_with(w, &Lang::En, &mut Words::default())
                .iter()
                .flatten()
                .any(|t| t.content));
        }
        for w in ["éolienne", "Łódź", "œuvre", "CO2", "turbine"] {
            assert!(!alien(&Lang::Fr, w), "{w}");
        }
        assert!(!alien(&Lang::Ar, "الطاقة") && !alien(&Lang::Ar, "UNESCO"));
        assert!(alien(&Lang::Ar, "Ωs"));
    }

    #[test]
    fn variant_keys_meet() {
        assert_eq!(
            variant_key("Turbines", &Lang::En),
            variant_key("turbine", &Lang::En)
        );
        assert_eq!(variant_key("policies", &Lang::En), "policy");
        let mut w = Words::default();
        let a = chunks_with("Turbines turbine TURBINE", &Lang::En, &mut w);
        assert!(a[0]
            .iter()
            .all(|t| t.key_id == a[0][0].key_id && &*t.key == "turbine"));
        assert!(a[0][0].capital && !a[0][0].all_caps && a[0][2].all_caps && !a[0][1].capital);
        assert!(a[0][0].content && !a[0][0].link);
        assert_eq!(w.len(), 1, "one key for three forms");
        let of = &chunks_with("speed of rotation", &Lang::En, &mut w)[0];
        assert!(of[1].link && !of[1].content && of[2].content);
        assert_eq!(w.len(), 4);
        assert_eq!(variant_key("généraux", &Lang::Fr), "general");
        assert_eq!(variant_key("wind-turbine", &Lang::En), "wind turbine");
        assert_eq!(
            variant_key("والجمعية", &Lang::Ar),
            variant_key("الجمعيه", &Lang::Ar)
        );
    }
}

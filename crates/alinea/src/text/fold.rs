//! Folding: the character-level steps that make two spellings of one word compare equal —
//! Arabic letter variants, diacritics and tatweel; Latin accents and ligatures. The keys built
//! from them are named for what they are and live with their users: the aligner's fast keys in
//! `align::features`, the lookup keys in `termbase::normalize`; the general matching form of a
//! text is [`crate::text::normalize::for_matching`].

use super::chars::is_arabic_diacritic;

/// One character of the Arabic matching form: `None` for a diacritic or tatweel; bare alef
/// ا for the alef variants (أ إ آ ٱ); ya ي for alef maqsura ى and Persian ya; ha ه for ta
/// marbuta ة; Arabic kaf for Persian kaf; any other character as it is. The text should
/// already be NFC (so that alef + combining hamza is أ).
#[inline]
pub fn fold_arabic_char(c: char) -> Option<char> {
    if is_arabic_diacritic(c) {
        return None;
    }
    Some(match c {
        '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' => '\u{0627}',
        '\u{0649}' | '\u{06CC}' => '\u{064A}',
        '\u{0629}' => '\u{0647}',
        '\u{06A9}' => '\u{0643}',
        '\u{0640}' => return None,
        c => c,
    })
}

/// `word` with every character through [`fold_arabic_char`].
pub fn fold_arabic(word: &str) -> String {
    word.chars().filter_map(fold_arabic_char).collect()
}

/// A lower-case Latin-1 letter without its accent (à → a, ç → c, ß → s, æ → a); any other
/// character as it is. The fast path of [`strip_accents`].
#[inline]
pub fn latin1_base(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ß' => 's',
        'æ' => 'a',
        _ => c,
    }
}

/// `word` without its Latin accents, one character for one (é → e, œ → o, ß → s): the form
/// cognates are compared in. Lower-case input is expected; other scripts are left alone.
pub fn strip_accents(word: &str) -> String {
    let mut out = String::new();
    strip_accents_into(word, &mut out);
    out
}

/// [`strip_accents`] written into `out` (cleared first), for callers that fold many words
/// with one buffer.
pub fn strip_accents_into(word: &str, out: &mut String) {
    use unicode_normalization::UnicodeNormalization;
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
    } else if word.chars().all(|c| (c as u32) < 0x100) {
        // Latin-1 letters keep their length or lose a byte.
        out.reserve(word.len());
        out.extend(word.chars().map(latin1_base));
    } else {
        out.extend(
            word.nfd()
                .filter(|c| !('\u{0300}'..='\u{036F}').contains(c))
                .map(|c| match c {
                    'ß' => 's',
                    'œ' => 'o',
                    'æ' => 'a',
                    _ => c,
                }),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_variants_diacritics_and_tatweel() {
        assert_eq!(fold_arabic("أإآٱا"), "ااااا");
        assert_eq!(fold_arabic("مستشفى"), "مستشفي");
        assert_eq!(fold_arabic("الجريمة"), "الجريمه");
        assert_eq!(fold_arabic("الجَرِيمَةُ"), "الجريمه");
        assert_eq!(fold_arabic("الســيبراني"), "السيبراني");
        assert_eq!(fold_arabic("إنّ"), "ان");
        assert_eq!(fold_arabic("Latin é"), "Latin é");
    }

    #[test]
    fn accents_one_for_one() {
        assert_eq!(strip_accents("cybersécurité"), "cybersecurite");
        assert_eq!(strip_accents("œuvre"), "ouvre");
        assert_eq!(strip_accents("straße"), "strase");
        assert_eq!(strip_accents("größe"), "grose");
        assert_eq!(strip_accents("développement"), "developpement");
        assert_eq!(strip_accents("ǎ"), "a");
        assert_eq!(strip_accents("ascii"), "ascii");
        // One buffer for many words: each word replaces the one before.
        let mut buf = String::from("longer than any word");
        for (w, d) in [
            ("cybersécurité", "cybersecurite"),
            ("œuvre", "ouvre"),
            ("ǎ", "a"),
            ("ab", "ab"),
        ] {
            strip_accents_into(w, &mut buf);
            assert_eq!(buf, d);
        }
        for c in 'à'..='ÿ' {
            let s = c.to_string();
            if c.is_lowercase() {
                assert_eq!(strip_accents(&s).chars().count(), 1, "{c}");
            }
        }
    }
}

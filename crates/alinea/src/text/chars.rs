//! Character classes: the one place that says what a character is — which script, whether it
//! is an Arabic letter or diacritic, a digit of any of the scripts alinea reads, a character
//! that carries no text. Every other module asks here instead of writing its own ranges.
//!
//! Invariants (tested): every Arabic letter is of the Arabic script and alphabetic; no
//! diacritic is a letter; [`ascii_digit`] maps exactly the twenty Eastern digits.

/// The script of a letter, as far as alinea's rules care.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Script {
    Latin,
    Arabic,
    Other,
}

/// Whether `c` is white space that runs of are collapsed to one space: every white space but
/// the no-break spaces (U+00A0, U+202F), which French typography places on purpose.
pub fn is_collapsible_space(c: char) -> bool {
    c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}'
}

/// What [`char::is_alphabetic`] and [`char::is_numeric`] say of `c`, as `(alphabetic,
/// numeric)`: the same answers, with ASCII and the Arabic block (U+0600–U+06FF) looked up in a
/// table the standard library's own answers fill once (its general lookups are slow there,
/// and these are the characters alinea reads most).
#[inline]
pub fn letter_or_digit(c: char) -> (bool, bool) {
    static ARABIC: std::sync::OnceLock<[(bool, bool); 256]> = std::sync::OnceLock::new();
    if c.is_ascii() {
        return (c.is_ascii_alphabetic(), c.is_ascii_digit());
    }
    match (c as u32).checked_sub(0x600) {
        Some(k) if k < 256 => ARABIC.get_or_init(|| {
            std::array::from_fn(|k| {
                let c = char::from_u32(0x600 + k as u32).unwrap_or_default();
                (c.is_alphabetic(), c.is_numeric())
            })
        })[k as usize],
        _ => (c.is_alphabetic(), c.is_numeric()),
    }
}

/// The script of `c` (meaningful for letters): Basic Latin, Latin-1, Latin Extended-A/B and
/// Additional; the Arabic blocks of [`is_arabic_script`]; everything else `Other`.
#[inline]
pub fn script(c: char) -> Script {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        _ if is_arabic_script(c) => Script::Arabic,
        _ => Script::Other,
    }
}

/// Whether `c` is in one of the Arabic blocks: Arabic, Arabic Supplement, Arabic Extended-A,
/// and the presentation forms A and B.
#[inline]
pub fn is_arabic_script(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Whether `c` is an Arabic letter of the basic block (hamza to ya, with tatweel): the letters
/// of Arabic text as UN documents write it, before any folding.
#[inline]
pub fn is_basic_arabic_letter(c: char) -> bool {
    matches!(c as u32, 0x0620..=0x064A)
}

/// Whether `c` is an Arabic letter: the basic letters, the extended letters of the Arabic
/// block (Persian, Urdu …) and of the Supplement and Extended-A blocks. Not diacritics, digits
/// or punctuation.
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    is_basic_arabic_letter(c)
        || matches!(c as u32, 0x066E..=0x066F | 0x0671..=0x06D3 | 0x06D5 | 0x06EE..=0x06EF | 0x06FA..=0x06FC | 0x06FF | 0x0750..=0x077F | 0x08A0..=0x08C9)
}

/// Arabic diacritics: harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
#[inline]
pub fn is_arabic_diacritic(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0610}'..='\u{061A}')
}

/// The ASCII value of an Eastern Arabic (٠-٩) or Extended Arabic-Indic (۰-۹) digit.
#[inline]
pub fn ascii_digit(c: char) -> Option<char> {
    match c {
        '\u{0660}'..='\u{0669}' => Some(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => Some(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        _ => None,
    }
}

/// Whether `c` is a decimal digit: ASCII, Eastern Arabic or Extended Arabic-Indic.
#[inline]
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ascii_digit(c).is_some()
}

/// The ASCII digit a superscript digit (¹ ² ³ ⁰ ⁴ … ⁹) writes.
#[inline]
pub fn superscript_value(c: char) -> Option<char> {
    match c {
        '⁰' => Some('0'),
        '¹' => Some('1'),
        '²' => Some('2'),
        '³' => Some('3'),
        '⁴'..='⁹' => Some(char::from(b'4' + (c as u32 - 0x2074) as u8)),
        _ => None,
    }
}

/// Whether `c` is a superscript digit (¹ ² ³ ⁰ ⁴ … ⁹), as footnote marks are written.
#[inline]
pub fn is_superscript_digit(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰' | '⁴'..='⁹')
}

/// Characters that carry no text and are dropped from every matching form: soft hyphen,
/// tatweel, zero-width spaces and joiners, word joiner, BOM, bidi marks.
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0640}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{061C}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_or_digit_is_what_the_standard_library_says() {
        for k in (0..0x800).chain(0x2000..0x2200).chain(0xFB50..0xFF00) {
            if let Some(c) = char::from_u32(k) {
                assert_eq!(
                    letter_or_digit(c),
                    (c.is_alphabetic(), c.is_numeric()),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn classes_agree_with_each_other() {
        for u in 0..0x10000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            if is_arabic_letter(c) {
                assert!(is_arabic_script(c), "{u:04X}");
                assert!(c.is_alphabetic(), "{u:04X}");
                assert_eq!(script(c), Script::Arabic, "{u:04X}");
            }
            if is_arabic_diacritic(c) {
                assert!(!is_arabic_letter(c), "{u:04X}");
            }
            if ascii_digit(c).is_some() {
                assert!(
                    c.is_numeric() && is_arabic_script(c) && is_digit(c),
                    "{u:04X}"
                );
            }
        }
    }

    #[test]
    fn twenty_eastern_digits() {
        let n = (0..0x10000u32)
            .filter_map(char::from_u32)
            .filter(|&c| ascii_digit(c).is_some())
            .count();
        assert_eq!(n, 20);
    }

    #[test]
    fn examples() {
        assert!(is_arabic_letter('ب') && is_arabic_letter('ی') && is_arabic_letter('ء'));
        assert!(!is_arabic_letter('،') && !is_arabic_letter('٣') && !is_arabic_letter('َ'));
        assert!(is_basic_arabic_letter('ة') && !is_basic_arabic_letter('ی'));
        assert_eq!(script('é'), Script::Latin);
        assert_eq!(script('ﻻ'), Script::Arabic);
        assert_eq!(script('д'), Script::Other);
        assert_eq!(ascii_digit('٧'), Some('7'));
        assert_eq!(ascii_digit('۴'), Some('4'));
        assert_eq!(ascii_digit('7'), None);
        assert!(is_digit('٠') && is_digit('9') && !is_digit('²'));
        assert!(is_superscript_digit('²') && !is_superscript_digit('2'));
        assert_eq!(superscript_value('⁷'), Some('7'));
        assert_eq!(superscript_value('¹'), Some('1'));
        assert_eq!(superscript_value('1'), None);
        assert!(is_invisible('\u{0640}') && is_invisible('\u{200F}') && !is_invisible(' '));
    }
}

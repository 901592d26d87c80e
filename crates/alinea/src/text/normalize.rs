//! Normalisation for matching: NFC, spaces, apostrophes and quotes, soft hyphens, tatweel,
//! Eastern Arabic digits. The original text is never replaced: [`for_matching`] produces the
//! form texts are compared in, which the aligner's keys and the segmenter build on. Character
//! classes are in [`super::chars`], folding steps (Arabic variants, accents) in [`super::fold`].

use unicode_normalization::UnicodeNormalization;

use super::chars::{ascii_digit, is_invisible};

/// One character's matching form (`None`: dropped).
fn map_char(c: char) -> Option<char> {
    if is_invisible(c) {
        return None;
    }
    if let Some(d) = ascii_digit(c) {
        return Some(d);
    }
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    })
}

/// A form of `s` for matching: NFC; no-break and other spaces as plain spaces; typographic
/// apostrophes (’ ‘ ʼ) as `'` and quotes (« » “ ” „) as `"`; Eastern Arabic digits as ASCII;
/// soft hyphens, tatweel and zero-width characters removed; whitespace collapsed and trimmed.
pub fn for_matching(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for_matching_into(s, &mut out);
    out
}

/// [`for_matching`] written into `out` (cleared first), for callers that normalise many texts
/// with one buffer.
pub fn for_matching_into(s: &str, out: &mut String) {
    out.clear();
    out.reserve(s.len());
    if is_nfc(s) {
        collapse_str(s, out);
    } else {
        collapse(s.nfc(), out);
    }
}

/// Whether `s` is NFC. Most text is: the (costly) composition pass is skipped then. Text below
/// U+0300 (no byte from 0xCC) always is; so is text of the common characters of
/// [`quick_class`] whose combining marks (Arabic vowel signs) stand in canonical order. Other
/// text goes through the full quick check.
fn is_nfc(s: &str) -> bool {
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    if s.bytes().fold(0, u8::max) < 0xCC {
        return true;
    }
    let mut last = 0u8;
    for c in s.chars() {
        let Some(class) = quick_class(c) else {
            return is_nfc_quick(s.chars()) == IsNormalized::Yes;
        };
        if class != 0 && class < last {
            return false;
        }
        last = class;
    }
    true
}

/// The canonical combining class of `c`, for the characters that are NFC whatever follows
/// them (quick check Yes) in the common ranges: Latin, the Arabic letters, digits and
/// punctuation, general punctuation (starters, class 0) and the Arabic vowel signs (classes
/// 27 to 35). `None` for the others.
#[inline]
fn quick_class(c: char) -> Option<u8> {
    match c as u32 {
        0..=0x2FF | 0x600..=0x60F | 0x61B..=0x64A | 0x660..=0x66F | 0x671..=0x6D5 => Some(0),
        0x2002..=0x206F => Some(0),
        k @ 0x64B..=0x652 => Some((k - 0x64B + 27) as u8),
        0x670 => Some(35),
        _ => None,
    }
}

/// The characters of [`for_matching`]`(s)`, one by one, without building it: for comparisons
/// that usually stop within a few characters. `None` when `s` is not NFC (then build it).
pub fn matching_chars(s: &str) -> Option<impl Iterator<Item = char> + '_> {
    if !is_nfc(s) {
        return None;
    }
    let mut chars = s.chars().filter_map(map_char).peekable();
    let mut started = false;
    Some(std::iter::from_fn(move || loop {
        let c = chars.next()?;
        if c != ' ' {
            started = true;
            return Some(c);
        }
        // A run of spaces: one, between two other characters.
        while chars.next_if_eq(&' ').is_some() {}
        if started && chars.peek().is_some() {
            return Some(' ');
        }
    }))
}

/// ASCII bytes that [`map_char`] changes or that are whitespace.
const ASCII_SPECIAL: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 9;
    while b <= 13 {
        t[b] = true;
        b += 1;
    }
    t[b' ' as usize] = true;
    t[b'`' as usize] = true;
    t
};

/// The length in bytes of the character at byte `i` of `s` when [`map_char`] keeps it as it
/// is and it is not a space; 0 otherwise.
#[inline]
fn verbatim_at(s: &str, i: usize) -> usize {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return usize::from(!ASCII_SPECIAL[b as usize]);
    }
    if b == 0xC3 {
        // U+00C0..=U+00FF (accented Latin letters, × and ÷) are all kept.
        return 2;
    }
    if (0xD8..=0xDB).contains(&b) && i + 1 < s.len() {
        // The Arabic block: kept but for tatweel, the letter mark and the digits.
        let c = (u32::from(b & 0x1F) << 6) | u32::from(s.as_bytes()[i + 1] & 0x3F);
        let changed = matches!(c, 0x61C | 0x640 | 0x660..=0x669 | 0x6F0..=0x6F9);
        return if changed { 0 } else { 2 };
    }
    verbatim_non_ascii(s, i)
}

fn verbatim_non_ascii(s: &str, i: usize) -> usize {
    match s[i..].chars().next() {
        Some(c) if map_char(c) == Some(c) => c.len_utf8(),
        _ => 0,
    }
}

/// Whether the eight bytes at `i` are kept as they are: ASCII characters that [`map_char`]
/// leaves alone (and not controls), or single spaces between two of them. A space may open
/// the chunk only when it goes on a run (`in_run`); none may close it.
#[inline]
fn plain_ascii_chunk(bytes: &[u8], i: usize, in_run: bool) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `x` that is zero.
    let zeros = |x: u64| !(((x & !HI) + !HI) | x | !HI);
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[i..i + 8]);
    let w = u64::from_le_bytes(word);
    if w & HI != 0 {
        return false;
    }
    // Bytes below 0x20 (controls, tab, line breaks) and backquotes.
    let control = !((w | HI) - 0x20 * LO) & HI;
    let backquote = zeros(w ^ (0x60 * LO));
    let space = zeros(w ^ (0x20 * LO));
    control == 0
        && backquote == 0
        && space & (space << 8) == 0
        && space >> 56 == 0
        && (space & 0x80 == 0 || in_run)
}

/// [`collapse`] over the characters of `s`, copying the runs of characters that stay as they
/// are in one piece (single spaces between two such characters included).
fn collapse_str(s: &str, out: &mut String) {
    let bytes = s.as_bytes();
    let n = bytes.len();
    let mut space = false;
    let mut i = 0;
    while i < n {
        let start = i;
        while i < n {
            if i + 8 <= n && plain_ascii_chunk(bytes, i, i > start) {
                i += 8;
                continue;
            }
            let l = verbatim_at(s, i);
            if l > 0 {
                i += l;
            } else if bytes[i] == b' ' && i > start && i + 1 < n && verbatim_at(s, i + 1) > 0 {
                i += 1;
            } else {
                break;
            }
        }
        if i > start {
            if space {
                out.push(' ');
                space = false;
            }
            out.push_str(&s[start..i]);
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        push_mapped(c, out, &mut space);
    }
}

/// Push the matching form of `c` (see [`collapse`]).
#[inline]
fn push_mapped(c: char, out: &mut String, space: &mut bool) {
    match map_char(c) {
        None => {}
        Some(' ') => *space = !out.is_empty(),
        Some(m) => {
            if *space {
                out.push(' ');
                *space = false;
            }
            out.push(m);
        }
    }
}

/// [`map_char`] over `chars`, whitespace collapsed and trimmed.
fn collapse(chars: impl Iterator<Item = char>, out: &mut String) {
    let mut space = false;
    for c in chars {
        push_mapped(c, out, &mut space);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The straightforward form of [`for_matching`]: every character through [`map_char`].
    fn for_matching_reference(s: &str) -> String {
        use unicode_normalization::{is_nfc_quick, IsNormalized};
        let chars: Vec<char> = if is_nfc_quick(s.chars()) == IsNormalized::Yes {
            s.chars().collect()
        } else {
            s.nfc().collect()
        };
        let mut out = String::new();
        let mut space = false;
        for c in chars.into_iter().filter_map(map_char) {
            if c == ' ' {
                space = !out.is_empty();
            } else {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(c);
            }
        }
        out
    }

    /// Characters the normalisation treats specially, and some it leaves alone.
    const PALETTE: &[char] = &[
        'a', 'Z', '0', '9', ' ', '\t', '\n', '\r', '\u{0B}', '\u{0C}', '`', '\'', '"', '/', '.',
        ',', '-', '@', '<', 'é', 'É', 'ç', 'œ', 'ß', '²', '\u{00A0}', '\u{202F}', '\u{2009}',
        '\u{0085}', '\u{3000}', '\u{00AD}', '\u{200B}', '\u{200F}', '\u{FEFF}', '\u{061C}',
        '\u{2019}', '\u{2018}', '\u{02BC}', '\u{00B4}', '\u{201C}', '\u{201D}', '\u{201E}',
        '\u{00AB}', '\u{00BB}', '\u{2033}', '\u{2010}', '\u{2011}', '\u{0301}', '\u{0327}',
        '\u{0308}', '\u{0340}', 'e', 'c', 'ا', 'أ', 'ب', 'ة', 'ى', 'ـ', '\u{064E}', '\u{0651}',
        '\u{0654}', '\u{0655}', '٠', '٧', '۹', '،', 'Ω', '\u{212B}', 'ﬁ', '中', '😀',
    ];

    proptest! {
        #[test]
        fn the_fast_path_matches_the_straightforward_one(
            picks in proptest::collection::vec(0..PALETTE.len(), 0..40),
            free in "\\PC{0,12}",
        ) {
            let mut s: String = picks.iter().map(|&i| PALETTE[i]).collect();
            s.push_str(&free);
            prop_assert_eq!(for_matching(&s), for_matching_reference(&s));
            if let Some(chars) = matching_chars(&s) {
                prop_assert_eq!(chars.collect::<String>(), for_matching(&s));
            }
            let mut buf = String::from("left over");
            for_matching_into(&s, &mut buf);
            prop_assert_eq!(buf, for_matching_reference(&s));
        }
    }

    proptest! {
        #[test]
        fn long_ascii_runs_match_the_straightforward_form(
            picks in proptest::collection::vec(0..10usize, 0..80),
        ) {
            let pieces = ["word", " ", "  ", "`", "\t", "é", "x", "\u{0}", "\u{7F}", "Ab'c\""];
            let s: String = picks.iter().map(|&i| pieces[i]).collect();
            prop_assert_eq!(for_matching(&s), for_matching_reference(&s));
        }
    }

    #[test]
    fn quick_classes_are_the_unicode_ones() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{is_nfc_quick, IsNormalized};
        let mut n = 0;
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            if let Some(class) = quick_class(c) {
                assert_eq!(canonical_combining_class(c), class, "{c:?}");
                assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
                n += 1;
            }
        }
        assert!(n > 1000);
    }

    proptest! {
        #[test]
        fn is_nfc_is_the_quick_check(
            picks in proptest::collection::vec(0..PALETTE.len() + 12, 0..40),
        ) {
            use unicode_normalization::{is_nfc_quick, IsNormalized};
            // The palette and the Arabic vowel signs, in any order.
            let marks = ['\u{064B}', '\u{064E}', '\u{064F}', '\u{0650}', '\u{0651}',
                '\u{0652}', '\u{0670}', '\u{0653}', '\u{2001}', '\u{2026}', '\u{0301}', 'ب'];
            let s: String = picks
                .iter()
                .map(|&i| PALETTE.get(i).copied().unwrap_or_else(|| marks[i - PALETTE.len()]))
                .collect();
            prop_assert_eq!(is_nfc(&s), is_nfc_quick(s.chars()) == IsNormalized::Yes, "{:?}", s);
        }
    }

    #[test]
    fn the_arabic_block_is_kept_as_map_char_says() {
        for c in '\u{600}'..='\u{6FF}' {
            let kept = map_char(c) == Some(c);
            assert_eq!(
                verbatim_at(&c.to_string(), 0),
                if kept { 2 } else { 0 },
                "{c:?}"
            );
        }
    }

    #[test]
    fn latin1_letters_are_kept() {
        for c in '\u{C0}'..='\u{FF}' {
            assert_eq!(map_char(c), Some(c), "{c:?}");
            assert_eq!(verbatim_at(&c.to_string(), 0), 2, "{c:?}");
        }
    }

    #[test]
    fn ascii_whitespace_and_specials_match_map_char() {
        for b in 0u8..0x80 {
            let c = char::from(b);
            assert_eq!(
                ASCII_SPECIAL[b as usize],
                map_char(c) != Some(c) || c == ' ',
                "{b:#x}"
            );
        }
    }

    #[test]
    fn spaces_apostrophes_quotes_digits() {
        assert_eq!(
            for_matching("l\u{2019}Union\u{00A0}: «\u{202F}oui\u{202F}»"),
            "l'Union : \" oui \""
        );
        assert_eq!(for_matching("  a \n\t b  "), "a b");
        assert_eq!(for_matching("cyber\u{00AD}crime"), "cybercrime");
        assert_eq!(for_matching("٢٠١٩ و۱۲"), "2019 و12");
        assert_eq!(for_matching("الأمـــم"), "الأمم");
        // NFC: e + combining acute becomes é.
        assert_eq!(for_matching("e\u{0301}tat"), "état");
        assert_eq!(for_matching("\u{200F}x\u{200B}y"), "xy");
    }
}

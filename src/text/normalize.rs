//! Normalisation for matching: NFC, spaces, apostrophes and quotes, digits. The original text is
//! never replaced; these functions produce a key to compare with.

use unicode_normalization::UnicodeNormalization;

/// A form of `s` for matching: NFC, no-break spaces as spaces, typographic apostrophes as `'`,
/// Eastern Arabic digits as ASCII, tatweel and soft hyphens removed, whitespace collapsed.
pub fn for_matching(s: &str) -> String {
    let mapped: String = s
        .nfc()
        .filter(|c| !matches!(c, '\u{00AD}' | '\u{0640}'))
        .map(|c| match c {
            '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' => ' ',
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            _ => c,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

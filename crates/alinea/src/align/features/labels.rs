//! What a unit's start or a token says besides its words: a letter label (`(a)`, `(أ)`), an
//! ordinal written with figures (`15e`, `15th`), a URL or an e-mail address.

/// The abjad order used for Arabic list labels, mapped to Latin letters.
fn abjad_label(c: char) -> Option<char> {
    Some(match c {
        'أ' | 'ا' => 'a',
        'ب' => 'b',
        'ج' => 'c',
        'د' => 'd',
        'ه' => 'e',
        'و' => 'f',
        'ز' => 'g',
        'ح' => 'h',
        'ط' => 'i',
        'ي' => 'j',
        'ك' => 'k',
        'ل' => 'l',
        'م' => 'm',
        'ن' => 'n',
        _ => return None,
    })
}

/// A letter label at the start of a unit: `(a)`, `a)`, `(أ)`, `(هـ)`.
pub(super) fn leading_label(text: &str) -> Option<char> {
    let t = text.trim_start();
    let t = t.strip_prefix('(').unwrap_or(t);
    let mut chars = t.chars().filter(|&c| c != '\u{0640}');
    let c = chars.next()?;
    if chars.next()? != ')' {
        return None;
    }
    if c.is_ascii_lowercase() {
        Some(c)
    } else {
        abjad_label(c)
    }
}

pub(super) fn is_url(chunk: &str) -> bool {
    chunk.contains("://")
        || chunk.starts_with("www.")
        || (chunk.contains('@') && chunk.contains('.') && chunk.len() > 5)
}

/// The digits of an ordinal written with figures: ASCII digits and a French or English
/// ordinal suffix (`15e`, `1er`, `1re`, `2ème`, `3es`, `15th`, `1st`, `2nd`, `3rd`; `ᵉ` as a
/// superscript), in any case.
pub(crate) fn ordinal_digits(tok: &str) -> Option<&str> {
    let end = tok.bytes().take_while(u8::is_ascii_digit).count();
    if end == 0 || end == tok.len() {
        return None;
    }
    let (digits, suffix) = tok.split_at(end);
    const SUFFIXES: [&str; 17] = [
        "e", "er", "re", "es", "ers", "res", "eme", "emes", "ème", "èmes", "ère", "ères", "st",
        "nd", "rd", "th", "ᵉ",
    ];
    let lower = suffix.to_lowercase();
    (SUFFIXES.contains(&lower.as_str()) || matches!(lower.as_str(), "ᵉʳ" | "ʳᵉ")).then_some(digits)
}

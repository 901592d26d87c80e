//! Where a line or unit ends and starts: on a connector word or a hyphen cut
//! ([`ends_open`]), on punctuation ([`ends_with_punctuation`]), with a bracket or emphasis left
//! open ([`unclosed`]), or in a script without case ([`starts_uncased`]).

/// Words that do not end a line of running text: a line ending on one is cut mid-sentence.
const CONNECTORS: &[&str] = &[
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "l'",
    "d'",
    "à",
    "au",
    "aux",
    "et",
    "ou",
    "en",
    "par",
    "pour",
    "sur",
    "dans",
    "avec",
    "un",
    "une",
    "que",
    "qui",
    "dont",
    "sans",
    "entre",
    "vers",
    "the",
    "of",
    "and",
    "or",
    "to",
    "in",
    "for",
    "on",
    "with",
    "by",
    "a",
    "an",
    "that",
    "which",
    "from",
    "at",
    "as",
    "its",
    "their",
    "between",
    "into",
    "under",
    "upon",
    "في",
    "من",
    "على",
    "إلى",
    "عن",
    "مع",
    "أو",
    "و",
    "التي",
    "الذي",
    "الذين",
    "بين",
    "حول",
    "ضد",
    "لدى",
    "عند",
    "بشأن",
];

/// The last word of `s`, lower-cased, with typographic apostrophes made straight.
fn last_word(s: &str) -> String {
    let w = s
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase()
        .replace('’', "'");
    crate::text::steps::add(w.len());
    match w.rfind('\'') {
        Some(i) if i + 1 < w.len() => w[i + 1..].to_string(),
        _ => w,
    }
}

/// `s` ends on a connector word or a hyphen cut: the text goes on.
pub(crate) fn ends_open(s: &str) -> bool {
    let t = s.trim_end();
    if t.ends_with('-') && !t.ends_with(" -") {
        return true;
    }
    CONNECTORS.contains(&last_word(t).as_str())
}

/// The last character that is not a closing bracket, quote, note mark or space.
pub(crate) fn last_significant(s: &str) -> Option<char> {
    s.chars().rev().find(|&c| {
        !(c.is_whitespace()
            || matches!(
                c,
                '*' | '_' | '»' | '”' | '"' | '’' | ')' | ']' | '¹' | '²' | '³'
            )
            || ('⁰'..='⁹').contains(&c))
    })
}

/// Ends with a mark that closes a clause or sentence.
pub(crate) fn ends_with_punctuation(s: &str) -> bool {
    last_significant(s).is_some_and(|c| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '…' | '؟' | '؛' | '،' | '۔'
        )
    })
}

/// Whether a line has an opening bracket or emphasis run it does not close.
pub(super) fn unclosed(line: &str) -> bool {
    // One pass over the bytes: the marks are ASCII, so byte positions are character
    // boundaries around them.
    let bytes = line.as_bytes();
    let (mut opens, mut closes, mut star) = (0usize, 0usize, false);
    for &b in bytes {
        match b {
            b'(' | b'[' => opens += 1,
            b')' | b']' => closes += 1,
            b'*' => star = true,
            _ => {}
        }
    }
    if opens > closes {
        return true;
    }
    if !star {
        return false;
    }
    // Runs of '*' that open emphasis (a word follows) and are not closed on the line. A run
    // after a word with nothing open is a note mark ("Italie*"), not emphasis.
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let mut open = 0usize;
    let mut k = 0;
    while k < bytes.len() {
        if bytes[k] != b'*' {
            k += 1;
            continue;
        }
        let start = k;
        while k < bytes.len() && bytes[k] == b'*' {
            k += 1;
        }
        let before = !space(line[..start].chars().next_back());
        let after = !space(line[k..].chars().next());
        if before && open > 0 {
            open -= 1;
        } else if after && !before {
            open += 1;
        }
    }
    open > 0
}

/// First letter belongs to a script without case (Arabic …).
pub(super) fn starts_uncased(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase())
}

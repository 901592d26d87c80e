//! The built-in sentence rules ([`crate::text::sentences`]) written as an SRX 2.0 file, in the
//! Java regular expressions Okapi and OmegaT read (and [`super::java`] translates back).
//!
//! The SRX holds everything the built-in rules decide from the text around a position: the
//! terminators and the closing marks after them, the sentence starts, the abbreviation lists,
//! initials, dotted acronyms, numbers after `no.`/`p.`, French `Me` and ordinals in other
//! languages (German `am 1. April`). Two things are not regular and are approximated: a bare
//! label (`1.`) counts from the start of the paragraph, not from the last sentence end; and a
//! dot inside brackets or quotes (`(voir art. 5. Le …)`) may end a sentence.

use std::fmt::Write;

use crate::text::escape::escape;

use crate::text::sentences::{BEFORE_NUMBER, DE_BEFORE_ORDINAL, DE_MONTHS, NEVER_FINAL};

/// Sentence terminators.
const TERM: &str = r"[.!?\u2026\u061F\u06D4\u203D]";
/// Closing quotes, brackets and note marks that stay with the sentence that ends, or a
/// (no-break) space and a closing quote.
const TAIL: &str = r#"(?:[»”“"’')\]}*›¹²³⁰⁴-⁹]|[\u00A0\u202F ][»”›])*"#;
/// What a token (an abbreviation) starts after.
const DELIM: &str = r#"(?:^|[\p{IsWhite_Space}«“„"(\[‘‹¿¡/’'])"#;
/// A character of a token.
const TOKEN: &str = r#"[^\p{IsWhite_Space}«“„"(\[‘‹¿¡/’'.]"#;
/// Space, opening marks, and the first character of a sentence.
const AFTER: &str = r#"\p{IsWhite_Space}+[«“„"(\[‘‹¿¡ ]*(?:[\p{IsUppercase}\p{N}\-–—•*¹²³⁰⁴-⁹…]|[\p{IsAlphabetic}&&[^\p{IsLowercase}]])"#;
const SPACE: &str = r"\p{IsWhite_Space}";

fn alternation(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

fn rule(out: &mut String, brk: bool, comment: &str, before: &str, after: &str) {
    let _ = write!(
        out,
        "        <!-- {comment} -->\n        <rule break=\"{}\">\n          \
         <beforebreak>{}</beforebreak>\n          <afterbreak>{}</afterbreak>\n        </rule>\n",
        if brk { "yes" } else { "no" },
        escape(before),
        escape(after)
    );
}

/// The built-in rules as an SRX 2.0 document.
pub fn builtin() -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!-- alinea's built-in sentence rules (alinea segment --export-srx). -->\n\
         <srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">\n  \
         <header segmentsubflows=\"yes\" cascade=\"yes\"/>\n  <body>\n    <languagerules>\n",
    );
    s.push_str("      <languagerule languagerulename=\"French\">\n");
    rule(
        &mut s,
        false,
        "Maître: Me Dupont",
        &format!(r"{DELIM}Me\.{TAIL}"),
        SPACE,
    );
    s.push_str("      </languagerule>\n      <languagerule languagerulename=\"Ordinals\">\n");
    rule(
        &mut s,
        false,
        "an ordinal before a month: 1. April",
        &format!(r"{DELIM}[0-9]{{1,2}}\.{TAIL}"),
        &format!(
            r"{SPACE}+(?:{})[^\p{{IsAlphabetic}}\p{{N}}\p{{IsWhite_Space}}]*(?:\p{{IsWhite_Space}}|$)",
            alternation(DE_MONTHS)
        ),
    );
    rule(
        &mut s,
        false,
        "an ordinal after a preposition or article: am 1.",
        &format!(
            r"(?:^|{SPACE})(?:{}){SPACE}+[0-9]{{1,2}}\.{TAIL}",
            alternation(DE_BEFORE_ORDINAL)
        ),
        SPACE,
    );
    s.push_str("      </languagerule>\n      <languagerule languagerulename=\"Default\">\n");
    rule(
        &mut s,
        false,
        "a bare label: 1. a)",
        &format!(r"^[^\p{{IsAlphabetic}}]*{TERM}+{TAIL}"),
        SPACE,
    );
    rule(
        &mut s,
        true,
        "a unit after a number ends a sentence: à 13 h.",
        &format!(r"\p{{N}}{SPACE}*{DELIM}\p{{IsLowercase}}\.{TAIL}"),
        AFTER,
    );
    rule(
        &mut s,
        true,
        "times: 10 a.m.",
        &format!(r"{DELIM}[ap]\.m\.{TAIL}"),
        AFTER,
    );
    rule(
        &mut s,
        false,
        "initials and one-letter abbreviations: J. Smith, z. B.",
        &format!(r"{DELIM}\p{{IsAlphabetic}}\.{TAIL}"),
        SPACE,
    );
    rule(
        &mut s,
        false,
        "dotted abbreviations: U.N., e.g., J.-C.",
        &format!(r"{DELIM}(?:{TOKEN}{{0,2}}\.)+{TOKEN}?\p{{IsAlphabetic}}\.{TAIL}"),
        SPACE,
    );
    rule(
        &mut s,
        false,
        "abbreviations: M., art., No., janv.",
        &format!(r"{DELIM}(?:{})\.{TAIL}", alternation(NEVER_FINAL)),
        SPACE,
    );
    rule(
        &mut s,
        false,
        "abbreviations before a number: no. 5, p. 12",
        &format!(r"{DELIM}(?:{})\.{TAIL}", alternation(BEFORE_NUMBER)),
        &format!(r"{SPACE}+[0-9]"),
    );
    rule(
        &mut s,
        true,
        "a terminator, closing marks, space and a sentence start",
        &format!(r"{TERM}+{TAIL}"),
        AFTER,
    );
    s.push_str(
        "      </languagerule>\n    </languagerules>\n    <maprules>\n      \
         <languagemap languagepattern=\"fr([-_].*)?\" languagerulename=\"French\"/>\n      \
         <languagemap languagepattern=\"([b-dg-z][a-z]|a[a-qs-z]|e[a-mo-z]|f[a-qs-z]|[a-z]{3,8})([-_].*)?\" \
         languagerulename=\"Ordinals\"/>\n      \
         <languagemap languagepattern=\".*\" languagerulename=\"Default\"/>\n    \
         </maprules>\n  </body>\n</srx>\n",
    );
    s
}

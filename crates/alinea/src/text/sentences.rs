//! Sentence segmentation inside a paragraph, for French, English and Arabic, with generic
//! rules for other languages (German ordinals such as `1. April`, `z. B.`).
//!
//! A sentence ends at `.`, `!`, `?`, `…`, `؟` or `۔` (with any closing quotes, brackets and
//! note marks after it) followed by a space and a sentence start: a capital, a digit, an
//! opening quote or bracket, or a letter of a script without case (Arabic). It does not end
//! after an abbreviation (`M.`, `Mme.`, `art.`, `No.`, `e.g.`, `U.N.`), an initial (`J.`,
//! `z.`), inside balanced brackets or quotes, or after a bare label (`1.`). Decimal numbers
//! and symbols (`74/247`, `A/RES/57/239`) never hold a space after their dots. Arabic `،` and
//! `؛` are clause marks, not sentence ends.
//!
//! [`Rules`] chooses between these rules and an SRX file's ([`super::srx`]); [`use_rules`] is
//! the one place the choice is made for a process, and [`split`] follows it.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};

use super::srx::Srx;
use crate::Lang;

/// Abbreviations (without their final dot) after which no sentence ends, in any language.
pub(crate) const NEVER_FINAL: &[&str] = &[
    // titles
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Dr", "Drs", "Pr", "Prof", "Mr", "Mrs", "Ms",
    "Messrs", "Mssrs", "St", "Ste", "Sr", "Jr", "Gen", "Col", "Lt", "Capt", "Sgt", "Gov", "Sen",
    "Rep", "Hon", "Rev", "Amb", "Excl", "Hr", "Fr", "Dres", // references
    "art", "Art", "arts", "al", "par", "para", "paras", "Para", "chap", "Chap", "sect", "Sect",
    "vol", "Vol", "vols", "fig", "Fig", "cf", "Cf", "viz", "vs", "No", "Nos", "Nr", "nr", "Abs",
    "pp", "éd", "eds", "ed", "réf", "Réf", "suiv", "doc", "Doc", "ex", "env", "av", "apr",
    "approx", "ca", "resp", "vgl", "Vgl", "bzw", "ggf", "evtl", "inkl", "zzgl", "sog", "Sec",
    "Dept", "Op", "op", "loc", "Rés", "rés", "Anh", "Ziff", "lit", // months
    "Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "janv", "févr",
    "avr", "juil", "sept", "oct", "nov", "déc",
];

/// Abbreviations after which no sentence ends when a number follows (`no. 5`, `p. 12`).
pub(crate) const BEFORE_NUMBER: &[&str] = &["no", "nos", "n", "p", "pp", "S", "s", "Bd", "t"];

/// German month names (for ordinals: `am 1. April`).
pub(crate) const DE_MONTHS: &[&str] = &[
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// German words after which a number and its dot are an ordinal (`am 1. April`).
pub(crate) const DE_BEFORE_ORDINAL: &[&str] = &[
    "am", "im", "vom", "zum", "bis", "ab", "der", "den", "dem", "des", "seit", "Am", "Vom", "Seit",
];

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '؟' | '۔' | '‽')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '»' | '”'
            | '“'
            | '"'
            | '’'
            | '\''
            | ')'
            | ']'
            | '}'
            | '*'
            | '›'
            | '¹'
            | '²'
            | '³'
            | '⁰'
            | '⁴'..='⁹'
    )
}

fn is_opener(c: char) -> bool {
    matches!(c, '«' | '“' | '„' | '"' | '(' | '[' | '‘' | '‹' | '¿' | '¡')
}

/// Balanced bracket and quote pairs, as `(open, close)` character indices.
///
/// A closer matches the innermost opener of its kind still open, and closes everything opened
/// after it. Each kind keeps the stack positions of its openers, so that the innermost one is
/// found at once (not by searching the stack, which made `(((…]]]` quadratic).
fn pairs(chars: &[(usize, char)], lang: &Lang) -> Vec<(usize, usize)> {
    const OPENERS: [char; 7] = ['(', '[', '{', '«', '„', '"', '“'];
    let german = lang.code() == "de";
    let mut stack: Vec<(char, usize)> = Vec::new();
    // For each opener kind, the positions in `stack` of its openers, innermost last.
    let mut by_kind: [Vec<usize>; 7] = Default::default();
    let kind = |c: char| OPENERS.iter().position(|&o| o == c);
    let mut out = Vec::new();
    for (k, &(_, c)) in chars.iter().enumerate() {
        super::steps::add(1);
        let closes = match c {
            ')' => Some('('),
            ']' => Some('['),
            '}' => Some('{'),
            '»' => Some('«'),
            '”' => Some('“'),
            '“' if german => Some('„'),
            '"' if stack.last().is_some_and(|&(o, _)| o == '"') => Some('"'),
            _ => None,
        };
        if let Some(open) = closes {
            let kind = kind(open).expect("an opener");
            if let Some(&pos) = by_kind[kind].last() {
                out.push((stack[pos].1, k));
                stack.truncate(pos);
                for positions in &mut by_kind {
                    while positions.last().is_some_and(|&p| p >= pos) {
                        super::steps::add(1);
                        positions.pop();
                    }
                }
                continue;
            }
        }
        if matches!(c, '(' | '[' | '{' | '«' | '„' | '"') || (c == '“' && !german) {
            by_kind[kind(c).expect("an opener")].push(stack.len());
            stack.push((c, k));
        }
    }
    out
}

/// Which sentence rules split text: the built-in ones (this module) or an SRX file's.
#[derive(Clone, Debug, Default)]
pub enum Rules {
    #[default]
    BuiltIn,
    Srx(Arc<Srx>),
}

impl Rules {
    /// Byte ranges of the sentences of `text` under these rules.
    pub fn split(&self, text: &str, lang: &Lang) -> Vec<Range<usize>> {
        match self {
            Rules::BuiltIn => split_builtin(text, lang),
            Rules::Srx(srx) => srx.split(text, lang),
        }
    }
}

/// The rules [`split`] uses, for the whole process: every reader and aligner splits sentences
/// through [`split`], so a front end decides the rules once here (`--srx`).
static RULES: RwLock<Option<Arc<Srx>>> = RwLock::new(None);
/// Whether [`RULES`] holds an SRX file (read without the lock on the built-in path).
static CUSTOM: AtomicBool = AtomicBool::new(false);

/// Use `rules` in every later [`split`] of this process.
pub fn use_rules(rules: Rules) {
    let srx = match rules {
        Rules::BuiltIn => None,
        Rules::Srx(s) => Some(s),
    };
    let custom = srx.is_some();
    *RULES.write().unwrap_or_else(|e| e.into_inner()) = srx;
    CUSTOM.store(custom, Ordering::Release);
}

/// The rules [`split`] uses now.
pub fn rules() -> Rules {
    if !CUSTOM.load(Ordering::Acquire) {
        return Rules::BuiltIn;
    }
    match &*RULES.read().unwrap_or_else(|e| e.into_inner()) {
        Some(s) => Rules::Srx(Arc::clone(s)),
        None => Rules::BuiltIn,
    }
}

/// Byte ranges of the sentences of `text` (trimmed, never empty, in order), under the rules in
/// use ([`use_rules`]; the built-in ones unless a front end chose an SRX file).
pub fn split(text: &str, lang: &Lang) -> Vec<Range<usize>> {
    if !CUSTOM.load(Ordering::Acquire) {
        return split_builtin(text, lang);
    }
    rules().split(text, lang)
}

/// Byte ranges of the sentences of `text` under the built-in rules.
pub fn split_builtin(text: &str, lang: &Lang) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    // inside[b] > 0: boundary b (between chars b-1 and b) lies inside a bracket or quote pair.
    let mut inside = vec![0i32; n + 2];
    for (open, close) in pairs(&chars, lang) {
        inside[open + 1] += 1;
        inside[close + 1] -= 1;
    }
    for b in 1..inside.len() {
        inside[b] += inside[b - 1];
    }
    let mut cuts = Vec::new(); // char indices where a new sentence starts
                               // Whether a letter stands between the last cut and `seen` (read up to there once).
    let mut letter = false;
    let mut seen = 0;
    let mut k = 0;
    while k < n {
        super::steps::add(1);
        if !is_terminator(chars[k].1) {
            k += 1;
            continue;
        }
        let run_start = k;
        while k < n && is_terminator(chars[k].1) {
            k += 1;
        }
        let run_end = k;
        // Closing quotes, brackets and note marks belong to the sentence that ends.
        let mut e = run_end;
        loop {
            if e < n && is_closer(chars[e].1) {
                e += 1;
            } else if e + 1 < n
                && matches!(chars[e].1, '\u{00A0}' | '\u{202F}' | ' ')
                && matches!(chars[e + 1].1, '»' | '”' | '›')
            {
                e += 2;
            } else {
                break;
            }
        }
        k = e.max(run_end);
        if e >= n || !chars[e].1.is_whitespace() {
            continue;
        }
        let mut s = e;
        while s < n && chars[s].1.is_whitespace() {
            s += 1;
        }
        if s >= n || inside[e] > 0 {
            continue;
        }
        if !letter {
            letter = chars[seen..run_start]
                .iter()
                .any(|&(_, c)| c.is_alphabetic());
            super::steps::add(run_start - seen);
            seen = run_start;
        }
        if !letter {
            continue; // a bare label such as "1." or "a)"
        }
        if !starts_sentence(&chars[s..]) {
            continue;
        }
        let single_dot = run_end - run_start == 1 && chars[run_start].1 == '.';
        if single_dot && abbreviation_before(text, &chars, run_start, s, lang) {
            continue;
        }
        cuts.push(s);
        (letter, seen) = (false, s);
    }
    let mut out = Vec::new();
    let mut start = 0;
    for cut in cuts {
        push_trimmed(text, start, chars[cut].0, &mut out);
        start = chars[cut].0;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// Whether the text at `rest` can start a sentence.
fn starts_sentence(rest: &[(usize, char)]) -> bool {
    let mut it = rest
        .iter()
        .map(|&(_, c)| c)
        .skip_while(|&c| is_opener(c) || c == ' ');
    match it.next() {
        Some(c) if c.is_uppercase() || c.is_numeric() => true,
        Some(c) if c.is_alphabetic() => !c.is_lowercase(), // scripts without case
        Some(c) => matches!(
            c,
            '-' | '–' | '—' | '•' | '*' | '¹' | '²' | '³' | '⁰' | '⁴'..='⁹' | '…'
        ),
        None => false,
    }
}

/// Whether the `.` at char `dot` closes an abbreviation or initial rather than a sentence;
/// `next` is the char index where the following word starts.
fn abbreviation_before(
    text: &str,
    chars: &[(usize, char)],
    dot: usize,
    next: usize,
    lang: &Lang,
) -> bool {
    let mut b = dot;
    while b > 0 {
        let c = chars[b - 1].1;
        if c.is_whitespace() || is_opener(c) || matches!(c, '(' | '/' | '’' | '\'') {
            break;
        }
        b -= 1;
    }
    let token = &text[chars[b].0..chars[dot].0];
    // An abbreviation's dot follows its letters, not a bracket or quote: "(A/74/L.5)."
    if token.is_empty() || token.ends_with(|c: char| !c.is_alphanumeric()) {
        return false;
    }
    let letters = token.chars().filter(|c| c.is_alphabetic()).count();
    // Initials and one-letter abbreviations: J. Smith, z. B., p. ex., د. But a unit after a
    // number ends a sentence: "à 13 h."
    if letters == 1 && token.chars().count() == 1 {
        let after_number = chars[..b]
            .iter()
            .rev()
            .skip_while(|&&(_, c)| c.is_whitespace())
            .map(|&(_, c)| c)
            .next()
            .is_some_and(|c| c.is_numeric());
        return !(after_number && token.chars().all(char::is_lowercase));
    }
    // Times that can end a sentence.
    if matches!(token, "a.m" | "p.m") {
        return false;
    }
    // Dotted acronyms and abbreviations: U.N., e.g., i.e., U.S.A., J.-C. (not www.un.org).
    if token.contains('.')
        && token.chars().any(char::is_alphabetic)
        && token.split('.').all(|p| p.chars().count() <= 2)
    {
        return true;
    }
    if NEVER_FINAL.contains(&token) {
        return true;
    }
    if lang == &Lang::Fr && token == "Me" {
        return true;
    }
    let next_word: String = chars[next..]
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| !c.is_whitespace())
        .collect();
    if BEFORE_NUMBER.contains(&token) && next_word.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    // German (and generic) ordinals: "am 1. April", "der 3. Oktober".
    if matches!(lang, Lang::Other(_))
        && token.chars().all(|c| c.is_ascii_digit())
        && token.len() <= 2
    {
        let word = next_word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let prev: String = chars[..b]
            .iter()
            .rev()
            .map(|&(_, c)| c)
            .skip_while(|c| c.is_whitespace())
            .take_while(|c| !c.is_whitespace())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let prep = DE_BEFORE_ORDINAL.contains(&prev.as_str());
        if DE_MONTHS.contains(&word) || prep {
            return true;
        }
    }
    false
}

pub(crate) fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(start + lead..end - trail);
    }
}

/// The sentences of `text` as string slices.
pub fn split_str<'a>(text: &'a str, lang: &Lang) -> Vec<&'a str> {
    split(text, lang).into_iter().map(|r| &text[r]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic() {
        assert_eq!(
            split_str("Un. Deux ! Trois ?", &Lang::Fr),
            ["Un.", "Deux !", "Trois ?"]
        );
        assert_eq!(split_str("  ", &Lang::Fr), Vec::<&str>::new());
        assert_eq!(
            split_str("Sans point final", &Lang::En),
            ["Sans point final"]
        );
        assert_eq!(
            split_str("1. Premier. Second.", &Lang::Fr),
            ["1. Premier.", "Second."]
        );
    }

    #[test]
    fn ranges_are_in_order_and_trimmed() {
        let t = " A bc. C d.  ";
        let r = split(t, &Lang::En);
        assert_eq!(r, vec![1..6, 7..11]);
    }

    /// The steps [`split`] takes on `make(n)` and `make(10 n)`: linear growth (within 12
    /// times), never the 100 times of a quadratic splitter.
    fn grows_linearly(name: &str, make: impl Fn(usize) -> String) {
        for lang in [Lang::Fr, Lang::Ar, Lang::Other("de".into())] {
            let steps = |n: usize| {
                let s = make(n);
                crate::text::steps::count(|| {
                    let _ = split(&s, &lang);
                })
            };
            let (small, large) = (steps(2_000), steps(20_000));
            assert!(
                large <= 12 * small,
                "{name} ({lang}): {small} steps at 2000, {large} at 20000"
            );
        }
    }

    #[test]
    fn splitting_is_linear_on_adversarial_text() {
        grows_linearly("bare labels", |n| "1. ".repeat(n));
        grows_linearly("open parens, closing brackets", |n| {
            format!("{}{}", "(".repeat(n), "]".repeat(n))
        });
        grows_linearly("mixed openers", |n| {
            format!("{}{}", "«(„[".repeat(n), ")".repeat(n))
        });
        grows_linearly("abbreviations", |n| format!("Texte {}", "M. ".repeat(n)));
        grows_linearly("initials", |n| "A. ".repeat(n));
        grows_linearly("no spaces", |n| "a.".repeat(n));
        grows_linearly("openers after a dot", |n| {
            format!("Fin. {}A", "( ".repeat(n))
        });
        grows_linearly("sentences", |n| "Une phrase. ".repeat(n));
    }

    #[test]
    fn a_closer_closes_everything_opened_inside_it() {
        // The bracket closes over the quote: the dot inside them does not end a sentence.
        assert_eq!(
            split_str("Il dit [« non. Rien] après. Fin.", &Lang::Fr),
            ["Il dit [« non. Rien] après.", "Fin."]
        );
    }

    /// The pairing this module had first (a search of the whole stack for each closer).
    fn pairs_reference(chars: &[(usize, char)], lang: &Lang) -> Vec<(usize, usize)> {
        let german = lang.code() == "de";
        let mut stack: Vec<(char, usize)> = Vec::new();
        let mut out = Vec::new();
        for (k, &(_, c)) in chars.iter().enumerate() {
            let closes = match c {
                ')' => Some('('),
                ']' => Some('['),
                '}' => Some('{'),
                '»' => Some('«'),
                '”' => Some('“'),
                '“' if german => Some('„'),
                '"' if stack.last().is_some_and(|&(o, _)| o == '"') => Some('"'),
                _ => None,
            };
            if let Some(open) = closes {
                if let Some(pos) = stack.iter().rposition(|&(o, _)| o == open) {
                    out.push((stack[pos].1, k));
                    stack.truncate(pos);
                    continue;
                }
            }
            if matches!(c, '(' | '[' | '{' | '«' | '„' | '"') || (c == '“' && !german) {
                stack.push((c, k));
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn pairs_match_the_stack_search(
            text in "[()\\[\\]{}«»„“”\"a ]{0,40}",
            german in proptest::bool::ANY,
        ) {
            let lang = if german { Lang::Other("de".into()) } else { Lang::Fr };
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            proptest::prop_assert_eq!(pairs(&chars, &lang), pairs_reference(&chars, &lang));
        }
    }
}

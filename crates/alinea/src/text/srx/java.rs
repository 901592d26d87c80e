//! Java/ICU regular expressions (as SRX files write them) translated into the syntax of the
//! `regex` crate.
//!
//! Translated: `\uXXXX` (and surrogate pairs), octal `\0ooo`, `\e`, `\a`, `\cX`, `\Q…\E`,
//! `\h`/`\H`, `\v`/`\V` (vertical space, as Java 8 reads it), `\R`, `\Z`, Java's property
//! names (`\p{IsLu}`, `\p{IsLatin}`, `\p{javaUpperCase}`, `\p{IsWhite_Space}`, the POSIX
//! classes `\p{Upper}`, `\p{Punct}` … as their ASCII sets), possessive quantifiers (read as
//! greedy: the rules only test whether a pattern matches), flags `u`, `U` and `d` (dropped:
//! classes are Unicode-aware already) and escaped literals.
//!
//! Refused, with the place in the pattern: look-around (`(?=`, `(?!`, `(?<=`, `(?<!`), atomic
//! groups, back-references, `\G`, `\X`, Unicode blocks (`\p{InGreek}`) and unknown escapes.
//!
//! `\d`, `\w`, `\s` and `\b` keep the `regex` crate's Unicode meaning (ICU's; Java's are ASCII
//! unless the pattern asks for Unicode classes).

/// A construct that cannot be translated: its char offset in the pattern and what it is.
#[derive(Debug, PartialEq)]
pub struct Untranslatable {
    pub at: usize,
    pub message: String,
}

fn fail<T>(at: usize, message: impl Into<String>) -> Result<T, Untranslatable> {
    Err(Untranslatable {
        at,
        message: message.into(),
    })
}

const HORIZONTAL: &str = r"\t\x20\xA0\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}";
const VERTICAL: &str = r"\n\x0B\x0C\r\x{85}\x{2028}\x{2029}";

/// A Java property name → the `regex` crate's class (a `\p{…}` body or a bracketed set).
fn property(name: &str) -> Option<String> {
    let posix = match name {
        "Lower" => Some("[a-z]"),
        "Upper" => Some("[A-Z]"),
        "ASCII" => Some(r"[\x00-\x7F]"),
        "Alpha" => Some("[a-zA-Z]"),
        "Digit" => Some("[0-9]"),
        "Alnum" => Some("[a-zA-Z0-9]"),
        "Punct" => Some(r##"[!-/:-@\[-`{-~]"##),
        "Graph" => Some(r"[!-~]"),
        "Print" => Some(r"[ -~]"),
        "Blank" => Some(r"[ \t]"),
        "Cntrl" => Some(r"[\x00-\x1F\x7F]"),
        "XDigit" => Some("[0-9a-fA-F]"),
        "Space" => Some(r"[ \t\n\x0B\x0C\r]"),
        "javaLowerCase" => Some(r"\p{Lowercase}"),
        "javaUpperCase" => Some(r"\p{Uppercase}"),
        "javaWhitespace" => Some(r"\p{White_Space}"),
        "javaLetter" => Some(r"\p{L}"),
        "javaDigit" => Some(r"\p{Nd}"),
        "javaLetterOrDigit" => Some(r"[\p{L}\p{Nd}]"),
        "javaAlphabetic" => Some(r"\p{Alphabetic}"),
        "javaSpaceChar" => Some(r"\p{Z}"),
        _ => None,
    };
    if let Some(p) = posix {
        return Some(p.to_string());
    }
    if name.starts_with("In") && name.len() > 2 && !name.contains('=') {
        return None; // a Unicode block: the regex crate has none
    }
    let bare = name
        .strip_prefix("Is")
        .or_else(|| name.strip_prefix("general_category="))
        .or_else(|| name.strip_prefix("gc="))
        .or_else(|| name.strip_prefix("script="))
        .or_else(|| name.strip_prefix("sc="))
        .unwrap_or(name);
    if bare.is_empty() {
        return None;
    }
    Some(format!(r"\p{{{bare}}}"))
}

/// Wraps a class body for use as `\p` (as is) or `\P` (negated).
fn negate(class: &str, negated: bool) -> String {
    match (negated, class.strip_prefix(r"\p")) {
        (false, _) => class.to_string(),
        (true, Some(rest)) => format!(r"\P{rest}"),
        (true, None) => match class.strip_prefix("[^") {
            Some(inner) => format!("[{inner}"),
            None => format!("[^{}", &class[1..]),
        },
    }
}

fn hex(digits: &[char]) -> Option<u32> {
    let s: String = digits.iter().collect();
    u32::from_str_radix(&s, 16).ok()
}

/// Translate a Java/ICU pattern; the result compiles with the `regex` crate unless the pattern
/// was invalid in Java too.
pub fn translate(pattern: &str) -> Result<String, Untranslatable> {
    let p: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut class = 0usize; // depth of character classes
    let mut i = 0;
    while i < p.len() {
        let c = p[i];
        match c {
            '\\' => {
                let Some(&e) = p.get(i + 1) else {
                    return fail(i, "a pattern cannot end with a backslash");
                };
                i = escape(&p, i, e, class > 0, &mut out)?;
                continue;
            }
            '[' => {
                class += 1;
                out.push('[');
                if p.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
            }
            ']' if class > 0 => {
                class -= 1;
                out.push(']');
            }
            '(' if class == 0 && p.get(i + 1) == Some(&'?') => {
                i = group(&p, i, &mut out)?;
                continue;
            }
            '*' | '+' | '?' | '}' if class == 0 => {
                out.push(c);
                // Possessive quantifier: read as greedy.
                if p.get(i + 1) == Some(&'+') {
                    i += 1;
                }
            }
            _ => out.push(c),
        }
        i += 1;
    }
    Ok(out)
}

/// `(?…` at `i`: flags, non-capturing and named groups pass; look-around and atomic groups
/// are refused. Returns the index after what was consumed.
fn group(p: &[char], i: usize, out: &mut String) -> Result<usize, Untranslatable> {
    let rest: String = p[i + 2..p.len().min(i + 5)].iter().collect();
    if rest.starts_with('=') || rest.starts_with('!') {
        return fail(i, "look-ahead (?= (?! is not supported");
    }
    if rest.starts_with("<=") || rest.starts_with("<!") {
        return fail(i, "look-behind (?<= (?<! is not supported");
    }
    if rest.starts_with('>') {
        return fail(i, "atomic groups (?> are not supported");
    }
    if rest.starts_with(':') || rest.starts_with('<') || rest.starts_with("P<") {
        out.push_str("(?");
        return Ok(i + 2);
    }
    // Flags: (?imsx-imsx) or (?imsx-imsx: …
    let mut j = i + 2;
    let mut flags = String::new();
    while j < p.len() && (p[j].is_ascii_alphabetic() || p[j] == '-') {
        match p[j] {
            'i' | 'm' | 's' | 'x' | '-' => flags.push(p[j]),
            'u' | 'U' | 'd' => {}
            other => return fail(j, format!("unknown flag {other:?}")),
        }
        j += 1;
    }
    let flags = flags.trim_end_matches('-');
    match p.get(j) {
        Some(')') => {
            if !flags.is_empty() && flags != "-" {
                out.push_str(&format!("(?{flags})"));
            }
            Ok(j + 1)
        }
        Some(':') => {
            if flags.is_empty() || flags == "-" {
                out.push_str("(?:");
            } else {
                out.push_str(&format!("(?{flags}:"));
            }
            Ok(j + 1)
        }
        _ => fail(i, "unknown group construct"),
    }
}

/// The escape `\e` at `i`: appends its translation and returns the index after it.
fn escape(
    p: &[char],
    i: usize,
    e: char,
    in_class: bool,
    out: &mut String,
) -> Result<usize, Untranslatable> {
    let next = i + 2;
    match e {
        'p' | 'P' => {
            let (name, end) = if p.get(next) == Some(&'{') {
                let Some(close) = p[next..].iter().position(|&c| c == '}') else {
                    return fail(i, "unclosed \\p{");
                };
                (
                    p[next + 1..next + close].iter().collect::<String>(),
                    next + close + 1,
                )
            } else if let Some(&c) = p.get(next) {
                (c.to_string(), next + 1)
            } else {
                return fail(i, "\\p without a property name");
            };
            let Some(class) = property(&name) else {
                return fail(
                    i,
                    format!("the property {name:?} is not supported (Unicode blocks are not)"),
                );
            };
            out.push_str(&negate(&class, e == 'P'));
            Ok(end)
        }
        'h' | 'H' | 'v' | 'V' => {
            let set = if e.eq_ignore_ascii_case(&'h') {
                HORIZONTAL
            } else {
                VERTICAL
            };
            let neg = if e.is_ascii_uppercase() { "^" } else { "" };
            out.push_str(&format!("[{neg}{set}]"));
            Ok(next)
        }
        'R' if !in_class => {
            out.push_str(&format!(r"(?:\r\n|[{VERTICAL}])"));
            Ok(next)
        }
        'Z' if !in_class => {
            out.push_str(r"(?:\n?\z)");
            Ok(next)
        }
        'u' => {
            let Some(cp) = p.get(next..next + 4).and_then(hex) else {
                return fail(i, "\\u needs four hexadecimal digits");
            };
            let mut end = next + 4;
            let mut cp = cp;
            // A surrogate pair written as two \u escapes.
            if (0xD800..0xDC00).contains(&cp) && p.get(end) == Some(&'\\') {
                if let Some(low) = (p.get(end + 1) == Some(&'u'))
                    .then(|| p.get(end + 2..end + 6).and_then(hex))
                    .flatten()
                    .filter(|l| (0xDC00..0xE000).contains(l))
                {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    end += 6;
                }
            }
            if (0xD800..0xE000).contains(&cp) {
                return fail(i, "a lone surrogate \\u escape");
            }
            out.push_str(&format!(r"\x{{{cp:X}}}"));
            Ok(end)
        }
        '0' => {
            let digits: Vec<char> = p[next..]
                .iter()
                .take(3)
                .take_while(|c| ('0'..='7').contains(c))
                .copied()
                .collect();
            let s: String = digits.iter().collect();
            let Ok(v) = u32::from_str_radix(&s, 8) else {
                return fail(i, "\\0 needs octal digits");
            };
            out.push_str(&format!(r"\x{{{v:X}}}"));
            Ok(next + digits.len())
        }
        'c' => {
            let Some(&x) = p.get(next) else {
                return fail(i, "\\c needs a letter");
            };
            out.push_str(&format!(r"\x{{{:X}}}", (x as u32) ^ 64));
            Ok(next + 1)
        }
        'e' => {
            out.push_str(r"\x1B");
            Ok(next)
        }
        'a' => {
            out.push_str(r"\x07");
            Ok(next)
        }
        'Q' => {
            let end = (next..p.len())
                .find(|&k| p[k] == '\\' && p.get(k + 1) == Some(&'E'))
                .unwrap_or(p.len());
            let lit: String = p[next..end].iter().collect();
            out.push_str(&regex::escape(&lit));
            Ok((end + 2).min(p.len()))
        }
        'E' => Ok(next), // a stray \E is ignored by Java too
        'x' | 't' | 'n' | 'r' | 'f' | 'd' | 'D' | 's' | 'S' | 'w' | 'W' => {
            out.push('\\');
            out.push(e);
            Ok(next)
        }
        'b' | 'B' | 'A' | 'z' if !in_class => {
            out.push('\\');
            out.push(e);
            Ok(next)
        }
        '1'..='9' | 'k' => fail(i, "back-references are not supported"),
        'G' => fail(i, "\\G is not supported"),
        'X' => fail(i, "\\X (grapheme clusters) is not supported"),
        c if c.is_ascii_alphanumeric() => fail(i, format!("unknown escape \\{c}")),
        c => {
            // An escaped literal: punctuation, space or any other character.
            out.push_str(&regex::escape(&c.to_string()));
            Ok(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(java: &str) -> String {
        let t = translate(java).unwrap();
        regex::Regex::new(&t).unwrap_or_else(|e| panic!("{java} → {t}: {e}"));
        t
    }

    #[test]
    fn common_constructs() {
        assert_eq!(ok(r"\p{Lu}"), r"\p{Lu}");
        assert_eq!(ok(r"\p{IsLu}\P{IsL}"), r"\p{Lu}\P{L}");
        assert_eq!(ok(r"\p{javaUpperCase}"), r"\p{Uppercase}");
        assert_eq!(ok(r"\u00A0\u2026"), r"\x{A0}\x{2026}");
        assert_eq!(ok(r"\uD83D\uDE00"), r"\x{1F600}");
        assert_eq!(ok(r"[\p{Upper}\d]"), r"[[A-Z]\d]");
        assert_eq!(ok(r"\P{Upper}"), r"[^A-Z]");
        assert_eq!(ok(r"a++b*+c?+"), "a+b*c?");
        assert_eq!(ok(r"\Qa.b\E."), r"a\.b.");
        assert_eq!(ok(r"(?iu)mr\."), r"(?i)mr\.");
        assert_eq!(ok(r"(?u)x"), "x");
        assert_eq!(ok(r"(?i:x)"), "(?i:x)");
        assert_eq!(ok(r"\«\<"), "«<");
        assert_eq!(ok(r"\0101"), r"\x{41}");
        let h = regex::Regex::new(&ok(r"^\h$")).unwrap();
        assert!(h.is_match("\u{202F}") && !h.is_match("\n"));
        let v = regex::Regex::new(&ok(r"^[\v]$")).unwrap();
        assert!(v.is_match("\u{2028}") && !v.is_match(" "));
        let cls = regex::Regex::new(&ok(r"^[\p{IsAlphabetic}&&[^\p{IsLowercase}]]$")).unwrap();
        assert!(cls.is_match("A") && cls.is_match("ب") && !cls.is_match("a"));
    }

    #[test]
    fn refusals_name_the_place() {
        let e = translate(r"ab(?<=c)d").unwrap_err();
        assert_eq!(e.at, 2);
        assert!(e.message.contains("look-behind"));
        assert_eq!(translate(r"x(?!y)").unwrap_err().at, 1);
        assert_eq!(translate(r"(a)\1").unwrap_err().at, 3);
        assert!(translate(r"\p{InGreek}")
            .unwrap_err()
            .message
            .contains("InGreek"));
        assert!(translate(r"\y").unwrap_err().message.contains("\\y"));
        assert!(translate("a\\").is_err());
    }
}

//! The recursive stripper this module had first (quadratic on nested brackets), kept to
//! check that the linear one gives the same output.
use super::Mapped;
use super::TAGS;
use std::ops::Range;

/// Length of an HTML tag of the kinds [`TAGS`] lists at the start of `s`.
fn tag_len(s: &str) -> Option<usize> {
    let name_start = s[1..].trim_start_matches('/');
    if !name_start.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let close = s.find('>')?;
    let inner = s[1..close]
        .trim_start_matches('/')
        .trim_end_matches('/')
        .trim();
    let name = inner.split_whitespace().next()?.to_ascii_lowercase();
    TAGS.contains(&name.as_str()).then_some(close + 1)
}

/// `[text](url)` at the start of `s`: (byte range of text, total length).
fn link(s: &str) -> Option<(Range<usize>, usize)> {
    let mut depth = 0;
    let mut close = None;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    if !s[close + 1..].starts_with('(') {
        return None;
    }
    let mut depth = 0;
    for (i, c) in s[close + 1..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some((1..close, close + 1 + i + 1));
                }
            }
            c if c.is_whitespace() => return None,
            _ => {}
        }
    }
    None
}

/// Strip inline markup from `s` (one line, or part of one), appending to `out`; `base` is the
/// source byte offset of `s`.
pub(super) fn strip_inline_reference(s: &str, base: usize, out: &mut Mapped) {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let next_at = |j: usize| chars.get(j).map(|&(_, c)| c);
        match c {
            '\\' => {
                let run = chars[k..].iter().take_while(|&&(_, c)| c == '\\').count();
                match next_at(k + run) {
                    Some(p) if p.is_ascii_punctuation() && p != '\\' => {
                        if p != '*' {
                            out.push(p, base + chars[k + run].0);
                        }
                        k += run + 1;
                    }
                    _ => {
                        for &(j, b) in &chars[k..k + run] {
                            out.push(b, base + j);
                        }
                        k += run;
                    }
                }
                continue;
            }
            '<' => {
                if let Some(n) = tag_len(&s[i..]) {
                    let end = i + n;
                    while k < chars.len() && chars[k].0 < end {
                        k += 1;
                    }
                    continue;
                }
            }
            '^' => {
                if next_at(k + 1) == Some('{') {
                    if let Some(close) = s[i..].find('}') {
                        strip_inline_reference(&s[i + 2..i + close], base + i + 2, out);
                        let end = i + close + 1;
                        while k < chars.len() && chars[k].0 < end {
                            k += 1;
                        }
                        continue;
                    }
                } else if next_at(k + 1).is_some_and(char::is_alphanumeric) {
                    k += 1; // drop the caret, keep the letters
                    continue;
                }
            }
            '[' => {
                if let Some((text, n)) = link(&s[i..]) {
                    strip_inline_reference(
                        &s[i + text.start..i + text.end],
                        base + i + text.start,
                        out,
                    );
                    let end = i + n;
                    while k < chars.len() && chars[k].0 < end {
                        k += 1;
                    }
                    continue;
                }
            }
            '*' | '_' => {
                let run = chars[k..].iter().take_while(|&&(_, d)| d == c).count();
                let before = k.checked_sub(1).map(|j| chars[j].1);
                let after = next_at(k + run);
                let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
                let word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                let emphasis = if c == '*' {
                    !(space(before) && space(after) || word(before) && word(after))
                } else {
                    space(before) != space(after) && !(word(before) && word(after))
                };
                if emphasis {
                    k += run;
                    continue;
                }
                for &(j, d) in &chars[k..k + run] {
                    out.push(d, base + j);
                }
                k += run;
                continue;
            }
            _ => {}
        }
        // This character and the ordinary ones after it, copied in one go.
        let mut j = k + 1;
        while j < chars.len() && !matches!(chars[j].1, '\\' | '<' | '^' | '[' | '*' | '_') {
            j += 1;
        }
        let end = chars.get(j).map_or(s.len(), |&(b, _)| b);
        out.push_str(&s[i..end], base + i);
        k = j;
    }
}

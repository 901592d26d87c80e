//! Acronyms and their expansions found in text, Schwartz–Hearst style: a short form in
//! brackets after its long form ("technologies de l'information et des communications (TIC)"),
//! the long form being the shortest run of words before the bracket whose letters, read from
//! the end, hold the short form's letters in order, the first one starting a word.

/// `(short, long)` pairs defined in `text`.
pub fn definitions(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| from + i) {
        let Some(close) = text[open..].find(')').map(|i| open + i) else {
            break;
        };
        from = open + 1;
        let short = text[open + 1..close].trim();
        if !is_short_form(short) {
            continue;
        }
        let before = &text[..open];
        let letters = short.chars().filter(|c| c.is_alphanumeric()).count();
        let max_words = (letters + 5).min(letters * 2);
        // The candidate long form: up to max_words words before the bracket, within the clause.
        let clause_start = before
            .rfind(['.', ';', ':', '(', ')', '\n', '«', '"'])
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        let words: Vec<(usize, &str)> = word_starts(&before[clause_start..])
            .into_iter()
            .map(|(i, w)| (i + clause_start, w))
            .collect();
        let take = words.len().min(max_words);
        if take == 0 {
            continue;
        }
        let window_start = words[words.len() - take].0;
        let window = before[window_start..].trim_end();
        if let Some(long) = best_long_form(short, window) {
            let long = long.trim().trim_end_matches(',').trim();
            if long.chars().count() > short.chars().count() && long.split_whitespace().count() >= 2
            {
                out.push((short.to_string(), long.to_string()));
            }
        }
    }
    out
}

fn is_short_form(s: &str) -> bool {
    let n = s.chars().count();
    (2..=10).contains(&n)
        && !s.contains(char::is_whitespace)
        && s.chars().next().is_some_and(char::is_alphanumeric)
        && s.chars().filter(|c| c.is_uppercase()).count() >= 2
}

fn word_starts(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// The Schwartz–Hearst match: walk the short form's characters from the end and the long
/// form's from the end; the first short character must start a word.
fn best_long_form<'a>(short: &str, long: &'a str) -> Option<&'a str> {
    let s: Vec<char> = short
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let l: Vec<(usize, char)> = long.char_indices().collect();
    let mut si = s.len() as isize - 1;
    let mut li = l.len() as isize - 1;
    while si >= 0 {
        let c = s[si as usize];
        loop {
            if li < 0 {
                return None;
            }
            let (_, lc) = l[li as usize];
            let lc_low = lc.to_lowercase().next().unwrap_or(lc);
            let at_word_start = li == 0 || !l[li as usize - 1].1.is_alphanumeric();
            if lc_low == c && (si > 0 || at_word_start) {
                break;
            }
            li -= 1;
        }
        li -= 1;
        si -= 1;
    }
    let start = l[(li + 1) as usize].0;
    // Back to the start of that word; an elided article before it (`l'unité`) is not part
    // of the long form.
    let start = long[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '\'' | '\u{2019}' | '\u{02BC}'))
        .map_or(0, |(i, c)| i + c.len_utf8())
        .min(start);
    Some(&long[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_definitions() {
        assert_eq!(
            definitions(
                "Le rôle des technologies de l'information et des communications (TIC) est clair."
            ),
            vec![(
                "TIC".to_string(),
                "technologies de l'information et des communications".to_string()
            )]
        );
        assert_eq!(
            definitions("the horizontal-axis wind turbine (HAWT) rotates."),
            vec![(
                "HAWT".to_string(),
                "horizontal-axis wind turbine".to_string()
            )]
        );
    }

    #[test]
    fn an_elided_article_is_not_part_of_the_long_form() {
        assert_eq!(
            definitions("notamment l'unité de coordination de la lutte antifraude (UCLAF) et"),
            vec![(
                "UCLAF".to_string(),
                "unité de coordination de la lutte antifraude".to_string()
            )]
        );
        assert_eq!(
            definitions("de l’Office européen de lutte antifraude (OLAF)")[0].1,
            "Office européen de lutte antifraude"
        );
    }

    #[test]
    fn no_definition_without_a_match() {
        assert!(definitions("the blade (see Figure 3) and the rotor (R2)").is_empty());
        assert!(definitions("a (b").is_empty());
    }
}

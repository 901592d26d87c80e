//! The numbers of a unit for [`super::join`]: those of three digits or more, read across
//! thousands separators and scripts.

/// The numbers of three digits or more in `text`, as their digits without leading zeros:
/// groups of three after a space, a no-break space, a comma or a full stop are one number
/// (`350 000`, `350,000`, `1.731` — and `1 731,3` reads as 1731 and 3, `1,731.5` as 1731 and
/// 5, so their integer parts meet); Arabic-Indic digits read as ASCII ones.
pub(super) fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let digit = |k: usize| {
        chars.get(k).and_then(|&c| match c.is_ascii_digit() {
            true => Some(c),
            false => crate::text::chars::ascii_digit(c),
        })
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if digit(k).is_none() {
            k += 1;
            continue;
        }
        let mut n = String::new();
        while let Some(d) = digit(k) {
            n.push(d);
            k += 1;
            // A thousands separator: one of these, then three digits and no fourth.
            let sep = matches!(chars.get(k), Some(' ' | '\u{a0}' | '\u{202f}' | ',' | '.'));
            if digit(k).is_none()
                && sep
                && (1..=3).all(|j| digit(k + j).is_some())
                && digit(k + 4).is_none()
            {
                k += 1;
            }
        }
        let n = n.trim_start_matches('0');
        if n.len() >= 3 {
            out.push(n.to_string());
        }
    }
    out
}

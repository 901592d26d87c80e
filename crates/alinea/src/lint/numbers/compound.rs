//! Numbers written in several words: French and English hundreds, tens and units (`cent
//! trente et unième`, `seventy five`), Arabic parts joined by و (`الثانية والثلاثين بعد
//! المائة`), and a half after them (`deux ans et demi`).

use super::scan::*;
use super::words;
use crate::Lang;

/// Whether a half follows the number in words ending at byte `end`: French `et demi(e)`
/// after it or after its noun (`deux ans et demi`), English `and a half` (`two and a half`).
/// Returns where the number's words end then (past `and a half`, which holds no other
/// number; the French noun stays outside).
pub(super) fn half_after(text: &str, end: usize, lang: &Lang) -> Option<usize> {
    let mut words: Vec<(usize, &str)> = Vec::with_capacity(4);
    let mut at = end;
    while words.len() < 4 {
        let Some((s, w)) = next_word(text, at) else {
            break;
        };
        words.push((s, w));
        at = s + w.len().max(1);
    }
    let w = |k: usize| words.get(k).map(|x| x.1);
    match lang {
        Lang::Fr => {
            let half = |k: usize| w(k) == Some("et") && matches!(w(k + 1), Some("demi" | "demie"));
            (half(0) || half(1)).then_some(end)
        }
        Lang::En => (w(0) == Some("and") && w(1) == Some("a") && w(2) == Some("half"))
            .then(|| words[2].0 + "half".len()),
        _ => None,
    }
}

/// A French or English number in words continued after `value` (its words end at byte
/// `end`), its words joined by a hyphen, a space, `et` or `and`: hundreds (`deux cents`,
/// `one hundred`), tens and units (`soixante-six`, `seventy five`, `trente et un`), French
/// seventies and nineties (`soixante-dix`, `quatre-vingt-dix-neuf`) and teens (`dix-sept`),
/// the last word cardinal or ordinal (`cent trente et unième`, 131st). Returns the value
/// and where its words end.
pub(super) fn latin_compound(
    text: &str,
    lang: &Lang,
    mut value: u16,
    mut end: usize,
) -> (u16, usize) {
    let number = |w: &str| words::number(&words::Keys::of(w), lang);
    loop {
        let (start, w) = if text[end..].starts_with('-') {
            let w = word_at(text, end + 1);
            (end + 1, w)
        } else {
            match next_word(text, end) {
                Some(x) => x,
                None => break,
            }
        };
        let (start, w) = match w.to_lowercase().as_str() {
            "et" | "and" => match next_word(text, start + w.len()).or_else(|| {
                let e = start + w.len();
                text[e..]
                    .starts_with('-')
                    .then(|| (e + 1, word_at(text, e + 1)))
            }) {
                Some(x) => x,
                None => break,
            },
            _ => (start, w),
        };
        let Some(v) = (!w.is_empty()).then(|| number(w)).flatten() else {
            break;
        };
        let (tens, units) = (value % 100 / 10 * 10, value % 10);
        // Hundreds take tens and units; tens take units (French sixties and eighties take
        // teens: soixante-dix, quatre-vingt-dix); French dix takes 7 to 9 (dix-sept).
        let adds = value % 100 == 0
            || units == 0 && (20..=90).contains(&tens) && (1..=9).contains(&v)
            || units == 0 && matches!(tens, 60 | 80) && (10..=19).contains(&v)
            || value % 100 == 10 && (7..=9).contains(&v) && *lang == Lang::Fr;
        let next = if v == 100 {
            (1..=9).contains(&value).then(|| value * 100)
        } else if v >= 100 {
            None
        } else if adds {
            Some(value + v)
        } else if value % 100 == 4 && v == 20 && *lang == Lang::Fr {
            Some(value - 4 + 80)
        } else {
            None
        };
        match next {
            Some(n) => {
                value = n;
                end = start + w.len();
            }
            None => break,
        }
    }
    (value, end)
}

/// An Arabic number in words continued after `value` (its words end at byte `end`): parts
/// joined by و (`مائة واثنان وثلاثون`, 132; `الثانية والثلاثين`, 32), then `بعد المائة`
/// for an ordinal past a hundred (`الثانية والثلاثين بعد المائة`, the 132nd). Returns the
/// value and where its words end.
pub(super) fn arabic_compound(text: &str, mut value: u16, mut end: usize) -> (u16, usize) {
    let number = |w: &str| words::number(&words::Keys::of(w), &Lang::Ar);
    while let Some((s, w)) = next_word(text, end) {
        let Some(v) = w.strip_prefix('و').and(number(w)) else {
            break;
        };
        let fits = if value % 100 == 0 {
            v < 100
        } else {
            value % 10 != 0 && value % 100 < 10 && v % 10 == 0 && (20..=90).contains(&v)
        };
        if !fits {
            break;
        }
        value += v;
        end = s + w.len();
    }
    if value < 100 {
        if let Some((s, w)) = next_word(text, end).filter(|(_, w)| *w == "بعد") {
            if let Some((s2, w2)) = next_word(text, s + w.len()) {
                if let Some(h) = number(w2).filter(|h| *h % 100 == 0 && *h > 0 && *h < 1000) {
                    return (value + h, s2 + w2.len());
                }
            }
        }
    }
    (value, end)
}

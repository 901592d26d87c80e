//! General-language word frequencies of French, English and Arabic (`data/freq/*.tsv`,
//! derived from the wordfreq lists, CC BY-SA 4.0), as Zipf values: what term mining
//! contrasts a corpus against, and what tells the linter whether a text copied from the
//! source also reads as the target's language.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::Lang;

const FREQ_FR: &str = include_str!("../../../../data/freq/fr.tsv");
const FREQ_EN: &str = include_str!("../../../../data/freq/en.tsv");
const FREQ_AR: &str = include_str!("../../../../data/freq/ar.tsv");

/// The Zipf value (log10 of the frequency per billion words) given to a word the general list
/// does not hold: rarer than its rarest word.
pub const UNSEEN_ZIPF: f64 = 2.0;

fn table(lang: &Lang) -> Option<&'static FxHashMap<&'static str, f32>> {
    static FR: OnceLock<FxHashMap<&str, f32>> = OnceLock::new();
    static EN: OnceLock<FxHashMap<&str, f32>> = OnceLock::new();
    static AR: OnceLock<FxHashMap<&str, f32>> = OnceLock::new();
    let (cell, src) = match lang {
        Lang::Fr => (&FR, FREQ_FR),
        Lang::En => (&EN, FREQ_EN),
        Lang::Ar => (&AR, FREQ_AR),
        Lang::Other(_) => return None,
    };
    Some(cell.get_or_init(|| parse_freq(src)))
}

fn parse_freq(src: &str) -> FxHashMap<&str, f32> {
    src.lines()
        .filter_map(|l| {
            let (w, z) = l.split_once('\t')?;
            Some((w, z.trim().parse::<f32>().ok()? / 100.0))
        })
        .collect()
}

/// The general-language Zipf frequency of the lower-cased `word` in `lang` ([`UNSEEN_ZIPF`]
/// when the list does not hold it; `None` for a language without a list).
pub fn zipf(lang: &Lang, word: &str) -> Option<f64> {
    let t = table(lang)?;
    Some(t.get(word).map_or(UNSEEN_ZIPF, |z| f64::from(*z)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_frequencies() {
        let the = zipf(&Lang::En, "the").unwrap();
        let turbine = zipf(&Lang::En, "turbine").unwrap();
        assert!(the > 7.0 && turbine < the);
        assert_eq!(zipf(&Lang::Fr, "zzzqqq"), Some(UNSEEN_ZIPF));
        assert!(zipf(&Lang::Ar, "الأمم").unwrap() > UNSEEN_ZIPF);
        assert_eq!(zipf(&Lang::Other("de".into()), "der"), None);
    }
}

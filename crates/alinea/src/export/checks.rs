//! Checks on documents about to be aligned: a declared language the text contradicts, and a
//! translation far longer or shorter than its pivot. They return warnings; alignment goes on.

use crate::doc::Document;
use crate::Lang;

const FR_WORDS: &[&str] = &[
    "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "qui", "sur", "au", "aux",
    "par", "que", "ne", "pas",
];
const EN_WORDS: &[&str] = &[
    "the", "and", "of", "to", "is", "in", "that", "for", "on", "with", "are", "by", "this", "be",
    "as", "which",
];

/// The language the text looks like, when it clearly looks like fr, en or ar.
fn guess(text: &str) -> Option<Lang> {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        match c {
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FEFF}' => {
                arabic += 1
            }
            c if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) => latin += 1,
            _ => {}
        }
    }
    if arabic + latin < 40 {
        return None;
    }
    if arabic * 10 > (arabic + latin) * 6 {
        return Some(Lang::Ar);
    }
    if latin * 10 < (arabic + latin) * 6 {
        return None;
    }
    let (mut fr, mut en) = (0usize, 0usize);
    for w in text.split(|c: char| !c.is_alphabetic()) {
        let w = w.to_lowercase();
        fr += usize::from(FR_WORDS.contains(&w.as_str()));
        en += usize::from(EN_WORDS.contains(&w.as_str()));
    }
    if fr + en < 8 {
        None
    } else if fr > 3 * en {
        Some(Lang::Fr)
    } else if en > 3 * fr {
        Some(Lang::En)
    } else {
        None
    }
}

/// A warning when `doc`'s text clearly is in another language than the one declared.
pub fn language(doc: &Document) -> Option<String> {
    let text: String = doc
        .units
        .iter()
        .map(|u| u.plain.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let seen = guess(&text)?;
    let declared = &doc.lang;
    let contradicts = match declared {
        Lang::Fr | Lang::En | Lang::Ar => *declared != seen,
        // Another Latin-script language may well use some French or English words.
        Lang::Other(_) => seen == Lang::Ar && !declared.is_rtl(),
    };
    contradicts.then(|| {
        format!(
            "{}: declared as {declared} but the text looks like {seen}",
            doc.path.display()
        )
    })
}

/// Warnings for translations more than three times longer or shorter (in characters) than the
/// pivot `docs[0]`.
pub fn lengths(docs: &[Document]) -> Vec<String> {
    let len = |d: &Document| -> usize { d.units.iter().map(|u| u.plain.chars().count()).sum() };
    let Some((pivot, rest)) = docs.split_first() else {
        return Vec::new();
    };
    let p = len(pivot).max(1) as f64;
    rest.iter()
        .filter_map(|d| {
            let t = len(d).max(1) as f64;
            let (ratio, longer, shorter) = if t >= p {
                (t / p, d, pivot)
            } else {
                (p / t, pivot, d)
            };
            (ratio > 3.0).then(|| {
                format!(
                    "{} ({}) is {ratio:.1}× longer than {} ({}); aligned anyway, check the files match",
                    longer.path.display(),
                    longer.lang,
                    shorter.path.display(),
                    shorter.lang
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{from_text, InputMode};
    use std::path::Path;

    fn doc(text: &str, lang: Lang) -> Document {
        from_text(Path::new("x.txt"), text, Some(lang), InputMode::Lines).unwrap()
    }

    const EN: &str = "The Assembly of the Union is concerned that the use of information and \
        communication technologies by criminals is growing, and calls on parliaments to act.";
    const FR: &str = "L'Assemblée de l'Union est préoccupée par le fait que l'utilisation des \
        technologies de l'information et de la communication par les criminels est en hausse, et \
        demande aux parlements de prendre des mesures pour la sécurité.";
    const AR: &str = "إن جمعية الاتحاد البرلماني الدولي تشعر بالقلق إزاء تزايد استخدام المجرمين \
        لتكنولوجيات المعلومات والاتصالات وتدعو البرلمانات إلى العمل";

    #[test]
    fn flags_contradicted_language() {
        assert!(language(&doc(EN, Lang::Fr))
            .unwrap()
            .contains("looks like en"));
        assert!(language(&doc(FR, Lang::En))
            .unwrap()
            .contains("looks like fr"));
        assert!(language(&doc(FR, Lang::Ar))
            .unwrap()
            .contains("looks like fr"));
        assert!(language(&doc(AR, Lang::En))
            .unwrap()
            .contains("looks like ar"));
        assert!(language(&doc(AR, Lang::Other("de".into()))).is_some());
        assert_eq!(language(&doc(EN, Lang::En)), None);
        assert_eq!(language(&doc(FR, Lang::Fr)), None);
        assert_eq!(language(&doc(AR, Lang::Ar)), None);
        assert_eq!(language(&doc(EN, Lang::Other("de".into()))), None);
        assert_eq!(language(&doc("Court.", Lang::Ar)), None);
    }

    #[test]
    fn flags_length_ratio() {
        let fr = doc("Un texte court.", Lang::Fr);
        let en = doc(&"A much longer English text. ".repeat(3), Lang::En);
        let w = lengths(&[fr.clone(), en]);
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("× longer than"), "{}", w[0]);
        let en = doc("A short text here.", Lang::En);
        assert!(lengths(&[fr, en]).is_empty());
    }
}

//! The consonant skeleton of Arabic words, the key of the "root" match class of lookup:
//! broken plurals and their singulars (جرائم and جريمة, فرق and فريق, حقوق and حق) mostly
//! share it where the Snowball stemmer keeps them apart.

use super::{for_each_word, has_arabic, lookup_key_into};
use crate::text::fold::fold_arabic_char;

/// The letters dropped from a consonant skeleton: alef (every variant folds to ا), waw, ya,
/// alef maqsura and the hamza carriers.
fn weak(c: char) -> bool {
    matches!(
        c,
        '\u{0627}' | '\u{0648}' | '\u{064A}' | '\u{0649}' | '\u{0621}' | '\u{0626}' | '\u{0624}'
    )
}

/// The article forms stripped from the front of a word (folded), longest first.
const ARTICLES: [&str; 6] = [
    "\u{0648}\u{0627}\u{0644}", // وال
    "\u{0628}\u{0627}\u{0644}", // بال
    "\u{0643}\u{0627}\u{0644}", // كال
    "\u{0641}\u{0627}\u{0644}", // فال
    "\u{0627}\u{0644}",         // ال
    "\u{0644}\u{0644}",         // لل
];

/// The suffixes stripped from the end of a word (folded: ة is ه), longest first: the dual of a
/// noun or adjective in ة (الميزانيتين البرنامجيتين, الميزانيتان, of الميزانية البرنامجية),
/// the plurals, the relative adjective; not ان alone, which ends many stems (برلمان).
const SUFFIXES: [&str; 8] = [
    "\u{062A}\u{064A}\u{0646}", // تين
    "\u{062A}\u{0627}\u{0646}", // تان
    "\u{0627}\u{062A}",         // ات
    "\u{0648}\u{0646}",         // ون
    "\u{064A}\u{0646}",         // ين
    "\u{064A}\u{0647}",         // ية
    "\u{064A}",                 // ي
    "\u{0647}",                 // ة, ه
];

/// Plurals from another root than their singular's, with the singular's skeleton (folded,
/// article off): نساء and نسوة, women, are the plurals of امرأة (المرأة: `مر`).
const SUPPLETIVE: [(&str, &str); 2] = [
    ("\u{0646}\u{0633}\u{0627}\u{0621}", "\u{0645}\u{0631}"), // نساء → مر
    ("\u{0646}\u{0633}\u{0648}\u{0647}", "\u{0645}\u{0631}"), // نسوة → مر
];

/// Attached pronouns stripped before the suffixes.
const PRONOUNS: [&str; 5] = [
    "\u{0647}\u{0645}\u{0627}", // هما
    "\u{0647}\u{0645}",         // هم
    "\u{0647}\u{0627}",         // ها
    "\u{0647}\u{0646}",         // هن
    "\u{0643}\u{0645}",         // كم
];

/// `w` without the first of `affixes` it starts (`front`) or ends with, if at least three
/// letters remain.
fn strip_affix<'w>(w: &'w [char], affixes: &[&str], front: bool) -> &'w [char] {
    for a in affixes {
        let n = a.chars().count();
        if w.len() < n + 3 {
            continue;
        }
        let matches = if front {
            w.iter().copied().take(n).eq(a.chars())
        } else {
            w[w.len() - n..].iter().copied().eq(a.chars())
        };
        if matches {
            return if front { &w[n..] } else { &w[..w.len() - n] };
        }
    }
    w
}

/// The consonant skeleton of one Arabic word, appended to `out`: folded (alef, ya and ta
/// marbuta variants, diacritics, tatweel), without its article (ال وال بال كال فال لل), an
/// attached pronoun and a dual, plural or adjective suffix (تين تان ات ون ين ية ي ة) when three letters
/// remain, then without its weak letters and hamza carriers, a doubled letter collapsed.
/// Broken plurals and their singulars mostly share it: جرائم and جريمة → جرم, فرق and فريق
/// → فرق, حقوق and حق → حق. A word without Arabic letters is only folded.
pub fn skeleton_word(word: &str, out: &mut String) {
    if !has_arabic(word) {
        lookup_key_into(word, out);
        return;
    }
    let mut letters: Vec<char> = Vec::with_capacity(word.len() / 2);
    for c in word.chars() {
        if let Some(f) = fold_arabic_char(c) {
            letters.push(f);
        }
    }
    let w = strip_affix(&letters, &ARTICLES, true);
    if let Some(&(_, key)) = SUPPLETIVE
        .iter()
        .find(|(p, _)| w.iter().copied().eq(p.chars()))
    {
        out.push_str(key);
        return;
    }
    let w = strip_affix(w, &PRONOUNS, false);
    let w = strip_affix(w, &SUFFIXES, false);
    let mut last = None;
    for &c in w {
        if weak(c) || last == Some(c) {
            continue;
        }
        out.push(c);
        last = Some(c);
    }
}

/// The key of the "root" match class: the [`skeleton_word`] of each word, joined by spaces.
pub fn skeleton_key(s: &str) -> String {
    let (mut out, mut w) = (String::new(), String::new());
    for_each_word(s, |r| {
        w.clear();
        skeleton_word(&s[r], &mut w);
        if !w.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&w);
        }
    });
    out
}

/// The skeleton keys a query may have: [`skeleton_key`], and the keys with one leading
/// proclitic (ف ب ل ك) taken off a word when three letters remain (بجرائم, لفريق), at most
/// `max` keys. A term's key has no such alternatives.
pub fn skeleton_keys(s: &str, max: usize) -> Vec<String> {
    let mut words: Vec<Vec<String>> = Vec::new();
    for_each_word(s, |r| {
        let w = &s[r];
        let mut alts = Vec::with_capacity(2);
        let mut k = String::new();
        skeleton_word(w, &mut k);
        if !k.is_empty() {
            alts.push(k);
        }
        let mut cs = w.chars();
        if let Some('\u{0641}' | '\u{0628}' | '\u{0644}' | '\u{0643}') = cs.next() {
            let rest = cs.as_str();
            if rest
                .chars()
                .filter(|&c| fold_arabic_char(c).is_some())
                .count()
                >= 3
            {
                let mut k = String::new();
                skeleton_word(rest, &mut k);
                if !k.is_empty() && !alts.contains(&k) {
                    alts.push(k);
                }
            }
        }
        if !alts.is_empty() {
            words.push(alts);
        }
    });
    let mut keys = vec![String::new()];
    for alts in &words {
        let room = max / keys.len().max(1);
        let take = alts.len().min(room.max(1));
        keys = keys
            .iter()
            .flat_map(|k| {
                alts[..take].iter().map(move |a| {
                    if k.is_empty() {
                        a.clone()
                    } else {
                        format!("{k} {a}")
                    }
                })
            })
            .collect();
    }
    keys.retain(|k| !k.is_empty());
    keys
}

/// The letters of a skeleton key, spaces not counted.
pub fn skeleton_letters(key: &str) -> usize {
    key.chars().filter(|&c| c != ' ').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sk(w: &str) -> String {
        skeleton_key(w)
    }

    #[test]
    fn skeletons_join_broken_plurals_and_singulars() {
        for (a, b, key) in [
            ("جرائم", "جريمة", "جرم"),
            ("سيبرانية", "سيبراني", "سبرن"),
            ("فرق", "فريق", "فرق"),
            ("هجمات", "هجوم", "هجم"),
            ("أطفال", "طفل", "طفل"),
            ("دول", "دولة", "دل"),
            ("أعضاء", "عضو", "عض"),
            ("حقوق", "حق", "حق"),
            ("شبكات", "شبكة", "شبك"),
            ("معلومات", "معلومة", "معلم"),
            ("برلمانات", "برلمان", "برلمن"),
            ("تكنولوجيات", "تكنولوجيا", "تكنلج"),
            ("النساء", "المرأة", "مر"),
            ("نسوة", "امرأة", "مر"),
        ] {
            assert_eq!(sk(a), key, "{a}");
            assert_eq!(sk(b), key, "{b}");
        }
        // Article forms, diacritics, tatweel, alef variants.
        for w in [
            "الجرائم",
            "والجرائم",
            "بالجرائم",
            "للجرائم",
            "الجَرائِم",
            "الجـرائم",
        ] {
            assert_eq!(sk(w), "جرم", "{w}");
        }
        assert_eq!(sk("للأطفال"), "طفل");
        assert_eq!(sk("الجرائم السيبرانية"), sk("جريمة سيبرانية"));
        assert_eq!(sk("حقوق الإنسان"), sk("حق الإنسان"));
        // The dual of a noun and an adjective in ة, in both cases.
        let term = sk("الميزانية البرنامجية");
        assert_eq!(sk("الميزانيتين البرنامجيتين"), term);
        assert_eq!(sk("الميزانيتان البرنامجيتان"), term);
        assert_eq!(sk("السلطتين"), sk("السلطة"));
        // A short word ending so keeps three letters (بيتين: بيت and the dual's ين).
        assert_eq!(sk("بيتين"), sk("بيت"));
        // A word in Latin script is only folded.
        assert_eq!(sk("CSIRT الوطني"), "csirt طن");
    }

    #[test]
    fn skeletons_keep_different_words_apart() {
        for (a, b) in [
            ("جريمة", "جمعية"),
            ("هجوم", "هجرة"),
            ("سيبراني", "سياسي"),
            ("برلمان", "برنامج"),
            ("الأمن", "المعلومات"),
            ("حرية", "حرب"),
            ("فريق", "طريق"),
            ("الاتصالات", "الاستجابة"),
        ] {
            assert_ne!(sk(a), sk(b), "{a} / {b}");
        }
        // ان ends many stems: not a suffix.
        assert_eq!(sk("برلمان"), "برلمن");
        assert_eq!(sk("الإنسان"), "نسن");
        // Too short to strip: the letters stay.
        assert_eq!(sk("فهم"), "فهم");
        assert_eq!(sk("دليل"), "دل");
    }

    #[test]
    fn query_skeletons_try_one_proclitic_off() {
        assert_eq!(skeleton_keys("بجرائم", 16), ["بجرم", "جرم"]);
        // فرق keeps its ف: two letters would remain.
        assert_eq!(skeleton_keys("فرق الاستجابة", 16), ["فرق ستجب"]);
        assert_eq!(skeleton_keys("فريق الاستجابة", 16), ["فرق ستجب", "رق ستجب"]);
        assert_eq!(skeleton_keys("لجرائم كبرى لفرق", 2).len(), 2);
        assert_eq!(skeleton_letters("حق نسن"), 5);
    }
}

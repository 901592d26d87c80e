//! What each unit is: body text, heading, list item, note or page furniture. Nothing is
//! dropped; the kind only tells the aligner and the reader what a unit is.
//!
//! - furniture: page numbers (`3`, `- 3 -`, `Page 3`, `3/12`), document symbols alone on a
//!   line (`E/RES/2019/19`, `A/70/123`), job numbers (`GE.15-12345`, `19-12345 (F)`),
//!   `Distr.` and `Original:` lines, notes saying a version was reissued (`* Reissued for
//!   technical reasons on 1 May 2015.`);
//! - note: a line starting with a note mark (`¹`, `*`), and a sentence right after a note that
//!   interrupts the flow of the body (body before it ends open, body after it goes on in
//!   lower case);
//! - heading: `#` lines, all-caps lines, short lines without final punctuation, short lines of
//!   the front matter (letterhead, slogans);
//! - list item: a unit with a label or bullet;
//! - body: everything else.

use super::read::{ends_with_punctuation, last_significant, starts_lowercase, Seg};
use super::UnitKind;
use crate::text::markup::{self, Mapped};

fn strip(s: &str) -> String {
    let mut m = Mapped::untracked();
    markup::strip_inline(s, 0, &mut m);
    m.text.trim().to_string()
}

/// A document symbol such as `E/RES/2019/19`, `A/70/123`, `E/CN.15/2019/L.5/Corr.1`.
fn symbol(tok: &str) -> bool {
    let mut parts = tok.split('/');
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty()
        && (1..=6).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_uppercase())
        && rest.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        })
}

/// A job number such as `GE.15-12345`, `V.19-04567`, `19-12345`.
fn job_number(tok: &str) -> bool {
    let t = tok.trim_start_matches(|c: char| c.is_ascii_uppercase() || c == '.');
    let Some((a, b)) = t.split_once('-') else {
        return false;
    };
    a.len() == 2
        && a.bytes().all(|c| c.is_ascii_digit())
        && (4..=6).contains(&b.len())
        && b.bytes().all(|c| c.is_ascii_digit())
}

fn number(s: &str) -> bool {
    !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit())
}

/// A note saying that this language's version was reissued (`* Reissued for technical
/// reasons on 1 May 2015.`, `* Nouveau tirage pour raisons techniques`, `* أعيد إصدارها لأسباب
/// فنية`): page furniture of one version, with no counterpart in the others.
fn reissue_note(line: &str) -> bool {
    const STARTS: [&str; 7] = [
        "reissued for technical reasons",
        "nouveau tirage pour raisons techniques",
        "publié à nouveau pour raisons techniques",
        "réédité pour raisons techniques",
        "أعيد إصدارها لأسباب فنية",
        "أعيد إصداره لأسباب فنية",
        "اعيد اصدارها لاسباب فنية",
    ];
    let Some(rest) = line.trim_start().strip_prefix('*') else {
        return false;
    };
    let rest = rest.trim_start();
    line.len() <= 200
        && STARTS.iter().any(|p| {
            rest.get(..p.len())
                .is_some_and(|head| head.to_lowercase() == *p)
        })
}

/// What a line of page furniture is: nothing to translate (a page or job number, a document
/// symbol alone, a page count), or text a translation renders (a reissue note, a distribution
/// or original-language line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Furniture {
    Bare,
    Rendered,
}

/// Page furniture: `line` is one whole line, markup stripped.
pub fn furniture(line: &str) -> bool {
    furniture_kind(line).is_some()
}

/// Page furniture with nothing to translate ([`furniture`] less the reissue notes and the
/// distribution and original-language lines, which a translation renders): a page or job
/// number, a document symbol alone on its line, a page count.
pub fn bare_furniture(line: &str) -> bool {
    furniture_kind(line) == Some(Furniture::Bare)
}

/// Which furniture `line` is, if it is.
fn furniture_kind(line: &str) -> Option<Furniture> {
    if reissue_note(line) {
        return Some(Furniture::Rendered);
    }
    if line.len() > 120 || wordy(line) {
        return None; // furniture is short; spare the normalisation
    }
    furniture_rules(line)
}

/// The rules of [`furniture`] on a short line.
fn furniture_rules(line: &str) -> Option<Furniture> {
    let t = crate::text::normalize::for_matching(line);
    let t = t.trim();
    if t.is_empty() {
        return None;
    }
    let toks: Vec<&str> = t.split_whitespace().collect();
    let lower = t.to_lowercase();
    if number(t)
        || t.trim_matches(|c| matches!(c, '-' | '–' | '—' | ' ')) != t
            && number(t.trim_matches(|c| matches!(c, '-' | '–' | '—' | ' ')))
    {
        return Some(Furniture::Bare);
    }
    if let Some((a, b)) = t.split_once('/') {
        if number(a.trim()) && number(b.trim()) {
            return Some(Furniture::Bare);
        }
    }
    let paren_tail = |i: usize| {
        toks.len() == i + 1
            || (toks.len() == i + 2 && toks[i + 1].starts_with('(') && toks[i + 1].len() <= 5)
    };
    if symbol(toks[0]) && paren_tail(0) {
        return Some(Furniture::Bare);
    }
    let tok0 = toks[0].trim_matches('*');
    if job_number(tok0) && paren_tail(0) {
        return Some(Furniture::Bare);
    }
    if toks[0].starts_with('*') && toks[0].ends_with('*') && toks.len() == 1 && toks[0].len() > 2 {
        return toks[0][1..toks[0].len() - 1]
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then_some(Furniture::Bare);
    }
    for page in ["page", "p.", "seite", "الصفحة", "صفحة"] {
        if let Some(rest) = lower.strip_prefix(page) {
            let words: Vec<&str> = rest.split_whitespace().collect();
            if !words.is_empty()
                && number(words[0])
                && (words.len() == 1
                    || words.len() == 3
                        && matches!(words[1], "of" | "sur" | "de" | "/" | "von" | "من")
                        && number(words[2]))
            {
                return Some(Furniture::Bare);
            }
        }
    }
    distribution(t, &lower).then_some(Furniture::Rendered)
}

/// A distribution or original-language line (`Distr.: General`, `Original: English`,
/// `التوزيع: عام`): `t` normalised and trimmed, `lower` the same in lower case.
fn distribution(t: &str, lower: &str) -> bool {
    [
        "distr.",
        "distr :",
        "original:",
        "original :",
        "التوزيع",
        "الأصل:",
        "الأصل :",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        && t.chars().count() <= 40
}

/// Whether `line` has too many words to be furniture, told without normalising it: more than
/// four words with an ASCII letter or digit (which normalisation keeps apart: it maps white
/// space to spaces and removes none), and no `Distr.`/`Original:` start (the only furniture
/// with more words). Its first visible character is what normalisation starts with.
fn wordy(line: &str) -> bool {
    let words = line
        .split_whitespace()
        .filter(|w| w.bytes().any(|b| b.is_ascii_alphanumeric()))
        .take(5)
        .count();
    let first = line
        .chars()
        .find(|&c| !c.is_whitespace() && !crate::text::chars::is_invisible(c));
    words > 4 && !matches!(first, Some('d' | 'D' | 'o' | 'O' | 'ا' | 'أ' | 'إ' | 'آ'))
}

/// Every cased letter is upper case (and there are a few).
fn all_caps(s: &str) -> bool {
    let mut upper = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        upper += usize::from(c.is_uppercase());
    }
    upper >= 4
}

/// The unit is labelled with an upper-case roman numeral (`IV.`): a section heading when short.
fn roman_label(seg: &Seg) -> bool {
    let head = seg.head();
    head.start.label.as_ref().is_some_and(|r| {
        let l = head.text[r.clone()].trim_end_matches(['.', ')']);
        !l.is_empty() && l.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
    })
}

fn url_only(s: &str) -> bool {
    !s.contains(' ')
        && (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www."))
}

fn starts_uppercase(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase)
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A heading by its look: all capitals; or short without final punctuation; or, in the front
/// matter (letterhead, title page), a few words not ending a clause.
fn heading_like(plain: &str, front: bool) -> bool {
    let n = plain.chars().count();
    let untidy_start = starts_lowercase(plain) && n > 60 && !plain.starts_with(['[', '(']);
    (n <= 200 && all_caps(plain))
        || (n <= 300 && !ends_with_punctuation(plain) && !untidy_start)
        || (front
            && words(plain) <= 8
            && !last_significant(plain).is_some_and(|c| matches!(c, ',' | ';' | ':' | '،' | '؛')))
}

/// Notes and furniture: what a page-break join may step over. Decided on a raw segment.
pub(crate) fn skippable(seg: &Seg) -> bool {
    let head = seg.head();
    (head.start.note_mark && !head.start.bullet) || seg.lines().len() == 1 && head_furniture(seg)
}

/// Whether the first line of `seg`, markup stripped, is page furniture ([`furniture`]), worked
/// out once per segment.
fn head_furniture(seg: &Seg) -> bool {
    *seg.head_furniture
        .get_or_init(|| furniture(&strip(seg.head().text)))
}

/// The kind of each segment.
pub(crate) fn classify(segs: &[Seg]) -> Vec<UnitKind> {
    let plains: Vec<&str> = segs.iter().map(Seg::plain).collect();
    let star = |i: usize| {
        segs.get(i)
            .is_some_and(|s| s.head().start.note_mark && s.head().text.starts_with('*'))
    };
    // The front matter ends at the first long paragraph that ends with punctuation.
    let front_end = plains
        .iter()
        .position(|p| words(p) >= 12 && ends_with_punctuation(p))
        .unwrap_or(segs.len());
    let mut kinds = Vec::with_capacity(segs.len());
    for (i, seg) in segs.iter().enumerate() {
        let head = seg.head();
        let plain = &plains[i];
        let n = plain.chars().count();
        let kind = if head.start.hashes > 0 {
            UnitKind::Heading
        } else if seg.lines().len() == 1 && head_furniture(seg) {
            UnitKind::Furniture
        } else if head.start.note_mark && !head.start.bullet {
            let run = star(i)
                && ((i > 0 && star(i - 1) && segs[i - 1].block == seg.block)
                    || (star(i + 1) && segs[i + 1].block == seg.block));
            if run {
                UnitKind::ListItem
            } else {
                UnitKind::Note
            }
        } else if roman_label(seg) && n <= 80 && !ends_with_punctuation(plain) {
            UnitKind::Heading
        } else if head.start.label.is_some() || head.start.bullet {
            UnitKind::ListItem
        } else if url_only(plain) {
            UnitKind::Body
        } else if heading_like(plain, i < front_end) {
            UnitKind::Heading
        } else {
            UnitKind::Body
        };
        kinds.push(kind);
    }
    // A sentence standing right after a note, between body paragraphs whose flow it breaks,
    // belongs to the note (its second line on the page).
    for i in 1..segs.len() {
        if kinds[i - 1] != UnitKind::Note || kinds[i] != UnitKind::Body {
            continue;
        }
        let p = &plains[i];
        let before = (0..i - 1).rev().find(|&j| kinds[j] != UnitKind::Note);
        let flow_open = before.is_some_and(|j| {
            last_significant(plains[j])
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';' | '،' | '؛'))
        });
        let after_lower = plains.get(i + 1).is_some_and(|q| starts_lowercase(q));
        if starts_uppercase(p)
            && last_significant(p) == Some('.')
            && words(p) <= 60
            && flow_open
            && after_lower
        {
            kinds[i] = UnitKind::Note;
        }
    }
    kinds
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn a_wordy_line_is_never_furniture(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Distr.", "générale", "Page", "3", "sur", "12", "A/70/123", "(F)", "Original",
                    ":", "anglais", "\u{200B}", "\u{A0}", " ", "  ", "-", "*12*", "الأصل", "a",
                    "\u{301}", "e", "GE.15-12345",
                ]),
                0..14,
            )
        ) {
            let line = parts.join(" ");
            if wordy(&line) {
                proptest::prop_assert!(!furniture_unfiltered(&line), "{:?}", line);
            }
        }
    }

    /// [`furniture`] without its word-count shortcut.
    fn furniture_unfiltered(line: &str) -> bool {
        // Above 120 bytes neither looks; below, the shortcut is the only difference.
        line.len() <= 120 && furniture_rules(line).is_some()
    }

    #[test]
    fn a_segments_furniture_is_that_of_its_first_line_asked_once() {
        use crate::doc::read::{blocks, join, segments};
        let text = "**Page 3**\n\nA/70/123\n\nLa délégation de l'Inde.\n\n- 4 -\nsuite\n";
        let segs = join(segments(blocks(text)), skippable);
        assert!(segs.len() >= 3, "{segs:?}");
        for seg in &segs {
            let expected = furniture(&strip(seg.head().text));
            assert_eq!(head_furniture(seg), expected, "{:?}", seg.head().text);
            // Kept: the segment's first line never changes.
            assert_eq!(seg.head_furniture.get(), Some(&expected));
        }
        let first = &segs[0];
        assert!(head_furniture(first) && skippable(first));
        assert_eq!(classify(&segs)[0], UnitKind::Furniture);
    }

    #[test]
    fn bare_furniture_has_nothing_to_translate() {
        for l in [
            "26/47",
            "A/70/96214",
            "15-12345 (E)",
            "GE.15-97243",
            "13/41",
        ] {
            assert!(bare_furniture(l), "{l}");
        }
        for l in [
            "Distr.: General",
            "Distr. générale",
            "التوزيع: عام",
            "Original: English",
            "* Reissued for technical reasons on 28 May 2015.",
            "One of these is governance reform,",
        ] {
            assert!(!bare_furniture(l), "{l}");
        }
        assert!(furniture("Distr.: General"));
    }

    #[test]
    fn furniture_lines() {
        for s in [
            "3",
            "- 3 -",
            "– 12 –",
            "Page 3",
            "page 3 sur 12",
            "3/12",
            "E/RES/2019/19",
            "A/70/123",
            "A/RES/57/239",
            "E/CN.15/2019/L.5/Corr.1",
            "GE.15-12345",
            "19-12345 (F)",
            "*1912345*",
            "Distr. générale",
            "Distr.: General",
            "Original : anglais",
            "الصفحة ٣",
            "* Reissued for technical reasons on 28 May 2015.",
            "* Nouveau tirage pour raisons techniques (1er mai 2015).",
            "* أعيد إصدارها لأسباب فنية في 1 أيار/مايو 2015.",
        ] {
            assert!(furniture(s), "{s}");
        }
        for s in [
            "Session de 2019",
            "Point 19 c) de l'ordre du jour",
            "2019/19. Favoriser",
            "La délégation de l'Inde.",
            "74/247 et 75/282",
            "Union interparlementaire",
            "31 juillet 2019",
            "* The Committee was reissued its mandate for technical cooperation.",
            "Reissued for technical reasons, the report was circulated again.",
        ] {
            assert!(!furniture(s), "{s}");
        }
    }
}

//! [`compare`]: what differs between the number-like tokens of a source and a target unit.

use super::{Kind, Token, DUAL, SINGULAR};

/// A difference between the numbers of a source and a target unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    pub kind: Kind,
    /// The source's token, absent from the target (`None`: the target has a token the
    /// source lacks).
    pub source: Option<Token>,
    /// The target's token, absent from the source.
    pub target: Option<Token>,
}

/// Whether two tokens stand for the same thing: the same value (or one's other reading),
/// a month only with a month.
fn same_value(a: &Token, b: &Token) -> bool {
    (a.kind == Kind::Month) == (b.kind == Kind::Month)
        && (a.value == b.value
            || a.alt.as_deref() == Some(b.value.as_str())
            || b.alt.as_deref() == Some(a.value.as_str()))
}

/// Pairs each token of `a` with the first token of `b` that `fits` it, removing both.
fn pair_where(a: &mut Vec<&Token>, b: &mut Vec<&Token>, fits: impl Fn(&Token, &Token) -> bool) {
    let mut i = 0;
    while i < a.len() {
        if let Some(j) = b.iter().position(|t| fits(a[i], t)) {
            b.remove(j);
            a.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Pairs off equal tokens of `a` and `b`, removing them from both.
fn pair_off(a: &mut Vec<&Token>, b: &mut Vec<&Token>) {
    pair_where(a, b, |x, t| same_value(t, x));
}

/// Whether two document symbols differ only in a series acronym each language writes with
/// its own word order (`BCE/2014/17` and `ECB/2014/17`, `CE` and `EC`, `UE` and `EU`): the
/// same parts, each part of letters the same letters in another order, every other part
/// alike, and a part with digits among them. (`A/74/1` against `E/74/1` is a changed
/// symbol: a single letter is no reordered acronym.)
fn reordered_series(a: &str, b: &str) -> bool {
    let letters = |p: &str| p.len() >= 2 && p.bytes().all(|c| c.is_ascii_uppercase());
    let sorted = |p: &str| {
        let mut v = p.as_bytes().to_vec();
        v.sort_unstable();
        v
    };
    let (pa, pb): (Vec<&str>, Vec<&str>) = (a.split('/').collect(), b.split('/').collect());
    a != b
        && pa.len() == pb.len()
        && pa.iter().any(|p| p.bytes().any(|c| c.is_ascii_digit()))
        && pa.iter().zip(&pb).all(|(x, y)| {
            x == y || (letters(x) && letters(y) && x.len() == y.len() && sorted(x) == sorted(y))
        })
}

/// Pairs a document symbol of `a` left over with one of `b` that differs from it only in
/// a reordered series acronym ([`reordered_series`]).
fn pair_reordered_symbols(a: &mut Vec<&Token>, b: &mut Vec<&Token>) {
    pair_where(a, b, |x, t| {
        x.kind == Kind::Symbol && t.kind == Kind::Symbol && reordered_series(&x.value, &t.value)
    });
}

/// Pairs a token of `a` left over that also reads as two numbers (Arabic `2-26`, French
/// `7,10` in a list) with those two numbers on the other side (`2`, `26`).
fn pair_ranges(a: &mut Vec<&Token>, b: &mut Vec<&Token>) {
    let mut i = 0;
    while i < a.len() {
        let parts = a[i]
            .alt
            .as_deref()
            .and_then(|r| r.strip_prefix("range:"))
            .and_then(|r| r.split_once(':'));
        if let Some((x, y)) = parts {
            let px = b
                .iter()
                .position(|t| t.kind == Kind::Number && t.value == x);
            let py = b
                .iter()
                .position(|t| t.kind == Kind::Number && t.value == y);
            if let (Some(px), Some(py)) = (px, py) {
                if px != py {
                    b.remove(px.max(py));
                    b.remove(px.min(py));
                    a.remove(i);
                    continue;
                }
            }
        }
        i += 1;
    }
}

/// Pairs a 24-hour clock time written as one number (`1310`, `1100 hours`, `2359Z`) of `a`
/// left over with its hour and minutes on the other side (`13 h 10`, `11 heures`,
/// `59/23`), or its hour in words (`1200 hours` and `midi`): only what no exact value
/// paired, so a year never reads as a time.
fn pair_clock(a: &mut Vec<&Token>, b: &mut Vec<&Token>, b_all: &[Token]) {
    let mut words: Vec<&Token> = b_all.iter().filter(|t| t.kind == Kind::Word).collect();
    let mut i = 0;
    while i < a.len() {
        let t = a[i];
        // Four digits: `300` against `3` is a number that lost its zeros, not 3 o'clock.
        let v: Option<u32> = (t.kind == Kind::Number && t.value.len() == 4)
            .then(|| t.value.parse().ok())
            .flatten();
        let Some((h, m)) = v
            .map(|v| (v / 100, v % 100))
            .filter(|&(h, m)| h < 24 && m < 60)
        else {
            i += 1;
            continue;
        };
        let (h, m) = (h.to_string(), m.to_string());
        let number = |b: &Vec<&Token>, v: &str, not: Option<usize>| {
            b.iter()
                .enumerate()
                .position(|(j, t)| t.kind == Kind::Number && t.value == v && Some(j) != not)
        };
        let ph = number(b, &h, None);
        let pm = if m == "0" { None } else { number(b, &m, ph) };
        if m != "0" && pm.is_none() {
            i += 1;
            continue;
        }
        match (ph, pm) {
            (Some(ph), pm) => {
                let mut gone: Vec<usize> = std::iter::once(ph).chain(pm).collect();
                gone.sort_unstable();
                for j in gone.into_iter().rev() {
                    b.remove(j);
                }
            }
            (None, None) => match words.iter().position(|w| w.value == h) {
                Some(j) => {
                    words.remove(j);
                }
                None => {
                    i += 1;
                    continue;
                }
            },
            (None, Some(_)) => {
                i += 1;
                continue;
            }
        }
        a.remove(i);
    }
}

/// Pairs a number of `a` left over with a range of `b_all` whose hyphen it lost in
/// extraction (`1564` against `15-64`, `4653` against `46 à 53`): two rising numbers a
/// few bytes apart whose digits make it, at least one of them left over in `b`.
fn pair_joined(a: &mut Vec<&Token>, b: &mut Vec<&Token>, b_all: &[Token]) {
    let mut i = 0;
    while i < a.len() {
        let t = a[i];
        let joined = (t.kind == Kind::Number
            && (3..=8).contains(&t.value.len())
            && t.value.bytes().all(|c| c.is_ascii_digit()))
        .then(|| {
            b_all.windows(2).find(|w| {
                // A gap of a few bytes: `-`, `–`, ` à `, ` to `, ` إلى `.
                w[0].kind == Kind::Number
                    && w[1].kind == Kind::Number
                    && (1..=8).contains(&w[1].span.start.saturating_sub(w[0].span.end))
                    && w[0].span.end < w[1].span.start
                    && t.value.len() == w[0].value.len() + w[1].value.len()
                    && t.value.starts_with(w[0].value.as_str())
                    && t.value.ends_with(w[1].value.as_str())
                    && w[0].value.parse::<u64>().ok() < w[1].value.parse::<u64>().ok()
            })
        })
        .flatten();
        let Some(w) = joined else {
            i += 1;
            continue;
        };
        let left: Vec<usize> = b
            .iter()
            .enumerate()
            .filter(|(_, x)| std::ptr::eq(**x, &w[0]) || std::ptr::eq(**x, &w[1]))
            .map(|(j, _)| j)
            .collect();
        if left.is_empty() {
            i += 1;
            continue;
        }
        for j in left.into_iter().rev() {
            b.remove(j);
        }
        a.remove(i);
    }
}

/// Removes from `a` the numbers left over that enumerate a range `b_all` gives by its bounds
/// (`articles 8, 9, 10 et 11` against `Articles 8 to 11`): two rising integers a few bytes
/// apart, from 3 to 10 apart, every integer strictly between them (two at least) left over
/// in `a` (the bounds pair as themselves). A number merely inside a range is no enumeration
/// of it (`2011-2013` against a second `2012` that should be `2011`).
fn pair_enumerated(a: &mut Vec<&Token>, b_all: &[Token]) {
    let int = |t: &Token| {
        (t.kind == Kind::Number)
            .then(|| t.value.parse::<u64>().ok())
            .flatten()
    };
    for w in b_all.windows(2) {
        let (Some(lo), Some(hi)) = (int(&w[0]), int(&w[1])) else {
            continue;
        };
        let near = w[0].span.end < w[1].span.start && w[1].span.start - w[0].span.end <= 8;
        if !near || !(3..=10).contains(&hi.saturating_sub(lo)) {
            continue;
        }
        let inner: Vec<usize> = (lo + 1..hi)
            .filter_map(|v| a.iter().position(|t| int(t) == Some(v)))
            .collect();
        if inner.len() as u64 == hi - lo - 1 {
            let mut inner = inner;
            inner.sort_unstable();
            for i in inner.into_iter().rev() {
                a.remove(i);
            }
        }
    }
}

/// The year a footnote call was glued to (`201442`, or `2014.42` at the end of a sentence,
/// for 2014 and note 42): four digits from 1900 to 2099 followed, with or without a point,
/// by one to three digits.
fn year_with_call(t: &Token) -> Option<&str> {
    if t.kind != Kind::Number {
        return None;
    }
    let v = t.value.as_str();
    let year = v.get(..4).filter(|y| super::scan::is_year(y))?;
    let call = v[4..].strip_prefix('.').unwrap_or(&v[4..]);
    ((1..=3).contains(&call.len()) && call.bytes().all(|c| c.is_ascii_digit())).then_some(year)
}

/// Pairs a year with a footnote call glued to it (`201442`, `2014.42`) of `a` left over
/// with the year on the other side (`2014`, or the year with its call written otherwise):
/// only what no exact value paired, so a number of five to seven digits that is no year
/// with a call stays a number.
fn pair_year_call(a: &mut Vec<&Token>, b: &mut Vec<&Token>) {
    pair_where(a, b, |x, t| {
        year_with_call(x).is_some_and(|year| {
            t.kind == Kind::Number && (t.value == year || year_with_call(t) == Some(year))
        })
    });
}

/// Pairs a paragraph label of `a` left over (`12 États…` read as a note's number) with the
/// same number on the other side, read as a number.
fn pair_label_number(a: &mut Vec<&Token>, b: &mut Vec<&Token>) {
    pair_where(a, b, |x, t| {
        x.kind == Kind::Label
            && t.kind == Kind::Number
            && x.value.strip_prefix("label:") == Some(t.value.as_str())
    });
}

/// Whether `t` is a year standing right after byte `end` (a space or a bracket between):
/// the year of a month (`October 2014`) or of a cited resolution (`1540 (2004)`).
pub(super) fn year_after(t: &Token, end: usize) -> bool {
    t.kind == Kind::Number
        && super::scan::is_year(&t.value)
        && (end..=end + 3).contains(&t.span.start)
}

/// What differs between the tokens of a source and a target: each value kept once per
/// occurrence on both sides is paired; paragraph labels and codes (digits glued to
/// letters) left over on one side only are not told (extraction often drops them on one
/// side); numbers that enumerate a range the other side gives by its bounds (`8, 9, 10 et
/// 11`, `8 to 11`) pair with it; a document symbol pairs with the same symbol whose series
/// acronym is reordered
/// (`BCE/2014/17`, `ECB/2014/17`); a value left over that the other side has elsewhere is a
/// repetition, not told;
/// a number word on one side excuses the same value in digits on the other; a Kind::Month
/// pairs only with a month. A source value left over and a target value left over of the
/// same kind make one mismatch (a changed value); the rest are missing or added.
pub fn compare(source: &[Token], target: &[Token]) -> Vec<Mismatch> {
    let mut s_left: Vec<&Token> = source.iter().filter(|t| t.kind != Kind::Word).collect();
    let mut t_left: Vec<&Token> = target.iter().filter(|t| t.kind != Kind::Word).collect();
    pair_off(&mut s_left, &mut t_left);
    pair_reordered_symbols(&mut s_left, &mut t_left);
    pair_ranges(&mut s_left, &mut t_left);
    pair_ranges(&mut t_left, &mut s_left);
    pair_clock(&mut s_left, &mut t_left, target);
    pair_clock(&mut t_left, &mut s_left, source);
    pair_joined(&mut s_left, &mut t_left, target);
    pair_joined(&mut t_left, &mut s_left, source);
    pair_enumerated(&mut s_left, target);
    pair_enumerated(&mut t_left, source);
    pair_year_call(&mut s_left, &mut t_left);
    pair_year_call(&mut t_left, &mut s_left);
    pair_label_number(&mut s_left, &mut t_left);
    pair_label_number(&mut t_left, &mut s_left);
    // Number words excuse digits; a month named with no number near it excuses the month of
    // a date, and in the translation the year right after it (`En octobre` / `In October
    // 2014`: the translation says which October; a year it drops is still told). Then an
    // Arabic dual excuses a 2, only when the other side has no number left over that could
    // be that 2 changed.
    let excuse = |left: &mut Vec<&Token>, words: &[Token], duals: bool, target: bool| {
        let mut words: Vec<&Token> = words
            .iter()
            .filter(|t| t.kind == Kind::Word && (t.alt.as_deref() == Some(DUAL)) == duals)
            .collect();
        let mut months: Vec<usize> = Vec::new();
        left.retain(|t| {
            if !matches!(t.kind, Kind::Number | Kind::Month) {
                return true;
            }
            match words.iter().position(|w| w.value == t.value) {
                Some(j) => {
                    words.remove(j);
                    if t.kind == Kind::Month {
                        months.push(t.span.end);
                    }
                    false
                }
                None => true,
            }
        });
        left.retain(|t| !(target && months.iter().any(|&end| year_after(t, end))));
    };
    excuse(&mut s_left, target, false, false);
    excuse(&mut t_left, source, false, true);
    let numbers = |v: &Vec<&Token>| v.iter().any(|t| t.kind == Kind::Number);
    let (s_numbers, t_numbers) = (numbers(&s_left), numbers(&t_left));
    if !t_numbers {
        excuse(&mut s_left, target, true, false);
    }
    if !s_numbers {
        excuse(&mut t_left, source, true, true);
    }
    // A count of one before a noun in the source (`1 étudiant`) said by the singular alone
    // (`طالب`), only when the translation has no number left over that could be that 1
    // changed. (Not the other way: a 1 the translation writes where the source says `trois`
    // is a changed number.)
    if !numbers(&t_left) {
        s_left.retain(|t| !(t.kind == Kind::Number && t.alt.as_deref() == Some(SINGULAR)));
    }
    // A resolution the translation cites by its number where the source does not.
    super::cite::made_explicit(source, target, &mut t_left, &s_left);
    // A value repeated on one side only (the 1540 Committee after resolution 1540) is not
    // a change when the other side has nothing left over.
    let counted = |v: &Vec<&Token>| {
        v.iter()
            .filter(|t| !matches!(t.kind, Kind::Label | Kind::Code))
            .count()
    };
    if counted(&t_left) == 0 {
        s_left.retain(|s| {
            !target
                .iter()
                .any(|t| t.kind != Kind::Word && same_value(s, t))
        });
    } else if counted(&s_left) == 0 {
        t_left.retain(|t| {
            !source
                .iter()
                .any(|s| s.kind != Kind::Word && same_value(s, t))
        });
    }
    // Labels and codes count only when both sides have one: extraction often drops them
    // on one side.
    for kind in [Kind::Label, Kind::Code] {
        let n = |v: &Vec<&Token>| v.iter().filter(|t| t.kind == kind).count();
        if n(&s_left) == 0 || n(&t_left) == 0 {
            s_left.retain(|t| t.kind != kind);
            t_left.retain(|t| t.kind != kind);
        }
    }
    let mut out = Vec::new();
    for s in s_left {
        let same = |t: &&Token| (t.kind == Kind::Month) == (s.kind == Kind::Month);
        match t_left.iter().position(same) {
            Some(j) => {
                let t = t_left.remove(j);
                out.push(Mismatch {
                    kind: s.kind,
                    source: Some(s.clone()),
                    target: Some(t.clone()),
                });
            }
            None => out.push(Mismatch {
                kind: s.kind,
                source: Some(s.clone()),
                target: None,
            }),
        }
    }
    for t in t_left {
        out.push(Mismatch {
            kind: t.kind,
            source: None,
            target: Some(t.clone()),
        });
    }
    out
}

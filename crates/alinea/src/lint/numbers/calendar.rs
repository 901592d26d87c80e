//! Dates and durations written in digits one way and in words another: a date in digits
//! (`21/11/1997`) as the day, month and year a date with a month's name gives, and the
//! idioms of a service that never stops (`24 heures sur 24`, `24/7`).

use super::scan::*;
use super::{Kind, Token};
use crate::text::dates::read_digit_date;

/// A date written in digits: day first (`21/11/1997`, `14.4.2005`, `01-07-2002`), or year
/// first with `-` or `/` (`2005-04-14`). Its day, month and year come out as the tokens a
/// date with a month name gives (`21 novembre 1997`, `April 14, 2005`), so that the two
/// compare. When the day and the month could be read either way (`01/07/2002`: 1 July, or
/// January 7 as in the United States), each also takes the other reading as its `alt`; a
/// first number over 12 is a day, a second over 12 a day written second (`11/21/1997`).
/// The year has four digits (1900–2099) and the two separators are the same; a run glued to
/// other digits, letters or separators (`1.2.2014.5`, `v1.2.2014`) is no date.
pub(super) fn numeric_date(text: &str, i: usize) -> Option<(Vec<Token>, usize)> {
    if before(text, i).is_some_and(|p| p.is_alphanumeric() || matches!(p, '/' | '.' | '-')) {
        return None;
    }
    let (a, e1) = digits_at(text, i);
    let sep = at(text, e1).filter(|c| matches!(c, '/' | '.' | '-'))?;
    let (b, e2) = digits_at(text, e1 + 1);
    if at(text, e2) != Some(sep) {
        return None;
    }
    let (c, e3) = digits_at(text, e2 + 1);
    let glued = at(text, e3).is_some_and(|n| {
        n.is_alphanumeric()
            || (matches!(n, '/' | '.' | '-') && at(text, e3 + 1).and_then(digit).is_some())
    });
    if glued {
        return None;
    }
    let date = read_digit_date([&a, &b, &c], sep)?;
    let parts = [(&a, i..e1), (&b, e1 + 1..e2), (&c, e2 + 1..e3)];
    let value = |k: usize| parts[k].0.parse::<u32>().ok();
    let (day, month) = (value(date.day)?, value(date.month)?);
    let (ds, ms, ys) = (
        parts[date.day].1.clone(),
        parts[date.month].1.clone(),
        parts[date.year].1.clone(),
    );
    let (year, ambiguous) = (parts[date.year].0.clone(), date.ambiguous);
    let day_token = Token {
        span: ds,
        kind: Kind::Number,
        value: day.to_string(),
        alt: ambiguous.then(|| month.to_string()),
    };
    let month_token = Token {
        span: ms,
        kind: Kind::Month,
        value: format!("month:{month}"),
        alt: ambiguous.then(|| format!("month:{day}")),
    };
    let mut out = vec![day_token, month_token, number(ys, year)];
    out.sort_by_key(|t| t.span.start);
    Some((out, e3))
}

/// What follows 24 or 7 in the idioms of a service that never stops: `24 heures sur 24`,
/// `24h/24`, `7 jours sur 7`, `7j/7`, `24 hours a day`, `7 days a week`.
const ROUND_THE_CLOCK: [(&str, &[&str]); 2] = [
    (
        "24",
        &[
            " heures sur 24",
            " heures/24",
            " h sur 24",
            " h/24",
            "h/24",
            "h sur 24",
            " hours a day",
            " hours per day",
        ],
    ),
    (
        "7",
        &[
            " jours sur 7",
            " jours/7",
            " j/7",
            "j/7",
            "j sur 7",
            " days a week",
            " days per week",
        ],
    ),
];

/// The idioms of a service that never stops (`24 heures sur 24 et 7 jours sur 7`, `24/7`,
/// `24 hours a day, 7 days a week`), which a translation may say in words (`على مدار الساعة
/// طوال أيام الأسبوع`, `around the clock`): number words ([`Kind::Word`]) that excuse the
/// same numbers on the other side and are not told themselves.
pub(super) fn round_the_clock(text: &str, i: usize) -> Option<(Vec<Token>, usize)> {
    if before(text, i).is_some_and(|p| p.is_alphanumeric() || p == '/') {
        return None;
    }
    let (n, e) = digits_at(text, i);
    let word = |span: std::ops::Range<usize>, v: &str| Token {
        span,
        kind: Kind::Word,
        value: v.to_string(),
        alt: None,
    };
    let free = |end: usize| at(text, end).is_none_or(|c| !c.is_alphanumeric());
    if n == "24" && text[e..].starts_with("/7") && free(e + 2) {
        return Some((vec![word(i..e, "24"), word(e + 1..e + 2, "7")], e + 2));
    }
    let (_, tails) = ROUND_THE_CLOCK.iter().find(|(v, _)| *v == n)?;
    let rest = &text[e..];
    let tail = tails.iter().find(|t| {
        rest.len() >= t.len()
            && rest.is_char_boundary(t.len())
            && rest[..t.len()].eq_ignore_ascii_case(t)
    })?;
    let end = e + tail.len();
    free(end).then(|| (vec![word(i..end, &n)], end))
}

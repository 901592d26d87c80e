//! The numbers of a text, as values that compare across French, English and Arabic: pure
//! functions taking a text and its language and returning spans.
//!
//! [`extract`] finds, in text order: URLs, document symbols (`A/RES/74/247`, `E/2019/30`,
//! `S/2020/1`, `A/HRC/45/L.1`), paragraph labels in parentheses (`(a)`, `(أ)`), month names
//! next to a number (dates: `10 décembre 1976`, `December 10, 1976`,
//! `10 كانون الأول/ديسمبر 1976`, the two-word Levantine names read as one month), dates in
//! digits (`21/11/1997`, `14.4.2005`, `2005-04-14`: a day, a month and a year, so that they
//! compare with a date that names its month; `01/07/2002` also reads as January 7), the
//! idioms of a service that never stops (`24 heures sur 24`, `7j/7`, `24/7`, `24 hours a
//! day`: number words, which a translation may say without digits) and numbers.
//! Numbers are read with the language's separators: Eastern Arabic and Western digits alike;
//! `47,7` (French, Arabic `٤٧٫٧`) and `47.7` are one value; `31 000`, `31,000` (English),
//! `31.000` (French) and `31000` are one value; Arabic digit groups in display order
//! (`000 31`) are read with [`crate::align::numbers`], in the order a document keeps
//! ([`GroupOrder`]). A number opening the unit and followed by `.`, `-` or `)` (and not by
//! another number) is a paragraph label (`4.`, `٤ -`). Clock times compare by hour and
//! minute (`10 heures` = `10:00`, `3 p.m.` = 15); a Roman session number after a resolution
//! number (`689 (XXXV)`) is a number; an Arabic section `10-103` also reads as `10.103` or a
//! range; an eight-digit run that is two years in order is a range whose hyphen was lost;
//! digits glued to Latin letters (`B2C`, `km2`), an exponent after an Arabic unit (`كلم2`)
//! and a footnote call glued to a bracket, a quotation mark, a word or a year (`Rules)16`,
//! `2015(1)`) are codes; a year with a call glued to it (`201442`, `2014.42`) pairs with
//! the year; French `7,10` also reads as the list `7, 10`; the Arabic label of a list item
//! (`'2``) is its Roman numeral (`(ii)`). Number words (cardinals and ordinals of several
//! words, `cent trente et unième`, `deux ans et demi` (2.5), `une quarantaine`, Arabic teens,
//! an Arabic evening hour `الساعة العاشرة مساء` (22), a period's adjective `décennal`,
//! `quinquennial`; see `words`), a Roman
//! numeral after `article`, `chapter`, `annex` …, an Arabic dual (a 2, only when nothing
//! else can be that 2; so a source's count of one before a noun, `1 étudiant`, which a
//! translation may say by the singular, `طالب`) and a month named with no number near it are found too, as
//! [`Kind::Word`], so that a comparison can excuse `5` against `الخمس`, `12` against
//! `article XII`, the month of `October 2014` against `En octobre` (and the year the
//! translation adds to it).
//!
//! [`compare`] pairs the values of a source and a target unit and returns what differs.

use std::ops::Range;

pub use crate::align::numbers::GroupOrder;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Number,
    /// A number written in words (one to twelve), excusing a digit on the other side.
    Word,
    Month,
    Symbol,
    Url,
    Label,
    /// Digits glued to Latin letters (`B2C`, `km2`, a footnote call): compared only when
    /// both sides have some left over.
    Code,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Word => "number word",
            Kind::Month => "month",
            Kind::Symbol => "document symbol",
            Kind::Url => "URL",
            Kind::Label => "paragraph label",
            Kind::Code => "code",
        }
    }
}

/// One number-like token: where it is and the value it compares by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    pub kind: Kind,
    /// `1976`, `47.7`, `month:12`, `A/RES/74/247`, `http://un.org/x`, `label:a`.
    pub value: String,
    /// Another reading that pairs too: French `10.103` (10103 or section 10.103), Arabic
    /// `2-26` (section 2.26, or `range:2:26`).
    pub alt: Option<String>,
}

/// The `alt` of the [`Kind::Word`] an Arabic dual gives (`طائرتان`: 2), which excuses a 2
/// only when the other side has no number left over.
const DUAL: &str = "dual";

/// The `alt` of a count of one before a noun (`1 étudiant`), which the translation may say by
/// the singular alone (`طالب`): excused in the source only when the translation has no number
/// left over.
const SINGULAR: &str = "singular";

mod calendar;
mod cite;
mod compare;
mod compound;
mod extract;
mod scan;
#[cfg(test)]
mod tests;
mod words;

pub use compare::{compare, Mismatch};
pub use extract::extract;

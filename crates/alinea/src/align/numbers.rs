//! Numbers whose digits are grouped by spaces (`31 000`), and the group order of a document.
//!
//! Arabic text extracted from PDF often keeps the digit groups of a number in the order they
//! are displayed rather than the order they are read: `31 000` comes out as `000 31`, and
//! `3 444 250` as `250 444 3`. A document is consistent about it, so its order is decided
//! once, from the groupings that can be read one way only (`000 31` can only be reversed,
//! `31 000` only logical); groupings that read either way (`918 483`) follow the document.

/// How the digit groups of a document's numbers are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum GroupOrder {
    /// Most significant group first, as read (`31 000`).
    #[default]
    Logical,
    /// Least significant group first, as displayed right to left (`000 31`).
    Reversed,
}

/// The ways a sequence of space-separated digit groups can be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Readings {
    /// Groups after the first have three digits, the first one to three.
    pub logical: bool,
    /// Groups before the last have three digits, the last one to three.
    pub reversed: bool,
}

fn is_group(g: &str, full: bool) -> bool {
    let n = g.len();
    g.bytes().all(|b| b.is_ascii_digit()) && if full { n == 3 } else { (1..=3).contains(&n) }
}

/// The readings of `groups` (two or more groups of ASCII digits).
pub(crate) fn readings(groups: &[&str]) -> Readings {
    let k = groups.len();
    if k < 2 {
        return Readings {
            logical: false,
            reversed: false,
        };
    }
    Readings {
        logical: is_group(groups[0], false) && groups[1..].iter().all(|g| is_group(g, true)),
        reversed: is_group(groups[k - 1], false)
            && groups[..k - 1].iter().all(|g| is_group(g, true)),
    }
}

/// The number `groups` stand for when read in `order`, if they can be.
pub(crate) fn value(groups: &[&str], order: GroupOrder) -> Option<String> {
    let r = readings(groups);
    match order {
        GroupOrder::Logical if r.logical => Some(groups.concat()),
        GroupOrder::Reversed if r.reversed => {
            Some(groups.iter().rev().copied().collect::<Vec<_>>().concat())
        }
        _ => None,
    }
}

/// Counts of the groupings of a document that read one way only.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct OrderVote {
    logical: u32,
    reversed: u32,
}

impl OrderVote {
    pub fn add(&mut self, groups: &[&str]) {
        let r = readings(groups);
        match (r.logical, r.reversed) {
            (true, false) => self.logical += 1,
            (false, true) => self.reversed += 1,
            _ => {}
        }
    }

    /// Counts the groupings of a normalised text (ASCII digits, single spaces): runs of two or
    /// more digit groups separated by one space, standing alone (not inside a symbol such as
    /// `A/74/123 4`, not followed by a decimal part).
    pub fn add_text(&mut self, text: &str) {
        let b = text.as_bytes();
        let joiner = |c: u8| matches!(c, b'/' | b'.' | b',' | b'-');
        let mut groups: Vec<&str> = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let alone = i == 0
                || (b[i - 1] < 0x80 && !b[i - 1].is_ascii_alphanumeric() && !joiner(b[i - 1]));
            groups.clear();
            let mut s = i;
            loop {
                let mut e = s;
                while e < b.len() && b[e].is_ascii_digit() {
                    e += 1;
                }
                groups.push(&text[s..e]);
                if e + 1 < b.len() && b[e] == b' ' && b[e + 1].is_ascii_digit() {
                    s = e + 1;
                } else {
                    i = e;
                    break;
                }
            }
            // Followed by the end, a space or ASCII punctuation (a decimal part excepted).
            let ends = match b.get(i) {
                None => true,
                Some(&c) => {
                    c < 0x80
                        && !c.is_ascii_alphanumeric()
                        && !(joiner(c) && b.get(i + 1).is_some_and(u8::is_ascii_digit))
                }
            };
            if alone && ends && groups.len() >= 2 {
                self.add(&groups);
            }
        }
    }

    /// Reversed when the groupings that read one way only are mostly reversed.
    pub fn order(&self) -> GroupOrder {
        if self.reversed > self.logical {
            GroupOrder::Reversed
        } else {
            GroupOrder::Logical
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_of_groupings() {
        let r = |s: &str| readings(&s.split(' ').collect::<Vec<_>>());
        assert_eq!(
            r("31 000"),
            Readings {
                logical: true,
                reversed: false
            }
        );
        assert_eq!(
            r("000 31"),
            Readings {
                logical: false,
                reversed: true
            }
        );
        assert_eq!(
            r("918 483"),
            Readings {
                logical: true,
                reversed: true
            }
        );
        assert_eq!(
            r("250 444 3"),
            Readings {
                logical: false,
                reversed: true
            }
        );
        assert_eq!(
            r("3 444 250"),
            Readings {
                logical: true,
                reversed: false
            }
        );
        assert_eq!(
            r("12 34"),
            Readings {
                logical: false,
                reversed: false
            }
        );
        assert_eq!(
            r("2019"),
            Readings {
                logical: false,
                reversed: false
            }
        );
    }

    #[test]
    fn values_in_either_order() {
        let v = |s: &str, o| value(&s.split(' ').collect::<Vec<_>>(), o);
        assert_eq!(v("000 31", GroupOrder::Reversed).as_deref(), Some("31000"));
        assert_eq!(
            v("250 444 3", GroupOrder::Reversed).as_deref(),
            Some("3444250")
        );
        assert_eq!(
            v("918 483", GroupOrder::Reversed).as_deref(),
            Some("483918")
        );
        assert_eq!(v("918 483", GroupOrder::Logical).as_deref(), Some("918483"));
        assert_eq!(v("000 31", GroupOrder::Logical), None);
        assert_eq!(v("31 000", GroupOrder::Reversed), None);
    }

    #[test]
    fn groupings_are_found_in_text() {
        let mut vote = OrderVote::default();
        vote.add_text("يقترح رصد مبلغ 600 10 دولار (200 7 دولار) و 918 483 شخصا");
        assert_eq!((vote.logical, vote.reversed), (0, 2));
        let mut vote = OrderVote::default();
        // Not groupings: a symbol, a decimal part, a year and a count, a lone number.
        vote.add_text("A/74/123 4, 1 000,5 km, en 2019 12 pays, 31 000 personnes, 7");
        assert_eq!((vote.logical, vote.reversed), (1, 0));
    }

    #[test]
    fn a_document_follows_its_unambiguous_groupings() {
        let mut vote = OrderVote::default();
        assert_eq!(vote.order(), GroupOrder::Logical);
        for s in ["000 31", "918 483", "200 7", "31 000"] {
            vote.add(&s.split(' ').collect::<Vec<_>>());
        }
        assert_eq!(vote.order(), GroupOrder::Reversed);
        vote.add(&["1", "000"]);
        assert_eq!(vote.order(), GroupOrder::Logical, "a tie reads as written");
    }
}

//! Dates written in digits (`21/11/1997`, `14.4.2005`, `2005-04-14`): which of their three
//! numbers is the day, the month and the year — the one reading the aligner's anchors and the
//! linter's number check share.

/// Where the day, the month and the year stand among a date's three parts (indices 0–2), and
/// whether the day and the month could be read the other way round (`01/07/2002`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DigitDate {
    pub day: usize,
    pub month: usize,
    pub year: usize,
    pub ambiguous: bool,
}

/// Whether `s` is a year of a date in digits: four ASCII digits, 1900 to 2099.
pub fn is_year(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit()) && ("1900".."2100").contains(&s)
}

/// The reading of the three parts of a date written in ASCII digits with the separator `sep`:
/// day, month, year (or month, day, year when only the second number can be a day:
/// `11/21/1997`), or, with `-` or `/`, year, month, day (`2005-04-14`). Days and months have one
/// or two digits, years four; `None` for anything else.
pub fn read_digit_date(parts: [&str; 3], sep: char) -> Option<DigitDate> {
    let small = |x: &str, hi: u32| {
        (1..=2).contains(&x.len())
            && x.bytes().all(|c| c.is_ascii_digit())
            && x.parse::<u32>().is_ok_and(|v| (1..=hi).contains(&v))
    };
    let [a, b, c] = parts;
    if is_year(c) {
        let day_first = small(a, 31) && small(b, 12);
        let month_first = small(a, 12) && small(b, 31);
        return match (day_first, month_first) {
            (true, _) => Some(DigitDate {
                day: 0,
                month: 1,
                year: 2,
                ambiguous: month_first && a.parse::<u32>().ok() != b.parse::<u32>().ok(),
            }),
            (false, true) => Some(DigitDate {
                day: 1,
                month: 0,
                year: 2,
                ambiguous: false,
            }),
            (false, false) => None,
        };
    }
    (sep != '.' && is_year(a) && small(b, 12) && small(c, 31)).then_some(DigitDate {
        day: 2,
        month: 1,
        year: 0,
        ambiguous: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings() {
        let r = |s: &str, sep| {
            let p: Vec<&str> = s.split(sep).collect();
            read_digit_date([p[0], p[1], p[2]], sep)
        };
        let d = |day, month, year, ambiguous| {
            Some(DigitDate {
                day,
                month,
                year,
                ambiguous,
            })
        };
        assert_eq!(r("21/11/1997", '/'), d(0, 1, 2, false));
        assert_eq!(r("01/07/2002", '/'), d(0, 1, 2, true));
        assert_eq!(r("07/07/2002", '/'), d(0, 1, 2, false));
        assert_eq!(r("11/21/1997", '/'), d(1, 0, 2, false));
        assert_eq!(r("14.4.2005", '.'), d(0, 1, 2, false));
        assert_eq!(r("2005-04-14", '-'), d(2, 1, 0, false));
        assert_eq!(r("2005.04.14", '.'), None);
        assert_eq!(r("21/13/1997", '/'), None);
        assert_eq!(r("32/12/1997", '/'), None);
        assert_eq!(r("1/2/1899", '/'), None);
        assert_eq!(r("001/2/1999", '/'), None);
        assert!(is_year("2099") && !is_year("2100") && !is_year("199a"));
    }
}

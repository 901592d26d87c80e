//! Language codes. French, English and Arabic have their own rules; any other language
//! (`de`, `es` …) is handled with generic, script-based rules.

use std::fmt;
use std::str::FromStr;

use crate::Error;

/// A document language.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Fr,
    En,
    Ar,
    /// Another language, by its lower-case ISO 639 code (2 or 3 letters).
    Other(String),
}

impl Lang {
    /// The ISO 639 code (`fr`, `en`, `ar`, …).
    pub fn code(&self) -> &str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Other(c) => c,
        }
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(&self) -> bool {
        matches!(self, Lang::Ar) || matches!(self.code(), "he" | "fa" | "ur" | "yi")
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl FromStr for Lang {
    type Err = Error;

    /// Accepts a bare code or a BCP 47 tag (`fr-FR` → `fr`), case-insensitive. Each subtag
    /// after the language is 1 to 8 letters or digits (`fr-` and `en--GB` are refused).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut subtags = s.split(['-', '_']);
        let primary = subtags.next().unwrap_or("").to_ascii_lowercase();
        let ok = (2..=3).contains(&primary.len())
            && primary.bytes().all(|b| b.is_ascii_lowercase())
            && subtags.all(|t| {
                (1..=8).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric())
            });
        if !ok {
            return Err(Error::Usage(format!(
                "unknown language code {s:?} (expected an ISO 639 code such as fr, en, ar)"
            )));
        }
        Ok(match primary.as_str() {
            "fr" | "fra" | "fre" => Lang::Fr,
            "en" | "eng" => Lang::En,
            "ar" | "ara" => Lang::Ar,
            _ => Lang::Other(primary),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_and_tags() {
        assert_eq!("fr".parse::<Lang>().unwrap(), Lang::Fr);
        assert_eq!("en-GB".parse::<Lang>().unwrap(), Lang::En);
        assert_eq!("AR".parse::<Lang>().unwrap(), Lang::Ar);
        assert_eq!("de".parse::<Lang>().unwrap(), Lang::Other("de".into()));
        assert!("french".parse::<Lang>().is_err());
        assert!("".parse::<Lang>().is_err());
        assert!("f1".parse::<Lang>().is_err());
        assert_eq!(
            "zh-Hant-TW".parse::<Lang>().unwrap(),
            Lang::Other("zh".into())
        );
        for bad in ["id-", "fr-", "en--GB", "fr-FR-", "en-GB!", "de-abcdefghi"] {
            assert!(bad.parse::<Lang>().is_err(), "{bad}");
        }
    }
}

//! The concept-oriented model, as in TBX: a concept (id, subject field, sources, related
//! concepts, notes, per-language definitions) holds terms in several languages, each with its
//! status, type, part of speech, gender, acronym link, context and notes.

use serde::{Deserialize, Serialize};

use crate::Lang;

/// A termbase: an ordered list of concepts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Termbase {
    pub concepts: Vec<Concept>,
}

/// One concept: what the terms of every language name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    /// Unique identifier (kebab-case in the glossary source).
    pub id: String,
    /// Subject field (domain).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Documents the concept occurs in (corpus file stems).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Ids of related concepts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// Notes on the concept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// External links (TBX `xref`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Creation and modification records (TBX `transacGrp`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transactions: Vec<Transaction>,
    /// Language-level information: definitions and notes, one entry per language.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<LangInfo>,
    /// The terms, grouped by language (see [`Concept::canonicalize`]).
    #[serde(default)]
    pub terms: Vec<Term>,
}

/// What a concept says about one language, apart from its terms.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LangInfo {
    pub lang: Lang,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<String>,
    /// Where the definition comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition_source: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// An external cross-reference.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub target: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// A creation or modification record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transaction {
    /// `origination`, `modification` …
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who did it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// A term: one designation of the concept in one language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub lang: Lang,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub term_type: Option<TermType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pos: Option<Pos>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// For an acronym or abbreviation: its full form (a term of the same concept and language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expands: Option<String>,
    /// A sentence using the term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// The document the context sentence comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_source: Option<String>,
    /// Where the term comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transactions: Vec<Transaction>,
}

impl Term {
    /// A bare term: language and text, nothing else.
    pub fn new(lang: Lang, text: impl Into<String>) -> Term {
        Term {
            lang,
            text: text.into(),
            status: None,
            term_type: None,
            pos: None,
            gender: None,
            expands: None,
            context: None,
            context_source: None,
            source: None,
            notes: Vec::new(),
            transactions: Vec::new(),
        }
    }
}

macro_rules! picklist {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $short:literal / $tbx:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),* }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            /// The value as written in the glossary source, CSV and JSON.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $short),* }
            }
            /// The value as written in TBX.
            pub fn tbx(self) -> &'static str {
                match self { $($name::$variant => $tbx),* }
            }
            /// Reads either spelling (case-insensitive).
            pub fn parse(s: &str) -> Option<$name> {
                let s = s.trim();
                $name::ALL.iter().copied().find(|v| {
                    v.as_str().eq_ignore_ascii_case(s) || v.tbx().eq_ignore_ascii_case(s)
                })
            }
            /// The accepted values, for error messages.
            pub fn expected() -> String {
                $name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::parse(&s).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "unknown {} {s:?} (expected one of: {})",
                        stringify!($name).to_lowercase(),
                        $name::expected()
                    ))
                })
            }
        }
    };
}

picklist! {
    /// Administrative status of a term.
    Status {
        Preferred = "preferred" / "preferredTerm-admn-sts",
        Admitted = "admitted" / "admittedTerm-admn-sts",
        Deprecated = "deprecated" / "deprecatedTerm-admn-sts",
        Superseded = "superseded" / "supersededTerm-admn-sts",
    }
}

picklist! {
    /// Term type.
    TermType {
        FullForm = "fullForm" / "fullForm",
        Acronym = "acronym" / "acronym",
        Abbreviation = "abbreviation" / "abbreviation",
        ShortForm = "shortForm" / "shortForm",
        Variant = "variant" / "variant",
        Phrase = "phrase" / "phrase",
    }
}

picklist! {
    /// Part of speech.
    Pos {
        Noun = "noun" / "noun",
        Verb = "verb" / "verb",
        Adjective = "adjective" / "adjective",
        Adverb = "adverb" / "adverb",
        ProperNoun = "properNoun" / "properNoun",
        Other = "other" / "other",
    }
}

picklist! {
    /// Grammatical gender.
    Gender {
        M = "m" / "masculine",
        F = "f" / "feminine",
        N = "n" / "neuter",
        Other = "other" / "otherGender",
    }
}

/// The rank of a language in the canonical order: French, English, Arabic, then others by code.
pub fn lang_rank(lang: &Lang) -> (u8, String) {
    match lang {
        Lang::Fr => (0, String::new()),
        Lang::En => (1, String::new()),
        Lang::Ar => (2, String::new()),
        Lang::Other(c) => (3, c.clone()),
    }
}

impl Concept {
    /// Puts the concept in the one order every format reads back: terms grouped by language
    /// (French, English, Arabic, then others; stable within a language), language entries in
    /// the same order, empty language entries dropped.
    pub fn canonicalize(&mut self) {
        self.terms.sort_by_key(|t| lang_rank(&t.lang));
        self.languages.retain(|l| {
            l.definition.is_some() || l.definition_source.is_some() || !l.notes.is_empty()
        });
        self.languages.sort_by_key(|l| lang_rank(&l.lang));
    }

    /// The language entry for `lang`, created if missing.
    pub fn lang_info_mut(&mut self, lang: &Lang) -> &mut LangInfo {
        if let Some(i) = self.languages.iter().position(|l| &l.lang == lang) {
            return &mut self.languages[i];
        }
        self.languages.push(LangInfo {
            lang: lang.clone(),
            definition: None,
            definition_source: None,
            notes: Vec::new(),
        });
        self.languages.last_mut().expect("just pushed")
    }

    /// The definition in `lang`, if any.
    pub fn definition(&self, lang: &Lang) -> Option<&str> {
        self.languages
            .iter()
            .find(|l| &l.lang == lang)
            .and_then(|l| l.definition.as_deref())
    }

    /// The languages of the concept (of its terms, then of its definitions), canonical order.
    pub fn langs(&self) -> Vec<Lang> {
        let mut out: Vec<Lang> = Vec::new();
        for l in self
            .terms
            .iter()
            .map(|t| &t.lang)
            .chain(self.languages.iter().map(|l| &l.lang))
        {
            if !out.contains(l) {
                out.push(l.clone());
            }
        }
        out.sort_by_key(lang_rank);
        out
    }
}

impl Termbase {
    /// Counts for `alinea terms check`: concepts, terms, and terms per language.
    pub fn stats(&self) -> Stats {
        let mut s = Stats {
            concepts: self.concepts.len(),
            ..Stats::default()
        };
        for c in &self.concepts {
            for t in &c.terms {
                s.terms += 1;
                match s.per_lang.iter_mut().find(|(l, _)| l == &t.lang) {
                    Some((_, n)) => *n += 1,
                    None => s.per_lang.push((t.lang.clone(), 1)),
                }
                match t.status {
                    Some(Status::Preferred) => s.preferred += 1,
                    Some(Status::Admitted) => s.admitted += 1,
                    Some(Status::Deprecated) => s.deprecated += 1,
                    Some(Status::Superseded) => s.superseded += 1,
                    None => {}
                }
                if matches!(
                    t.term_type,
                    Some(TermType::Acronym | TermType::Abbreviation)
                ) {
                    s.abbreviations += 1;
                }
            }
            s.definitions += c
                .languages
                .iter()
                .filter(|l| l.definition.is_some())
                .count();
        }
        s.per_lang.sort_by_key(|(l, _)| lang_rank(l));
        s
    }
}

/// Counts over a termbase.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    pub concepts: usize,
    pub terms: usize,
    pub per_lang: Vec<(Lang, usize)>,
    pub definitions: usize,
    pub preferred: usize,
    pub admitted: usize,
    pub deprecated: usize,
    pub superseded: usize,
    /// Acronyms and abbreviations.
    pub abbreviations: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picklists_read_both_spellings() {
        assert_eq!(Status::parse("preferred"), Some(Status::Preferred));
        assert_eq!(
            Status::parse("deprecatedTerm-admn-sts"),
            Some(Status::Deprecated)
        );
        assert_eq!(Gender::parse("feminine"), Some(Gender::F));
        assert_eq!(Gender::parse("F"), Some(Gender::F));
        assert_eq!(TermType::parse("Acronym"), Some(TermType::Acronym));
        assert_eq!(Pos::parse("pronoun"), None);
    }

    #[test]
    fn canonical_order_groups_terms_by_language() {
        let mut c = Concept {
            id: "x".into(),
            terms: vec![
                Term::new(Lang::Ar, "أ"),
                Term::new(Lang::Fr, "a"),
                Term::new(Lang::En, "b"),
                Term::new(Lang::Fr, "c"),
            ],
            ..Concept::default()
        };
        c.lang_info_mut(&Lang::En).definition = Some("d".into());
        c.lang_info_mut(&Lang::Ar);
        c.canonicalize();
        let texts: Vec<_> = c.terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["a", "c", "b", "أ"]);
        assert_eq!(c.languages.len(), 1);
        assert_eq!(c.langs(), [Lang::Fr, Lang::En, Lang::Ar]);
    }
}

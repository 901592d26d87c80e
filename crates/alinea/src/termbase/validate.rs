//! Checks on a termbase once read, whatever its format: language codes, duplicate ids, empty
//! termbase, concepts without terms, two language entries for one language in a concept
//! (errors) and dangling links (warnings).
//!
//! Warning codes: `termbase/dangling-link` (a related concept that does not exist) and
//! `termbase/dangling-expansion` (an acronym or abbreviation that expands to a term the
//! concept does not have in that language). Each names the file and, where the reader
//! records positions (TOML, TBX, CSV/TSV; not JSON), the line and column of the concept or
//! term.

use std::path::Path;

use super::{Positions, Termbase};
use crate::diag::{Diagnostic, Location};
use crate::{Error, Lang, Result};

/// A termbase that passed validation, with what is suspicious but not wrong.
#[derive(Clone, Debug)]
pub struct Checked {
    pub termbase: Termbase,
    /// Warnings: the reader's (content it could not read), then validation's, in the order of
    /// the concepts (see the module documentation for the codes).
    pub warnings: Vec<Diagnostic>,
}

/// Code of a `related` id that names no concept of the termbase.
pub const DANGLING_LINK: &str = "termbase/dangling-link";
/// Code of an `expands` that names no term of the concept in its language.
pub const DANGLING_EXPANSION: &str = "termbase/dangling-expansion";

/// ISO 639-1 codes.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce \
ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he \
hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw \
ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj \
om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta \
te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// Whether `lang` is a language code alinea knows (ISO 639-1).
pub fn is_known(lang: &Lang) -> bool {
    if matches!(lang, Lang::Fr | Lang::En | Lang::Ar) {
        return true;
    }
    let code = lang.code();
    code.len() == 2 && ISO_639_1.split(' ').any(|c| c == code)
}

/// Reads a language code or tag (`fr`, `en-GB`, `AR`, `fra`); anything that is not an ISO 639
/// language is refused with a message naming it.
pub fn parse_lang(code: &str) -> std::result::Result<Lang, String> {
    let bad =
        || format!("unknown language code {code:?} (expected an ISO 639 code such as fr, en, ar)");
    let lang: Lang = code.trim().parse().map_err(|_| bad())?;
    if is_known(&lang) {
        Ok(lang)
    } else {
        Err(bad())
    }
}

pub(crate) fn validate(
    tb: &Termbase,
    path: &Path,
    pos: &Positions,
    text: &str,
) -> Result<Vec<Diagnostic>> {
    let at = |i: usize| pos.concepts.get(i).map(|p| pos.resolve(text, p.at));
    let err = |place: Option<(usize, usize)>, message: String| match place {
        Some((line, column)) => Error::Parse {
            path: path.into(),
            line,
            column,
            message,
        },
        None => Error::Input {
            path: path.into(),
            message,
        },
    };
    if tb.concepts.is_empty() {
        return Err(err(None, "empty termbase: no concept".into()));
    }
    let mut seen: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for (i, c) in tb.concepts.iter().enumerate() {
        if c.id.trim().is_empty() {
            return Err(err(at(i), "concept without an id".into()));
        }
        if let Some(&first) = seen.get(c.id.as_str()) {
            let where_first = match at(first) {
                Some((line, _)) => format!("line {line}"),
                None => format!("concept {}", first + 1),
            };
            return Err(err(
                at(i),
                format!("duplicate concept id {:?} (first at {where_first})", c.id),
            ));
        }
        seen.insert(&c.id, i);
        if c.terms.is_empty() {
            return Err(err(at(i), format!("concept {:?} has no term", c.id)));
        }
        for (j, t) in c.terms.iter().enumerate() {
            // Resolved only for an error: turning an offset into a line is a scan.
            let tat = || {
                pos.concepts
                    .get(i)
                    .and_then(|p| p.terms.get(j).map(|&t| pos.resolve(text, t)))
                    .or(at(i))
            };
            if !is_known(&t.lang) {
                return Err(err(
                    tat(),
                    format!(
                        "unknown language code {:?} in concept {:?}",
                        t.lang.code(),
                        c.id
                    ),
                ));
            }
            if t.text.trim().is_empty() {
                return Err(err(tat(), format!("empty term in concept {:?}", c.id)));
            }
        }
        for (k, l) in c.languages.iter().enumerate() {
            if c.languages[..k].iter().any(|m| m.lang == l.lang) {
                // One definition per language: a second entry would be lost by every writer.
                return Err(err(
                    at(i),
                    format!(
                        "concept {:?} has two language entries for {:?} (two definitions or \
                         note lists for one language): merge them into one",
                        c.id,
                        l.lang.code()
                    ),
                ));
            }
            if !is_known(&l.lang) {
                return Err(err(
                    at(i),
                    format!(
                        "unknown language code {:?} in concept {:?}",
                        l.lang.code(),
                        c.id
                    ),
                ));
            }
        }
    }
    let mut warnings = Vec::new();
    // Positions are resolved only for a warning: turning an offset into a line is a scan.
    let warn = |code, message: String, place: Option<(usize, usize)>| {
        let d = Diagnostic::warning(code, message).at_path(path);
        match place {
            Some((line, column)) => d.at(Location::point(line, column)),
            None => d,
        }
    };
    for (i, c) in tb.concepts.iter().enumerate() {
        for r in &c.related {
            if !seen.contains_key(r.as_str()) {
                warnings.push(warn(
                    DANGLING_LINK,
                    format!("concept {:?}: related concept {r:?} does not exist", c.id),
                    at(i),
                ));
            }
        }
        for (j, t) in c.terms.iter().enumerate() {
            if let Some(full) = &t.expands {
                let found = c.terms.iter().any(|u| u.lang == t.lang && &u.text == full);
                if !found {
                    let place = pos
                        .concepts
                        .get(i)
                        .and_then(|p| p.terms.get(j).map(|&t| pos.resolve(text, t)))
                        .or(at(i));
                    warnings.push(warn(
                        DANGLING_EXPANSION,
                        format!(
                            "concept {:?}: {:?} expands to {full:?}, which is not one of its {} terms",
                            c.id,
                            t.text,
                            t.lang.code()
                        ),
                        place,
                    ));
                }
            }
        }
    }
    Ok(warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::termbase::{Concept, Term};

    #[test]
    fn language_codes() {
        assert_eq!(parse_lang("fr-FR").unwrap(), Lang::Fr);
        assert_eq!(parse_lang("ara").unwrap(), Lang::Ar);
        assert_eq!(parse_lang("de").unwrap(), Lang::Other("de".into()));
        assert!(parse_lang("xx").unwrap_err().contains("\"xx\""));
        assert!(parse_lang("french").is_err());
        assert!(parse_lang("deu").is_err());
    }

    #[test]
    fn errors_and_warnings() {
        let p = Path::new("g.toml");
        let none = Positions::default();
        let e = validate(&Termbase::default(), p, &none, "").unwrap_err();
        assert!(e.to_string().contains("empty termbase"), "{e}");
        let c = |id: &str| Concept {
            id: id.into(),
            terms: vec![Term::new(Lang::Fr, "a")],
            ..Concept::default()
        };
        let tb = Termbase {
            concepts: vec![c("a"), c("a")],
        };
        let e = validate(&tb, p, &none, "").unwrap_err();
        assert!(e.to_string().contains("duplicate concept id \"a\""), "{e}");
        let mut lonely = c("b");
        lonely.terms.clear();
        let e = validate(
            &Termbase {
                concepts: vec![lonely],
            },
            p,
            &none,
            "",
        )
        .unwrap_err();
        assert!(e.to_string().contains("has no term"), "{e}");
        let mut x = c("x");
        x.related.push("nowhere".into());
        x.terms[0].expands = Some("zzz".into());
        let w = validate(&Termbase { concepts: vec![x] }, p, &none, "").unwrap();
        assert_eq!(w.len(), 2, "{w:?}");
        assert_eq!(w[0].code, DANGLING_LINK);
        assert_eq!(w[1].code, DANGLING_EXPANSION);
        assert!(w.iter().all(|d| d.path.as_deref() == Some(p)));
        assert!(w
            .iter()
            .all(|d| d.severity == crate::diag::Severity::Warning));
    }

    #[test]
    fn warnings_carry_the_place_of_the_concept_or_term() {
        let text = "[[concept]]\nid = \"x\"\nrelated = [\"nowhere\"]\n\n[[concept.term]]\nlang = \"en\"\ntext = \"ICT\"\nexpands = \"zzz\"\n";
        let checked =
            crate::termbase::read_str(text, crate::termbase::Format::Toml, Path::new("g.toml"))
                .unwrap();
        let w = &checked.warnings;
        assert_eq!(w.len(), 2, "{w:?}");
        assert_eq!(w[0].code, DANGLING_LINK);
        assert_eq!(w[0].location.as_ref().map(|l| l.line), Some(1));
        assert_eq!(w[1].code, DANGLING_EXPANSION);
        assert_eq!(w[1].location.as_ref().map(|l| l.line), Some(5));
        assert!(w[1].to_string().starts_with("g.toml:5:"), "{}", w[1]);
    }
}

//! The glossary source format (TOML): one `[[concept]]` table per concept with its
//! `[concept.definition]` and `[[concept.term]]` tables. Reading keeps positions for error
//! messages; writing produces the same layout a person writes by hand.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::termbase::model::{
    lang_rank, Concept, Gender, Link, Pos, Status, Term, TermType, Termbase,
};
use crate::termbase::model::{LangInfo, Transaction};
use crate::termbase::validate::parse_lang;
use crate::termbase::{ConceptPos, Positions};
use crate::{Error, Lang, Result};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SrcFile {
    #[serde(default)]
    concept: Vec<Spanned<SrcConcept>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

fn notes(n: Option<OneOrMany>) -> Vec<String> {
    n.map(OneOrMany::into_vec).unwrap_or_default()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SrcConcept {
    id: String,
    subject: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
    note: Option<OneOrMany>,
    #[serde(default)]
    definition: BTreeMap<String, String>,
    #[serde(default)]
    definition_source: BTreeMap<String, String>,
    #[serde(default)]
    lang_note: BTreeMap<String, OneOrMany>,
    #[serde(default)]
    link: Vec<Link>,
    #[serde(default)]
    transaction: Vec<Transaction>,
    #[serde(default)]
    term: Vec<Spanned<SrcTerm>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SrcTerm {
    lang: Spanned<String>,
    text: String,
    status: Option<Status>,
    #[serde(rename = "type")]
    term_type: Option<TermType>,
    pos: Option<Pos>,
    gender: Option<Gender>,
    expands: Option<String>,
    context: Option<String>,
    context_source: Option<String>,
    source: Option<String>,
    note: Option<OneOrMany>,
    #[serde(default)]
    transaction: Vec<Transaction>,
}

pub(crate) fn read(text: &str, path: &Path) -> Result<(Termbase, Positions)> {
    let syntax = |offset: usize, message: String| Error::parse_at(path, text, offset, message);
    let file: SrcFile = toml::from_str(text).map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        syntax(offset, e.message().trim().to_string())
    })?;
    let mut tb = Termbase::default();
    let mut pos = Positions {
        byte_offsets: true,
        ..Positions::default()
    };
    for sc in file.concept {
        let start = sc.span().start;
        let sc = sc.into_inner();
        let mut cp = ConceptPos {
            at: (start, 0),
            terms: Vec::new(),
        };
        let lang_of = |code: &str| parse_lang(code).map_err(|m| syntax(start, m));
        let mut c = Concept {
            id: sc.id,
            subject: sc.subject,
            sources: sc.sources,
            related: sc.related,
            notes: notes(sc.note),
            links: sc.link,
            transactions: sc.transaction,
            ..Concept::default()
        };
        for (code, d) in sc.definition {
            c.lang_info_mut(&lang_of(&code)?).definition = Some(d);
        }
        for (code, s) in sc.definition_source {
            c.lang_info_mut(&lang_of(&code)?).definition_source = Some(s);
        }
        for (code, n) in sc.lang_note {
            c.lang_info_mut(&lang_of(&code)?).notes = n.into_vec();
        }
        for st in sc.term {
            let tstart = st.span().start;
            let st = st.into_inner();
            let lang =
                parse_lang(st.lang.get_ref()).map_err(|m| syntax(st.lang.span().start, m))?;
            cp.terms.push((tstart, 0));
            c.terms.push(Term {
                lang,
                text: st.text,
                status: st.status,
                term_type: st.term_type,
                pos: st.pos,
                gender: st.gender,
                expands: st.expands,
                context: st.context,
                context_source: st.context_source,
                source: st.source,
                notes: notes(st.note),
                transactions: st.transaction,
            });
        }
        // Positions follow the canonical term order the caller applies.
        let mut order: Vec<usize> = (0..c.terms.len()).collect();
        order.sort_by_key(|&i| lang_rank(&c.terms[i].lang));
        cp.terms = order.iter().map(|&i| cp.terms[i]).collect();
        tb.concepts.push(c);
        pos.concepts.push(cp);
    }
    Ok((tb, pos))
}

fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn list(v: &[String]) -> String {
    let items: Vec<String> = v.iter().map(|s| q(s)).collect();
    format!("[{}]", items.join(", "))
}

fn note_line(out: &mut String, key: &str, v: &[String]) {
    match v {
        [] => {}
        [one] => writeln!(out, "{key} = {}", q(one)).unwrap(),
        many => writeln!(out, "{key} = {}", list(many)).unwrap(),
    }
}

fn opt(out: &mut String, key: &str, v: &Option<String>) {
    if let Some(v) = v {
        writeln!(out, "{key} = {}", q(v)).unwrap();
    }
}

fn transactions(out: &mut String, table: &str, ts: &[Transaction]) {
    for t in ts {
        writeln!(out, "\n[[{table}]]\nkind = {}", q(&t.kind)).unwrap();
        opt(out, "date", &t.date);
        opt(out, "by", &t.by);
    }
}

fn per_lang(out: &mut String, table: &str, items: Vec<(&Lang, String)>) {
    if items.is_empty() {
        return;
    }
    writeln!(out, "\n[{table}]").unwrap();
    for (l, v) in items {
        writeln!(out, "{} = {v}", l.code()).unwrap();
    }
}

/// The termbase as a glossary source file.
pub(crate) fn write(tb: &Termbase) -> String {
    let mut out = String::new();
    for (i, c) in tb.concepts.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        writeln!(out, "[[concept]]\nid = {}", q(&c.id)).unwrap();
        opt(&mut out, "subject", &c.subject);
        if !c.sources.is_empty() {
            writeln!(out, "sources = {}", list(&c.sources)).unwrap();
        }
        if !c.related.is_empty() {
            writeln!(out, "related = {}", list(&c.related)).unwrap();
        }
        note_line(&mut out, "note", &c.notes);
        let langs: Vec<&LangInfo> = c.languages.iter().collect();
        per_lang(
            &mut out,
            "concept.definition",
            langs
                .iter()
                .filter_map(|l| l.definition.as_ref().map(|d| (&l.lang, q(d))))
                .collect(),
        );
        per_lang(
            &mut out,
            "concept.definition_source",
            langs
                .iter()
                .filter_map(|l| l.definition_source.as_ref().map(|d| (&l.lang, q(d))))
                .collect(),
        );
        per_lang(
            &mut out,
            "concept.lang_note",
            langs
                .iter()
                .filter(|l| !l.notes.is_empty())
                .map(|l| {
                    let v = if l.notes.len() == 1 {
                        q(&l.notes[0])
                    } else {
                        list(&l.notes)
                    };
                    (&l.lang, v)
                })
                .collect(),
        );
        for l in &c.links {
            writeln!(out, "\n[[concept.link]]\ntarget = {}", q(&l.target)).unwrap();
            opt(&mut out, "label", &l.label);
        }
        transactions(&mut out, "concept.transaction", &c.transactions);
        for t in &c.terms {
            writeln!(
                out,
                "\n[[concept.term]]\nlang = {}\ntext = {}",
                q(t.lang.code()),
                q(&t.text)
            )
            .unwrap();
            let picks = [
                ("status", t.status.map(Status::as_str)),
                ("type", t.term_type.map(TermType::as_str)),
                ("pos", t.pos.map(Pos::as_str)),
                ("gender", t.gender.map(Gender::as_str)),
            ];
            for (k, v) in picks {
                if let Some(v) = v {
                    writeln!(out, "{k} = {}", q(v)).unwrap();
                }
            }
            opt(&mut out, "expands", &t.expands);
            opt(&mut out, "context", &t.context);
            opt(&mut out, "context_source", &t.context_source);
            opt(&mut out, "source", &t.source);
            note_line(&mut out, "note", &t.notes);
            transactions(&mut out, "concept.term.transaction", &t.transactions);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[[concept]]
id = "ict"
subject = "ICT"
sources = ["ipu-146-cybercrime"]
note = "plural in French"

[concept.definition]
en = "Technologies for handling information."
fr = "Technologies de traitement de l'information."

[[concept.term]]
lang = "fr"
text = "TIC"
status = "preferred"
type = "acronym"
expands = "technologies de l'information et des communications"

[[concept.term]]
lang = "en"
text = "ICT"
status = "preferred"
type = "acronym"

[[concept.term]]
lang = "fr"
text = "technologies de l'information et des communications"
status = "preferred"
type = "fullForm"
pos = "noun"
gender = "f"
"#;

    #[test]
    fn reads_the_schema_and_round_trips() {
        let (mut tb, pos) = read(SAMPLE, Path::new("g.toml")).unwrap();
        for c in &mut tb.concepts {
            c.canonicalize();
        }
        let c = &tb.concepts[0];
        assert_eq!(c.id, "ict");
        assert_eq!(c.terms.len(), 3);
        assert_eq!(c.terms[1].lang, Lang::Fr, "terms grouped by language");
        assert_eq!(c.terms[1].gender, Some(Gender::F));
        assert_eq!(c.definition(&Lang::Fr).unwrap().len(), 44);
        assert_eq!(pos.resolve(SAMPLE, pos.concepts[0].at).0, 2);
        let en = pos.concepts[0].terms[2];
        assert_eq!(pos.resolve(SAMPLE, en), (19, 1), "the English term header");
        let again = write(&tb);
        let (mut tb2, _) = read(&again, Path::new("g.toml")).unwrap();
        tb2.concepts[0].canonicalize();
        assert_eq!(tb, tb2);
    }

    #[test]
    fn errors_name_line_and_column() {
        let bad = SAMPLE.replace("lang = \"en\"", "lang = \"english\"");
        let e = read(&bad, Path::new("g.toml")).unwrap_err().to_string();
        assert!(
            e.starts_with("g.toml:20:8: unknown language code \"english\""),
            "{e}"
        );
        let bad = SAMPLE.replace(
            "status = \"preferred\"\ntype = \"acronym\"\n\n",
            "stauts = \"x\"\n\n",
        );
        let e = read(&bad, Path::new("g.toml")).unwrap_err().to_string();
        assert!(e.contains("stauts"), "{e}");
        assert!(e.starts_with("g.toml:"), "{e}");
    }
}

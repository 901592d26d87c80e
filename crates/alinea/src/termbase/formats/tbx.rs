//! TBX, read and written: v3 TBX-Basic (ISO 30042:2019, DCA style: `tbx`, `conceptEntry`,
//! `langSec`, `termSec`) and legacy v2 (`martif`, `termEntry`, `langSet`, `tig`/`ntig`), as
//! MultiTerm, memoQ and OmegaT exchange it. The root element decides the version on reading.

use std::fmt::Write as _;
use std::path::Path;

use crate::input::xml::{self, esc, Node, Root};
use crate::termbase::model::Transaction;
use crate::termbase::model::{
    Concept, Gender, LangInfo, Link, Pos, Status, Term, TermType, Termbase,
};
use crate::termbase::validate::parse_lang;
use crate::termbase::{ConceptPos, Positions};
use crate::Error;
use crate::{Lang, Result};

/// TBX v3 namespace.
pub const TBX_NS: &str = "urn:iso:std:iso:30042:ed-2";

struct Ctx<'a> {
    text: &'a str,
    path: &'a Path,
}

impl Ctx<'_> {
    fn err(&self, node: &Node, message: String) -> crate::Error {
        Error::parse_at(self.path, self.text, node.offset, message)
    }

    fn lang(&self, node: &Node, fallback: Option<&str>) -> Result<Lang> {
        match node.attr("xml:lang").or(node.attr("lang")).or(fallback) {
            Some(code) => parse_lang(code).map_err(|m| self.err(node, m)),
            None => Err(self.err(node, format!("<{}> without xml:lang", node.name))),
        }
    }

    fn pick<T>(
        &self,
        node: &Node,
        what: &str,
        parse: fn(&str) -> Option<T>,
        expected: String,
    ) -> Result<T> {
        let v = node.text();
        parse(&v).ok_or_else(|| {
            self.err(
                node,
                format!("unknown {what} {v:?} (expected one of: {expected})"),
            )
        })
    }
}

fn nonempty(s: String) -> Option<String> {
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

fn transaction(node: &Node) -> Transaction {
    let mut t = Transaction::default();
    for e in node.elements() {
        match e.name.as_str() {
            "transac" => t.kind = e.text(),
            "date" => t.date = nonempty(e.text()),
            "transacNote" => t.by = nonempty(e.text()),
            _ => {}
        }
    }
    if t.kind.is_empty() {
        t.kind = "transaction".into();
    }
    t
}

/// A `descrip` or a `descripGrp` (a `descrip` with its `admin type="source"` and notes).
struct Descrip {
    kind: String,
    text: String,
    source: Option<String>,
    notes: Vec<String>,
    lang: Option<String>,
}

fn descrip(node: &Node) -> Option<Descrip> {
    if node.name == "descrip" {
        return Some(Descrip {
            kind: node.attr("type").unwrap_or("").to_string(),
            text: node.text(),
            source: None,
            notes: Vec::new(),
            lang: node.attr("xml:lang").map(str::to_string),
        });
    }
    let mut d = descrip(node.elements().find(|e| e.name == "descrip")?)?;
    for e in node.elements() {
        match (e.name.as_str(), e.attr("type")) {
            ("admin", Some("source")) => d.source = nonempty(e.text()),
            ("note", _) => d.notes.push(e.text()),
            _ => {}
        }
    }
    Some(d)
}

struct PendingRef {
    term: usize,
    target: Option<String>,
    text: String,
}

fn read_term(
    cx: &Ctx,
    node: &Node,
    lang: &Lang,
    c: &mut Concept,
    ids: &mut Vec<(String, usize)>,
    refs: &mut Vec<PendingRef>,
) -> Result<()> {
    let index = c.terms.len();
    if let Some(id) = node.attr("id") {
        ids.push((id.to_string(), index));
    }
    let mut t = Term::new(lang.clone(), "");
    let mut seen_term = false;
    let mut stack: Vec<&Node> = node.elements().collect();
    stack.reverse();
    while let Some(e) = stack.pop() {
        match (e.name.as_str(), e.attr("type")) {
            ("term", _) => {
                t.text = e.text();
                seen_term = true;
            }
            ("termGrp", _) => {
                let mut inner: Vec<&Node> = e.elements().collect();
                inner.reverse();
                stack.extend(inner);
            }
            ("termNote", Some("partOfSpeech")) => {
                t.pos = Some(cx.pick(e, "partOfSpeech", Pos::parse, Pos::expected())?)
            }
            ("termNote", Some("grammaticalGender")) => {
                t.gender =
                    Some(cx.pick(e, "grammaticalGender", Gender::parse, Gender::expected())?)
            }
            ("termNote", Some("termType")) => {
                t.term_type = Some(cx.pick(e, "termType", TermType::parse, TermType::expected())?)
            }
            ("termNote", Some("administrativeStatus")) => {
                t.status =
                    Some(cx.pick(e, "administrativeStatus", Status::parse, Status::expected())?)
            }
            ("descrip" | "descripGrp", _) => {
                if let Some(d) = descrip(e) {
                    if d.kind == "context" {
                        t.context = nonempty(d.text);
                        t.context_source = d.source;
                    }
                    t.notes.extend(d.notes);
                }
            }
            ("admin", Some("source")) => t.source = nonempty(e.text()),
            ("ref", _) => refs.push(PendingRef {
                term: index,
                target: e.attr("target").map(str::to_string),
                text: e.text(),
            }),
            ("note", _) => t.notes.push(e.text()),
            ("transacGrp", _) => t.transactions.push(transaction(e)),
            _ => {}
        }
    }
    if !seen_term {
        return Err(cx.err(node, format!("<{}> without a <term>", node.name)));
    }
    c.terms.push(t);
    Ok(())
}

fn read_entry(cx: &Ctx, root: &Root, node: &Node, n: usize) -> Result<(Concept, ConceptPos)> {
    let root_lang = root
        .attrs
        .iter()
        .find(|(k, _)| k == "xml:lang")
        .map(|(_, v)| v.as_str());
    let mut c = Concept {
        id: node
            .attr("id")
            .map(str::to_string)
            .unwrap_or_else(|| format!("entry-{n}")),
        ..Concept::default()
    };
    let mut cp = ConceptPos {
        at: (node.offset, 0),
        terms: Vec::new(),
    };
    let mut ids = Vec::new();
    let mut refs = Vec::new();
    for e in node.elements() {
        match (e.name.as_str(), e.attr("type")) {
            ("descrip" | "descripGrp", _) => {
                if let Some(d) = descrip(e) {
                    match d.kind.as_str() {
                        "subjectField" => c.subject = nonempty(d.text),
                        "definition" => {
                            let lang = cx.lang(e, d.lang.as_deref().or(root_lang))?;
                            let info = c.lang_info_mut(&lang);
                            info.definition = nonempty(d.text);
                            info.definition_source = d.source;
                        }
                        _ => {}
                    }
                    c.notes.extend(d.notes);
                }
            }
            ("admin", Some("source")) => c.sources.push(e.text()),
            ("ref", _) => c.related.push(
                e.attr("target")
                    .map(str::to_string)
                    .unwrap_or_else(|| e.text()),
            ),
            ("xref", _) => c.links.push(Link {
                target: e.attr("target").unwrap_or("").to_string(),
                label: nonempty(e.text()),
            }),
            ("note", _) => c.notes.push(e.text()),
            ("transacGrp", _) => c.transactions.push(transaction(e)),
            ("langSec" | "langSet", _) => {
                let lang = cx.lang(e, None)?;
                for g in e.elements() {
                    match g.name.as_str() {
                        "termSec" | "tig" | "ntig" => {
                            cp.terms.push((g.offset, 0));
                            read_term(cx, g, &lang, &mut c, &mut ids, &mut refs)?;
                        }
                        "descrip" | "descripGrp" => {
                            if let Some(d) = descrip(g) {
                                let info = c.lang_info_mut(&lang);
                                if d.kind == "definition" {
                                    info.definition = nonempty(d.text);
                                    info.definition_source = d.source;
                                }
                                info.notes.extend(d.notes);
                            }
                        }
                        "note" => c.lang_info_mut(&lang).notes.push(g.text()),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    // A reference from a term is its full form when it points into this entry (or nowhere);
    // otherwise it points at another concept.
    for r in refs {
        let inside = r
            .target
            .as_ref()
            .and_then(|t| ids.iter().find(|(id, _)| id == t).map(|&(_, i)| i));
        match (&r.target, inside) {
            (Some(target), None) => {
                if !c.related.contains(target) {
                    c.related.push(target.clone());
                }
            }
            (_, found) => {
                let text = match (r.text.is_empty(), found) {
                    (true, Some(i)) => c.terms[i].text.clone(),
                    _ => r.text,
                };
                c.terms[r.term].expands = nonempty(text);
            }
        }
    }
    Ok((c, cp))
}

/// Reads TBX v3 or v2.
pub(crate) fn read(text: &str, path: &Path) -> Result<(Termbase, Positions)> {
    let cx = Ctx { text, path };
    let mut tb = Termbase::default();
    let mut pos = Positions {
        byte_offsets: true,
        ..Positions::default()
    };
    let mut bad_root = None;
    let root = xml::parse(text, path, &["conceptEntry", "termEntry"], |root, node| {
        if root.name != "tbx" && root.name != "martif" {
            bad_root = Some(root.name.clone());
            return Ok(());
        }
        let (c, cp) = read_entry(&cx, root, &node, tb.concepts.len() + 1)?;
        tb.concepts.push(c);
        pos.concepts.push(cp);
        Ok(())
    })?;
    if root.name != "tbx" && root.name != "martif" || bad_root.is_some() {
        return Err(Error::parse_at(
            path,
            text,
            text.find('<').unwrap_or(0),
            format!(
                "not a TBX file: the root element is <{}> (expected <tbx> or <martif>)",
                root.name
            ),
        ));
    }
    Ok((tb, pos))
}

struct Names {
    entry: &'static str,
    lang: &'static str,
    term: &'static str,
}

fn transactions(out: &mut String, indent: &str, ts: &[Transaction]) {
    for t in ts {
        write!(
            out,
            "{indent}<transacGrp><transac type=\"transactionType\">{}</transac>",
            esc(&t.kind)
        )
        .unwrap();
        if let Some(by) = &t.by {
            write!(
                out,
                "<transacNote type=\"responsibility\">{}</transacNote>",
                esc(by)
            )
            .unwrap();
        }
        if let Some(d) = &t.date {
            write!(out, "<date>{}</date>", esc(d)).unwrap();
        }
        out.push_str("</transacGrp>\n");
    }
}

fn descrip_out(
    out: &mut String,
    indent: &str,
    kind: &str,
    text: Option<&str>,
    source: Option<&str>,
) {
    let d = match text {
        Some(t) => format!("<descrip type=\"{kind}\">{}</descrip>", esc(t)),
        None => format!("<descrip type=\"{kind}\"/>"),
    };
    match source {
        Some(s) => writeln!(
            out,
            "{indent}<descripGrp>{d}<admin type=\"source\">{}</admin></descripGrp>",
            esc(s)
        )
        .unwrap(),
        None => writeln!(out, "{indent}{d}").unwrap(),
    }
}

fn notes(out: &mut String, indent: &str, notes: &[String]) {
    for n in notes {
        writeln!(out, "{indent}<note>{}</note>", esc(n)).unwrap();
    }
}

fn write_term(out: &mut String, n: &Names, c: &Concept, i: usize, term_ids: &[String]) {
    let t = &c.terms[i];
    writeln!(out, "          <{} id=\"{}\">", n.term, esc(&term_ids[i])).unwrap();
    writeln!(out, "            <term>{}</term>", esc(&t.text)).unwrap();
    let notes_ = [
        ("termType", t.term_type.map(TermType::tbx)),
        ("partOfSpeech", t.pos.map(Pos::tbx)),
        ("grammaticalGender", t.gender.map(Gender::tbx)),
        ("administrativeStatus", t.status.map(Status::tbx)),
    ];
    for (k, v) in notes_ {
        if let Some(v) = v {
            writeln!(out, "            <termNote type=\"{k}\">{v}</termNote>").unwrap();
        }
    }
    if t.context.is_some() || t.context_source.is_some() {
        descrip_out(
            out,
            "            ",
            "context",
            t.context.as_deref(),
            t.context_source.as_deref(),
        );
    }
    if let Some(s) = &t.source {
        writeln!(out, "            <admin type=\"source\">{}</admin>", esc(s)).unwrap();
    }
    if let Some(full) = &t.expands {
        let target = c
            .terms
            .iter()
            .enumerate()
            .find(|(j, u)| *j != i && u.lang == t.lang && &u.text == full)
            .map(|(j, _)| &term_ids[j]);
        match target {
            Some(id) => writeln!(
                out,
                "            <ref type=\"crossReference\" target=\"{}\">{}</ref>",
                esc(id),
                esc(full)
            ),
            None => writeln!(
                out,
                "            <ref type=\"crossReference\">{}</ref>",
                esc(full)
            ),
        }
        .unwrap();
    }
    notes(out, "            ", &t.notes);
    transactions(out, "            ", &t.transactions);
    writeln!(out, "          </{}>", n.term).unwrap();
}

fn write_entry(out: &mut String, n: &Names, c: &Concept) {
    writeln!(out, "      <{} id=\"{}\">", n.entry, esc(&c.id)).unwrap();
    if let Some(s) = &c.subject {
        writeln!(
            out,
            "        <descrip type=\"subjectField\">{}</descrip>",
            esc(s)
        )
        .unwrap();
    }
    for s in &c.sources {
        writeln!(out, "        <admin type=\"source\">{}</admin>", esc(s)).unwrap();
    }
    for r in &c.related {
        writeln!(
            out,
            "        <ref type=\"crossReference\" target=\"{}\">{}</ref>",
            esc(r),
            esc(r)
        )
        .unwrap();
    }
    for l in &c.links {
        match &l.label {
            Some(label) => writeln!(
                out,
                "        <xref type=\"externalCrossReference\" target=\"{}\">{}</xref>",
                esc(&l.target),
                esc(label)
            ),
            None => writeln!(
                out,
                "        <xref type=\"externalCrossReference\" target=\"{}\"/>",
                esc(&l.target)
            ),
        }
        .unwrap();
    }
    notes(out, "        ", &c.notes);
    transactions(out, "        ", &c.transactions);
    let mut counter = std::collections::HashMap::new();
    let term_ids: Vec<String> = c
        .terms
        .iter()
        .map(|t| {
            let k = counter.entry(t.lang.code().to_string()).or_insert(0);
            *k += 1;
            format!("{}-{}-{k}", c.id, t.lang.code())
        })
        .collect();
    for lang in c.langs() {
        writeln!(out, "        <{} xml:lang=\"{}\">", n.lang, lang.code()).unwrap();
        if let Some(info) = c.languages.iter().find(|l| l.lang == lang) {
            let LangInfo {
                definition,
                definition_source,
                notes: lnotes,
                ..
            } = info;
            if definition.is_some() || definition_source.is_some() {
                descrip_out(
                    out,
                    "          ",
                    "definition",
                    definition.as_deref(),
                    definition_source.as_deref(),
                );
            }
            notes(out, "          ", lnotes);
        }
        for i in (0..c.terms.len()).filter(|&i| c.terms[i].lang == lang) {
            write_term(out, n, c, i, &term_ids);
        }
        writeln!(out, "        </{}>", n.lang).unwrap();
    }
    writeln!(out, "      </{}>", n.entry).unwrap();
}

/// The termbase as TBX `version` 3 (TBX-Basic, DCA) or 2 (`martif`).
pub(crate) fn write(tb: &Termbase, version: u8) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let names = if version == 2 {
        out.push_str(
            "<martif type=\"TBX-Basic\" xml:lang=\"en\">\n  <martifHeader>\n    <fileDesc>\n      \
             <sourceDesc>\n        <p>alinea termbase</p>\n      </sourceDesc>\n    </fileDesc>\n    \
             <encodingDesc>\n      <p type=\"XCSURI\">TBXBasicXCSV02.xcs</p>\n    </encodingDesc>\n  \
             </martifHeader>\n",
        );
        Names {
            entry: "termEntry",
            lang: "langSet",
            term: "tig",
        }
    } else {
        write!(
            out,
            "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"{TBX_NS}\">\n  <tbxHeader>\n    \
             <fileDesc>\n      <sourceDesc>\n        <p>alinea termbase</p>\n      </sourceDesc>\n    \
             </fileDesc>\n  </tbxHeader>\n"
        )
        .unwrap();
        Names {
            entry: "conceptEntry",
            lang: "langSec",
            term: "termSec",
        }
    };
    out.push_str("  <text>\n    <body>\n");
    for c in &tb.concepts {
        write_entry(&mut out, &names, c);
    }
    out.push_str("    </body>\n  </text>\n");
    out.push_str(if version == 2 {
        "</martif>\n"
    } else {
        "</tbx>\n"
    });
    out
}

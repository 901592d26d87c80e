//! Reading TBX v3 and v2 into the termbase model, with a warning for what is not read.

use std::cell::RefCell;
use std::path::Path;

use crate::diag::{Diagnostic, Location};
use crate::input::xml::{self, Node, Root};
use crate::input::LineIndex;
use crate::termbase::model::Transaction;
use crate::termbase::model::{
    Concept, Gender, LangInfo, Link, Pos, Status, Term, TermType, Termbase,
};
use crate::termbase::validate::parse_lang;
use crate::termbase::ConceptPos;
use crate::termbase::Positions;

use super::super::Parsed;
use crate::Error;
use crate::{Lang, Result};

use super::{IGNORED, PROCESS_STATUS};

pub(super) struct Ctx<'a> {
    text: &'a str,
    path: &'a Path,
    /// What was ignored: a description, the byte offset of its first occurrence, a count.
    ignored: RefCell<Vec<(String, usize, usize)>>,
}

impl Ctx<'_> {
    /// Notes that `node` (inside `parent`) is not read.
    fn ignore(&self, node: &Node, parent: &str) {
        // A descripGrp is told by the type of its descrip.
        let typed = match node.name.as_str() {
            "descripGrp" => node
                .elements()
                .find(|e| e.name == "descrip")
                .unwrap_or(node),
            _ => node,
        };
        let what = match typed.attr("type") {
            Some(t) => format!("<{} type={t:?}> in <{parent}>", typed.name),
            None => format!("<{}> in <{parent}>", typed.name),
        };
        self.ignore_as(node, what);
    }

    /// Notes that `node`, described as `what`, is not read.
    fn ignore_as(&self, node: &Node, what: String) {
        let mut ignored = self.ignored.borrow_mut();
        match ignored.iter_mut().find(|(w, _, _)| *w == what) {
            Some((_, _, n)) => *n += 1,
            None => ignored.push((what, node.offset, 1)),
        }
    }

    /// The warnings for what was ignored, in the order first met.
    fn warnings(&self) -> Vec<Diagnostic> {
        let index = LineIndex::new(self.text);
        self.ignored
            .borrow()
            .iter()
            .map(|(what, offset, n)| {
                let (line, column) = index.position(*offset);
                let times = if *n == 1 {
                    String::new()
                } else {
                    format!(" ({n} times; the first here)")
                };
                Diagnostic::warning(IGNORED, format!("{what} is not read by alinea: left out{times}"))
                    .at_path(self.path)
                    .at(Location::point(line, column))
                    .with_help("the rest of the entry was read; the README (Limits and guarantees) lists what alinea reads from TBX")
            })
            .collect()
    }

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

pub(super) fn nonempty(s: String) -> Option<String> {
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

pub(super) fn transaction(cx: &Ctx, node: &Node) -> Transaction {
    let mut t = Transaction::default();
    for e in node.elements() {
        match e.name.as_str() {
            "transac" => t.kind = e.text(),
            "date" => t.date = nonempty(e.text()),
            "transacNote" => t.by = nonempty(e.text()),
            _ => cx.ignore(e, &node.name),
        }
    }
    if t.kind.is_empty() {
        t.kind = "transaction".into();
    }
    t
}

/// A `descrip` or a `descripGrp` (a `descrip` with its `admin type="source"` and notes).
pub(super) struct Descrip {
    kind: String,
    text: String,
    source: Option<String>,
    notes: Vec<String>,
    lang: Option<String>,
}

pub(super) fn descrip(cx: &Ctx, node: &Node, parent: &str) -> Option<Descrip> {
    if node.name == "descrip" {
        return Some(Descrip {
            kind: node.attr("type").unwrap_or("").to_string(),
            text: node.text(),
            source: None,
            notes: Vec::new(),
            lang: node.attr("xml:lang").map(str::to_string),
        });
    }
    let Some(first) = node.elements().find(|e| e.name == "descrip") else {
        cx.ignore(node, parent);
        return None;
    };
    let mut d = descrip(cx, first, &node.name)?;
    for e in node.elements() {
        match (e.name.as_str(), e.attr("type")) {
            ("descrip", _) if std::ptr::eq(e, first) => {}
            ("admin", Some("source")) => d.source = nonempty(e.text()),
            ("note", _) => d.notes.push(e.text()),
            _ => cx.ignore(e, &node.name),
        }
    }
    Some(d)
}

/// Sets the definition of `info` from `d` (read at `node`), unless it has one: one definition
/// per language, the first kept and the others reported.
pub(super) fn define(cx: &Ctx, node: &Node, info: &mut LangInfo, d: Descrip) {
    if info.definition.is_some() || info.definition_source.is_some() {
        cx.ignore_as(
            node,
            format!(
                "a second definition in {} for one concept",
                info.lang.code()
            ),
        );
        return;
    }
    info.definition = nonempty(d.text);
    info.definition_source = d.source;
}

pub(super) struct PendingRef {
    term: usize,
    target: Option<String>,
    text: String,
}

pub(super) fn read_term(
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
            ("termNote", Some("processStatus")) => {
                t.notes.push(format!("{PROCESS_STATUS}{}", e.text().trim()))
            }
            ("termNote", Some("administrativeStatus")) => {
                t.status =
                    Some(cx.pick(e, "administrativeStatus", Status::parse, Status::expected())?)
            }
            ("descrip" | "descripGrp", _) => {
                if let Some(d) = descrip(cx, e, &node.name) {
                    if d.kind == "context" {
                        t.context = nonempty(d.text);
                        t.context_source = d.source;
                    } else {
                        cx.ignore(e, &node.name);
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
            ("transacGrp", _) => t.transactions.push(transaction(cx, e)),
            _ => cx.ignore(e, &node.name),
        }
    }
    if !seen_term {
        return Err(cx.err(node, format!("<{}> without a <term>", node.name)));
    }
    c.terms.push(t);
    Ok(())
}

pub(super) fn read_entry(
    cx: &Ctx,
    root: &Root,
    node: &Node,
    n: usize,
) -> Result<(Concept, ConceptPos)> {
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
                if let Some(mut d) = descrip(cx, e, &node.name) {
                    c.notes.append(&mut d.notes);
                    match d.kind.as_str() {
                        "subjectField" => c.subject = nonempty(d.text),
                        "definition" => {
                            let lang = cx.lang(e, d.lang.as_deref().or(root_lang))?;
                            define(cx, e, c.lang_info_mut(&lang), d);
                        }
                        _ => cx.ignore(e, &node.name),
                    }
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
            ("transacGrp", _) => c.transactions.push(transaction(cx, e)),
            ("langSec" | "langSet", _) => {
                let lang = cx.lang(e, None)?;
                for g in e.elements() {
                    match g.name.as_str() {
                        "termSec" | "tig" | "ntig" => {
                            cp.terms.push((g.offset, 0));
                            read_term(cx, g, &lang, &mut c, &mut ids, &mut refs)?;
                        }
                        "descrip" | "descripGrp" => {
                            if let Some(mut d) = descrip(cx, g, &e.name) {
                                let info = c.lang_info_mut(&lang);
                                let notes = std::mem::take(&mut d.notes);
                                if d.kind == "definition" {
                                    define(cx, g, info, d);
                                } else {
                                    cx.ignore(g, &e.name);
                                }
                                info.notes.extend(notes);
                            }
                        }
                        "note" => c.lang_info_mut(&lang).notes.push(g.text()),
                        _ => cx.ignore(g, &e.name),
                    }
                }
            }
            _ => cx.ignore(e, &node.name),
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
pub(crate) fn read(text: &str, path: &Path) -> Result<Parsed> {
    let cx = Ctx {
        text,
        path,
        ignored: RefCell::new(Vec::new()),
    };
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
    Ok((tb, pos, cx.warnings()))
}

//! TBX, read and written: v3 TBX-Basic (ISO 30042:2019, DCA style: `tbx`, `conceptEntry`,
//! `langSec`, `termSec`) and legacy v2 (`martif`, `termEntry`, `langSet`, `tig`/`ntig`), as
//! MultiTerm, memoQ and OmegaT exchange it. The root element decides the version on reading.
//!
//! Reading never drops content without a word: an element alinea does not read (an unknown
//! element, a `termNote`, `descrip` or `admin` of an unknown type, a second definition for
//! one language) is a [`IGNORED`] warning with its line and column, one per kind with a count.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::path::Path;

use crate::diag::{Diagnostic, Location};
use crate::input::xml::{self, esc, Node, Root};
use crate::input::LineIndex;
use crate::termbase::model::Transaction;
use crate::termbase::model::{
    Concept, Gender, LangInfo, Link, Pos, Status, Term, TermType, Termbase,
};
use crate::termbase::validate::parse_lang;
use crate::termbase::ConceptPos;
use crate::termbase::Positions;

use super::Parsed;
use crate::Error;
use crate::{Lang, Result};

/// TBX v3 namespace.
pub const TBX_NS: &str = "urn:iso:std:iso:30042:ed-2";

/// Code of the warning for TBX content alinea does not read (an unknown element, or a known
/// one of an unknown type), one per kind with its count and its first place.
pub const IGNORED: &str = "termbase/tbx-ignored";

struct Ctx<'a> {
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

fn nonempty(s: String) -> Option<String> {
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

fn transaction(cx: &Ctx, node: &Node) -> Transaction {
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
struct Descrip {
    kind: String,
    text: String,
    source: Option<String>,
    notes: Vec<String>,
    lang: Option<String>,
}

fn descrip(cx: &Ctx, node: &Node, parent: &str) -> Option<Descrip> {
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
fn define(cx: &Ctx, node: &Node, info: &mut LangInfo, d: Descrip) {
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

/// A term's process status (TBX `<termNote type="processStatus">`: `unprocessed`,
/// `provisionallyProcessed`, `finalized`) is held as a term note `processStatus: VALUE …`;
/// the writer gives it back as the data category, the reader reads it into that note.
pub const PROCESS_STATUS: &str = "processStatus: ";

/// The TBX process status a note declares, if it is one.
fn process_status(note: &str) -> Option<&'static str> {
    let v = note
        .strip_prefix(PROCESS_STATUS)?
        .split_whitespace()
        .next()?;
    ["unprocessed", "provisionallyProcessed", "finalized"]
        .into_iter()
        .find(|k| *k == v)
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
    let (status, others): (Vec<&String>, Vec<&String>) =
        t.notes.iter().partition(|n| process_status(n).is_some());
    for n in &status {
        let v = process_status(n).unwrap_or("unprocessed");
        writeln!(
            out,
            "            <termNote type=\"processStatus\">{v}</termNote>"
        )
        .unwrap();
        let rest = n[PROCESS_STATUS.len() + v.len()..].trim();
        if !rest.is_empty() {
            writeln!(out, "            <note>{}</note>", esc(rest)).unwrap();
        }
    }
    let others: Vec<String> = others.into_iter().cloned().collect();
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
    notes(out, "            ", &others);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;

    const UNREAD: &str = r#"<martif type="TBX-Basic" xml:lang="en"><text><body>
<termEntry id="c1">
  <descrip type="definition">First.</descrip>
  <descrip type="Usage">x</descrip>
  <langSet xml:lang="en">
    <descrip type="definition">Second.</descrip>
    <tig><term>alpha</term><termNote type="usage">common</termNote><termNote type="geographicalUsage">UK</termNote></tig>
    <foo/>
  </langSet>
</termEntry>
<termEntry id="c2"><langSet xml:lang="en"><tig><term>beta</term><termNote type="usage">rare</termNote></tig></langSet></termEntry>
</body></text></martif>
"#;

    #[test]
    fn unknown_elements_and_term_note_types_are_warned_of_with_their_place() {
        let (tb, _, w) = read(UNREAD, Path::new("u.tbx")).unwrap();
        assert_eq!(tb.concepts.len(), 2);
        assert_eq!(tb.concepts[0].definition(&Lang::En), Some("First."));
        let got: Vec<String> = w.iter().map(ToString::to_string).collect();
        assert_eq!(
            got,
            [
                "u.tbx:4:3: <descrip type=\"Usage\"> in <termEntry> is not read by alinea: left out [termbase/tbx-ignored]",
                "u.tbx:6:5: a second definition in en for one concept is not read by alinea: left out [termbase/tbx-ignored]",
                "u.tbx:7:28: <termNote type=\"usage\"> in <tig> is not read by alinea: left out (2 times; the first here) [termbase/tbx-ignored]",
                "u.tbx:7:68: <termNote type=\"geographicalUsage\"> in <tig> is not read by alinea: left out [termbase/tbx-ignored]",
                "u.tbx:8:5: <foo> in <langSet> is not read by alinea: left out [termbase/tbx-ignored]",
            ]
        );
        assert!(w.iter().all(|d| d.severity == Severity::Warning));
    }

    #[test]
    fn what_alinea_writes_it_reads_without_a_warning() {
        let built_in = crate::termbase::read_str(
            crate::termbase::load::BUILT_IN,
            crate::termbase::Format::Toml,
            Path::new("g.toml"),
        )
        .unwrap()
        .termbase;
        for version in [2, 3] {
            let text = write(&built_in, version);
            let (_, _, w) = read(&text, Path::new("g.tbx")).unwrap();
            assert!(w.is_empty(), "TBX v{version}: {w:?}");
        }
    }

    #[test]
    fn process_status_is_a_term_note_both_ways() {
        let mut t = crate::termbase::model::Term::new(Lang::En, "wind turbine");
        t.notes = vec![
            format!("{PROCESS_STATUS}provisionallyProcessed"),
            "seen 3 times".into(),
        ];
        let mut c = Concept {
            id: "m1".into(),
            terms: vec![t],
            ..Concept::default()
        };
        c.canonicalize();
        let tb = Termbase { concepts: vec![c] };
        for version in [2, 3] {
            let text = write(&tb, version);
            assert!(
                text.contains("<termNote type=\"processStatus\">provisionallyProcessed</termNote>"),
                "v{version}: {text}"
            );
            assert!(!text.contains("<note>processStatus"), "v{version}");
            let (back, _, w) = read(&text, Path::new("m.tbx")).unwrap();
            assert!(w.is_empty(), "{w:?}");
            assert_eq!(
                back.concepts[0].terms[0].notes,
                tb.concepts[0].terms[0].notes
            );
        }
        assert_eq!(process_status("processStatus: provisional"), None);
    }
}

//! Writing the termbase model as TBX v3 (TBX-Basic, DCA) or v2 (`martif`).

use std::fmt::Write as _;

use crate::termbase::model::Transaction;
use crate::termbase::model::{Concept, Gender, LangInfo, Pos, Status, TermType, Termbase};
use crate::text::escape::escape as esc;

use super::{PROCESS_STATUS, TBX_NS};

pub(super) struct Names {
    entry: &'static str,
    lang: &'static str,
    term: &'static str,
}

pub(super) fn transactions(out: &mut String, indent: &str, ts: &[Transaction]) {
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

pub(super) fn descrip_out(
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

/// The TBX process status a note declares, if it is one.
pub(super) fn process_status(note: &str) -> Option<&'static str> {
    let v = note
        .strip_prefix(PROCESS_STATUS)?
        .split_whitespace()
        .next()?;
    ["unprocessed", "provisionallyProcessed", "finalized"]
        .into_iter()
        .find(|k| *k == v)
}

pub(super) fn notes(out: &mut String, indent: &str, notes: &[String]) {
    for n in notes {
        writeln!(out, "{indent}<note>{}</note>", esc(n)).unwrap();
    }
}

pub(super) fn write_term(out: &mut String, n: &Names, c: &Concept, i: usize, term_ids: &[String]) {
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

pub(super) fn write_entry(out: &mut String, n: &Names, c: &Concept) {
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

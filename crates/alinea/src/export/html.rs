//! The HTML review page: one self-contained file (no script, no outside resource), one row per
//! aligned unit, one column per language; right-to-left languages are marked `dir="rtl"`, every
//! cell carries its `lang`, and beads to review (low confidence or a side left empty) are
//! highlighted.

use std::fmt::Write;

use quick_xml::escape::escape;

use crate::align::aligned::{is_low, range_label, Aligned, LOW_CONFIDENCE};

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}\
table{border-collapse:collapse;width:100%;table-layout:fixed}\
th,td{border:1px solid #ccc;padding:.4em .6em;vertical-align:top;text-align:start}\
th{background:#f3f3f3}td.n,th.n{width:5.5em;font-size:.85em;color:#555}\
tr.low td{background:#fff3cd}td small{display:block;color:#777;font-size:.8em}\
td[dir=rtl]{font-size:1.1em}";

/// Write the review page.
pub fn write(a: &Aligned) -> String {
    let mut h = String::new();
    let title = escape(a.document.as_str());
    let s = a.summary();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title} — alignment review</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<p>{} alignment: {}. Highlighted rows: confidence below \
         {LOW_CONFIDENCE} or a language missing.</p>\n<table>\n<thead><tr><th class=\"n\">#</th>",
        match a.segtype {
            crate::align::Segtype::Paragraph => "Paragraph",
            crate::align::Segtype::Sentence => "Sentence",
        },
        escape(s.to_string())
    );
    for side in &a.sides {
        let _ = write!(
            h,
            "<th>{} <small>{}</small></th>",
            escape(side.lang.code()),
            escape(side.name.as_str())
        );
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for (n, b) in a.beads.iter().enumerate() {
        let class = if is_low(b) { " class=\"low\"" } else { "" };
        let _ = write!(
            h,
            "<tr{class}><td class=\"n\">{}<small>{:.2}</small></td>",
            n + 1,
            b.score
        );
        for (d, side) in a.sides.iter().enumerate() {
            let dir = if side.lang.is_rtl() {
                " dir=\"rtl\""
            } else {
                ""
            };
            let _ = write!(
                h,
                "<td lang=\"{}\"{dir}><small>{}</small>{}</td>",
                escape(side.lang.code()),
                escape(range_label(&b.sides[d])),
                escape(a.text(b, d))
            );
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::aligned::tests::sample;
    use crate::align::Side;
    use crate::Lang;

    #[test]
    fn marks_rtl_low_and_escapes() {
        let mut a = sample();
        a.sides[0].units[0] = "<b>A & B</b>".into();
        a.sides.push(Side {
            lang: Lang::Ar,
            name: "doc.txt".into(),
            units: vec!["واحد".into(), "اثنان".into()],
        });
        a.beads[0].sides.push(vec![0]);
        a.beads[1].sides.push(vec![1]);
        let h = write(&a);
        assert!(h.contains("&lt;b&gt;A &amp; B&lt;/b&gt;"), "{h}");
        assert!(!h.contains("<b>A"));
        assert!(h.contains("<td lang=\"ar\" dir=\"rtl\"><small>0</small>واحد</td>"));
        assert_eq!(h.matches("<tr class=\"low\">").count(), 1);
        assert!(h.contains("<td lang=\"fr\"><small>1-2</small>Deux Trois</td>"));
        assert!(
            h.contains("<p>Paragraph alignment: units fr 3, en 2, ar 2;"),
            "{h}"
        );
    }
}

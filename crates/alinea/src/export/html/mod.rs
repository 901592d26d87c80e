//! The HTML review page: one self-contained file (inline style and script, no outside
//! resource), one row per aligned unit, one column per language; right-to-left languages are
//! marked `dir="rtl"`, every cell carries its `lang`, and units to review (low confidence, a
//! side left empty, not a translation, marked wrong) are highlighted.
//!
//! With scripts off the page is the table as written here. With scripts on it is an editor
//! (`review.js`): a reviewer merges a unit with the next, splits one (choosing per language
//! where its units divide), marks one wrong, shows the flagged units only, undoes, and
//! downloads the corrected alignment as a corrected beads file ([`crate::export::beads`]),
//! which `alinea align … --beads FILE` turns into a TMX. What the script needs (the beads with
//! their confidences and marks, each side's unit count, the beads file's header) is embedded
//! as JSON in a `<script type="application/json">` element ([`script_json`]); the unit texts
//! it reads back from the table, where each unit is an element of its own (`data-u`, its
//! index), so that the page holds every text once (units in no bead, which an alignment does
//! not make, would come in the JSON).

use std::fmt::Write;

use crate::text::escape::escape;
use serde::Serialize;

use crate::align::aligned::{is_low, range_label, Aligned, LOW_CONFIDENCE};
use crate::align::reviewed::Mark;
use crate::align::suspect;

const STYLE: &str = include_str!("review.css");
const SCRIPT: &str = include_str!("review.js");

/// What the page's script reads.
#[derive(Serialize)]
struct Data<'a> {
    document: &'a str,
    low: f64,
    /// The corrected beads file's header ([`crate::export::beads::header`]).
    header: String,
    sides: Vec<SideData<'a>>,
    beads: Vec<BeadData<'a>>,
}

#[derive(Serialize)]
struct SideData<'a> {
    lang: &'a str,
    name: &'a str,
    rtl: bool,
    /// How many units the side has (their texts are in the table).
    n: usize,
    /// The units in no bead, with their index: not in the table.
    rest: Vec<(usize, &'a str)>,
}

#[derive(Serialize)]
struct BeadData<'a> {
    /// Unit indices per side.
    s: &'a [Vec<usize>],
    /// The confidence as the beads file writes it.
    score: String,
    /// The confidence as a number.
    v: f64,
    suspect: bool,
    reviewed: bool,
    wrong: bool,
}

/// `value` as JSON that can stand inside a `<script>` element: `<`, `>` and `&` escaped (no
/// `</script>`, no `<!--`), and the line separators U+2028 and U+2029 (which old JavaScript
/// did not allow in strings).
pub fn script_json<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".into());
    let special = |c: char| matches!(c, '<' | '>' | '&' | '\u{2028}' | '\u{2029}');
    if !json.contains(special) {
        return json;
    }
    // The runs between special characters are copied whole.
    let mut out = String::with_capacity(json.len() + 64);
    let mut last = 0;
    for (i, c) in json.match_indices(special) {
        out.push_str(&json[last..i]);
        out.push_str(match c {
            "<" => "\\u003c",
            ">" => "\\u003e",
            "&" => "\\u0026",
            "\u{2028}" => "\\u2028",
            _ => "\\u2029",
        });
        last = i + c.len();
    }
    out.push_str(&json[last..]);
    out
}

/// The counts line: units per language, beads, flagged, marked wrong (the script rewrites it
/// after each change, in the same words).
fn counts(a: &Aligned, flagged: usize, marks: &[Mark]) -> String {
    let units: Vec<String> = a
        .sides
        .iter()
        .map(|s| format!("{} {}", s.lang, s.units.len()))
        .collect();
    format!(
        "Units: {}. {} beads, {} flagged, {} marked wrong, {} made by the reviewer.",
        units.join(", "),
        a.beads.len(),
        flagged,
        marks.iter().filter(|m| m.wrong).count(),
        marks.iter().filter(|m| m.reviewed).count(),
    )
}

/// Write the review page of an alignment the aligner made.
pub fn write(a: &Aligned) -> String {
    write_reviewed(a, &[])
}

/// Write the review page of an alignment with a reviewer's marks (`marks[i]` for bead `i`;
/// missing marks are none).
pub fn write_reviewed(a: &Aligned, marks: &[Mark]) -> String {
    write_page(a, marks, &suspect::flags(a))
}

/// [`write`] with the suspect flags of `a`'s beads found already
/// ([`crate::align::Outcome::suspect`]), so that they are not looked for again.
pub fn write_flagged(a: &Aligned, suspect: &[bool]) -> String {
    debug_assert_eq!(suspect, suspect::flags(a), "stale suspect flags");
    write_page(a, &[], suspect)
}

fn write_page(a: &Aligned, marks: &[Mark], suspect: &[bool]) -> String {
    let mark = |i: usize| marks.get(i).copied().unwrap_or_default();
    let mut h = String::new();
    let title = escape(a.document.as_str());
    let s = a.summary_given(suspect);
    // Flagged for review: low confidence or a side empty, not a translation, marked wrong
    // (the script decides it the same way).
    let flags: Vec<bool> = a
        .beads
        .iter()
        .enumerate()
        .map(|(i, b)| is_low(b) || suspect[i] || mark(i).wrong)
        .collect();
    let n_flagged = flags.iter().filter(|&&f| f).count();
    let all_marks: Vec<Mark> = (0..a.beads.len()).map(mark).collect();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} — alignment review</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<p id=\"summary\">{} alignment: {}. Highlighted rows: confidence \
         below {LOW_CONFIDENCE}, a language missing, not a translation, or marked wrong.</p>\n\
         <p id=\"counts\" aria-live=\"polite\">{}</p>\n\
         <noscript><p>Scripts are off: the page shows the alignment; merging, splitting and \
         marking units need scripts.</p></noscript>\n\
         <div id=\"tools\" hidden></div>\n<table>\n<thead><tr><th class=\"n\">#</th>",
        match a.segtype {
            crate::align::Segtype::Paragraph => "Paragraph",
            crate::align::Segtype::Sentence => "Sentence",
        },
        escape(&s.to_string()),
        escape(&counts(a, n_flagged, &all_marks)),
    );
    for side in &a.sides {
        let _ = write!(
            h,
            "<th>{} <small>{}</small></th>",
            escape(side.lang.code()),
            escape(side.name.as_str())
        );
    }
    h.push_str("</tr></thead>\n<tbody id=\"beads\">\n");
    for (n, b) in a.beads.iter().enumerate() {
        let m = mark(n);
        let mut classes = Vec::new();
        if flags[n] {
            classes.push("low");
        }
        if m.wrong {
            classes.push("wrong");
        }
        if m.reviewed {
            classes.push("reviewed");
        }
        let class = if classes.is_empty() {
            String::new()
        } else {
            format!(" class=\"{}\"", classes.join(" "))
        };
        let note = match (m.wrong, m.reviewed) {
            (true, _) => "<small>wrong</small>",
            (false, true) => "<small>reviewed</small>",
            _ => "",
        };
        let _ = write!(
            h,
            "<tr{class}><td class=\"n\">{}<small>{:.2}</small>{note}</td>",
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
                "<td lang=\"{}\"{dir}><small>{}</small>",
                escape(side.lang.code()),
                escape(&range_label(&b.sides[d])),
            );
            let mut first = true;
            for &i in &b.sides[d] {
                let Some(text) = side.units.get(i) else {
                    continue;
                };
                if !first {
                    h.push(' ');
                }
                first = false;
                let _ = write!(h, "<span data-u=\"{i}\">{}</span>", escape(text.as_str()));
            }
            h.push_str("</td>");
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
    let data = Data {
        document: &a.document,
        low: LOW_CONFIDENCE,
        header: crate::export::beads::header(a),
        sides: a
            .sides
            .iter()
            .enumerate()
            .map(|(d, s)| {
                let mut in_bead = vec![false; s.units.len()];
                for b in &a.beads {
                    for &i in b.sides.get(d).into_iter().flatten() {
                        if let Some(x) = in_bead.get_mut(i) {
                            *x = true;
                        }
                    }
                }
                SideData {
                    lang: s.lang.code(),
                    name: &s.name,
                    rtl: s.lang.is_rtl(),
                    n: s.units.len(),
                    rest: s
                        .units
                        .iter()
                        .enumerate()
                        .filter(|&(i, _)| !in_bead[i])
                        .map(|(i, t)| (i, t.as_str()))
                        .collect(),
                }
            })
            .collect(),
        beads: a
            .beads
            .iter()
            .enumerate()
            .map(|(i, b)| BeadData {
                s: &b.sides,
                score: format!("{:.4}", b.score),
                v: b.score,
                suspect: suspect[i],
                reviewed: mark(i).reviewed,
                wrong: mark(i).wrong,
            })
            .collect(),
    };
    let _ = write!(
        h,
        "<script type=\"application/json\" id=\"alinea-data\">{}</script>\n<script>\n{SCRIPT}</script>\n",
        script_json(&data)
    );
    h.push_str("</body>\n</html>\n");
    h
}

#[cfg(test)]
mod tests;

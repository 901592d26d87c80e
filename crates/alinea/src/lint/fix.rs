//! Applying the safe fixes of findings to their files: each file's fixes (non-overlapping,
//! first come first kept) applied to its text, then all files written together
//! ([`crate::io::FileSet`]: temporary files renamed at the end). In a TMX file, only
//! segments written as they read carry fixes (see [`super::input`]) and replacements are
//! escaped as XML text.

use std::ops::Range;
use std::path::PathBuf;

use super::Doc;
use crate::diag::Diagnostic;
use crate::Result;

/// The new text of one file and what changed in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub path: PathBuf,
    pub text: String,
    /// `line:column: description`, one per fix applied.
    pub applied: Vec<String>,
}

/// `text` with `edits` applied (byte ranges of `text`; an edit overlapping one already
/// taken is left out); the indexes of the edits applied.
pub fn apply(text: &str, edits: &[(Range<usize>, &str)]) -> (String, Vec<usize>) {
    let mut order: Vec<usize> = (0..edits.len()).collect();
    order.sort_by_key(|&i| (edits[i].0.start, edits[i].0.end));
    let mut taken: Vec<usize> = Vec::new();
    let mut end = 0;
    for i in order {
        let r = &edits[i].0;
        let valid = r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end);
        if valid && (taken.is_empty() || r.start >= end) {
            end = r.end;
            taken.push(i);
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for &i in &taken {
        let (r, rep) = &edits[i];
        out.push_str(&text[at..r.start]);
        out.push_str(rep);
        at = r.end;
    }
    out.push_str(&text[at..]);
    (out, taken)
}

/// The changes the fixes of `findings` make to the documents' files (files without a fix
/// are left out).
pub fn plan(docs: &[Doc], findings: &[Diagnostic]) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::new();
    for doc in docs {
        let Some(text) = &doc.text else { continue };
        if out.iter().any(|c| c.path == doc.path) {
            continue;
        }
        let mine: Vec<&Diagnostic> = findings
            .iter()
            .filter(|d| d.path.as_deref() == Some(doc.path.as_path()))
            .collect();
        // In a TMX file a replacement is XML text.
        let xml = super::input::Kind::of(&doc.path) == super::input::Kind::Tmx;
        let mut replacements: Vec<String> = Vec::new();
        let mut ranges: Vec<Range<usize>> = Vec::new();
        let mut told: Vec<String> = Vec::new();
        for d in &mine {
            let fix = d.details.as_deref().and_then(|x| x.fix.as_ref());
            let bytes = d.location.as_ref().and_then(|l| l.bytes.clone());
            if let (Some(fix), Some(b), Some(l)) = (fix, bytes, &d.location) {
                ranges.push(b);
                replacements.push(if xml {
                    crate::text::escape::escape_text(&fix.replacement).into_owned()
                } else {
                    fix.replacement.clone()
                });
                told.push(format!(
                    "{}:{}: {} [{}]",
                    l.line, l.column, fix.description, d.code
                ));
            }
        }
        if ranges.is_empty() {
            continue;
        }
        let edits: Vec<(Range<usize>, &str)> = ranges
            .into_iter()
            .zip(replacements.iter().map(String::as_str))
            .collect();
        let (new, taken) = apply(text, &edits);
        out.push(Change {
            path: doc.path.clone(),
            text: new,
            applied: taken.into_iter().map(|i| told[i].clone()).collect(),
        });
    }
    out
}

/// Writes the changed files, all or none.
pub fn write(changes: &[Change]) -> Result<()> {
    let mut set = crate::io::FileSet::new();
    for c in changes {
        set.add_bytes(&c.path, c.text.as_bytes())?;
    }
    set.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_in_order_overlaps_left_out() {
        let (s, taken) = apply("abc def", &[(4..7, "XYZ"), (0..1, "A"), (5..6, "!")]);
        assert_eq!(s, "Abc XYZ");
        assert_eq!(taken, [1, 0]);
        let (s, _) = apply("é", &[(0..1, "e")]);
        assert_eq!(s, "é", "not on a character boundary: left out");
    }
}

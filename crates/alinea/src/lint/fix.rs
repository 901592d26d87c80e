//! Applying the safe fixes of findings to their files: each file's fixes (non-overlapping,
//! first come first kept) applied to its text, then all files written together
//! ([`crate::io::FileSet`]: temporary files renamed at the end). In a TMX file, only
//! segments written as they read carry fixes (see [`super::input`]) and replacements are
//! escaped as XML text. A file alinea reads but does not write (Word, OpenDocument, HTML,
//! PDF, XLIFF: [`Doc::read_only`]) is never rewritten: its fixes are counted and left.

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
    /// The indexes (in the findings given to [`plan`]) of the findings whose fixes are
    /// applied.
    pub findings: Vec<usize>,
}

/// A file whose fixes are not written: what alinea reads of it is not the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unwritten {
    pub path: PathBuf,
    /// The file's format, as messages name it.
    pub format: &'static str,
    /// How many findings there carry a fix.
    pub fixes: usize,
}

/// What `--fix` does: the files changed, and the files with fixes it does not write.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub changes: Vec<Change>,
    pub unwritten: Vec<Unwritten>,
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
/// are left out), and the files read only whose findings carry fixes.
pub fn plan(docs: &[Doc], findings: &[Diagnostic]) -> Plan {
    let mut out: Vec<Change> = Vec::new();
    let mut unwritten: Vec<Unwritten> = Vec::new();
    let has_fix = |d: &Diagnostic| d.details.as_deref().is_some_and(|x| x.fix.is_some());
    for doc in docs {
        let Some(text) = &doc.text else { continue };
        if out.iter().any(|c| c.path == doc.path) || unwritten.iter().any(|u| u.path == doc.path) {
            continue;
        }
        let mine: Vec<(usize, &Diagnostic)> = findings
            .iter()
            .enumerate()
            .filter(|(_, d)| d.path.as_deref() == Some(doc.path.as_path()))
            .collect();
        if let Some(format) = doc.read_only {
            let fixes = mine.iter().filter(|(_, d)| has_fix(d)).count();
            if fixes > 0 {
                unwritten.push(Unwritten {
                    path: doc.path.clone(),
                    format,
                    fixes,
                });
            }
            continue;
        }
        // In a TMX file a replacement is XML text.
        let xml = super::input::Kind::of(&doc.path) == super::input::Kind::Tmx;
        let mut replacements: Vec<String> = Vec::new();
        let mut ranges: Vec<Range<usize>> = Vec::new();
        let mut told: Vec<String> = Vec::new();
        let mut which: Vec<usize> = Vec::new();
        for &(k, d) in &mine {
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
                which.push(k);
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
            applied: taken.iter().map(|&i| told[i].clone()).collect(),
            findings: taken.iter().map(|&i| which[i]).collect(),
        });
    }
    Plan {
        changes: out,
        unwritten,
    }
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

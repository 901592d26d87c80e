//! Diagnostics as JSON: an array of objects with `code`, `severity`, `path`, `location`
//! (`line`, `column`, `end_line`, `end_column`, 1-based, columns in characters), `message` and
//! `help`; absent fields are left out.

use super::Diagnostic;

/// The diagnostics as a pretty-printed JSON array, ending with a line feed.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = serde_json::to_string_pretty(diagnostics).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}

/// One diagnostic as a flat finding of the lint contract: `rule`, `severity`, `path`,
/// `line`, `column`, `end_line`, `end_column` (1-based, columns in characters), `message`,
/// `help`, `concept`, `expected`, `found`, `place` (in a structured original: `paragraph
/// 12`), `source` (`path`, `line`, and `place` when known), `fix` (`replacement`,
/// `description`) and `fingerprint`; absent ones are `null` (`expected`: `[]`).
pub fn finding(d: &Diagnostic) -> serde_json::Value {
    use serde_json::json;
    let l = d.location.as_ref();
    let x = d.details.as_deref();
    json!({
        "rule": d.code,
        "severity": d.severity,
        "path": d.path,
        "line": l.map(|l| l.line),
        "column": l.map(|l| l.column),
        "end_line": l.map(|l| l.end_line),
        "end_column": l.map(|l| l.end_column),
        "message": d.message,
        "help": d.help,
        "concept": x.and_then(|x| x.concept.as_ref()),
        "expected": x.map(|x| x.expected.clone()).unwrap_or_default(),
        "found": x.and_then(|x| x.found.as_ref()),
        "place": x.and_then(|x| x.place.as_ref()),
        "source": x.and_then(|x| x.source.as_ref()),
        "fix": x.and_then(|x| x.fix.as_ref()),
        "fingerprint": x.and_then(|x| x.fingerprint.as_ref()),
    })
}

/// The lint contract: `{"findings": […], "summary": summary}`, pretty-printed, ending with a
/// line feed.
pub fn render_findings(diagnostics: &[Diagnostic], summary: serde_json::Value) -> String {
    let v = serde_json::json!({
        "findings": diagnostics.iter().map(finding).collect::<Vec<_>>(),
        "summary": summary,
    });
    let mut out = serde_json::to_string_pretty(&v).unwrap_or_else(|_| "{}".into());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::samples;

    #[test]
    fn every_diagnostic_with_its_fields() {
        let v: serde_json::Value = serde_json::from_str(&render(&samples())).unwrap();
        let a = v.as_array().unwrap();
        assert_eq!(a.len(), 3);
        assert_eq!(a[0]["code"], "lang/contradicted");
        assert_eq!(a[0]["severity"], "warning");
        assert_eq!(a[0]["path"], "doc.txt");
        assert!(a[0].get("location").is_none());
        assert_eq!(a[1]["location"]["line"], 2);
        assert_eq!(a[1]["location"]["end_column"], 7);
        assert_eq!(a[2]["severity"], "note");
        assert!(a[2].get("path").is_none());
    }

    #[test]
    fn findings_are_flat_with_their_details() {
        use crate::diag::{Details, Fix, SourceRef};
        let mut d = samples();
        d[1] = d[1].clone().with_details(Details {
            concept: Some("c1".into()),
            expected: vec!["Security Council".into()],
            found: Some("Safety Council".into()),
            place: Some("paragraph 3".into()),
            source: Some(SourceRef {
                path: "a.fr.txt".into(),
                line: 4,
                place: None,
            }),
            fix: Some(Fix {
                replacement: "x".into(),
                description: "y".into(),
            }),
            fingerprint: None,
        });
        let v: serde_json::Value =
            serde_json::from_str(&render_findings(&d, serde_json::json!({"n": 3}))).unwrap();
        let f = &v["findings"];
        assert_eq!(f.as_array().unwrap().len(), 3);
        assert_eq!(f[1]["rule"], "termbase/duplicate-id");
        assert_eq!(f[1]["line"], 2);
        assert_eq!(f[1]["end_column"], 7);
        assert_eq!(f[1]["expected"][0], "Security Council");
        assert_eq!(f[1]["source"]["line"], 4);
        assert_eq!(f[1]["place"], "paragraph 3");
        assert!(f[1]["source"].get("place").is_none());
        assert!(f[0]["place"].is_null());
        assert_eq!(f[1]["fix"]["replacement"], "x");
        assert!(f[0]["line"].is_null());
        assert_eq!(f[0]["expected"].as_array().unwrap().len(), 0);
        assert_eq!(v["summary"]["n"], 3);
    }
}

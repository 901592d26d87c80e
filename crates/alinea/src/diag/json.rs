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
}

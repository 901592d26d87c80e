//! Diagnostics as SARIF 2.1.0 (OASIS), the format code hosts and CI systems read: one run of
//! the tool `alinea`, one rule per code, one result per diagnostic. Columns are counted in
//! Unicode code points (`columnKind`), as everywhere in alinea.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use super::{Diagnostic, Severity};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// A path as a SARIF artifact URI: relative paths stay relative (with `/`), as SARIF allows.
fn uri(path: &std::path::Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.chars()
        .map(|c| match c {
            ' ' => "%20".to_string(),
            '%' => "%25".to_string(),
            '#' => "%23".to_string(),
            '?' => "%3F".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// What SARIF says of a rule: its id, a short description and a help text.
#[derive(Clone, Copy, Debug)]
pub struct RuleMeta<'a> {
    pub id: &'a str,
    pub short: &'a str,
    pub help: &'a str,
}

/// The SARIF log for `diagnostics`, produced by alinea `version`.
pub fn log(diagnostics: &[Diagnostic], version: &str) -> Value {
    log_with_rules(diagnostics, version, &[])
}

/// [`log`], with the descriptions and help of the rules `meta` knows; a diagnostic's fix
/// becomes a SARIF fix (a replacement of its region) and its fingerprint a partial
/// fingerprint.
pub fn log_with_rules(diagnostics: &[Diagnostic], version: &str, meta: &[RuleMeta]) -> Value {
    let codes: BTreeSet<&str> = diagnostics.iter().map(|d| d.code).collect();
    let rules: Vec<Value> = codes
        .iter()
        .map(|c| match meta.iter().find(|m| m.id == *c) {
            Some(m) => json!({
                "id": c,
                "shortDescription": { "text": m.short },
                "help": { "text": m.help },
            }),
            None => json!({ "id": c }),
        })
        .collect();
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let mut r = json!({
                "ruleId": d.code,
                "ruleIndex": codes.iter().position(|c| *c == d.code),
                "level": level(d.severity),
                "message": { "text": match &d.help {
                    Some(h) => format!("{} ({h})", d.message),
                    None => d.message.clone(),
                } },
            });
            if let Some(path) = &d.path {
                let mut physical = json!({ "artifactLocation": { "uri": uri(path) } });
                if let Some(l) = &d.location {
                    physical["region"] = json!({
                        "startLine": l.line,
                        "startColumn": l.column,
                        "endLine": l.end_line,
                        "endColumn": l.end_column,
                    });
                }
                r["locations"] = json!([{ "physicalLocation": physical.clone() }]);
                // Where it stands in a structured original (a Word paragraph), by name.
                if let Some(place) = d.details.as_deref().and_then(|x| x.place.as_ref()) {
                    r["locations"][0]["logicalLocations"] = json!([{ "name": place }]);
                }
                let fix = d.details.as_deref().and_then(|x| x.fix.as_ref());
                if let (Some(fix), Some(region)) = (fix, physical.get("region")) {
                    r["fixes"] = json!([{
                        "description": { "text": fix.description },
                        "artifactChanges": [{
                            "artifactLocation": { "uri": uri(path) },
                            "replacements": [{
                                "deletedRegion": region,
                                "insertedContent": { "text": fix.replacement },
                            }],
                        }],
                    }]);
                }
            }
            if let Some(fp) = d.details.as_deref().and_then(|x| x.fingerprint.as_ref()) {
                r["partialFingerprints"] = json!({ "alinea/v1": fp });
            }
            r
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "alinea",
                "version": version,
                "rules": rules,
            } },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// The SARIF log as pretty-printed JSON, ending with a line feed.
pub fn render(diagnostics: &[Diagnostic], version: &str) -> String {
    let mut out =
        serde_json::to_string_pretty(&log(diagnostics, version)).unwrap_or_else(|_| "{}".into());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::samples;

    #[test]
    fn a_run_with_rules_and_results() {
        let v = log(&samples(), "0.1.0");
        assert_eq!(v["version"], "2.1.0");
        let run = &v["runs"][0];
        assert_eq!(run["tool"]["driver"]["name"], "alinea");
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), 3);
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), 3);
        assert_eq!(results[1]["ruleId"], "termbase/duplicate-id");
        assert_eq!(results[1]["level"], "error");
        let idx = results[1]["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], "termbase/duplicate-id");
        let region = &results[1]["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], 2);
        assert_eq!(region["endColumn"], 7);
        assert_eq!(
            results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "doc.txt"
        );
        assert!(results[2].get("locations").is_none());
        assert!(results[1]["locations"][0].get("logicalLocations").is_none());
        assert_eq!(uri(std::path::Path::new("a b/c#.txt")), "a%20b/c%23.txt");
    }

    #[test]
    fn a_place_in_a_structured_original_is_a_logical_location() {
        let mut d = samples();
        d[1] = d[1].clone().with_details(crate::diag::Details {
            place: Some("paragraph 38".into()),
            ..Default::default()
        });
        let v = log(&d, "0.1.0");
        let loc = &v["runs"][0]["results"][1]["locations"][0];
        assert_eq!(loc["logicalLocations"][0]["name"], "paragraph 38");
        assert_eq!(loc["physicalLocation"]["region"]["startLine"], 2);
    }
}

//! XML input from the command line (TBX v3 and v2): nesting far past the depth limit, and
//! XML that is not well-formed, are one-line errors with the place (exit 2, no crash); control
//! characters never reach the terminal.

use std::path::{Path, PathBuf};

mod common;

use common::{alinea, assert_one_line_error, outcome};

/// Run `alinea args…`; return (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    outcome(alinea().args(args))
}

/// A TBX file (`v3`: `tbx`, else `martif`) with one concept whose one term is `term`.
fn tbx(v3: bool, term: &str) -> String {
    if v3 {
        format!(
            "<tbx><text><body><conceptEntry id=\"c\"><langSec xml:lang=\"en\"><termSec>\
             <term>{term}</term></termSec></langSec></conceptEntry></body></text></tbx>\n"
        )
    } else {
        format!(
            "<martif><text><body><termEntry id=\"c\"><langSet xml:lang=\"en\"><tig>\
             <term>{term}</term></tig></langSet></termEntry></body></text></martif>\n"
        )
    }
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// Every command that reads a termbase, on `path`.
fn termbase_commands(path: &Path, out: &Path) -> Vec<Vec<String>> {
    let p = path.display().to_string();
    vec![
        vec!["terms".into(), "check".into(), p.clone()],
        vec![
            "terms".into(),
            "convert".into(),
            p.clone(),
            out.display().to_string(),
        ],
        vec!["lookup".into(), "x".into(), "--termbase".into(), p],
    ]
}

#[test]
fn tbx_nested_131500_deep_is_an_error_in_check_convert_and_lookup() {
    // The reproducer of the stack overflow (v3 and v2): an error at the element past the limit.
    let dir = tempfile::tempdir().unwrap();
    let n = 131_500;
    let deep = format!("{}x{}", "<hi>".repeat(n), "</hi>".repeat(n));
    for (name, v3) in [("deep3.tbx", true), ("deep2.tbx", false)] {
        let path = write(dir.path(), name, tbx(v3, &deep));
        let out = dir.path().join("out.csv");
        for args in termbase_commands(&path, &out) {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            assert_one_line_error(run(&args), &path, &[":1:", "nested more than 1000 deep"]);
            assert!(!out.exists());
        }
    }
}

#[test]
fn tbx_not_well_formed_is_refused_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    for v3 in [true, false] {
        let cases = [
            (tbx(v3, "a&#27;[31mb"), "control character U+001B"),
            (tbx(v3, "a\u{c}b"), "control character U+000C"),
            (
                tbx(v3, "x").replacen("id=\"c\"", "id=\"c\" id=\"d\"", 1),
                "an attribute given twice",
            ),
            (
                tbx(v3, "x").replacen("id=\"c\"", "id=\"c<d\"", 1),
                "`<` in the value of attribute id",
            ),
        ];
        for (text, words) in cases {
            let path = write(dir.path(), "bad.tbx", &text);
            let out = dir.path().join("out.csv");
            for args in termbase_commands(&path, &out) {
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                assert_one_line_error(run(&args), &path, &["bad.tbx:1:", "malformed XML", words]);
            }
        }
        // A raw NUL or ESC is binary data to the input layer: refused before XML parsing.
        for raw in ["a\0b", "a\u{1b}[31mb"] {
            let path = write(dir.path(), "bin.tbx", tbx(v3, raw));
            assert_one_line_error(
                run(&["terms", "check", &path.display().to_string()]),
                &path,
                &["binary data"],
            );
        }
    }
}

#[test]
fn lookup_escapes_control_characters_in_its_text_output() {
    // JSON and TOML may carry control characters as escapes; the terminal never sees them.
    let dir = tempfile::tempdir().unwrap();
    let json = r#"{"concepts": [{"id": "c", "notes": ["n\u001b]0;title\u0007"], "terms": [
        {"lang": "en", "text": "red\u001b[31m"}, {"lang": "fr", "text": "rouge\u009b2J"}]}]}"#;
    let path = write(dir.path(), "c.json", json);
    let (code, stdout, stderr) = run(&["lookup", "red", "--termbase", &path.display().to_string()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        !stdout.chars().any(|c| c.is_control() && c != '\n'),
        "{stdout:?}"
    );
    assert!(stdout.contains("red\\u{1b}[31m"), "{stdout}");
    assert!(stdout.contains("rouge\\u{9b}2J"), "{stdout}");
    assert!(stdout.contains("note: n\\u{1b}]0;title\\u{7}"), "{stdout}");
    // JSON output escapes them as JSON does.
    let (_, json_out, _) = run(&[
        "lookup",
        "red",
        "--format",
        "json",
        "--termbase",
        &path.display().to_string(),
    ]);
    assert!(json_out.contains("red\\u001b[31m"), "{json_out}");
}

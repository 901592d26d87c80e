//! What the termbase formats cannot hold, from the command line: `terms convert` says what
//! the output format leaves out; CSV/TSV input that would lose data is an error with its line
//! and column (exit 2, one line), and a semicolon CSV is read.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// Run `alinea args…` from the repository root; return (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("alinea")
        .unwrap()
        .current_dir(root())
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn convert_to_csv_says_what_csv_cannot_carry() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("g.csv").display().to_string();
    let (code, stdout, stderr) = run(&["terms", "convert", "glossary/concepts.toml", &out]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("128 concepts"), "{stdout}");
    for what in [
        "CSV cannot carry term contexts: 121 in the termbase",
        "CSV cannot carry term notes: 74 in the termbase",
        "CSV cannot carry acronym and abbreviation links (expands): 49 in the termbase",
    ] {
        assert!(stderr.contains(what), "{what}: {stderr}");
    }
    assert!(stderr.contains("[termbase/not-carried]"), "{stderr}");
    // TBX carries everything: nothing to say.
    let tbx = dir.path().join("g.tbx").display().to_string();
    let (code, _, stderr) = run(&["terms", "convert", "glossary/concepts.toml", &tbx]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn csv_that_would_lose_data_is_a_one_line_error_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "extra.csv",
            "fr,en\nchat,cat,Katze\n",
            "extra.csv:2:10: field 3",
        ),
        (
            "quote.csv",
            "fr,en\nchat,cat\n\"chien,dog\n",
            "quote.csv:3:1: this quote is never closed",
        ),
        (
            "dup.csv",
            "en,en\ncat,kitty\n",
            "dup.csv:1:4: column \"en\" is the same as column 1",
        ),
        (
            "status.tsv",
            "fr\tfr_status\nchat\tpreferred | admitted\n",
            "status.tsv:2:6: 2 status values for 1 fr term(s)",
        ),
    ];
    for (name, text, expected) in cases {
        let path = write(dir.path(), name, text);
        let (code, stdout, stderr) = run(&["terms", "check", &path]);
        assert_eq!(code, 2, "{name}: {stderr}");
        assert!(stdout.is_empty(), "{stdout}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(expected), "{expected}: {stderr}");
    }
}

#[test]
fn semicolon_csv_and_quoted_tsv_are_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(dir.path(), "fr.csv", "fr;en;ar\nchat;cat;قطة\n");
    let (code, stdout, stderr) = run(&["lookup", "قطة", "--termbase", &csv]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("chat") && stdout.contains("cat"),
        "{stdout}"
    );
    let tsv = write(
        dir.path(),
        "q.tsv",
        "fr\ten\n\"chat\" persan\tPersian cat\n",
    );
    let (code, stdout, stderr) = run(&["terms", "check", &tsv]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("2 terms (fr 1, en 1)"), "{stdout}");
}

#[test]
fn json_with_two_entries_for_one_language_is_refused_before_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let json = write(
        dir.path(),
        "two.json",
        r#"{"concepts": [{"id": "c", "terms": [{"lang": "en", "text": "cat"}],
            "languages": [{"lang": "en", "definition": "A feline."},
                          {"lang": "en", "definition": "A pet."}]}]}"#,
    );
    for out in ["two.toml", "two.tbx", "two.csv"] {
        let out = dir.path().join(out);
        let (code, stdout, stderr) = run(&["terms", "convert", &json, &out.display().to_string()]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stdout.is_empty(), "{stdout}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("two.json: concept \"c\" has two language entries for \"en\""),
            "{stderr}"
        );
        assert!(!out.exists());
    }
}

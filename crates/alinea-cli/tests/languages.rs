//! One language rule for every command: a flag, else the path, else the text, else a
//! positional default; a contradiction names where the language came from.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn data(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("crates/alinea/tests/data/tmx")
        .join(name)
}

fn copy(dir: &Path, from: &str, to: &str) -> PathBuf {
    let path = dir.join(to);
    std::fs::copy(data(from), &path).unwrap();
    path
}

fn run(args: &[&str], files: &[&Path]) -> (String, String) {
    let out = Command::cargo_bin("alinea")
        .unwrap()
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(args)
        .args(files)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    (String::from_utf8(out.stdout).unwrap(), err)
}

#[test]
fn a_detected_language_wins_over_the_position() {
    let dir = tempfile::tempdir().unwrap();
    let a = copy(dir.path(), "resolution.fr.txt", "a.txt");
    let b = copy(dir.path(), "resolution.ar.txt", "b.txt");
    let (tmx, err) = run(&["align", "--input", "lines"], &[&a, &b]);
    assert!(tmx.contains("<tuv xml:lang=\"ar\">"), "{tmx}");
    assert!(!tmx.contains("en-GB"), "{tmx}");
    assert!(!err.contains("lang/contradicted"), "{err}");
    assert!(!err.contains("--lang"), "no flag was given: {err}");
    assert!(err.contains("units fr 5, ar 5"), "{err}");
}

#[test]
fn a_language_suffix_means_the_same_to_align_and_segment() {
    let dir = tempfile::tempdir().unwrap();
    let en = copy(dir.path(), "resolution.en.txt", "doc.en");
    let fr = copy(dir.path(), "resolution.fr.txt", "doc.fr");
    let (tmx, err) = run(&["align", "--input", "lines"], &[&en, &fr]);
    assert!(tmx.contains("srclang=\"en-GB\""), "{tmx}");
    assert!(tmx.contains("<tuv xml:lang=\"fr-FR\">"), "{tmx}");
    assert!(!err.contains("lang/contradicted"), "{err}");
    let (json, err) = run(&["segment", "--format", "json"], &[&en]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["lang"], "en");
    assert_eq!(v["warnings"], serde_json::json!([]));
    assert!(err.is_empty(), "{err}");
}

#[test]
fn a_path_the_text_contradicts_is_blamed_not_a_flag() {
    let dir = tempfile::tempdir().unwrap();
    let fr = copy(dir.path(), "resolution.fr.txt", "doc.fr");
    // French text under an English name.
    let en = copy(dir.path(), "resolution.fr.txt", "other.en");
    let (_, err) = run(&["align", "--input", "lines"], &[&fr, &en]);
    assert!(
        err.contains("other.en: declared as en by its path but the text looks like fr"),
        "{err}"
    );
    assert!(!err.contains("--langs"), "{err}");
    let (json, err) = run(&["segment", "--format", "json"], &[&en]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["warnings"][0]["code"], "lang/contradicted");
    assert!(err.contains("warning[lang/contradicted]"), "{err}");
}

#[test]
fn an_unknown_output_extension_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.txt");
    let o = Command::cargo_bin("alinea")
        .unwrap()
        .args(["align", "-o"])
        .arg(&out)
        .arg(data("resolution.fr.txt"))
        .arg(data("resolution.en.txt"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(".tmx, .beads, .tsv, .json, .html"), "{err}");
    assert!(!out.exists());
}

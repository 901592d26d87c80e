//! `alinea segment` from the command line: output formats, the JSON golden, language
//! warnings, and one-line errors (exit 2) for every kind of bad input.

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn alinea() -> Command {
    let mut c = Command::cargo_bin("alinea").unwrap();
    c.current_dir(root());
    c
}

/// Run `segment` on a file holding `bytes`; return (exit code, stdout, stderr, path).
fn run_on(bytes: &[u8], name: &str) -> (i32, String, String, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = alinea().arg("segment").arg(&path).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        path,
    )
}

fn assert_one_line_error(code: i32, stdout: &str, stderr: &str, path: &str, words: &[&str]) {
    assert_eq!(code, 2, "stderr: {stderr}");
    assert!(stdout.is_empty(), "nothing on stdout: {stdout}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("alinea: error: "), "{stderr}");
    assert!(stderr.contains(path), "names the file: {stderr}");
    for w in words {
        assert!(stderr.contains(w), "mentions {w:?}: {stderr}");
    }
}

#[test]
fn missing_file() {
    let out = alinea()
        .args(["segment", "no/such/file.txt"])
        .output()
        .unwrap();
    assert_one_line_error(
        out.status.code().unwrap(),
        &String::from_utf8_lossy(&out.stdout),
        &String::from_utf8_lossy(&out.stderr),
        "no/such/file.txt",
        &[],
    );
}

#[test]
fn directory() {
    let dir = tempfile::tempdir().unwrap();
    let out = alinea().arg("segment").arg(dir.path()).output().unwrap();
    assert_one_line_error(
        out.status.code().unwrap(),
        &String::from_utf8_lossy(&out.stdout),
        &String::from_utf8_lossy(&out.stderr),
        &dir.path().display().to_string(),
        &["directory"],
    );
}

#[test]
fn empty_file() {
    let (code, out, err, path) = run_on(b"", "empty.txt");
    assert_one_line_error(code, &out, &err, &path.display().to_string(), &["empty"]);
}

#[test]
fn white_space_only() {
    let (code, out, err, path) = run_on(b" \n\n\t\n", "blank.txt");
    assert_one_line_error(code, &out, &err, &path.display().to_string(), &["no text"]);
}

#[test]
fn binary_data() {
    let (code, out, err, path) = run_on(b"abc\x00\x01\x02def", "data.bin");
    assert_one_line_error(
        code,
        &out,
        &err,
        &path.display().to_string(),
        &["binary", "byte offset 3"],
    );
}

#[test]
fn invalid_utf8() {
    let (code, out, err, path) = run_on(b"La s\xe9curit\xe9.\n", "latin1.txt");
    assert_one_line_error(
        code,
        &out,
        &err,
        &path.display().to_string(),
        &["not valid UTF-8", "byte offset 4"],
    );
}

#[test]
fn utf16_without_bom() {
    let bytes: Vec<u8> = "Texte é"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let (code, out, err, path) = run_on(&bytes, "u16.txt");
    assert_one_line_error(code, &out, &err, &path.display().to_string(), &["UTF-16"]);
}

#[test]
fn utf16_with_bom_is_read() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        "Le Conseil,\n\n1. *décide* de agir.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let (code, out, err, _) = run_on(&bytes, "u16.fr.txt");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("list-item\t1.\t"), "{out}");
    assert!(out.contains("1. *décide* de agir."), "{out}");
}

#[test]
fn a_bad_file_among_good_ones_prints_nothing() {
    let out = alinea()
        .args([
            "segment",
            "corpus/fr/ipu-132-cyber-warfare.txt",
            "missing.txt",
        ])
        .output()
        .unwrap();
    assert_one_line_error(
        out.status.code().unwrap(),
        &String::from_utf8_lossy(&out.stdout),
        &String::from_utf8_lossy(&out.stderr),
        "missing.txt",
        &[],
    );
}

#[test]
fn bad_option_values() {
    alinea()
        .args([
            "segment",
            "--lang",
            "french",
            "crates/alinea/tests/data/segment/small.fr.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown language code"));
    alinea()
        .args([
            "segment",
            "--unit",
            "word",
            "crates/alinea/tests/data/segment/small.fr.txt",
        ])
        .assert()
        .code(2);
}

#[test]
fn text_output_has_id_kind_label_span_text() {
    alinea()
        .args(["segment", "crates/alinea/tests/data/segment/small.fr.txt"])
        .assert()
        .success()
        .stdout(
            "0\tbody\t-\tcrates/alinea/tests/data/segment/small.fr.txt:1:1-1:20\tLa 146^e Assemblée,\n\
             1\tlist-item\t1.\tcrates/alinea/tests/data/segment/small.fr.txt:3:1-3:57\t1. *encourage* les parlements à agir. M. Dupont l’a dit.\n\
             2\tnote\t¹\tcrates/alinea/tests/data/segment/small.fr.txt:5:1-5:17\t¹ Voir A/70/123.\n",
        );
}

#[test]
fn sentence_units() {
    alinea()
        .args(["segment", "--unit", "sentence", "crates/alinea/tests/data/segment/small.fr.txt"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "1.0\tlist-item\t1.\tcrates/alinea/tests/data/segment/small.fr.txt:3:4-3:38\t*encourage* les parlements à agir.\n\
             1.1\tlist-item\t-\tcrates/alinea/tests/data/segment/small.fr.txt:3:39-3:57\tM. Dupont l’a dit.\n",
        ));
}

#[test]
fn json_matches_golden() {
    let out = alinea()
        .args([
            "segment",
            "--format",
            "json",
            "crates/alinea/tests/data/segment/small.fr.txt",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let got = String::from_utf8(out.stdout).unwrap();
    let golden = root().join("crates/alinea/tests/data/segment/small.fr.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &got).unwrap();
    }
    let want = std::fs::read_to_string(&golden).unwrap();
    assert_eq!(
        got, want,
        "regenerate with UPDATE_GOLDEN=1 and review the diff"
    );
    let v: serde_json::Value = serde_json::from_str(&got).unwrap();
    assert_eq!(v["lang"], "fr");
    assert_eq!(v["units"][1]["label"], "1.");
    assert_eq!(
        v["units"][1]["plain"],
        "encourage les parlements à agir. M. Dupont l’a dit."
    );
}

#[test]
fn language_from_path_and_warning_when_the_text_disagrees() {
    alinea()
        .args([
            "segment",
            "--format",
            "json",
            "crates/alinea/tests/data/segment/ar/sample.txt",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"lang\": \"ar\""))
        .stderr("");
    alinea()
        .args(["segment", "--lang", "en", "corpus/fr/ipu-132-cyber-warfare.txt"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning[lang/contradicted]: corpus/fr/ipu-132-cyber-warfare.txt: declared as en by --lang but the text looks like fr",
        ));
}

#[test]
fn lines_mode_gives_one_unit_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.en.txt");
    std::fs::write(&path, "a b.\nc d.\n\ne f.\n").unwrap();
    let out = alinea()
        .args(["segment", "--lines"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    let out = alinea().args(["segment"]).arg(&path).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
}

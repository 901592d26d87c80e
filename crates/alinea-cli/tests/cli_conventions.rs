//! Conventions users expect of a command-line tool: shell completions, a manual page, `--quiet`.

use assert_cmd::Command;
use predicates::prelude::*;

fn alinea() -> Command {
    Command::cargo_bin("alinea").unwrap()
}

#[test]
fn completions_for_each_shell_name_every_command() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = alinea().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        for command in ["segment", "align", "build", "lookup", "terms"] {
            assert!(text.contains(command), "{shell} completions lack {command}");
        }
    }
    alinea()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value"));
}

#[test]
fn manual_page_on_stdout_and_one_page_per_command() {
    alinea()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH alinea 1"))
        .stdout(predicate::str::contains("Align French, English and Arabic"));
    let dir = tempfile::tempdir().unwrap();
    alinea()
        .args(["man", "--quiet", "--dir"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr("");
    for page in [
        "alinea.1",
        "alinea-align.1",
        "alinea-terms-convert.1",
        "alinea-lookup.1",
    ] {
        let text = std::fs::read_to_string(dir.path().join(page)).unwrap();
        assert!(text.contains(".SH NAME"), "{page}");
    }
    let align = std::fs::read_to_string(dir.path().join("alinea-align.1")).unwrap();
    assert!(align.contains("alinea\\-align"), "{align}");
}

#[test]
fn quiet_silences_warnings_and_status_lines_but_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    // Declared French by its path, written in English: a lang/contradicted warning.
    let fr = dir.path().join("note.fr.txt");
    let en = dir.path().join("note.en.txt");
    let english = "The Assembly of the Union is concerned that the use of information and \
        communication technologies by criminals is growing, and calls on parliaments to act.\n";
    std::fs::write(&fr, english).unwrap();
    std::fs::write(&en, english).unwrap();
    let loud = alinea().arg("align").arg(&fr).arg(&en).output().unwrap();
    assert!(loud.status.success());
    let stderr = String::from_utf8(loud.stderr).unwrap();
    assert!(stderr.contains("warning[lang/contradicted]"), "{stderr}");
    assert!(stderr.contains("alinea: "), "{stderr}");
    alinea()
        .args(["align", "--quiet"])
        .arg(&fr)
        .arg(&en)
        .assert()
        .success()
        .stderr("");
    alinea()
        .args(["-q", "segment"])
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt"));
}

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

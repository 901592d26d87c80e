//! What the command-line tests share: the binary run from the workspace root, and the check
//! that bad input gives one error line naming the file, exit code 2 and no crash.
// Each test file uses the part it needs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The workspace root, where `corpus/` and `glossary/` are.
pub fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The `alinea` binary, run from the workspace root.
pub fn alinea() -> Command {
    let mut c = Command::cargo_bin("alinea").unwrap();
    c.current_dir(root());
    c
}

/// Run `command`; return (exit code, stdout, stderr).
pub fn outcome(command: &mut Command) -> (i32, String, String) {
    let out = command.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Exit code 2, nothing on stdout, one `alinea: error:` line naming `path` and each of
/// `words`, and no panic.
pub fn assert_one_line_error(got: (i32, String, String), path: &Path, words: &[&str]) {
    let (code, stdout, stderr) = got;
    assert_eq!(code, 2, "stderr: {stderr}");
    assert!(stdout.is_empty(), "nothing on stdout: {stdout}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("alinea: error: "), "{stderr}");
    assert!(
        stderr.contains(&path.display().to_string()),
        "names the file: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    for w in words {
        assert!(stderr.contains(w), "mentions {w:?}: {stderr}");
    }
}

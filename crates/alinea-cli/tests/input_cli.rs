//! Input from the command line: standard input (`-`), and one-line errors (exit 2, no crash)
//! for binary files, folders, empty files and XML nested too deep.

use std::path::Path;

mod common;

use common::{alinea, assert_one_line_error, outcome, root};

/// Run `alinea args… path`; return (exit code, stdout, stderr).
fn run(args: &[&str], path: &Path) -> (i32, String, String) {
    outcome(alinea().args(args).arg(path))
}

#[test]
fn segment_reads_standard_input() {
    let text = "Le Conseil,\n\n1. *décide* de agir.\n";
    alinea()
        .args(["segment", "--lang", "fr", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(
            "0\tbody\t-\t<stdin>:1:1-1:12\tLe Conseil,\n\
             1\tlist-item\t1.\t<stdin>:3:1-3:21\t1. *décide* de agir.\n",
        );
    // Without --lang the language is detected.
    let out = alinea()
        .args(["segment", "--format", "json", "-"])
        .write_stdin(
            "The Assembly,\n\nDecides that the report of the Committee shall be \
             considered at the next session of the Assembly.\n",
        )
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["lang"], "en");
    assert_eq!(v["path"], "<stdin>");
    // The same refusals as a file, named `<stdin>`.
    let out = alinea()
        .args(["segment", "-"])
        .write_stdin(&b"abc\x00\x01def"[..])
        .output()
        .unwrap();
    assert_one_line_error(
        (
            out.status.code().unwrap(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        ),
        Path::new("<stdin>"),
        &["binary", "byte offset 3"],
    );
}

#[test]
fn a_binary_file_is_called_binary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("image.png");
    std::fs::write(
        &path,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x02",
    )
    .unwrap();
    let got = run(&["segment"], &path);
    assert!(!got.2.contains("UTF-16"), "{}", got.2);
    assert_one_line_error(got, &path, &["holds binary data", "byte offset 0"]);
    let tbx = dir.path().join("data.tbx");
    std::fs::write(&tbx, b"<tbx>\x00\x00\x00\x01</tbx>").unwrap();
    assert_one_line_error(
        run(&["terms", "check"], &tbx),
        &tbx,
        &["binary", "byte offset 5"],
    );
}

#[test]
fn folders_and_empty_files() {
    let dir = tempfile::tempdir().unwrap();
    assert_one_line_error(run(&["segment"], dir.path()), dir.path(), &["directory"]);
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    assert_one_line_error(run(&["segment"], &empty), &empty, &["is empty"]);
    let empty_tbx = dir.path().join("empty.tbx");
    std::fs::write(&empty_tbx, b"").unwrap();
    assert_one_line_error(
        run(&["terms", "check"], &empty_tbx),
        &empty_tbx,
        &["is empty"],
    );
}

fn nested(depth: usize) -> String {
    format!("{}{}", "<x>".repeat(depth), "</x>".repeat(depth))
}

#[test]
fn xml_nested_too_deep_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let tbx = dir.path().join("deep.tbx");
    std::fs::write(
        &tbx,
        format!(
            "<?xml version=\"1.0\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\">\n\
             <text><body>\n{}\n</body></text></tbx>\n",
            nested(2000)
        ),
    )
    .unwrap();
    assert_one_line_error(
        run(&["terms", "check"], &tbx),
        &tbx,
        &[":4:", "nested more than 1000"],
    );
    let tmx = dir.path().join("deep.tmx");
    std::fs::write(
        &tmx,
        format!(
            "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/><body>\n\
             <tu><tuv xml:lang=\"fr\"><seg>{}</seg></tuv></tu>\n</body></tmx>\n",
            nested(2000)
        ),
    )
    .unwrap();
    let out = alinea()
        .args([
            "lookup",
            "conseil",
            "--termbase",
            "glossary/concepts.toml",
            "--tm",
        ])
        .arg(&tmx)
        .output()
        .unwrap();
    assert_one_line_error(
        (
            out.status.code().unwrap(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        ),
        &tmx,
        &[":3:", "nested more than 1000"],
    );
}

#[test]
fn termbases_read_from_standard_input_by_their_content() {
    let glossary = std::fs::read(root().join("glossary/alinea.tbx")).unwrap();
    let out = alinea()
        .args(["lookup", "--termbase", "-", "--format", "json", "TIC"])
        .write_stdin(glossary.clone())
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["hits"][0]["class"], "exact");
    let out = alinea()
        .args(["terms", "check", "-"])
        .write_stdin("fr;en\nTIC;ICT\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 concepts"));
    let out = alinea()
        .args(["terms", "check", "-"])
        .write_stdin("no format here\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("<stdin>") && stderr.contains("format"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// A named pipe nobody writes to: alinea says it is waiting (it does not hang in silence),
/// and reads the text once a writer comes.
#[cfg(unix)]
#[test]
fn a_named_pipe_without_a_writer_is_announced() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.fr.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo not available: skipped");
        return;
    }
    let out = alinea()
        .args(["segment"])
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(3))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("is a named pipe no program writes to yet: waiting for one"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
    // With a writer, the text is read as from any file.
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(&fifo, "Le texte du tube.\n").unwrap())
    };
    let out = alinea().args(["segment"]).arg(&fifo).output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Le texte du tube."));
}

/// `/dev/zero` never ends: refused as binary at its first bytes, not read up to the limit.
#[cfg(unix)]
#[test]
fn an_endless_device_is_refused_at_once() {
    let (code, stdout, stderr) = run(&["segment"], Path::new("/dev/zero"));
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains(
            "holds binary data (control character U+0000 at line 1, column 1, byte offset 0)"
        ),
        "{stderr}"
    );
}

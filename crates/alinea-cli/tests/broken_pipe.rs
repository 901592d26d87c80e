//! A reader that stops early (`alinea … | head`) ends the run quietly, not with an error.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

#[test]
fn a_closed_output_pipe_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_alinea"))
        // (--quiet: the note naming the default termbase is not what is checked here.)
        .args(["--quiet", "lookup", "--batch", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("alinea runs");
    // Far more output than a pipe holds.
    let queries = "cybercriminalité\nTIC\nالجريمة السيبرانية\n".repeat(2000);
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(queries.as_bytes());
    });
    let mut stdout = child.stdout.take().expect("stdout");
    let mut head = [0u8; 16];
    stdout.read_exact(&mut head).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("alinea ends");
    let _ = writer.join();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

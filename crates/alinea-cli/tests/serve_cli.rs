//! `alinea serve` as a process: the URL it prints, a kill -9 during a stream of edits (no
//! acknowledged edit lost, the database readable), a clean stop on SIGTERM, and the one-line
//! errors for a locked or corrupt database.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::{assert_one_line_error, outcome, root};

const TOKEN: &str = "token-of-ann-editor-0001";

fn tokens(dir: &Path) -> std::path::PathBuf {
    let p = dir.join("tokens");
    std::fs::write(&p, format!("{TOKEN} ann admin\n")).unwrap();
    p
}

/// Starts the server on a free port; returns it with its address (`127.0.0.1:PORT`).
fn start(dir: &Path) -> (Child, String) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("alinea"))
        .current_dir(root())
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(dir.join("t.db"))
        .arg("--tokens")
        .arg(tokens(dir))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.as_mut().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("serving http://")
        .and_then(|a| a.strip_suffix('/'))
        .unwrap_or_else(|| panic!("the URL on the first line: {line:?}"))
        .to_string();
    (child, addr)
}

/// One HTTP/1.1 request; (status, body), or None if the server did not answer.
fn request(addr: &str, method: &str, path: &str, body: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(addr).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(20))).ok()?;
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {TOKEN}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    let status = out.get(9..12)?.parse().ok()?;
    let body = out.split_once("\r\n\r\n").map(|x| x.1.to_string())?;
    Some((status, body))
}

fn concept(i: usize) -> String {
    format!(r#"{{"id": "kill-{i}", "terms": [{{"lang": "en", "text": "kill term {i}"}}]}}"#)
}

#[test]
fn prints_its_url_and_answers() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, addr) = start(dir.path());
    let (status, body) = request(&addr, "GET", "/api/lookup?q=TIC", "").unwrap();
    assert_eq!(status, 200);
    assert!(body.contains("\"ict\""), "{body}");
    // The same answer as `alinea lookup --format json` over the same termbase, for a few
    // queries of different classes.
    for (q, path) in [
        ("TIC", "TIC"),
        ("cybersecurite", "cybersecurite"),
        ("cybersecurty", "cybersecurty"),
        ("cyber", "cyber"),
    ] {
        let (_, served) = request(&addr, "GET", &format!("/api/lookup?q={path}"), "").unwrap();
        let (code, printed, _) = outcome(common::alinea().args(["lookup", "--format", "json", q]));
        assert_eq!(code, 0, "{q}");
        let served: serde_json::Value = serde_json::from_str(&served).unwrap();
        let printed: serde_json::Value = serde_json::from_str(&printed).unwrap();
        assert_eq!(served, printed, "{q}");
    }
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn a_kill_during_edits_loses_no_acknowledged_edit() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, addr) = start(dir.path());
    let acknowledged = Arc::new(AtomicUsize::new(0));
    let writer = {
        let (addr, acknowledged) = (addr.clone(), Arc::clone(&acknowledged));
        std::thread::spawn(move || {
            let mut done = Vec::new();
            for i in 0..2000 {
                match request(&addr, "POST", "/api/concepts", &concept(i)) {
                    Some((201, _)) => {
                        done.push(i);
                        acknowledged.store(done.len(), Ordering::SeqCst);
                    }
                    Some((status, body)) => panic!("edit {i}: {status} {body}"),
                    None => break,
                }
            }
            done
        })
    };
    while acknowledged.load(Ordering::SeqCst) < 25 {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let done = writer.join().unwrap();
    assert!(
        done.len() >= 25 && done.len() < 2000,
        "{} edits",
        done.len()
    );
    // The database opens again and holds every acknowledged edit.
    let (mut child, addr) = start(dir.path());
    for i in &done {
        let (status, body) = request(&addr, "GET", &format!("/api/concepts/kill-{i}"), "").unwrap();
        assert_eq!(status, 200, "kill-{i}: {body}");
    }
    let (status, body) = request(&addr, "GET", "/api/health", "").unwrap();
    assert_eq!(status, 200, "{body}");
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn sigterm_stops_cleanly_and_closes_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, addr) = start(dir.path());
    assert_eq!(
        request(&addr, "POST", "/api/concepts", &concept(1))
            .unwrap()
            .0,
        201
    );
    let pid = child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(err.contains("stopped; the database is closed"), "{err}");
    // Closed cleanly: no write-ahead log left beside the database.
    assert!(!dir.path().join("t.db-wal").exists());
    let (mut child, addr) = start(dir.path());
    assert_eq!(
        request(&addr, "GET", "/api/concepts/kill-1", "").unwrap().0,
        200
    );
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn a_locked_or_corrupt_database_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let (mut child, _) = start(dir.path());
    let serve = |db: &Path| {
        let mut c = common::alinea();
        c.args(["serve", "--addr", "127.0.0.1:0", "--db"])
            .arg(db)
            .arg("--tokens")
            .arg(dir.path().join("tokens"));
        outcome(&mut c)
    };
    assert_one_line_error(serve(&db), &db, &["locked"]);
    child.kill().unwrap();
    child.wait().unwrap();
    let bad = dir.path().join("bad.db");
    std::fs::write(
        &bad,
        "not a database at all, but some text long enough to be read",
    )
    .unwrap();
    assert_one_line_error(serve(&bad), &bad, &["not an SQLite database"]);
}

//! The input layer: every file alinea reads comes in here, so that every reader decodes,
//! limits and refuses input the same way, and names places in it the same way.
//!
//! - `decode`: bytes → UTF-8 text (UTF-8 with or without BOM, UTF-16 with BOM), whole or
//!   streamed; binary data, other encodings and bad sequences refused with a byte offset.
//! - [`lines`]: byte offset → 1-based line and column (in characters).
//! - [`xml`]: the one safe XML reader setup (no entity declarations, no unknown entities, a
//!   depth limit, errors at line:column) for the TMX and TBX readers.
//! - this module: opening a path (`-` is standard input, named `<stdin>`), refusing folders,
//!   empty files and input over [`MAX_BYTES`].
//!
//! A named pipe (FIFO) is opened as any file: opening waits until a program opens it for
//! writing. When that takes longer than [`WAIT_NOTICE`], the function set with [`on_wait`]
//! is called once (the CLI says it is waiting), so that a pipe nobody writes to does not
//! hang in silence.
//!
//! Invariants: nothing past [`MAX_BYTES`] + 1 bytes is ever read from one input (a FIFO or a
//! device such as `/dev/zero` is cut there); decoding failures are [`Error::Decode`], an
//! empty, oversized or folder input [`Error::Input`], I/O failures [`Error::Read`].

pub mod decode;
pub mod lines;
pub mod xml;

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

pub use decode::{Failure, Utf8Reader};
pub use lines::LineIndex;

use crate::{Error, Result};

/// The most bytes one input may hold: 1 GiB.
pub const MAX_BYTES: u64 = 1 << 30;

/// How long opening a named pipe may wait for a writer before [`on_wait`]'s function is told.
pub const WAIT_NOTICE: std::time::Duration = std::time::Duration::from_secs(1);

static ON_WAIT: std::sync::OnceLock<fn(&Path)> = std::sync::OnceLock::new();

/// Sets what to do when opening a named pipe has waited [`WAIT_NOTICE`] for a writer (called
/// with the path; the opening goes on waiting after it). Set once per process; later calls
/// are ignored.
pub fn on_wait(f: fn(&Path)) {
    let _ = ON_WAIT.set(f);
}

/// Opens the file at `path` for reading. A named pipe is opened on another thread, so that
/// the [`on_wait`] function can be told when no writer has come after [`WAIT_NOTICE`].
fn open_file(path: &Path, meta: &std::fs::Metadata) -> std::io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if meta.file_type().is_fifo() {
            let (tx, rx) = std::sync::mpsc::channel();
            let owned = path.to_path_buf();
            std::thread::spawn(move || {
                let _ = tx.send(File::open(&owned));
            });
            let gone = || std::io::Error::other("the named pipe could not be opened");
            return match rx.recv_timeout(WAIT_NOTICE) {
                Ok(opened) => opened,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    if let Some(f) = ON_WAIT.get() {
                        f(path);
                    }
                    rx.recv().unwrap_or_else(|_| Err(gone()))
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Err(gone()),
            };
        }
    }
    let _ = meta;
    File::open(path)
}

/// The path that means standard input.
pub const STDIN: &str = "-";

/// How standard input is named in messages and documents.
pub const STDIN_NAME: &str = "<stdin>";

/// A decoded text and the name it goes by (the path, or `<stdin>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub path: PathBuf,
    pub text: String,
}

/// Whether `path` means standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN
}

/// The name `path` goes by in messages: `<stdin>` for `-`, else the path itself.
pub fn name(path: &Path) -> PathBuf {
    if is_stdin(path) {
        PathBuf::from(STDIN_NAME)
    } else {
        path.to_path_buf()
    }
}

/// The error for a decoding [`Failure`] of the input named `path`.
pub fn failure(path: &Path, f: Failure) -> Error {
    let path = path.to_path_buf();
    match f {
        Failure::Bad(message) => Error::Decode { path, message },
        other => Error::Input {
            path,
            message: other.to_string(),
        },
    }
}

/// The error for an I/O error met while reading the input named `path` through a
/// [`Utf8Reader`]: its refusals become what [`failure`] makes of them, the rest
/// [`Error::Read`].
pub fn io_error(path: &Path, e: &std::io::Error) -> Error {
    match e.get_ref().and_then(|r| r.downcast_ref::<Failure>()) {
        Some(f) => failure(path, f.clone()),
        None => Error::read(path, std::io::Error::new(e.kind(), e.to_string())),
    }
}

/// Opens `path` (`-`: standard input) for reading its raw bytes, at most [`MAX_BYTES`] + 1 of
/// them; folders and files known to be larger than the limit are refused here.
fn open_raw(path: &Path) -> Result<Box<dyn Read>> {
    if is_stdin(path) {
        return Ok(Box::new(std::io::stdin().take(MAX_BYTES + 1)));
    }
    let meta = std::fs::metadata(path).map_err(|e| Error::read(path, e))?;
    if meta.is_dir() {
        return Err(Error::Input {
            path: path.to_path_buf(),
            message: "is a directory, not a file".into(),
        });
    }
    if meta.is_file() && meta.len() > MAX_BYTES {
        return Err(failure(path, Failure::TooLarge(MAX_BYTES)));
    }
    let file = open_file(path, &meta).map_err(|e| Error::read(path, e))?;
    Ok(Box::new(file.take(MAX_BYTES + 1)))
}

/// Reads and decodes a whole text file (`-`: standard input). The bytes are decoded as they
/// come, so binary input is refused at its first chunk, not after the limit.
pub fn read_text(path: &Path) -> Result<Text> {
    let (name, mut r) = open(path)?;
    let mut bytes = Vec::new();
    r.read_to_end(&mut bytes).map_err(|e| io_error(&name, &e))?;
    let text = String::from_utf8(bytes).expect("the decoder writes UTF-8");
    Ok(Text { path: name, text })
}

/// An input whose first bytes have been read, for a reader that tells a format by its content
/// before deciding how to read the rest ([`crate::doc::formats`]).
pub struct Peeked {
    /// The name the input goes by (the path, or `<stdin>`).
    pub path: PathBuf,
    /// The first bytes (fewer when the input is shorter).
    pub head: Vec<u8>,
    rest: Box<dyn Read>,
}

/// Opens `path` (`-`: standard input) and reads up to `n` of its first bytes. Folders and
/// files known to be larger than [`MAX_BYTES`] are refused here.
pub fn peek(path: &Path, n: usize) -> Result<Peeked> {
    let name = name(path);
    let mut raw = open_raw(path)?;
    let mut head = Vec::new();
    (&mut raw)
        .take(n as u64)
        .read_to_end(&mut head)
        .map_err(|e| Error::read(&name, e))?;
    Ok(Peeked {
        path: name,
        head,
        rest: raw,
    })
}

impl Peeked {
    /// The whole input decoded as text, streamed as [`read_text`] does (binary input is
    /// refused at its first chunk, never read to the limit).
    pub fn text(self) -> Result<Text> {
        let raw = std::io::Cursor::new(self.head).chain(self.rest);
        let mut r = BufReader::new(Utf8Reader::new(raw, MAX_BYTES));
        let mut bytes = Vec::new();
        r.read_to_end(&mut bytes)
            .map_err(|e| io_error(&self.path, &e))?;
        let text = String::from_utf8(bytes).expect("the decoder writes UTF-8");
        Ok(Text {
            path: self.path,
            text,
        })
    }

    /// The whole input as raw bytes (at most [`MAX_BYTES`]), for the readers of binary
    /// formats (zip archives, PDF) that decode their parts themselves. Empty input and input
    /// past the limit are refused as by [`read_text`].
    pub fn bytes(self) -> Result<Vec<u8>> {
        let Peeked {
            path,
            mut head,
            rest,
        } = self;
        rest.take(MAX_BYTES + 1 - (head.len() as u64).min(MAX_BYTES))
            .read_to_end(&mut head)
            .map_err(|e| Error::read(&path, e))?;
        if head.is_empty() {
            return Err(failure(&path, Failure::Empty));
        }
        if head.len() as u64 > MAX_BYTES {
            return Err(failure(&path, Failure::TooLarge(MAX_BYTES)));
        }
        Ok(head)
    }
}

/// Decodes bytes already in memory (named `path` in messages) to text.
pub fn decode_bytes(bytes: &[u8], path: &Path) -> Result<String> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(failure(path, Failure::TooLarge(MAX_BYTES)));
    }
    decode::decode(bytes).map_err(|f| failure(path, f))
}

/// Opens a file (`-`: standard input) as a stream of decoded UTF-8 bytes, for the streaming
/// readers; returns the name it goes by too. Refusals while reading come as I/O errors that
/// [`io_error`] turns into the right [`Error`].
pub fn open(path: &Path) -> Result<(PathBuf, impl BufRead)> {
    let raw = open_raw(path)?;
    Ok((name(path), BufReader::new(Utf8Reader::new(raw, MAX_BYTES))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_empty_files_and_missing_files() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_text(dir.path()).unwrap_err();
        assert!(matches!(e, Error::Input { .. }), "{e}");
        assert!(e.to_string().contains("is a directory"), "{e}");
        let empty = dir.path().join("e.txt");
        std::fs::write(&empty, b"").unwrap();
        let e = read_text(&empty).unwrap_err();
        assert_eq!(e.to_string(), format!("{}: is empty", empty.display()));
        let e = read_text(&dir.path().join("missing.txt")).unwrap_err();
        assert!(matches!(e, Error::Read { .. }), "{e}");
        let bin = dir.path().join("b.bin");
        std::fs::write(&bin, b"abc\x00\x01").unwrap();
        let e = read_text(&bin).unwrap_err();
        assert!(matches!(e, Error::Decode { .. }), "{e}");
        assert!(e.to_string().contains("binary data"), "{e}");
    }

    #[test]
    fn reads_and_streams_the_same_text() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.txt");
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend("Texte é\nنص\n".encode_utf16().flat_map(u16::to_be_bytes));
        std::fs::write(&p, &bytes).unwrap();
        assert_eq!(read_text(&p).unwrap().text, "Texte é\nنص\n");
        let (name, mut r) = open(&p).unwrap();
        assert_eq!(name, p);
        let mut s = String::new();
        r.read_to_string(&mut s).unwrap();
        assert_eq!(s, "Texte é\nنص\n");
        assert_eq!(name_of("-"), "<stdin>");
    }

    fn name_of(p: &str) -> String {
        name(Path::new(p)).display().to_string()
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_read_no_further_than_the_limit() {
        // /dev/zero never ends: the reader stops at the first NUL, long before the limit.
        let e = read_text(Path::new("/dev/zero")).unwrap_err();
        assert!(e.to_string().contains("binary data"), "{e}");
        assert!(matches!(e, Error::Decode { .. }), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_read_once_a_writer_comes() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo not available: skipped");
            return;
        }
        let writer = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::write(&fifo, "Texte lu.\n").unwrap())
        };
        assert_eq!(read_text(&fifo).unwrap().text, "Texte lu.\n");
        writer.join().unwrap();
    }
}

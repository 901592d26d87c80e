//! The library's error type: every failure says what failed (reading, decoding, parsing,
//! writing, a usage) and names the file and, where it applies, the place in it.
//!
//! Things that are suspicious but not failures are [`crate::diag::Diagnostic`]s, not errors.

use std::path::PathBuf;

/// Everything the library can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be opened or read (missing, a directory, no permission …).
    #[error("{path}: {cause}")]
    Read {
        path: PathBuf,
        cause: std::io::Error,
    },
    /// An output file could not be written (no permission, disk full …).
    #[error("{path}: cannot write: {cause}")]
    Write {
        path: PathBuf,
        cause: std::io::Error,
    },
    /// The bytes are not text alinea can decode.
    #[error("{path}: {message}")]
    Decode { path: PathBuf, message: String },
    /// The text does not parse as its format, at a known place.
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// The file as a whole is not acceptable input (empty, wrong structure, not the declared
    /// language …).
    #[error("{path}: {message}")]
    Input { path: PathBuf, message: String },
    /// An output could not be made from the data (a value its format cannot hold).
    #[error("{0}")]
    Encode(String),
    /// A bad option or argument value.
    #[error("{0}")]
    Usage(String),
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An [`Error::Read`] for `path`.
    pub fn read(path: impl Into<PathBuf>, cause: std::io::Error) -> Self {
        Error::Read {
            path: path.into(),
            cause,
        }
    }

    /// An [`Error::Parse`] at byte `offset` of `text`, the text of `path` (line and column
    /// counted by [`crate::input::lines::position`]).
    pub fn parse_at(path: &std::path::Path, text: &str, offset: usize, message: String) -> Self {
        let (line, column) = crate::input::lines::position(text, offset);
        Error::Parse {
            path: path.into(),
            line,
            column,
            message,
        }
    }

    /// An [`Error::Write`] for `path`.
    pub fn write(path: impl Into<PathBuf>, cause: std::io::Error) -> Self {
        Error::Write {
            path: path.into(),
            cause,
        }
    }
}

//! The library's error type: every failure names the file and, where it applies, the place in it.

use std::path::PathBuf;

/// Everything the library can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be opened or read (missing, a directory, no permission …).
    #[error("{path}: {cause}")]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    /// The bytes are not text alinea can decode.
    #[error("{path}: {message}")]
    Decode { path: PathBuf, message: String },
    /// The file is text but its content is not acceptable (empty, wrong structure …).
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// The file as a whole is not acceptable input (empty, not the declared language …).
    #[error("{path}: {message}")]
    Input { path: PathBuf, message: String },
    /// A bad option or argument value.
    #[error("{0}")]
    Usage(String),
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An [`Error::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            cause: source,
        }
    }
}

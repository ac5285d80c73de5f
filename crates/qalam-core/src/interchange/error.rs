//! Errors that stop an import or export as a whole (as opposed to per-span problems, which go in
//! the [`Report`](super::Report) and let the rest proceed).

use std::path::PathBuf;

/// Why an import or export could not go on.
#[derive(Debug, thiserror::Error)]
pub enum InterchangeError {
    /// A file or folder could not be read or written.
    #[error("{path}: {error}", path = .path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        #[source]
        error: std::io::Error,
    },
    /// The input is not in the format at all (not JSON, a missing required field, a line that
    /// is not `token TAG`…). `line` is 1-based; 0 when the problem is not on one line.
    #[error("{path}:{line}: {message}", path = .path.display())]
    Malformed {
        /// The file.
        path: PathBuf,
        /// 1-based line, or 0.
        line: usize,
        /// What is wrong, as a sentence fragment starting in lower case.
        message: String,
    },
    /// The options do not fit the format or the data (e.g. split ratios that do not add up).
    #[error("{0}")]
    Options(String),
    /// The export was cancelled by the caller; nothing was written.
    #[error("cancelled")]
    Cancelled,
}

impl InterchangeError {
    /// An [`InterchangeError::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, error: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            error,
        }
    }

    /// An [`InterchangeError::Malformed`] for `path` at 1-based `line`.
    pub fn malformed(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        Self::Malformed {
            path: path.into(),
            line,
            message: message.into(),
        }
    }
}

//! Error types of the io layer: positioned diagnostics for invalid files, and the load and save
//! errors whose messages name the file.

use std::fmt;
use std::path::PathBuf;

/// One problem found in a file, at a 1-based line and column (columns count Unicode code
/// points). Displays as `path:line:column: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the problem is in.
    pub file: PathBuf,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in code points.
    pub column: usize,
    /// What is wrong, as a sentence fragment starting in lower case.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

/// Every problem found while reading a `.qalam.json` file, in file order. Never empty when
/// returned as an error. Displays one diagnostic per line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ValidationErrors(pub Vec<Diagnostic>);

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, diagnostic) in self.0.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

/// Why [`load_path`](super::load_path) failed.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read (missing, unreadable, a directory…).
    #[error("could not read {path}: {error}", path = .0.display(), error = .1)]
    Io(PathBuf, #[source] std::io::Error),
    /// The file is not valid UTF-8; the position is of the first invalid byte.
    #[error(
        "{} is not UTF-8 text: invalid byte 0x{byte:02x} at line {line}, column {column} (byte offset {byte_offset})",
        file.display()
    )]
    InvalidUtf8 {
        /// The file.
        file: PathBuf,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// 1-based column (in code points) of the first invalid byte on its line.
        column: usize,
        /// The first invalid byte.
        byte: u8,
        /// 0-based byte offset of the first invalid byte from the start of the file.
        byte_offset: usize,
    },
    /// The file is a `.qalam.json` file with problems; every problem is listed.
    #[error(
        "{path} is not a valid Qalam file ({count} problem{plural}):\n{problems}",
        path = .0.display(),
        count = .1.0.len(),
        plural = if .1.0.len() == 1 { "" } else { "s" },
        problems = .1
    )]
    Invalid(PathBuf, ValidationErrors),
}

/// Why [`save_path`](super::save_path) failed. The file on disk is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing, syncing or renaming failed.
    #[error("could not save {path}: {error}", path = .0.display(), error = .1)]
    Io(PathBuf, #[source] std::io::Error),
    /// The file on disk is not the one that was loaded or last saved (another program changed
    /// or removed it); pass `force` to overwrite it anyway.
    #[error(
        "{} was changed or removed by another program since it was opened; not overwriting it",
        .0.display()
    )]
    ChangedOnDisk(PathBuf),
}

//! The user's own gazetteer list: a text file of `name<TAB>label` lines, or a CSV of
//! `name,label` lines.
//!
//! Each line is split at its **last** tab, or when it has none at its last comma (a label has
//! neither, a name may have commas). A line may quote the name CSV-style (`"Smith, John",PERSON`,
//! `""` for a quote inside). Blank lines and lines starting with `#` are skipped, and so is a
//! first line `name,label` / `name<TAB>label` (a header, any case). A UTF-8 BOM is ignored.
//!
//! ```
//! use qalam_core::suggest::user_list::parse_user_list;
//!
//! let list = parse_user_list("list.csv", "name,label\nبوتين,PERSON\n\"روسيا، الاتحاد\",COUNTRY\n").unwrap();
//! assert_eq!(list, [("بوتين".to_owned(), "PERSON".to_owned()), ("روسيا، الاتحاد".to_owned(), "COUNTRY".to_owned())]);
//! ```

use std::path::{Path, PathBuf};

use thiserror::Error;

/// Why a user list could not be read.
#[derive(Debug, Error)]
pub enum UserListError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("{path}: not UTF-8 text")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
    },
    /// A line is not `name<TAB>label` or `name,label`.
    #[error("{path}:{line}: {message}")]
    Line {
        /// The file.
        path: PathBuf,
        /// The line number (from 1).
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Reads the list at `path`: `(name, label)` pairs in file order.
pub fn read_user_list(path: &Path) -> Result<Vec<(String, String)>, UserListError> {
    let bytes = std::fs::read(path).map_err(|source| UserListError::Io {
        path: path.to_owned(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| UserListError::NotUtf8 {
        path: path.to_owned(),
    })?;
    parse_user_list(path, &text)
}

/// Parses the text of a list; `path` is only named in errors.
pub fn parse_user_list(
    path: impl AsRef<Path>,
    text: &str,
) -> Result<Vec<(String, String)>, UserListError> {
    let path = path.as_ref();
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut entries = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let error = |message: &str| UserListError::Line {
            path: path.to_owned(),
            line: index + 1,
            message: message.to_owned(),
        };
        let (name, label) = split(line).ok_or_else(|| {
            error("expected `name<TAB>label` or `name,label` (no tab or comma on the line)")
        })?;
        if index == 0 && name.eq_ignore_ascii_case("name") && label.eq_ignore_ascii_case("label") {
            continue;
        }
        let name = unquote(name.trim()).ok_or_else(|| error("unbalanced quotes in the name"))?;
        let label = label.trim();
        if name.trim().is_empty() {
            return Err(error("the name is empty"));
        }
        if label.is_empty() {
            return Err(error("the label is empty"));
        }
        entries.push((name, label.to_owned()));
    }
    Ok(entries)
}

/// The line split at its last tab, else its last comma.
fn split(line: &str) -> Option<(&str, &str)> {
    line.rsplit_once('\t').or_else(|| line.rsplit_once(','))
}

/// A CSV-quoted field without its quotes (`""` inside is one quote); an unquoted field as is.
fn unquote(field: &str) -> Option<String> {
    match field.strip_prefix('"') {
        None => Some(field.to_owned()),
        Some(rest) => {
            let inner = rest.strip_suffix('"')?;
            let mut out = String::with_capacity(inner.len());
            let mut chars = inner.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '"' && chars.next() != Some('"') {
                    return None;
                }
                out.push(c);
            }
            Some(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_commas_comments_and_header() {
        let text = "\u{FEFF}name\tlabel\n# a comment\n\nبوتين\tPERSON\r\nبنك, المغرب,ORG\n";
        let list = parse_user_list("l.txt", text).unwrap();
        assert_eq!(
            list,
            [
                ("بوتين".to_owned(), "PERSON".to_owned()),
                ("بنك, المغرب".to_owned(), "ORG".to_owned()),
            ]
        );
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let err = parse_user_list("people.txt", "بوتين\tPERSON\nروسيا\n").unwrap_err();
        assert!(
            err.to_string().starts_with("people.txt:2: expected"),
            "{err}"
        );
        let err = parse_user_list("p.csv", "بوتين,\n").unwrap_err();
        assert_eq!(err.to_string(), "p.csv:1: the label is empty");
        let err = parse_user_list("p.csv", "\"a\"b\",X\n").unwrap_err();
        assert_eq!(err.to_string(), "p.csv:1: unbalanced quotes in the name");
    }

    #[test]
    fn a_missing_file_is_an_io_error_with_its_path() {
        let err = read_user_list(Path::new("/no/such/list.txt")).unwrap_err();
        assert!(err.to_string().starts_with("/no/such/list.txt: "), "{err}");
    }
}

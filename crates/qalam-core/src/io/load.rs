//! Loading a file from disk: `.qalam.json` (validated) or plain text (imported), decided by
//! extension and content.

use std::path::Path;

use super::qalam_json::read::from_json_str;
use super::qalam_json::schema::FORMAT_NAME;
use super::text_import::import_text;
use super::{DiskState, LoadError};
use crate::model::Annotation;

/// A loaded file and the state of the file on disk when it was read.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The annotation (fresh, without spans, for a text file).
    pub annotation: Annotation,
    /// The file as read, for [`save_path`](super::save_path) to detect outside changes.
    pub disk: DiskState,
}

/// Loads `path`: a name ending in `.json` is read as a Qalam file; any other file is imported as
/// plain text, unless its content is a JSON object with `"format": "qalam"`.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let io_error = |error| LoadError::Io(path.to_owned(), error);
    let bytes = std::fs::read(path).map_err(io_error)?;
    let modified = std::fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .ok();
    load_bytes(path, &bytes, modified)
}

/// [`load_path`] for bytes already read from `path` (modified at `modified`): what the
/// background [`LoadJob`](super::load_job::LoadJob) calls once it has read the file.
pub fn load_bytes(
    path: &Path,
    bytes: &[u8],
    modified: Option<std::time::SystemTime>,
) -> Result<Loaded, LoadError> {
    // The bytes are hashed (for the disk state) on a helper thread while they are parsed.
    std::thread::scope(|scope| {
        let hash = scope.spawn(|| DiskState::from_bytes(bytes, modified));
        let text = decode_utf8(path, bytes)?;
        let annotation = if has_json_extension(path) || looks_like_qalam_json(text) {
            from_json_str(text, path)
                .map_err(|errors| LoadError::Invalid(path.to_owned(), errors))?
        } else {
            import_text(path, text)
        };
        let disk = hash
            .join()
            .unwrap_or_else(|_| DiskState::from_bytes(bytes, modified));
        Ok(Loaded { annotation, disk })
    })
}

/// The bytes as UTF-8, or an error naming the line and byte offset of the first invalid byte.
pub fn decode_utf8<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    std::str::from_utf8(bytes).map_err(|error| {
        let byte_offset = error.valid_up_to();
        let valid = &bytes[..byte_offset];
        let line_start = valid
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |newline| newline + 1);
        let column = 1 + String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count();
        LoadError::InvalidUtf8 {
            file: path.to_owned(),
            line: 1 + valid.iter().filter(|&&b| b == b'\n').count(),
            column,
            byte: bytes[byte_offset],
            byte_offset,
        }
    })
}

fn has_json_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("json"))
}

/// A JSON object whose top level has `"format": "qalam"`. Only texts starting with `{` are
/// parsed, so ordinary text files cost nothing.
fn looks_like_qalam_json(text: &str) -> bool {
    let trimmed = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if !trimmed.starts_with('{') {
        return false;
    }
    #[derive(serde::Deserialize)]
    struct Probe {
        format: Option<serde_json::Value>,
    }
    serde_json::from_str::<Probe>(trimmed)
        .ok()
        .and_then(|probe| probe.format)
        .is_some_and(|format| format == FORMAT_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::to_json_string;
    use crate::model::Document;

    #[test]
    fn text_file_is_imported_with_disk_state() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("article.txt");
        std::fs::write(&path, "زار بوتين روسيا.").unwrap();
        let loaded = load_path(&path).unwrap();
        assert_eq!(loaded.annotation.document().text(), "زار بوتين روسيا.");
        assert_eq!(loaded.disk.len(), "زار بوتين روسيا.".len() as u64);
    }

    #[test]
    fn qalam_json_with_other_extension_is_recognised() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("saved.backup");
        let ann = Annotation::new(Document::new("d", "نص"));
        std::fs::write(&path, to_json_string(&ann)).unwrap();
        let loaded = load_path(&path).unwrap();
        assert_eq!(loaded.annotation.document().text(), "نص");
        assert_eq!(loaded.annotation.document().id, "d");
    }

    #[test]
    fn other_json_in_a_text_file_is_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data.txt");
        std::fs::write(&path, "{\"format\": \"other\"}").unwrap();
        let loaded = load_path(&path).unwrap();
        assert_eq!(
            loaded.annotation.document().text(),
            "{\"format\": \"other\"}"
        );
    }

    #[test]
    fn invalid_utf8_names_line_and_byte_offset() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.txt");
        let mut bytes = "سطر\nab".as_bytes().to_vec();
        bytes.push(0xff);
        std::fs::write(&path, &bytes).unwrap();
        let error = load_path(&path).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "{} is not UTF-8 text: invalid byte 0xff at line 2, column 3 (byte offset 9)",
                path.display()
            )
        );
    }

    #[test]
    fn missing_file_names_the_file() {
        let error = load_path(Path::new("/no/such/file.qalam.json")).unwrap_err();
        assert!(matches!(error, LoadError::Io(..)));
        assert!(
            error
                .to_string()
                .starts_with("could not read /no/such/file.qalam.json: ")
        );
    }
}

//! What opening a path really opens: a text file whose annotation file (`NAME.qalam.json`)
//! exists beside it opens that annotation file, so reopening an article never shows a blank
//! document over saved work (and a later save never offers to overwrite it).

use std::path::{Path, PathBuf};

use super::file_names::{annotation_path_for, is_annotation_file};

/// The file to load for a path the user asked to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenTarget {
    /// The file to load.
    pub path: PathBuf,
    /// The text file that was asked for, when its saved annotation file is opened instead.
    pub instead_of: Option<PathBuf>,
}

/// Resolves `requested`: an annotation file or a text file without a saved annotation opens as
/// itself; a text file with `NAME.qalam.json` beside it opens that file.
///
/// ```
/// use qalam_core::io::open_target::open_target;
///
/// let dir = tempfile::tempdir().unwrap();
/// let text = dir.path().join("summit.txt");
/// std::fs::write(&text, "قمة").unwrap();
/// assert_eq!(open_target(&text).path, text);
///
/// let saved = dir.path().join("summit.qalam.json");
/// std::fs::write(&saved, "{}").unwrap();
/// let target = open_target(&text);
/// assert_eq!(target.path, saved);
/// assert_eq!(target.instead_of, Some(text));
/// ```
pub fn open_target(requested: &Path) -> OpenTarget {
    if !is_annotation_file(requested) {
        let saved = annotation_path_for(requested);
        if saved != requested && saved.is_file() {
            return OpenTarget {
                path: saved,
                instead_of: Some(requested.to_owned()),
            };
        }
    }
    OpenTarget {
        path: requested.to_owned(),
        instead_of: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_annotation_file_opens_as_itself() {
        let dir = tempfile::tempdir().unwrap();
        let saved = dir.path().join("a.qalam.json");
        std::fs::write(&saved, "{}").unwrap();
        assert_eq!(open_target(&saved).path, saved);
        assert_eq!(open_target(&saved).instead_of, None);
    }

    #[test]
    fn a_folder_named_like_the_annotation_file_is_not_opened() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("b.txt");
        std::fs::create_dir(dir.path().join("b.qalam.json")).unwrap();
        assert_eq!(open_target(&text).path, text);
    }

    #[test]
    fn arabic_names_resolve_too() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("قمة.txt");
        let saved = dir.path().join("قمة.qalam.json");
        std::fs::write(&saved, "{}").unwrap();
        assert_eq!(open_target(&text).path, saved);
    }
}

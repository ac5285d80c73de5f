//! File-name rules: annotation files end in `.qalam.json`, a text file's annotation is saved
//! beside it as `NAME.qalam.json`, and how a path is shown in titles and lists.

use std::path::{Path, PathBuf};

/// Extension of annotation files.
pub const ANNOTATION_SUFFIX: &str = ".qalam.json";

/// Whether `path` names an annotation file (`*.qalam.json`).
pub fn is_annotation_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(ANNOTATION_SUFFIX))
}

/// Where the annotation of a document opened from `opened` is saved: the file itself for a
/// `.qalam.json`, else `<stem>.qalam.json` next to it (a `.txt` is never overwritten).
pub fn annotation_path_for(opened: &Path) -> PathBuf {
    if is_annotation_file(opened) {
        return opened.to_owned();
    }
    let stem = opened
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document".to_owned());
    opened.with_file_name(format!("{stem}{ANNOTATION_SUFFIX}"))
}

/// A path typed for "Save as": `.qalam.json` is appended unless already there.
pub fn with_annotation_suffix(path: &Path) -> PathBuf {
    if is_annotation_file(path) {
        path.to_owned()
    } else {
        let mut name = path.as_os_str().to_owned();
        name.push(ANNOTATION_SUFFIX);
        PathBuf::from(name)
    }
}

/// The file name of `path` for titles and lists.
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_file_saves_next_to_it_not_over_it() {
        assert_eq!(
            annotation_path_for(Path::new("/d/kim-lavrov.ar.txt")),
            Path::new("/d/kim-lavrov.ar.qalam.json")
        );
    }

    #[test]
    fn annotation_file_saves_over_itself() {
        assert_eq!(
            annotation_path_for(Path::new("/d/a.qalam.json")),
            Path::new("/d/a.qalam.json")
        );
    }

    #[test]
    fn save_as_appends_the_suffix_once() {
        assert_eq!(
            with_annotation_suffix(Path::new("/d/x")),
            Path::new("/d/x.qalam.json")
        );
        assert_eq!(
            with_annotation_suffix(Path::new("/d/x.qalam.json")),
            Path::new("/d/x.qalam.json")
        );
    }
}

//! File-name rules: annotation files end in `.qalam.json`, a text file's annotation is saved
//! beside it as `NAME.qalam.json`, label templates end in `.labels.json`, and how a path is
//! shown in titles and lists.

use std::path::{Path, PathBuf};

use super::label_template::TEMPLATE_SUFFIX;

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

/// Whether `path` names a label template (`*.labels.json`).
pub fn is_template_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(TEMPLATE_SUFFIX) && n.len() > TEMPLATE_SUFFIX.len())
}

/// A path given for a label template, saving or loading: `.labels.json` is appended unless
/// already there, replacing a plain `.json` (`news` and `news.json` both become
/// `news.labels.json`), so the same name always means the same file.
pub fn with_template_suffix(path: &Path) -> PathBuf {
    if is_template_file(path) {
        return path.to_owned();
    }
    let name = path.as_os_str().to_string_lossy();
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    PathBuf::from(format!("{stem}{TEMPLATE_SUFFIX}"))
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
    fn template_names_get_the_suffix_once() {
        for (given, expected) in [
            ("/d/news", "/d/news.labels.json"),
            ("/d/news.json", "/d/news.labels.json"),
            ("/d/news.labels.json", "/d/news.labels.json"),
            ("/d/أخبار.txt", "/d/أخبار.txt.labels.json"),
        ] {
            assert_eq!(with_template_suffix(Path::new(given)), Path::new(expected));
            assert!(is_template_file(&with_template_suffix(Path::new(given))));
        }
        assert!(!is_template_file(Path::new("/d/news.json")));
        assert!(!is_template_file(Path::new("/d/.labels.json")));
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

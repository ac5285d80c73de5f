//! File names and native file dialogs: where a document is saved, and picking files with rfd
//! (which returns `None` quickly when no portal is available; the app then shows its path field).

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

/// Shows the native "open" dialog. `None` when cancelled or when no dialog is available.
pub fn pick_file_to_open(start_folder: Option<&Path>) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new()
        .set_title("Open a document")
        .add_filter("Qalam annotations and text", &["json", "txt"])
        .add_filter("All files", &["*"]);
    if let Some(folder) = start_folder {
        dialog = dialog.set_directory(folder);
    }
    dialog.pick_file()
}

/// Shows the native "save" dialog. `None` when cancelled or when no dialog is available.
pub fn pick_file_to_save(start_folder: Option<&Path>, file_name: &str) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new()
        .set_title("Save annotation as")
        .set_file_name(file_name);
    if let Some(folder) = start_folder {
        dialog = dialog.set_directory(folder);
    }
    dialog.save_file().map(|p| with_annotation_suffix(&p))
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

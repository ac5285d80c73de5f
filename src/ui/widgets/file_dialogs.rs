//! Native file dialogs (rfd, which returns `None` quickly when no portal is available; the app
//! then shows its path field).

use std::path::{Path, PathBuf};

use qalam_core::io::file_names::with_annotation_suffix;

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

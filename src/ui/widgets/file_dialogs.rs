//! Native file dialogs (rfd, which returns `None` quickly when no portal is available; the app
//! then shows its path field).

use std::path::{Path, PathBuf};

use qalam_core::io::file_names::{with_annotation_suffix, with_template_suffix};

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

/// Shows the native "open" dialog for a label template. `None` when cancelled or when no
/// dialog is available. The file is returned as picked; loading refuses non-template names.
pub fn pick_template_to_open(start_folder: Option<&Path>) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new()
        .set_title("Load label template")
        .add_filter("Label templates (*.labels.json)", &["json"])
        .add_filter("All files", &["*"]);
    if let Some(folder) = start_folder {
        dialog = dialog.set_directory(folder);
    }
    dialog.pick_file()
}

/// Shows the native "save" dialog for a label template; the chosen path gets the
/// `.labels.json` suffix. `None` when cancelled or when no dialog is available.
pub fn pick_template_to_save(start_folder: Option<&Path>, file_name: &str) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new()
        .set_title("Save label template")
        .set_file_name(file_name);
    if let Some(folder) = start_folder {
        dialog = dialog.set_directory(folder);
    }
    dialog.save_file().map(|p| with_template_suffix(&p))
}

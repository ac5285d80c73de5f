//! Native file dialogs (rfd, which returns `None` quickly when no portal is available; the app
//! then shows its path field).

use std::path::{Path, PathBuf};

use qalam_core::io::file_names::{with_annotation_suffix, with_template_suffix};

/// A native dialog titled `title`, starting in `start_folder` when there is one.
fn dialog(title: &str, start_folder: Option<&Path>) -> rfd::FileDialog {
    let dialog = rfd::FileDialog::new().set_title(title);
    match start_folder {
        Some(folder) => dialog.set_directory(folder),
        None => dialog,
    }
}

/// Shows the native "open" dialog. `None` when cancelled or when no dialog is available.
pub fn pick_file_to_open(start_folder: Option<&Path>) -> Option<PathBuf> {
    dialog("Open a document", start_folder)
        .add_filter("Qalam annotations and text", &["json", "txt"])
        .add_filter("All files", &["*"])
        .pick_file()
}

/// Shows the native "open" dialog for the annotators' files to compare (one file: the others
/// beside it are found). `None` when cancelled or when no dialog is available.
pub fn pick_files_to_compare(start_folder: Option<&Path>) -> Option<Vec<PathBuf>> {
    dialog("Compare annotators' files of one text", start_folder)
        .add_filter("Qalam annotations", &["json"])
        .pick_files()
        .filter(|paths| !paths.is_empty())
}

/// Shows the native folder dialog to open a corpus. `None` when cancelled or when no dialog is
/// available.
pub fn pick_folder(start_folder: Option<&Path>) -> Option<PathBuf> {
    dialog("Open a folder as a corpus", start_folder).pick_folder()
}

/// Shows the native "save" dialog. `None` when cancelled or when no dialog is available.
pub fn pick_file_to_save(start_folder: Option<&Path>, file_name: &str) -> Option<PathBuf> {
    dialog("Save annotation as", start_folder)
        .set_file_name(file_name)
        .save_file()
        .map(|p| with_annotation_suffix(&p))
}

/// Shows the native "open" dialog for a label template. `None` when cancelled or when no
/// dialog is available. The file is returned as picked; loading refuses non-template names.
pub fn pick_template_to_open(start_folder: Option<&Path>) -> Option<PathBuf> {
    dialog("Load label template", start_folder)
        .add_filter("Label templates (*.labels.json)", &["json"])
        .add_filter("All files", &["*"])
        .pick_file()
}

/// Shows the native "open" dialog for a gazetteer list (`.txt`, `.csv`, `.tsv`). `None` when
/// cancelled or when no dialog is available.
pub fn pick_list_to_open(start_folder: Option<&Path>) -> Option<PathBuf> {
    dialog("Load gazetteer list", start_folder)
        .add_filter("Name lists (*.txt, *.csv, *.tsv)", &["txt", "csv", "tsv"])
        .add_filter("All files", &["*"])
        .pick_file()
}

/// Shows the native "open" dialog for a predictions file in an importable format. `None` when
/// cancelled or when no dialog is available.
pub fn pick_predictions_to_open(start_folder: Option<&Path>) -> Option<PathBuf> {
    dialog("Load predictions", start_folder)
        .add_filter(
            "Predictions (*.jsonl, *.json, *.spacy, *.conll)",
            &["jsonl", "json", "spacy", "conll", "iob", "bioes"],
        )
        .add_filter("All files", &["*"])
        .pick_file()
}

/// Shows the native "save" dialog for a label template; the chosen path gets the
/// `.labels.json` suffix. `None` when cancelled or when no dialog is available.
pub fn pick_template_to_save(start_folder: Option<&Path>, file_name: &str) -> Option<PathBuf> {
    dialog("Save label template", start_folder)
        .set_file_name(file_name)
        .save_file()
        .map(|p| with_template_suffix(&p))
}

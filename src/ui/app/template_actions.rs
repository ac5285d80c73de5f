//! The File menu's label templates: "Save label template…" writes the current document's label
//! set to a `*.labels.json` file, "Load label template…" makes the label set match one, as one
//! undo step. Both ask with the native dialog, else with the path field (as Open does), and
//! share the label editor's file-name rule and messages ([`template_file`]).

use std::path::Path;

use super::QalamApp;
use crate::ui::widgets::file_dialogs;
use crate::ui::windows::dialogs::PathPurpose;
use crate::ui::windows::label_editor::template_file::{
    ALREADY_MATCHES, save_labels, template_edit_from,
};
use qalam_core::io::label_template::TEMPLATE_SUFFIX;

impl QalamApp {
    /// "Save label template…": asks where (native dialog, else the path field) and saves.
    pub(super) fn save_label_template(&mut self) {
        let index = self.current;
        let Some(doc) = self.documents.get(index) else {
            self.messages.info("Open a document first");
            return;
        };
        let suggested = format!("{}{TEMPLATE_SUFFIX}", doc.annotation().document().id);
        let folder = self.settings.last_folder.clone();
        match self
            .native_dialog(|| file_dialogs::pick_template_to_save(folder.as_deref(), &suggested))
        {
            Some(path) => self.write_label_template(index, &path),
            None => self.show_path_dialog(PathPurpose::SaveTemplate(index)),
        }
    }

    /// "Load label template…": asks which file (native dialog, else the path field) and loads.
    pub(super) fn load_label_template(&mut self) {
        let index = self.current;
        if self.documents.get(index).is_none() {
            self.messages.info("Open a document first");
            return;
        }
        let folder = self.settings.last_folder.clone();
        match self.native_dialog(|| file_dialogs::pick_template_to_open(folder.as_deref())) {
            Some(path) => self.read_label_template(index, &path),
            None => self.show_path_dialog(PathPurpose::LoadTemplate(index)),
        }
    }

    /// Saves the label set of document `index` at `path` (the suffix added if missing).
    pub(super) fn write_label_template(&mut self, index: usize, path: &Path) {
        let Some(doc) = self.documents.get(index) else {
            return;
        };
        match save_labels(path, doc.annotation().labels()) {
            Ok(message) => self.messages.info(message),
            Err(message) => self.messages.error(message),
        }
    }

    /// Applies the template at `path` (exactly as given) to document `index` as one edit.
    pub(super) fn read_label_template(&mut self, index: usize, path: &Path) {
        let Some(doc) = self.documents.get(index) else {
            return;
        };
        match template_edit_from(path, doc.annotation()) {
            Ok(Some(edit)) => {
                if self.apply_edit_to(index, edit) {
                    self.messages
                        .info(format!("Loaded the labels of {}", path.display()));
                }
            }
            Ok(None) => self.messages.info(ALREADY_MATCHES),
            Err(message) => self.messages.error(message),
        }
    }
}

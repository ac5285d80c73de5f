//! Files and lifecycle of the app: opening, saving (with the changed-on-disk check), closing
//! with the unsaved-changes prompt, autosave for recovery and restoring recovered work.

use std::path::Path;

use qalam_core::io::{self, SaveError};

use super::QalamApp;
use crate::ui::app::open_document::OpenDocument;
use crate::ui::widgets::file_dialogs;
use crate::ui::windows::dialogs::{CloseTarget, Dialog, DialogAction, PathPurpose};
use qalam_core::io::file_names;
use qalam_core::io::file_summary::{FileSummary, span_count};
use qalam_core::io::open_target::open_target;
use qalam_core::io::recovery::{AUTOSAVE_DELAY_SECONDS, RecoveryEntry};

impl QalamApp {
    /// On a window close request: closes if nothing is unsaved (removing recovery files), else
    /// cancels the close and asks.
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        let dirty = self.dirty_names();
        if self.close_confirmed || dirty.is_empty() {
            self.remove_recovery_files_of_clean_documents();
            return;
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        let already_asking = self
            .dialogs
            .iter()
            .any(|d| matches!(d, Dialog::UnsavedChanges { .. }));
        if !already_asking {
            self.dialogs.push(Dialog::UnsavedChanges {
                target: CloseTarget::App,
                names: dirty,
            });
        }
    }

    /// Names of the documents with unsaved changes.
    pub(super) fn dirty_names(&self) -> Vec<String> {
        self.documents
            .iter()
            .filter(|d| d.is_dirty())
            .map(OpenDocument::display_name)
            .collect()
    }

    /// A clean close: recovery files of saved documents (of all, once the user discarded) go.
    pub(super) fn remove_recovery_files_of_clean_documents(&mut self) {
        for index in 0..self.documents.len() {
            if !self.documents[index].is_dirty() || self.close_confirmed {
                let id = self.documents[index].recovery_id.clone();
                if let Err(e) = self.recovery.remove(&id) {
                    self.messages.error(e.to_string());
                }
            }
        }
    }

    /// Writes the recovery file of each document whose change is older than the autosave delay.
    pub(super) fn write_recovery_files(&mut self, ctx: &egui::Context) {
        for doc in &mut self.documents {
            let Some(since) = doc.change_pending_since else {
                continue;
            };
            let waited = self.now.input - since;
            if waited < AUTOSAVE_DELAY_SECONDS {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                    AUTOSAVE_DELAY_SECONDS - waited,
                ));
                continue;
            }
            doc.change_pending_since = None;
            let result = if doc.is_dirty() {
                self.recovery.write(
                    &doc.recovery_id,
                    doc.save_path.as_deref().or(doc.opened_from.as_deref()),
                    &doc.display_name(),
                    doc.annotation(),
                )
            } else {
                self.recovery.remove(&doc.recovery_id)
            };
            if let Err(e) = result {
                self.messages
                    .error(format!("Could not write the autosave: {e}"));
            }
        }
    }

    /// Opens `path`, or switches to it if it is already open; a folder opens as the corpus. A
    /// text file whose annotation
    /// file exists beside it opens that file (see [`open_target`]), and the recent files
    /// remember the annotation file. If that file cannot be read, the error says so and the text
    /// opens alone (saving it then asks before overwriting the unreadable file).
    pub(super) fn open_file(&mut self, requested: &Path) {
        if requested.is_dir() {
            self.open_folder(requested);
            return;
        }
        let mut target = open_target(requested);
        // (A large annotation file is checked by its background load instead.)
        if let Some(text_file) = target.instead_of.clone()
            && !super::loading::is_large(&target.path)
            && let Err(e) = io::load_path(&target.path)
        {
            self.messages.error(format!(
                "Could not open the saved annotations of {}, so the text opens alone: {e}",
                file_names::display_name(&text_file)
            ));
            target.path = text_file;
            target.instead_of = None;
        }
        let path = target.path.as_path();
        if let Some(index) = self.documents.iter().position(|d| {
            d.opened_from.as_deref() == Some(path) || d.save_path.as_deref() == Some(path)
        }) {
            self.current = index;
            return;
        }
        if self.open_in_background(path, target.instead_of.clone()) {
            return;
        }
        self.add_opened(path, target.instead_of.as_deref(), OpenDocument::load(path));
    }

    /// Adds a loaded document (or shows why it could not be loaded): `path` is the file opened,
    /// `instead_of` the text file the user asked for when its annotation file opened instead.
    pub(super) fn add_opened(
        &mut self,
        path: &Path,
        instead_of: Option<&Path>,
        loaded: Result<OpenDocument, qalam_core::io::LoadError>,
    ) {
        match loaded {
            Ok(doc) => {
                if let Some(text_file) = instead_of {
                    self.report_opened_instead(text_file, path, &doc);
                }
                if doc.annotation().document().text().is_empty() {
                    let name = file_names::display_name(path);
                    let message = format!("{name} is empty: there is no text to annotate");
                    self.messages.info_about(&doc.recovery_id, message);
                }
                self.documents.push(doc);
                self.current = self.documents.len() - 1;
                self.settings.add_recent_file(path);
            }
            Err(e) => self.messages.error(e.to_string()),
        }
    }

    /// Says that `annotation_file` was opened for `text_file`, and warns when the text file no
    /// longer holds the text the annotations were made on.
    fn report_opened_instead(
        &mut self,
        text_file: &Path,
        annotation_file: &Path,
        doc: &OpenDocument,
    ) {
        let names = (
            file_names::display_name(text_file),
            file_names::display_name(annotation_file),
        );
        let spans = span_count(doc.annotation().spans().len());
        let same_text = io::load_path(text_file).map(|loaded| {
            loaded.annotation.document().text() == doc.annotation().document().text()
        });
        match same_text {
            Ok(true) => self.messages.info_about(
                &doc.recovery_id,
                format!(
                    "Opened {}, the saved annotations of {} ({spans})",
                    names.1, names.0
                ),
            ),
            _ => self.messages.error(format!(
                "{} differs from the text saved in {}: showing the saved text with its {spans}, \
                 so no offset moves",
                names.0, names.1
            )),
        }
    }

    /// Saves the current document to its file; asks for a path if it has none.
    /// Returns whether it was saved.
    pub(super) fn save_current(&mut self) -> bool {
        let index = self.current;
        match self.documents.get(index).and_then(|d| d.save_path.clone()) {
            Some(path) => self.save_document(index, &path, false),
            None => {
                if !self.documents.is_empty() {
                    self.save_as(index);
                }
                false
            }
        }
    }

    /// Asks where to save document `index` (native dialog, else the path field) and saves.
    pub(super) fn save_as(&mut self, index: usize) {
        let Some(doc) = self.documents.get(index) else {
            return;
        };
        let suggested = doc
            .save_path
            .as_deref()
            .map(file_names::display_name)
            .unwrap_or_else(|| {
                format!(
                    "{}{}",
                    doc.annotation().document().id,
                    file_names::ANNOTATION_SUFFIX
                )
            });
        let folder = self.settings.last_folder.clone();
        match self.native_dialog(|| file_dialogs::pick_file_to_save(folder.as_deref(), &suggested))
        {
            Some(path) => {
                self.save_document(index, &path, false);
            }
            None => self.show_path_dialog(PathPurpose::SaveAs(index)),
        }
    }

    /// Saves document `index` to `path`. A file changed on disk (or an existing file Qalam
    /// never loaded) is only overwritten with `force`; otherwise the user is asked.
    pub(super) fn save_document(&mut self, index: usize, path: &Path, force: bool) -> bool {
        let Some(doc) = self.documents.get_mut(index) else {
            return false;
        };
        let expected = if doc.save_path.as_deref() == Some(path) {
            doc.disk.clone()
        } else {
            None
        };
        if expected.is_none() && !force && path.exists() {
            let message = format!("{} already exists.", path.display());
            let message = overwrite_message(message, path, doc.annotation().spans().len());
            self.dialogs.push(Dialog::ChangedOnDisk {
                document: index,
                path: path.to_owned(),
                message,
            });
            return false;
        }
        match io::save_path(path, doc.annotation(), expected.as_ref(), force) {
            Ok(disk) => {
                doc.mark_saved(path.to_owned(), disk);
                let id = doc.recovery_id.clone();
                if let Err(e) = self.recovery.remove(&id) {
                    self.messages.error(e.to_string());
                }
                self.settings.add_recent_file(path);
                let message = format!("Saved {}", path.display());
                self.messages.info_about(&id, message);
                true
            }
            Err(SaveError::ChangedOnDisk(_)) => {
                let message = format!("{} changed on disk since it was opened.", path.display());
                let message = overwrite_message(message, path, doc.annotation().spans().len());
                self.dialogs.push(Dialog::ChangedOnDisk {
                    document: index,
                    path: path.to_owned(),
                    message,
                });
                false
            }
            Err(e) => {
                self.messages.error(e.to_string());
                false
            }
        }
    }

    /// Closes document `index`, asking first about unsaved changes unless `confirmed`.
    pub(super) fn close_document(&mut self, index: usize, confirmed: bool) {
        let Some(doc) = self.documents.get(index) else {
            return;
        };
        if doc.is_dirty() && !confirmed {
            self.dialogs.push(Dialog::UnsavedChanges {
                target: CloseTarget::Document(index),
                names: vec![doc.display_name()],
            });
            return;
        }
        let doc = self.documents.remove(index);
        if let Err(e) = self.recovery.remove(&doc.recovery_id) {
            self.messages.error(e.to_string());
        }
        if self.current >= self.documents.len() {
            self.current = self.documents.len().saturating_sub(1);
        }
    }

    /// Carries out what the user chose in a dialog.
    pub(super) fn apply_dialog_action(&mut self, ctx: &egui::Context, action: DialogAction) {
        match action {
            DialogAction::PathChosen(PathPurpose::Open, path) => self.open_file(&path),
            DialogAction::PathChosen(PathPurpose::Compare, path) => {
                self.open_compare_files(vec![path]);
            }
            DialogAction::PathChosen(PathPurpose::OpenFolder, path) => self.open_folder(&path),
            DialogAction::PathChosen(PathPurpose::SaveAs(index), path) => {
                self.save_document(index, &file_names::with_annotation_suffix(&path), false);
            }
            DialogAction::PathChosen(PathPurpose::SaveTemplate(index), path) => {
                self.write_label_template(index, &path);
            }
            // A typed name follows the saving rule, so the name that saved a template loads it.
            DialogAction::PathChosen(PathPurpose::LoadTemplate(index), path) => {
                self.read_label_template(index, &file_names::with_template_suffix(&path));
            }
            DialogAction::PathChosen(PathPurpose::GazetteerList, path) => {
                self.load_gazetteer_list(&path);
            }
            DialogAction::PathChosen(PathPurpose::Predictions(index), path) => {
                self.load_predictions_for(index, &path);
            }
            DialogAction::ForceSave { document, path } => {
                self.save_document(document, &path, true);
            }
            DialogAction::SaveAndClose(target) => {
                let indices: Vec<usize> = match target {
                    CloseTarget::Document(index) => vec![index],
                    CloseTarget::App => (0..self.documents.len()).collect(),
                };
                let mut all_saved = true;
                for index in indices {
                    if !self
                        .documents
                        .get(index)
                        .is_some_and(OpenDocument::is_dirty)
                    {
                        continue;
                    }
                    let saved = match self.documents[index].save_path.clone() {
                        Some(path) => self.save_document(index, &path, false),
                        None => {
                            self.save_as(index);
                            false
                        }
                    };
                    all_saved &= saved;
                }
                if all_saved {
                    self.close(ctx, target);
                } else {
                    self.messages
                        .info("Not closed: some documents were not saved");
                }
            }
            DialogAction::DiscardAndClose(target) => self.close(ctx, target),
            DialogAction::Restore(entry) => self.restore(&entry),
            DialogAction::DiscardRecovery(entry) => {
                if let Err(e) = self.recovery.remove(&entry.id) {
                    self.messages.error(e.to_string());
                }
            }
            DialogAction::SetAnnotator(name) => {
                self.settings.annotator = name;
                self.corpus_viewer_changed();
            }
        }
    }

    /// Closes a document or the window without asking again.
    pub(super) fn close(&mut self, ctx: &egui::Context, target: CloseTarget) {
        match target {
            CloseTarget::Document(index) => self.close_document(index, true),
            CloseTarget::App => {
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Opens recovered work as a new, unsaved document that keeps its recovery file.
    pub(super) fn restore(&mut self, entry: &RecoveryEntry) {
        match self.recovery.read(entry) {
            Ok(annotation) => {
                let mut doc = OpenDocument::new(annotation, entry.original.clone(), None);
                doc.recovery_id = entry.id.clone();
                doc.restored_unsaved = true;
                // Whatever is on disk now was not what the recovered work was based on.
                doc.disk = None;
                let same_file = |d: &OpenDocument| {
                    entry.original.is_some()
                        && (d.opened_from == entry.original || d.save_path == entry.original)
                };
                if let Some(index) = self
                    .documents
                    .iter()
                    .position(|d| !d.is_dirty() && same_file(d))
                {
                    self.documents[index] = doc;
                    self.current = index;
                } else {
                    self.documents.push(doc);
                    self.current = self.documents.len() - 1;
                }
                self.messages
                    .info(format!("Restored unsaved work for {}", entry.title));
            }
            Err(e) => self.messages.error(format!("Could not restore: {e}")),
        }
    }
}

/// The overwrite prompt's text: `headline`, then what the file at `path` holds and what would
/// replace it, so the annotator sees what an overwrite loses.
fn overwrite_message(headline: String, path: &Path, own_spans: usize) -> String {
    let on_disk = match FileSummary::of_file(path) {
        Ok(summary) => format!("On disk: {summary}."),
        Err(e) => format!("It could not be read as an annotation file ({e})."),
    };
    format!(
        "{headline}\n{on_disk}\nOverwriting replaces it with your version: {}.",
        span_count(own_spans)
    )
}

//! Modal dialogs: the path fields (open, save as, save/load label template), "changed on disk", "unsaved
//! changes", "restore unsaved work" and settings. Each dialog reports what the user chose as a
//! [`DialogAction`]; the app carries it out after drawing.

use std::path::PathBuf;

use crate::ui::widgets::bidi_text::text_label_ui;
use crate::ui::widgets::bidi_text_edit::BidiTextEdit;
use qalam_core::io::recovery::RecoveryEntry;

/// What is being closed when unsaved changes are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseTarget {
    /// One document (by index).
    Document(usize),
    /// The whole app.
    App,
}

/// What a path field is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open a document.
    Open,
    /// Open a folder as a corpus.
    OpenFolder,
    /// Save the document with this index under a new name.
    SaveAs(usize),
    /// Save the label set of the document with this index as a template.
    SaveTemplate(usize),
    /// Load a template into the label set of the document with this index.
    LoadTemplate(usize),
    /// Compare an annotator's file with the other annotators' files beside it.
    Compare,
    /// Add a gazetteer list.
    GazetteerList,
    /// Load predictions for the document with this index.
    Predictions(usize),
}

impl PathPurpose {
    fn title(self) -> &'static str {
        match self {
            PathPurpose::Open => "Open path",
            PathPurpose::OpenFolder => "Open folder",
            PathPurpose::SaveAs(_) => "Save as",
            PathPurpose::SaveTemplate(_) => "Save label template",
            PathPurpose::LoadTemplate(_) => "Load label template",
            PathPurpose::Compare => "Compare annotators (one annotator's file)",
            PathPurpose::GazetteerList => "Load gazetteer list",
            PathPurpose::Predictions(_) => "Load predictions",
        }
    }

    fn confirm(self) -> &'static str {
        match self {
            PathPurpose::Open | PathPurpose::OpenFolder => "Open",
            PathPurpose::SaveAs(_) | PathPurpose::SaveTemplate(_) => "Save",
            PathPurpose::LoadTemplate(_)
            | PathPurpose::GazetteerList
            | PathPurpose::Predictions(_) => "Load",
            PathPurpose::Compare => "Compare",
        }
    }
}

/// An open dialog and its editable state.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// A field to type a file path.
    Path {
        /// What the path is for.
        purpose: PathPurpose,
        /// The text typed so far.
        text: String,
    },
    /// Saving would overwrite a file that changed on disk (or exists and was never loaded).
    ChangedOnDisk {
        /// Document index.
        document: usize,
        /// The file.
        path: PathBuf,
        /// The explanation from the io layer.
        message: String,
    },
    /// Closing with unsaved changes.
    UnsavedChanges {
        /// What is closing.
        target: CloseTarget,
        /// Names of the documents with unsaved changes.
        names: Vec<String>,
    },
    /// Recovery files found on start.
    Restore {
        /// The entries still to decide on.
        entries: Vec<RecoveryEntry>,
    },
    /// The settings window.
    Settings {
        /// Annotator name being edited.
        annotator: String,
        /// Shown on first start to ask for the name once (with Skip instead of Cancel).
        first_start: bool,
    },
}

/// What the user chose in a dialog.
#[derive(Debug, Clone, PartialEq)]
pub enum DialogAction {
    /// A path was entered for `purpose`.
    PathChosen(PathPurpose, PathBuf),
    /// Save anyway over the changed file.
    ForceSave {
        /// Document index.
        document: usize,
        /// The file.
        path: PathBuf,
    },
    /// Save every dirty document, then close.
    SaveAndClose(CloseTarget),
    /// Close without saving.
    DiscardAndClose(CloseTarget),
    /// Open the recovered work as a document.
    Restore(RecoveryEntry),
    /// Delete the recovered work.
    DiscardRecovery(RecoveryEntry),
    /// Store the settings.
    SetAnnotator(String),
}

/// Draws `dialog` as a modal. Returns whether it stays open and the user's choice, if any.
pub fn dialog_ui(ctx: &egui::Context, dialog: &mut Dialog) -> (bool, Option<DialogAction>) {
    let mut keep_open = true;
    let mut action = None;
    let modal = egui::Modal::new(egui::Id::unique("qalam_dialog")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        match dialog {
            Dialog::Path { purpose, text } => {
                path_dialog_ui(ui, *purpose, text, &mut keep_open, &mut action)
            }
            Dialog::ChangedOnDisk {
                document,
                path,
                message,
            } => {
                ui.heading("File changed on disk");
                for line in message.lines() {
                    text_label_ui(ui, line, None);
                }
                ui.label("Overwrite it with your version?");
                ui.horizontal(|ui| {
                    if ui.button("Overwrite").clicked() {
                        action = Some(DialogAction::ForceSave {
                            document: *document,
                            path: path.clone(),
                        });
                        keep_open = false;
                    }
                    if ui.button("Cancel").clicked() {
                        keep_open = false;
                    }
                });
            }
            Dialog::UnsavedChanges { target, names } => {
                ui.heading("Unsaved changes");
                text_label_ui(
                    ui,
                    &format!("Unsaved changes in {}.", names.join(", ")),
                    None,
                );
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        action = Some(DialogAction::SaveAndClose(*target));
                        keep_open = false;
                    }
                    if ui.button("Discard changes").clicked() {
                        action = Some(DialogAction::DiscardAndClose(*target));
                        keep_open = false;
                    }
                    if ui.button("Cancel").clicked() {
                        keep_open = false;
                    }
                });
            }
            Dialog::Restore { entries } => {
                ui.heading("Unsaved work found");
                let mut decided = None;
                for (index, entry) in entries.iter().enumerate() {
                    text_label_ui(ui, &entry.offer_text(), None);
                    ui.horizontal(|ui| {
                        if ui.button("Restore").clicked() {
                            action = Some(DialogAction::Restore(entry.clone()));
                            decided = Some(index);
                        }
                        if ui.button("Discard").clicked() {
                            action = Some(DialogAction::DiscardRecovery(entry.clone()));
                            decided = Some(index);
                        }
                    });
                    ui.separator();
                }
                if let Some(index) = decided {
                    entries.remove(index);
                }
                keep_open = !entries.is_empty();
            }
            Dialog::Settings {
                annotator,
                first_start,
            } => {
                if *first_start {
                    ui.heading("Welcome to Qalam");
                    ui.label(
                        "Your name is saved with each span you tag, so that reviewers know who \
                         labelled what. You can change it later in Settings.",
                    );
                } else {
                    ui.heading("Settings");
                }
                let field = ui.horizontal(|ui| {
                    let label = ui.label("Annotator name:");
                    ui.add(BidiTextEdit::singleline(annotator))
                        .labelled_by(label.id)
                });
                // Read Enter before giving the field its focus back: a field focused again in
                // the frame Enter left it no longer reports losing the focus.
                let entered =
                    field.inner.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if *first_start && !entered && ui.memory(|m| m.focused().is_none()) {
                    field.inner.request_focus();
                }
                ui.horizontal(|ui| {
                    if ui.button("OK").clicked() || entered {
                        action = Some(DialogAction::SetAnnotator(annotator.trim().to_owned()));
                        keep_open = false;
                    }
                    let cancel = if *first_start { "Skip" } else { "Cancel" };
                    if ui.button(cancel).clicked() {
                        keep_open = false;
                    }
                });
            }
        }
    });
    // Escape / click outside closes dialogs that only cancel; the restore offer stays until
    // every entry is decided.
    if modal.should_close() && !matches!(dialog, Dialog::Restore { .. }) {
        keep_open = false;
    }
    (keep_open, action)
}

fn path_dialog_ui(
    ui: &mut egui::Ui,
    purpose: PathPurpose,
    text: &mut String,
    keep_open: &mut bool,
    action: &mut Option<DialogAction>,
) {
    ui.heading(purpose.title());
    let response = ui
        .horizontal(|ui| {
            let label = ui.label("Path:");
            let edit = BidiTextEdit::singleline(text)
                .desired_width(400.0)
                .hint_text("/path/to/file");
            let response = ui.add(edit).labelled_by(label.id);
            if !response.has_focus() && !response.lost_focus() {
                response.request_focus();
            }
            response
        })
        .inner;
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.horizontal(|ui| {
        let confirm = ui.button(purpose.confirm()).clicked();
        if (confirm || entered) && !text.trim().is_empty() {
            *action = Some(DialogAction::PathChosen(
                purpose,
                PathBuf::from(text.trim()),
            ));
            *keep_open = false;
        }
        if ui.button("Cancel").clicked() {
            *keep_open = false;
        }
    });
}

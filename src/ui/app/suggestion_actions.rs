//! The Suggestions menu: moving through, accepting and rejecting the current document's
//! suggestions (as edits through its history, so undo works), loading a gazetteer list or a
//! model's predictions (native dialog, else the path field), rebuilding the gazetteer from the
//! open corpus, and keeping the suggestions up to date in the background each frame.

use std::path::Path;
use std::time::Duration;

use qalam_core::suggest::review::{
    accept_edit, accept_name_edit, name_of, reject_edit, reject_name_edit, same_name_count,
};
use qalam_core::suggest::{Predictions, Suggestion, read_user_list};

use super::QalamApp;
use crate::ui::commands::Command;
use crate::ui::widgets::file_dialogs;
use crate::ui::windows::dialogs::PathPurpose;

/// How often a frame is drawn while suggestions are computed, to pick up the result.
const POLL: Duration = Duration::from_millis(30);

impl QalamApp {
    /// Takes finished computations and starts new ones where the document changed (never
    /// waits).
    pub(super) fn poll_suggestions(&mut self, ctx: &egui::Context) {
        if let Some((report, asked)) = self.suggestions.poll_rebuild() {
            for (path, problem) in &report.problems {
                self.messages
                    .error(format!("{}: {problem}", path.display()));
            }
            if asked {
                self.messages.info(format!(
                    "Gazetteer: {} names (from {} files: finished ones and accepted spans)",
                    self.suggestions.gazetteer().len(),
                    report.files_used
                ));
            }
        }
        let mut running = self.suggestions.is_rebuilding();
        if self.suggestions_active()
            && let Some(doc) = self.documents.get_mut(self.current)
        {
            let (annotation, suggestions) = doc.annotation_and_suggestions();
            running |= suggestions.poll(annotation, &self.suggestions);
        }
        if running {
            ctx.request_repaint_after(POLL);
        }
    }

    /// Whether suggestions show, and their keys act, on the current document: the user's choice
    /// (F5), but never on the gold while adjudicating, where the adjudicator decides between
    /// the annotators and a gazetteer's outlines would read as one more of them.
    pub(super) fn suggestions_active(&self) -> bool {
        self.suggestions.show && !self.compare_shows()
    }

    /// Applies a command of the Suggestions menu.
    pub(super) fn apply_suggestion_command(&mut self, command: Command) {
        match command {
            Command::ToggleSuggestions => self.suggestions.show = !self.suggestions.show,
            Command::LoadGazetteerList => {
                let folder = self.settings.last_folder.clone();
                match self.native_dialog(|| file_dialogs::pick_list_to_open(folder.as_deref())) {
                    Some(path) => self.load_gazetteer_list(&path),
                    None => self.show_path_dialog(PathPurpose::GazetteerList),
                }
            }
            Command::LoadPredictions => {
                if self.documents.get(self.current).is_none() {
                    self.messages.info("Open a document first");
                    return;
                }
                let folder = self.settings.last_folder.clone();
                match self
                    .native_dialog(|| file_dialogs::pick_predictions_to_open(folder.as_deref()))
                {
                    Some(path) => self.load_predictions(&path),
                    None => self.show_path_dialog(PathPurpose::Predictions(self.current)),
                }
            }
            Command::RebuildGazetteer => match self.corpus.as_ref().and_then(|c| c.corpus()) {
                Some(corpus) => {
                    self.suggestions.start_corpus_rebuild(corpus.clone(), true);
                    self.messages
                        .info("Reading the corpus's finished and reviewed spans…");
                }
                None => self.messages.info("Open a corpus folder first"),
            },
            review => self.review_suggestion(review),
        }
    }

    /// Next/previous, accept/reject (one or all of a name) on the current document.
    fn review_suggestion(&mut self, command: Command) {
        if !self.suggestions.show {
            // The key from the shortcut table, so the hint follows it (it said F4 after the
            // search took F4).
            let key = Command::ToggleSuggestions.shortcuts().first().map_or_else(
                || "Suggestions → Show suggestions".to_owned(),
                |key| key.format(&egui::ModifierNames::NAMES, cfg!(target_os = "macos")),
            );
            self.messages
                .info(format!("Suggestions are hidden ({key} shows them)"));
            return;
        }
        if !self.suggestions_active() {
            self.messages
                .info("Suggestions are off in the gold while adjudicating");
            return;
        }
        let annotator = self.settings.annotator_name();
        let now = self.now;
        let Some(doc) = self.documents.get_mut(self.current) else {
            self.messages.info("Open a document first");
            return;
        };
        let caret = doc.view.caret();
        let target = match command {
            Command::NextSuggestion => doc.suggestions.next(caret).cloned(),
            Command::PrevSuggestion => doc.suggestions.previous(caret).cloned(),
            _ => doc
                .suggestions
                .current()
                .or_else(|| doc.suggestions.next(caret))
                .cloned(),
        };
        let Some(target) = target else {
            let computing = doc.suggestions.is_computing();
            self.messages.info(if computing {
                "Suggestions are being computed"
            } else {
                "No suggestions in this document"
            });
            return;
        };
        let ann = doc.annotation();
        let open = doc.suggestions.list();
        let (edit, message) = match command {
            Command::NextSuggestion | Command::PrevSuggestion => {
                doc.suggestions.set_current(Some(&target));
                doc.view.scroll_to(target.start);
                return;
            }
            Command::AcceptSuggestion => (
                accept_edit(ann, &target, annotator.as_deref(), now.wall),
                format!("Accepted {}", target.label),
            ),
            Command::RejectSuggestion => (
                reject_edit(ann, &target),
                format!("Rejected {}", target.label),
            ),
            Command::AcceptSuggestionName => (
                accept_name_edit(ann, open, &target, annotator.as_deref(), now.wall),
                format!(
                    "Accepted {} {} spans",
                    same_name_count(ann, open, &target),
                    target.label
                ),
            ),
            Command::RejectSuggestionName => (
                reject_name_edit(ann, &target),
                format!(
                    "Rejected {} {} suggestions of this name",
                    same_name_count(ann, open, &target),
                    target.label
                ),
            ),
            _ => return,
        };
        let all_of_name = matches!(
            command,
            Command::AcceptSuggestionName | Command::RejectSuggestionName
        );
        let name = all_of_name.then(|| name_of(ann, &target));
        if !self.apply_edit_to(self.current, edit) {
            return;
        }
        let Some(doc) = self.documents.get_mut(self.current) else {
            return;
        };
        let (ann, suggestions) = doc.annotation_and_suggestions();
        let handled = |s: &Suggestion| match &name {
            Some(name) => s.label == target.label && name_of(ann, s) == *name,
            None => *s == target,
        };
        suggestions.remove_handled(target.start, handled);
        if let Some(next) = doc.suggestions.current() {
            let start = next.start;
            doc.view.scroll_to(start);
        }
        self.messages.info(message);
    }

    /// Makes the suggestion covering code point `cp` of the current document current (a press
    /// elsewhere leaves the current one).
    pub(super) fn select_suggestion_at(&mut self, cp: usize) {
        if let Some(doc) = self.documents.get_mut(self.current) {
            let found = doc
                .suggestions
                .list()
                .iter()
                .find(|s| s.start <= cp && cp < s.end)
                .cloned();
            if found.is_some() {
                doc.suggestions.set_current(found.as_ref());
            }
        }
    }

    /// Adds the list at `path` to the gazetteer.
    pub(super) fn load_gazetteer_list(&mut self, path: &Path) {
        match read_user_list(path) {
            Ok(entries) => {
                let count = entries.len();
                self.suggestions.add_user_list(path.to_owned(), entries);
                self.messages.info(format!(
                    "Gazetteer: {count} names from {} ({} in all)",
                    display_file(path),
                    self.suggestions.gazetteer().len()
                ));
            }
            Err(error) => self.messages.error(error.to_string()),
        }
    }

    /// Loads the predictions at `path` (for every open document whose text they hold) and
    /// says what they give document `index`.
    pub(super) fn load_predictions_for(&mut self, index: usize, path: &Path) {
        let labels = self
            .documents
            .get(index)
            .map(|doc| doc.annotation().labels().clone());
        let predictions = match Predictions::load(path, None, labels.as_ref()) {
            Ok(predictions) => predictions,
            Err(error) => {
                self.messages.error(error.to_string());
                return;
            }
        };
        let name = predictions.name.clone();
        let notes = predictions.report.entries.len();
        let here = self.documents.get(index).map(|doc| {
            let document = doc.annotation().document();
            predictions.for_text(&document.id, document.text())
        });
        self.suggestions.add_predictions(predictions);
        match here {
            Some(Ok(found)) => {
                let mut message = format!("{} predictions from {name}", found.len());
                if notes > 0 {
                    message.push_str(&format!(" ({notes} import notes)"));
                }
                self.messages.info(message);
            }
            Some(Err(error)) => self.messages.error(error.to_string()),
            None => self
                .messages
                .info(format!("Loaded the predictions of {name}")),
        }
    }

    /// Loads the predictions at `path` for the current document.
    pub(super) fn load_predictions(&mut self, path: &Path) {
        self.load_predictions_for(self.current, path);
    }
}

fn display_file(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

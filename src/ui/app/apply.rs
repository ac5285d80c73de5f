//! Applying the frame's queued commands and messages: the current document's part through
//! `DocumentDispatch`, files, settings, windows and edits to other documents here.

use qalam_core::corpus::Step;
use qalam_core::model::Edit;

use super::QalamApp;
use crate::ui::app::document_dispatch::DocumentDispatch;
use crate::ui::app::settings::TEXT_SIZE_STEP;
use crate::ui::app::side_panels::SidePanel;
use crate::ui::commands::{AppMessage, Command, Queued};
use crate::ui::widgets::file_dialogs;
use crate::ui::windows::dataset_window::DatasetMode;
use crate::ui::windows::dialogs::{Dialog, PathPurpose};

impl QalamApp {
    /// Applies one queued item: the current document's part through [`DocumentDispatch`], the
    /// rest (and everything while no document is open) here.
    pub(super) fn apply_queued(&mut self, ctx: &egui::Context, item: Queued) {
        let left = match self.documents.get_mut(self.current) {
            Some(doc) => DocumentDispatch {
                doc,
                panels: &mut self.panels,
                messages: &mut self.messages,
                annotator: self.settings.annotator_name(),
                now: self.now,
            }
            .apply(item),
            None => vec![item],
        };
        for item in left {
            match item {
                Queued::Command(command) => self.apply_command(ctx, command),
                Queued::Message(message) => self.apply_message(message),
            }
        }
    }

    /// Applies a command that is not the current document's (or any command while no document
    /// is open).
    pub(super) fn apply_command(&mut self, ctx: &egui::Context, command: Command) {
        if self.apply_search_command(command) {
            return;
        }
        match command {
            Command::Open => {
                let folder = self.settings.last_folder.clone();
                match self.native_dialog(|| file_dialogs::pick_file_to_open(folder.as_deref())) {
                    Some(path) => self.open_file(&path),
                    None => self.show_path_dialog(PathPurpose::Open),
                }
            }
            Command::OpenPath => self.show_path_dialog(PathPurpose::Open),
            Command::OpenFolder => {
                let folder = self.settings.last_folder.clone();
                match self.native_dialog(|| file_dialogs::pick_folder(folder.as_deref())) {
                    Some(path) => self.open_folder(&path),
                    None => self.show_path_dialog(PathPurpose::OpenFolder),
                }
            }
            Command::Save => {
                self.save_current();
            }
            Command::SaveAs => self.save_as(self.current),
            Command::ExportDataset => self.dataset.show(DatasetMode::Export),
            Command::ImportDataset => self.dataset.show(DatasetMode::Import),
            Command::Sync => self.start_sync(),
            Command::CloseDocument => self.close_document(self.current, false),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Settings => self.dialogs.push(Dialog::Settings {
                first_start: false,
                annotator: self.settings.annotator.clone(),
            }),
            // The document's commands (see `DocumentDispatch`) get here only with no document.
            Command::Undo | Command::Redo => self.messages.info("No document is open"),
            Command::SetStatus(_) | Command::ClearSelection => {}
            // Applied by `apply_search_command` above.
            Command::Find | Command::FindNext | Command::FindPrevious | Command::AnnotateAll => {}
            Command::SaveLabelTemplate => self.save_label_template(),
            Command::LoadLabelTemplate => self.load_label_template(),
            Command::TagSelection(_)
            | Command::RelabelSpan(_)
            | Command::DeleteSpan
            | Command::ResizeSpan(_)
            | Command::NextSpan
            | Command::PrevSpan
            | Command::EditNote
            | Command::EditLabels
            | Command::ToggleReviewMode
            | Command::AcceptSpan
            | Command::RejectSpan
            | Command::MarkSpanFixed
            | Command::NextUndecided
            | Command::PrevUndecided
            | Command::ClearSpanReview
            | Command::MarkReviewed => self.messages.info("Open a document first"),
            Command::TextBigger => self.settings.change_text_size(TEXT_SIZE_STEP),
            Command::TextSmaller => self.settings.change_text_size(-TEXT_SIZE_STEP),
            Command::ToggleTheme => self.settings.dark_theme = !self.settings.dark_theme,
            Command::ToggleLabelPalette => {
                self.settings.show_label_palette = self.side_panels.toggle(SidePanel::LabelPalette);
            }
            Command::ToggleSpanList => {
                self.settings.show_span_list = self.side_panels.toggle(SidePanel::SpanList);
            }
            Command::ToggleWordSnap => self.settings.snap_to_words = !self.settings.snap_to_words,
            Command::SelectDocument(index) => {
                if index < self.documents.len() {
                    self.current = index;
                }
            }
            Command::ToggleDocumentList => {
                self.settings.show_document_list = self.side_panels.toggle(SidePanel::DocumentList);
            }
            Command::NextDocument => self.step_corpus_document(Step::Next, false),
            Command::PrevDocument => self.step_corpus_document(Step::Previous, false),
            Command::NextUnfinished => self.step_corpus_document(Step::Next, true),
            Command::PrevUnfinished => self.step_corpus_document(Step::Previous, true),
            Command::ShowGuidelines => self.corpus_windows.guidelines ^= true,
            Command::ShowStatistics => self.corpus_windows.statistics ^= true,
            Command::CompareAnnotators => self.compare_annotators(),
            Command::ShowAgreement => self.agreement.toggle(),
            Command::ShowShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Command::ToggleSuggestions
            | Command::NextSuggestion
            | Command::PrevSuggestion
            | Command::AcceptSuggestion
            | Command::RejectSuggestion
            | Command::AcceptSuggestionName
            | Command::RejectSuggestionName
            | Command::LoadGazetteerList
            | Command::LoadPredictions
            | Command::RebuildGazetteer => self.apply_suggestion_command(command),
        }
    }

    /// Applies a message that is not the current document's (or any message while no document
    /// is open).
    pub(super) fn apply_message(&mut self, message: AppMessage) {
        match message {
            AppMessage::OpenFile(path) => self.open_file(&path),
            AppMessage::OpenFolder(path) => self.open_folder(&path),
            AppMessage::OpenCorpusDocument(index) => self.open_corpus_document(index),
            AppMessage::CompareDocument(index) => self.open_compare_document(index),
            AppMessage::ReviewCorpusFile {
                document,
                annotator,
            } => self.review_corpus_file(document, &annotator),
            AppMessage::CompareFiles(paths) => self.open_compare_files(paths),
            AppMessage::Adjudicate(action) => self.adjudicate(action),
            AppMessage::AnnotateCorpusPreview => self.open_annotate_corpus(),
            AppMessage::AnnotateCorpus {
                label,
                include_overlapping,
                targets,
            } => self.annotate_corpus(&label, include_overlapping, targets),
            AppMessage::ReportError(message) => self.messages.error(message),
            AppMessage::ReportInfo(message) => self.messages.info(message),
            AppMessage::LoadGazetteerList(path) => self.load_gazetteer_list(&path),
            AppMessage::LoadPredictions(path) => self.load_predictions(&path),
            AppMessage::SelectSuggestionAt(cp) => self.select_suggestion_at(cp),
            AppMessage::CancelOpening(path) => self.cancel_opening(&path),
            // The document's messages (see `DocumentDispatch`): nothing to do without one.
            AppMessage::ApplyEdit(_)
            | AppMessage::DecideSpan { .. }
            | AppMessage::SelectSpan(_)
            | AppMessage::ClearSelection => {}
        }
    }

    pub(super) fn show_path_dialog(&mut self, purpose: PathPurpose) {
        let text = self
            .settings
            .last_folder
            .as_ref()
            .map(|folder| format!("{}/", folder.display()))
            .unwrap_or_default();
        self.dialogs.push(Dialog::Path { purpose, text });
    }

    /// Applies `edit` to document `index` through its history (refusals are shown); returns
    /// whether it was applied. For the app's own edits (label templates); the current
    /// document's commands go through `DocumentDispatch`.
    pub(super) fn apply_edit_to(&mut self, index: usize, edit: Edit) -> bool {
        let annotator = self.settings.annotator_name();
        let Some(doc) = self.documents.get_mut(index) else {
            return false;
        };
        match doc.apply_user_edit(edit, self.now, annotator) {
            Ok(()) => true,
            Err(e) => {
                self.messages.error(format!("The change was refused: {e}"));
                false
            }
        }
    }
}

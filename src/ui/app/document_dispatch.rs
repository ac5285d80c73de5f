//! Applying the queued commands and messages that concern the current document: span and label
//! commands through the labelling panels, undo/redo, status, selection, edits, and the messages
//! for the user. The app runs every queued item through [`DocumentDispatch::apply`] while a
//! document is open and applies what comes back itself (files, settings, windows); the panel
//! tests drive the same function.

use qalam_core::model::{Edit, SpanId};

use crate::ui::app::open_document::{FrameTime, OpenDocument};
use crate::ui::commands::{AppMessage, Command, Queued};
use crate::ui::panels::labelling_panels::LabellingPanels;
use crate::ui::widgets::messages::Messages;

/// What applying a command to the current document needs from the app, borrowed for one item.
pub struct DocumentDispatch<'a> {
    /// The document being shown.
    pub doc: &'a mut OpenDocument,
    /// The labelling panels: they turn span and label commands into messages or open a window.
    pub panels: &'a mut LabellingPanels,
    /// Where errors and information for the user go.
    pub messages: &'a mut Messages,
    /// The annotator name given to new spans (`None`: none set).
    pub annotator: Option<String>,
    /// This frame's input time in seconds (schedules the recovery write).
    pub now: FrameTime,
}

impl DocumentDispatch<'_> {
    /// Applies `item` if it concerns the document (or is a message for the user) and returns
    /// what is left for the app, in order: nothing, or `item` itself when it is the app's.
    #[must_use = "the returned items are the app's to apply"]
    pub fn apply(&mut self, item: Queued) -> Vec<Queued> {
        let left = match item {
            Queued::Command(command) => return self.apply_command(command),
            Queued::Message(message) => self.apply_message(message),
        };
        left.map(Queued::Message).into_iter().collect()
    }

    fn apply_command(&mut self, command: Command) -> Vec<Queued> {
        let doc = &*self.doc;
        if let Some(replacements) = self.panels.handle_command(
            command,
            doc.annotation(),
            doc.view.selection(),
            doc.selected_span,
        ) {
            let mut left = Vec::new();
            for message in replacements {
                if let AppMessage::ApplyEdit(edit) = message {
                    if !self.apply_edit(edit) {
                        // Refused (e.g. an overlap while overlaps are forbidden): what was
                        // to follow it (dropping the text selection, selecting the new span)
                        // would act on a change that did not happen.
                        break;
                    }
                } else if let Some(message) = self.apply_message(message) {
                    left.push(Queued::Message(message));
                }
            }
            return left;
        }
        match command {
            Command::Undo => {
                if !self.doc.undo(self.now) {
                    self.messages
                        .info_about(&self.doc.recovery_id, "Nothing to undo");
                }
            }
            Command::Redo => {
                if !self.doc.redo(self.now) {
                    self.messages
                        .info_about(&self.doc.recovery_id, "Nothing to redo");
                }
            }
            Command::SetStatus(status) => {
                if self.doc.annotation().status() != status {
                    self.apply_edit(Edit::SetStatus(status));
                }
            }
            Command::ClearSelection => self.clear_selection(),
            other if self.apply_review_command(other) => {}
            other => return vec![Queued::Command(other)],
        }
        Vec::new()
    }

    /// Applies `message`, or gives it back when it is the app's (opening a file).
    fn apply_message(&mut self, message: AppMessage) -> Option<AppMessage> {
        match message {
            AppMessage::ApplyEdit(edit) => {
                self.apply_edit(edit);
            }
            AppMessage::DecideSpan {
                id,
                decision,
                reason,
            } => self.decide(Some(id), decision, reason.as_deref()),
            AppMessage::SelectSpan(id) => self.select_span(id),
            AppMessage::ClearSelection => self.clear_selection(),
            AppMessage::ReportError(message) => self.messages.error(message),
            AppMessage::ReportInfo(message) => {
                self.messages.info_about(&self.doc.recovery_id, message)
            }
            AppMessage::OpenFile(_)
            | AppMessage::OpenFolder(_)
            | AppMessage::OpenCorpusDocument(_)
            | AppMessage::CompareDocument(_)
            | AppMessage::ReviewCorpusFile { .. }
            | AppMessage::CompareFiles(_)
            | AppMessage::Adjudicate(_)
            | AppMessage::AnnotateCorpusPreview
            | AppMessage::AnnotateCorpus { .. }
            | AppMessage::LoadGazetteerList(_)
            | AppMessage::LoadPredictions(_)
            | AppMessage::SelectSuggestionAt(_)
            | AppMessage::CancelOpening(_) => return Some(message),
        }
        None
    }

    /// Applies `edit` as the user's ([`OpenDocument::apply_user_edit`]); refusals are shown.
    /// Returns whether it was applied.
    pub(super) fn apply_edit(&mut self, edit: Edit) -> bool {
        let annotator = self.annotator.clone();
        match self.doc.apply_user_edit(edit, self.now, annotator) {
            Ok(()) => true,
            Err(e) => {
                self.messages.error(format!("The change was refused: {e}"));
                false
            }
        }
    }

    /// Selects span `id` if the document has it (a refused tag leaves the id it would have
    /// had: nothing is selected then), or deselects with `None`.
    pub(super) fn select_span(&mut self, id: Option<SpanId>) {
        let doc = &mut *self.doc;
        let id = id.filter(|&id| doc.annotation().span(id).is_some());
        doc.selected_span = id;
        if let Some(span) = id.and_then(|id| doc.annotation().span(id)) {
            doc.view.scroll_to(span.start);
        }
    }

    fn clear_selection(&mut self) {
        self.doc.view.set_selection(None);
        self.doc.selected_span = None;
    }
}

//! The note editor (window): a multiline field for the selected span's note; saving emits one
//! `Edit::SetNote` (an empty note clears it).

use chrono::{DateTime, Utc};

use qalam_core::model::{Annotation, SpanId};

use crate::ui::commands::AppMessage;
use crate::ui::widgets::bidi_text_edit::BidiTextEdit;
use qalam_core::editing::{SpanCommandError, selected_span, set_note};

/// State of the note window between frames.
#[derive(Debug, Default)]
pub struct NoteEditorState {
    span: Option<SpanId>,
    /// The annotation the span belongs to (document id and creation time), so switching to
    /// another open document closes the window instead of editing a span with the same id there.
    owner: Option<(String, DateTime<Utc>)>,
    draft: String,
    /// The field takes keyboard focus on the window's first frame, so what the annotator types
    /// goes into the note, never to the document as label hotkeys.
    focus_field: bool,
}

fn owner_of(ann: &Annotation) -> (String, DateTime<Utc>) {
    (ann.document().id.clone(), ann.created())
}

impl NoteEditorState {
    /// Opens the editor on the selected span, starting from its current note.
    pub fn open(
        &mut self,
        ann: &Annotation,
        selected: Option<SpanId>,
    ) -> Result<(), SpanCommandError> {
        let span = selected_span(ann, selected)?;
        self.draft = span.note.clone().unwrap_or_default();
        self.span = Some(span.id);
        self.owner = Some(owner_of(ann));
        self.focus_field = true;
        Ok(())
    }

    /// Whether the window is showing.
    pub fn is_open(&self) -> bool {
        self.span.is_some()
    }

    /// Closes the window, dropping the draft.
    pub fn close(&mut self) {
        self.span = None;
        self.owner = None;
        self.draft.clear();
        self.focus_field = false;
    }
}

/// Draws the note window while open; returns `ApplyEdit(SetNote)` when saved.
pub fn note_editor_ui(
    ctx: &egui::Context,
    state: &mut NoteEditorState,
    ann: &Annotation,
) -> Vec<AppMessage> {
    let Some(id) = state.span else {
        return Vec::new();
    };
    let same_document = state.owner.as_ref() == Some(&owner_of(ann));
    let Some(span) = ann.span(id).filter(|_| same_document) else {
        // The span went away (undo, delete) or another document is showing.
        state.close();
        return Vec::new();
    };
    let title = format!("Note on {} [{}, {})", span.label, span.start, span.end);
    let mut messages = Vec::new();
    let mut open = true;
    let mut close = false;
    egui::Window::new("Note")
        .open(&mut open)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label(title);
            let field = ui.add(
                BidiTextEdit::multiline(&mut state.draft)
                    .hint_text("Note")
                    .desired_rows(4),
            );
            if std::mem::take(&mut state.focus_field) {
                field.request_focus();
            }
            ui.horizontal(|ui| {
                if ui.button("Save note").clicked() {
                    match set_note(ann, Some(id), &state.draft) {
                        Ok(outcome) => messages.push(AppMessage::ApplyEdit(outcome.edit)),
                        Err(err) => messages.push(AppMessage::ReportError(err.to_string())),
                    }
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
    if close || !open {
        state.close();
    }
    messages
}

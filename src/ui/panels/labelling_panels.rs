//! The labelling panels as one piece for the app: label palette, span list, label editor and note
//! editor with their state, the label hotkeys, and the handling of span and label commands.
//!
//! Per frame the app calls [`LabellingPanels::label_palette_ui`] and
//! [`LabellingPanels::span_list_ui`] inside its side panels, [`LabellingPanels::windows_ui`] once,
//! [`LabellingPanels::hotkey_commands`] after its fixed shortcuts, and, while applying the
//! collected commands, [`LabellingPanels::handle_command`] first: it replaces span and label
//! commands by `ApplyEdit`/`SelectSpan`/`ReportError` messages (or opens a window). Nothing here
//! changes the annotation.

use std::collections::BTreeMap;
use std::ops::Range;

use qalam_core::model::{Annotation, SpanId};

use crate::ui::commands::span_commands::span_command_effects;
use crate::ui::commands::{AppMessage, Command};
use crate::ui::panels::label_palette::{label_hotkey_commands, label_palette_ui};
use crate::ui::panels::review_bar::ReviewBarState;
use crate::ui::panels::span_list::{SpanListState, span_list_ui};
use crate::ui::windows::label_editor::{LabelEditorState, label_editor_ui};
use crate::ui::windows::note_editor::{NoteEditorState, note_editor_ui};
use qalam_core::editing::WordBoundaryCache;
use qalam_core::editing::label_action;

/// The state of every labelling panel of one window.
#[derive(Debug, Default)]
pub struct LabellingPanels {
    /// Span list sort and filter.
    pub span_list: SpanListState,
    /// Label-set editor window.
    pub label_editor: LabelEditorState,
    /// Note editor window.
    pub note_editor: NoteEditorState,
    /// Review mode and its reason field.
    pub review: ReviewBarState,
    /// Each label's definition (from the open corpus), shown in the palette's tooltips.
    pub definitions: BTreeMap<String, String>,
    words: WordBoundaryCache,
    /// Whether a text field had keyboard focus when the windows were last drawn: egui drops
    /// the focus as soon as Esc arrives, before anyone can ask.
    text_had_focus: bool,
}

impl LabellingPanels {
    /// Panels with nothing open.
    pub fn new() -> Self {
        Self::default()
    }

    /// Draws the label palette (tag or relabel depending on the selection).
    pub fn label_palette_ui(
        &mut self,
        ui: &mut egui::Ui,
        ann: &Annotation,
        selection: Option<&Range<usize>>,
        selected: Option<SpanId>,
    ) -> Vec<Command> {
        label_palette_ui(
            ui,
            ann.labels(),
            label_action(selection, selected),
            &self.definitions,
        )
    }

    /// Draws the span list.
    pub fn span_list_ui(
        &mut self,
        ui: &mut egui::Ui,
        ann: &Annotation,
        selected: Option<SpanId>,
    ) -> Vec<AppMessage> {
        span_list_ui(ui, &mut self.span_list, ann, selected)
    }

    /// Draws the label editor and note editor windows when open.
    pub fn windows_ui(&mut self, ctx: &egui::Context, ann: &Annotation) -> Vec<AppMessage> {
        let mut messages = label_editor_ui(ctx, &mut self.label_editor, ann);
        messages.extend(note_editor_ui(ctx, &mut self.note_editor, ann));
        self.text_had_focus = ctx.text_edit_focused();
        messages
    }

    /// Esc cancels a rejection being typed in the review bar, or closes the note window
    /// (dropping its draft), or else the label editor unless one of
    /// its fields has focus (there Esc first reverts the field). Call before the frame's
    /// shortcuts, so Esc does not also clear the text selection. Returns whether Esc was used.
    pub fn close_window_on_escape(&mut self, ctx: &egui::Context) -> bool {
        if self.review.cancel_on_escape(ctx) {
            return true;
        }
        let escape = |ctx: &egui::Context| {
            ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        };
        if self.note_editor.is_open() {
            if escape(ctx) {
                self.note_editor.close();
                return true;
            }
        } else if self.label_editor.open && !self.text_had_focus && escape(ctx) {
            self.label_editor.open = false;
            return true;
        }
        false
    }

    /// This frame's label hotkeys (digits and letters), unless a text field has focus or the
    /// note window is open (keys meant for the note never tag or relabel the document). The label
    /// editor leaves them on while none of its fields has focus, so a changed hotkey can be tried
    /// at once.
    pub fn hotkey_commands(
        &mut self,
        ctx: &egui::Context,
        ann: &Annotation,
        selection: Option<&Range<usize>>,
        selected: Option<SpanId>,
    ) -> Vec<Command> {
        if self.note_editor.is_open() || self.review.is_rejecting() {
            return Vec::new();
        }
        label_hotkey_commands(ctx, ann.labels(), label_action(selection, selected))
    }

    /// Handles span and label commands: returns the messages replacing `command`, or `None` if
    /// it is not one of them. Opening a window returns an empty list.
    pub fn handle_command(
        &mut self,
        command: Command,
        ann: &Annotation,
        selection: Option<Range<usize>>,
        selected: Option<SpanId>,
    ) -> Option<Vec<AppMessage>> {
        match command {
            Command::EditLabels => {
                self.label_editor.open = true;
                Some(Vec::new())
            }
            Command::EditNote => Some(match self.note_editor.open(ann, selected) {
                Ok(()) => Vec::new(),
                Err(err) => vec![AppMessage::ReportError(err.to_string())],
            }),
            _ => span_command_effects(command, ann, selection, selected, &mut self.words),
        }
    }
}

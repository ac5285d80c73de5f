//! Every user action as a [`Command`]: its menu text, tooltip, menu and keyboard shortcuts.
//!
//! Panels and menus never change the app directly: while drawing they push commands into a
//! [`CommandQueue`], and the app applies them all once, after drawing the frame.
//!
//! The keyboard shortcuts (fixed keys, label hotkeys, clash check, consuming key presses) are in
//! `shortcuts.rs`; the span-boundary resizes and their right-to-left key choice in `resize.rs`.
//! Everything is re-exported here, so callers use `ui::commands::…` only.

use std::path::PathBuf;

use qalam_core::model::{DocStatus, Edit, SpanId};

mod resize;
mod shortcuts;
pub mod span_commands;

pub use resize::{ResizeDirection, ResizeStep, SpanEdge, SpanResize, resize_shortcut};
pub use shortcuts::{
    consume_shortcuts, fixed_shortcuts, label_shortcuts, letter_key, shortcut_clashes,
};

/// The menu a command lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Menu {
    /// Opening, saving, closing files.
    File,
    /// Undo/redo, labels, status, settings.
    Edit,
    /// Creating and changing spans.
    Span,
    /// Text size, theme, documents.
    View,
    /// Help.
    Help,
}

impl Menu {
    /// All menus, in menu-bar order.
    pub const ALL: [Menu; 5] = [Menu::File, Menu::Edit, Menu::Span, Menu::View, Menu::Help];

    /// The menu's title in the menu bar.
    pub fn title(self) -> &'static str {
        match self {
            Menu::File => "File",
            Menu::Edit => "Edit",
            Menu::Span => "Span",
            Menu::View => "View",
            Menu::Help => "Help",
        }
    }
}

/// Every action the user can take. Emitted by menus, panels and shortcuts during a frame and
/// applied by the app after drawing.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    // ---- File ----
    /// Open a file with the native file dialog (falls back to the path field).
    Open,
    /// Show the "Open path…" field to type a path.
    OpenPath,
    /// Open this file (from the recent list, the path field or a drop). Not in [`Command::all`].
    OpenFile(PathBuf),
    /// Save the current document to its `.qalam.json`.
    Save,
    /// Save the current document under a new name.
    SaveAs,
    /// Close the current document (asks first if it has unsaved changes).
    CloseDocument,
    /// Quit the app (asks first if a document has unsaved changes).
    Quit,

    // ---- Edit ----
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Set the document's workflow status.
    SetStatus(DocStatus),
    /// Open the label-set editor.
    EditLabels,
    /// Save the document's label set as a template file.
    SaveLabelTemplate,
    /// Replace the document's label set with one from a template file.
    LoadLabelTemplate,
    /// Open the settings window (annotator name).
    Settings,
    /// Apply this edit through the history (from the label editor, note editor, …).
    /// Not in [`Command::all`].
    ApplyEdit(Edit),

    // ---- Span ----
    /// Tag the selected text with the label at this index of the label set.
    TagSelection(usize),
    /// Give the selected span the label at this index of the label set.
    RelabelSpan(usize),
    /// Delete the selected span.
    DeleteSpan,
    /// Move one boundary of the selected span.
    ResizeSpan(SpanResize),
    /// Select the next span in text order.
    NextSpan,
    /// Select the previous span in text order.
    PrevSpan,
    /// Select this span and scroll to it (`None` deselects). Not in [`Command::all`].
    SelectSpan(Option<SpanId>),
    /// Edit the selected span's note.
    EditNote,
    /// Clear the text selection and the selected span.
    ClearSelection,

    // ---- View ----
    /// Larger document text.
    TextBigger,
    /// Smaller document text.
    TextSmaller,
    /// Switch between dark and light theme.
    ToggleTheme,
    /// Show the open document with this index (when several are open).
    SelectDocument(usize),

    // ---- Help ----
    /// Show every command with its keys.
    ShowShortcuts,

    // ---- Messages (not in menus) ----
    /// Show an error to the user. Not in [`Command::all`].
    ReportError(String),
    /// Show an informational message in the status bar. Not in [`Command::all`].
    ReportInfo(String),
}

impl Command {
    /// Every command that has a menu entry, in menu order. Label-dependent commands are listed
    /// with label index 0 and [`Command::SelectDocument`] with 0; menus expand them.
    pub fn all() -> Vec<Command> {
        let mut all = vec![
            Command::Open,
            Command::OpenPath,
            Command::Save,
            Command::SaveAs,
            Command::CloseDocument,
            Command::Quit,
            Command::Undo,
            Command::Redo,
        ];
        all.extend(DocStatus::ALL.iter().map(|&s| Command::SetStatus(s)));
        all.extend([
            Command::EditLabels,
            Command::SaveLabelTemplate,
            Command::LoadLabelTemplate,
            Command::Settings,
            Command::TagSelection(0),
            Command::RelabelSpan(0),
            Command::DeleteSpan,
        ]);
        all.extend(SpanResize::ALL.iter().map(|&r| Command::ResizeSpan(r)));
        all.extend([
            Command::NextSpan,
            Command::PrevSpan,
            Command::EditNote,
            Command::ClearSelection,
            Command::TextBigger,
            Command::TextSmaller,
            Command::ToggleTheme,
            Command::SelectDocument(0),
            Command::ShowShortcuts,
        ]);
        all
    }

    /// Menu and overlay text.
    pub fn name(&self) -> String {
        match self {
            Command::Open => "Open…".into(),
            Command::OpenPath => "Open path…".into(),
            Command::OpenFile(path) => format!("Open {}", path.display()),
            Command::Save => "Save".into(),
            Command::SaveAs => "Save as…".into(),
            Command::CloseDocument => "Close document".into(),
            Command::Quit => "Quit".into(),
            Command::Undo => "Undo".into(),
            Command::Redo => "Redo".into(),
            Command::SetStatus(status) => format!("Status: {}", status.title()),
            Command::EditLabels => "Edit labels…".into(),
            Command::SaveLabelTemplate => "Save label template…".into(),
            Command::LoadLabelTemplate => "Load label template…".into(),
            Command::Settings => "Settings…".into(),
            Command::ApplyEdit(_) => "Apply edit".into(),
            Command::TagSelection(_) => "Tag selection with label".into(),
            Command::RelabelSpan(_) => "Relabel span".into(),
            Command::DeleteSpan => "Delete span".into(),
            Command::ResizeSpan(resize) => resize.name().into(),
            Command::NextSpan => "Next span".into(),
            Command::PrevSpan => "Previous span".into(),
            Command::SelectSpan(_) => "Select span".into(),
            Command::EditNote => "Edit note…".into(),
            Command::ClearSelection => "Clear selection".into(),
            Command::TextBigger => "Bigger text".into(),
            Command::TextSmaller => "Smaller text".into(),
            Command::ToggleTheme => "Toggle dark/light theme".into(),
            Command::SelectDocument(_) => "Switch to document".into(),
            Command::ShowShortcuts => "Keyboard shortcuts".into(),
            Command::ReportError(_) => "Error".into(),
            Command::ReportInfo(_) => "Message".into(),
        }
    }

    /// Tooltip: one sentence on what the command does.
    pub fn tooltip(&self) -> &'static str {
        match self {
            Command::Open => "Open a .txt or .qalam.json file",
            Command::OpenPath => "Type the path of a file to open",
            Command::OpenFile(_) => "Open this file",
            Command::Save => "Save the annotation to its .qalam.json file",
            Command::SaveAs => "Save the annotation to a new .qalam.json file",
            Command::CloseDocument => "Close the current document",
            Command::Quit => "Close Qalam",
            Command::Undo => "Undo the last change",
            Command::Redo => "Redo the last undone change",
            Command::SetStatus(_) => "Set the document's workflow status",
            Command::EditLabels => "Add, rename, recolour, reorder or remove labels",
            Command::SaveLabelTemplate => "Save this document's labels as a *.labels.json template",
            Command::LoadLabelTemplate => {
                "Use the labels of a *.labels.json template (one undo step)"
            }
            Command::Settings => "Annotator name and other settings",
            Command::ApplyEdit(_) => "Apply a change to the annotation",
            Command::TagSelection(_) => {
                "Label the selected text (digit 1–9 by position, or the label's letter)"
            }
            Command::RelabelSpan(_) => {
                "Change the selected span's label (digit or letter, with no text selected)"
            }
            Command::DeleteSpan => "Remove the selected span",
            Command::ResizeSpan(_) => {
                "Move a boundary of the selected span; the start is the right edge in Arabic text"
            }
            Command::NextSpan => "Select the next span in the text",
            Command::PrevSpan => "Select the previous span in the text",
            Command::SelectSpan(_) => "Select a span and scroll to it",
            Command::EditNote => "Write a note on the selected span",
            Command::ClearSelection => "Deselect the text and the span",
            Command::TextBigger => "Make the document text larger",
            Command::TextSmaller => "Make the document text smaller",
            Command::ToggleTheme => "Switch between the dark and the light theme",
            Command::SelectDocument(_) => "Show another open document",
            Command::ShowShortcuts => "List every command with its keys",
            Command::ReportError(_) | Command::ReportInfo(_) => "",
        }
    }

    /// The menu the command is in, or `None` for internal commands.
    pub fn menu(&self) -> Option<Menu> {
        Some(match self {
            Command::Open
            | Command::OpenPath
            | Command::Save
            | Command::SaveAs
            | Command::CloseDocument
            | Command::Quit => Menu::File,
            Command::Undo
            | Command::Redo
            | Command::SetStatus(_)
            | Command::EditLabels
            | Command::SaveLabelTemplate
            | Command::LoadLabelTemplate
            | Command::Settings => Menu::Edit,
            Command::TagSelection(_)
            | Command::RelabelSpan(_)
            | Command::DeleteSpan
            | Command::ResizeSpan(_)
            | Command::NextSpan
            | Command::PrevSpan
            | Command::EditNote
            | Command::ClearSelection => Menu::Span,
            Command::TextBigger
            | Command::TextSmaller
            | Command::ToggleTheme
            | Command::SelectDocument(_) => Menu::View,
            Command::ShowShortcuts => Menu::Help,
            Command::OpenFile(_)
            | Command::ApplyEdit(_)
            | Command::SelectSpan(_)
            | Command::ReportError(_)
            | Command::ReportInfo(_) => return None,
        })
    }
}

/// Commands collected while drawing a frame, applied by the app afterwards.
#[derive(Debug, Default)]
pub struct CommandQueue {
    commands: Vec<Command>,
}

impl CommandQueue {
    /// An empty queue.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a command to apply after this frame.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Adds several commands.
    pub fn extend(&mut self, commands: impl IntoIterator<Item = Command>) {
        self.commands.extend(commands);
    }

    /// Takes all queued commands, leaving the queue empty.
    pub fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.commands)
    }

    /// Whether nothing is queued.
    pub fn is_empty(&self) -> bool {
        self.commands.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_command_is_in_a_menu_and_has_a_keyboard_path() {
        for command in Command::all() {
            assert!(command.menu().is_some(), "{command:?} has no menu");
            let has_keys = !command.shortcuts().is_empty()
                || matches!(command, Command::TagSelection(_) | Command::RelabelSpan(_));
            assert!(has_keys, "{command:?} has no shortcut");
            assert!(!command.tooltip().is_empty(), "{command:?} has no tooltip");
        }
    }
}

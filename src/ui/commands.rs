//! Every user action as a [`Command`]: its menu text, tooltip, menu and keyboard shortcuts.
//!
//! Panels and menus never change the app directly: while drawing they push commands into a
//! [`CommandQueue`], and the app applies them all once, after drawing the frame.
//!
//! Keyboard shortcuts are organised in three layers:
//! - fixed shortcuts, returned by [`Command::shortcuts`] (e.g. Ctrl+S for [`Command::Save`]);
//! - label hotkeys resolved from the document's [`LabelSet`] by [`label_shortcuts`]: the digit
//!   1–9 of the label's position and its letter hotkey, both without modifiers. They mean
//!   [`Command::TagSelection`] when text is selected and [`Command::RelabelSpan`] when only a
//!   span is selected;
//! - numbered shortcuts for [`Command::SetStatus`] (Alt+1–4) and [`Command::SelectDocument`]
//!   (Ctrl+1–9).
//!
//! [`shortcut_clashes`] checks that no two of them share a key, and a unit test runs it against
//! the default label set.
//!
//! Span boundaries: "start" is the logical start of a span (its lowest code point). In
//! right-to-left text (Arabic) that is the span's **right** edge on screen. The keys are chosen
//! for right-to-left text: with Alt, an arrow moves the *leading* edge in the arrow's direction
//! (Alt+→ moves the start rightwards = grows the start), with Alt+Shift the *trailing* edge
//! (Alt+Shift+→ moves the end rightwards = shrinks the end). Add Ctrl to move by a word.
//! In left-to-right text the same keys keep their logical meaning (start/end), so on screen
//! they act mirrored.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::{DocStatus, Edit, LabelSet, SpanId};

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

/// Which edge of a span a resize command moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpanEdge {
    /// The logical start (lowest code point; the right edge in right-to-left text).
    Start,
    /// The logical end (exclusive; the left edge in right-to-left text).
    End,
}

/// Whether a resize makes the span longer or shorter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResizeDirection {
    /// Move the edge outwards (start earlier, end later).
    Grow,
    /// Move the edge inwards (start later, end earlier).
    Shrink,
}

/// How far a resize moves an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResizeStep {
    /// One code point.
    Char,
    /// To the next word boundary (Unicode word segmentation).
    Word,
}

/// A change of one span boundary, e.g. "grow the start by a word".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SpanResize {
    /// The edge to move.
    pub edge: SpanEdge,
    /// Outwards or inwards.
    pub direction: ResizeDirection,
    /// By a character or a word.
    pub step: ResizeStep,
}

impl SpanResize {
    /// All eight resizes, in menu order.
    pub const ALL: [SpanResize; 8] = {
        use ResizeDirection::{Grow, Shrink};
        use ResizeStep::{Char, Word};
        use SpanEdge::{End, Start};
        [
            SpanResize::new(Start, Grow, Char),
            SpanResize::new(Start, Shrink, Char),
            SpanResize::new(End, Grow, Char),
            SpanResize::new(End, Shrink, Char),
            SpanResize::new(Start, Grow, Word),
            SpanResize::new(Start, Shrink, Word),
            SpanResize::new(End, Grow, Word),
            SpanResize::new(End, Shrink, Word),
        ]
    };

    /// A resize of `edge` in `direction` by `step`.
    pub const fn new(edge: SpanEdge, direction: ResizeDirection, step: ResizeStep) -> Self {
        Self {
            edge,
            direction,
            step,
        }
    }

    /// Menu text, e.g. "Grow start by a word".
    pub fn name(self) -> &'static str {
        use ResizeDirection::{Grow, Shrink};
        use ResizeStep::{Char, Word};
        use SpanEdge::{End, Start};
        match (self.direction, self.edge, self.step) {
            (Grow, Start, Char) => "Grow start by a character",
            (Shrink, Start, Char) => "Shrink start by a character",
            (Grow, End, Char) => "Grow end by a character",
            (Shrink, End, Char) => "Shrink end by a character",
            (Grow, Start, Word) => "Grow start by a word",
            (Shrink, Start, Word) => "Shrink start by a word",
            (Grow, End, Word) => "Grow end by a word",
            (Shrink, End, Word) => "Shrink end by a word",
        }
    }

    /// The shortcut: Alt (+Shift for the trailing edge, +Ctrl for a word) and an arrow.
    /// See the module documentation for the right-to-left reasoning.
    pub fn shortcut(self) -> KeyboardShortcut {
        // In RTL text the start is on the right: growing it moves it right, shrinking it left;
        // the end is on the left: growing it moves it left, shrinking it right.
        let (shift, key) = match (self.edge, self.direction) {
            (SpanEdge::Start, ResizeDirection::Grow) => (false, Key::ArrowRight),
            (SpanEdge::End, ResizeDirection::Grow) => (false, Key::ArrowLeft),
            (SpanEdge::End, ResizeDirection::Shrink) => (true, Key::ArrowRight),
            (SpanEdge::Start, ResizeDirection::Shrink) => (true, Key::ArrowLeft),
        };
        let mut modifiers = Modifiers::ALT;
        if shift {
            modifiers |= Modifiers::SHIFT;
        }
        if self.step == ResizeStep::Word {
            modifiers |= Modifiers::COMMAND;
        }
        KeyboardShortcut::new(modifiers, key)
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

const fn shortcut(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};
const NONE: Modifiers = Modifiers::NONE;

/// Digit keys 1–9, by index 0–8.
const DIGITS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// The four statuses in workflow order.
pub const STATUSES: [DocStatus; 4] = [
    DocStatus::Todo,
    DocStatus::InProgress,
    DocStatus::Done,
    DocStatus::Reviewed,
];

/// Human name of a document status ("todo", "in progress", "done", "reviewed").
pub fn status_name(status: DocStatus) -> &'static str {
    match status {
        DocStatus::Todo => "todo",
        DocStatus::InProgress => "in progress",
        DocStatus::Done => "done",
        DocStatus::Reviewed => "reviewed",
    }
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
        all.extend(STATUSES.iter().map(|&s| Command::SetStatus(s)));
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
            Command::SetStatus(status) => format!("Status: {}", status_name(*status)),
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

    /// Fixed keyboard shortcuts, the first being the one shown in menus. Label hotkeys are not
    /// here: see [`label_shortcuts`].
    pub fn shortcuts(&self) -> Vec<KeyboardShortcut> {
        match self {
            Command::Open => vec![shortcut(CMD, Key::O)],
            Command::OpenPath => vec![shortcut(CMD, Key::L)],
            Command::Save => vec![shortcut(CMD, Key::S)],
            Command::SaveAs => vec![shortcut(CMD_SHIFT, Key::S)],
            Command::CloseDocument => vec![shortcut(CMD, Key::W)],
            Command::Quit => vec![shortcut(CMD, Key::Q)],
            Command::Undo => vec![shortcut(CMD, Key::Z)],
            Command::Redo => vec![shortcut(CMD_SHIFT, Key::Z), shortcut(CMD, Key::Y)],
            Command::SetStatus(status) => {
                let index = STATUSES.iter().position(|s| s == status).unwrap_or(0);
                vec![shortcut(Modifiers::ALT, DIGITS[index])]
            }
            Command::EditLabels => vec![shortcut(CMD_SHIFT, Key::L)],
            Command::SaveLabelTemplate => vec![shortcut(CMD_SHIFT, Key::E)],
            Command::LoadLabelTemplate => vec![shortcut(CMD_SHIFT, Key::I)],
            Command::Settings => vec![shortcut(CMD, Key::Comma)],
            Command::DeleteSpan => {
                vec![shortcut(NONE, Key::Delete), shortcut(NONE, Key::Backspace)]
            }
            Command::ResizeSpan(resize) => vec![resize.shortcut()],
            Command::NextSpan => vec![shortcut(Modifiers::ALT, Key::ArrowDown)],
            Command::PrevSpan => vec![shortcut(Modifiers::ALT, Key::ArrowUp)],
            Command::EditNote => vec![shortcut(NONE, Key::F2)],
            Command::ClearSelection => vec![shortcut(NONE, Key::Escape)],
            Command::TextBigger => vec![shortcut(CMD, Key::Plus), shortcut(CMD, Key::Equals)],
            Command::TextSmaller => vec![shortcut(CMD, Key::Minus)],
            Command::ToggleTheme => vec![shortcut(CMD_SHIFT, Key::T)],
            Command::SelectDocument(index) => DIGITS
                .get(*index)
                .map(|&key| vec![shortcut(CMD, key)])
                .unwrap_or_default(),
            Command::ShowShortcuts => {
                vec![shortcut(NONE, Key::F1), shortcut(NONE, Key::Questionmark)]
            }
            Command::TagSelection(_)
            | Command::RelabelSpan(_)
            | Command::OpenFile(_)
            | Command::ApplyEdit(_)
            | Command::SelectSpan(_)
            | Command::ReportError(_)
            | Command::ReportInfo(_) => Vec::new(),
        }
    }

    /// Whether the command's keys would be typed into a focused text field, so the app must
    /// not take them while one has keyboard focus.
    pub fn conflicts_with_text_editing(&self) -> bool {
        self.shortcuts()
            .iter()
            .any(KeyboardShortcut::conflicts_with_text_editing)
    }
}

/// The label hotkeys of the label at `index`: the digit of its position (1–9, for the first
/// nine labels) and its letter hotkey, both without modifiers.
pub fn label_shortcuts(labels: &LabelSet, index: usize) -> Vec<KeyboardShortcut> {
    let mut keys = Vec::new();
    if let Some(&digit) = DIGITS.get(index) {
        keys.push(shortcut(NONE, digit));
    }
    if let Some(key) = labels
        .labels
        .get(index)
        .and_then(|label| label.hotkey)
        .and_then(letter_key)
    {
        keys.push(shortcut(NONE, key));
    }
    keys
}

/// The egui key for a letter or digit hotkey (case-insensitive), if there is one.
pub fn letter_key(letter: char) -> Option<Key> {
    Key::from_name(&letter.to_ascii_uppercase().to_string())
}

/// Every fixed shortcut of every command, with the command, including the numbered ones for
/// `documents` open documents.
pub fn fixed_shortcuts(documents: usize) -> Vec<(KeyboardShortcut, Command)> {
    let mut commands = Command::all();
    commands.retain(|c| !matches!(c, Command::SelectDocument(_)));
    commands.extend((0..documents.min(DIGITS.len())).map(Command::SelectDocument));
    commands
        .into_iter()
        .flat_map(|command| {
            command
                .shortcuts()
                .into_iter()
                .map(move |key| (key, command.clone()))
        })
        .collect()
}

/// Pairs of commands that share a key, given the label set and the number of open documents.
/// Label hotkeys are shared by [`Command::TagSelection`] and [`Command::RelabelSpan`] on purpose
/// (the selection decides), so only the tag command is checked for them.
pub fn shortcut_clashes(labels: &LabelSet, documents: usize) -> Vec<(String, String, String)> {
    let mut all = fixed_shortcuts(documents);
    for index in 0..labels.labels.len() {
        for key in label_shortcuts(labels, index) {
            all.push((key, Command::TagSelection(index)));
        }
    }
    let mut clashes = Vec::new();
    for (i, (key_a, command_a)) in all.iter().enumerate() {
        for (key_b, command_b) in &all[i + 1..] {
            if key_a == key_b && command_a != command_b {
                clashes.push((
                    format!("{key_a:?}"),
                    describe(command_a, labels),
                    describe(command_b, labels),
                ));
            }
        }
    }
    clashes
}

fn describe(command: &Command, labels: &LabelSet) -> String {
    match command {
        Command::TagSelection(index) => match labels.labels.get(*index) {
            Some(label) => format!("Tag selection with {}", label.name),
            None => command.name(),
        },
        other => other.name(),
    }
}

/// Modifier count, used to try the most specific shortcut first (egui matches shortcuts
/// "logically": a pressed Alt+Shift+→ also matches the pattern Alt+→).
fn specificity(shortcut: &KeyboardShortcut) -> usize {
    let m = shortcut.modifiers;
    usize::from(m.alt) + usize::from(m.shift) + usize::from(m.ctrl || m.command || m.mac_cmd)
}

/// Consumes this frame's key presses that match a shortcut in `bindings` and returns their
/// commands in binding order. Most specific shortcuts are tried first. When `text_has_focus`,
/// shortcuts that would be typed into the text field are left alone.
pub fn consume_shortcuts(
    input: &mut egui::InputState,
    bindings: &[(KeyboardShortcut, Command)],
    text_has_focus: bool,
) -> Vec<Command> {
    let mut ordered: Vec<&(KeyboardShortcut, Command)> = bindings.iter().collect();
    ordered.sort_by_key(|(key, _)| std::cmp::Reverse(specificity(key)));
    let mut commands = Vec::new();
    for (key, command) in ordered {
        if text_has_focus && key.conflicts_with_text_editing() {
            continue;
        }
        let presses = input.count_and_consume_key(key.modifiers, key.logical_key);
        for _ in 0..presses {
            commands.push(command.clone());
        }
    }
    commands
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
    fn no_two_commands_share_a_shortcut_with_default_labels_and_nine_documents() {
        let clashes = shortcut_clashes(&LabelSet::default(), 9);
        assert!(clashes.is_empty(), "clashing shortcuts: {clashes:#?}");
    }

    #[test]
    fn clash_check_detects_a_label_letter_that_collides_with_a_fixed_shortcut() {
        // F2 edits the note; a label whose hotkey is the digit 1 collides with label 0's digit.
        let mut labels = LabelSet::default();
        labels.labels[3].hotkey = Some('1');
        let clashes = shortcut_clashes(&labels, 1);
        assert_eq!(clashes.len(), 1, "{clashes:#?}");
        assert!(clashes[0].1.contains("PERSON") && clashes[0].2.contains("EVENT"));
    }

    #[test]
    fn default_label_shortcuts_are_digit_then_letter() {
        let labels = LabelSet::default();
        assert_eq!(
            label_shortcuts(&labels, 1),
            vec![shortcut(NONE, Key::Num2), shortcut(NONE, Key::C)]
        );
    }

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

    #[test]
    fn resize_shortcuts_are_distinct_and_word_steps_use_command() {
        let keys: Vec<_> = SpanResize::ALL.iter().map(|r| r.shortcut()).collect();
        for (i, a) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(a), "duplicate {a:?}");
        }
        for resize in SpanResize::ALL {
            assert_eq!(
                resize.shortcut().modifiers.command,
                resize.step == ResizeStep::Word
            );
        }
    }

    #[test]
    fn more_specific_shortcut_wins_when_consuming() {
        let ctx = egui::Context::default();
        let mut input = egui::RawInput::default();
        input.events.push(egui::Event::Key {
            key: Key::ArrowLeft,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::ALT | Modifiers::SHIFT,
        });
        let mut got = Vec::new();
        let mut output = ctx.run_ui(input, |ui| {
            got = ui
                .ctx()
                .input_mut(|i| consume_shortcuts(i, &fixed_shortcuts(1), false));
        });
        output.textures_delta.clear();
        assert_eq!(
            got,
            vec![Command::ResizeSpan(SpanResize::new(
                SpanEdge::Start,
                ResizeDirection::Shrink,
                ResizeStep::Char
            ))]
        );
    }
}

//! Keyboard shortcuts of the commands: the fixed keys of each [`Command`], the label hotkeys,
//! the check that no two commands share a key, and consuming a frame's key presses.
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
//! - review keys ([`review_shortcuts`]): plain letters (A accept, R reject, F fixed, N / Shift+N
//!   next / previous undecided) bound only while review mode is on, before the label hotkeys, so
//!   a label whose letter is one of them is reached by its digit while reviewing.
//!
//! [`shortcut_clashes`] checks that no two of them share a key ([`review_shortcut_clashes`] with
//! the review keys bound too), and unit tests run both against the default label set.

use egui::{Key, KeyboardShortcut, Modifiers};

use qalam_core::model::{DocStatus, LabelSet};

use super::{Command, resize};

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
const ALT: Modifiers = Modifiers::ALT;
const SHIFT: Modifiers = Modifiers::SHIFT;
const ALT_SHIFT: Modifiers = Modifiers {
    alt: true,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: false,
};
const CTRL_ALT: Modifiers = Modifiers {
    alt: true,
    ctrl: false,
    shift: false,
    mac_cmd: false,
    command: true,
};

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

impl Command {
    /// Fixed keyboard shortcuts, the first being the one shown in menus. Label hotkeys are not
    /// here: see [`label_shortcuts`].
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        match self {
            Command::Open => vec![shortcut(CMD, Key::O)],
            Command::OpenPath => vec![shortcut(CMD, Key::L)],
            Command::OpenFolder => vec![shortcut(CMD_SHIFT, Key::O)],
            Command::Save => vec![shortcut(CMD, Key::S)],
            Command::SaveAs => vec![shortcut(CMD_SHIFT, Key::S)],
            Command::ExportDataset => vec![shortcut(CMD, Key::E)],
            Command::ImportDataset => vec![shortcut(CMD, Key::I)],
            Command::Sync => vec![shortcut(CMD_SHIFT, Key::G)],
            Command::CloseDocument => vec![shortcut(CMD, Key::W)],
            Command::Quit => vec![shortcut(CMD, Key::Q)],
            Command::Undo => vec![shortcut(CMD, Key::Z)],
            Command::Redo => vec![shortcut(CMD_SHIFT, Key::Z), shortcut(CMD, Key::Y)],
            Command::SetStatus(status) => {
                let index = DocStatus::ALL
                    .iter()
                    .position(|&s| s == status)
                    .unwrap_or(0);
                vec![shortcut(Modifiers::ALT, DIGITS[index])]
            }
            Command::EditLabels => vec![shortcut(CMD_SHIFT, Key::L)],
            Command::SaveLabelTemplate => vec![shortcut(CMD_SHIFT, Key::E)],
            Command::LoadLabelTemplate => vec![shortcut(CMD_SHIFT, Key::I)],
            Command::Settings => vec![shortcut(CMD, Key::Comma)],
            Command::Find => vec![shortcut(CMD, Key::F)],
            // F3 (the usual key) shows the guidelines.
            Command::FindNext => vec![shortcut(NONE, Key::F4)],
            Command::FindPrevious => vec![shortcut(SHIFT, Key::F4)],
            Command::DeleteSpan => {
                vec![shortcut(NONE, Key::Delete), shortcut(NONE, Key::Backspace)]
            }
            Command::ResizeSpan(resize) => vec![resize::resize_shortcut(resize)],
            Command::NextSpan => vec![shortcut(Modifiers::ALT, Key::ArrowDown)],
            Command::PrevSpan => vec![shortcut(Modifiers::ALT, Key::ArrowUp)],
            Command::EditNote => vec![shortcut(NONE, Key::F2)],
            Command::ClearSelection => vec![shortcut(NONE, Key::Escape)],
            Command::ToggleWordSnap => vec![shortcut(CMD_SHIFT, Key::W)],
            Command::ToggleReviewMode => vec![shortcut(CMD, Key::R)],
            Command::AcceptSpan => vec![shortcut(NONE, Key::A)],
            Command::RejectSpan => vec![shortcut(NONE, Key::R)],
            Command::MarkSpanFixed => vec![shortcut(NONE, Key::F)],
            Command::NextUndecided => vec![shortcut(NONE, Key::N)],
            Command::PrevUndecided => vec![shortcut(Modifiers::SHIFT, Key::N)],
            Command::ClearSpanReview => vec![shortcut(CMD_SHIFT, Key::U)],
            Command::MarkReviewed => vec![shortcut(CMD_SHIFT, Key::R)],
            Command::AnnotateAll => vec![shortcut(CMD_SHIFT, Key::A)],
            Command::TextBigger => vec![shortcut(CMD, Key::Plus), shortcut(CMD, Key::Equals)],
            Command::TextSmaller => vec![shortcut(CMD, Key::Minus)],
            Command::ToggleTheme => vec![shortcut(CMD_SHIFT, Key::T)],
            Command::ToggleLabelPalette => vec![shortcut(NONE, Key::F8)],
            Command::ToggleSpanList => vec![shortcut(NONE, Key::F9)],
            Command::SelectDocument(index) => DIGITS
                .get(index)
                .map(|&key| vec![shortcut(CMD, key)])
                .unwrap_or_default(),
            Command::ToggleDocumentList => vec![shortcut(NONE, Key::F7)],
            Command::NextDocument => vec![shortcut(ALT, Key::PageDown)],
            Command::PrevDocument => vec![shortcut(ALT, Key::PageUp)],
            Command::NextUnfinished => vec![shortcut(CTRL_ALT, Key::PageDown)],
            Command::PrevUnfinished => vec![shortcut(CTRL_ALT, Key::PageUp)],
            Command::ShowGuidelines => vec![shortcut(NONE, Key::F3)],
            Command::ShowStatistics => vec![shortcut(NONE, Key::F6)],
            Command::CompareAnnotators => vec![shortcut(CMD_SHIFT, Key::D)],
            Command::ShowAgreement => vec![shortcut(CMD_SHIFT, Key::K)],
            Command::ToggleSuggestions => vec![shortcut(NONE, Key::F5)],
            Command::NextSuggestion => vec![shortcut(ALT, Key::N)],
            Command::PrevSuggestion => vec![shortcut(ALT_SHIFT, Key::N)],
            Command::AcceptSuggestion => vec![shortcut(ALT, Key::A)],
            Command::RejectSuggestion => vec![shortcut(ALT, Key::R)],
            Command::AcceptSuggestionName => vec![shortcut(ALT_SHIFT, Key::A)],
            Command::RejectSuggestionName => vec![shortcut(ALT_SHIFT, Key::R)],
            Command::LoadGazetteerList => vec![shortcut(CMD_SHIFT, Key::J)],
            Command::LoadPredictions => vec![shortcut(CMD_SHIFT, Key::P)],
            Command::RebuildGazetteer => vec![shortcut(CMD_SHIFT, Key::B)],
            Command::ShowShortcuts => {
                vec![shortcut(NONE, Key::F1), shortcut(NONE, Key::Questionmark)]
            }
            Command::TagSelection(_) | Command::RelabelSpan(_) => Vec::new(),
        }
    }

    /// Whether the command's keys would be typed into a focused text field, so the app must
    /// not take them while one has keyboard focus. The suggestion review keys (Alt+letter)
    /// count too: Alt+letter types a character on some keyboards, and accepting or rejecting
    /// while typing a label name would change the document unseen.
    pub fn conflicts_with_text_editing(self) -> bool {
        self.reviews_suggestions()
            || self
                .shortcuts()
                .iter()
                .any(KeyboardShortcut::conflicts_with_text_editing)
    }

    /// Whether the command moves through, accepts or rejects suggestions.
    pub fn reviews_suggestions(self) -> bool {
        matches!(
            self,
            Command::NextSuggestion
                | Command::PrevSuggestion
                | Command::AcceptSuggestion
                | Command::RejectSuggestion
                | Command::AcceptSuggestionName
                | Command::RejectSuggestionName
        )
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
/// `documents` open documents; not the review keys (see [`review_shortcuts`]).
pub fn fixed_shortcuts(documents: usize) -> Vec<(KeyboardShortcut, Command)> {
    let documents = (0..documents.min(DIGITS.len())).map(Command::SelectDocument);
    Command::ALL
        .into_iter()
        .filter(|c| !matches!(c, Command::SelectDocument(_)) && !c.review_mode_only())
        .chain(documents)
        .flat_map(|command| {
            command
                .shortcuts()
                .into_iter()
                .map(move |key| (key, command))
        })
        .collect()
}

/// The keys bound only in review mode ([`Command::review_mode_only`]), with their commands.
pub fn review_shortcuts() -> Vec<(KeyboardShortcut, Command)> {
    Command::ALL
        .into_iter()
        .filter(|c| c.review_mode_only())
        .flat_map(|command| {
            command
                .shortcuts()
                .into_iter()
                .map(move |key| (key, command))
        })
        .collect()
}

/// Like [`shortcut_clashes`], with the review keys bound as in review mode.
pub fn review_shortcut_clashes(
    labels: &LabelSet,
    documents: usize,
) -> Vec<(String, String, String)> {
    clashes_among(review_shortcuts(), labels, documents)
}

/// Pairs of commands that share a key, given the label set and the number of open documents.
/// Label hotkeys are shared by [`Command::TagSelection`] and [`Command::RelabelSpan`] on purpose
/// (the selection decides), so only the tag command is checked for them.
pub fn shortcut_clashes(labels: &LabelSet, documents: usize) -> Vec<(String, String, String)> {
    clashes_among(Vec::new(), labels, documents)
}

/// Clashes among `extra`, the fixed shortcuts and the label hotkeys.
fn clashes_among(
    extra: Vec<(KeyboardShortcut, Command)>,
    labels: &LabelSet,
    documents: usize,
) -> Vec<(String, String, String)> {
    let mut all = extra;
    all.extend(fixed_shortcuts(documents));
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
                    describe(*command_a, labels),
                    describe(*command_b, labels),
                ));
            }
        }
    }
    clashes
}

fn describe(command: Command, labels: &LabelSet) -> String {
    match command {
        Command::TagSelection(index) => match labels.labels.get(index) {
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
        if text_has_focus && (key.conflicts_with_text_editing() || command.reviews_suggestions()) {
            continue;
        }
        let presses = input.count_and_consume_key(key.modifiers, key.logical_key);
        for _ in 0..presses {
            commands.push(*command);
        }
    }
    commands
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::commands::{ResizeDirection, ResizeStep, SpanEdge, SpanResize};

    #[test]
    fn no_two_commands_share_a_shortcut_with_default_labels_and_nine_documents() {
        let clashes = shortcut_clashes(&LabelSet::default(), 9);
        assert!(clashes.is_empty(), "clashing shortcuts: {clashes:#?}");
    }

    #[test]
    fn review_keys_clash_with_nothing_with_default_labels_and_nine_documents() {
        let clashes = review_shortcut_clashes(&LabelSet::default(), 9);
        assert!(clashes.is_empty(), "clashing shortcuts: {clashes:#?}");
        let bound: Vec<Command> = review_shortcuts().into_iter().map(|(_, c)| c).collect();
        assert_eq!(
            bound,
            [
                Command::AcceptSpan,
                Command::RejectSpan,
                Command::MarkSpanFixed,
                Command::NextUndecided,
                Command::PrevUndecided
            ]
        );
        // A label with the letter R would clash in review mode (reached by its digit then).
        let mut labels = LabelSet::default();
        labels.labels[3].hotkey = Some('R');
        assert!(shortcut_clashes(&labels, 1).is_empty());
        let clashes = review_shortcut_clashes(&labels, 1);
        assert_eq!(clashes.len(), 1, "{clashes:#?}");
        assert_eq!(clashes[0].1, Command::RejectSpan.name());
    }

    #[test]
    fn clash_check_detects_a_label_hotkey_that_collides_with_another_labels_digit() {
        // A label whose hotkey is the digit 1 collides with label 0's digit.
        let mut labels = LabelSet::default();
        labels.labels[3].hotkey = Some('1');
        let clashes = shortcut_clashes(&labels, 1);
        assert_eq!(clashes.len(), 1, "{clashes:#?}");
        assert!(clashes[0].1.contains("PERSON") && clashes[0].2.contains("EVENT"));
    }

    #[test]
    fn clash_check_detects_a_label_hotkey_that_collides_with_a_fixed_shortcut() {
        // `?` (no modifier) shows the shortcut overlay; a label with the hotkey `?` collides.
        let mut labels = LabelSet::default();
        labels.labels[3].hotkey = Some('?');
        let clashes = shortcut_clashes(&labels, 1);
        assert_eq!(clashes.len(), 1, "{clashes:#?}");
        assert_eq!(clashes[0].1, Command::ShowShortcuts.name());
        assert_eq!(clashes[0].2, "Tag selection with EVENT");
    }

    #[test]
    fn fixed_shortcuts_cover_every_listed_command_but_the_label_ones() {
        let bindings = fixed_shortcuts(9);
        for command in Command::ALL {
            let bound = bindings.iter().any(|(_, c)| *c == command);
            let label_command =
                matches!(command, Command::TagSelection(_) | Command::RelabelSpan(_));
            let in_review = review_shortcuts().iter().any(|(_, c)| *c == command);
            assert_eq!(bound, !label_command && !in_review, "{command:?}");
            assert_eq!(in_review, command.review_mode_only(), "{command:?}");
        }
        for index in 0..9 {
            assert!(
                bindings
                    .iter()
                    .any(|(_, c)| *c == Command::SelectDocument(index))
            );
        }
        assert!(
            !bindings
                .iter()
                .any(|(_, c)| *c == Command::SelectDocument(9))
        );
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
    fn suggestion_review_keys_do_not_fire_while_a_text_field_has_focus() {
        let ctx = egui::Context::default();
        let press = |modifiers| egui::Event::Key {
            key: Key::A,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        };
        for (text_has_focus, expected) in
            [(true, Vec::new()), (false, vec![Command::AcceptSuggestion])]
        {
            let mut input = egui::RawInput::default();
            input.events.push(press(Modifiers::ALT));
            let mut got = Vec::new();
            let mut output = ctx.run_ui(input, |ui| {
                got = ui
                    .ctx()
                    .input_mut(|i| consume_shortcuts(i, &fixed_shortcuts(1), text_has_focus));
            });
            output.textures_delta.clear();
            assert_eq!(got, expected);
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

//! The keys of the compare view: while it adjudicates (the gold document shows and no span is
//! being edited by hand), these single keys replace the label hotkeys, which use the same
//! digits and letters. They are not [`Command`](super::Command)s: they mean something only in
//! the compare view, and the clash check over the commands would rightly refuse them beside
//! the label hotkeys. [`compare_key_clashes`] checks them against each other and against the
//! fixed shortcuts instead.
//!
//! | key | action |
//! |---|---|
//! | N / P | next / previous disagreement |
//! | 1 … 9 | take annotator 1 … 9's variant (A = 1, B = 2, C = 3) |
//! | B or 0 | take all variants ("both") |
//! | X | take neither |
//! | E | take a variant and edit it by hand (Esc returns to adjudicating) |

use egui::{Key, KeyboardShortcut, Modifiers};

/// One step of the adjudication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AdjudicateAction {
    /// The next disagreement.
    Next,
    /// The previous disagreement.
    Previous,
    /// Show disagreement *i* (a click in the list).
    Show(usize),
    /// Take annotator *i*'s variant.
    Take(usize),
    /// Take all variants.
    TakeAll,
    /// Take no span.
    TakeNeither,
    /// Take a variant and edit it by hand.
    Edit,
    /// Leave hand editing: the compare keys act again.
    Resume,
    /// Show the annotators side by side, or merged.
    ToggleSideBySide,
    /// Stop comparing (the gold document stays open).
    Close,
}

impl AdjudicateAction {
    /// Button text.
    pub fn name(self) -> String {
        match self {
            AdjudicateAction::Next => "Next disagreement".into(),
            AdjudicateAction::Previous => "Previous disagreement".into(),
            AdjudicateAction::Show(i) => format!("Disagreement {}", i + 1),
            AdjudicateAction::Take(i) => format!("Take annotator {}", i + 1),
            AdjudicateAction::TakeAll => "Take all".into(),
            AdjudicateAction::TakeNeither => "Take neither".into(),
            AdjudicateAction::Edit => "Edit".into(),
            AdjudicateAction::Resume => "Back to adjudicating".into(),
            AdjudicateAction::ToggleSideBySide => "Side by side".into(),
            AdjudicateAction::Close => "Stop comparing".into(),
        }
    }
}

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

/// The compare view's keys, for `annotators` annotators (take keys only for those), the first
/// key of each action being the one shown.
pub fn compare_keys(annotators: usize) -> Vec<(KeyboardShortcut, AdjudicateAction)> {
    let key = |key| KeyboardShortcut::new(Modifiers::NONE, key);
    let mut keys = vec![
        (key(Key::N), AdjudicateAction::Next),
        (key(Key::P), AdjudicateAction::Previous),
        (key(Key::B), AdjudicateAction::TakeAll),
        (key(Key::Num0), AdjudicateAction::TakeAll),
        (key(Key::X), AdjudicateAction::TakeNeither),
        (key(Key::E), AdjudicateAction::Edit),
    ];
    keys.extend(
        DIGITS
            .iter()
            .take(annotators)
            .enumerate()
            .map(|(i, &digit)| (key(digit), AdjudicateAction::Take(i))),
    );
    keys
}

/// The key shown for `action` (e.g. `2` for taking annotator 2's variant), if it has one.
pub fn key_of(action: AdjudicateAction, ctx: &egui::Context) -> Option<String> {
    compare_keys(9)
        .into_iter()
        .find(|(_, a)| *a == action)
        .map(|(key, _)| ctx.format_shortcut(&key))
}

/// The compare view's keys in words, one row per action (`Take annotator 1`, `1`), for the
/// shortcut overlay: the take keys of the first three annotators, then the others.
pub fn compare_key_rows(ctx: &egui::Context) -> Vec<(String, String)> {
    let mut rows: Vec<(AdjudicateAction, Vec<String>)> = Vec::new();
    for (key, action) in compare_keys(3) {
        let text = ctx.format_shortcut(&key);
        match rows.iter_mut().find(|(a, _)| *a == action) {
            Some((_, keys)) => keys.push(text),
            None => rows.push((action, vec![text])),
        }
    }
    rows.into_iter()
        .map(|(action, keys)| (format!("Compare view: {}", action.name()), keys.join(" / ")))
        .collect()
}

/// Consumes this frame's presses of the compare keys and returns their actions. Run it after
/// the fixed shortcuts are consumed, so Alt+1 stays a status key.
pub fn consume_compare_keys(
    input: &mut egui::InputState,
    annotators: usize,
) -> Vec<AdjudicateAction> {
    let mut actions = Vec::new();
    for (key, action) in compare_keys(annotators) {
        let presses = input.count_and_consume_key(key.modifiers, key.logical_key);
        actions.extend(std::iter::repeat_n(action, presses));
    }
    actions
}

/// Pairs of compare keys that share a key with each other or with a fixed shortcut (for 9
/// annotators), as `(key, one, other)`.
pub fn compare_key_clashes() -> Vec<(String, String, String)> {
    let keys = compare_keys(9);
    let mut clashes = Vec::new();
    for (i, (a, action_a)) in keys.iter().enumerate() {
        for (b, action_b) in &keys[i + 1..] {
            if a == b && action_a != action_b {
                clashes.push((format!("{a:?}"), action_a.name(), action_b.name()));
            }
        }
        for (fixed, command) in super::fixed_shortcuts(9) {
            if fixed == *a {
                clashes.push((format!("{a:?}"), action_a.name(), command.name()));
            }
        }
    }
    clashes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compare_keys_clash_with_nothing_fixed() {
        let clashes = compare_key_clashes();
        assert!(clashes.is_empty(), "clashing compare keys: {clashes:#?}");
    }

    #[test]
    fn take_keys_exist_only_for_the_annotators_there_are() {
        let takes = |n| {
            compare_keys(n)
                .iter()
                .filter(|(_, a)| matches!(a, AdjudicateAction::Take(_)))
                .count()
        };
        assert_eq!(takes(2), 2);
        assert_eq!(takes(12), 9);
    }
}

//! The label palette (side panel): each label with its colour, name, digit and letter hotkey.
//! A click or a hotkey tags the text selection, or relabels the selected span when there is no
//! text selection. In a corpus with definitions (corpus file or guidelines), each entry's tooltip
//! also shows its label's definition. Hotkeys are resolved from the label set every frame and never fire while a
//! text field has keyboard focus.

use std::collections::BTreeMap;

use egui::{Color32, Event, Key, Modifiers, Sense, Vec2};

use qalam_core::model::{Label, LabelSet};

use crate::ui::commands::{Command, label_shortcuts};
use qalam_core::editing::LabelAction;

/// The egui colour of a label.
pub fn label_color(label: &Label) -> Color32 {
    let [r, g, b] = label.color.0;
    Color32::from_rgb(r, g, b)
}

/// The command a click or hotkey on the label at `index` stands for.
pub fn label_command(action: LabelAction, index: usize) -> Command {
    match action {
        LabelAction::Tag => Command::TagSelection(index),
        LabelAction::Relabel => Command::RelabelSpan(index),
    }
}

/// Human text for a label's keys, e.g. "1 · P".
pub fn hotkey_text(labels: &LabelSet, index: usize) -> String {
    label_shortcuts(labels, index)
        .iter()
        .map(|shortcut| shortcut.logical_key.symbol_or_name().to_owned())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The tooltip of a palette entry: what a click does, the keys, and the label's definition if
/// there is one.
pub fn palette_tooltip(verb: &str, name: &str, keys: &str, definition: Option<&str>) -> String {
    match definition {
        Some(definition) => format!("{verb} {name} (keys: {keys})\n\n{definition}"),
        None => format!("{verb} {name} (keys: {keys})"),
    }
}

/// Draws the palette: one row per label with its swatch, a button named after the label, and
/// its keys; `definitions` (by label name) join the tooltips. Returns the command of a clicked
/// label.
pub fn label_palette_ui(
    ui: &mut egui::Ui,
    labels: &LabelSet,
    action: LabelAction,
    definitions: &BTreeMap<String, String>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let verb = match action {
        LabelAction::Tag => "Tag the selected text as",
        LabelAction::Relabel => "Relabel the selected span as",
    };
    ui.heading("Labels");
    ui.weak(match action {
        LabelAction::Tag => "Click or press a key to tag the selected text",
        LabelAction::Relabel => "Click or press a key to relabel the selected span",
    });
    for (index, label) in labels.labels.iter().enumerate() {
        ui.horizontal(|ui| {
            let (swatch, _) = ui.allocate_exact_size(Vec2::splat(14.0), Sense::hover());
            ui.painter().rect_filled(swatch, 3.0, label_color(label));
            let keys = hotkey_text(labels, index);
            let definition = definitions.get(&label.name).map(String::as_str);
            let tooltip = palette_tooltip(verb, &label.name, &keys, definition);
            let button = ui.button(&label.name).on_hover_ui(|ui| {
                ui.set_max_width(320.0);
                crate::text::paragraph_label::wrapped_label_ui(ui, &tooltip);
            });
            if button.clicked() {
                commands.push(label_command(action, index));
            }
            ui.weak(keys);
        });
    }
    if labels.labels.is_empty() {
        ui.weak("No labels: add some with Edit → Edit labels…");
    }
    commands
}

/// Consumes this frame's label hotkeys (digit 1–9 by position with no modifier, or the label's
/// letter with or without Shift) and returns their commands. Does nothing while a text field has keyboard
/// focus, so typing a name never tags anything. Held-down repeats are swallowed, not repeated.
pub fn label_hotkey_commands(
    ctx: &egui::Context,
    labels: &LabelSet,
    action: LabelAction,
) -> Vec<Command> {
    if ctx.text_edit_focused() {
        return Vec::new();
    }
    let bindings: Vec<(Key, usize)> = (0..labels.labels.len())
        .flat_map(|index| {
            label_shortcuts(labels, index)
                .into_iter()
                .map(move |shortcut| (shortcut.logical_key, index))
        })
        .collect();
    let mut commands = Vec::new();
    ctx.input_mut(|input| {
        input.events.retain(|event| {
            let Event::Key {
                key,
                pressed: true,
                repeat,
                modifiers,
                ..
            } = event
            else {
                return true;
            };
            // Letters are case-insensitive (Shift+C tags like C, as with Caps Lock); digits
            // take no modifier, since Shift+digit types a symbol on most layouts.
            let letter =
                key.name().len() == 1 && key.name().chars().all(|c| c.is_ascii_alphabetic());
            let allowed = *modifiers == Modifiers::NONE || (letter && modifiers.shift_only());
            if !allowed {
                return true;
            }
            let Some(&(_, index)) = bindings.iter().find(|(bound, _)| bound == key) else {
                return true;
            };
            if !repeat {
                commands.push(label_command(action, index));
            }
            false
        });
    });
    commands
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(ctx: &egui::Context, key: Key, modifiers: Modifiers) -> Vec<Command> {
        let mut input = egui::RawInput::default();
        input.events.push(Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        });
        let mut got = Vec::new();
        let mut output = ctx.run_ui(input, |ui| {
            got = label_hotkey_commands(ui.ctx(), &LabelSet::default(), LabelAction::Tag);
        });
        output.textures_delta.clear();
        got
    }

    #[test]
    fn shift_letter_tags_like_the_letter_but_shift_digit_does_not() {
        // A fresh context per press: a key still held down would count as a repeat.
        let press = |key, modifiers| press(&egui::Context::default(), key, modifiers);
        let plain = press(Key::C, Modifiers::NONE);
        assert!(!plain.is_empty());
        assert_eq!(press(Key::C, Modifiers::SHIFT), plain);
        assert!(press(Key::Num2, Modifiers::SHIFT).is_empty());
        assert!(press(Key::C, Modifiers::COMMAND | Modifiers::SHIFT).is_empty());
    }

    #[test]
    fn digits_and_letters_resolve_from_the_label_set() {
        let ctx = egui::Context::default();
        assert_eq!(
            press(&ctx, Key::Num2, Modifiers::NONE),
            vec![Command::TagSelection(1)]
        );
        assert_eq!(
            press(&ctx, Key::E, Modifiers::NONE),
            vec![Command::TagSelection(3)]
        );
        assert_eq!(press(&ctx, Key::Num5, Modifiers::NONE), vec![]);
    }

    #[test]
    fn hotkeys_with_modifiers_are_left_for_other_shortcuts() {
        let ctx = egui::Context::default();
        assert_eq!(press(&ctx, Key::Num1, Modifiers::ALT), vec![]);
        assert_eq!(press(&ctx, Key::P, Modifiers::COMMAND), vec![]);
    }

    #[test]
    fn hotkey_text_lists_digit_and_letter() {
        assert_eq!(hotkey_text(&LabelSet::default(), 1), "2 · C");
    }
}

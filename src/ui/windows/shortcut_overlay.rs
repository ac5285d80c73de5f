//! The keyboard-shortcut overlay (F1 or `?`): every command with its keys, grouped by menu, and
//! under Review the compare view's own keys.

use qalam_core::model::LabelSet;

use crate::ui::commands::compare_keys::compare_key_rows;
use crate::ui::commands::{Command, Menu, label_shortcuts};

/// Draws the overlay window while `open` is true (its close button clears it).
pub fn shortcut_overlay_ui(ctx: &egui::Context, open: &mut bool, labels: Option<&LabelSet>) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .default_width(760.0)
        .max_width(ctx.content_rect().width() - 40.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(ui.ctx().content_rect().height() * 0.7)
                .show(ui, |ui| shortcut_table_ui(ui, labels));
        });
}

/// Width from which the menus are shown in two columns instead of one.
const TWO_COLUMNS_FROM: f32 = 600.0;

/// The menus in two columns (File and Edit; Span, View and Help) when there is room.
fn shortcut_table_ui(ui: &mut egui::Ui, labels: Option<&LabelSet>) {
    if ui.available_width() < TWO_COLUMNS_FROM {
        menus_shortcuts_ui(ui, &Menu::ALL, labels);
        return;
    }
    let (left, right) = Menu::ALL.split_at(2);
    ui.columns(2, |columns| {
        menus_shortcuts_ui(&mut columns[0], left, labels);
        menus_shortcuts_ui(&mut columns[1], right, labels);
    });
}

/// The shortcut grids of `menus`, one after the other.
fn menus_shortcuts_ui(ui: &mut egui::Ui, menus: &[Menu], labels: Option<&LabelSet>) {
    for &menu in menus {
        ui.heading(menu.title());
        egui::Grid::new(("shortcuts", menu.title()))
            .striped(true)
            .num_columns(2)
            .show(ui, |ui| {
                for command in Command::in_menu(menu) {
                    ui.label(command.name());
                    ui.label(keys_text(ui.ctx(), command, labels));
                    ui.end_row();
                }
                if menu == Menu::Review {
                    // While adjudicating, these replace the label hotkeys.
                    for (what, keys) in compare_key_rows(ui.ctx()) {
                        ui.label(what);
                        ui.label(keys);
                        ui.end_row();
                    }
                }
            });
        ui.add_space(6.0);
    }
}

/// The keys of `command` as shown to the user (the label commands one label a line).
pub fn keys_text(ctx: &egui::Context, command: Command, labels: Option<&LabelSet>) -> String {
    match command {
        Command::TagSelection(_) | Command::RelabelSpan(_) => {
            let per_label: Vec<String> = labels
                .map(|labels| {
                    (0..labels.labels.len())
                        .map(|index| {
                            let keys: Vec<String> = label_shortcuts(labels, index)
                                .iter()
                                .map(|k| ctx.format_shortcut(k))
                                .collect();
                            format!("{} {}", keys.join("/"), labels.labels[index].name)
                        })
                        .collect()
                })
                .unwrap_or_default();
            let context = if matches!(command, Command::TagSelection(_)) {
                "text selected"
            } else {
                "a span and no text selected"
            };
            // One label a line keeps the overlay narrow.
            format!(
                "1–9 or the label letter (Shift optional), with {context}:\n{}",
                per_label.join("\n")
            )
        }
        Command::SelectDocument(_) => "Ctrl+1–9".to_owned(),
        other => other
            .shortcuts()
            .iter()
            .map(|k| ctx.format_shortcut(k))
            .collect::<Vec<_>>()
            .join(" or "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_command_keys_list_one_label_a_line() {
        let ctx = egui::Context::default();
        let labels = LabelSet::default();
        let text = keys_text(&ctx, Command::TagSelection(0), Some(&labels));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1 + labels.labels.len(), "{text}");
        assert!(lines[1].ends_with("PERSON"), "{text}");
        assert!(lines[2].contains("COUNTRY"), "{text}");
    }

    #[test]
    fn fixed_command_keys_are_joined_with_or() {
        let ctx = egui::Context::default();
        let text = keys_text(&ctx, Command::Redo, None);
        assert_eq!(text, "Ctrl+Shift+Z or Ctrl+Y");
    }
}

//! The keyboard-shortcut overlay (F1 or `?`): every command with its keys, grouped by menu.

use crate::model::LabelSet;

use super::commands::{Command, Menu, label_shortcuts};

/// Draws the overlay window while `open` is true (its close button clears it).
pub fn shortcut_overlay_ui(ctx: &egui::Context, open: &mut bool, labels: Option<&LabelSet>) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .default_width(520.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(ui.ctx().content_rect().height() * 0.7)
                .show(ui, |ui| shortcut_table_ui(ui, labels));
        });
}

fn shortcut_table_ui(ui: &mut egui::Ui, labels: Option<&LabelSet>) {
    for menu in Menu::ALL {
        ui.heading(menu.title());
        egui::Grid::new(("shortcuts", menu.title()))
            .striped(true)
            .num_columns(2)
            .show(ui, |ui| {
                for command in Command::all()
                    .into_iter()
                    .filter(|c| c.menu() == Some(menu))
                {
                    ui.label(command.name());
                    ui.label(keys_text(ui.ctx(), &command, labels));
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
    }
}

/// The keys of `command` as shown to the user.
pub fn keys_text(ctx: &egui::Context, command: &Command, labels: Option<&LabelSet>) -> String {
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
                "with text selected"
            } else {
                "with a span and no text selected"
            };
            format!(
                "1–9 or the label letter {context}: {}",
                per_label.join(", ")
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

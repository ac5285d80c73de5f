//! The menu bar: every command of [`Command::ALL`] under its menu, label commands expanded per
//! label, the open documents and the recent files.

use std::path::PathBuf;

use qalam_core::model::LabelSet;

use crate::ui::commands::{AppMessage, Command, CommandQueue, Menu, label_shortcuts};
use crate::ui::widgets::bidi_text::{has_right_to_left, selectable_text_ui};

/// What the menus need to know about the app.
pub struct MenuContext<'a> {
    /// The current document's labels (`None` with no document open).
    pub labels: Option<&'a LabelSet>,
    /// Names of the open documents.
    pub documents: Vec<String>,
    /// Index of the current document.
    pub current: usize,
    /// Recent files, newest first.
    pub recent_files: &'a [PathBuf],
    /// What Undo would revert (`None`: nothing to undo).
    pub undo: Option<String>,
    /// What Redo would reapply (`None`: nothing to redo).
    pub redo: Option<String>,
    /// Whether the label palette, the span list and word snapping are on (shown checked).
    pub toggles: MenuToggles,
    /// Whether a corpus (folder) is open: the Corpus menu's commands need one.
    pub corpus_open: bool,
}

/// The on/off states the menus show next to their toggle commands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MenuToggles {
    /// The label palette shows.
    pub label_palette: bool,
    /// The span list shows.
    pub span_list: bool,
    /// Mouse selections snap to whole words.
    pub word_snap: bool,
    /// The corpus's document list shows.
    pub document_list: bool,
    /// Review mode is on.
    pub review_mode: bool,
    /// Suggestions are outlined in the document.
    pub suggestions: bool,
}

impl MenuToggles {
    /// The state of `command` if it is a toggle.
    pub fn state(&self, command: Command) -> Option<bool> {
        match command {
            Command::ToggleLabelPalette => Some(self.label_palette),
            Command::ToggleSpanList => Some(self.span_list),
            Command::ToggleWordSnap => Some(self.word_snap),
            Command::ToggleDocumentList => Some(self.document_list),
            Command::ToggleReviewMode => Some(self.review_mode),
            Command::ToggleSuggestions => Some(self.suggestions),
            _ => None,
        }
    }
}

/// Draws the menu bar and queues the chosen commands.
pub fn menu_bar_ui(ui: &mut egui::Ui, menus: &MenuContext<'_>, commands: &mut CommandQueue) {
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(menu.title(), |ui| menu_ui(ui, menu, menus, commands));
        }
    });
}

fn menu_ui(ui: &mut egui::Ui, menu: Menu, menus: &MenuContext<'_>, commands: &mut CommandQueue) {
    for command in Command::in_menu(menu) {
        match command {
            Command::TagSelection(_) | Command::RelabelSpan(_) => {
                label_submenu_ui(ui, command, menus.labels, commands)
            }
            Command::SelectDocument(_) => {
                if menus.documents.len() > 1 {
                    ui.menu_button("Documents", |ui| {
                        for (index, name) in menus.documents.iter().enumerate() {
                            let command = Command::SelectDocument(index);
                            let selected = index == menus.current;
                            let clicked = if has_right_to_left(name) {
                                selectable_text_ui(ui, selected, name).clicked()
                            } else {
                                let mut button = egui::Button::selectable(selected, name.as_str());
                                if let Some(key) = command.shortcuts().first() {
                                    button = button.shortcut_text(ui.ctx().format_shortcut(key));
                                }
                                ui.add(button).clicked()
                            };
                            if clicked {
                                commands.push(command);
                                ui.close();
                            }
                        }
                    });
                }
            }
            Command::OpenPath => {
                let _ = command_button_ui(ui, command, true, commands);
                recent_files_ui(ui, menus.recent_files, commands);
            }
            Command::Undo | Command::Redo => {
                let what = if command == Command::Undo {
                    &menus.undo
                } else {
                    &menus.redo
                };
                let response = command_button_ui(ui, command, what.is_some(), commands);
                if let Some(what) = what {
                    response.on_hover_text(what.as_str());
                }
            }
            toggle if menus.toggles.state(toggle).is_some() => {
                let on = menus.toggles.state(toggle).unwrap_or(false);
                let mut button = egui::Button::selectable(on, toggle.name());
                if let Some(key) = toggle.shortcuts().first() {
                    button = button.shortcut_text(ui.ctx().format_shortcut(key));
                }
                if ui.add(button).on_hover_text(toggle.tooltip()).clicked() {
                    commands.push(toggle);
                }
            }
            Command::ShowAgreement => {
                let _ = command_button_ui(ui, command, menus.corpus_open, commands);
            }
            other if other.menu() == Menu::Corpus || other == Command::RebuildGazetteer => {
                let _ = command_button_ui(ui, other, menus.corpus_open, commands);
            }
            other => {
                let needs_document = !matches!(
                    other,
                    Command::Open
                        | Command::OpenFolder
                        | Command::CompareAnnotators
                        | Command::Quit
                        | Command::Settings
                        | Command::ToggleTheme
                        | Command::ShowShortcuts
                        | Command::TextBigger
                        | Command::TextSmaller
                        | Command::LoadGazetteerList
                );
                let enabled = !needs_document || menus.labels.is_some();
                let _ = command_button_ui(ui, other, enabled, commands);
            }
        }
    }
}

/// One menu entry with its shortcut text and tooltip.
fn command_button_ui(
    ui: &mut egui::Ui,
    command: Command,
    enabled: bool,
    commands: &mut CommandQueue,
) -> egui::Response {
    let mut button = egui::Button::new(command.name());
    if let Some(key) = command.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(key));
    }
    let response = ui
        .add_enabled(enabled, button)
        .on_hover_text(command.tooltip());
    if response.clicked() {
        commands.push(command);
    }
    response
}

fn label_submenu_ui(
    ui: &mut egui::Ui,
    command: Command,
    labels: Option<&LabelSet>,
    commands: &mut CommandQueue,
) {
    let Some(labels) = labels else {
        ui.add_enabled(false, egui::Button::new(command.name()));
        return;
    };
    ui.menu_button(command.name(), |ui| {
        for (index, label) in labels.labels.iter().enumerate() {
            let keys: Vec<String> = label_shortcuts(labels, index)
                .iter()
                .map(|k| ui.ctx().format_shortcut(k))
                .collect();
            let button = egui::Button::new(label.name.as_str()).shortcut_text(keys.join(" / "));
            if ui.add(button).on_hover_text(command.tooltip()).clicked() {
                commands.push(match command {
                    Command::RelabelSpan(_) => Command::RelabelSpan(index),
                    _ => Command::TagSelection(index),
                });
            }
        }
    });
}

fn recent_files_ui(ui: &mut egui::Ui, recent: &[PathBuf], commands: &mut CommandQueue) {
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in recent {
                if selectable_text_ui(ui, false, &path.display().to_string()).clicked() {
                    commands.push(AppMessage::OpenFile(path.clone()));
                    ui.close();
                }
            }
        });
    });
}

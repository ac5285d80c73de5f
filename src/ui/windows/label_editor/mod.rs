//! The label-set editor (window): add, rename, recolour, change hotkey and export tag, reorder and
//! remove labels, toggle overlaps, and save/load the set as a `*.labels.json` template. Every
//! change is one `Edit` (a renamed label renames its spans in the same edit; loading a template
//! is one `Edit::Group`), emitted as `AppMessage::ApplyEdit`. Refusals are shown in the window.
//!
//! There is no "Apply" button: each field of a label row commits by itself, as one undo step.
//! - Colour applies as it is picked, once per finished pick: while a pointer button is held
//!   (dragging in the picker) only the row's swatch follows; the label changes when the button
//!   is released. So one drag is one undo step, yet the document shows the new colour as soon
//!   as the annotator lets go, without closing the picker.
//! - Hotkey applies on every change (the field holds one letter, so each change is complete).
//! - Name and export tag apply on Enter or when the field loses focus, and Esc puts the label's
//!   value back; while one is being typed the window says so ("Press Enter to rename …"). A
//!   value set by assistive technology (no focus) applies at once.
//!
//! A refused value (duplicate name or hotkey, not a letter) is shown as a message and the field
//! shows the label's value again, so a row never holds a value that is not the label's.

use qalam_core::model::{Annotation, Edit, Label, LabelSet};

use crate::ui::commands::AppMessage;
use crate::ui::widgets::bidi_text_edit::BidiTextEdit;

mod fields;
pub mod template_file;

use fields::{FieldChange, apply_field_change, pending_hint, text_field_change};
pub use fields::{LabelDraft, LabelField, field_edit, hotkey_from_text, label_from_draft};
use qalam_core::model::label_colors::most_distinct_color;
pub use template_file::template_path;
use template_file::{ALREADY_MATCHES, save_labels, template_edit_from};

/// State of the label editor between frames.
#[derive(Debug, Default)]
pub struct LabelEditorState {
    /// Whether the window is showing.
    pub open: bool,
    drafts: Vec<LabelDraft>,
    synced: Option<LabelSet>,
    new_name: String,
    template_path: String,
    message: Option<String>,
}

impl LabelEditorState {
    /// The last refusal or confirmation shown in the window.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Sets the path in the template field (e.g. from a file dialog).
    pub fn set_template_path(&mut self, path: &std::path::Path) {
        self.template_path = path.display().to_string();
    }

    fn sync(&mut self, labels: &LabelSet) {
        if self.synced.as_ref() != Some(labels) {
            self.drafts = labels.labels.iter().map(LabelDraft::of).collect();
            self.synced = Some(labels.clone());
        }
    }
}

/// A new label named `name` with a fresh colour and, when free, its first letter as hotkey.
pub fn new_label(labels: &LabelSet, name: &str) -> Result<Label, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("Type a name for the new label".to_owned());
    }
    if labels.get(name).is_some() {
        return Err(format!("There is already a label named {name}"));
    }
    let used: Vec<_> = labels.labels.iter().map(|label| label.color).collect();
    let color = most_distinct_color(&used);
    let hotkey = name
        .chars()
        .next()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
        .filter(|key| labels.labels.iter().all(|label| label.hotkey != Some(*key)));
    Ok(Label::new(name, color, hotkey))
}

/// Why the label at `index` may not be removed (spans use it), if so.
pub fn removal_refusal(ann: &Annotation, index: usize) -> Option<String> {
    let label = ann.labels().labels.get(index)?;
    let used = ann
        .spans()
        .iter()
        .filter(|span| span.label == label.name)
        .count();
    (used > 0).then(|| {
        let spans = if used == 1 { "span uses" } else { "spans use" };
        format!(
            "Cannot remove {}: {used} {spans} it. Relabel or delete them first.",
            label.name
        )
    })
}

/// Draws the editor window while open; returns the edits to apply.
pub fn label_editor_ui(
    ctx: &egui::Context,
    state: &mut LabelEditorState,
    ann: &Annotation,
) -> Vec<AppMessage> {
    if !state.open {
        return Vec::new();
    }
    state.sync(ann.labels());
    let mut commands = Vec::new();
    let mut open = true;
    egui::Window::new("Labels")
        .open(&mut open)
        .resizable(true)
        .show(ctx, |ui| {
            label_rows_ui(ui, state, ann, &mut commands);
            if let Some(hint) = pending_hint(ann, &state.drafts) {
                ui.weak(hint);
            }
            ui.separator();
            add_label_ui(ui, state, ann.labels(), &mut commands);
            let mut allow = ann.labels().allow_overlaps;
            if ui.checkbox(&mut allow, "Allow overlapping spans").changed() {
                commands.push(AppMessage::ApplyEdit(Edit::SetAllowOverlaps(allow)));
            }
            ui.separator();
            template_ui(ui, state, ann, &mut commands);
            if let Some(message) = &state.message {
                ui.separator();
                ui.colored_label(ui.visuals().warn_fg_color, message);
            }
        });
    state.open = open;
    commands
}

fn label_rows_ui(
    ui: &mut egui::Ui,
    state: &mut LabelEditorState,
    ann: &Annotation,
    commands: &mut Vec<AppMessage>,
) {
    let count = state.drafts.len();
    let name_width = name_column_width(ui, ann.labels());
    egui::Grid::new("label editor rows")
        .striped(true)
        .show(ui, |ui| {
            for heading in ["", "Colour", "Name", "Key", "Export tag", ""] {
                ui.strong(heading);
            }
            ui.end_row();
            for index in 0..count {
                let name = ann.labels().labels[index].name.clone();
                ui.horizontal(|ui| {
                    let up = ui.add_enabled(index > 0, egui::Button::new("Up"));
                    up.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            index > 0,
                            format!("Move {name} up"),
                        )
                    });
                    if up.clicked() {
                        commands.push(AppMessage::ApplyEdit(Edit::MoveLabel {
                            from: index,
                            to: index - 1,
                        }));
                    }
                    let last = index + 1 < count;
                    let down = ui.add_enabled(last, egui::Button::new("Down"));
                    down.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            last,
                            format!("Move {name} down"),
                        )
                    });
                    if down.clicked() {
                        commands.push(AppMessage::ApplyEdit(Edit::MoveLabel {
                            from: index,
                            to: index + 1,
                        }));
                    }
                });
                let label = &ann.labels().labels[index];
                let draft = &mut state.drafts[index];
                let mut changes = Vec::new();
                let colour = ui.color_edit_button_srgb(&mut draft.color);
                colour.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::ColorWell,
                        true,
                        format!("Colour of {name}"),
                    )
                });
                let picking = ui.input(|i| i.pointer.any_down());
                if draft.color != label.color.0 && !picking {
                    changes.push(FieldChange::Commit(LabelField::Color));
                }
                let mut name_field = ui.add(
                    BidiTextEdit::singleline(&mut draft.name)
                        .desired_width(name_width)
                        // Never squeezed by a narrow window: the window grows instead.
                        .min_size(egui::vec2(name_width, 0.0))
                        .hint_text(format!("Name of label {}", index + 1)),
                );
                if text_width(ui, &label.name) > name_width {
                    // Longer than the widest column allowed: the full name on hover.
                    name_field = name_field.on_hover_text(label.name.as_str());
                }
                changes.extend(text_field_change(ui, &name_field, LabelField::Name));
                let hotkey_field = ui.add(
                    egui::TextEdit::singleline(&mut draft.hotkey)
                        .desired_width(24.0)
                        .char_limit(1)
                        .hint_text("Key"),
                );
                if hotkey_field.changed() {
                    changes.push(FieldChange::Commit(LabelField::Hotkey));
                }
                let tag_field = ui.add(
                    egui::TextEdit::singleline(&mut draft.export_tag)
                        .desired_width(80.0)
                        .hint_text("(name)"),
                );
                changes.extend(text_field_change(ui, &tag_field, LabelField::ExportTag));
                for change in changes {
                    apply_field_change(state, commands, ann, index, change);
                }
                let remove = ui.button("Remove");
                remove.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Remove {name}"))
                });
                if remove.clicked() {
                    match removal_refusal(ann, index) {
                        Some(message) => state.message = Some(message),
                        None => {
                            state.message = None;
                            commands.push(AppMessage::ApplyEdit(Edit::RemoveLabel { index }));
                        }
                    }
                }
                ui.end_row();
            }
        });
}

/// Narrowest and widest name column, in points.
const NAME_COLUMN_WIDTH: std::ops::RangeInclusive<f32> = 140.0..=360.0;

/// Width of `text` in the text fields' font, in points.
fn text_width(ui: &egui::Ui, text: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.painter()
        .layout_no_wrap(text.to_owned(), font, egui::Color32::WHITE)
        .size()
        .x
}

/// A name column wide enough for the longest label name (within [`NAME_COLUMN_WIDTH`]).
fn name_column_width(ui: &egui::Ui, labels: &LabelSet) -> f32 {
    // The field's frame and the room egui keeps for the cursor.
    let margin = ui.spacing().button_padding.x * 2.0 + 8.0;
    let longest = labels
        .labels
        .iter()
        .map(|label| text_width(ui, &label.name))
        .fold(0.0, f32::max);
    (longest + margin).clamp(*NAME_COLUMN_WIDTH.start(), *NAME_COLUMN_WIDTH.end())
}

fn add_label_ui(
    ui: &mut egui::Ui,
    state: &mut LabelEditorState,
    labels: &LabelSet,
    commands: &mut Vec<AppMessage>,
) {
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut state.new_name)
                .hint_text("New label name")
                .desired_width(160.0),
        );
        if ui.button("Add label").clicked() {
            match new_label(labels, &state.new_name) {
                Ok(label) => {
                    state.message = None;
                    state.new_name.clear();
                    let index = labels.labels.len();
                    commands.push(AppMessage::ApplyEdit(Edit::AddLabel { index, label }));
                }
                Err(message) => state.message = Some(message),
            }
        }
    });
}

fn template_ui(
    ui: &mut egui::Ui,
    state: &mut LabelEditorState,
    ann: &Annotation,
    commands: &mut Vec<AppMessage>,
) {
    ui.label("Template (*.labels.json):");
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut state.template_path)
                .hint_text("Template path")
                .desired_width(240.0),
        );
        if ui.button("Browse…").clicked()
            && let Some(path) = rfd::FileDialog::new()
                .add_filter("Label template", &["json"])
                .pick_file()
        {
            state.set_template_path(&path);
        }
    });
    ui.horizontal(|ui| {
        if ui.button("Save template").clicked() {
            state.message = Some(match template_path(&state.template_path) {
                Some(path) => save_labels(&path, ann.labels()).unwrap_or_else(|err| err),
                None => "Type a template path first".to_owned(),
            });
        }
        if ui.button("Load template").clicked() {
            let loaded = match template_path(&state.template_path) {
                Some(path) => template_edit_from(&path, ann),
                None => Err("Type a template path first".to_owned()),
            };
            match loaded {
                Ok(Some(edit)) => {
                    state.message = None;
                    commands.push(AppMessage::ApplyEdit(edit));
                }
                Ok(None) => state.message = Some(ALREADY_MATCHES.to_owned()),
                Err(message) => state.message = Some(message),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use qalam_core::model::Document;

    #[test]
    fn removal_is_refused_while_spans_use_the_label() {
        let mut ann = Annotation::new(Document::new("t", "abc"));
        let span = ann.new_span(0, 1, "PERSON");
        ann.apply(qalam_core::model::Edit::AddSpan(span)).unwrap();
        assert_eq!(
            removal_refusal(&ann, 0).as_deref(),
            Some("Cannot remove PERSON: 1 span uses it. Relabel or delete them first.")
        );
        assert_eq!(removal_refusal(&ann, 1), None);
    }

    #[test]
    fn new_label_takes_a_free_first_letter() {
        let labels = LabelSet::default();
        assert_eq!(new_label(&labels, "MISC").map(|l| l.hotkey), Ok(Some('M')));
        assert_eq!(new_label(&labels, "PLACE").map(|l| l.hotkey), Ok(None));
        assert!(new_label(&labels, "PERSON").is_err());
        assert!(new_label(&labels, "  ").is_err());
    }

    #[test]
    fn template_path_gets_the_suffix() {
        use std::path::PathBuf;
        assert_eq!(template_path("a/b"), Some(PathBuf::from("a/b.labels.json")));
        assert_eq!(
            template_path("b.json"),
            Some(PathBuf::from("b.labels.json"))
        );
        assert_eq!(
            template_path("c.labels.json"),
            Some(PathBuf::from("c.labels.json"))
        );
        assert_eq!(template_path(" "), None);
    }
}

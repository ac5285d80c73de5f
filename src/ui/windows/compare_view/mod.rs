//! The compare view (Review → Compare annotators…): while the gold document of a comparison
//! is current, a side panel with the legend, the shown disagreement with every annotator's
//! variant and the decision buttons, and the list of disagreements (`panel_ui`); above the gold
//! document, the merged view (every group as a span coloured by its category) or, side by
//! side, one read-only column per annotator (`merged_ui`). Both only read the comparison and
//! queue [`AdjudicateAction`]s; the app applies them after drawing.

mod merged;

pub use merged::merged_ui;

use egui::Color32;

use qalam_core::compare::GroupKind;
use qalam_core::model::Annotation;

use crate::ui::app::compare_session::{CATEGORIES, CompareSession, category_name};
use crate::ui::commands::compare_keys::key_of;
use crate::ui::commands::{AdjudicateAction, AppMessage, CommandQueue};
use crate::ui::widgets::bidi_text::{selectable_text_ui, text_label_ui};

/// Id of the compare view's side panel.
pub const COMPARE_PANEL_ID: &str = "compare_panel";

/// Width of the side panel, in points.
pub const COMPARE_PANEL_WIDTH: f32 = 300.0;

/// The colour of a category.
pub fn category_color(kind: GroupKind) -> Color32 {
    CATEGORIES
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map_or(Color32::GRAY, |(_, _, rgb)| {
            Color32::from_rgb(rgb.0[0], rgb.0[1], rgb.0[2])
        })
}

fn push(commands: &mut CommandQueue, action: AdjudicateAction) {
    commands.push(AppMessage::Adjudicate(action));
}

/// A button for `action` with its key in the text (`Take bilal (2)`).
fn action_button_ui(
    ui: &mut egui::Ui,
    text: &str,
    action: AdjudicateAction,
    commands: &mut CommandQueue,
) {
    let label = match key_of(action, ui.ctx()) {
        Some(key) => format!("{text} ({key})"),
        None => text.to_owned(),
    };
    if ui.button(label).clicked() {
        push(commands, action);
    }
}

/// The side panel of the compare view.
pub fn panel_ui(
    ui: &mut egui::Ui,
    compare: &CompareSession,
    gold: &Annotation,
    commands: &mut CommandQueue,
) {
    let session = &compare.session;
    let total = session.disagreements().len();
    ui.heading("Compare annotators");
    ui.label(format!(
        "{} annotators, {} of {total} disagreements decided",
        compare.versions.len(),
        session.decided()
    ));
    legend_ui(ui, compare);
    let mut side_by_side = compare.side_by_side;
    if ui.checkbox(&mut side_by_side, "Side by side").changed() {
        push(commands, AdjudicateAction::ToggleSideBySide);
    }
    ui.separator();
    current_ui(ui, compare, gold, commands);
    ui.separator();
    ui.strong("Disagreements");
    egui::ScrollArea::vertical()
        .id_salt("disagreement_list")
        .max_height(ui.available_height() - 40.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (index, d) in session.disagreements().iter().enumerate() {
                let group = &session.groups()[d.group];
                let text = gold
                    .document()
                    .slice(group.start, group.end)
                    .unwrap_or_default();
                let decision = session.decision(index).map_or("undecided".to_owned(), |d| {
                    d.choice.describe(session.annotators())
                });
                let row = format!(
                    "{}. {}: {text} — {decision}",
                    index + 1,
                    category_name(d.kind)
                );
                if selectable_text_ui(ui, compare.current == Some(index), &row).clicked() {
                    push(commands, AdjudicateAction::Show(index));
                }
            }
            if total == 0 {
                ui.weak("The annotators agree on every span.");
            }
        });
    ui.separator();
    if ui.button(AdjudicateAction::Close.name()).clicked() {
        push(commands, AdjudicateAction::Close);
    }
}

/// The categories with their colours and how many groups each has.
fn legend_ui(ui: &mut egui::Ui, compare: &CompareSession) {
    ui.horizontal_wrapped(|ui| {
        for (kind, name, _) in CATEGORIES {
            let count = compare
                .session
                .groups()
                .iter()
                .filter(|g| g.kind() == kind)
                .count();
            // Swatch and name as one unit, so wrapping never splits an entry ("only / some 2").
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 4.0;
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 2.0, category_color(kind));
                ui.add(
                    egui::Label::new(format!("{name} {count}"))
                        .wrap_mode(egui::TextWrapMode::Extend),
                );
            });
        }
    });
}

/// The shown disagreement: each annotator's variant with its take button, and the others.
fn current_ui(
    ui: &mut egui::Ui,
    compare: &CompareSession,
    gold: &Annotation,
    commands: &mut CommandQueue,
) {
    let session = &compare.session;
    let total = session.disagreements().len();
    let Some((index, group)) = compare
        .current
        .and_then(|i| session.group_of(i).map(|g| (i, g)))
    else {
        ui.label("No disagreement shown.");
        action_button_ui(ui, "Next", AdjudicateAction::Next, commands);
        return;
    };
    ui.horizontal(|ui| {
        let kind = group.kind();
        ui.strong(format!(
            "Disagreement {} of {total}: {}",
            index + 1,
            category_name(kind)
        ));
    });
    for (i, (variant, name)) in group.variants.iter().zip(session.annotators()).enumerate() {
        ui.horizontal(|ui| {
            action_button_ui(
                ui,
                &format!("Take {name}"),
                AdjudicateAction::Take(i),
                commands,
            );
            let text = match variant {
                Some(v) => format!(
                    "{} {}",
                    v.label,
                    gold.document().slice(v.start, v.end).unwrap_or_default()
                ),
                None => "nothing".to_owned(),
            };
            text_label_ui(ui, &text, None);
        });
    }
    ui.horizontal_wrapped(|ui| {
        action_button_ui(ui, "Take all", AdjudicateAction::TakeAll, commands);
        action_button_ui(ui, "Take neither", AdjudicateAction::TakeNeither, commands);
        action_button_ui(ui, "Edit", AdjudicateAction::Edit, commands);
    });
    ui.horizontal(|ui| {
        action_button_ui(ui, "Previous", AdjudicateAction::Previous, commands);
        action_button_ui(ui, "Next", AdjudicateAction::Next, commands);
    });
    match session.decision(index) {
        Some(decision) => {
            ui.label(format!(
                "Decided: {}",
                decision.choice.describe(session.annotators())
            ));
        }
        None => {
            ui.weak("Undecided");
        }
    }
    if compare.editing && ui.button("Back to adjudicating (Esc)").clicked() {
        push(commands, AdjudicateAction::Resume);
    }
}

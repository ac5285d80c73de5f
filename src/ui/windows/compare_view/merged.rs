//! The upper part of the compare view: the merged view (every group of the comparison as one
//! span labelled with its category: agreed, label, boundary, only some) or, side by side, one
//! read-only column per annotator. A click on a disagreement in the merged view shows it.

use crate::ui::app::compare_session::CompareSession;
use crate::ui::commands::{AdjudicateAction, AppMessage, CommandQueue};
use crate::ui::widgets::bidi_text::text_label_ui;

/// Draws the merged view or the columns in `ui` (a part of the central panel).
pub fn merged_ui(
    ui: &mut egui::Ui,
    compare: &mut CompareSession,
    text_size: f32,
    commands: &mut CommandQueue,
) {
    if compare.side_by_side {
        let count = compare.versions.len().max(1);
        ui.columns(count, |columns| {
            for (column, version) in columns.iter_mut().zip(&mut compare.versions) {
                column.push_id(("compare column", &version.annotator), |ui| {
                    text_label_ui(ui, &version.annotator, None);
                    if version.view.text_size() != text_size {
                        version.view.set_text_size(text_size);
                    }
                    // Read-only: what the view reports is ignored.
                    let _ = version.view.ui(ui, &version.annotation, None);
                });
            }
        });
        return;
    }
    ui.label("Merged: every group coloured by how the annotators differ");
    let selected = compare.current.and_then(|i| compare.merged_span_of(i));
    if compare.merged_view.text_size() != text_size {
        compare.merged_view.set_text_size(text_size);
    }
    let response = ui
        .push_id("compare merged", |ui| {
            compare.merged_view.ui(ui, &compare.merged, selected)
        })
        .inner;
    if let Some(id) = response.clicked_span {
        let group = (id.0 as usize).saturating_sub(1);
        if let Some(index) = compare
            .session
            .disagreements()
            .iter()
            .position(|d| d.group == group)
        {
            commands.push(AppMessage::Adjudicate(AdjudicateAction::Show(index)));
        }
    }
}

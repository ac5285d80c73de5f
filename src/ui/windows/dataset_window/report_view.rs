//! The report part of the dataset window: the summary line and every changed or dropped span,
//! with its document, offsets, text (drawn right-to-left where it is Arabic) and reason.

use qalam_core::interchange::{Action, Report};

use crate::ui::widgets::bidi_text::text_label_ui;

/// Height of one report row (the scroll area draws only the rows in view).
const ROW_HEIGHT: f32 = 20.0;

/// Draws the summary and the report entries in a scroll area.
pub(super) fn report_ui(ui: &mut egui::Ui, summary: &str, report: &Report) {
    for line in summary.lines() {
        text_label_ui(ui, line, None);
    }
    if report.is_empty() {
        ui.label("Every span was kept exactly.");
        return;
    }
    egui::ScrollArea::vertical().max_height(260.0).show_rows(
        ui,
        ROW_HEIGHT,
        report.entries.len(),
        |ui, rows| {
            for entry in &report.entries[rows] {
                let what = match entry.action {
                    Action::Changed { start, end } => format!("changed to [{start}, {end})"),
                    Action::Dropped => "dropped".to_owned(),
                    Action::Noted => "note".to_owned(),
                };
                let place = entry
                    .location
                    .as_ref()
                    .map(|l| format!("{}:{} ", l.file.display(), l.line))
                    .unwrap_or_default();
                let span = entry
                    .span
                    .as_ref()
                    .map(|s| format!(" [{}, {}) «{}» {}", s.start, s.end, s.text, s.label))
                    .unwrap_or_default();
                let color =
                    matches!(entry.action, Action::Dropped).then(|| ui.visuals().warn_fg_color);
                text_label_ui(
                    ui,
                    &format!("{place}{}{span}: {what}: {}", entry.document, entry.reason),
                    color,
                );
            }
        },
    );
}

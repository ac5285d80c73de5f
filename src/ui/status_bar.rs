//! The status bar: document status selector, the selection's code-point range and text, span
//! count, dirty state and the latest message.

use crate::model::{Annotation, DocStatus};

use super::commands::{Command, CommandQueue, STATUSES, status_name};

/// Longest selection excerpt shown, in characters.
const EXCERPT_CHARS: usize = 40;

/// What the status bar shows about the current document.
pub struct StatusContext<'a> {
    /// The annotation.
    pub annotation: &'a Annotation,
    /// The view's selection in code points.
    pub selection: Option<std::ops::Range<usize>>,
    /// Unsaved changes.
    pub dirty: bool,
    /// The latest information message.
    pub message: Option<&'a str>,
}

/// Draws the status bar and queues a status change when the selector is used.
pub fn status_bar_ui(ui: &mut egui::Ui, status: &StatusContext<'_>, commands: &mut CommandQueue) {
    ui.horizontal(|ui| {
        let label = ui.label("Status:");
        let mut selected: DocStatus = status.annotation.status;
        egui::ComboBox::from_id_salt("document_status")
            .selected_text(status_name(selected))
            .show_ui(ui, |ui| {
                for candidate in STATUSES {
                    ui.selectable_value(&mut selected, candidate, status_name(candidate));
                }
            })
            .response
            .labelled_by(label.id);
        if selected != status.annotation.status {
            commands.push(Command::SetStatus(selected));
        }
        ui.separator();
        ui.label(selection_text(status.annotation, status.selection.clone()));
        ui.separator();
        ui.label(format!("Spans: {}", status.annotation.spans.len()));
        ui.separator();
        ui.label(if status.dirty {
            "Unsaved changes"
        } else {
            "Saved"
        });
        if let Some(message) = status.message {
            ui.separator();
            ui.label(message);
        }
    });
}

/// "Selection [start, end): «text»" or "No selection", with long texts shortened.
pub fn selection_text(ann: &Annotation, selection: Option<std::ops::Range<usize>>) -> String {
    let Some(range) = selection.filter(|r| !r.is_empty()) else {
        return "No selection".to_owned();
    };
    let selected: String = ann
        .document
        .text()
        .chars()
        .skip(range.start)
        .take(range.len())
        .collect();
    let mut excerpt: String = selected.chars().take(EXCERPT_CHARS).collect();
    if selected.chars().count() > EXCERPT_CHARS {
        excerpt.push('…');
    }
    // Isolate the (usually right-to-left) excerpt so it does not reorder the surrounding text.
    format!(
        "Selection [{}, {}): \u{2068}{}\u{2069}",
        range.start, range.end, excerpt
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    #[test]
    fn selection_text_uses_code_points() {
        let ann = Annotation::new(Document::new("d", "زار بوتين روسيا"));
        let text = selection_text(&ann, Some(4..9));
        assert!(text.starts_with("Selection [4, 9)"), "{text}");
        assert!(text.contains("بوتين"), "{text}");
        assert_eq!(selection_text(&ann, Some(3..3)), "No selection");
    }
}

//! The status bar: document status selector, the selection's code-point range and text, span
//! count, dirty state and the latest message.

use qalam_core::model::{Annotation, DocStatus};

use crate::ui::commands::{Command, CommandQueue};
use crate::ui::panels::span_text::span_excerpt;
use crate::ui::widgets::bidi_text::{fitted_text_label_ui, text_label_ui};

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
    /// The annotator's name from the settings (empty: none).
    pub annotator: &'a str,
    /// Suggestions on screen and whether more are being computed (`None`: hidden).
    pub suggestions: Option<(usize, bool)>,
    /// The current suggestion's range and label, which the suggestion keys act on.
    pub current_suggestion: Option<(std::ops::Range<usize>, &'a str)>,
}

/// Draws the status bar and queues a status change when the selector is used.
pub fn status_bar_ui(ui: &mut egui::Ui, status: &StatusContext<'_>, commands: &mut CommandQueue) {
    ui.horizontal(|ui| {
        let label = ui.label("Status:");
        let mut selected: DocStatus = status.annotation.status();
        egui::ComboBox::from_id_salt("document_status")
            .selected_text(selected.title())
            .show_ui(ui, |ui| {
                for candidate in DocStatus::ALL {
                    ui.selectable_value(&mut selected, candidate, candidate.title());
                }
            })
            .response
            .labelled_by(label.id);
        if selected != status.annotation.status() {
            commands.push(Command::SetStatus(selected));
        }
        ui.separator();
        selection_ui(ui, status.annotation, status.selection.clone());
        ui.separator();
        ui.label(format!("Spans: {}", status.annotation.spans().len()));
        ui.separator();
        if let Some((count, computing)) = status.suggestions {
            let text = format!("Suggestions: {count}{}", if computing { " …" } else { "" });
            ui.label(text);
            ui.separator();
            if let Some((range, label)) = &status.current_suggestion {
                let text = current_suggestion_text(status.annotation, range.clone(), label);
                text_label_ui(ui, &text, None);
                ui.separator();
            }
        }
        ui.label(if status.dirty {
            "Unsaved changes"
        } else {
            "Saved"
        });
        ui.separator();
        if status.annotator.is_empty() {
            ui.weak("No annotator name (Settings)");
        } else {
            text_label_ui(ui, &format!("Annotator: {}", status.annotator), None);
        }
        if let Some(message) = status.message {
            ui.separator();
            // The last item of the row: cut to the window's width, whole on hover.
            fitted_text_label_ui(ui, message);
        }
    });
}

/// What the status bar says about the current suggestion: its text and the label accepting it
/// gives, `Suggestion «موسكو»: CITY`, with "(new label)" when the document has no such label
/// yet (its outline is grey then, and accepting adds the label).
pub fn current_suggestion_text(
    ann: &Annotation,
    range: std::ops::Range<usize>,
    label: &str,
) -> String {
    let excerpt = span_excerpt(ann.document(), range);
    let new = if ann.labels().get(label).is_some() {
        ""
    } else {
        " (new label)"
    };
    format!("Suggestion «{excerpt}»: {label}{new}")
}

/// "Selection [start, end):" and the selected text (shortened), or "No selection". The text
/// goes through the bidi-aware label: egui alone would reverse Arabic word order.
fn selection_ui(ui: &mut egui::Ui, ann: &Annotation, selection: Option<std::ops::Range<usize>>) {
    match selection_excerpt(ann, selection) {
        Some((range, excerpt)) => {
            ui.label(format!("Selection [{}, {}):", range.start, range.end));
            text_label_ui(ui, &excerpt, None);
        }
        None => {
            ui.label("No selection");
        }
    }
}

/// The non-empty selection and its text, shortened like a span's excerpt
/// ([`span_excerpt`]: at most [`EXCERPT_CHARS`] code points and "…", line breaks as spaces).
/// Only the shown characters are sliced out of the document (through its code-point index), so
/// a long selection deep in a long article costs no more than a short one.
///
/// [`EXCERPT_CHARS`]: crate::ui::panels::span_text::EXCERPT_CHARS
pub fn selection_excerpt(
    ann: &Annotation,
    selection: Option<std::ops::Range<usize>>,
) -> Option<(std::ops::Range<usize>, String)> {
    let range = selection.filter(|r| !r.is_empty())?;
    let excerpt = span_excerpt(ann.document(), range.clone());
    Some((range, excerpt))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::panels::span_text::EXCERPT_CHARS;
    use qalam_core::model::Document;

    #[test]
    fn the_current_suggestion_names_its_text_and_label_and_a_new_label() {
        let ann = Annotation::new(Document::new("d", "زار بوتين موسكو"));
        assert_eq!(
            current_suggestion_text(&ann, 4..9, "PERSON"),
            "Suggestion «بوتين»: PERSON"
        );
        assert_eq!(
            current_suggestion_text(&ann, 10..15, "CITY"),
            "Suggestion «موسكو»: CITY (new label)"
        );
    }

    #[test]
    fn selection_excerpt_uses_code_points() {
        let ann = Annotation::new(Document::new("d", "زار بوتين روسيا"));
        assert_eq!(
            selection_excerpt(&ann, Some(4..9)),
            Some((4..9, "بوتين".to_owned()))
        );
        assert_eq!(selection_excerpt(&ann, Some(3..3)), None);
    }

    #[test]
    fn long_selection_excerpt_is_shortened_with_an_ellipsis() {
        let text = "كلمة ".repeat(20);
        let ann = Annotation::new(Document::new("d", &text));
        let (_, excerpt) = selection_excerpt(&ann, Some(0..100)).expect("selection");
        assert_eq!(excerpt.chars().count(), EXCERPT_CHARS + 1);
        assert!(excerpt.ends_with('…'));
        assert!(text.starts_with(excerpt.trim_end_matches('…')));
    }

    #[test]
    fn selection_excerpt_deep_in_the_text_and_past_its_end() {
        let text = format!("{}زار بوتين", "ا".repeat(1000));
        let ann = Annotation::new(Document::new("d", &text));
        assert_eq!(
            selection_excerpt(&ann, Some(1004..1009)),
            Some((1004..1009, "بوتين".to_owned()))
        );
        // Exactly EXCERPT_CHARS characters: no ellipsis.
        let (_, excerpt) = selection_excerpt(&ann, Some(0..EXCERPT_CHARS)).expect("selection");
        assert_eq!(excerpt, "ا".repeat(EXCERPT_CHARS));
        // Past the end: the part inside the text, the range as given.
        assert_eq!(
            selection_excerpt(&ann, Some(1004..2000)),
            Some((1004..2000, "بوتين".to_owned()))
        );
        assert_eq!(
            selection_excerpt(&ann, Some(3000..3001)),
            Some((3000..3001, String::new()))
        );
        // A line break shows as a space (the status bar is one line).
        let ann = Annotation::new(Document::new("d", "زار\r\nبوتين"));
        assert_eq!(
            selection_excerpt(&ann, Some(0..10)),
            Some((0..10, "زار  بوتين".to_owned()))
        );
    }
}

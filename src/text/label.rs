//! [`bidi_label_ui`]: a short single-line string drawn bidi-correctly through the shared
//! [`TextEngine`](super::engine::TextEngine) (egui's own labels reverse Arabic word order).
//! Layouts are cached in the engine by text and size.

use super::engine::{TextEngine, shared_engine};

/// Line height of labels as a multiple of the font size (tighter than paragraphs).
pub const LABEL_LINE_HEIGHT_FACTOR: f32 = 1.5;

/// Draws `text` on one line (line breaks shown as spaces) at `size` points in `color`, in
/// reading order for its first strong character, allocating exactly its size. The response
/// carries the text as its accessible label.
pub fn bidi_label_ui(
    ui: &mut egui::Ui,
    text: &str,
    size: f32,
    color: egui::Color32,
) -> egui::Response {
    let engine = shared_engine(ui.ctx());
    let mut engine = match engine.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    let desired = engine.label_size(text, size);
    let (rect, response) = ui.allocate_exact_size(desired, egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        engine.paint_label(ui.ctx(), ui.painter(), text, size, rect.min, color);
    }
    let label = text.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    response
}

/// `text`, or its longest logical prefix followed by "…", whose single-line label at `size`
/// points is at most `max_width` wide. Cutting the logical *end* keeps the beginning of the text
/// visible in either direction: the right side of Arabic, the left side of English (clipping the
/// drawn label would hide the beginning of right-to-left text instead).
pub fn fit_label(engine: &mut TextEngine, text: &str, size: f32, max_width: f32) -> String {
    if engine.label_size(text, size).x <= max_width {
        return text.to_owned();
    }
    let boundaries: Vec<usize> = text.char_indices().map(|(byte, _)| byte).collect();
    let with_ellipsis = |chars: usize| format!("{}…", text[..boundaries[chars]].trim_end());
    // Largest number of leading characters that still fits with the ellipsis (0 always "fits").
    let (mut low, mut high) = (0, boundaries.len());
    while low + 1 < high {
        let middle = (low + high) / 2;
        if engine.label_size(&with_ellipsis(middle), size).x <= max_width {
            low = middle;
        } else {
            high = middle;
        }
    }
    with_ellipsis(low)
}

/// [`bidi_label_ui`] for `text` shortened by [`fit_label`] to the width left in `ui`; the
/// accessible label keeps the whole text.
pub fn fitted_bidi_label_ui(
    ui: &mut egui::Ui,
    text: &str,
    size: f32,
    color: egui::Color32,
) -> egui::Response {
    let max_width = ui.available_width().max(0.0);
    let fitted = {
        let engine = shared_engine(ui.ctx());
        let mut engine = match engine.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        fit_label(&mut engine, text, size, max_width)
    };
    let response = bidi_label_ui(ui, &fitted, size, color);
    let label = text.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: a long Arabic span text in the span list showed its *end*, because the drawn
    /// right-to-left label was clipped on its right, where the text begins.
    #[test]
    fn fit_label_keeps_the_beginning_of_arabic_text() {
        let mut engine = TextEngine::new();
        let text = "وزير الخارجية الروسي سيرغي لافروف";
        let full = engine.label_size(text, 14.0).x;
        let fitted = fit_label(&mut engine, text, 14.0, full / 2.0);
        assert!(fitted.ends_with('…'), "{fitted}");
        let kept = fitted.trim_end_matches('…');
        assert!(!kept.is_empty() && text.starts_with(kept), "{fitted}");
        assert!(engine.label_size(&fitted, 14.0).x <= full / 2.0);
    }

    #[test]
    fn fit_label_leaves_text_that_fits_alone() {
        let mut engine = TextEngine::new();
        assert_eq!(fit_label(&mut engine, "روسيا", 14.0, 1000.0), "روسيا");
        assert_eq!(fit_label(&mut engine, "روسيا", 14.0, 0.0), "…");
    }
}

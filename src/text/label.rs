//! [`bidi_label_ui`]: a short single-line string drawn bidi-correctly through the shared
//! [`TextEngine`](super::engine::TextEngine) (egui's own labels reverse Arabic word order).
//! Layouts are cached in the engine by text and size.

use super::engine::shared_engine;

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

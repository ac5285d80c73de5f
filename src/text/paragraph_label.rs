//! Wrapped, bidi-correct paragraphs of interface text (the guidelines, label definitions in
//! tooltips): [`paragraph_ui`] paints a prepared [`ParagraphLayout`] with optional bold ranges,
//! [`wrapped_label_ui`] lays out and paints a short multi-line text in one call.
//!
//! The bundled fonts have no bold face, so bold ranges are drawn a second time, shifted by a
//! fraction of a point and clipped to the ranges' boxes (a faux bold that keeps the one
//! bidi-correct layout of the whole paragraph).

use std::ops::Range;

use super::engine::{TextEngine, shared_engine};
use super::label::LABEL_LINE_HEIGHT_FACTOR;
use super::paragraph::ParagraphLayout;

/// Horizontal shift of the second pass that makes bold text, in points per point of size.
const BOLD_SHIFT: f32 = 0.045;

/// Lays out `text` (one paragraph: line breaks become spaces) at `size` points, wrapped at
/// `max_width`, with the line height of labels.
pub fn layout_label_paragraph(
    engine: &mut TextEngine,
    text: &str,
    size: f32,
    max_width: f32,
) -> ParagraphLayout {
    let single: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    engine.layout_with_line_height(&single, size, max_width.max(1.0), LABEL_LINE_HEIGHT_FACTOR)
}

/// Paints `layout` in `color` with the code-point ranges `bold` in faux bold, allocating its
/// size. The response carries the paragraph's text as its accessible label.
pub fn paragraph_ui(
    ui: &mut egui::Ui,
    layout: &ParagraphLayout,
    color: egui::Color32,
    bold: &[Range<usize>],
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(layout.size(), egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        let engine = shared_engine(ui.ctx());
        let mut engine = match engine.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        engine.paint(ui.ctx(), ui.painter(), layout, rect.min, color);
        let shift = egui::vec2((layout.font_size() * BOLD_SHIFT).max(0.5), 0.0);
        for range in bold {
            for piece in layout.range_rects(range.clone()) {
                let clip = piece
                    .translate(rect.min.to_vec2())
                    .expand2(egui::vec2(shift.x, 0.0))
                    .intersect(ui.clip_rect());
                let painter = ui.painter().with_clip_rect(clip);
                engine.paint(ui.ctx(), &painter, layout, rect.min + shift, color);
            }
        }
    }
    let label = layout.text().to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    response
}

/// Draws `text` wrapped to the width left in `ui`, one paragraph per line of `text`, at the
/// body text size in the normal text colour.
pub fn wrapped_label_ui(ui: &mut egui::Ui, text: &str) {
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    let color = ui.visuals().text_color();
    let width = ui.available_width();
    for line in text.split('\n') {
        let layout = {
            let engine = shared_engine(ui.ctx());
            let mut engine = match engine.lock() {
                Ok(guard) => guard,
                Err(poisoned) => poisoned.into_inner(),
            };
            layout_label_paragraph(&mut engine, line, size, width)
        };
        paragraph_ui(ui, &layout, color, &[]);
    }
}

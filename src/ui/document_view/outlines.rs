//! Suggestions drawn as outlines over the painted text: a dashed line in the label's colour
//! around each visual run, no fill; the current one with a solid, thicker line. They are drawn
//! after the view each frame from its last layout (never into the paint cache, so accepting
//! or rejecting one repaints nothing else), and only those inside the painted paragraphs.

use std::ops::Range;

use egui::{Color32, Rect, Shape, Stroke, StrokeKind};
use qalam_core::model::Rgb;

use super::DocumentView;

/// Outline colour of a label the document does not have.
const NO_LABEL_COLOR: Color32 = Color32::from_rgb(0x88, 0x88, 0x88);
/// Dash and gap lengths of a suggestion's outline, in points.
const DASH: f32 = 4.0;
const GAP: f32 = 3.0;

/// One outline to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    /// The code points it surrounds.
    pub range: Range<usize>,
    /// The label's colour (`None`: a label the document does not have).
    pub color: Option<Rgb>,
    /// Whether it is the current suggestion (solid and thicker).
    pub current: bool,
}

impl DocumentView {
    /// The code points of the paragraphs painted in the last frame (what outlines can show).
    pub fn visible_chars(&self) -> Range<usize> {
        let paragraphs = &self.frame.visible;
        if paragraphs.is_empty() || paragraphs.end > self.cache.paragraphs().len() {
            return 0..0;
        }
        self.cache.chars(paragraphs.start).start..self.cache.chars(paragraphs.end - 1).end
    }

    /// Draws `outlines` over the text as laid out in this frame (call right after
    /// [`DocumentView::ui`]), clipped to the view.
    pub fn paint_outlines(&self, ui: &egui::Ui, outlines: impl IntoIterator<Item = Outline>) {
        let Some(clip) = self.frame.clip else {
            return;
        };
        let painter = ui.painter().with_clip_rect(clip);
        for outline in outlines {
            let color = outline
                .color
                .map_or(NO_LABEL_COLOR, |Rgb([r, g, b])| Color32::from_rgb(r, g, b));
            for rect in self.range_screen_rects(outline.range.clone()) {
                let rect = rect.expand(1.5);
                if outline.current {
                    painter.rect_stroke(rect, 2.0, Stroke::new(2.5, color), StrokeKind::Outside);
                } else {
                    dashed_rect(&painter, rect, Stroke::new(1.5, color));
                }
            }
        }
    }
}

fn dashed_rect(painter: &egui::Painter, rect: Rect, stroke: Stroke) {
    let corners = [
        rect.left_top(),
        rect.right_top(),
        rect.right_bottom(),
        rect.left_bottom(),
        rect.left_top(),
    ];
    painter.extend(Shape::dashed_line(&corners, stroke, DASH, GAP));
}

//! Painting of the visible paragraphs: selection, span highlights (backgrounds inset by lane,
//! underline bars by lane, an outline for the selected span, a label tag at each span's start
//! side, placed by `tag_layout`), the text itself (painted once per paragraph, so letters stay joined across highlight
//! boundaries) and the caret.

use egui::{Color32, Rect, Stroke, StrokeKind, Vec2, pos2};

use super::DocumentView;
use super::span_index::IndexedSpan;
use super::tag_layout::{PendingTag, PendingTags, TagRequest, paint_tags};
use qalam_core::model::{Annotation, SpanId};

/// Opacity of span backgrounds (out of 255).
const SPAN_FILL_ALPHA: u8 = 70;
/// Thickness of a span's underline bar, in points.
const BAR_THICKNESS: f32 = 2.0;
/// Height of a label tag as a multiple of its font size (capitals plus a little margin).
const TAG_HEIGHT_FACTOR: f32 = 1.2;
/// Room between a tag's edge and its text, in points.
const TAG_TEXT_MARGIN: f32 = 3.0;
/// Colour of spans whose label is not in the label set.
const UNKNOWN_LABEL_COLOR: Color32 = Color32::from_rgb(0x88, 0x88, 0x88);

impl DocumentView {
    /// Paints the paragraphs laid out for this frame.
    pub(super) fn paint_ui(
        &mut self,
        ui: &egui::Ui,
        ann: &Annotation,
        selected_span: Option<SpanId>,
    ) {
        let painter = ui.painter().clone();
        let ctx = ui.ctx().clone();
        let visuals = ui.visuals();
        let text_color = visuals.text_color();
        let selection_fill = visuals.selection.bg_fill.gamma_multiply(0.7);
        let caret_color = visuals.strong_text_color();
        let size = self.text_size;
        let lane_step = (size * 0.12).max(1.0);
        let tag_font_size = (size * 0.42).max(9.0);
        let selection = self.selection.range();
        let column = ui.max_rect().x_range();
        self.painted_tags.clear();
        let preview = self
            .pointer
            .edge_drag
            .and_then(|drag| drag.bounds().map(|b| (drag.id, b)));
        let outlined = preview.map(|(id, _)| id).or(selected_span);
        let caret = self.has_focus.then_some(self.selection.caret);
        let label_color = |span: &IndexedSpan| {
            span.label.and_then(|i| ann.labels().labels.get(i)).map_or(
                UNKNOWN_LABEL_COLOR,
                |label| {
                    let [r, g, b] = label.color.0;
                    Color32::from_rgb(r, g, b)
                },
            )
        };

        for index in self.frame.visible.clone() {
            let chars = self.cache.chars(index);
            let top = self.cache.heights().top(index);
            let origin = self.frame.origin + Vec2::new(0.0, top);
            let Some(layout) = self.cache.get(index) else {
                continue;
            };
            let local = |start: usize, end: usize| {
                start.clamp(chars.start, chars.end) - chars.start
                    ..end.clamp(chars.start, chars.end) - chars.start
            };
            let to_screen = |rect: Rect| rect.translate(origin.to_vec2());

            if let Some(sel) = &selection
                && sel.start <= chars.end
                && sel.end >= chars.start
            {
                for rect in layout.range_rects(local(sel.start, sel.end)) {
                    painter.rect_filled(to_screen(rect), 0.0, selection_fill);
                }
            }

            let mut spans: Vec<IndexedSpan> =
                self.spans.overlapping(chars.clone()).cloned().collect();
            if let Some((id, (start, end))) = preview
                && let Some(span) = spans.iter_mut().find(|span| span.id == id)
            {
                (span.start, span.end) = (start, end);
            }
            let span_rects: Vec<(IndexedSpan, Vec<Rect>)> = spans
                .into_iter()
                .map(|span| {
                    let rects = layout.range_rects(local(span.start, span.end));
                    (span, rects.into_iter().map(to_screen).collect())
                })
                .collect();
            for (span, rects) in &span_rects {
                let fill = label_color(span).gamma_multiply_u8(SPAN_FILL_ALPHA);
                let inset = Vec2::new(0.0, lane_step * span.lane as f32);
                for rect in rects {
                    painter.rect_filled(rect.shrink2(inset), 2.0, fill);
                }
            }

            self.engine
                .paint(&ctx, &painter, layout, origin, text_color);

            let mut tags = Vec::new();
            for (span, rects) in &span_rects {
                let color = label_color(span);
                let inset = lane_step * span.lane as f32;
                for rect in rects {
                    let y = rect.bottom() - inset - BAR_THICKNESS;
                    let bar = Rect::from_x_y_ranges(rect.x_range(), y..=y + BAR_THICKNESS);
                    painter.rect_filled(bar, 0.0, color);
                    if outlined == Some(span.id) {
                        painter.rect_stroke(
                            rect.shrink2(Vec2::new(0.0, inset)),
                            2.0,
                            Stroke::new(2.0, caret_color),
                            StrokeKind::Outside,
                        );
                    }
                }
                if span.start >= chars.start
                    && let Some(first) = layout
                        .range_rects(local(span.start, span.start + 1))
                        .first()
                        .copied()
                        .map(to_screen)
                {
                    let name = span
                        .label
                        .and_then(|i| ann.labels().labels.get(i))
                        .map_or("?", |label| label.name.as_str());
                    // The tag sits at the span's start side: the side of its first character
                    // within the span's box on that line (right for right-to-left runs).
                    let run_box = rects
                        .iter()
                        .find(|rect| rect.contains(first.center()))
                        .copied()
                        .unwrap_or(first);
                    let rtl = if first.width() < run_box.width() - 0.5 {
                        first.center().x > run_box.center().x
                    } else {
                        layout.is_rtl()
                    };
                    let label_size = self.engine.label_size(name, tag_font_size);
                    tags.push(PendingTag {
                        id: span.id,
                        name: name.to_owned(),
                        color,
                        request: TagRequest {
                            run_box: run_box.shrink2(Vec2::new(0.0, inset)),
                            rtl,
                            size: Vec2::new(
                                label_size.x + 2.0 * TAG_TEXT_MARGIN,
                                tag_font_size * TAG_HEIGHT_FACTOR,
                            ),
                        },
                    });
                }
            }
            let paragraph_rtl = layout.is_rtl();
            let tags = PendingTags {
                tags,
                column,
                rtl: paragraph_rtl,
                font_size: tag_font_size,
            };
            paint_tags(
                &mut self.engine,
                &mut self.painted_tags,
                &ctx,
                &painter,
                tags,
            );

            if let Some(caret) = caret
                && let Some((caret_index, caret_local)) = self.cache.locate(caret)
                && caret_index == index
            {
                let rect = to_screen(layout.caret_rect(caret_local));
                let x = rect.center().x;
                painter.line_segment(
                    [pos2(x, rect.top()), pos2(x, rect.bottom())],
                    Stroke::new(2.0, caret_color),
                );
            }
        }
    }
}

//! Painting of the visible paragraphs: selection, span highlights (backgrounds inset by lane,
//! underline bars by lane, an outline for the selected span, review marks — a red line through
//! a rejected span's text, a thin outline in the label colour around an accepted or fixed one — a label tag at each span's start
//! side, placed by `tag_layout`), the text itself (painted once per paragraph, so letters stay
//! joined across highlight
//! boundaries) and the caret.
//!
//! A paragraph is painted into a [`Recorder`] and kept in the [`super::paint_cache`] (the
//! caret is painted afresh every frame); later frames reuse it while its spans, selection and
//! outline stay the same.

use egui::{Color32, Pos2, Rect, Stroke, StrokeKind, Vec2, pos2};

use super::DocumentView;
use super::paint_cache::{MAX_CACHED_LINES, PaintStyle, ParagraphKey, Recorder};
use super::span_index::IndexedSpan;
use super::tag_layout::{PendingTag, PendingTags, TagRequest, paint_tags};
use qalam_core::model::{Annotation, ReviewState, SpanId};

/// Opacity of span backgrounds (out of 255).
const SPAN_FILL_ALPHA: u8 = 70;
/// Thickness of a span's underline bar, in points.
const BAR_THICKNESS: f32 = 2.0;
/// Height of a label tag as a multiple of its font size (capitals plus a little margin).
const TAG_HEIGHT_FACTOR: f32 = 1.2;
/// Room between a tag's edge and its text, in points.
const TAG_TEXT_MARGIN: f32 = 3.0;
/// Colour of the line through a rejected span.
const REJECTED_COLOR: Color32 = Color32::from_rgb(0xd0, 0x21, 0x21);
/// Thickness of the line through a rejected span, in points.
const STRIKE_THICKNESS: f32 = 2.0;
/// Search match highlight (behind spans and text) and the current match's, lighter (it is
/// also the selection, whose fill adds to it).
/// Both stay translucent so the text painted over them keeps its contrast in either theme; the
/// current match is told apart by its frame ([`CURRENT_SEARCH_FRAME`]), not by an opaque fill.
const SEARCH_FILL: Color32 = Color32::from_rgba_premultiplied(110, 90, 0, 110);
const CURRENT_SEARCH_FILL: Color32 = Color32::from_rgba_premultiplied(40, 25, 0, 40);
/// The frame around the current search match.
const CURRENT_SEARCH_FRAME: Stroke = Stroke {
    width: 2.0,
    color: Color32::from_rgb(0xf0, 0x90, 0x00),
};
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
        let screen = ui.painter().clone();
        let ctx = ui.ctx().clone();
        let visuals = ui.visuals();
        let text_color = visuals.text_color();
        let selection_fill = visuals.selection.bg_fill.gamma_multiply(0.7);
        let caret_color = visuals.strong_text_color();
        let column = ui.max_rect().x_range();
        let visible = self.frame.visible.clone();
        self.painted_tags.retain(|index, _| visible.contains(index));
        let pixels_per_point = ctx.pixels_per_point();
        let style = PaintStyle {
            pixels_per_point,
            text_size: self.text_size,
            width: self.cache.width(),
            origin_x: self.frame.origin.x,
            colors: [text_color, selection_fill, caret_color],
            atlas_resets: self.engine.atlas().resets(),
            labels: Vec::new(),
        };
        self.paint_cache.begin(|old| {
            let same =
                old.is_some_and(|old| old.same_except_labels(&style) && old.same_labels(ann));
            (!same).then(|| PaintStyle {
                labels: PaintStyle::labels_of(ann),
                ..style
            })
        });
        self.paint_cache
            .invalidate(self.spans.take_changes(), self.cache.paragraphs());
        let size = self.text_size;
        let lane_step = (size * 0.12).max(1.0);
        let tag_font_size = (size * 0.42).max(9.0);
        let selection = self.selection.range();
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
            let touches = |range: Option<(usize, usize)>| {
                range.is_some_and(|(start, end)| {
                    start < chars.end.max(chars.start + 1) && end > chars.start
                })
            };
            let key = ParagraphKey {
                selection: selection
                    .as_ref()
                    .filter(|sel| sel.start <= chars.end && sel.end >= chars.start)
                    .map(|sel| {
                        sel.start.clamp(chars.start, chars.end)
                            ..sel.end.clamp(chars.start, chars.end)
                    }),
                outlined: outlined.filter(|&id| touches(self.span_bounds(id))),
                preview: preview
                    .filter(|&(id, bounds)| touches(Some(bounds)) || touches(self.span_bounds(id))),
                search: {
                    let found = self.search.touching(chars.clone());
                    let current = self.search.current().filter(|i| found.contains(i));
                    (!found.is_empty()).then(|| (self.search.generation(), found, current))
                },
            };
            let cacheable = layout.line_count() <= MAX_CACHED_LINES;
            if cacheable && let Some(shapes) = self.paint_cache.get(index, &key, origin) {
                screen.extend(shapes);
                paint_caret(&screen, caret, index, layout, origin, caret_color, |cp| {
                    self.cache.locate(cp)
                });
                continue;
            }
            let painter = Recorder::new(if cacheable {
                Rect::EVERYTHING
            } else {
                screen.clip_rect()
            });
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

            if let Some((_, found, current)) = &key.search {
                for index in found.clone() {
                    let range = &self.search.ranges()[index];
                    let fill = if Some(index) == *current {
                        CURRENT_SEARCH_FILL
                    } else {
                        SEARCH_FILL
                    };
                    for rect in layout.range_rects(local(range.start, range.end)) {
                        painter.rect_filled(to_screen(rect), 2.0, fill);
                        if Some(index) == *current {
                            painter.rect_stroke(
                                to_screen(rect),
                                2.0,
                                CURRENT_SEARCH_FRAME,
                                StrokeKind::Inside,
                            );
                        }
                    }
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
                    paint_review_mark(&painter, rect.shrink2(Vec2::new(0.0, inset)), span, color);
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
            let pending = PendingTags {
                tags,
                column,
                rtl: layout.is_rtl(),
                font_size: tag_font_size,
            };
            let mut painted = Vec::new();
            paint_tags(&mut self.engine, &mut painted, &ctx, &painter, pending);
            self.painted_tags.insert(index, painted);

            let shapes = painter.into_shapes();
            if cacheable {
                let white = (
                    self.engine.atlas_texture(&ctx),
                    self.engine.atlas().white_uv(),
                );
                screen.extend(
                    self.paint_cache
                        .store(&ctx, index, key, origin, shapes, white),
                );
            } else {
                screen.extend(shapes);
            }
            paint_caret(&screen, caret, index, layout, origin, caret_color, |cp| {
                self.cache.locate(cp)
            });
        }
        self.paint_cache.evict();
    }
}

/// The review mark of `span` over its box `rect` on one line: a line through the text when
/// rejected, a thin outline in the label `color` when accepted or fixed, nothing otherwise.
fn paint_review_mark(painter: &Recorder, rect: Rect, span: &IndexedSpan, color: Color32) {
    match span.review {
        ReviewState::Rejected => {
            let y = rect.center().y;
            let half = STRIKE_THICKNESS / 2.0;
            let strike = Rect::from_x_y_ranges(rect.x_range(), y - half..=y + half);
            painter.rect_filled(strike, 0.0, REJECTED_COLOR);
        }
        ReviewState::Accepted | ReviewState::Fixed => {
            painter.rect_stroke(rect, 2.0, Stroke::new(1.0, color), StrokeKind::Inside);
        }
        ReviewState::Undecided | ReviewState::ChangedSinceReview => {}
    }
}

/// Paints the caret if it is in paragraph `index` (`locate` maps a code point to its paragraph
/// and the paragraph-relative offset).
fn paint_caret(
    painter: &egui::Painter,
    caret: Option<usize>,
    index: usize,
    layout: &crate::text::ParagraphLayout,
    origin: Pos2,
    caret_color: Color32,
    locate: impl Fn(usize) -> Option<(usize, usize)>,
) {
    if let Some(caret) = caret
        && let Some((caret_index, caret_local)) = locate(caret)
        && caret_index == index
    {
        let rect = layout.caret_rect(caret_local).translate(origin.to_vec2());
        let x = rect.center().x;
        painter.line_segment(
            [pos2(x, rect.top()), pos2(x, rect.bottom())],
            Stroke::new(2.0, caret_color),
        );
    }
}

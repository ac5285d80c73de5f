//! Mouse input of the document view: press-drag selection at grapheme precision (or snapped
//! outward to whole words when word snapping is on, Alt keeping letter precision), double-click
//! word selection, Shift+click extension, clicks on spans, and dragging a selected span's edge.

use egui::{Pos2, Rect, Vec2};

use super::{DocumentView, EDGE_GRAB_DISTANCE, ViewResponse};
use qalam_core::model::SpanId;

/// A drag of one edge of the selected span, with the bounds it would give now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct EdgeDrag {
    /// The span being resized.
    pub id: SpanId,
    /// The bound that does not move.
    pub fixed: usize,
    /// Where the moving bound is now.
    pub moving: usize,
    /// Bounds when the drag started.
    pub original: (usize, usize),
}

impl EdgeDrag {
    /// The span's bounds as the drag stands, `None` when they would make it empty.
    pub fn bounds(&self) -> Option<(usize, usize)> {
        let (start, end) = (self.fixed.min(self.moving), self.fixed.max(self.moving));
        (start < end).then_some((start, end))
    }
}

/// Pointer state kept between frames.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct PointerState {
    /// The primary button went down on the view and is still down.
    pub pressing: bool,
    /// The press started on an edge of the selected span.
    pub edge_drag: Option<EdgeDrag>,
    /// Where the mouse selection started, before any snapping to words.
    pub raw_anchor: usize,
}

impl DocumentView {
    /// The code-point boundary (into the whole text) nearest to screen position `pos`, laying
    /// out its paragraph if needed. Positions above or below the text clamp to the first or
    /// last line.
    pub(super) fn hit_test(&mut self, pos: Pos2, text: &str) -> Option<usize> {
        let y = pos.y - self.frame.origin.y;
        let heights = self.cache.heights();
        if heights.is_empty() {
            return Some(0);
        }
        let index = heights.index_at(y);
        self.cache.ensure(&mut self.engine, text, index);
        let top = self.cache.heights().top(index);
        let chars = self.cache.chars(index);
        let layout = self.cache.get(index)?;
        let local_y = (y - top).clamp(0.0, (layout.size().y - 1.0).max(0.0));
        let local = layout.hit_test(Vec2::new(pos.x - self.frame.origin.x, local_y));
        Some(chars.start + local.min(chars.len()))
    }

    /// Screen rectangles of the whole-text range within paragraph `index` (laid out).
    fn paragraph_rects(&mut self, index: usize, range: std::ops::Range<usize>) -> Vec<Rect> {
        let chars = self.cache.chars(index);
        let top = self.cache.heights().top(index);
        let Some(layout) = self.cache.get(index) else {
            return Vec::new();
        };
        let start = range.start.clamp(chars.start, chars.end) - chars.start;
        let end = range.end.clamp(chars.start, chars.end) - chars.start;
        let offset = self.frame.origin.to_vec2() + Vec2::new(0.0, top);
        layout
            .range_rects(start..end)
            .into_iter()
            .map(|rect| rect.translate(offset))
            .collect()
    }

    /// The innermost span whose highlight box contains screen position `pos`.
    pub(super) fn span_under(&mut self, pos: Pos2, text: &str) -> Option<SpanId> {
        let cp = self.hit_test(pos, text)?;
        let (index, _) = self.cache.locate(cp)?;
        let mut candidates: Vec<(usize, usize, usize, SpanId)> = self
            .spans
            .overlapping(cp.saturating_sub(1)..cp + 1)
            .map(|span| {
                (
                    span.end - span.start,
                    usize::MAX - span.lane,
                    span.start,
                    span.id,
                )
            })
            .collect();
        candidates.sort_unstable();
        for (len, _, start, id) in candidates {
            let rects = self.paragraph_rects(index, start..start + len);
            if rects.iter().any(|rect| rect.contains(pos)) {
                return Some(id);
            }
        }
        None
    }

    /// If `pos` is within [`EDGE_GRAB_DISTANCE`] of an edge of the selected span, the drag of
    /// that edge.
    fn edge_at(&mut self, pos: Pos2, selected: Option<SpanId>, text: &str) -> Option<EdgeDrag> {
        let span = self.spans.get(selected?)?.clone();
        let mut best: Option<(f32, EdgeDrag)> = None;
        for (edge, fixed) in [(span.start, span.end), (span.end, span.start)] {
            let Some((index, local)) = self.cache.locate(edge) else {
                continue;
            };
            self.cache.ensure(&mut self.engine, text, index);
            let top = self.cache.heights().top(index);
            let Some(layout) = self.cache.get(index) else {
                continue;
            };
            let caret = layout
                .caret_rect(local)
                .translate(self.frame.origin.to_vec2() + Vec2::new(0.0, top));
            let distance = (pos.x - caret.center().x).abs();
            if distance <= EDGE_GRAB_DISTANCE
                && caret.y_range().contains(pos.y)
                && best.is_none_or(|(d, _)| distance < d)
            {
                let drag = EdgeDrag {
                    id: span.id,
                    fixed,
                    moving: edge,
                    original: (span.start, span.end),
                };
                best = Some((distance, drag));
            }
        }
        best.map(|(_, drag)| drag)
    }

    /// With word snapping on and Alt not held, grows the mouse selection outward to whole
    /// words (keeping its direction); a caret stays where it is.
    fn snap_to_words(&mut self, ui: &egui::Ui, text: &str) {
        if !self.word_snap || ui.input(|input| input.modifiers.alt) {
            return;
        }
        let words = self.words.get(text);
        let (anchor, caret) = words.snap_selection(self.selection.anchor, self.selection.caret);
        self.selection.anchor = anchor;
        self.selection.caret = caret;
    }

    /// Handles the pointer for this frame.
    pub(super) fn pointer_ui(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        text: &str,
        selected_span: Option<SpanId>,
        out: &mut ViewResponse,
    ) {
        let shift = ui.input(|input| input.modifiers.shift);
        let down = response.is_pointer_button_down_on();
        let pos = response.interact_pointer_pos();
        // A press and release within one frame (a touchpad tap, `xdotool click`) is never
        // "down" on the view: egui reports only the click. It places the caret as a press would.
        let tap = response.clicked() && !down && !self.pointer.pressing;
        if (down && !self.pointer.pressing) || tap {
            self.pointer.pressing = down;
            response.request_focus();
            if let Some(pos) = pos {
                // A tap has no drag to follow: it never moves a span edge.
                self.pointer.edge_drag = if tap {
                    None
                } else {
                    self.edge_at(pos, selected_span, text)
                };
                if self.pointer.edge_drag.is_none()
                    && let Some(cp) = self.hit_test(pos, text)
                {
                    self.pointer.raw_anchor = if shift { self.selection.anchor } else { cp };
                    self.selection.move_caret(cp, shift);
                    self.selection.preferred_x = None;
                    self.snap_to_words(ui, text);
                    out.selection_started = true;
                }
            }
        } else if down
            && let Some(pos) = pos
            && let Some(cp) = self.hit_test(pos, text)
        {
            match &mut self.pointer.edge_drag {
                Some(drag) => drag.moving = cp,
                None => {
                    self.selection.anchor = self.pointer.raw_anchor;
                    self.selection.move_caret(cp, true);
                    self.snap_to_words(ui, text);
                }
            }
        }
        if down && let Some(pos) = pos {
            // Dragging past the top or bottom edge scrolls.
            let rect = response.rect;
            let beyond = if pos.y < rect.top() {
                pos.y - rect.top()
            } else if pos.y > rect.bottom() {
                pos.y - rect.bottom()
            } else {
                0.0
            };
            if beyond != 0.0 {
                self.scroll_delta += beyond.clamp(-40.0, 40.0);
                ui.ctx().request_repaint();
            }
        }
        if response.hovered() && !down {
            let hover = ui.input(|input| input.pointer.hover_pos());
            let on_edge = hover.is_some_and(|pos| self.edge_at(pos, selected_span, text).is_some());
            ui.ctx().set_cursor_icon(if on_edge {
                egui::CursorIcon::ResizeHorizontal
            } else {
                egui::CursorIcon::Text
            });
        }
        if !down && self.pointer.pressing {
            self.pointer.pressing = false;
            if let Some(drag) = self.pointer.edge_drag.take()
                && let Some((start, end)) = drag.bounds()
                && (start, end) != drag.original
            {
                out.span_edge_drag = Some((drag.id, start, end));
            }
        }
        if response.double_clicked()
            && let Some(pos) = pos
            && let Some(cp) = self.hit_test(pos, text)
            && let Some((index, local)) = self.cache.locate(cp)
            && let Some(layout) = self.cache.get(index)
        {
            let base = self.cache.chars(index).start;
            let word = layout.word_range(local);
            self.selection.select(base + word.start..base + word.end);
        } else if response.clicked()
            && !shift
            && let Some(pos) = pos
        {
            out.clicked_span = self.span_under(pos, text);
        }
    }
}

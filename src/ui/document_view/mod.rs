//! The document view: the whole annotation text, bidi-correct, with span highlights, a
//! selection and a keyboard caret, in a virtualised vertical scroll area.
//!
//! [`DocumentView`] keeps its caches between frames (paragraph layouts, span index, heights).
//! Every frame it lays out and paints only the paragraphs intersecting the viewport. It never
//! edits the model: clicks on spans and drags of span edges come back in [`ViewResponse`] for
//! the app to turn into edits.
//!
//! Files: [`layout_cache`] (paragraph layouts and their heights), [`heights`] (estimated and
//! measured paragraph heights), [`span_index`] (which spans overlap a paragraph), [`selection`]
//! (anchor and caret), `pointer` (mouse selection, span clicks, edge drags), `keyboard` (caret
//! movement), `paint` (highlights, text, tags, caret), [`tag_layout`] (where the label tags go),
//! `paint_cache` (painted paragraphs kept as meshes between frames, so a scrolling frame only
//! moves them), [`search_highlights`] (the search matches it paints, set by the app), [`outlines`]
//! (suggestions drawn over the text as outlines, never cached).

pub mod heights;
mod keyboard;
pub mod layout_cache;
pub mod outlines;
mod paint;
mod paint_cache;
mod pointer;
pub mod search_highlights;
pub mod selection;
pub mod span_index;
pub mod tag_layout;

use std::ops::Range;

use egui::{Pos2, Rect, Sense, Vec2};

use crate::text::engine::TextEngine;
use layout_cache::{FrameWork, LayoutCache};
use paint_cache::PaintCache;
use pointer::PointerState;
use qalam_core::editing::WordBoundaryCache;
use qalam_core::model::{Annotation, SpanId};
use search_highlights::SearchHighlights;
use selection::Selection;
use span_index::SpanIndex;
use tag_layout::PaintedTag;

/// Text size of a new view, in points.
pub const DEFAULT_TEXT_SIZE: f32 = 20.0;
/// Smallest and largest text size accepted by [`DocumentView::set_text_size`].
pub const TEXT_SIZE_RANGE: std::ops::RangeInclusive<f32> = 8.0..=72.0;
/// Horizontal space between the view's edges and the text, in points.
const PADDING: f32 = 12.0;
/// At most this many characters of the selection are given to screen readers as the value.
const MAX_ACCESSIBLE_CHARS: usize = 2000;
/// Space above the first paragraph (room for its span tags), as a multiple of the text size.
const TOP_PADDING: f32 = 0.4;
/// Narrowest wrap width used, however small the view gets.
const MIN_WRAP_WIDTH: f32 = 40.0;
/// How close (in points) to a selected span's edge a press must be to drag that edge.
pub const EDGE_GRAB_DISTANCE: f32 = 4.0;

/// What happened in the view during one frame.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewResponse {
    /// A click (press and release without dragging) landed on this span: the innermost span
    /// under the pointer.
    pub clicked_span: Option<SpanId>,
    /// A drag of the selected span's start or end edge finished: span id, new start, new end
    /// (code points, start < end). Reported once, on release; the view previews it meanwhile.
    pub span_edge_drag: Option<(SpanId, usize, usize)>,
    /// A press placed the caret or began a text selection (not on a selected span's edge):
    /// the app deselects the selected span, whose outline would otherwise stay around the
    /// new selection. A click on a span reports [`Self::clicked_span`] on release.
    pub selection_started: bool,
    /// The view has keyboard focus.
    pub has_focus: bool,
    /// The current selection (code points into the whole text), `None` when empty.
    pub selection: Option<Range<usize>>,
}

/// A request to bring a code point into view.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ScrollRequest {
    cp: usize,
    /// Scroll even when the code point is already visible (put it a third down the view).
    always: bool,
}

/// Where last frame's content was on screen, and how much work the frame did.
#[derive(Debug, Clone, Default)]
struct FrameGeometry {
    /// Screen position of the content's top-left (text column start, y of paragraph 0).
    origin: Pos2,
    /// Paragraphs laid out and painted.
    visible: Range<usize>,
    /// Layout work of the frame.
    work: FrameWork,
    /// The visible part of the view on screen (`None` before the first frame).
    clip: Option<Rect>,
}

/// The document view widget. Create once, call [`DocumentView::ui`] every frame.
pub struct DocumentView {
    engine: TextEngine,
    cache: LayoutCache,
    paint_cache: PaintCache,
    spans: SpanIndex,
    selection: Selection,
    text_size: f32,
    scroll_request: Option<ScrollRequest>,
    scroll_delta: f32,
    pending_offset: Option<f32>,
    pointer: PointerState,
    frame: FrameGeometry,
    char_len: usize,
    has_focus: bool,
    /// Mouse selections snap outward to whole words.
    word_snap: bool,
    /// Word boundaries of the text, for snapping.
    words: WordBoundaryCache,
    /// The label tags painted in the last frame.
    painted_tags: std::collections::BTreeMap<usize, Vec<PaintedTag>>,
    /// Search matches to highlight.
    search: SearchHighlights,
}

impl Default for DocumentView {
    fn default() -> Self {
        Self::new()
    }
}

impl DocumentView {
    /// A view with an empty selection at the default text size.
    pub fn new() -> Self {
        Self {
            engine: TextEngine::new(),
            cache: LayoutCache::default(),
            paint_cache: PaintCache::default(),
            spans: SpanIndex::default(),
            selection: Selection::default(),
            text_size: DEFAULT_TEXT_SIZE,
            scroll_request: None,
            scroll_delta: 0.0,
            pending_offset: None,
            pointer: PointerState::default(),
            frame: FrameGeometry::default(),
            char_len: 0,
            has_focus: false,
            word_snap: false,
            words: WordBoundaryCache::default(),
            painted_tags: std::collections::BTreeMap::new(),
            search: SearchHighlights::default(),
        }
    }

    /// The selected code-point range of the whole text, `None` when nothing is selected.
    pub fn selection(&self) -> Option<Range<usize>> {
        self.selection.range()
    }

    /// The caret position (code points), where Shift+arrow keys extend from.
    pub fn caret(&self) -> usize {
        self.selection.caret
    }

    /// Selects `range` (clamped to the text on the next frame) with the caret at its end; `None` clears the
    /// selection, leaving the caret where it was.
    pub fn set_selection(&mut self, range: Option<Range<usize>>) {
        match range {
            Some(range) => self.selection.select(range.start.min(range.end)..range.end),
            None => self.selection = Selection::caret_at(self.selection.caret),
        }
    }

    /// The selected text of `ann` (which must be the annotation shown), for a status bar;
    /// sliced through the document's code-point index.
    pub fn selected_text<'a>(&self, ann: &'a Annotation) -> Option<&'a str> {
        let range = self.selection.range()?;
        ann.document().slice(range.start, range.end)
    }

    /// What screen readers get as the view's value: the selected text (its first
    /// [`MAX_ACCESSIBLE_CHARS`] characters), or the document's title (its id if untitled) when
    /// nothing is selected.
    fn accessible_value(&self, ann: &Annotation) -> String {
        match self.selected_text(ann) {
            Some(selected) => match selected.char_indices().nth(MAX_ACCESSIBLE_CHARS) {
                Some((cut, _)) => format!("{}…", &selected[..cut]),
                None => selected.to_owned(),
            },
            None if ann.document().title.is_empty() => ann.document().id.clone(),
            None => ann.document().title.clone(),
        }
    }

    /// Highlights these search matches (sorted, disjoint code-point ranges), `current` (an
    /// index into them) stronger. The view only paints them.
    pub fn set_search_matches(
        &mut self,
        ranges: Vec<std::ops::Range<usize>>,
        current: Option<usize>,
    ) {
        self.search.set(ranges, current);
    }

    /// Changes which highlighted search match is the current one.
    pub fn set_search_current(&mut self, current: Option<usize>) {
        self.search.set_current(current);
    }

    /// The highlighted search matches and the current one.
    pub fn search_highlights(&self) -> &SearchHighlights {
        &self.search
    }

    /// Scrolls so that code point `cp` is visible (a third down the view) on the next frame.
    pub fn scroll_to(&mut self, cp: usize) {
        self.scroll_request = Some(ScrollRequest { cp, always: true });
    }

    /// Scrolls down by `points` (up when negative) on the next frame, e.g. for Page Down.
    pub fn scroll_by(&mut self, points: f32) {
        self.scroll_delta += points;
    }

    /// Sets the text size in points (clamped to [`TEXT_SIZE_RANGE`]); drops all layouts.
    pub fn set_text_size(&mut self, points: f32) {
        let points = points.clamp(*TEXT_SIZE_RANGE.start(), *TEXT_SIZE_RANGE.end());
        if points != self.text_size {
            self.text_size = points;
        }
    }

    /// Turns snapping of mouse selections to whole words on or off (off: letter precision;
    /// on, holding Alt while dragging still gives letter precision).
    pub fn set_word_snap(&mut self, on: bool) {
        self.word_snap = on;
    }

    /// Whether mouse selections snap to whole words.
    pub fn word_snap(&self) -> bool {
        self.word_snap
    }

    /// The text size in points.
    pub fn text_size(&self) -> f32 {
        self.text_size
    }

    /// Paragraphs shaped from scratch during the last frame (virtualisation check).
    pub fn paragraphs_shaped_last_frame(&self) -> usize {
        self.frame.work.shaped
    }

    /// Paragraphs re-broken at a new width during the last frame.
    pub fn paragraphs_rebroken_last_frame(&self) -> usize {
        self.frame.work.rebroken
    }

    /// Indices of the paragraphs painted during the last frame.
    pub fn paragraphs_painted_last_frame(&self) -> Range<usize> {
        self.frame.visible.clone()
    }

    /// The label tags of the paragraphs shown in the last frame (painted then, or earlier and
    /// reused from the paint cache): span, text shown and screen rectangle, in paragraph order.
    pub fn painted_tags(&self) -> Vec<PaintedTag> {
        self.painted_tags.values().flatten().cloned().collect()
    }

    /// Paragraphs painted from the paint cache (moved, not repainted) during the last frame.
    pub fn paragraphs_reused_last_frame(&self) -> usize {
        self.paint_cache.hits()
    }

    /// Bounds of the span with this id, as indexed.
    fn span_bounds(&self, id: SpanId) -> Option<(usize, usize)> {
        self.spans.bounds(id)
    }

    /// Paragraph layouts currently cached.
    pub fn cached_layouts(&self) -> usize {
        self.cache.alive()
    }

    /// Screen rectangles (as of the last frame) covering the code-point range `range` of the
    /// whole text, one per visual run; empty for parts not laid out. For tests and for
    /// placing popups next to a span.
    pub fn range_screen_rects(&self, range: Range<usize>) -> Vec<Rect> {
        let mut rects = Vec::new();
        let Some((first, _)) = self.cache.locate(range.start) else {
            return rects;
        };
        for index in first..self.cache.paragraphs().len() {
            let chars = self.cache.chars(index);
            if chars.start > range.end || (chars.start == range.end && !range.is_empty()) {
                break;
            }
            let (Some(layout), Some(top)) = (
                self.cache.get(index),
                self.cache.heights_ref().settled_top(index),
            ) else {
                continue;
            };
            let local = range.start.max(chars.start) - chars.start
                ..range.end.min(chars.end).max(chars.start) - chars.start;
            let origin = self.frame.origin + Vec2::new(0.0, top);
            rects.extend(
                layout
                    .range_rects(local)
                    .into_iter()
                    .map(|rect| rect.translate(origin.to_vec2())),
            );
        }
        rects
    }

    /// Screen rectangle (as of the last frame) of the caret before code point `cp`, if its
    /// paragraph is laid out.
    pub fn caret_screen_rect(&self, cp: usize) -> Option<Rect> {
        let (index, local) = self.cache.locate(cp)?;
        let layout = self.cache.get(index)?;
        let top = self.cache.heights_ref().settled_top(index)?;
        let origin = self.frame.origin + Vec2::new(0.0, top);
        Some(layout.caret_rect(local).translate(origin.to_vec2()))
    }

    /// Draws the view filling the available space and handles its input.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        ann: &Annotation,
        selected_span: Option<SpanId>,
    ) -> ViewResponse {
        let id = ui.make_persistent_id("qalam_document_view");
        self.spans.refresh(ann);
        let mut out = ViewResponse::default();
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt(id)
            .auto_shrink([false, false]);
        if let Some(offset) = self.pending_offset.take() {
            scroll = scroll.vertical_scroll_offset(offset);
        }
        scroll.show_viewport(ui, |ui, viewport| {
            self.content_ui(ui, viewport, id, ann, selected_span, &mut out);
        });
        out.selection = self.selection.range();
        out.has_focus = self.has_focus;
        out
    }

    /// The scroll area's contents: synchronise caches, settle the scroll offset, lay out the
    /// visible paragraphs, handle input, paint.
    fn content_ui(
        &mut self,
        ui: &mut egui::Ui,
        viewport: Rect,
        id: egui::Id,
        ann: &Annotation,
        selected_span: Option<SpanId>,
        out: &mut ViewResponse,
    ) {
        let text = ann.document().text();
        let full_width = ui.available_width();
        let width = (full_width - 2.0 * PADDING).max(MIN_WRAP_WIDTH);
        let anchor = self.anchor_at(viewport.min.y);
        let outcome = self.cache.sync(text, self.text_size, width);
        if outcome.text_changed {
            self.char_len = ann.document().char_len();
            self.pointer = PointerState::default();
            self.paint_cache.clear();
        }
        self.selection.clamp(self.char_len);
        let mut offset = viewport.min.y;
        if outcome.geometry_changed
            && let Some((index, fraction)) = anchor
        {
            self.cache.ensure(&mut self.engine, text, index);
            let heights = self.cache.heights();
            offset = heights.top(index) + fraction * heights.height(index);
        }
        if self.scroll_delta != 0.0 {
            offset = (offset + std::mem::take(&mut self.scroll_delta)).max(0.0);
        }
        if let Some(request) = self.scroll_request.take() {
            offset = self.offset_showing(request, offset, viewport.height(), text);
        }
        let max_offset = (self.cache.heights().total() - viewport.height()).max(0.0);
        offset = offset.clamp(0.0, max_offset.max(viewport.min.y));
        let first = self.cache.heights().index_at(offset);
        let heights = self.cache.heights();
        if !heights.is_measured(first) && heights.is_measured(first + 1) {
            // Scrolling up into a paragraph never seen: keep what was on screen in place.
            offset += self.cache.ensure(&mut self.engine, text, first);
        }
        let top_padding = self.text_size * TOP_PADDING;
        let bottom = offset + viewport.height() + top_padding;
        let mut end = first;
        while end < self.cache.paragraphs().len() && self.cache.heights().top(end) < bottom {
            self.cache.ensure(&mut self.engine, text, end);
            end += 1;
        }
        let shift = offset - viewport.min.y;
        if shift != 0.0 {
            self.pending_offset = Some(offset.max(0.0));
            ui.ctx().request_repaint();
        }
        let total = self.cache.heights().total();
        let content_min = ui.max_rect().min;
        let (rect, _) = ui.allocate_exact_size(
            Vec2::new(full_width, (total + top_padding).max(viewport.height())),
            Sense::hover(),
        );
        let clip = rect.intersect(ui.clip_rect());
        let response = ui.interact(clip, id, Sense::click_and_drag());
        self.frame.origin = Pos2::new(content_min.x + PADDING, content_min.y - shift + top_padding);
        self.frame.visible = first..end;
        self.frame.clip = Some(clip);

        self.pointer_ui(ui, &response, text, selected_span, out);
        if response.has_focus() {
            ui.memory_mut(|memory| {
                memory.set_focus_lock_filter(
                    id,
                    egui::EventFilter {
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        tab: false,
                        escape: false,
                    },
                );
            });
            self.keyboard_ui(ui, text);
        }
        self.has_focus = response.has_focus();
        response.widget_info(|| {
            let mut info = egui::WidgetInfo::labeled(egui::Role::Document, true, "Document");
            info.current_text_value = Some(self.accessible_value(ann));
            info
        });
        self.paint_ui(ui, ann, selected_span);
        self.frame.work = self.cache.work();
        self.cache.heights().total();
        self.cache.evict();
    }

    /// The paragraph at content height `y` and how far into it `y` is (0..1), from the heights
    /// of the previous frame.
    fn anchor_at(&mut self, y: f32) -> Option<(usize, f32)> {
        let heights = self.cache.heights();
        if heights.is_empty() {
            return None;
        }
        let index = heights.index_at(y);
        let top = heights.top(index);
        let height = heights.height(index).max(1.0);
        Some((index, ((y - top) / height).clamp(0.0, 1.0)))
    }

    /// The scroll offset that shows `request.cp`, starting from `offset` with a view `height`
    /// tall.
    fn offset_showing(
        &mut self,
        request: ScrollRequest,
        offset: f32,
        height: f32,
        text: &str,
    ) -> f32 {
        let Some((index, local)) = self.cache.locate(request.cp) else {
            return offset;
        };
        self.cache.ensure(&mut self.engine, text, index);
        let caret = self
            .cache
            .get(index)
            .map(|layout| layout.caret_rect(local))
            .unwrap_or(Rect::ZERO);
        let top = self.cache.heights().top(index);
        let (caret_top, caret_bottom) = (top + caret.min.y, top + caret.max.y);
        let visible = caret_top >= offset && caret_bottom <= offset + height;
        if visible && !request.always {
            offset
        } else if !request.always && caret_bottom > offset + height {
            (caret_bottom - height + self.text_size).max(0.0)
        } else if !request.always {
            (caret_top - self.text_size).max(0.0)
        } else {
            (caret_top - height / 3.0).max(0.0)
        }
    }
}

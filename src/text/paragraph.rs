//! [`ParagraphLayout`]: one shaped, bidi-resolved, line-broken paragraph, with geometry queries
//! (hit-testing, highlight boxes, carets, caret movement, visual order) in code points.
//!
//! parley works in UTF-8 byte offsets; every public method here takes and returns code-point
//! indices relative to the paragraph start, converted through [`CharIndex`].

use std::ops::Range;

use parley::{Affinity, Alignment, AlignmentOptions, Cursor, Selection};
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

use super::offsets::CharIndex;

/// Width of a caret in points.
pub const CARET_WIDTH: f32 = 1.5;

/// Base direction of a paragraph or line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextDirection {
    /// Left to right (Latin, digits-only, empty).
    Ltr,
    /// Right to left (Arabic, Hebrew).
    Rtl,
}

impl TextDirection {
    /// `"ltr"` or `"rtl"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ltr => "ltr",
            Self::Rtl => "rtl",
        }
    }
}

/// One line as displayed.
#[derive(Clone, Debug, PartialEq)]
pub struct VisualLine {
    /// Base direction of the paragraph the line belongs to.
    pub direction: TextDirection,
    /// Code-point indices (paragraph-relative) of the line's characters, left to right as
    /// displayed. Inside right-to-left runs each character is listed separately, reversed
    /// (as UAX #9 rule L2 orders them).
    pub chars: Vec<usize>,
    /// Logical code-point range of the line (paragraph-relative).
    pub range: Range<usize>,
    /// The line box, relative to the paragraph's top-left.
    pub rect: egui::Rect,
    /// y of the baseline, relative to the paragraph's top.
    pub baseline: f32,
}

/// A laid-out paragraph. Build it with [`super::engine::TextEngine::layout_paragraph`].
pub struct ParagraphLayout {
    layout: parley::Layout<()>,
    text: String,
    index: CharIndex,
    max_width: f32,
    font_size: f32,
}

impl std::fmt::Debug for ParagraphLayout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParagraphLayout")
            .field("text", &self.text)
            .field("max_width", &self.max_width)
            .field("font_size", &self.font_size)
            .field("lines", &self.layout.len())
            .finish()
    }
}

impl ParagraphLayout {
    /// Wraps a shaped parley layout; breaks and aligns it at `max_width`.
    pub(crate) fn new(
        layout: parley::Layout<()>,
        text: String,
        font_size: f32,
        max_width: f32,
    ) -> Self {
        let index = CharIndex::new(&text);
        let mut paragraph = Self {
            layout,
            text,
            index,
            max_width,
            font_size,
        };
        paragraph.rebreak(max_width);
        paragraph
    }

    /// The underlying parley layout (for painting).
    pub(crate) fn parley(&self) -> &parley::Layout<()> {
        &self.layout
    }

    /// Re-breaks lines and re-aligns at a new width, without shaping again.
    pub fn rebreak(&mut self, max_width: f32) {
        let max_width = if max_width.is_finite() && max_width > 0.0 {
            max_width
        } else {
            1.0
        };
        self.max_width = max_width;
        self.layout.break_all_lines(Some(max_width));
        self.layout
            .align(Alignment::Start, AlignmentOptions::default());
    }

    /// Breaks only at explicit line breaks (never wraps) and sets the width to the widest
    /// line: for single-line labels.
    pub fn rebreak_unwrapped(&mut self) {
        self.layout.break_all_lines(None);
        self.layout
            .align(Alignment::Start, AlignmentOptions::default());
        self.max_width = self.layout.width();
    }

    /// The paragraph text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Code point ↔ byte ↔ UTF-16 conversions for [`Self::text`].
    pub fn char_index(&self) -> &CharIndex {
        &self.index
    }

    /// Font size in points the paragraph was laid out at.
    pub fn font_size(&self) -> f32 {
        self.font_size
    }

    /// The wrapping width.
    pub fn max_width(&self) -> f32 {
        self.max_width
    }

    /// Width of the widest line (content only; at most [`Self::max_width`] unless a word is
    /// longer than the width).
    pub fn content_width(&self) -> f32 {
        self.layout.width()
    }

    /// Size of the paragraph box: `max_width` × the height of all lines.
    pub fn size(&self) -> egui::Vec2 {
        egui::vec2(self.max_width, self.layout.height())
    }

    /// Whether the paragraph's base direction is right to left.
    pub fn is_rtl(&self) -> bool {
        self.layout.is_rtl()
    }

    /// Base direction of the paragraph.
    pub fn direction(&self) -> TextDirection {
        if self.is_rtl() {
            TextDirection::Rtl
        } else {
            TextDirection::Ltr
        }
    }

    /// Number of code points.
    pub fn char_len(&self) -> usize {
        self.index.char_len()
    }

    /// Number of visual lines.
    pub fn line_count(&self) -> usize {
        self.layout.len()
    }

    fn byte(&self, cp: usize) -> usize {
        self.index
            .cp_to_byte(cp.min(self.char_len()))
            .unwrap_or(self.text.len())
    }

    fn cp(&self, byte: usize) -> usize {
        self.index.byte_to_cp_floor(byte)
    }

    /// The nearest grapheme boundary at or before `byte`.
    fn grapheme_floor(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let mut cursor = GraphemeCursor::new(byte, self.text.len(), true);
        match cursor.is_boundary(&self.text, 0) {
            Ok(true) => byte,
            _ => {
                let mut cursor = GraphemeCursor::new(byte, self.text.len(), true);
                cursor
                    .prev_boundary(&self.text, 0)
                    .ok()
                    .flatten()
                    .unwrap_or(0)
            }
        }
    }

    /// The code-point boundary nearest to `pos` (relative to the paragraph's top-left), snapped
    /// to a grapheme boundary. Points above/below the paragraph map to the first/last line.
    pub fn hit_test(&self, pos: egui::Vec2) -> usize {
        let cursor = Cursor::from_point(&self.layout, pos.x, pos.y);
        self.cp(self.grapheme_floor(cursor.index()))
    }

    /// The UAX #29 word segment around `cp` (a run of spaces or a punctuation mark is its own
    /// segment). At the end of the text, the last segment. Empty text gives `0..0`.
    pub fn word_range(&self, cp: usize) -> Range<usize> {
        let byte = self.byte(cp);
        let mut last = 0..0;
        for (start, word) in self.text.split_word_bound_indices() {
            let end = start + word.len();
            last = start..end;
            if byte < end {
                break;
            }
        }
        self.cp(last.start)..self.cp(last.end)
    }

    /// Highlight boxes of a code-point range, relative to the paragraph's top-left, one per
    /// contiguous visual piece (a range crossing a direction change or a line break gives
    /// several). Out-of-range ends are clamped; an empty range gives none.
    pub fn range_rects(&self, range: Range<usize>) -> Vec<egui::Rect> {
        let start = range.start.min(self.char_len());
        let end = range.end.min(self.char_len());
        if start >= end {
            return Vec::new();
        }
        let selection = Selection::new(
            Cursor::from_byte_index(&self.layout, self.byte(start), Affinity::Downstream),
            Cursor::from_byte_index(&self.layout, self.byte(end), Affinity::Upstream),
        );
        let mut rects: Vec<egui::Rect> = Vec::new();
        selection.geometry_with(&self.layout, |bbox, _line| {
            let rect = egui::Rect::from_min_max(
                egui::pos2(bbox.x0 as f32, bbox.y0 as f32),
                egui::pos2(bbox.x1 as f32, bbox.y1 as f32),
            );
            if rect.width() <= 0.0 {
                return;
            }
            // Merge boxes that touch on the same line (parley may emit one per run).
            if let Some(previous) = rects.last_mut()
                && (previous.min.y - rect.min.y).abs() < 0.5
                && (previous.max.y - rect.max.y).abs() < 0.5
                && (previous.max.x - rect.min.x).abs() < 0.5
            {
                previous.max.x = rect.max.x;
                return;
            }
            rects.push(rect);
        });
        rects
    }

    /// The caret at code-point boundary `cp` (clamped), relative to the paragraph's top-left.
    /// At a soft line break the caret is drawn at the start of the following line.
    pub fn caret_rect(&self, cp: usize) -> egui::Rect {
        let cursor = Cursor::from_byte_index(&self.layout, self.byte(cp), Affinity::Downstream);
        let bbox = cursor.geometry(&self.layout, CARET_WIDTH);
        egui::Rect::from_min_max(
            egui::pos2(bbox.x0 as f32, bbox.y0 as f32),
            egui::pos2(bbox.x1 as f32, bbox.y1 as f32),
        )
    }

    /// The boundary one cluster (or, with `by_word`, one word) to the visual right or left of
    /// `cp`; `None` when there is nothing further that way in this paragraph.
    pub fn move_visual(&self, cp: usize, to_right: bool, by_word: bool) -> Option<usize> {
        let start = Cursor::from_byte_index(&self.layout, self.byte(cp), Affinity::Downstream);
        let start_index = start.index();
        let mut cursor = start;
        // The same logical index can sit at two visual places (at a direction change): keep
        // stepping until the index changes or the cursor stops moving.
        for _ in 0..4 {
            let next = match (to_right, by_word) {
                (true, false) => cursor.next_visual(&self.layout),
                (false, false) => cursor.previous_visual(&self.layout),
                (true, true) => cursor.next_visual_word(&self.layout),
                (false, true) => cursor.previous_visual_word(&self.layout),
            };
            if next == cursor {
                return None;
            }
            cursor = next;
            if cursor.index() != start_index {
                return Some(self.cp(self.grapheme_floor(cursor.index())));
            }
        }
        None
    }

    /// Index of the visual line holding the caret at `cp`.
    pub fn line_of(&self, cp: usize) -> usize {
        let caret = self.caret_rect(cp);
        let y = caret.center().y;
        let mut found = 0;
        for (i, line) in self.layout.lines().enumerate() {
            let metrics = line.metrics();
            found = i;
            if y < metrics.block_max_coord {
                break;
            }
        }
        found
    }

    /// The boundary on the line below (or above) `cp`, keeping the caret's x as close as
    /// possible; `None` from the last (first) line.
    pub fn move_vertical(&self, cp: usize, down: bool) -> Option<usize> {
        let line = self.line_of(cp);
        let target_line = if down {
            if line + 1 >= self.line_count() {
                return None;
            }
            line + 1
        } else {
            line.checked_sub(1)?
        };
        let caret = self.caret_rect(cp);
        let target = self.layout.get(target_line)?;
        let metrics = target.metrics();
        let y = (metrics.block_min_coord + metrics.block_max_coord) / 2.0;
        Some(self.hit_test(egui::vec2(caret.center().x, y)))
    }

    /// The visual lines, top to bottom, with their characters in left-to-right display order.
    pub fn visual_lines(&self) -> Vec<VisualLine> {
        let direction = self.direction();
        let mut lines = Vec::with_capacity(self.layout.len());
        for line in self.layout.lines() {
            let metrics = line.metrics();
            let range = line.text_range();
            let mut chars = Vec::new();
            for run in line.runs() {
                for cluster in run.visual_clusters() {
                    let bytes = cluster.text_range();
                    let first = self.cp(bytes.start);
                    let last = self.cp(bytes.end);
                    if cluster.is_rtl() {
                        chars.extend((first..last).rev());
                    } else {
                        chars.extend(first..last);
                    }
                }
            }
            let rect = egui::Rect::from_min_max(
                egui::pos2(metrics.offset, metrics.block_min_coord),
                egui::pos2(metrics.offset + metrics.advance, metrics.block_max_coord),
            );
            lines.push(VisualLine {
                direction,
                chars,
                range: self.cp(range.start)..self.cp(range.end),
                rect,
                baseline: metrics.baseline,
            });
        }
        lines
    }
}

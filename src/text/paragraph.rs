//! [`ParagraphLayout`]: one shaped, bidi-resolved, line-broken paragraph, with geometry queries
//! (hit-testing, highlight boxes, carets, caret movement, visual order) in code points.
//!
//! parley works in UTF-8 byte offsets; every public method here takes and returns code-point
//! indices relative to the paragraph start, converted through [`CharIndex`].

use std::ops::Range;

use parley::{Affinity, Alignment, AlignmentOptions, Cursor};
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

use super::geometry::{ClusterBox, LineBoxes, line_boxes};
use super::line_order::ParagraphLevels;
use qalam_core::model::CharIndex;

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
    /// displayed: UAX #9 with rule L1 for this line (whitespace at its end back at the paragraph
    /// level) and L2; inside right-to-left runs each character is listed separately, reversed.
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
    /// Resolved bidi levels (`None` for a paragraph that is left to right throughout), from which
    /// every line's order is computed with rule L1 after each (re)break.
    levels: Option<ParagraphLevels>,
    /// Cluster boxes per line, recomputed on every (re)break.
    lines: Vec<LineBoxes>,
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
        let levels = ParagraphLevels::new(&text, layout.is_rtl());
        let mut paragraph = Self {
            layout,
            text,
            index,
            max_width,
            font_size,
            levels,
            lines: Vec::new(),
        };
        paragraph.rebreak(max_width);
        paragraph
    }

    /// The underlying parley layout (byte offsets), for painting and low-level queries such as
    /// glyph ids.
    pub fn parley(&self) -> &parley::Layout<()> {
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
        self.lines = line_boxes(&self.layout, &self.index, self.levels.as_ref());
    }

    /// Breaks only at explicit line breaks (never wraps) and sets the width to the widest
    /// line: for single-line labels.
    pub fn rebreak_unwrapped(&mut self) {
        self.layout.break_all_lines(None);
        self.layout
            .align(Alignment::Start, AlignmentOptions::default());
        self.max_width = self.layout.width();
        self.lines = line_boxes(&self.layout, &self.index, self.levels.as_ref());
    }

    /// Cluster boxes of every line, top to bottom, in display order (UAX #9 with rule L1).
    pub(crate) fn line_boxes(&self) -> &[LineBoxes] {
        &self.lines
    }

    /// The paragraph text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Font size in points the paragraph was laid out at.
    pub fn font_size(&self) -> f32 {
        self.font_size
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
        self.lines.len()
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
        let Some(line) = self.line_at_y(pos.y) else {
            return 0;
        };
        let boundary = match line.clusters.iter().find(|c| pos.x < c.x1) {
            None => line
                .clusters
                .last()
                .map_or(line.range.start, ClusterBox::right_boundary),
            Some(cluster) if pos.x < (cluster.x0 + cluster.x1) / 2.0 => cluster.left_boundary(),
            Some(cluster) => cluster.right_boundary(),
        };
        let boundary = self.keep_on_wrapped_line(line, boundary);
        self.cp(self.grapheme_floor(self.byte(boundary)))
    }

    /// A boundary at the end of a soft-wrapped line is drawn at the start of the next line; when
    /// the line ends in whitespace, use the boundary before that whitespace instead, so a click
    /// past the end of a line leaves the caret on that line.
    fn keep_on_wrapped_line(&self, line: &LineBoxes, boundary: usize) -> usize {
        let is_last_line = line.range.end >= self.char_len();
        if boundary != line.range.end || is_last_line {
            return boundary;
        }
        let trailing = line.clusters.iter().find(|c| c.chars.end == boundary);
        match trailing {
            Some(cluster) if self.is_whitespace(cluster.chars.clone()) => cluster.chars.start,
            _ => boundary,
        }
    }

    /// Whether the code points in `range` are all whitespace.
    fn is_whitespace(&self, range: Range<usize>) -> bool {
        let bytes = self.byte(range.start)..self.byte(range.end);
        self.text
            .get(bytes)
            .is_some_and(|s| !s.is_empty() && s.chars().all(char::is_whitespace))
    }

    /// The line whose box holds `y` (the first/last line above/below the paragraph).
    fn line_at_y(&self, y: f32) -> Option<&LineBoxes> {
        self.lines
            .iter()
            .find(|line| y < line.y1)
            .or(self.lines.last())
    }

    /// Index of the line on which the caret at `cp` is drawn: the line whose range holds `cp`
    /// (so a boundary at a soft break belongs to the following line), the last line for the end.
    pub fn line_of(&self, cp: usize) -> usize {
        let cp = cp.min(self.char_len());
        self.lines
            .iter()
            .position(|line| line.range.start <= cp && cp < line.range.end)
            .unwrap_or(self.lines.len().saturating_sub(1))
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
    /// several). A cluster counts when it overlaps the range. Out-of-range ends are clamped; an
    /// empty range gives none.
    pub fn range_rects(&self, range: Range<usize>) -> Vec<egui::Rect> {
        let start = range.start.min(self.char_len());
        let end = range.end.min(self.char_len());
        let mut rects: Vec<egui::Rect> = Vec::new();
        if start >= end {
            return rects;
        }
        for line in &self.lines {
            if line.range.end <= start || line.range.start >= end {
                continue;
            }
            let mut piece: Option<(f32, f32)> = None;
            for cluster in &line.clusters {
                let inside = cluster.chars.start < end && cluster.chars.end > start;
                match (inside, piece) {
                    (true, None) => piece = Some((cluster.x0, cluster.x1)),
                    (true, Some((x0, _))) => piece = Some((x0, cluster.x1)),
                    (false, Some((x0, x1))) => {
                        rects.push(egui::Rect::from_x_y_ranges(x0..=x1, line.y0..=line.y1));
                        piece = None;
                    }
                    (false, None) => {}
                }
            }
            if let Some((x0, x1)) = piece {
                rects.push(egui::Rect::from_x_y_ranges(x0..=x1, line.y0..=line.y1));
            }
        }
        rects.retain(|rect| rect.width() > 0.0);
        rects
    }

    /// The caret at code-point boundary `cp` (clamped), relative to the paragraph's top-left:
    /// at the leading edge of the character that starts at `cp`, or the trailing edge of the last
    /// character. At a soft line break the caret is drawn at the start of the following line.
    pub fn caret_rect(&self, cp: usize) -> egui::Rect {
        let cp = cp.min(self.char_len());
        let Some(line) = self.lines.get(self.line_of(cp)) else {
            return egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(CARET_WIDTH, 0.0));
        };
        let leading = line.clusters.iter().find(|c| c.chars.contains(&cp));
        let x = match leading {
            Some(cluster) if cluster.rtl => cluster.x1,
            Some(cluster) => cluster.x0,
            None => match line.clusters.iter().find(|c| c.chars.end == cp) {
                Some(cluster) if cluster.rtl => cluster.x0,
                Some(cluster) => cluster.x1,
                None => line.start_x,
            },
        };
        // Keep the caret inside the paragraph box at the right edge.
        let x = if x + CARET_WIDTH > self.max_width && x <= self.max_width {
            x - CARET_WIDTH
        } else {
            x
        };
        egui::Rect::from_x_y_ranges(x..=x + CARET_WIDTH, line.y0..=line.y1)
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
        let target = self.lines.get(target_line)?;
        let y = (target.y0 + target.y1) / 2.0;
        Some(self.hit_test(egui::vec2(caret.center().x, y)))
    }

    /// The visual lines, top to bottom, with their characters in left-to-right display order.
    pub fn visual_lines(&self) -> Vec<VisualLine> {
        let direction = self.direction();
        self.lines
            .iter()
            .map(|line| {
                let mut chars = Vec::with_capacity(line.range.len());
                for cluster in &line.clusters {
                    if cluster.rtl {
                        chars.extend(cluster.chars.clone().rev());
                    } else {
                        chars.extend(cluster.chars.clone());
                    }
                }
                VisualLine {
                    direction,
                    chars,
                    range: line.range.clone(),
                    rect: egui::Rect::from_x_y_ranges(
                        line.left()..=line.right(),
                        line.y0..=line.y1,
                    ),
                    baseline: line.baseline,
                }
            })
            .collect()
    }
}

//! [`FieldLayout`]: the text of an editable field (one line, or paragraphs stacked) laid out by
//! the engine, with the geometry a text field needs in code points of the whole field text:
//! carets, selection boxes, hit-testing, words and visual caret movement. It only stacks
//! [`ParagraphLayout`]s; every per-paragraph question is answered by that type, as in the
//! document view.

use std::ops::Range;

use super::engine::{ShapeSink, TextEngine};
use super::paragraph::ParagraphLayout;
use super::paragraphs::split_paragraphs;

/// One paragraph of the field with where it sits.
struct FieldParagraph {
    /// First code point of the paragraph in the field text.
    start: usize,
    /// Top of the paragraph, relative to the field layout's top.
    y: f32,
    layout: ParagraphLayout,
}

/// The field's text laid out, relative to its own top-left corner.
pub struct FieldLayout {
    paragraphs: Vec<FieldParagraph>,
    size: egui::Vec2,
    char_len: usize,
}

impl std::fmt::Debug for FieldLayout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FieldLayout")
            .field("paragraphs", &self.paragraphs.len())
            .field("size", &self.size)
            .finish()
    }
}

impl FieldLayout {
    /// Lays out `text` at `font_size` points with lines `line_height_factor` × `font_size` high.
    /// With `wrap_width`, each paragraph (split at line breaks) wraps at that width and is
    /// aligned to its start side within it; without, the text is one unwrapped line (line
    /// breaks shown as spaces) exactly as wide as its content. Each paragraph's direction comes
    /// from its first strong character (UAX #9 P2/P3), as in the document view.
    pub fn new(
        engine: &mut TextEngine,
        text: &str,
        font_size: f32,
        line_height_factor: f32,
        wrap_width: Option<f32>,
    ) -> Self {
        let char_len = text.chars().count();
        let mut paragraphs = Vec::new();
        let mut y = 0.0;
        let mut width: f32 = 0.0;
        match wrap_width {
            None => {
                let one_line: String = text
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                let mut layout = engine.layout_with_line_height(
                    &one_line,
                    font_size,
                    f32::MAX,
                    line_height_factor,
                );
                layout.rebreak_unwrapped();
                width = layout.size().x;
                y = layout.size().y;
                paragraphs.push(FieldParagraph {
                    start: 0,
                    y: 0.0,
                    layout,
                });
            }
            Some(wrap) => {
                for range in split_paragraphs(text) {
                    let slice = text.get(range.bytes()).unwrap_or_default();
                    let layout =
                        engine.layout_with_line_height(slice, font_size, wrap, line_height_factor);
                    // An empty paragraph still takes one line.
                    let height = layout.size().y.max(font_size * line_height_factor);
                    width = width.max(layout.size().x);
                    paragraphs.push(FieldParagraph {
                        start: range.start,
                        y,
                        layout,
                    });
                    y += height;
                }
            }
        }
        Self {
            paragraphs,
            size: egui::vec2(width, y),
            char_len,
        }
    }

    /// Width × height of the laid-out text (for wrapped text the width is the wrap width).
    pub fn size(&self) -> egui::Vec2 {
        self.size
    }

    /// Whether the first paragraph is right to left (a one-line field is aligned by it).
    pub fn is_rtl(&self) -> bool {
        self.paragraphs.first().is_some_and(|p| p.layout.is_rtl())
    }

    /// Number of code points of the field text.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// The paragraph holding boundary `cp` (the last one past the end).
    fn paragraph_of(&self, cp: usize) -> Option<&FieldParagraph> {
        self.paragraphs
            .iter()
            .rev()
            .find(|p| p.start <= cp)
            .or(self.paragraphs.first())
    }

    /// The caret at boundary `cp` (clamped), relative to the layout's top-left: the engine's
    /// caret for that paragraph, at the visual position of the logical index.
    pub fn caret_rect(&self, cp: usize) -> egui::Rect {
        let cp = cp.min(self.char_len);
        match self.paragraph_of(cp) {
            Some(p) => p
                .layout
                .caret_rect(cp - p.start)
                .translate(egui::vec2(0.0, p.y)),
            None => egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1.0, 0.0)),
        }
    }

    /// Selection boxes of `range` (in any order, clamped), relative to the layout's top-left:
    /// one per contiguous visual piece, as the document view highlights a range.
    pub fn selection_rects(&self, range: Range<usize>) -> Vec<egui::Rect> {
        let (start, end) = (range.start.min(range.end), range.start.max(range.end));
        let mut rects = Vec::new();
        for p in &self.paragraphs {
            let len = p.layout.char_len();
            let (from, to) = (start.max(p.start), end.min(p.start + len));
            if from >= to {
                continue;
            }
            rects.extend(
                p.layout
                    .range_rects(from - p.start..to - p.start)
                    .into_iter()
                    .map(|r| r.translate(egui::vec2(0.0, p.y))),
            );
        }
        rects
    }

    /// The boundary nearest to `pos` (relative to the layout's top-left), snapped to a grapheme.
    pub fn hit_test(&self, pos: egui::Vec2) -> usize {
        let paragraph = self
            .paragraphs
            .iter()
            .rev()
            .find(|p| pos.y >= p.y)
            .or(self.paragraphs.first());
        match paragraph {
            Some(p) => p.start + p.layout.hit_test(pos - egui::vec2(0.0, p.y)),
            None => 0,
        }
    }

    /// The word segment around `cp` (UAX #29), in field code points.
    pub fn word_range(&self, cp: usize) -> Range<usize> {
        match self.paragraph_of(cp.min(self.char_len)) {
            Some(p) => {
                let word = p.layout.word_range(cp.saturating_sub(p.start));
                p.start + word.start..p.start + word.end
            }
            None => 0..0,
        }
    }

    /// The boundary one cluster (or word) to the visual right or left of `cp` inside its
    /// paragraph; `None` at the paragraph's visual edge.
    pub fn move_visual(&self, cp: usize, to_right: bool, by_word: bool) -> Option<usize> {
        let p = self.paragraph_of(cp.min(self.char_len))?;
        p.layout
            .move_visual(cp - p.start, to_right, by_word)
            .map(|moved| p.start + moved)
    }

    /// Every visual line's code points (field-relative) left to right as displayed.
    pub fn visual_chars(&self) -> Vec<Vec<usize>> {
        self.paragraphs
            .iter()
            .flat_map(|p| {
                p.layout
                    .visual_lines()
                    .into_iter()
                    .map(|line| line.chars.iter().map(|cp| cp + p.start).collect())
            })
            .collect()
    }

    /// Paints the text with its top-left at `origin` in `color`.
    pub fn paint(
        &self,
        engine: &mut TextEngine,
        ctx: &egui::Context,
        painter: &impl ShapeSink,
        origin: egui::Pos2,
        color: egui::Color32,
    ) {
        for p in &self.paragraphs {
            engine.paint(
                ctx,
                painter,
                &p.layout,
                origin + egui::vec2(0.0, p.y),
                color,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_line(text: &str) -> FieldLayout {
        FieldLayout::new(&mut TextEngine::new(), text, 14.0, 1.5, None)
    }

    fn caret_x(layout: &FieldLayout, cp: usize) -> f32 {
        layout.caret_rect(cp).center().x
    }

    #[test]
    fn carets_in_an_arabic_word_go_right_to_left() {
        let layout = one_line("روسيا");
        assert!(layout.is_rtl());
        let xs: Vec<f32> = (0..=5).map(|cp| caret_x(&layout, cp)).collect();
        for pair in xs.windows(2) {
            assert!(pair[1] < pair[0], "caret x should decrease: {xs:?}");
        }
        assert!(
            xs[0] >= layout.size().x - 2.0,
            "start at the right edge: {xs:?}"
        );
        assert!(xs[5] <= 2.0, "end at the left edge: {xs:?}");
        assert_eq!(layout.visual_chars(), [vec![4, 3, 2, 1, 0]]);
    }

    #[test]
    fn mixed_line_keeps_latin_left_and_arabic_reversed() {
        // "abc روسيا": a left-to-right paragraph, the Arabic word on the right, read leftwards.
        let layout = one_line("abc روسيا");
        assert!(!layout.is_rtl());
        assert_eq!(layout.visual_chars(), [vec![0, 1, 2, 3, 8, 7, 6, 5, 4]]);
        let x = |cp| caret_x(&layout, cp);
        assert!(
            x(0) < x(1) && x(1) < x(2) && x(2) < x(3),
            "Latin left to right"
        );
        // Inside the Arabic word the caret moves leftwards from its right edge.
        assert!(x(5) < x(4) && x(6) < x(5) && x(7) < x(6) && x(8) < x(7));
        // The caret before the Arabic word is at its right edge, after the space.
        assert!(x(4) > x(3), "index 4 at the word's right edge");
        // The end of the text (after the Arabic word) is at the word's left edge.
        assert!(x(9) > x(3) && x(9) < x(8));
    }

    #[test]
    fn hit_test_is_the_inverse_of_the_caret() {
        let layout = one_line("abc روسيا");
        for cp in [0, 1, 2, 5, 6, 7] {
            let caret = layout.caret_rect(cp);
            let hit = layout.hit_test(caret.center().to_vec2());
            assert_eq!(hit, cp, "caret {cp} at {caret:?}");
        }
    }

    #[test]
    fn selection_of_a_mixed_range_is_one_box_per_visual_piece() {
        let layout = one_line("abc روسيا");
        // "c ر" crosses the direction change: the Latin "c " on the left, "ر" at the far right.
        let rects = layout.selection_rects(2..5);
        assert_eq!(rects.len(), 2, "{rects:?}");
        assert!(layout.selection_rects(3..3).is_empty());
        let reversed = Range { start: 6, end: 4 };
        assert_eq!(
            layout.selection_rects(reversed),
            layout.selection_rects(4..6)
        );
    }

    #[test]
    fn wrapped_paragraphs_stack_with_field_offsets() {
        let text = "سطر أول\nsecond line";
        let layout = FieldLayout::new(&mut TextEngine::new(), text, 14.0, 1.5, Some(300.0));
        let lines = layout.visual_chars();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1], (8..19).collect::<Vec<_>>());
        let first = layout.caret_rect(0);
        let second = layout.caret_rect(8);
        assert!(second.min.y >= first.max.y - 0.01, "{first:?} {second:?}");
        assert!(
            first.center().x > 250.0,
            "the Arabic paragraph starts on the right"
        );
        assert!(
            second.center().x < 5.0,
            "the Latin paragraph starts on the left"
        );
        assert_eq!(layout.hit_test(second.center().to_vec2()), 8);
        assert_eq!(layout.word_range(10), 8..14);
    }

    #[test]
    fn empty_text_has_a_caret() {
        let layout = one_line("");
        assert_eq!(layout.char_len(), 0);
        assert_eq!(layout.hit_test(egui::vec2(5.0, 5.0)), 0);
        assert!(layout.caret_rect(3).height() >= 0.0);
    }
}

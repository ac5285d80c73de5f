//! How a span's text appears in lists: a short excerpt cut by code points, drawn bidi-correctly
//! by the text engine's label.

use std::ops::Range;

use crate::text::CharIndex;

/// Longest excerpt shown for a span, in code points; longer spans end with "…".
pub const EXCERPT_CHARS: usize = 40;

/// A copy of the document text with its code-point index, so slicing a span out of a long text
/// does not walk the text from the start.
#[derive(Debug, Default)]
pub struct SpanTextIndex {
    text: String,
    index: Option<CharIndex>,
}

impl SpanTextIndex {
    /// Rebuilds the index if `text` differs from the indexed text.
    pub fn update(&mut self, text: &str) {
        if self.index.is_none() || self.text != text {
            self.text = text.to_owned();
            self.index = Some(CharIndex::new(text));
        }
    }

    /// Byte offset of code point `cp` (the text length for `cp` at or past the end).
    fn byte_of(&self, cp: usize) -> usize {
        self.index
            .as_ref()
            .and_then(|index| index.cp_to_byte(cp))
            .unwrap_or(self.text.len())
    }

    /// The text of code points `range`, at most [`EXCERPT_CHARS`] long, line breaks shown as
    /// spaces; a cut excerpt ends with "…".
    pub fn excerpt(&self, range: Range<usize>) -> String {
        let shown_end = range.end.min(range.start + EXCERPT_CHARS);
        let start = self.byte_of(range.start);
        let end = self.byte_of(shown_end).max(start);
        let mut excerpt: String = self.text[start..end]
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        if shown_end < range.end {
            excerpt.push('…');
        }
        excerpt
    }
}

/// Draws a short span excerpt on one line, bidi-correctly (Arabic words in reading order),
/// shortened at its logical end to the space left in `ui`.
pub fn span_text_ui(
    ui: &mut egui::Ui,
    text: &str,
    size: f32,
    color: egui::Color32,
) -> egui::Response {
    let clip = ui.available_rect_before_wrap().intersect(ui.clip_rect());
    ui.set_clip_rect(clip);
    crate::text::label::fitted_bidi_label_ui(ui, text, size, color)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_is_cut_by_code_points_in_a_long_arabic_text() {
        let text: String = "زار بوتين لروسيا\n".repeat(20);
        let mut index = SpanTextIndex::default();
        index.update(&text);
        let chars: Vec<char> = text.chars().collect();
        for start in [0, 63, 64, 65, 130, 300] {
            let expected: String = chars[start..start + 5].iter().collect();
            assert_eq!(index.excerpt(start..start + 5), expected.replace('\n', " "));
        }
        let long = index.excerpt(0..100);
        assert_eq!(long.chars().count(), EXCERPT_CHARS + 1);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn out_of_range_excerpt_is_empty_not_a_panic() {
        let mut index = SpanTextIndex::default();
        index.update("abc");
        assert_eq!(index.excerpt(2..9), "c");
        assert_eq!(index.excerpt(7..9), "");
    }
}

//! How a span's text appears in lists: a short excerpt cut by code points, drawn bidi-correctly
//! by the text engine's label.

use std::ops::Range;

use qalam_core::model::Document;

/// Longest excerpt shown for a span, in code points; longer spans end with "…".
pub const EXCERPT_CHARS: usize = 40;

/// The text of code points `range` of `document`, at most [`EXCERPT_CHARS`] long, line breaks
/// shown as spaces; a cut excerpt ends with "…". Sliced through the document's code-point
/// index, so it costs the same anywhere in a long text. A range reaching past the text shows
/// the part inside it.
pub fn span_excerpt(document: &Document, range: Range<usize>) -> String {
    let end = range.end.min(document.char_len());
    let start = range.start.min(end);
    let shown_end = end.min(start + EXCERPT_CHARS);
    let mut excerpt: String = document
        .slice(start, shown_end)
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if shown_end < end {
        excerpt.push('…');
    }
    excerpt
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
        let document = Document::new("d", text.as_str());
        let chars: Vec<char> = text.chars().collect();
        for start in [0, 63, 64, 65, 130, 300] {
            let expected: String = chars[start..start + 5].iter().collect();
            assert_eq!(
                span_excerpt(&document, start..start + 5),
                expected.replace('\n', " ")
            );
        }
        let long = span_excerpt(&document, 0..100);
        assert_eq!(long.chars().count(), EXCERPT_CHARS + 1);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn out_of_range_excerpt_is_empty_not_a_panic() {
        let document = Document::new("d", "abc");
        assert_eq!(span_excerpt(&document, 2..9), "c");
        assert_eq!(span_excerpt(&document, 7..9), "");
    }
}

//! Splitting a document text into paragraphs: maximal runs between separators (`"\r\n"`, `"\n"`,
//! a lone `"\r"`, or U+2029 PARAGRAPH SEPARATOR). Separators belong to no paragraph, but every
//! offset stays exact into the whole text.

/// One paragraph of a text: its content range (separator excluded) in code points and bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParagraphRange {
    /// First code point of the paragraph in the whole text.
    pub start: usize,
    /// One past the last code point (the separator, if any, starts here).
    pub end: usize,
    /// Byte offset of `start` in the whole text.
    pub byte_start: usize,
    /// Byte offset of `end` in the whole text.
    pub byte_end: usize,
}

impl ParagraphRange {
    /// The code-point range `start..end`.
    pub fn chars(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The byte range `byte_start..byte_end` (slice the whole text with it).
    pub fn bytes(&self) -> std::ops::Range<usize> {
        self.byte_start..self.byte_end
    }

    /// Number of code points in the paragraph.
    pub fn char_len(&self) -> usize {
        self.end - self.start
    }
}

/// Splits `text` into paragraphs, in order. Always returns at least one paragraph (an empty text
/// is one empty paragraph); a text ending in a separator ends with an empty paragraph.
pub fn split_paragraphs(text: &str) -> Vec<ParagraphRange> {
    let mut paragraphs = Vec::new();
    let mut start_cp = 0;
    let mut start_byte = 0;
    let mut cp = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((byte, ch)) = chars.next() {
        let separator_len = match ch {
            '\n' | '\u{2029}' => Some((1, ch.len_utf8())),
            '\r' => {
                if matches!(chars.peek(), Some((_, '\n'))) {
                    chars.next();
                    Some((2, 2))
                } else {
                    Some((1, 1))
                }
            }
            _ => None,
        };
        match separator_len {
            Some((sep_chars, sep_bytes)) => {
                paragraphs.push(ParagraphRange {
                    start: start_cp,
                    end: cp,
                    byte_start: start_byte,
                    byte_end: byte,
                });
                cp += sep_chars;
                start_cp = cp;
                start_byte = byte + sep_bytes;
            }
            None => cp += 1,
        }
    }
    paragraphs.push(ParagraphRange {
        start: start_cp,
        end: cp,
        byte_start: start_byte,
        byte_end: text.len(),
    });
    paragraphs
}

/// Index of the paragraph containing code point `cp` (the one whose content or end boundary
/// holds it; a separator code point maps to the paragraph before it). Clamps past the end.
pub fn paragraph_of(paragraphs: &[ParagraphRange], cp: usize) -> usize {
    let after = paragraphs.partition_point(|p| p.start <= cp);
    after.saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents<'a>(text: &'a str, paragraphs: &[ParagraphRange]) -> Vec<&'a str> {
        paragraphs.iter().map(|p| &text[p.bytes()]).collect()
    }

    #[test]
    fn crlf_and_lf_are_excluded_but_offsets_stay_exact() {
        let text = "أ ب\r\nج\n\nد";
        let paragraphs = split_paragraphs(text);
        assert_eq!(contents(text, &paragraphs), ["أ ب", "ج", "", "د"]);
        let starts: Vec<usize> = paragraphs.iter().map(|p| p.start).collect();
        assert_eq!(starts, [0, 5, 7, 8]);
        assert_eq!(paragraphs[0].end, 3);
    }

    #[test]
    fn trailing_separator_gives_empty_last_paragraph() {
        let paragraphs = split_paragraphs("a\n");
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(paragraphs[1].chars(), 2..2);
        assert_eq!(split_paragraphs("").len(), 1);
    }

    #[test]
    fn lone_cr_and_paragraph_separator_split() {
        let text = "a\rb\u{2029}c";
        assert_eq!(contents(text, &split_paragraphs(text)), ["a", "b", "c"]);
    }

    #[test]
    fn paragraph_of_maps_separator_to_previous_paragraph() {
        let paragraphs = split_paragraphs("ab\ncd");
        assert_eq!(paragraph_of(&paragraphs, 2), 0);
        assert_eq!(paragraph_of(&paragraphs, 3), 1);
        assert_eq!(paragraph_of(&paragraphs, 99), 1);
    }
}

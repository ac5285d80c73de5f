//! The document being annotated: its immutable text and descriptive fields.
//!
//! Offsets into the text are Unicode code points, half-open `[start, end)`, exactly like Python
//! string indices. In `زار لروسيا` the word `لروسيا` is `[4, 10)`: six code points, starting after
//! the four code points `زار `. Inside it, `روسيا` is `[5, 10)`. [`Document::slice`] turns such a
//! range back into text:
//!
//! ```
//! use qalam_core::model::Document;
//!
//! let doc = Document::new("d", "زار لروسيا");
//! assert_eq!(doc.char_len(), 10);
//! assert_eq!(doc.slice(4, 10), Some("لروسيا"));
//! assert_eq!(doc.slice(5, 10), Some("روسيا"));
//! assert_eq!(doc.slice(10, 10), Some("")); // empty ranges are fine
//! assert_eq!(doc.slice(5, 11), None); // past the end
//! ```

use serde_json::{Map, Value};

use super::CharIndex;

/// An article to annotate. The text never changes once loaded: every offset points into it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Stable identifier (e.g. the file stem or a corpus id).
    pub id: String,
    /// Human-readable title.
    pub title: String,
    /// Where the text came from (a path, URL or corpus name), if known.
    pub source: Option<String>,
    /// BCP 47 language tag such as `ar` or `en`, if known.
    pub language: Option<String>,
    /// Free-form metadata kept verbatim.
    pub metadata: Map<String, Value>,
    /// Fields of the file's `document` object that Qalam does not know; written back unchanged.
    pub extra: Map<String, Value>,
    text: String,
    /// Code point ↔ byte ↔ UTF-16 tables of `text`.
    index: CharIndex,
}

impl Document {
    /// Creates a document over `text` with the given id; the title defaults to the id.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        let id = id.into();
        let text: String = text.into();
        let index = CharIndex::new(&text);
        Self {
            title: id.clone(),
            id,
            source: None,
            language: None,
            metadata: Map::new(),
            extra: Map::new(),
            text,
            index,
        }
    }

    /// The exact text that offsets index, as stored in the file.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length of the text in Unicode code points.
    pub fn char_len(&self) -> usize {
        self.index.char_len()
    }

    /// The text's offset converter (code point ↔ UTF-8 byte ↔ UTF-16), built once on creation.
    pub fn char_index(&self) -> &CharIndex {
        &self.index
    }

    /// Byte offset of code point `cp` in [`text`](Self::text) (O(1)); `cp == char_len()` gives
    /// the text's byte length. `None` past the end.
    ///
    /// ```
    /// use qalam_core::model::Document;
    ///
    /// let doc = Document::new("d", "aب😀");
    /// assert_eq!(doc.byte_offset(1), Some(1));
    /// assert_eq!(doc.byte_offset(2), Some(3)); // ب is two bytes
    /// assert_eq!(doc.byte_offset(3), Some(7)); // 😀 is four bytes
    /// assert_eq!(doc.byte_offset(4), None);
    /// ```
    pub fn byte_offset(&self, cp: usize) -> Option<usize> {
        self.index.cp_to_byte(cp)
    }

    /// The text of the code-point range `[start, end)`, or `None` if the range is reversed or
    /// reaches past the end of the text.
    pub fn slice(&self, start: usize, end: usize) -> Option<&str> {
        self.text.get(self.index.cp_range_to_bytes(start..end)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offset_matches_char_indices() {
        let text: String = "سلامٌ 😀 a\r\n".repeat(40);
        let doc = Document::new("d", text.clone());
        let expected: Vec<usize> = text
            .char_indices()
            .map(|(byte, _)| byte)
            .chain([text.len()])
            .collect();
        assert_eq!(doc.char_len(), expected.len() - 1);
        for (cp, byte) in expected.iter().enumerate() {
            assert_eq!(doc.byte_offset(cp), Some(*byte), "code point {cp}");
        }
        assert_eq!(doc.byte_offset(expected.len()), None);
    }

    #[test]
    fn slice_counts_harakat_as_their_own_code_points() {
        // "مُحَمَّد": each haraka is a code point of its own.
        let doc = Document::new("d", "مُحَمَّد");
        assert_eq!(doc.char_len(), 8);
        assert_eq!(doc.slice(0, 2), Some("مُ"));
        assert_eq!(doc.slice(7, 8), Some("د"));
    }

    #[test]
    fn slice_refuses_reversed_and_out_of_range() {
        let doc = Document::new("d", "abc");
        assert_eq!(doc.slice(2, 1), None);
        assert_eq!(doc.slice(0, 4), None);
        assert_eq!(doc.slice(0, 3), Some("abc"));
    }

    #[test]
    fn empty_text_has_no_code_points() {
        let doc = Document::new("d", "");
        assert_eq!(doc.char_len(), 0);
        assert_eq!(doc.slice(0, 0), Some(""));
        assert_eq!(doc.byte_offset(1), None);
    }
}

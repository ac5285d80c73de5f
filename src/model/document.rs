//! The document being annotated: its immutable text and descriptive fields.

use serde_json::{Map, Value};

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
    text: String,
    char_len: usize,
}

impl Document {
    /// Creates a document over `text` with the given id; the title defaults to the id.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        let id = id.into();
        let text = text.into();
        let char_len = text.chars().count();
        Self {
            title: id.clone(),
            id,
            source: None,
            language: None,
            metadata: Map::new(),
            text,
            char_len,
        }
    }

    /// The exact text that offsets index, as stored in the file.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length of the text in Unicode code points.
    pub fn char_len(&self) -> usize {
        self.char_len
    }
}

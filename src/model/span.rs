//! A labelled span of text.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

/// Identifier of a span, unique within its annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SpanId(pub u64);

/// A labelled, half-open code-point range `[start, end)` of the document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Unique id.
    pub id: SpanId,
    /// First code point covered.
    pub start: usize,
    /// One past the last code point covered.
    pub end: usize,
    /// Name of a label in the annotation's label set.
    pub label: String,
    /// Optional free-text note.
    pub note: Option<String>,
    /// Who made the span.
    pub annotator: Option<String>,
    /// When the span was created.
    pub created: DateTime<Utc>,
    /// When the span was last changed.
    pub modified: DateTime<Utc>,
    /// Fields of this span in the file that Qalam does not know; written back unchanged.
    pub extra: Map<String, Value>,
}

//! A labelled span of text.
//!
//! A span covers the half-open code-point range `[start, end)`: `start` is the first code point
//! covered, `end` the first one after it. In `زار [بوتين|PERSON]` (span notation, see
//! [`notation`](super::notation)) the span is `[4, 9)`: it covers the five code points of `بوتين`
//! and `end - start` is its length. Two spans *intersect* when they share at least one code
//! point; spans that merely touch (`[0, 3)` and `[3, 5)`) do not.
//!
//! ```
//! use qalam_core::model::{Annotation, Document};
//!
//! let ann = Annotation::new(Document::new("d", "زار بوتين"));
//! let span = ann.new_span(4, 9, "PERSON");
//! assert_eq!(span.range(), 4..9);
//! assert!(span.contains(4) && span.contains(8) && !span.contains(9));
//! assert!(span.intersects(8, 12));
//! assert!(!span.intersects(9, 12)); // touching is not intersecting
//! ```

use std::ops::Range;

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use super::{Adjudication, Review};

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
    /// A reviewer's decision (`None` while undecided); see [`review`](super::review).
    pub review: Option<Review>,
    /// How this gold span was decided (`None` outside gold files).
    pub adjudication: Option<Adjudication>,
    /// Fields of this span in the file that Qalam does not know; written back unchanged.
    pub extra: Map<String, Value>,
}

impl Span {
    /// A span `[start, end)` labelled `label`, created and modified at `at`, with no note, no
    /// annotator, no review, no adjudication and no extra fields.
    pub fn new(id: SpanId, start: usize, end: usize, label: &str, at: DateTime<Utc>) -> Self {
        Self {
            id,
            start,
            end,
            label: label.to_owned(),
            note: None,
            annotator: None,
            created: at,
            modified: at,
            review: None,
            adjudication: None,
            extra: Map::new(),
        }
    }

    /// The covered code points as a range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether code point `cp` is covered (`start <= cp < end`).
    pub fn contains(&self, cp: usize) -> bool {
        self.start <= cp && cp < self.end
    }

    /// Whether this span shares at least one code point with `[start, end)`.
    pub fn intersects(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end && start < end
    }

    /// The key spans are sorted by in [`Annotation::spans`](super::Annotation::spans).
    pub fn sort_key(&self) -> (usize, usize, SpanId) {
        (self.start, self.end, self.id)
    }
}

impl std::fmt::Display for SpanId {
    /// Shown to annotators as `#12`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}

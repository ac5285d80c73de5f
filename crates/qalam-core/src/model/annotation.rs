//! The annotated document: the aggregate that edits apply to, and read-only queries over its
//! spans.
//!
//! Queries use half-open code-point ranges. With the text `زار بوتين لروسيا` annotated as
//! `زار [بوتين|PERSON] ل[روسيا|COUNTRY]`, بوتين is `[4, 9)` and روسيا is `[11, 16)` (the ل at
//! 10 is outside it):
//!
//! ```
//! use qalam_core::model::{notation, Annotation, Document, Edit};
//!
//! let (text, spans) = notation::parse("زار [بوتين|PERSON] ل[روسيا|COUNTRY]").unwrap();
//! let mut ann = Annotation::new(Document::new("d", text));
//! for (start, end, label) in spans {
//!     let span = ann.new_span(start, end, &label);
//!     ann.apply(Edit::AddSpan(span)).unwrap();
//! }
//! let labels_at = |cp| ann.spans_at(cp).map(|s| s.label.clone()).collect::<Vec<_>>();
//! assert_eq!(labels_at(4), ["PERSON"]);
//! assert!(labels_at(9).is_empty()); // the space after بوتين
//! assert!(labels_at(10).is_empty()); // the ل
//! assert_eq!(labels_at(15), ["COUNTRY"]);
//! assert_eq!(ann.spans_in(8..12).count(), 2);
//! assert_eq!(ann.spans_in(9..11).count(), 0); // touches both, intersects neither
//! assert_eq!(ann.span_text(&ann.spans[1]), "روسيا");
//! ```

use std::ops::Range;

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use super::{Document, LabelSet, Span, SpanId};

/// Workflow status of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DocStatus {
    /// Not started.
    #[default]
    Todo,
    /// Being annotated.
    InProgress,
    /// Annotation finished.
    Done,
    /// Checked by a reviewer.
    Reviewed,
}

impl DocStatus {
    /// All statuses in workflow order.
    pub const ALL: [DocStatus; 4] = [
        DocStatus::Todo,
        DocStatus::InProgress,
        DocStatus::Done,
        DocStatus::Reviewed,
    ];

    /// The status as shown to annotators: `To do`, `In progress`, `Done`, `Reviewed`.
    pub fn title(self) -> &'static str {
        match self {
            DocStatus::Todo => "To do",
            DocStatus::InProgress => "In progress",
            DocStatus::Done => "Done",
            DocStatus::Reviewed => "Reviewed",
        }
    }
}

/// A document with its label set, spans and status. Changed only through [`Annotation::apply`].
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// The text and its descriptive fields.
    pub document: Document,
    /// Labels available for this document.
    pub labels: LabelSet,
    /// Spans, kept sorted by `(start, end, id)`.
    pub spans: Vec<Span>,
    /// Workflow status.
    pub status: DocStatus,
    /// Default annotator name for new spans.
    pub annotator: Option<String>,
    /// When the annotation was created.
    pub created: DateTime<Utc>,
    /// When the annotation was last changed.
    pub modified: DateTime<Utc>,
    /// Top-level fields of the file this was loaded from that Qalam does not know; written back
    /// unchanged on save.
    pub extra: Map<String, Value>,
}

impl Annotation {
    /// A fresh annotation of `document` with the default label set, no spans, status todo.
    pub fn new(document: Document) -> Self {
        let now = Utc::now();
        Self {
            document,
            labels: super::LabelSet::default(),
            spans: Vec::new(),
            status: DocStatus::Todo,
            annotator: None,
            created: now,
            modified: now,
            extra: Map::new(),
        }
    }

    /// An annotation of `document` (default label set) holding `spans` as given, numbered
    /// `1, 2, …` in the given order, stamped with the annotation's creation time and sorted by
    /// `(start, end, id)`. For tests, benchmarks and fixtures: it does **not** validate ranges or
    /// labels — user edits go through [`Annotation::apply`].
    pub fn with_spans_unchecked(document: Document, spans: &[(usize, usize, &str)]) -> Self {
        let mut annotation = Self::new(document);
        annotation.spans = spans
            .iter()
            .zip(1..)
            .map(|(&(start, end, label), id)| {
                Span::new(super::SpanId(id), start, end, label, annotation.created)
            })
            .collect();
        annotation.spans.sort_by_key(Span::sort_key);
        annotation
    }

    /// The span with this id.
    pub fn span(&self, id: SpanId) -> Option<&Span> {
        self.spans.iter().find(|span| span.id == id)
    }

    /// Position of the span with this id in [`Annotation::spans`].
    pub fn span_index(&self, id: SpanId) -> Option<usize> {
        self.spans.iter().position(|span| span.id == id)
    }

    /// An id no span uses: one more than the largest in use, starting at 1.
    pub fn next_span_id(&self) -> SpanId {
        let max = self.spans.iter().map(|span| span.id.0).max().unwrap_or(0);
        SpanId(max.saturating_add(1))
    }

    /// A new span over `[start, end)` with a fresh id, this annotation's annotator and both
    /// timestamps set to now. It is not added: apply [`Edit::AddSpan`](super::Edit::AddSpan)
    /// with it, which also checks the range and label.
    pub fn new_span(&self, start: usize, end: usize, label: &str) -> Span {
        Span {
            annotator: self.annotator.clone(),
            ..Span::new(self.next_span_id(), start, end, label, Utc::now())
        }
    }

    /// Spans covering code point `cp` (`start <= cp < end`), in span order.
    pub fn spans_at(&self, cp: usize) -> impl Iterator<Item = &Span> + '_ {
        let candidates = self.spans.partition_point(|span| span.start <= cp);
        self.spans[..candidates]
            .iter()
            .filter(move |span| cp < span.end)
    }

    /// Spans sharing at least one code point with `range`, in span order. An empty range
    /// intersects nothing; use [`Annotation::spans_at`] for a caret position.
    pub fn spans_in(&self, range: Range<usize>) -> impl Iterator<Item = &Span> + '_ {
        let candidates = self.spans.partition_point(|span| span.start < range.end);
        self.spans[..candidates]
            .iter()
            .filter(move |span| span.intersects(range.start, range.end))
    }

    /// The text a span covers; empty if the span does not lie within the text (which
    /// [`Annotation::apply`] never allows).
    pub fn span_text(&self, span: &Span) -> &str {
        self.document
            .slice(span.start, span.end)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Edit;

    /// "[ا[ب|PERSON]ت[ث|COUNTRY]جحخ|EVENT]دذ" over "ابتثجحخدذ": EVENT [0, 7) encloses the others.
    fn annotation() -> Annotation {
        let mut ann = Annotation::new(Document::new("d", "ابتثجحخدذ"));
        ann.annotator = Some("سارة".into());
        for (start, end, label) in [(1, 2, "PERSON"), (0, 7, "EVENT"), (3, 4, "COUNTRY")] {
            let span = ann.new_span(start, end, label);
            ann.apply(Edit::AddSpan(span)).unwrap();
        }
        ann
    }

    fn labels<'a>(spans: impl Iterator<Item = &'a Span>) -> Vec<&'a str> {
        spans.map(|span| span.label.as_str()).collect()
    }

    #[test]
    fn spans_at_finds_a_long_span_that_starts_earlier() {
        let ann = annotation();
        assert_eq!(labels(ann.spans_at(0)), ["EVENT"]);
        assert_eq!(labels(ann.spans_at(1)), ["EVENT", "PERSON"]);
        assert_eq!(labels(ann.spans_at(5)), ["EVENT"]);
        assert!(labels(ann.spans_at(7)).is_empty());
        assert!(labels(ann.spans_at(100)).is_empty());
    }

    #[test]
    fn spans_in_counts_intersection_not_touching() {
        let ann = annotation();
        assert_eq!(labels(ann.spans_in(2..3)), ["EVENT"]);
        assert_eq!(labels(ann.spans_in(1..4)), ["EVENT", "PERSON", "COUNTRY"]);
        assert!(labels(ann.spans_in(7..9)).is_empty());
        assert!(
            labels(ann.spans_in(3..3)).is_empty(),
            "an empty range intersects nothing"
        );
    }

    #[test]
    fn next_span_id_is_one_past_the_largest() {
        let mut ann = Annotation::new(Document::new("d", "abc"));
        assert_eq!(ann.next_span_id(), SpanId(1));
        let mut span = ann.new_span(0, 1, "PERSON");
        span.id = SpanId(41);
        ann.apply(Edit::AddSpan(span)).unwrap();
        assert_eq!(ann.next_span_id(), SpanId(42));
    }

    #[test]
    fn new_span_takes_the_annotator_and_one_timestamp() {
        let ann = annotation();
        let span = ann.new_span(7, 9, "PERSON");
        assert_eq!(span.annotator.as_deref(), Some("سارة"));
        assert_eq!(span.created, span.modified);
        assert_eq!(span.id, SpanId(4));
        assert_eq!(ann.span_text(&span), "دذ");
    }

    #[test]
    fn span_text_of_a_span_outside_the_text_is_empty() {
        let ann = annotation();
        let outside = ann.new_span(5, 20, "PERSON");
        assert_eq!(ann.span_text(&outside), "");
    }

    #[test]
    fn status_titles_are_distinct() {
        let titles: std::collections::HashSet<_> =
            DocStatus::ALL.iter().map(|s| s.title()).collect();
        assert_eq!(titles.len(), 4);
    }
}

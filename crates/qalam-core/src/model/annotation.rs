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
//! assert_eq!(ann.span_text(&ann.spans()[1]), "روسيا");
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

/// A document with its label set, spans and status. Its fields are private: read them through
/// the accessors, change them only through [`Annotation::apply_at`] (or [`History`](super::History),
/// which records the inverse for undo), and build one from stored parts with the validating
/// [`Annotation::from_parts`].
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    document: Document,
    pub(super) labels: LabelSet,
    /// Kept sorted by `(start, end, id)`.
    pub(super) spans: Vec<Span>,
    pub(super) status: DocStatus,
    annotator: Option<String>,
    created: DateTime<Utc>,
    pub(super) modified: DateTime<Utc>,
    pub(super) extra: Map<String, Value>,
    /// Renewed by every edit (see [`Annotation::change_stamp`]); ignored by `==`.
    pub(super) stamp: super::change_stamp::ChangeStamp,
}

/// Everything an [`Annotation`] holds, as plain public fields: what readers of a file produce and
/// [`Annotation::from_parts`] checks, and what [`Annotation::into_parts`] gives back.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotationParts {
    /// The text and its descriptive fields.
    pub document: Document,
    /// Labels available for this document.
    pub labels: LabelSet,
    /// Spans, in any order ([`Annotation::from_parts`] sorts them by `(start, end, id)`).
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

/// Why [`Annotation::from_parts`] refused a set of parts: the first structural problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PartsError {
    /// A span's range is empty, reversed or reaches past the end of the text.
    #[error(
        "span {id}: [{start}, {end}) is not a non-empty range within the text ({len} code points)"
    )]
    InvalidRange {
        /// The span's id.
        id: SpanId,
        /// Its start.
        start: usize,
        /// Its end (exclusive).
        end: usize,
        /// Length of the text in code points.
        len: usize,
    },
    /// A span names a label that is not in the label set.
    #[error("span {id}: label {label:?} is not in the label set")]
    UnknownLabel {
        /// The span's id.
        id: SpanId,
        /// The unknown label.
        label: String,
    },
    /// Two spans share an id.
    #[error("two spans have the id {0}")]
    DuplicateId(SpanId),
}

impl Annotation {
    /// A fresh annotation of `document` with the default label set, no spans, status todo,
    /// created now by the system clock. [`Annotation::new_at`] takes the time.
    pub fn new(document: Document) -> Self {
        Self::new_at(document, Utc::now())
    }

    /// A fresh annotation of `document` with the default label set, no spans, status todo,
    /// created (and last modified) at `now`.
    pub fn new_at(document: Document, now: DateTime<Utc>) -> Self {
        Self {
            document,
            labels: super::LabelSet::default(),
            spans: Vec::new(),
            status: DocStatus::Todo,
            annotator: None,
            created: now,
            modified: now,
            extra: Map::new(),
            stamp: super::change_stamp::ChangeStamp::fresh(),
        }
    }

    /// An annotation from stored parts, checked: every span covers a non-empty range inside the
    /// text, names a label of the label set, and has its own id. Spans are sorted by
    /// `(start, end, id)`. Policies of the label set (forbidden overlaps, unique hotkeys) are
    /// not checked here: a file may break them and must still open.
    pub fn from_parts(parts: AnnotationParts) -> Result<Self, PartsError> {
        let len = parts.document.char_len();
        let names: std::collections::HashSet<&str> = parts
            .labels
            .labels
            .iter()
            .map(|label| label.name.as_str())
            .collect();
        let mut ids = std::collections::HashSet::with_capacity(parts.spans.len());
        for span in &parts.spans {
            if span.start >= span.end || span.end > len {
                return Err(PartsError::InvalidRange {
                    id: span.id,
                    start: span.start,
                    end: span.end,
                    len,
                });
            }
            if !names.contains(span.label.as_str()) {
                return Err(PartsError::UnknownLabel {
                    id: span.id,
                    label: span.label.clone(),
                });
            }
            if !ids.insert(span.id) {
                return Err(PartsError::DuplicateId(span.id));
            }
        }
        Ok(Self::from_parts_unchecked(parts))
    }

    /// An annotation from parts **without** checking them (spans are still sorted). For tests
    /// that need a state no edit can make, e.g. to write a deliberately broken file; everything
    /// else uses [`Annotation::from_parts`].
    pub fn from_parts_unchecked(parts: AnnotationParts) -> Self {
        let mut spans = parts.spans;
        if !spans.is_sorted_by_key(Span::sort_key) {
            spans.sort_by_key(Span::sort_key);
        }
        Self {
            document: parts.document,
            labels: parts.labels,
            spans,
            status: parts.status,
            annotator: parts.annotator,
            created: parts.created,
            modified: parts.modified,
            extra: parts.extra,
            stamp: super::change_stamp::ChangeStamp::fresh(),
        }
    }

    /// The annotation's parts, e.g. to build a changed copy for a test or a converter.
    pub fn into_parts(self) -> AnnotationParts {
        AnnotationParts {
            document: self.document,
            labels: self.labels,
            spans: self.spans,
            status: self.status,
            annotator: self.annotator,
            created: self.created,
            modified: self.modified,
            extra: self.extra,
        }
    }

    /// An annotation of `document` (default label set) holding `spans` as given, numbered
    /// `1, 2, …` in the given order, stamped with the annotation's creation time and sorted by
    /// `(start, end, id)`. For tests, benchmarks and fixtures: it does **not** validate ranges or
    /// labels — user edits go through [`Annotation::apply_at`].
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
        annotation.stamp = super::change_stamp::ChangeStamp::fresh();
        annotation
    }

    /// The text and its descriptive fields.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// Labels available for this document.
    pub fn labels(&self) -> &LabelSet {
        &self.labels
    }

    /// The spans, sorted by `(start, end, id)`.
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// Workflow status.
    pub fn status(&self) -> DocStatus {
        self.status
    }

    /// Default annotator name for new spans (from the file).
    pub fn annotator(&self) -> Option<&str> {
        self.annotator.as_deref()
    }

    /// When the annotation was created.
    pub fn created(&self) -> DateTime<Utc> {
        self.created
    }

    /// When the annotation was last changed.
    pub fn modified(&self) -> DateTime<Utc> {
        self.modified
    }

    /// A number renewed by every [`Annotation::apply_at`] (successful or not) and unique to
    /// this state among all annotations of the process: if it is the same as when you last
    /// looked, nothing changed (an unchanged clone shares it). Readers that cache derived data,
    /// such as the document view's span index, compare it instead of every span. It is not
    /// part of the content: `==` ignores it.
    pub fn change_stamp(&self) -> u64 {
        self.stamp.get()
    }

    /// Top-level fields of the file this was loaded from that Qalam does not know.
    pub fn extra(&self) -> &Map<String, Value> {
        &self.extra
    }

    /// The span with this id.
    pub fn span(&self, id: SpanId) -> Option<&Span> {
        self.spans.iter().find(|span| span.id == id)
    }

    /// Position of the span with this id in [`Annotation::spans`].
    pub fn span_index(&self, id: SpanId) -> Option<usize> {
        self.spans.iter().position(|span| span.id == id)
    }

    /// An id no span uses: one more than the largest in use, starting at 1 (or, when a file
    /// already uses the largest possible id, the smallest free one).
    pub fn next_span_id(&self) -> SpanId {
        let max = self.spans.iter().map(|span| span.id.0).max().unwrap_or(0);
        match max.checked_add(1) {
            Some(id) => SpanId(id),
            None => {
                let used: std::collections::HashSet<u64> =
                    self.spans.iter().map(|span| span.id.0).collect();
                SpanId((1..u64::MAX).find(|id| !used.contains(id)).unwrap_or(1))
            }
        }
    }

    /// A new span over `[start, end)` with a fresh id, this annotation's annotator and both
    /// timestamps set to now by the system clock ([`Annotation::new_span_at`] takes the time).
    /// It is not added: apply [`Edit::AddSpan`](super::Edit::AddSpan) with it, which also checks
    /// the range and label.
    pub fn new_span(&self, start: usize, end: usize, label: &str) -> Span {
        self.new_span_at(start, end, label, Utc::now())
    }

    /// [`Annotation::new_span`] with both timestamps set to `now`.
    pub fn new_span_at(&self, start: usize, end: usize, label: &str, now: DateTime<Utc>) -> Span {
        Span {
            annotator: self.annotator.clone(),
            ..Span::new(self.next_span_id(), start, end, label, now)
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

    #[test]
    fn regression_next_span_id_after_the_largest_possible_id_is_a_free_one() {
        let mut ann = Annotation::new(Document::new("d", "ابتثجحخدذ"));
        let mut span = ann.new_span(0, 2, "PERSON");
        span.id = SpanId(u64::MAX);
        ann.apply(Edit::AddSpan(span)).unwrap();
        let next = ann.new_span(3, 5, "PERSON");
        assert_eq!(next.id, SpanId(1));
        ann.apply(Edit::AddSpan(next)).unwrap();
        assert_eq!(ann.next_span_id(), SpanId(2));
    }

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

    #[test]
    fn from_parts_refuses_what_no_edit_could_make_and_sorts_the_rest() {
        let time = DateTime::<Utc>::UNIX_EPOCH;
        let parts = |spans: Vec<Span>| AnnotationParts {
            spans,
            ..Annotation::new_at(Document::new("d", "زار بوتين"), time).into_parts()
        };
        let span = |id, start, end, label: &str| Span::new(SpanId(id), start, end, label, time);
        assert_eq!(
            Annotation::from_parts(parts(vec![span(1, 4, 10, "PERSON")])),
            Err(PartsError::InvalidRange {
                id: SpanId(1),
                start: 4,
                end: 10,
                len: 9
            })
        );
        assert_eq!(
            Annotation::from_parts(parts(vec![span(1, 4, 4, "PERSON")])).unwrap_err(),
            PartsError::InvalidRange {
                id: SpanId(1),
                start: 4,
                end: 4,
                len: 9
            }
        );
        assert_eq!(
            Annotation::from_parts(parts(vec![span(1, 4, 9, "NOPE")])),
            Err(PartsError::UnknownLabel {
                id: SpanId(1),
                label: "NOPE".into()
            })
        );
        assert_eq!(
            Annotation::from_parts(parts(vec![span(2, 4, 9, "PERSON"), span(2, 0, 3, "EVENT")])),
            Err(PartsError::DuplicateId(SpanId(2)))
        );
        let ann =
            Annotation::from_parts(parts(vec![span(1, 4, 9, "PERSON"), span(2, 0, 3, "EVENT")]))
                .unwrap();
        let ids: Vec<_> = ann.spans().iter().map(|s| s.id.0).collect();
        assert_eq!(ids, [2, 1], "sorted by start");
        assert_eq!(ann.clone().into_parts().spans.len(), 2);
    }

    #[test]
    fn apply_at_stamps_the_given_time_and_undo_restores_it() {
        let created = DateTime::<Utc>::UNIX_EPOCH;
        let later = created + chrono::Duration::seconds(90);
        let mut ann = Annotation::new_at(Document::new("d", "زار بوتين"), created);
        let span = ann.new_span_at(4, 9, "PERSON", created);
        let id = span.id;
        ann.apply_at(Edit::AddSpan(span), created).unwrap();
        let before = ann.clone();
        let undo = ann
            .apply_at(
                Edit::Relabel {
                    id,
                    label: "EVENT".into(),
                },
                later,
            )
            .unwrap();
        assert_eq!(ann.modified(), later);
        assert_eq!(ann.span(id).unwrap().modified, later);
        assert_eq!(ann.span(id).unwrap().created, created);
        ann.apply_at(undo, later + chrono::Duration::seconds(5))
            .unwrap();
        assert_eq!(ann, before, "the inverse restores both timestamps exactly");
    }
}

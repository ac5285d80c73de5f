//! The annotated document: the aggregate that edits apply to.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use super::{Document, LabelSet, Span};

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

    /// The span with this id.
    pub fn span(&self, id: super::SpanId) -> Option<&Span> {
        self.spans.iter().find(|span| span.id == id)
    }
}

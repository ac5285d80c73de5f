//! Edits: every change to an [`Annotation`](super::Annotation) is one of these, applied in one
//! place, and applying an edit yields its inverse.

use super::{DocStatus, Label, Span, SpanId};

/// One change to an annotation. `Group` makes several edits one undo step.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Insert a span (its id must be unused).
    AddSpan(Span),
    /// Remove the span with this id.
    RemoveSpan(SpanId),
    /// Change a span's label.
    Relabel {
        /// The span.
        id: SpanId,
        /// New label name.
        label: String,
    },
    /// Move a span's boundaries.
    SetBounds {
        /// The span.
        id: SpanId,
        /// New start (code points).
        start: usize,
        /// New end (code points, exclusive).
        end: usize,
    },
    /// Set or clear a span's note.
    SetNote {
        /// The span.
        id: SpanId,
        /// New note.
        note: Option<String>,
    },
    /// Set the document status.
    SetStatus(DocStatus),
    /// Insert a label at a position in the set.
    AddLabel {
        /// Position in palette order.
        index: usize,
        /// The label.
        label: Label,
    },
    /// Remove the label at a position (refused while spans use it).
    RemoveLabel {
        /// Position in palette order.
        index: usize,
    },
    /// Replace the label at a position; a rename also renames it in every span.
    UpdateLabel {
        /// Position in palette order.
        index: usize,
        /// The new definition.
        label: Label,
    },
    /// Move a label from one position to another.
    MoveLabel {
        /// Current position.
        from: usize,
        /// New position.
        to: usize,
    },
    /// Allow or forbid overlapping spans.
    SetAllowOverlaps(bool),
    /// Several edits applied in order as one undo step.
    Group(Vec<Edit>),
}

/// Why an edit was refused. The annotation is unchanged when an edit fails.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No span has this id.
    #[error("no span with id {0:?}")]
    NoSuchSpan(SpanId),
}

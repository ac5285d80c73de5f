//! Editing rules as pure functions: given an annotation, the selection and the selected span,
//! each span command becomes the [`Edit`](crate::model::Edit) to apply through
//! [`History`](crate::model::History), or a [`SpanCommandError`] to show the user.
//!
//! - [`span_edits`]: tag, relabel, delete, note, resize, next/previous.
//! - [`review`]: review mode: next undecided span, counts, accept/reject/fix, marking reviewed.
//! - [`resize`]: which edge a resize moves, which way and how far.
//! - [`word_boundaries`]: Unicode word boundaries for word-wise steps.

pub mod resize;
pub mod review;
pub mod span_edits;
pub mod word_boundaries;

pub use resize::{ResizeDirection, ResizeStep, SpanEdge, SpanResize};
pub use review::{ReviewCounts, ReviewError};
pub use span_edits::{
    Direction, LabelAction, SpanCommandError, SpanOutcome, adjacent_span, apply_label, delete_span,
    label_action, relabel_span, resize_span, resized_bounds, selected_span, set_note,
    tag_selection,
};
pub use word_boundaries::{WordBoundaries, WordBoundaryCache};

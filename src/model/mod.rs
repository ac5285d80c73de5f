//! The annotation model: documents, label sets, spans, edits with their inverses, and history.
//!
//! Nothing here knows about egui or files. The UI reads an [`Annotation`] and emits [`Edit`]s;
//! [`Annotation::apply`] is the one place that changes it, and returns the inverse edit that
//! [`History`] stores for undo.
//!
//! Offsets everywhere are Unicode code points (as in Python), half-open `[start, end)`, into
//! [`Document::text`].

pub mod annotation;
pub mod document;
pub mod edit;
pub mod history;
pub mod label;
pub mod notation;
mod placeholder_apply;
pub mod span;

pub use annotation::{Annotation, DocStatus};
pub use document::Document;
pub use edit::{Edit, EditError};
pub use history::History;
pub use label::{Label, LabelSet, Rgb};
pub use span::{Span, SpanId};

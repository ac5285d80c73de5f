//! The annotation model: documents, label sets, spans, edits with their inverses, and history.
//!
//! Nothing here knows about egui or files. The UI reads an [`Annotation`] and emits [`Edit`]s;
//! [`Annotation::apply`] is the one place that changes it, and returns the inverse edit that
//! [`History`] stores for undo.
//!
//! Offsets everywhere are Unicode code points (as in Python), half-open `[start, end)`, into
//! [`Document::text`]. In [`notation`], `زار [بوتين|PERSON] ل[روسيا|COUNTRY]` is the text
//! `زار بوتين لروسيا` with PERSON on `[4, 9)` and COUNTRY on `[11, 16)`: `لروسيا` has 6 code
//! points, `[10, 16)`, and `روسيا` inside it is `[11, 16)` (`[1, 6)` within the word). A
//! range's length is `end - start`; `[4, 4)` is empty and no span may be empty.
//!
//! ```
//! use qalam_core::model::{notation, Annotation, Document, Edit, History};
//!
//! let (text, spans) = notation::parse("زار [بوتين|PERSON] ل[روسيا|COUNTRY]").unwrap();
//! assert_eq!(spans, [(4, 9, "PERSON".to_owned()), (11, 16, "COUNTRY".to_owned())]);
//!
//! let mut ann = Annotation::new(Document::new("d", text));
//! let mut history = History::new();
//! let span = ann.new_span(11, 16, "COUNTRY");
//! history.apply(&mut ann, Edit::AddSpan(span)).unwrap();
//! assert_eq!(ann.span_text(&ann.spans()[0]), "روسيا");
//! assert!(history.is_dirty());
//! history.undo(&mut ann);
//! assert!(ann.spans().is_empty() && !history.is_dirty());
//! ```

#![warn(missing_docs)]

pub mod adjudication;
pub mod annotation;
mod apply;
mod apply_label;
mod apply_span;
mod change_stamp;
pub mod char_index;
pub mod document;
pub mod edit;
pub mod error;
pub mod history;
pub mod label;
pub mod label_colors;
pub mod notation;
pub mod review;
pub mod span;

pub use adjudication::{Adjudication, AdjudicationVariant, Resolution};
pub use annotation::{Annotation, AnnotationParts, DocStatus, PartsError};
pub use char_index::CharIndex;
pub use document::Document;
pub use edit::Edit;
pub use error::EditError;
pub use history::History;
pub use label::{Label, LabelSet, Rgb};
pub use review::{Review, ReviewDecision, ReviewState};
pub use span::{Span, SpanId};

//! What the annotator rejected in one document, kept in the annotation file's top-level field
//! `suggestions_rejected` (see `docs/format.md`):
//!
//! ```json
//! "suggestions_rejected": {
//!   "spans": [{"start": 4, "end": 9, "label": "PERSON"}],
//!   "names": [{"name": "روسيا", "label": "COUNTRY"}]
//! }
//! ```
//!
//! A rejected span is one suggestion (its range and label); a rejected name is every
//! suggestion of that name ([`name_key`](super::name_key): normalised) with that label. The field
//! is changed only through [`Edit::SetExtra`], so rejecting is undoable, marks the document
//! changed, is saved with it and travels with the file (a colleague who opens it sees the same
//! rejections). Readers that do not know the field keep it unchanged, as every unknown field. A
//! field Qalam cannot read is treated as no rejection (and replaced by the next one).

use serde::{Deserialize, Serialize};

use super::Suggestion;
use crate::model::{Annotation, Edit};

/// The top-level field of the annotation file that holds the rejections.
pub const REJECTED_KEY: &str = "suggestions_rejected";

/// One rejected suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RejectedSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The suggested label.
    pub label: String,
}

/// Every suggestion of a name with a label, rejected.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RejectedName {
    /// The name, normalised ([`name_key`](super::name_key)).
    pub name: String,
    /// The suggested label.
    pub label: String,
}

/// A document's rejected suggestions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rejections {
    /// Single rejected suggestions, sorted.
    pub spans: Vec<RejectedSpan>,
    /// Rejected names, sorted.
    pub names: Vec<RejectedName>,
}

impl Rejections {
    /// The rejections recorded in `ann` (none if the field is missing or unreadable).
    pub fn of(ann: &Annotation) -> Self {
        ann.extra()
            .get(REJECTED_KEY)
            .and_then(|value| serde_json::from_value(value.clone()).ok())
            .unwrap_or_default()
    }

    /// Whether nothing is rejected.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty() && self.names.is_empty()
    }

    /// Whether `suggestion` is rejected; `name` gives its normalised text (asked only when
    /// names are rejected).
    pub fn rejects(&self, suggestion: &Suggestion, name: impl FnOnce() -> String) -> bool {
        let span = self.spans.iter().any(|r| {
            r.start == suggestion.start && r.end == suggestion.end && r.label == suggestion.label
        });
        if span || self.names.is_empty() {
            return span;
        }
        let name = name();
        self.names
            .iter()
            .any(|r| r.label == suggestion.label && r.name == name)
    }

    /// These rejections and `suggestion`'s range and label.
    pub fn with_span(mut self, suggestion: &Suggestion) -> Self {
        let rejected = RejectedSpan {
            start: suggestion.start,
            end: suggestion.end,
            label: suggestion.label.clone(),
        };
        if let Err(at) = self.spans.binary_search(&rejected) {
            self.spans.insert(at, rejected);
        }
        self
    }

    /// These rejections and every suggestion of `name` (normalised) with `label`.
    pub fn with_name(mut self, name: String, label: &str) -> Self {
        let rejected = RejectedName {
            name,
            label: label.to_owned(),
        };
        if let Err(at) = self.names.binary_search(&rejected) {
            self.names.insert(at, rejected);
        }
        self
    }

    /// The edit that records these rejections in the annotation (removing the field when there
    /// are none).
    pub fn edit(&self) -> Edit {
        Edit::SetExtra {
            key: REJECTED_KEY.to_owned(),
            value: if self.is_empty() {
                None
            } else {
                serde_json::to_value(self).ok()
            },
        }
    }
}

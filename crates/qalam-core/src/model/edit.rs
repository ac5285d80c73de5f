//! Edits: every change to an [`Annotation`] is one of these, applied in one
//! place ([`Annotation::apply`](super::Annotation::apply)), and applying an edit yields its
//! inverse.
//!
//! Inverses are exact: applying the inverse returns the annotation to a state `==` the one before,
//! timestamps included. That is why two variants exist mostly for inverses:
//! [`Edit::ReplaceSpan`] puts back a span exactly as it was (label, bounds, note and `modified`
//! time), and [`Edit::WithModified`] restores [`Annotation::modified`](super::Annotation::modified).
//!
//! ```
//! use qalam_core::model::{Annotation, Document, Edit};
//!
//! // "زار [بوتين|PERSON]": بوتين is [4, 9).
//! let mut ann = Annotation::new(Document::new("d", "زار بوتين"));
//! let before = ann.clone();
//! let span = ann.new_span(4, 9, "PERSON");
//! let inverse = ann.apply(Edit::AddSpan(span)).unwrap();
//! assert_eq!(ann.spans().len(), 1);
//! ann.apply(inverse).unwrap();
//! assert_eq!(ann, before);
//! ```

use chrono::{DateTime, Utc};

pub use super::error::EditError;
use super::{Annotation, DocStatus, Label, Review, Span, SpanId};

/// One change to an annotation. `Group` makes several edits one undo step.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Insert a span (its id must be unused).
    AddSpan(Span),
    /// Remove the span with this id.
    RemoveSpan(SpanId),
    /// Change a span's label (and set its `modified` time to now).
    Relabel {
        /// The span.
        id: SpanId,
        /// New label name.
        label: String,
    },
    /// Move a span's boundaries (and set its `modified` time to now).
    SetBounds {
        /// The span.
        id: SpanId,
        /// New start (code points).
        start: usize,
        /// New end (code points, exclusive).
        end: usize,
    },
    /// Set or clear a span's note (and set its `modified` time to now).
    SetNote {
        /// The span.
        id: SpanId,
        /// New note.
        note: Option<String>,
    },
    /// Set or clear a span's review. The span's `modified` time is left alone (a review is not
    /// a change to the span; see [`review`](super::review)); the inverse sets the old review.
    SetReview {
        /// The span.
        id: SpanId,
        /// The new review, or `None` for undecided.
        review: Option<Review>,
    },
    /// Replace the span that has this span's id with this exact value, timestamps included.
    /// The inverse of `Relabel`, `SetBounds` and `SetNote`.
    ReplaceSpan(Span),
    /// Set the document status.
    SetStatus(DocStatus),
    /// Insert a label at a position in the set (`index` may equal the number of labels).
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
    /// Replace the label at a position; a rename also renames it in every span that uses it
    /// (the spans' `modified` times are left alone: the span itself did not change).
    UpdateLabel {
        /// Position in palette order.
        index: usize,
        /// The new definition.
        label: Label,
    },
    /// Move a label from one position to another: remove it at `from`, insert it at `to`.
    MoveLabel {
        /// Current position.
        from: usize,
        /// New position.
        to: usize,
    },
    /// Allow or forbid overlapping spans (forbidding is refused while spans overlap).
    SetAllowOverlaps(bool),
    /// Set (`Some`) or remove (`None`) one top-level field of the file that Qalam keeps but
    /// does not interpret itself ([`Annotation::extra`](super::Annotation::extra)), such as the
    /// rejected suggestions (`suggestions_rejected`). Its inverse puts back the previous value.
    SetExtra {
        /// The field's name.
        key: String,
        /// Its new value, or `None` to remove it.
        value: Option<serde_json::Value>,
    },
    /// Several edits applied in order as one undo step; all or nothing.
    Group(Vec<Edit>),
    /// Apply `edit`, then set [`Annotation::modified`](super::Annotation::modified) to
    /// `modified` instead of the current time. Every inverse returned by
    /// [`Annotation::apply`](super::Annotation::apply) has this form, so undo restores the
    /// previous modification time exactly.
    WithModified {
        /// The edit to apply.
        edit: Box<Edit>,
        /// The annotation's modification time afterwards.
        modified: DateTime<Utc>,
    },
}

impl Edit {
    /// A short lower-case description for menus and messages, e.g. `add PERSON` (shown as
    /// "Undo add PERSON"). See [`Edit::describe_in`] for one that can name the span's label.
    pub fn describe(&self) -> String {
        match self {
            Edit::AddSpan(span) => format!("add {}", span.label),
            Edit::RemoveSpan(id) => format!("remove span {id}"),
            Edit::Relabel { label, .. } => format!("relabel as {label}"),
            Edit::SetBounds { .. } => "resize span".to_owned(),
            Edit::SetNote { note: Some(_), .. } => "edit note".to_owned(),
            Edit::SetNote { note: None, .. } => "clear note".to_owned(),
            Edit::SetReview {
                review: Some(review),
                ..
            } => format!("mark span {}", review.decision.name()),
            Edit::SetReview { review: None, .. } => "clear review".to_owned(),
            Edit::ReplaceSpan(span) => format!("restore {} span", span.label),
            Edit::SetStatus(status) => format!("set status to {}", status.title().to_lowercase()),
            Edit::AddLabel { label, .. } => format!("add label {}", label.name),
            Edit::RemoveLabel { .. } => "remove label".to_owned(),
            Edit::UpdateLabel { label, .. } => format!("edit label {}", label.name),
            Edit::MoveLabel { .. } => "reorder labels".to_owned(),
            Edit::SetAllowOverlaps(true) => "allow overlapping spans".to_owned(),
            Edit::SetAllowOverlaps(false) => "forbid overlapping spans".to_owned(),
            Edit::SetExtra { key, .. } if key == "suggestions_rejected" => {
                "reject suggestion".to_owned()
            }
            Edit::SetExtra { key, .. } => format!("set {key}"),
            Edit::Group(edits) => match edits.as_slice() {
                [] => "nothing".to_owned(),
                [only] => only.describe(),
                // A review decision that also marks the document reviewed.
                [review @ Edit::SetReview { .. }, Edit::SetStatus(_)] => review.describe(),
                many => format!("{} changes", many.len()),
            },
            Edit::WithModified { edit, .. } => edit.describe(),
        }
    }

    /// Like [`Edit::describe`], but names what the edit refers to in `ann` before it is
    /// applied: `remove PERSON`, `relabel PERSON as COUNTRY`, `rename label PERSON to PER`.
    pub fn describe_in(&self, ann: &Annotation) -> String {
        let span_label = |id: &SpanId| ann.span(*id).map(|span| span.label.as_str());
        let label_at = |index: &usize| ann.labels.labels.get(*index).map(|l| l.name.as_str());
        match self {
            Edit::RemoveSpan(id) => match span_label(id) {
                Some(label) => format!("remove {label}"),
                None => self.describe(),
            },
            Edit::Relabel { id, label } => match span_label(id) {
                Some(old) => format!("relabel {old} as {label}"),
                None => self.describe(),
            },
            Edit::SetBounds { id, .. } => match span_label(id) {
                Some(label) => format!("resize {label}"),
                None => self.describe(),
            },
            Edit::SetReview {
                id,
                review: Some(review),
            } => match span_label(id) {
                Some(label) => format!("mark {label} {}", review.decision.name()),
                None => self.describe(),
            },
            Edit::RemoveLabel { index } => match label_at(index) {
                Some(name) => format!("remove label {name}"),
                None => self.describe(),
            },
            Edit::UpdateLabel { index, label } => match label_at(index) {
                Some(old) if old != label.name => format!("rename label {old} to {}", label.name),
                _ => self.describe(),
            },
            Edit::Group(edits)
                if edits.len() == 1
                    || matches!(
                        edits.as_slice(),
                        [Edit::SetReview { .. }, Edit::SetStatus(_)]
                    ) =>
            {
                edits[0].describe_in(ann)
            }
            Edit::WithModified { edit, .. } => edit.describe_in(ann),
            _ => self.describe(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    #[test]
    fn describe_in_names_the_span_label_before_removal() {
        let mut ann = Annotation::new(Document::new("d", "زار بوتين"));
        let span = ann.new_span(4, 9, "PERSON");
        let id = span.id;
        ann.apply(Edit::AddSpan(span)).unwrap();
        assert_eq!(Edit::RemoveSpan(id).describe_in(&ann), "remove PERSON");
        assert_eq!(Edit::RemoveSpan(id).describe(), format!("remove span {id}"));
        let relabel = Edit::Relabel {
            id,
            label: "COUNTRY".into(),
        };
        assert_eq!(relabel.describe_in(&ann), "relabel PERSON as COUNTRY");
    }

    #[test]
    fn describe_group_of_one_is_its_member() {
        let group = Edit::Group(vec![Edit::SetStatus(DocStatus::Done)]);
        assert_eq!(group.describe(), "set status to done");
        let two = Edit::Group(vec![
            Edit::SetAllowOverlaps(true),
            Edit::SetAllowOverlaps(false),
        ]);
        assert_eq!(two.describe(), "2 changes");
    }

    #[test]
    fn describe_rename_names_old_and_new() {
        let ann = Annotation::new(Document::new("d", "x"));
        let mut label = ann.labels.labels[0].clone();
        label.name = "PER".into();
        let edit = Edit::UpdateLabel { index: 0, label };
        assert_eq!(edit.describe_in(&ann), "rename label PERSON to PER");
    }

    #[test]
    fn describe_a_review_decision_with_the_status_it_completes() {
        use crate::model::{Review, ReviewDecision};
        let mut ann = Annotation::new(Document::new("d", "زار بوتين"));
        let span = ann.new_span(4, 9, "PERSON");
        let id = span.id;
        ann.apply(Edit::AddSpan(span)).unwrap();
        let review = Review::new(
            "sara",
            ReviewDecision::Rejected,
            Some("x".into()),
            ann.modified(),
        );
        let set = Edit::SetReview {
            id,
            review: Some(review),
        };
        let group = Edit::Group(vec![set.clone(), Edit::SetStatus(DocStatus::Reviewed)]);
        assert_eq!(group.describe(), "mark span rejected");
        assert_eq!(group.describe_in(&ann), "mark PERSON rejected");
        assert_eq!(
            Edit::SetReview { id, review: None }.describe(),
            "clear review"
        );
    }
}

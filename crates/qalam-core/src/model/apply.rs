//! [`Annotation::apply_at`]: the one place an annotation changes. Dispatches each [`Edit`] to the
//! span or label code, makes groups all-or-nothing, and keeps [`Annotation::modified`] exact
//! across undo.

use chrono::{DateTime, Utc};

use super::{Annotation, Edit, EditError};

/// Which rules an edit is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Checks {
    /// Structure (ranges inside the text, known labels, unique ids and label names) and the
    /// annotation policies (no overlaps when forbidden, no identical twin spans, non-blank
    /// label names, unique hotkeys).
    All,
    /// Structure only. Undo and redo use this: they return to states that existed before, and
    /// those may break a policy if they came from a file (e.g. overlapping spans while overlaps
    /// are forbidden); refusing them would make the edit impossible to undo.
    Structure,
}

impl Checks {
    /// Whether the policies are checked.
    pub(super) fn policies(self) -> bool {
        self == Checks::All
    }
}

impl Annotation {
    /// Applies `edit` at time `now` and returns its inverse: applying the inverse restores a
    /// state `==` the one before, timestamps included. On error nothing changes (a
    /// [`Edit::Group`] that fails midway rolls back the edits it already applied). Sets
    /// [`Annotation::modified`] (and the `modified` time of each changed span) to `now`, unless
    /// the edit is an [`Edit::WithModified`], which says what to set it to. Time is passed in,
    /// as helix passes it to its history, so tests and merges are deterministic.
    ///
    /// ```
    /// use qalam_core::model::{Annotation, Document, Edit, EditError};
    ///
    /// // "[بوتين|PERSON]": a 5-code-point text, the span is [0, 5).
    /// let mut ann = Annotation::new(Document::new("d", "بوتين"));
    /// let too_long = ann.new_span(0, 6, "PERSON");
    /// assert!(matches!(ann.apply(Edit::AddSpan(too_long)), Err(EditError::InvalidRange { .. })));
    /// let span = ann.new_span(0, 5, "PERSON");
    /// let id = span.id;
    /// ann.apply(Edit::AddSpan(span)).unwrap();
    /// let before = ann.clone();
    /// let undo = ann.apply(Edit::Relabel { id, label: "COUNTRY".into() }).unwrap();
    /// assert_eq!(ann.spans()[0].label, "COUNTRY");
    /// ann.apply(undo).unwrap();
    /// assert_eq!(ann, before);
    /// ```
    pub fn apply_at(&mut self, edit: Edit, now: DateTime<Utc>) -> Result<Edit, EditError> {
        self.apply_with(edit, now, Checks::All)
    }

    /// [`Annotation::apply_at`] with the system clock's time: for tests, scripts and doc
    /// examples. The app passes its own time in.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        self.apply_at(edit, Utc::now())
    }

    /// [`Annotation::apply_at`] with a choice of checks (see [`Checks`]).
    pub(super) fn apply_with(
        &mut self,
        edit: Edit,
        now: DateTime<Utc>,
        checks: Checks,
    ) -> Result<Edit, EditError> {
        // Renewed whatever the outcome: a group that fails midway has changed and restored.
        self.stamp = super::change_stamp::ChangeStamp::fresh();
        if matches!(edit, Edit::WithModified { .. }) {
            return self.apply_inner(edit, now, checks);
        }
        let previous = self.modified;
        let inverse = self.apply_inner(edit, now, checks)?;
        self.modified = now;
        Ok(Edit::WithModified {
            edit: Box::new(inverse),
            modified: previous,
        })
    }

    /// Applies one edit without touching [`Annotation::modified`] (except through
    /// `WithModified`); `now` stamps changed spans.
    fn apply_inner(
        &mut self,
        edit: Edit,
        now: DateTime<Utc>,
        checks: Checks,
    ) -> Result<Edit, EditError> {
        match edit {
            Edit::AddSpan(span) => self.add_span(span, checks),
            Edit::RemoveSpan(id) => self.remove_span(id),
            Edit::Relabel { id, label } => {
                self.change_span(id, now, checks, |span| span.label = label)
            }
            Edit::SetBounds { id, start, end } => self.change_span(id, now, checks, |span| {
                span.start = start;
                span.end = end;
            }),
            Edit::SetNote { id, note } => {
                self.change_span(id, now, checks, |span| span.note = note)
            }
            Edit::SetReview { id, review } => self.set_review(id, review),
            Edit::ReplaceSpan(span) => self.replace_span(span, checks),
            Edit::SetStatus(status) => {
                let previous = std::mem::replace(&mut self.status, status);
                Ok(Edit::SetStatus(previous))
            }
            Edit::AddLabel { index, label } => self.add_label(index, label, checks),
            Edit::RemoveLabel { index } => self.remove_label(index),
            Edit::UpdateLabel { index, label } => self.update_label(index, label, checks),
            Edit::MoveLabel { from, to } => self.move_label(from, to),
            Edit::SetAllowOverlaps(allow) => self.set_allow_overlaps(allow, checks),
            Edit::SetExtra { key, value } => {
                let previous = match value {
                    Some(value) => self.extra.insert(key.clone(), value),
                    None => self.extra.remove(&key),
                };
                Ok(Edit::SetExtra {
                    key,
                    value: previous,
                })
            }
            Edit::Group(edits) => self.apply_group(edits, now, checks),
            Edit::WithModified { edit, modified } => {
                let previous = self.modified;
                let inverse = self.apply_inner(*edit, now, checks)?;
                self.modified = modified;
                Ok(Edit::WithModified {
                    edit: Box::new(inverse),
                    modified: previous,
                })
            }
        }
    }

    /// Applies `edits` in order; on the first error restores the state from before the group.
    fn apply_group(
        &mut self,
        edits: Vec<Edit>,
        now: DateTime<Utc>,
        checks: Checks,
    ) -> Result<Edit, EditError> {
        let snapshot = (
            self.spans.clone(),
            self.labels.clone(),
            self.status,
            self.modified,
            self.extra.clone(),
        );
        let mut inverses = Vec::with_capacity(edits.len());
        for edit in edits {
            match self.apply_inner(edit, now, checks) {
                Ok(inverse) => inverses.push(inverse),
                Err(error) => {
                    (
                        self.spans,
                        self.labels,
                        self.status,
                        self.modified,
                        self.extra,
                    ) = snapshot;
                    return Err(error);
                }
            }
        }
        inverses.reverse();
        Ok(Edit::Group(inverses))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocStatus, Document, SpanId};

    fn annotation() -> Annotation {
        Annotation::new(Document::new("d", "زار بوتين لروسيا"))
    }

    #[test]
    fn apply_sets_modified_and_inverse_restores_it() {
        let mut ann = annotation();
        let before = ann.clone();
        let inverse = ann.apply(Edit::SetStatus(DocStatus::Done)).unwrap();
        assert_eq!(ann.status, DocStatus::Done);
        assert!(ann.modified >= before.modified);
        let redo = ann.apply(inverse).unwrap();
        assert_eq!(ann, before);
        ann.apply(redo).unwrap();
        assert_eq!(ann.status, DocStatus::Done);
    }

    #[test]
    fn inverse_of_inverse_reproduces_the_after_state_exactly() {
        let mut ann = annotation();
        let span = ann.new_span(4, 9, "PERSON");
        let id = span.id;
        ann.apply(Edit::AddSpan(span)).unwrap();
        let undo = ann
            .apply(Edit::SetNote {
                id,
                note: Some("الرئيس".into()),
            })
            .unwrap();
        let after = ann.clone();
        let redo = ann.apply(undo).unwrap();
        assert_ne!(ann, after);
        ann.apply(redo).unwrap();
        assert_eq!(ann, after);
    }

    #[test]
    fn set_extra_is_undone_exactly_and_rolled_back_in_a_failed_group() {
        let mut ann = annotation();
        let before = ann.clone();
        let value = serde_json::json!({"names": []});
        let undo = ann
            .apply(Edit::SetExtra {
                key: "suggestions_rejected".into(),
                value: Some(value.clone()),
            })
            .unwrap();
        assert_eq!(ann.extra().get("suggestions_rejected"), Some(&value));
        ann.apply(undo).unwrap();
        assert_eq!(ann, before);
        assert!(ann.extra().is_empty());

        let bad = ann.new_span(4, 99, "PERSON");
        let group = Edit::Group(vec![
            Edit::SetExtra {
                key: "x".into(),
                value: Some(serde_json::json!(1)),
            },
            Edit::AddSpan(bad),
        ]);
        assert!(ann.apply(group).is_err());
        assert!(ann.extra().is_empty());
    }

    #[test]
    fn group_failing_midway_rolls_back_everything() {
        let mut ann = annotation();
        let first = ann.new_span(4, 9, "PERSON");
        let mut second = first.clone();
        second.id = SpanId(first.id.0 + 1);
        second.start = 11;
        second.end = 16;
        second.label = "COUNTRY".into();
        let bad = Edit::Relabel {
            id: first.id,
            label: "NOPE".into(),
        };
        let before = ann.clone();
        let result = ann.apply(Edit::Group(vec![
            Edit::AddSpan(first),
            Edit::SetStatus(DocStatus::InProgress),
            Edit::AddSpan(second),
            bad,
        ]));
        assert_eq!(result, Err(EditError::UnknownLabel("NOPE".into())));
        assert_eq!(ann, before);
    }

    #[test]
    fn group_inverse_undoes_in_reverse_order() {
        let mut ann = annotation();
        let span = ann.new_span(4, 9, "PERSON");
        let id = span.id;
        let before = ann.clone();
        let inverse = ann
            .apply(Edit::Group(vec![
                Edit::AddSpan(span),
                Edit::Relabel {
                    id,
                    label: "COUNTRY".into(),
                },
                Edit::SetBounds {
                    id,
                    start: 10,
                    end: 16,
                },
            ]))
            .unwrap();
        assert_eq!(ann.span_text(&ann.spans[0]), "لروسيا");
        ann.apply(inverse).unwrap();
        assert_eq!(ann, before);
    }

    #[test]
    fn failed_edit_leaves_modified_untouched() {
        let mut ann = annotation();
        let before = ann.clone();
        assert!(ann.apply(Edit::RemoveSpan(SpanId(7))).is_err());
        assert_eq!(ann, before);
    }
}

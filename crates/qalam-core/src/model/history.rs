//! Undo/redo history: each applied edit is stored with its inverse, and every state gets a
//! revision number so that "unsaved changes" survives undo and redo correctly.
//!
//! Undo applies the stored inverse and keeps the inverse *of that* for redo, so redo reproduces
//! the state after the edit exactly (timestamps included) instead of re-running the edit at a
//! new time.
//!
//! ```
//! use qalam_core::model::{Annotation, Document, Edit, History};
//!
//! // "زار [بوتين|PERSON]": بوتين is [4, 9).
//! let mut ann = Annotation::new(Document::new("d", "زار بوتين"));
//! let mut history = History::new();
//! let span = ann.new_span(4, 9, "PERSON");
//! history.apply(&mut ann, Edit::AddSpan(span)).unwrap();
//! history.mark_saved();
//! let id = ann.spans()[0].id;
//! history.apply(&mut ann, Edit::Relabel { id, label: "COUNTRY".into() }).unwrap();
//! assert_eq!(history.undo_description(), Some("relabel PERSON as COUNTRY"));
//! assert!(history.is_dirty());
//! assert!(history.undo(&mut ann));
//! assert!(!history.is_dirty()); // back at the saved state
//! assert!(history.redo(&mut ann));
//! assert!(history.is_dirty());
//! ```

use chrono::{DateTime, Utc};

use super::apply::Checks;
use super::{Annotation, Edit, EditError};

/// One undoable step: applying `edit` moves the annotation from revision `from` to `to`.
#[derive(Debug, Clone)]
struct Step {
    /// The edit that performs this step (an inverse on the undo stack, a re-inverse on redo).
    edit: Edit,
    /// What the original edit did, e.g. `add PERSON`.
    description: String,
    /// Revision the step starts from.
    from: u64,
    /// Revision the step leads to.
    to: u64,
}

/// Unlimited undo/redo over an annotation's edits, with saved-state tracking.
#[derive(Debug, Clone)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Revision of the annotation's current state; 0 is the state the history started from.
    current: u64,
    /// The next fresh revision number; revisions are never reused.
    next_revision: u64,
    /// Revision that matches the file on disk, if any.
    saved: Option<u64>,
}

impl Default for History {
    fn default() -> Self {
        Self::new()
    }
}

impl History {
    /// An empty history whose starting state counts as saved.
    pub fn new() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            current: 0,
            next_revision: 1,
            saved: Some(0),
        }
    }

    /// Applies `edit` to `ann` at time `now` and records it for undo; clears the redo steps. On
    /// error neither `ann` nor the history changes.
    pub fn apply_at(
        &mut self,
        ann: &mut Annotation,
        edit: Edit,
        now: DateTime<Utc>,
    ) -> Result<(), EditError> {
        let description = edit.describe_in(ann);
        let inverse = ann.apply_at(edit, now)?;
        let to = self.next_revision;
        self.next_revision += 1;
        self.undo.push(Step {
            edit: inverse,
            description,
            from: to,
            to: self.current,
        });
        self.current = to;
        self.redo.clear();
        Ok(())
    }

    /// [`History::apply_at`] with the system clock's time (tests, scripts, doc examples).
    pub fn apply(&mut self, ann: &mut Annotation, edit: Edit) -> Result<(), EditError> {
        self.apply_at(ann, edit, Utc::now())
    }

    /// Undoes the most recent edit. Returns false if there is nothing to undo or the inverse
    /// no longer applies (only possible if `ann` was changed behind the history's back); the
    /// history is then unchanged. Undo and redo return to states that existed before, so they
    /// are not refused for breaking a label-set policy that state already broke (e.g. a file
    /// loaded with overlapping spans while overlaps are forbidden).
    pub fn undo(&mut self, ann: &mut Annotation) -> bool {
        Self::step(ann, &mut self.undo, &mut self.redo, &mut self.current)
    }

    /// Redoes the most recently undone edit. Returns false if there is nothing to redo or it
    /// no longer applies; the history is then unchanged.
    pub fn redo(&mut self, ann: &mut Annotation) -> bool {
        Self::step(ann, &mut self.redo, &mut self.undo, &mut self.current)
    }

    /// Pops a step from `from`, applies it and pushes its inverse onto `to`.
    fn step(
        ann: &mut Annotation,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        current: &mut u64,
    ) -> bool {
        let Some(step) = from.pop() else {
            return false;
        };
        // Inverses restore every timestamp exactly (`WithModified`, `ReplaceSpan`), so replaying
        // one takes no time from a clock: the annotation's own `modified` stands in for "now".
        let now = ann.modified();
        match ann.apply_with(step.edit.clone(), now, Checks::Structure) {
            Ok(inverse) => {
                *current = step.to;
                to.push(Step {
                    edit: inverse,
                    description: step.description,
                    from: step.to,
                    to: step.from,
                });
                true
            }
            Err(_) => {
                from.push(step);
                false
            }
        }
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an undone edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What undo would revert, e.g. `add PERSON` (for "Undo add PERSON").
    pub fn undo_description(&self) -> Option<&str> {
        self.undo.last().map(|step| step.description.as_str())
    }

    /// What redo would reapply, e.g. `add PERSON` (for "Redo add PERSON").
    pub fn redo_description(&self) -> Option<&str> {
        self.redo.last().map(|step| step.description.as_str())
    }

    /// Identifies the current state: a fresh number after every apply, and the earlier number
    /// again after undo or redo returns to a state. Useful to notice changes, e.g. for autosave.
    pub fn revision(&self) -> u64 {
        self.current
    }

    /// Whether the current state differs from the last saved one.
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.current)
    }

    /// Records that the current state has been saved.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.current);
    }

    /// Records that no state in this history matches the file (e.g. after restoring unsaved
    /// work from a recovery file): the annotation is dirty until the next save.
    pub fn mark_unsaved(&mut self) {
        self.saved = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocStatus, Document};

    fn annotation() -> Annotation {
        Annotation::new(Document::new("d", "زار بوتين لروسيا"))
    }

    fn add(history: &mut History, ann: &mut Annotation, start: usize, end: usize) {
        let span = ann.new_span(start, end, "PERSON");
        history.apply(ann, Edit::AddSpan(span)).unwrap();
    }

    #[test]
    fn undo_all_then_redo_all_restores_both_ends_exactly() {
        let mut ann = annotation();
        let start = ann.clone();
        let mut history = History::new();
        add(&mut history, &mut ann, 4, 9);
        add(&mut history, &mut ann, 11, 16);
        let id = ann.spans[0].id;
        history
            .apply(
                &mut ann,
                Edit::SetBounds {
                    id,
                    start: 3,
                    end: 9,
                },
            )
            .unwrap();
        history
            .apply(&mut ann, Edit::SetStatus(DocStatus::Done))
            .unwrap();
        let end = ann.clone();
        while history.undo(&mut ann) {}
        assert_eq!(ann, start);
        while history.redo(&mut ann) {}
        assert_eq!(ann, end);
    }

    #[test]
    fn new_edit_clears_redo() {
        let mut ann = annotation();
        let mut history = History::new();
        add(&mut history, &mut ann, 4, 9);
        assert!(history.undo(&mut ann));
        assert!(history.can_redo());
        add(&mut history, &mut ann, 11, 16);
        assert!(!history.can_redo());
        assert!(!history.redo(&mut ann));
        assert_eq!(ann.spans.len(), 1);
        assert_eq!(ann.spans[0].start, 11);
    }

    #[test]
    fn dirty_tracks_revisions_not_stack_depth() {
        let mut ann = annotation();
        let mut history = History::new();
        assert!(!history.is_dirty());
        add(&mut history, &mut ann, 4, 9);
        history.mark_saved();
        history.undo(&mut ann);
        assert!(history.is_dirty());
        // Same depth as the saved state, different content: still dirty.
        add(&mut history, &mut ann, 11, 16);
        assert!(history.is_dirty());
        history.undo(&mut ann);
        assert!(
            history.is_dirty(),
            "the saved state can no longer be reached"
        );
        history.mark_saved();
        assert!(!history.is_dirty());
        history.mark_unsaved();
        assert!(history.is_dirty());
    }

    #[test]
    fn revision_returns_to_earlier_numbers_on_undo_and_redo() {
        let mut ann = annotation();
        let mut history = History::new();
        let initial = history.revision();
        add(&mut history, &mut ann, 4, 9);
        let first = history.revision();
        add(&mut history, &mut ann, 11, 16);
        let second = history.revision();
        assert!(initial != first && first != second && initial != second);
        history.undo(&mut ann);
        assert_eq!(history.revision(), first);
        history.undo(&mut ann);
        assert_eq!(history.revision(), initial);
        history.redo(&mut ann);
        assert_eq!(history.revision(), first);
        add(&mut history, &mut ann, 0, 3);
        assert!(![initial, first, second].contains(&history.revision()));
    }

    /// As io might load it: spans pushed directly, overlapping although overlaps are forbidden.
    fn loaded_with_overlaps_forbidden() -> Annotation {
        let mut ann = annotation();
        let outer = ann.new_span(0, 9, "EVENT");
        let mut inner = ann.new_span(4, 9, "PERSON");
        inner.id = crate::model::SpanId(outer.id.0 + 1);
        ann.spans = vec![outer, inner];
        ann.labels.allow_overlaps = false;
        ann
    }

    #[test]
    fn undo_remove_span_when_loaded_spans_overlap_despite_overlaps_forbidden() {
        let mut ann = loaded_with_overlaps_forbidden();
        let before = ann.clone();
        let id = ann.spans[1].id;
        let mut history = History::new();
        history.apply(&mut ann, Edit::RemoveSpan(id)).unwrap();
        // Re-adding it as a new edit is refused by the policy...
        let mut plain = ann.clone();
        assert!(plain.apply(Edit::AddSpan(before.spans[1].clone())).is_err());
        // ...but undo returns to the loaded state.
        assert!(history.undo(&mut ann));
        assert_eq!(ann, before);
        assert!(history.redo(&mut ann));
        assert_eq!(ann.spans.len(), 1);
    }

    #[test]
    fn undo_remove_label_when_loaded_labels_share_a_hotkey() {
        let mut ann = annotation();
        ann.labels.labels[3].hotkey = Some('p');
        let before = ann.clone();
        let mut history = History::new();
        history
            .apply(&mut ann, Edit::RemoveLabel { index: 3 })
            .unwrap();
        assert!(history.undo(&mut ann));
        assert_eq!(ann, before);
    }

    #[test]
    fn failed_apply_records_nothing() {
        let mut ann = annotation();
        let mut history = History::new();
        let bad = ann.new_span(4, 99, "PERSON");
        assert!(history.apply(&mut ann, Edit::AddSpan(bad)).is_err());
        assert!(!history.can_undo());
        assert!(!history.is_dirty());
    }

    #[test]
    fn undo_that_no_longer_applies_keeps_the_step() {
        let mut ann = annotation();
        let mut history = History::new();
        add(&mut history, &mut ann, 4, 9);
        // Changed behind the history's back: the span to remove is gone.
        ann.spans.clear();
        assert!(!history.undo(&mut ann));
        assert!(history.can_undo());
        assert_eq!(history.undo_description(), Some("add PERSON"));
    }

    #[test]
    fn descriptions_follow_the_stacks() {
        let mut ann = annotation();
        let mut history = History::new();
        assert_eq!(history.undo_description(), None);
        add(&mut history, &mut ann, 4, 9);
        let id = ann.spans[0].id;
        history.apply(&mut ann, Edit::RemoveSpan(id)).unwrap();
        assert_eq!(history.undo_description(), Some("remove PERSON"));
        history.undo(&mut ann);
        assert_eq!(history.redo_description(), Some("remove PERSON"));
        assert_eq!(history.undo_description(), Some("add PERSON"));
    }
}

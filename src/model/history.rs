//! PLACEHOLDER (lead) undo/redo history; the model helper replaces it.

use super::{Annotation, Edit, EditError};

/// Unlimited undo/redo over an annotation's edits.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    revision: i64,
    saved: i64,
}

impl History {
    /// Empty history.
    pub fn new() -> Self {
        Self::default()
    }
    /// Applies `edit` and records its inverse.
    pub fn apply(&mut self, ann: &mut Annotation, edit: Edit) -> Result<(), EditError> {
        let inverse = ann.apply(edit)?;
        self.undo.push(inverse);
        self.redo.clear();
        self.revision += 1;
        Ok(())
    }
    /// Undoes the last edit.
    pub fn undo(&mut self, ann: &mut Annotation) -> bool {
        let Some(inv) = self.undo.pop() else {
            return false;
        };
        if let Ok(redo) = ann.apply(inv) {
            self.redo.push(redo);
            self.revision -= 1;
        }
        true
    }
    /// Redoes the last undone edit.
    pub fn redo(&mut self, ann: &mut Annotation) -> bool {
        let Some(e) = self.redo.pop() else {
            return false;
        };
        if let Ok(inv) = ann.apply(e) {
            self.undo.push(inv);
            self.revision += 1;
        }
        true
    }
    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
    /// Whether the annotation differs from the saved revision.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved
    }
    /// Marks the current revision as saved.
    pub fn mark_saved(&mut self) {
        self.saved = self.revision;
    }
}

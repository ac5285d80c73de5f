//! [`ChangeStamp`]: a number that tells readers of an [`Annotation`](super::Annotation) cheaply
//! whether it may have changed since they last looked.
//!
//! Stamps come from one process-wide counter, so no two states of any two annotations share
//! one unless one is an unchanged clone of the other. A reader (the document view's span index)
//! that remembers the stamp it was built from can skip comparing thousands of spans every
//! frame. Stamps are bookkeeping, not content: two annotations compare equal whatever their
//! stamps, so an undo still restores a state `==` the one before.

use std::sync::atomic::{AtomicU64, Ordering};

/// The next stamp to hand out; starts at 1 so 0 never names a state.
static NEXT: AtomicU64 = AtomicU64::new(1);

/// A process-unique change stamp; equal to every other stamp under `==` (see the module docs).
#[derive(Clone, Copy)]
pub(super) struct ChangeStamp(u64);

impl ChangeStamp {
    /// A stamp no state has had before.
    pub(super) fn fresh() -> Self {
        Self(NEXT.fetch_add(1, Ordering::Relaxed))
    }

    /// The stamp's value.
    pub(super) fn get(self) -> u64 {
        self.0
    }
}

impl PartialEq for ChangeStamp {
    /// Always true: stamps are not part of an annotation's content.
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for ChangeStamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ChangeStamp")
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Annotation, Document, Edit};

    #[test]
    fn every_edit_and_every_new_annotation_gets_a_new_stamp_but_equality_ignores_it() {
        let mut ann = Annotation::new(Document::new("d", "بوتين"));
        let other = Annotation::new(Document::new("d", "بوتين"));
        assert_ne!(ann.change_stamp(), other.change_stamp());
        let clone = ann.clone();
        assert_eq!(clone.change_stamp(), ann.change_stamp());
        let before = ann.change_stamp();
        let span = ann.new_span(0, 5, "PERSON");
        let undo = ann.apply(Edit::AddSpan(span)).unwrap();
        let after_add = ann.change_stamp();
        assert_ne!(after_add, before);
        ann.apply(undo).unwrap();
        assert_ne!(ann.change_stamp(), after_add);
        assert_ne!(ann.change_stamp(), before);
        assert_eq!(ann, clone, "an undo restores an equal state, stamps aside");
    }
}

//! The view's selection: an anchor and a caret, both code-point offsets into the whole text.
//!
//! The selected range is between the two, whichever comes first; the caret is where keyboard
//! movement starts and what Shift-movement extends. `preferred_x` remembers the caret's
//! horizontal position across Up/Down moves through lines of different lengths.

use std::ops::Range;

/// Anchor and caret of the selection, in document code points.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Selection {
    /// Where the selection started (fixed while extending).
    pub anchor: usize,
    /// Where the caret is (moves while extending).
    pub caret: usize,
    /// Horizontal position, relative to the paragraph, kept across vertical moves.
    pub preferred_x: Option<f32>,
}

impl Selection {
    /// A collapsed selection (just a caret) at `cp`.
    pub fn caret_at(cp: usize) -> Self {
        Self {
            anchor: cp,
            caret: cp,
            preferred_x: None,
        }
    }

    /// The selected range, `None` when empty.
    pub fn range(&self) -> Option<Range<usize>> {
        let range = self.anchor.min(self.caret)..self.anchor.max(self.caret);
        (!range.is_empty()).then_some(range)
    }

    /// Moves the caret to `cp`; keeps the anchor when `extend`, else collapses onto `cp`.
    pub fn move_caret(&mut self, cp: usize, extend: bool) {
        self.caret = cp;
        if !extend {
            self.anchor = cp;
        }
    }

    /// Selects `range` with the caret at its end.
    pub fn select(&mut self, range: Range<usize>) {
        self.anchor = range.start;
        self.caret = range.end;
        self.preferred_x = None;
    }

    /// Clamps both ends to a text of `len` code points.
    pub fn clamp(&mut self, len: usize) {
        self.anchor = self.anchor.min(len);
        self.caret = self.caret.min(len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_is_ordered_and_empty_is_none() {
        let mut sel = Selection::caret_at(7);
        assert_eq!(sel.range(), None);
        sel.move_caret(3, true);
        assert_eq!(sel.range(), Some(3..7));
        sel.move_caret(9, true);
        assert_eq!(sel.range(), Some(7..9));
        sel.move_caret(4, false);
        assert_eq!(sel.range(), None);
        sel.select(2..5);
        assert_eq!((sel.anchor, sel.caret), (2, 5));
        sel.clamp(3);
        assert_eq!(sel.range(), Some(2..3));
    }
}

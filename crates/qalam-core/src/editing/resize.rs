//! Span-boundary resizes: which edge moves ([`SpanEdge`]), which way ([`ResizeDirection`]), how
//! far ([`ResizeStep`]), and the menu text of each [`SpanResize`]. The app gives each one its
//! keyboard shortcut.
//!
//! Span boundaries: "start" is the logical start of a span (its lowest code point). In
//! right-to-left text (Arabic) that is the span's **right** edge on screen. The keys are chosen
//! for right-to-left text: with Alt, an arrow moves the *leading* edge in the arrow's direction
//! (Alt+→ moves the start rightwards = grows the start), with Alt+Shift the *trailing* edge
//! (Alt+Shift+→ moves the end rightwards = shrinks the end). Add Ctrl to move by a word.
//! In left-to-right text the same keys keep their logical meaning (start/end), so on screen
//! they act mirrored.

/// Which edge of a span a resize command moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpanEdge {
    /// The logical start (lowest code point; the right edge in right-to-left text).
    Start,
    /// The logical end (exclusive; the left edge in right-to-left text).
    End,
}

/// Whether a resize makes the span longer or shorter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResizeDirection {
    /// Move the edge outwards (start earlier, end later).
    Grow,
    /// Move the edge inwards (start later, end earlier).
    Shrink,
}

/// How far a resize moves an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResizeStep {
    /// One code point.
    Char,
    /// To the next word boundary (Unicode word segmentation).
    Word,
}

/// A change of one span boundary, e.g. "grow the start by a word".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SpanResize {
    /// The edge to move.
    pub edge: SpanEdge,
    /// Outwards or inwards.
    pub direction: ResizeDirection,
    /// By a character or a word.
    pub step: ResizeStep,
}

impl SpanResize {
    /// All eight resizes, in menu order.
    pub const ALL: [SpanResize; 8] = {
        use ResizeDirection::{Grow, Shrink};
        use ResizeStep::{Char, Word};
        use SpanEdge::{End, Start};
        [
            SpanResize::new(Start, Grow, Char),
            SpanResize::new(Start, Shrink, Char),
            SpanResize::new(End, Grow, Char),
            SpanResize::new(End, Shrink, Char),
            SpanResize::new(Start, Grow, Word),
            SpanResize::new(Start, Shrink, Word),
            SpanResize::new(End, Grow, Word),
            SpanResize::new(End, Shrink, Word),
        ]
    };

    /// A resize of `edge` in `direction` by `step`.
    pub const fn new(edge: SpanEdge, direction: ResizeDirection, step: ResizeStep) -> Self {
        Self {
            edge,
            direction,
            step,
        }
    }

    /// Menu text, e.g. "Grow start by a word".
    pub fn name(self) -> &'static str {
        use ResizeDirection::{Grow, Shrink};
        use ResizeStep::{Char, Word};
        use SpanEdge::{End, Start};
        match (self.direction, self.edge, self.step) {
            (Grow, Start, Char) => "Grow start by a character",
            (Shrink, Start, Char) => "Shrink start by a character",
            (Grow, End, Char) => "Grow end by a character",
            (Shrink, End, Char) => "Shrink end by a character",
            (Grow, Start, Word) => "Grow start by a word",
            (Shrink, Start, Word) => "Shrink start by a word",
            (Grow, End, Word) => "Grow end by a word",
            (Shrink, End, Word) => "Shrink end by a word",
        }
    }
}

//! Undo/redo history: each applied edit is stored with its inverse.

/// Unlimited undo/redo over an annotation's edits.
#[derive(Debug, Clone, Default)]
pub struct History {}

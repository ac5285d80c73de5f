//! Span commands as pure functions: given the annotation, the view's selection and the selected
//! span, each turns one user command (tag, relabel, delete, grow/shrink, note, next/previous) into
//! the model [`Edit`] to apply through `History`, or a [`SpanCommandError`] to show the user.
//! The app maps its commands onto these functions; nothing here knows about a GUI.
//!
//! "Start" and "end" are logical: the start is the first code point of the span, which in
//! right-to-left text is drawn at its right edge.

use std::ops::Range;

use crate::model::{Annotation, Edit, Span, SpanId};

use super::resize::{ResizeDirection, ResizeStep, SpanEdge, SpanResize};
use super::word_boundaries::WordBoundaries;

/// Direction of span navigation, in text order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Towards the end of the text.
    Next,
    /// Towards the start of the text.
    Previous,
}

/// What a palette click or label hotkey does in the current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelAction {
    /// Tag the text selection with the label.
    Tag,
    /// Relabel the selected span.
    Relabel,
}

/// Why a span command could not be carried out. Each message is shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanCommandError {
    /// Tagging needs a non-empty text selection.
    #[error("Select some text first")]
    EmptySelection,
    /// The selection does not lie inside the text.
    #[error("The selection {start}–{end} is outside the text ({len} characters)")]
    SelectionOutsideText {
        /// Selection start (code points).
        start: usize,
        /// Selection end (code points).
        end: usize,
        /// Text length (code points).
        len: usize,
    },
    /// The command works on a span but none is selected.
    #[error("Select a span first")]
    NoSpanSelected,
    /// The selected span id is not in the annotation (e.g. removed by undo).
    #[error("The selected span no longer exists")]
    SpanGone(SpanId),
    /// The label index (0-based) is past the end of the label set.
    #[error("There is no label number {}", .0 + 1)]
    NoSuchLabel(usize),
    /// Growing the start past the beginning of the text.
    #[error("The span already starts at the beginning of the text")]
    AtTextStart,
    /// Growing the end past the end of the text.
    #[error("The span already ends at the end of the text")]
    AtTextEnd,
    /// No word boundary to grow to.
    #[error("There is no further word in that direction")]
    NoFurtherWord,
    /// Shrinking would leave an empty span.
    #[error("A span must keep at least one character; delete it instead")]
    WouldBeEmpty,
    /// Relabelling a span with the label it already has (no edit, so no undo step).
    #[error("The span is already labelled {0}")]
    AlreadyLabelled(String),
    /// Nothing to move to.
    #[error("No {0} span")]
    NoAdjacentSpan(&'static str),
}

/// A successful span command: the edit to apply and the span to select afterwards.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanOutcome {
    /// The edit to apply through `History`.
    pub edit: Edit,
    /// The span to select once the edit is applied (`None` clears the span selection).
    pub select: Option<SpanId>,
}

/// Picks tag or relabel for a label click/hotkey: relabel only when a span is selected and there
/// is no text selection.
pub fn label_action(
    selection: Option<&Range<usize>>,
    selected_span: Option<SpanId>,
) -> LabelAction {
    let has_selection = selection.is_some_and(|range| !range.is_empty());
    if selected_span.is_some() && !has_selection {
        LabelAction::Relabel
    } else {
        LabelAction::Tag
    }
}

/// Tags `selection` with the label at `label_index`; the new span becomes the selected one.
pub fn tag_selection(
    ann: &Annotation,
    selection: Option<Range<usize>>,
    label_index: usize,
) -> Result<SpanOutcome, SpanCommandError> {
    let label = label_name(ann, label_index)?;
    let range = selection
        .filter(|range| !range.is_empty())
        .ok_or(SpanCommandError::EmptySelection)?;
    let len = ann.document().char_len();
    if range.end > len {
        return Err(SpanCommandError::SelectionOutsideText {
            start: range.start,
            end: range.end,
            len,
        });
    }
    let span = ann.new_span(range.start, range.end, label);
    let id = span.id;
    Ok(SpanOutcome {
        edit: Edit::AddSpan(span),
        select: Some(id),
    })
}

/// Gives the selected span the label at `label_index`.
pub fn relabel_span(
    ann: &Annotation,
    selected: Option<SpanId>,
    label_index: usize,
) -> Result<SpanOutcome, SpanCommandError> {
    let label = label_name(ann, label_index)?.to_owned();
    let span = selected_span(ann, selected)?;
    if span.label == label {
        return Err(SpanCommandError::AlreadyLabelled(label));
    }
    Ok(SpanOutcome {
        edit: Edit::Relabel { id: span.id, label },
        select: Some(span.id),
    })
}

/// Tags or relabels, whichever [`label_action`] picks.
pub fn apply_label(
    ann: &Annotation,
    selection: Option<Range<usize>>,
    selected: Option<SpanId>,
    label_index: usize,
) -> Result<SpanOutcome, SpanCommandError> {
    match label_action(selection.as_ref(), selected) {
        LabelAction::Tag => tag_selection(ann, selection, label_index),
        LabelAction::Relabel => relabel_span(ann, selected, label_index),
    }
}

/// Removes the selected span.
pub fn delete_span(
    ann: &Annotation,
    selected: Option<SpanId>,
) -> Result<SpanOutcome, SpanCommandError> {
    let span = selected_span(ann, selected)?;
    Ok(SpanOutcome {
        edit: Edit::RemoveSpan(span.id),
        select: None,
    })
}

/// Sets the selected span's note; an empty or blank note clears it.
pub fn set_note(
    ann: &Annotation,
    selected: Option<SpanId>,
    note: &str,
) -> Result<SpanOutcome, SpanCommandError> {
    let span = selected_span(ann, selected)?;
    let note = (!note.trim().is_empty()).then(|| note.to_owned());
    Ok(SpanOutcome {
        edit: Edit::SetNote { id: span.id, note },
        select: Some(span.id),
    })
}

/// Moves one boundary of the selected span by a character or a word.
pub fn resize_span(
    ann: &Annotation,
    selected: Option<SpanId>,
    words: &WordBoundaries,
    resize: SpanResize,
) -> Result<SpanOutcome, SpanCommandError> {
    let span = selected_span(ann, selected)?;
    let (start, stop) = resized_bounds(span, ann.document().char_len(), words, resize)?;
    Ok(SpanOutcome {
        edit: Edit::SetBounds {
            id: span.id,
            start,
            end: stop,
        },
        select: Some(span.id),
    })
}

/// The new `[start, end)` of `span` after one resize step, in a text of `len` code points.
pub fn resized_bounds(
    span: &Span,
    len: usize,
    words: &WordBoundaries,
    resize: SpanResize,
) -> Result<(usize, usize), SpanCommandError> {
    let (start, stop) = (span.start, span.end);
    let moved = match (resize.edge, resize.direction, resize.step) {
        (SpanEdge::Start, ResizeDirection::Grow, ResizeStep::Char) => {
            start.checked_sub(1).ok_or(SpanCommandError::AtTextStart)?
        }
        (SpanEdge::Start, ResizeDirection::Grow, ResizeStep::Word) => {
            if start == 0 {
                return Err(SpanCommandError::AtTextStart);
            }
            words
                .start_before(start)
                .ok_or(SpanCommandError::NoFurtherWord)?
        }
        (SpanEdge::Start, ResizeDirection::Shrink, ResizeStep::Char) => start + 1,
        (SpanEdge::Start, ResizeDirection::Shrink, ResizeStep::Word) => words
            .start_after(start)
            .filter(|&s| s < stop)
            .ok_or(SpanCommandError::WouldBeEmpty)?,
        (SpanEdge::End, ResizeDirection::Grow, ResizeStep::Char) => {
            if stop >= len {
                return Err(SpanCommandError::AtTextEnd);
            }
            stop + 1
        }
        (SpanEdge::End, ResizeDirection::Grow, ResizeStep::Word) => {
            if stop >= len {
                return Err(SpanCommandError::AtTextEnd);
            }
            words
                .end_after(stop)
                .ok_or(SpanCommandError::NoFurtherWord)?
        }
        (SpanEdge::End, ResizeDirection::Shrink, ResizeStep::Char) => stop - 1,
        (SpanEdge::End, ResizeDirection::Shrink, ResizeStep::Word) => words
            .end_before(stop)
            .filter(|&e| e > start)
            .ok_or(SpanCommandError::WouldBeEmpty)?,
    };
    let bounds = match resize.edge {
        SpanEdge::Start => (moved, stop),
        SpanEdge::End => (start, moved),
    };
    if bounds.0 >= bounds.1 {
        return Err(SpanCommandError::WouldBeEmpty);
    }
    Ok(bounds)
}

/// The span after (or before) the selected one in text order. With no span selected, the first
/// span starting at or after `cursor` (or the last one starting before it).
pub fn adjacent_span(
    ann: &Annotation,
    selected: Option<SpanId>,
    cursor: Option<usize>,
    direction: Direction,
) -> Result<SpanId, SpanCommandError> {
    let spans = &ann.spans();
    let current = selected.and_then(|id| spans.iter().position(|span| span.id == id));
    let target = match (current, direction) {
        (Some(i), Direction::Next) => spans.get(i + 1),
        (Some(i), Direction::Previous) => i.checked_sub(1).and_then(|i| spans.get(i)),
        (None, Direction::Next) => {
            let cursor = cursor.unwrap_or(0);
            spans.iter().find(|span| span.start >= cursor)
        }
        (None, Direction::Previous) => {
            let cursor = cursor.unwrap_or(usize::MAX);
            spans.iter().rev().find(|span| span.start < cursor)
        }
    };
    target.map(|span| span.id).ok_or(match direction {
        Direction::Next => SpanCommandError::NoAdjacentSpan("next"),
        Direction::Previous => SpanCommandError::NoAdjacentSpan("previous"),
    })
}

/// The selected span, or why there is none.
pub fn selected_span(
    ann: &Annotation,
    selected: Option<SpanId>,
) -> Result<&Span, SpanCommandError> {
    let id = selected.ok_or(SpanCommandError::NoSpanSelected)?;
    ann.span(id).ok_or(SpanCommandError::SpanGone(id))
}

fn label_name(ann: &Annotation, label_index: usize) -> Result<&str, SpanCommandError> {
    ann.labels()
        .labels
        .get(label_index)
        .map(|label| label.name.as_str())
        .ok_or(SpanCommandError::NoSuchLabel(label_index))
}

#[cfg(test)]
mod tests;

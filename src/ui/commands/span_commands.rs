//! The app's span commands: maps each span [`Command`] onto the core's pure span edits
//! ([`qalam_core::editing`]) and turns the outcome into the [`AppMessage`]s that carry it out.

use std::ops::Range;

use qalam_core::editing::{
    Direction, SpanOutcome, WordBoundaryCache, adjacent_span, delete_span, relabel_span,
    resize_span, tag_selection,
};
use qalam_core::model::{Annotation, SpanId};

use crate::ui::commands::{AppMessage, Command};

/// Carries out a span command against the current state: returns the messages that replace it
/// (`ApplyEdit` then `SelectSpan` — with `ClearSelection` between them after tagging — or
/// `ReportError`/`ReportInfo` with a message for the user), or `None` when
/// `command` is not a span command. Tag, relabel, delete, resize, next and previous are handled
/// here; the note editor is opened by the panels.
pub fn span_command_effects(
    command: Command,
    ann: &Annotation,
    selection: Option<Range<usize>>,
    selected: Option<SpanId>,
    words: &mut WordBoundaryCache,
) -> Option<Vec<AppMessage>> {
    let outcome = match command {
        Command::TagSelection(index) => tag_selection(ann, selection, index),
        Command::RelabelSpan(index) => relabel_span(ann, selected, index),
        Command::DeleteSpan => delete_span(ann, selected),
        Command::ResizeSpan(resize) => {
            let words = words.get(ann.document().text());
            resize_span(ann, selected, words, resize)
        }
        Command::NextSpan | Command::PrevSpan => {
            let direction = if command == Command::NextSpan {
                Direction::Next
            } else {
                Direction::Previous
            };
            let cursor = selection.map(|range| range.start);
            return Some(match adjacent_span(ann, selected, cursor, direction) {
                Ok(id) => vec![AppMessage::SelectSpan(Some(id))],
                Err(err) => vec![AppMessage::ReportInfo(err.to_string())],
            });
        }
        _ => return None,
    };
    Some(match outcome {
        Ok(SpanOutcome { edit, select }) => {
            let mut messages = vec![AppMessage::ApplyEdit(edit)];
            if matches!(command, Command::TagSelection(_)) {
                // The tagged text is now a span: drop the text selection so the next label key
                // relabels the new span instead of tagging the same text twice.
                messages.push(AppMessage::ClearSelection);
            }
            messages.push(AppMessage::SelectSpan(select));
            messages
        }
        // Every refusal of a span command is a slip (nothing selected, nowhere to grow…): a
        // notice in the status bar, not an error banner that pushes the text down.
        Err(err) => vec![AppMessage::ReportInfo(err.to_string())],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use qalam_core::editing::{ResizeDirection, ResizeStep, SpanEdge, SpanResize};
    use qalam_core::model::Edit;
    use qalam_core::model::notation::Case;

    /// `زار بوتين لروسيا` with `روسيا` (code points 11..16) tagged COUNTRY and selected.
    fn clitic_annotation() -> (Annotation, SpanId) {
        let case = Case::parse("زار بوتين ل[روسيا|COUNTRY*]").expect("test notation");
        let id = case.selected_id().expect("a selected span");
        (case.annotation(), id)
    }

    #[test]
    fn span_command_effects_turn_commands_into_edits_or_messages() {
        use AppMessage::{ApplyEdit, ClearSelection, ReportInfo, SelectSpan};
        let (ann, id) = clitic_annotation();
        let mut words = WordBoundaryCache::default();
        let mut run = |command: Command, selection, selected| {
            span_command_effects(command, &ann, selection, selected, &mut words)
        };
        assert_eq!(run(Command::Undo, None, None), None);
        assert_eq!(
            run(Command::TagSelection(0), None, None),
            Some(vec![ReportInfo("Select some text first".into())])
        );
        let tagged = run(Command::TagSelection(0), Some(0..3), None).expect("span command");
        assert!(matches!(&tagged[0], ApplyEdit(Edit::AddSpan(span)) if span.end == 3));
        assert_eq!(tagged[1], ClearSelection);
        assert!(matches!(tagged[2], SelectSpan(Some(_))));
        assert_eq!(tagged.len(), 3);
        assert_eq!(
            run(Command::DeleteSpan, None, Some(id)),
            Some(vec![ApplyEdit(Edit::RemoveSpan(id)), SelectSpan(None)])
        );
        let grow = SpanResize::new(SpanEdge::Start, ResizeDirection::Grow, ResizeStep::Word);
        assert_eq!(
            run(Command::ResizeSpan(grow), None, Some(id)),
            Some(vec![
                ApplyEdit(Edit::SetBounds {
                    id,
                    start: 10,
                    end: 16
                }),
                SelectSpan(Some(id))
            ])
        );
        assert_eq!(
            run(Command::PrevSpan, None, None),
            Some(vec![SelectSpan(Some(id))])
        );
        assert_eq!(
            run(Command::NextSpan, None, Some(id)),
            Some(vec![ReportInfo("No next span".into())])
        );
    }
}

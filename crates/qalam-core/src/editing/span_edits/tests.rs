//! The span commands as `(before, action, after)` cases in span notation.
//!
//! `before` is the state the command sees: `{…}` the text selection (`^` just a caret), `*` the
//! selected span. `after` is the annotation once the command's edit is applied, with `*` on the
//! span the command selects. A command's outcome says nothing about the text selection, so
//! `after` never has one. Label indices are those of the default label set.

use super::*;
use crate::model::notation::{Case, assert_notation};
use ResizeDirection::{Grow, Shrink};
use ResizeStep::{Char, Word};
use SpanEdge::{End, Start};

const PERSON: usize = 0;
const COUNTRY: usize = 1;

/// What a command did: the edit to apply (none for navigation) and the span to select.
struct Effect {
    edit: Option<Edit>,
    select: Option<SpanId>,
}

impl From<SpanOutcome> for Effect {
    fn from(outcome: SpanOutcome) -> Self {
        Self {
            edit: Some(outcome.edit),
            select: outcome.select,
        }
    }
}

/// A command run against the annotation and the state it was built from.
type Action = Box<dyn Fn(&Annotation, &Case) -> Result<Effect, SpanCommandError>>;

/// Tag the text selection.
fn tag(label: usize) -> Action {
    Box::new(move |ann, case| tag_selection(ann, case.selection_range(), label).map(Effect::from))
}

/// A label key or palette click: tag or relabel, whichever applies.
fn label_key(label: usize) -> Action {
    Box::new(move |ann, case| {
        apply_label(ann, case.selection_range(), case.selected_id(), label).map(Effect::from)
    })
}

/// Relabel the selected span.
fn relabel(label: usize) -> Action {
    Box::new(move |ann, case| relabel_span(ann, case.selected_id(), label).map(Effect::from))
}

/// Delete the selected span.
fn delete() -> Action {
    Box::new(|ann, case| delete_span(ann, case.selected_id()).map(Effect::from))
}

/// Set the selected span's note.
fn note(text: &'static str) -> Action {
    Box::new(move |ann, case| set_note(ann, case.selected_id(), text).map(Effect::from))
}

/// Move one edge of the selected span.
fn resize(edge: SpanEdge, direction: ResizeDirection, step: ResizeStep) -> Action {
    Box::new(move |ann, case| {
        let words = WordBoundaries::new(&case.text);
        let resize = SpanResize::new(edge, direction, step);
        resize_span(ann, case.selected_id(), &words, resize).map(Effect::from)
    })
}

/// Select the next or previous span, from the selected span or else from the caret.
fn go(direction: Direction) -> Action {
    Box::new(move |ann, case| {
        adjacent_span(ann, case.selected_id(), case.caret(), direction).map(|id| Effect {
            edit: None,
            select: Some(id),
        })
    })
}

/// Runs `action` on the state `before`, applies its edit and checks the state is `after`.
#[track_caller]
fn check(before: &str, action: Action, after: &str) {
    let case = Case::parse(before).unwrap_or_else(|err| panic!("before {before:?}: {err}"));
    let mut ann = case.annotation();
    let effect = match action(&ann, &case) {
        Ok(effect) => effect,
        Err(err) => panic!("the command on {before} was refused: {err}"),
    };
    if let Some(edit) = effect.edit {
        let described = edit.describe();
        if let Err(err) = ann.apply(edit) {
            panic!("the edit {described} on {before} was refused: {err}");
        }
    }
    assert_notation(&ann, None, effect.select, after);
}

/// Runs `action` on the state `before` and checks it is refused with `error`.
#[track_caller]
fn refused(before: &str, action: Action, error: SpanCommandError) {
    let case = Case::parse(before).unwrap_or_else(|err| panic!("before {before:?}: {err}"));
    let result = action(&case.annotation(), &case).map(|effect| (effect.edit, effect.select));
    assert_eq!(result, Err(error), "on {before}");
}

#[test]
fn tagging_adds_a_span_with_the_label_and_selects_it() {
    check("a{bc}", tag(COUNTRY), "a[bc|COUNTRY*]");
    check(
        "زار {بوتين} لروسيا",
        tag(PERSON),
        "زار [بوتين|PERSON*] لروسيا",
    );
    // Clitics ل و ب stay outside when only the name is selected.
    check(
        "زار بوتين ل{روسيا}",
        tag(COUNTRY),
        "زار بوتين ل[روسيا|COUNTRY*]",
    );
    check(
        "التقى بوتين و{لافروف}",
        tag(PERSON),
        "التقى بوتين و[لافروف|PERSON*]",
    );
    check("مر ب{موسكو}", tag(COUNTRY), "مر ب[موسكو|COUNTRY*]");
    // A backwards selection tags the same range; a span inside another nests.
    check("زار {^بوتين}", tag(PERSON), "زار [بوتين|PERSON*]");
    check(
        "[{كيم} جونغ أون|PERSON]",
        tag(PERSON),
        "[[كيم|PERSON*] جونغ أون|PERSON]",
    );
}

#[test]
fn tagging_needs_a_selection_inside_the_text() {
    refused("abc", tag(PERSON), SpanCommandError::EmptySelection);
    refused("a^bc", tag(PERSON), SpanCommandError::EmptySelection);
    assert_eq!(
        SpanCommandError::EmptySelection.to_string(),
        "Select some text first"
    );
    // Notation cannot write a selection past the text, so this one is passed as a range.
    let ann = Case::parse("abc").unwrap().annotation();
    assert!(matches!(
        tag_selection(&ann, Some(1..9), PERSON),
        Err(SpanCommandError::SelectionOutsideText { len: 3, .. })
    ));
    refused("{a}bc", tag(9), SpanCommandError::NoSuchLabel(9));
}

#[test]
fn label_key_relabels_only_without_a_text_selection() {
    check(
        "زار بوتين ل[روسيا|COUNTRY*]",
        label_key(PERSON),
        "زار بوتين ل[روسيا|PERSON*]",
    );
    // A caret alone is no text selection.
    check(
        "زار ^بوتين ل[روسيا|COUNTRY*]",
        label_key(PERSON),
        "زار بوتين ل[روسيا|PERSON*]",
    );
    check(
        "{زار} بوتين ل[روسيا|COUNTRY*]",
        label_key(PERSON),
        "[زار|PERSON*] بوتين ل[روسيا|COUNTRY]",
    );
    check(
        "زار {بوتين} لروسيا",
        label_key(PERSON),
        "زار [بوتين|PERSON*] لروسيا",
    );
}

#[test]
fn relabel_needs_a_selected_span_and_a_new_label() {
    check(
        "[[كيم|PERSON*] جونغ أون|PERSON]",
        relabel(COUNTRY),
        "[[كيم|COUNTRY*] جونغ أون|PERSON]",
    );
    refused(
        "زار بوتين ل[روسيا|COUNTRY*]",
        relabel(COUNTRY),
        SpanCommandError::AlreadyLabelled("COUNTRY".into()),
    );
    refused(
        "زار بوتين ل[روسيا|COUNTRY]",
        relabel(PERSON),
        SpanCommandError::NoSpanSelected,
    );
    refused(
        "زار بوتين ل[روسيا|COUNTRY*]",
        relabel(9),
        SpanCommandError::NoSuchLabel(9),
    );
}

#[test]
fn delete_removes_the_selected_span_and_clears_the_span_selection() {
    check("زار بوتين ل[روسيا|COUNTRY*]", delete(), "زار بوتين لروسيا");
    check(
        "[[كيم|PERSON*] جونغ أون|PERSON]",
        delete(),
        "[كيم جونغ أون|PERSON]",
    );
    refused(
        "زار بوتين ل[روسيا|COUNTRY]",
        delete(),
        SpanCommandError::NoSpanSelected,
    );
    // An id the annotation does not have (e.g. undone): notation cannot write it.
    let ann = Case::parse("زار بوتين ل[روسيا|COUNTRY]")
        .unwrap()
        .annotation();
    assert_eq!(
        delete_span(&ann, Some(SpanId(999))),
        Err(SpanCommandError::SpanGone(SpanId(999)))
    );
}

#[test]
fn note_sets_or_clears_the_note_and_keeps_the_span_selected() {
    check(
        "زار بوتين ل[روسيا|COUNTRY*]",
        note("check"),
        "زار بوتين ل[روسيا|COUNTRY*]",
    );
    refused(
        "زار بوتين ل[روسيا|COUNTRY]",
        note("check"),
        SpanCommandError::NoSpanSelected,
    );
    // Notation does not show notes: check the edits.
    let case = Case::parse("زار بوتين ل[روسيا|COUNTRY*]").unwrap();
    let ann = case.annotation();
    let id = case.selected_id().expect("a selected span");
    let edit = |text| set_note(&ann, Some(id), text).map(|outcome| outcome.edit);
    assert_eq!(edit("  "), Ok(Edit::SetNote { id, note: None }));
    assert_eq!(
        edit("check"),
        Ok(Edit::SetNote {
            id,
            note: Some("check".into())
        })
    );
}

#[test]
fn edits_keep_the_span_id() {
    let case = Case::parse("زار بوتين ل[روسيا|COUNTRY*]").unwrap();
    let ann = case.annotation();
    let id = case.selected_id().expect("a selected span");
    let relabel = apply_label(&ann, None, Some(id), PERSON).map(|outcome| outcome.edit);
    assert_eq!(
        relabel,
        Ok(Edit::Relabel {
            id,
            label: "PERSON".into()
        })
    );
    assert_eq!(
        delete_span(&ann, Some(id)).map(|outcome| outcome.edit),
        Ok(Edit::RemoveSpan(id))
    );
    let words = WordBoundaries::new(&case.text);
    let grow = SpanResize::new(Start, Grow, Word);
    assert_eq!(
        resize_span(&ann, Some(id), &words, grow),
        Ok(SpanOutcome {
            edit: Edit::SetBounds {
                id,
                start: 10,
                end: 16
            },
            select: Some(id)
        })
    );
}

#[test]
fn growing_the_start_takes_in_the_clitic() {
    check(
        "زار بوتين ل[روسيا|COUNTRY*]",
        resize(Start, Grow, Char),
        "زار بوتين [لروسيا|COUNTRY*]",
    );
    check(
        "زار بوتين ل[روسيا|COUNTRY*]",
        resize(Start, Grow, Word),
        "زار بوتين [لروسيا|COUNTRY*]",
    );
    check(
        "التقى بوتين و[لافروف|PERSON*]",
        resize(Start, Grow, Char),
        "التقى بوتين [ولافروف|PERSON*]",
    );
    // And shrinking it by a character leaves the clitic out again.
    check(
        "مر [بموسكو|COUNTRY*]",
        resize(Start, Shrink, Char),
        "مر ب[موسكو|COUNTRY*]",
    );
}

#[test]
fn word_steps_cross_whole_words() {
    let before = "زار [بوتين|PERSON*] لروسيا";
    check(
        before,
        resize(Start, Grow, Word),
        "[زار بوتين|PERSON*] لروسيا",
    );
    check(
        before,
        resize(End, Grow, Word),
        "زار [بوتين لروسيا|PERSON*]",
    );
    check(
        before,
        resize(End, Shrink, Char),
        "زار [بوتي|PERSON*]ن لروسيا",
    );
    check(
        before,
        resize(Start, Shrink, Char),
        "زار ب[وتين|PERSON*] لروسيا",
    );
    refused(
        before,
        resize(End, Shrink, Word),
        SpanCommandError::WouldBeEmpty,
    );
    refused(
        before,
        resize(Start, Shrink, Word),
        SpanCommandError::WouldBeEmpty,
    );
    check(
        "[زار بوتين|PERSON*] لروسيا",
        resize(Start, Shrink, Word),
        "زار [بوتين|PERSON*] لروسيا",
    );
    check(
        "زار [بوتين لروسيا|PERSON*]",
        resize(End, Shrink, Word),
        "زار [بوتين|PERSON*] لروسيا",
    );
    // From inside a word, a word step goes to that word's start.
    check(
        "زار بو[تين|PERSON*]",
        resize(Start, Grow, Word),
        "زار [بوتين|PERSON*]",
    );
    // Growing over another span nests it.
    check(
        "زار [بوتين|PERSON*] ل[روسيا|COUNTRY]",
        resize(End, Grow, Word),
        "زار [بوتين ل[روسيا|COUNTRY]|PERSON*]",
    );
}

#[test]
fn shrinking_a_one_char_span_is_refused() {
    for edge in [Start, End] {
        refused(
            "a[b|PERSON*]c",
            resize(edge, Shrink, Char),
            SpanCommandError::WouldBeEmpty,
        );
    }
}

#[test]
fn growing_past_the_text_is_refused() {
    let before = "[abc|PERSON*]";
    let cases = [
        (Start, Char, SpanCommandError::AtTextStart),
        (Start, Word, SpanCommandError::AtTextStart),
        (End, Char, SpanCommandError::AtTextEnd),
        (End, Word, SpanCommandError::AtTextEnd),
    ];
    for (edge, step, error) in cases {
        refused(before, resize(edge, Grow, step), error);
    }
}

#[test]
fn resizing_needs_a_selected_span() {
    refused(
        "زار [بوتين|PERSON]",
        resize(End, Grow, Char),
        SpanCommandError::NoSpanSelected,
    );
}

#[test]
fn navigation_follows_text_order() {
    use Direction::{Next, Previous};
    let (first, second, third) = (
        "[a|PERSON*]bc[d|PERSON]ef[g|PERSON]h",
        "[a|PERSON]bc[d|PERSON*]ef[g|PERSON]h",
        "[a|PERSON]bc[d|PERSON]ef[g|PERSON*]h",
    );
    check(first, go(Next), second);
    check(second, go(Previous), first);
    refused(third, go(Next), SpanCommandError::NoAdjacentSpan("next"));
    refused(
        first,
        go(Previous),
        SpanCommandError::NoAdjacentSpan("previous"),
    );
    // With no span selected, from the caret: the first span starting at or after it, or the
    // last one starting before it; with no caret either, the first or the last span.
    check("[a|PERSON]b^c[d|PERSON]ef[g|PERSON]h", go(Next), second);
    check("[a|PERSON]bc[d|PERSON]ef^[g|PERSON]h", go(Previous), second);
    check("[a|PERSON]bc[d|PERSON]ef[g|PERSON]h", go(Next), first);
    check("[a|PERSON]bc[d|PERSON]ef[g|PERSON]h", go(Previous), third);
    check(
        "زار [بوتين|PERSON*] و[لافروف|PERSON] ل[روسيا|COUNTRY]",
        go(Next),
        "زار [بوتين|PERSON] و[لافروف|PERSON*] ل[روسيا|COUNTRY]",
    );
    // Spans starting together: the shorter one comes first.
    check(
        "[[كيم|PERSON] جونغ أون|PERSON*]",
        go(Previous),
        "[[كيم|PERSON*] جونغ أون|PERSON]",
    );
}

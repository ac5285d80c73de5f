//! Test assertions in notation: compare a state with an expected notation and, when they
//! differ, print both notations and what differs in words, not offset tuples alone.

use std::cmp::Reverse;
use std::fmt::Write as _;
use std::ops::Range;

use super::{Case, NotatedSpan, Selection};
use crate::model::{Annotation, SpanId};

/// Asserts that `ann`, with the text `selection` (forwards; `Some(p..p)` is a caret `^`) and
/// the `selected` span, is the state `expected` describes. Pass `None, None` to compare the text
/// and spans alone. On failure it panics with both notations and the differences; a `selected`
/// id that is not in `ann` always fails.
///
/// States are compared, not strings: `[{بوتين}|PERSON]` and `{[بوتين|PERSON]}` are equal, and
/// span order does not matter. The selection's direction does: use [`assert_case`] with
/// [`Selection::from_view`] to check where the caret is.
///
/// ```
/// use qalam_core::model::notation::{assert_notation, Case};
///
/// let case = Case::parse("زار [بوتين|PERSON*] ل[روسيا|COUNTRY]").unwrap();
/// let ann = case.annotation();
/// assert_notation(&ann, None, case.selected_id(), "زار [بوتين|PERSON*] ل[روسيا|COUNTRY]");
/// assert_notation(&ann, Some(11..16), None, "زار [بوتين|PERSON] ل[{روسيا}|COUNTRY]");
/// assert_notation(&ann, None, None, "زار [بوتين|PERSON] ل[روسيا|COUNTRY]");
/// ```
///
/// ```should_panic
/// # use qalam_core::model::notation::{assert_notation, Case};
/// let ann = Case::parse("زار [بوتين|PERSON]").unwrap().annotation();
/// // Panics: "expected: زار [بوتين|COUNTRY]", "  actual: زار [بوتين|PERSON]", and
/// // "only expected: [4, 9) COUNTRY «بوتين»" / "only actual: [4, 9) PERSON «بوتين»".
/// assert_notation(&ann, None, None, "زار [بوتين|COUNTRY]");
/// ```
#[track_caller]
pub fn assert_notation(
    ann: &Annotation,
    selection: Option<Range<usize>>,
    selected: Option<SpanId>,
    expected: &str,
) {
    let actual = Case::from_annotation(ann, selection.map(Selection::forward), selected);
    let dangling = selected.filter(|&id| ann.span(id).is_none());
    check(&actual, dangling, expected);
}

/// Asserts that the state `actual` is the one `expected` describes, selection direction
/// included; see [`assert_notation`].
///
/// ```
/// use qalam_core::model::notation::{assert_case, Case, Selection};
///
/// let ann = Case::parse("لروسيا في حربها").unwrap().annotation();
/// // A view reporting the range 1..6 with the caret at 1 was selected backwards.
/// let selection = Selection::from_view(Some(1..6), 1);
/// assert_case(&Case::from_annotation(&ann, Some(selection), None), "ل{^روسيا} في حربها");
/// ```
#[track_caller]
pub fn assert_case(actual: &Case, expected: &str) {
    check(actual, None, expected);
}

#[track_caller]
fn check(actual: &Case, dangling: Option<SpanId>, expected: &str) {
    let wanted = match Case::parse(expected) {
        Ok(case) => case,
        Err(err) => panic!("the expected notation {expected:?} does not parse: {err}"),
    };
    let mut differences = differences(&wanted, actual);
    if let Some(id) = dangling {
        differences.push(format!("the selected span {id} is not in the annotation"));
    }
    if differences.is_empty() {
        return;
    }
    let mut message = String::from("the state differs from the notation\n");
    let _ = writeln!(message, "expected: {expected}");
    let _ = writeln!(message, "  actual: {actual}");
    for difference in differences {
        let _ = writeln!(message, "  - {difference}");
    }
    panic!("{message}");
}

/// What differs between two states, one line each; empty when they are equal.
fn differences(expected: &Case, actual: &Case) -> Vec<String> {
    let mut out = Vec::new();
    if expected.text != actual.text {
        out.push(format!(
            "text: expected «{}» ({} code points), actual «{}» ({} code points)",
            expected.text,
            expected.text.chars().count(),
            actual.text,
            actual.text.chars().count()
        ));
        // Spans and selections of different texts are not worth comparing.
        return out;
    }
    let text = &expected.text;
    let mut only_expected = sorted(&expected.spans);
    let mut only_actual = Vec::new();
    for span in sorted(&actual.spans) {
        match only_expected.iter().position(|other| *other == span) {
            Some(index) => {
                only_expected.remove(index);
            }
            None => only_actual.push(span),
        }
    }
    for span in only_expected {
        out.push(format!("only expected: {}", describe_span(text, span)));
    }
    for span in only_actual {
        out.push(format!("only actual: {}", describe_span(text, span)));
    }
    if expected.selection != actual.selection {
        out.push(format!(
            "selection: expected {}, actual {}",
            describe_selection(text, expected.selection),
            describe_selection(text, actual.selection)
        ));
    }
    let (want, got) = (expected.selected_span(), actual.selected_span());
    if want != got {
        let describe = |span: Option<&NotatedSpan>| {
            span.map_or_else(|| "none".to_owned(), |span| describe_span(text, span))
        };
        out.push(format!(
            "selected span: expected {}, actual {}",
            describe(want),
            describe(got)
        ));
    }
    out
}

/// Spans by start, longer first, then label.
fn sorted(spans: &[NotatedSpan]) -> Vec<&NotatedSpan> {
    let mut spans: Vec<&NotatedSpan> = spans.iter().collect();
    spans.sort_by(|a, b| (a.0, Reverse(a.1), &a.2).cmp(&(b.0, Reverse(b.1), &b.2)));
    spans
}

/// `[4, 9) PERSON «بوتين»`.
fn describe_span(text: &str, (start, end, label): &NotatedSpan) -> String {
    format!("[{start}, {end}) {label} «{}»", slice(text, *start..*end))
}

/// `[4, 9) «بوتين», caret at 9`, `caret at 4` or `none`.
fn describe_selection(text: &str, selection: Option<Selection>) -> String {
    match selection {
        None => "none".to_owned(),
        Some(selection) if selection.is_empty() => format!("caret at {}", selection.caret),
        Some(selection) => {
            let range = selection.range();
            format!(
                "[{}, {}) «{}», caret at {}",
                range.start,
                range.end,
                slice(text, range.clone()),
                selection.caret
            )
        }
    }
}

/// The code points `range` of `text`, clipped to the text.
fn slice(text: &str, range: Range<usize>) -> String {
    text.chars()
        .skip(range.start)
        .take(range.end.saturating_sub(range.start))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(notation: &str) -> Case {
        Case::parse(notation).unwrap()
    }

    fn failure(run: impl FnOnce() + std::panic::UnwindSafe) -> String {
        let payload = std::panic::catch_unwind(run).expect_err("the assertion should fail");
        match payload.downcast::<String>() {
            Ok(message) => *message,
            Err(payload) => payload
                .downcast::<&str>()
                .map(|s| s.to_string())
                .unwrap_or_default(),
        }
    }

    #[test]
    fn equal_states_written_differently_pass() {
        let ann = case("زار [بوتين|PERSON]").annotation();
        assert_notation(&ann, Some(4..9), None, "زار [{بوتين}|PERSON]");
        assert_notation(&ann, Some(4..9), None, "زار {[بوتين|PERSON]}");
        assert_notation(&ann, Some(4..9), None, "زار {[بوتين|PERSON]^}");
    }

    #[test]
    fn a_failure_prints_both_notations_and_the_differences() {
        let ann = case("زار [بوتين|PERSON] لروسيا").annotation();
        let message = failure(|| {
            assert_notation(
                &ann,
                Some(11..16),
                None,
                "زار [بوتين|PERSON*] ل[روسيا|COUNTRY]",
            )
        });
        assert!(
            message.contains("expected: زار [بوتين|PERSON*] ل[روسيا|COUNTRY]"),
            "{message}"
        );
        assert!(
            message.contains("  actual: زار [بوتين|PERSON] ل{روسيا}"),
            "{message}"
        );
        assert!(
            message.contains("only expected: [11, 16) COUNTRY «روسيا»"),
            "{message}"
        );
        assert!(
            message.contains("selection: expected none, actual [11, 16) «روسيا», caret at 16"),
            "{message}"
        );
        assert!(
            message.contains("selected span: expected [4, 9) PERSON «بوتين», actual none"),
            "{message}"
        );
    }

    #[test]
    fn a_dangling_selected_id_fails() {
        let ann = case("[a|X]").annotation();
        let message = failure(|| assert_notation(&ann, None, Some(SpanId(7)), "[a|X]"));
        assert!(
            message.contains("the selected span #7 is not in the annotation"),
            "{message}"
        );
    }

    #[test]
    fn direction_and_text_differences_are_reported() {
        let backward = case("ل{^روسيا}");
        assert_case(&backward, "ل{^روسيا}");
        let message = failure(|| assert_case(&backward, "ل{روسيا}"));
        assert!(
            message
                .contains("expected [1, 6) «روسيا», caret at 6, actual [1, 6) «روسيا», caret at 1"),
            "{message}"
        );
        let message = failure(|| assert_case(&case("ab"), "abc"));
        assert!(
            message.contains("text: expected «abc» (3 code points)"),
            "{message}"
        );
    }

    #[test]
    fn a_bad_expected_notation_says_so() {
        let message = failure(|| assert_case(&case("ab"), "a]"));
        assert!(message.contains("does not parse"), "{message}");
    }
}

//! Rendering text and code-point spans as span notation.

use std::cmp::Reverse;
use std::convert::Infallible;

use super::{Case, RenderError, SELECTED, Selection, is_special};

/// Writes `text` with `spans` `(start, end, label)` as notation. Never fails: spans that are
/// empty, reach past the text or have an empty label are left out, and a span crossing an earlier one is split where
/// the earlier one closes (see the [module docs](super)). Use [`try_render`] to be told instead.
///
/// ```
/// use qalam_core::model::notation::render;
///
/// let spans = [(4, 9, "PERSON".to_owned()), (11, 16, "COUNTRY".to_owned())];
/// assert_eq!(render("زار بوتين لروسيا", &spans), "زار [بوتين|PERSON] ل[روسيا|COUNTRY]");
/// assert_eq!(render("a|b", &[]), r"a\|b");
/// // Crossing spans: B = [1, 3) is split into [1, 2) and [2, 3).
/// let crossing = [(0, 2, "A".to_owned()), (1, 3, "B".to_owned())];
/// assert_eq!(render("xyz", &crossing), "[x[y|B]|A][z|B]");
/// ```
pub fn render(text: &str, spans: &[(usize, usize, String)]) -> String {
    let lenient: Result<String, Infallible> =
        write_notation(text, spans, Marks::default(), |_| Ok(()));
    match lenient {
        Ok(notation) => notation,
        Err(never) => match never {},
    }
}

/// Like [`render`], but refuses spans that are empty, outside the text, unlabelled, or cross
/// another span,
/// so that `parse(&try_render(text, spans)?)` gives back `text` and exactly these spans (ordered
/// by start, longer first, ties in input order).
pub fn try_render(text: &str, spans: &[(usize, usize, String)]) -> Result<String, RenderError> {
    write_notation(text, spans, Marks::default(), Err)
}

/// [`Case::render`]: lenient, with the selection markers.
pub(super) fn render_case(case: &Case) -> String {
    let lenient: Result<String, Infallible> =
        write_notation(&case.text, &case.spans, Marks::of(case), |_| Ok(()));
    match lenient {
        Ok(notation) => notation,
        Err(never) => match never {},
    }
}

/// [`Case::try_render`].
pub(super) fn try_render_case(case: &Case) -> Result<String, RenderError> {
    write_notation(&case.text, &case.spans, Marks::of(case), Err)
}

/// The selection markers to write.
#[derive(Default)]
struct Marks {
    selection: Option<Selection>,
    selected: Option<usize>,
}

impl Marks {
    fn of(case: &Case) -> Self {
        Self {
            selection: case.selection,
            selected: case.selected,
        }
    }
}

/// Renders, passing each problem to `report`: an error from it stops rendering, `Ok` means
/// "use the documented fallback".
fn write_notation<E>(
    text: &str,
    spans: &[(usize, usize, String)],
    marks: Marks,
    report: impl Fn(RenderError) -> Result<(), E>,
) -> Result<String, E> {
    let len = text.chars().count();
    let mut order = Vec::with_capacity(spans.len());
    for (index, (start, end, label)) in spans.iter().enumerate() {
        if start >= end || *end > len {
            report(RenderError::InvalidSpan {
                index,
                start: *start,
                end: *end,
                len,
            })?;
        } else if label.is_empty() {
            report(RenderError::EmptyLabel { index })?;
        } else {
            order.push(index);
        }
    }
    order.sort_by_key(|&index| (spans[index].0, Reverse(spans[index].1)));
    let mut selection = marks.selection.map(|selection| selection.range());
    if let Some(range) = selection.clone().filter(|range| range.end > len) {
        report(RenderError::SelectionOutsideText {
            start: range.start,
            end: range.end,
            len,
        })?;
        selection = None;
    }
    let backward = marks.selection.is_some_and(|s| s.is_backward());
    // The selected span gets its `*` once, on its first piece if it is split.
    let mut star = marks.selected;
    if let Some(index) = star.filter(|&index| index >= spans.len()) {
        report(RenderError::NoSuchSpan {
            index,
            count: spans.len(),
        })?;
        star = None;
    }

    let mut out = String::with_capacity(text.len() + spans.len() * 12 + 3);
    let mut open: Vec<usize> = Vec::new();
    let mut pending = order.into_iter().peekable();
    let mut chars = text.chars();
    for cp in 0..=len {
        // Close every span ending here; a span above it that goes on is closed and reopened.
        let mut reopen = Vec::new();
        while open.iter().any(|&index| spans[index].1 == cp) {
            let Some(top) = open.pop() else { break };
            if spans[top].1 != cp {
                if let Some(&ending) = open.iter().find(|&&i| spans[i].1 == cp) {
                    report(RenderError::Crossing {
                        first: ending,
                        second: top,
                    })?;
                }
                reopen.push(top);
            }
            let starred = star == Some(top);
            if starred {
                star = None;
            }
            close(&mut out, &spans[top].2, starred);
        }
        // The selection sits outside the spans that share its ends.
        if let Some(range) = &selection {
            if range.end == cp && !range.is_empty() {
                out.push('}');
            }
            if range.start == cp {
                out.push_str(match (range.is_empty(), backward) {
                    (true, _) => "^",
                    (false, true) => "{^",
                    (false, false) => "{",
                });
            }
        }
        // Open the reopened pieces and the spans starting here, longest first so they nest.
        let mut opening: Vec<usize> = reopen.into_iter().rev().collect();
        while let Some(index) = pending.next_if(|&index| spans[index].0 == cp) {
            opening.push(index);
        }
        opening.sort_by_key(|&index| Reverse(spans[index].1));
        for index in opening {
            out.push('[');
            open.push(index);
        }
        if let Some(c) = chars.next() {
            push_escaped(&mut out, c);
        }
    }
    Ok(out)
}

/// Writes `|label]`, or `|label*]` for the selected span.
fn close(out: &mut String, label: &str, selected: bool) {
    out.push('|');
    for c in label.chars() {
        if c == SELECTED {
            out.push('\\');
        }
        push_escaped(out, c);
    }
    if selected {
        out.push(SELECTED);
    }
    out.push(']');
}

/// Writes `c`, with a backslash first if it is special.
fn push_escaped(out: &mut String, c: char) {
    if is_special(c) {
        out.push('\\');
    }
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::super::test_support::owned;
    use super::*;
    use crate::model::notation::Selection;

    #[test]
    fn nested_spans_round_trip() {
        let text = "كيم جونغ أون";
        let spans = owned(&[(0, 3, "PERSON"), (0, 12, "PERSON"), (4, 8, "X")]);
        let notation = try_render(text, &spans).unwrap();
        assert_eq!(notation, "[[كيم|PERSON] [جونغ|X] أون|PERSON]");
        let (back, parsed) = parse(&notation).unwrap();
        assert_eq!(back, text);
        assert_eq!(
            parsed,
            owned(&[(0, 12, "PERSON"), (0, 3, "PERSON"), (4, 8, "X")])
        );
    }

    #[test]
    fn identical_ranges_keep_input_order() {
        let spans = owned(&[(0, 1, "B"), (0, 1, "A")]);
        let notation = try_render("x", &spans).unwrap();
        assert_eq!(notation, "[[x|A]|B]");
        assert_eq!(parse(&notation).unwrap().1, spans);
    }

    #[test]
    fn specials_in_text_and_labels_are_escaped() {
        let spans = owned(&[(0, 3, "A|B")]);
        let notation = render(r"[\]x", &spans);
        assert_eq!(notation, r"[\[\\\]|A\|B]x");
        assert_eq!(parse(&notation).unwrap(), (r"[\]x".to_owned(), spans));
    }

    #[test]
    fn try_render_refuses_crossing_spans() {
        let spans = owned(&[(1, 3, "B"), (0, 2, "A")]);
        assert_eq!(
            try_render("xyz", &spans),
            Err(RenderError::Crossing {
                first: 1,
                second: 0
            })
        );
    }

    #[test]
    fn render_splits_crossing_span_and_keeps_text() {
        let spans = owned(&[(0, 3, "A"), (2, 5, "B"), (4, 6, "C")]);
        let notation = render("abcdef", &spans);
        let (text, pieces) = parse(&notation).unwrap();
        assert_eq!(text, "abcdef");
        // Every code point keeps the labels it had.
        for cp in 0..6 {
            let mut want: Vec<_> = spans
                .iter()
                .filter(|s| s.0 <= cp && cp < s.1)
                .map(|s| s.2.as_str())
                .collect();
            let mut got: Vec<_> = pieces
                .iter()
                .filter(|s| s.0 <= cp && cp < s.1)
                .map(|s| s.2.as_str())
                .collect();
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, want, "code point {cp} in {notation}");
        }
    }

    #[test]
    fn invalid_spans_are_refused_or_left_out() {
        let spans = owned(&[(1, 1, "E"), (0, 4, "X"), (0, 1, "A")]);
        assert_eq!(
            try_render("abc", &spans),
            Err(RenderError::InvalidSpan {
                index: 0,
                start: 1,
                end: 1,
                len: 3
            })
        );
        assert_eq!(render("abc", &spans), "[a|A]bc");
    }

    fn case(text: &str, spans: &[(usize, usize, &str)]) -> Case {
        Case {
            text: text.to_owned(),
            spans: owned(spans),
            ..Case::default()
        }
    }

    #[test]
    fn selection_and_selected_span_round_trip() {
        let notations = [
            "زار {بوتين} ل[روسيا|COUNTRY*]",
            "زار {^بوتين} لروسيا",
            "زار ^بوتين",
            "زار بوتين^",
            "^",
            "{[بوتين|PERSON]} لروسيا",
            "[بو{تين|PERSON] ر}وسيا",
            "[[كيم|PERSON*] جونغ أون|PERSON]",
            r"\{\^\}[a*|X\*\{*]",
        ];
        for notation in notations {
            let parsed = Case::parse(notation).unwrap();
            assert_eq!(parsed.try_render().as_deref(), Ok(notation));
        }
    }

    #[test]
    fn the_selection_goes_outside_spans_sharing_its_ends() {
        let mut state = case("زار بوتين", &[(4, 9, "PERSON")]);
        state.selection = Some(Selection::forward(4..9));
        assert_eq!(state.render(), "زار {[بوتين|PERSON]}");
        state.selection = Some(Selection::backward(4..9));
        assert_eq!(state.render(), "زار {^[بوتين|PERSON]}");
        state.selection = Some(Selection::caret_at(9));
        assert_eq!(state.render(), "زار [بوتين|PERSON]^");
    }

    #[test]
    fn bad_selection_marks_are_refused_or_left_out() {
        let mut state = case("ab", &[(0, 1, "X")]);
        state.selection = Some(Selection::forward(1..5));
        assert_eq!(
            state.try_render(),
            Err(RenderError::SelectionOutsideText {
                start: 1,
                end: 5,
                len: 2
            })
        );
        assert_eq!(state.render(), "[a|X]b");
        state.selection = None;
        state.selected = Some(3);
        assert_eq!(
            state.try_render(),
            Err(RenderError::NoSuchSpan { index: 3, count: 1 })
        );
        assert_eq!(state.render(), "[a|X]b");
    }

    #[test]
    fn a_split_selected_span_is_starred_once() {
        let mut state = case("xyz", &[(0, 2, "A"), (1, 3, "B")]);
        state.selected = Some(1);
        let notation = state.render();
        assert_eq!(notation, "[x[y|B*]|A][z|B]");
        assert!(Case::parse(&notation).is_ok());
    }

    #[test]
    fn empty_label_is_refused_or_left_out() {
        let spans = owned(&[(0, 1, ""), (1, 2, "B")]);
        assert_eq!(
            try_render("ab", &spans),
            Err(RenderError::EmptyLabel { index: 0 })
        );
        assert_eq!(render("ab", &spans), "a[b|B]");
    }
}

//! Parsing span notation into text and code-point spans.

use super::{Case, NotatedSpan, NotationError, SELECTED, Selection, is_escapable};

/// A span whose `]` has not been read yet.
struct OpenSpan {
    /// Code-point offset in the output text where it starts.
    start: usize,
    /// Column of its `[` in the notation.
    column: usize,
    /// Position among all spans by opening bracket.
    order: usize,
    /// The label read so far, once its `|` has been seen.
    label: Option<String>,
}

/// Parses `s` into its plain text and its spans `(start, end, label)` in code points, listed in
/// the order of their opening brackets (so an enclosing span comes before the spans inside it).
/// Selection markers (`{`, `^`, a label's final `*`) are refused here: [`Case::parse`] reads
/// them.
///
/// ```
/// use qalam_core::model::notation::{parse, NotationError};
///
/// // "ل[روسيا|COUNTRY]": لروسيا has 6 code points; روسيا is [1, 6).
/// let (text, spans) = parse("ل[روسيا|COUNTRY]").unwrap();
/// assert_eq!((text.as_str(), spans), ("لروسيا", vec![(1, 6, "COUNTRY".to_owned())]));
/// // Column 6 is the `|` outside any span (columns count code points from 0).
/// assert_eq!(parse("بوتين | x"), Err(NotationError::StrayBar { column: 6 }));
/// assert_eq!(
///     parse("زار {بوتين}"),
///     Err(NotationError::SelectionMarker { column: 4, found: '{' })
/// );
/// ```
pub fn parse(s: &str) -> Result<(String, Vec<NotatedSpan>), NotationError> {
    let parsed = parse_case(s)?;
    if let Some((column, found)) = parsed.first_marker {
        return Err(NotationError::SelectionMarker { column, found });
    }
    Ok((parsed.case.text, parsed.case.spans))
}

/// A parsed [`Case`], and where its first selection or selected-span marker was.
pub(super) struct Parsed {
    /// The state.
    pub(super) case: Case,
    /// Column and character of the first `{`, `^` or selected-span `*`.
    pub(super) first_marker: Option<(usize, char)>,
}

/// The selection markers read so far.
#[derive(Default)]
struct Marks {
    /// Column and start of a `{` not yet closed.
    open: Option<(usize, usize)>,
    /// Column and position of a `^`.
    caret: Option<(usize, usize)>,
    /// The selection, once its `}` is read.
    closed: Option<Selection>,
    /// Opening order of the span marked `*`.
    selected: Option<usize>,
    /// Column and character of the first marker.
    first: Option<(usize, char)>,
}

impl Marks {
    fn note(&mut self, column: usize, c: char) {
        self.first.get_or_insert((column, c));
    }

    /// A `{` at `column`, text position `len`.
    fn open(&mut self, column: usize, len: usize) -> Result<(), NotationError> {
        if self.open.is_some() || self.caret.is_some() || self.closed.is_some() {
            return Err(NotationError::DuplicateMarker { column, found: '{' });
        }
        self.note(column, '{');
        self.open = Some((column, len));
        Ok(())
    }

    /// A `}` at `column`, text position `len`.
    fn close(&mut self, column: usize, len: usize) -> Result<(), NotationError> {
        let Some((open, start)) = self.open.take() else {
            return Err(NotationError::UnmatchedSelectionClose { column });
        };
        if start == len {
            return Err(NotationError::EmptySelection { column: open });
        }
        let range = start..len;
        self.closed = Some(match self.caret.take() {
            Some((_, cp)) if cp == start => Selection::backward(range),
            Some((_, cp)) if cp == len => Selection::forward(range),
            Some((column, _)) => return Err(NotationError::CaretInsideSelection { column }),
            None => Selection::forward(range),
        });
        Ok(())
    }

    /// A `^` at `column`, text position `len`.
    fn caret(&mut self, column: usize, len: usize) -> Result<(), NotationError> {
        if self.caret.is_some() || self.closed.is_some() {
            return Err(NotationError::DuplicateMarker { column, found: '^' });
        }
        self.note(column, '^');
        self.caret = Some((column, len));
        Ok(())
    }

    /// A `*` ending the label of the span opened `order`-th.
    fn select(&mut self, column: usize, order: usize) -> Result<(), NotationError> {
        if self.selected.is_some() {
            return Err(NotationError::DuplicateMarker {
                column,
                found: SELECTED,
            });
        }
        self.note(column, SELECTED);
        self.selected = Some(order);
        Ok(())
    }

    /// The selection once the whole notation is read.
    fn finish(self) -> Result<(Option<Selection>, Option<usize>), NotationError> {
        if let Some((column, _)) = self.open {
            return Err(NotationError::UnclosedSelection { column });
        }
        let selection = self
            .closed
            .or_else(|| self.caret.map(|(_, cp)| Selection::caret_at(cp)));
        Ok((selection, self.selected))
    }
}

/// Parses a notation with selection markers; see the [module docs](super).
pub(super) fn parse_case(s: &str) -> Result<Parsed, NotationError> {
    let mut text = String::with_capacity(s.len());
    let mut len = 0;
    let mut open: Vec<OpenSpan> = Vec::new();
    let mut closed: Vec<(usize, NotatedSpan)> = Vec::new();
    let mut opened = 0;
    let mut marks = Marks::default();
    let mut chars = s.chars().enumerate().peekable();
    while let Some((column, c)) = chars.next() {
        let in_label = open.last().is_some_and(|span| span.label.is_some());
        let literal = match c {
            '\\' => match chars.next() {
                None => return Err(NotationError::DanglingEscape { column }),
                Some((_, escaped)) if is_escapable(escaped) => escaped,
                Some((_, found)) => return Err(NotationError::BadEscape { column, found }),
            },
            '[' | '|' if in_label => {
                return Err(NotationError::UnexpectedInLabel { column, found: c });
            }
            SELECTED if in_label && chars.peek().is_some_and(|&(_, next)| next == ']') => {
                if let Some(span) = open.last() {
                    marks.select(column, span.order)?;
                }
                continue;
            }
            '{' if !in_label => {
                marks.open(column, len)?;
                continue;
            }
            '}' if !in_label => {
                marks.close(column, len)?;
                continue;
            }
            '^' if !in_label => {
                marks.caret(column, len)?;
                continue;
            }
            '[' => {
                open.push(OpenSpan {
                    start: len,
                    column,
                    order: opened,
                    label: None,
                });
                opened += 1;
                continue;
            }
            '|' => {
                let Some(span) = open.last_mut() else {
                    return Err(NotationError::StrayBar { column });
                };
                if span.start == len {
                    return Err(NotationError::EmptySpan {
                        column: span.column,
                    });
                }
                span.label = Some(String::new());
                continue;
            }
            ']' => {
                let Some(span) = open.pop() else {
                    return Err(NotationError::UnmatchedClose { column });
                };
                match span.label {
                    None => {
                        return Err(NotationError::MissingLabel {
                            column,
                            open: span.column,
                        });
                    }
                    Some(label) if label.is_empty() => {
                        return Err(NotationError::EmptyLabel { column });
                    }
                    Some(label) => closed.push((span.order, (span.start, len, label))),
                }
                continue;
            }
            _ => c,
        };
        match open.last_mut().and_then(|span| span.label.as_mut()) {
            Some(label) => label.push(literal),
            None => {
                text.push(literal);
                len += 1;
            }
        }
    }
    if let Some(span) = open.last() {
        return Err(NotationError::Unclosed {
            column: span.column,
        });
    }
    let first_marker = marks.first;
    let (selection, selected) = marks.finish()?;
    // Every span is closed, so sorted by opening order each one's index is its order.
    closed.sort_by_key(|(order, _)| *order);
    Ok(Parsed {
        case: Case {
            text,
            spans: closed.into_iter().map(|(_, span)| span).collect(),
            selection,
            selected,
        },
        first_marker,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::notation::Case;
    use crate::model::notation::test_support::owned;

    fn spans(s: &str) -> Vec<(usize, usize, String)> {
        parse(s).unwrap().1
    }

    #[test]
    fn parses_the_brief_example() {
        let (text, found) = parse("زار [بوتين|PERSON] ل[روسيا|COUNTRY]").unwrap();
        assert_eq!(text, "زار بوتين لروسيا");
        assert_eq!(found, owned(&[(4, 9, "PERSON"), (11, 16, "COUNTRY")]));
    }

    #[test]
    fn harakat_emoji_and_crlf_are_one_code_point_each() {
        let (text, found) = parse("مُ\r\n[😀|E]").unwrap();
        assert_eq!(text, "مُ\r\n😀");
        assert_eq!(found, owned(&[(4, 5, "E")]));
    }

    #[test]
    fn same_start_spans_list_the_outer_first() {
        assert_eq!(
            spans("[[a|X]b|Y][c|Z]"),
            owned(&[(0, 2, "Y"), (0, 1, "X"), (2, 3, "Z")])
        );
    }

    #[test]
    fn escaped_specials_inside_labels() {
        assert_eq!(spans(r"[x|A\|B\]]"), owned(&[(0, 1, r"A|B]")]));
    }

    #[test]
    fn errors_name_their_columns() {
        use NotationError::*;
        let cases = [
            ("ab]", UnmatchedClose { column: 2 }),
            ("a|b", StrayBar { column: 1 }),
            ("[a|X", Unclosed { column: 0 }),
            ("[[a|X]", Unclosed { column: 0 }),
            ("x[|X]", EmptySpan { column: 1 }),
            ("[a|]", EmptyLabel { column: 3 }),
            (
                "[a|X|Y]",
                UnexpectedInLabel {
                    column: 4,
                    found: '|',
                },
            ),
            (
                "[a|X[",
                UnexpectedInLabel {
                    column: 4,
                    found: '[',
                },
            ),
            (
                r"a\n",
                BadEscape {
                    column: 1,
                    found: 'n',
                },
            ),
            ("ab\\", DanglingEscape { column: 2 }),
            ("بوتين]", UnmatchedClose { column: 5 }),
        ];
        for (input, expected) in cases {
            assert_eq!(parse(input), Err(expected), "input {input:?}");
        }
    }

    fn case(s: &str) -> Case {
        parse_case(s).unwrap().case
    }

    #[test]
    fn selection_markers_take_no_room_in_the_text() {
        let parsed = case("زار {بوتين} ل[روسيا|COUNTRY*]");
        assert_eq!(parsed.text, "زار بوتين لروسيا");
        assert_eq!(parsed.spans, owned(&[(11, 16, "COUNTRY")]));
        assert_eq!(parsed.selection, Some(Selection::forward(4..9)));
        assert_eq!(parsed.selected, Some(0));
    }

    #[test]
    fn caret_marks_direction_or_an_empty_selection() {
        let at = |s| case(s).selection;
        assert_eq!(at("زار {^بوتين}"), Some(Selection::backward(4..9)));
        assert_eq!(at("زار {بوتين^}"), Some(Selection::forward(4..9)));
        assert_eq!(at("زار ^بوتين"), Some(Selection::caret_at(4)));
        assert_eq!(at("زار بوتين^"), Some(Selection::caret_at(9)));
        assert_eq!(at("زار بوتين"), None);
        // Zero-width markup between the caret and the brace does not matter.
        assert_eq!(at("{[^ab|X]}"), Some(Selection::backward(0..2)));
    }

    #[test]
    fn selection_may_cut_through_brackets() {
        let parsed = case("[بو{تين|PERSON] ر}وسيا");
        assert_eq!(parsed.selection, Some(Selection::forward(2..7)));
        assert_eq!(parsed.spans, owned(&[(0, 5, "PERSON")]));
    }

    #[test]
    fn the_selected_span_is_counted_in_opening_order() {
        let parsed = case("[[كيم|PERSON*] جونغ أون|PERSON]");
        assert_eq!(parsed.selected, Some(1));
        assert_eq!(case("[[كيم|PERSON] جونغ أون|PERSON*]").selected, Some(0));
    }

    #[test]
    fn marker_characters_escape_and_stay_literal_where_unambiguous() {
        let parsed = case(r"\{a\}\^b\*c*");
        assert_eq!(parsed.text, "{a}^b*c*");
        assert_eq!(parsed.selection, None);
        // In a label only a `*` right before `]` marks; braces and carets are literal.
        let parsed = case(r"[x|A*B{^}][y|C\*]");
        assert_eq!(parsed.spans, owned(&[(0, 1, "A*B{^}"), (1, 2, "C*")]));
        assert_eq!(parsed.selected, None);
        assert_eq!(parse(r"\{x\^"), Ok(("{x^".to_owned(), vec![])));
    }

    #[test]
    fn selection_errors_name_their_columns() {
        use NotationError::*;
        let cases = [
            ("a{b", UnclosedSelection { column: 1 }),
            ("ab}", UnmatchedSelectionClose { column: 2 }),
            ("a{}b", EmptySelection { column: 1 }),
            (
                "{a}{b}",
                DuplicateMarker {
                    column: 3,
                    found: '{',
                },
            ),
            (
                "^a^",
                DuplicateMarker {
                    column: 2,
                    found: '^',
                },
            ),
            (
                "^{a}",
                DuplicateMarker {
                    column: 1,
                    found: '{',
                },
            ),
            (
                "{a}^",
                DuplicateMarker {
                    column: 3,
                    found: '^',
                },
            ),
            (
                "[a|X*][b|Y*]",
                DuplicateMarker {
                    column: 10,
                    found: '*',
                },
            ),
            ("{a^bc}", CaretInsideSelection { column: 2 }),
            ("[a|*]", EmptyLabel { column: 4 }),
            ("[a|X]{", UnclosedSelection { column: 5 }),
        ];
        for (input, expected) in cases {
            assert_eq!(
                parse_case(input).map(|parsed| parsed.case),
                Err(expected),
                "input {input:?}"
            );
        }
    }

    #[test]
    fn plain_parse_refuses_the_first_marker() {
        use NotationError::SelectionMarker;
        let refused = |s| parse(s).unwrap_err();
        assert_eq!(
            refused("ab^"),
            SelectionMarker {
                column: 2,
                found: '^'
            }
        );
        assert_eq!(
            refused("[a|X*]{b}"),
            SelectionMarker {
                column: 4,
                found: '*'
            }
        );
        let message = refused("a{b}").to_string();
        assert!(message.contains("Case::parse"), "{message}");
    }

    #[test]
    fn error_messages_are_readable() {
        let message = parse("زار [بوتين").unwrap_err().to_string();
        assert!(message.contains("column 4"), "{message}");
        assert!(message.contains("never closed"), "{message}");
    }
}

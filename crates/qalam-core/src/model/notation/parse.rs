//! Parsing span notation into text and code-point spans.

use super::{NotatedSpan, NotationError, is_special};

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
///
/// ```
/// use qalam_core::model::notation::{parse, NotationError};
///
/// // "ل[روسيا|COUNTRY]": لروسيا has 6 code points; روسيا is [1, 6).
/// let (text, spans) = parse("ل[روسيا|COUNTRY]").unwrap();
/// assert_eq!((text.as_str(), spans), ("لروسيا", vec![(1, 6, "COUNTRY".to_owned())]));
/// // Column 6 is the `|` outside any span (columns count code points from 0).
/// assert_eq!(parse("بوتين | x"), Err(NotationError::StrayBar { column: 6 }));
/// ```
pub fn parse(s: &str) -> Result<(String, Vec<NotatedSpan>), NotationError> {
    let mut text = String::with_capacity(s.len());
    let mut len = 0;
    let mut open: Vec<OpenSpan> = Vec::new();
    let mut closed: Vec<(usize, NotatedSpan)> = Vec::new();
    let mut opened = 0;
    let mut chars = s.chars().enumerate();
    while let Some((column, c)) = chars.next() {
        let in_label = open.last().is_some_and(|span| span.label.is_some());
        let literal = match c {
            '\\' => match chars.next() {
                None => return Err(NotationError::DanglingEscape { column }),
                Some((_, escaped)) if is_special(escaped) => escaped,
                Some((_, found)) => return Err(NotationError::BadEscape { column, found }),
            },
            '[' | '|' if in_label => {
                return Err(NotationError::UnexpectedInLabel { column, found: c });
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
    closed.sort_by_key(|(order, _)| *order);
    Ok((text, closed.into_iter().map(|(_, span)| span).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test]
    fn error_messages_are_readable() {
        let message = parse("زار [بوتين").unwrap_err().to_string();
        assert!(message.contains("column 4"), "{message}");
        assert!(message.contains("never closed"), "{message}");
    }
}

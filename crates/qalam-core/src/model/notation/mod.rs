//! A compact span notation for tests, docs and bug reports: `زار [بوتين|PERSON] ل[روسيا|COUNTRY]`.
//!
//! `[text|LABEL]` marks `text` as a span labelled `LABEL`. Spans nest:
//! `[[كيم|PERSON] جونغ أون|PERSON]`. A backslash makes the next `[`, `]`, `|` or `\` literal,
//! in text and labels alike (and `{ } ^ *`, see [below](#selection-and-selected-span)); any
//! other escape is an error. Everything else (newlines, `\r\n`, harakat, emoji) is text as it
//! is.
//!
//! Offsets are code points into the text *without* the markup, half-open `[start, end)`:
//!
//! ```
//! use qalam_core::model::notation::{parse, render};
//!
//! // لروسيا has 6 code points; روسيا inside it is [1, 6).
//! let (text, spans) = parse("ل[روسيا|COUNTRY]").unwrap();
//! assert_eq!(text, "لروسيا");
//! assert_eq!(spans, [(1, 6, "COUNTRY".to_owned())]);
//!
//! // Nested: the outer span opens first, so it is listed first.
//! let (text, spans) = parse("[[كيم|PERSON] جونغ أون|PERSON]").unwrap();
//! assert_eq!(text.chars().count(), 12);
//! assert_eq!(spans, [(0, 12, "PERSON".to_owned()), (0, 3, "PERSON".to_owned())]);
//! assert_eq!(render(&text, &spans), "[[كيم|PERSON] جونغ أون|PERSON]");
//!
//! // Escapes: the text is "a[1]|b\".
//! let (text, spans) = parse(r"[a\[1\]|X]\|b\\").unwrap();
//! assert_eq!(text, r"a[1]|b\");
//! assert_eq!(spans, [(0, 4, "X".to_owned())]);
//! ```
//!
//! Errors name the code-point column (0-based, counted in the notation string itself):
//!
//! ```
//! use qalam_core::model::notation::{parse, NotationError};
//!
//! assert_eq!(parse("زار [بوتين"), Err(NotationError::Unclosed { column: 4 }));
//! assert_eq!(parse("[بوتين]"), Err(NotationError::MissingLabel { column: 6, open: 0 }));
//! ```
//!
//! [`render`] is the inverse of [`parse`] for spans that nest properly (any two spans are either
//! disjoint or one contains the other). Crossing spans such as `[0, 5)` and `[3, 8)` cannot be
//! written as nested brackets: [`try_render`] refuses them, and [`render`] falls back to
//! splitting the later span where the earlier one closes (`[..[..|B]|A][..|B]`), so parsing the
//! result gives the same text but that span in two pieces. [`render`] leaves out spans that are
//! empty, reach past the text or have an empty label; [`try_render`] refuses them.
//!
//! # Selection and selected span
//!
//! A [`Case`] is the whole state a span command sees: text, spans, the text selection and the
//! selected span. Three more markers write it, none of them used in Arabic text:
//!
//! | marker | meaning | example (text `زار بوتين روسيا`) |
//! |---|---|---|
//! | `{…}` | the text selection, caret at its end | `زار {بوتين} روسيا`: `[4, 9)`, caret at 9 |
//! | `{^…}` | the same range, caret at its start (selected backwards) | `زار {^بوتين} روسيا`: caret at 4 |
//! | `^` alone | an empty selection: just the caret | `زار ^بوتين روسيا`: caret at 4 |
//! | `*` before a label's `]` | the selected span | `زار [بوتين|PERSON*] روسيا` |
//!
//! No marker means no selection (`None`) and no selected span. `{…^}` is accepted and means the
//! same as `{…}`. Braces may enclose or cut brackets, since both are zero-width:
//! `{[بوتين|PERSON]}` and `[{بوتين}|PERSON]` are the same state (the renderer writes the first:
//! the selection outside spans that share its ends). `{}` is refused (write `^`), as are a second
//! selection, a second `*`, and a `^` inside the braces but not at one of their ends.
//!
//! Escapes: a backslash makes any of `[ ] | \ { } ^ *` literal, anywhere. In text, `{ } ^` must
//! be escaped and `*` need not be; in a label only `[ | ]` and a `*` right before the `]` need it
//! (the renderer escapes all of them everywhere).
//!
//! ```
//! use qalam_core::model::notation::{Case, Selection};
//!
//! let case = Case::parse("زار {بوتين} ل[روسيا|COUNTRY*]").unwrap();
//! assert_eq!(case.text, "زار بوتين لروسيا");
//! assert_eq!(case.selection, Some(Selection::forward(4..9)));
//! assert_eq!(case.selected, Some(0)); // index into case.spans
//! assert_eq!(case.render(), "زار {بوتين} ل[روسيا|COUNTRY*]");
//!
//! assert_eq!(Case::parse("زار {^بوتين}").unwrap().selection, Some(Selection::backward(4..9)));
//! assert_eq!(Case::parse("زار ^بوتين").unwrap().selection, Some(Selection::caret_at(4)));
//! ```
//!
//! [`Case::annotation`] builds the [`Annotation`](crate::model::Annotation) a test starts from,
//! and [`assert_notation`] / [`assert_case`] compare a state with an expected notation, printing
//! both notations when they differ:
//!
//! ```
//! use qalam_core::editing::tag_selection;
//! use qalam_core::model::notation::{assert_notation, Case};
//!
//! let before = Case::parse("زار {بوتين} لروسيا").unwrap();
//! let mut ann = before.annotation();
//! let outcome = tag_selection(&ann, before.selection_range(), 0).unwrap();
//! ann.apply(outcome.edit).unwrap();
//! assert_notation(&ann, None, outcome.select, "زار [بوتين|PERSON*] لروسيا");
//! ```

mod assert;
mod case;
mod parse;
mod render;

/// Helpers shared by the parse and render tests.
#[cfg(test)]
mod test_support {
    /// `(start, end, label)` triples with owned labels, as [`super::parse`] returns them.
    pub(super) fn owned(spans: &[(usize, usize, &str)]) -> Vec<(usize, usize, String)> {
        spans
            .iter()
            .map(|&(start, end, label)| (start, end, label.to_owned()))
            .collect()
    }
}

pub use assert::{assert_case, assert_notation};
pub use case::{Case, Selection};
pub use parse::parse;
pub use render::{render, try_render};

/// A span in notation terms: `(start, end, label)`, half-open code-point offsets into the text.
pub type NotatedSpan = (usize, usize, String);

/// Why a notation string could not be parsed. `column` is a 0-based code-point index into the
/// notation string.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotationError {
    /// A `[` is never closed.
    #[error("the span opened by `[` at column {column} is never closed; end it with `|LABEL]`")]
    Unclosed {
        /// Column of the `[`.
        column: usize,
    },
    /// A span was closed by `]` without a `|LABEL` part.
    #[error(
        "the span opened at column {open} is closed at column {column} without a label; \
         write `[text|LABEL]`"
    )]
    MissingLabel {
        /// Column of the `]`.
        column: usize,
        /// Column of the span's `[`.
        open: usize,
    },
    /// `|]` with nothing between.
    #[error("empty label before the `]` at column {column}")]
    EmptyLabel {
        /// Column of the `]`.
        column: usize,
    },
    /// `[|`: a span with no text.
    #[error("the span opened at column {column} covers no text")]
    EmptySpan {
        /// Column of the `[`.
        column: usize,
    },
    /// A `]` with no open span.
    #[error("`]` at column {column} closes nothing; write `\\]` for a literal bracket")]
    UnmatchedClose {
        /// Column of the `]`.
        column: usize,
    },
    /// A `|` outside any span.
    #[error("`|` at column {column} is outside any span; write `\\|` for a literal bar")]
    StrayBar {
        /// Column of the `|`.
        column: usize,
    },
    /// A `[` or second `|` inside a label.
    #[error("unexpected `{found}` at column {column} inside a label; escape it as `\\{found}`")]
    UnexpectedInLabel {
        /// Column of the character.
        column: usize,
        /// The character.
        found: char,
    },
    /// A backslash before a character other than `[ ] | \ { } ^ *`.
    #[error(
        "unknown escape `\\{found}` at column {column}; only \\[ \\] \\| \\\\ \\{{ \\}} \\^ \\* \
         are escapes"
    )]
    BadEscape {
        /// Column of the backslash.
        column: usize,
        /// The character after it.
        found: char,
    },
    /// A backslash at the very end.
    #[error("the backslash at column {column} ends the text; write `\\\\` for a literal one")]
    DanglingEscape {
        /// Column of the backslash.
        column: usize,
    },
    /// A `{` is never closed by `}`.
    #[error("the selection opened by `{{` at column {column} is never closed with `}}`")]
    UnclosedSelection {
        /// Column of the `{`.
        column: usize,
    },
    /// A `}` with no open selection.
    #[error("`}}` at column {column} closes no selection; write `\\}}` for a literal brace")]
    UnmatchedSelectionClose {
        /// Column of the `}`.
        column: usize,
    },
    /// `{}` with no text between.
    #[error("`{{}}` at column {column} selects nothing; write `^` for an empty selection")]
    EmptySelection {
        /// Column of the `{`.
        column: usize,
    },
    /// A second selection (`{` or `^`) or a second selected span (`*`).
    #[error(
        "a second `{found}` at column {column}: a notation has at most one selection \
         (`{{…}}` or `^`) and one selected span (`*`)"
    )]
    DuplicateMarker {
        /// Column of the second marker.
        column: usize,
        /// The marker.
        found: char,
    },
    /// A `^` inside `{…}` but not at either end of it.
    #[error(
        "the caret `^` at column {column} must be at one end of its selection: `{{^…}}` or `{{…^}}`"
    )]
    CaretInsideSelection {
        /// Column of the `^`.
        column: usize,
    },
    /// [`parse`] met a selection or selected-span marker, which only [`Case::parse`] reads.
    #[error(
        "`{found}` at column {column} marks a selection or the selected span, which `parse` \
         does not read: use `Case::parse`, or write `\\{found}`"
    )]
    SelectionMarker {
        /// Column of the marker.
        column: usize,
        /// The marker: `{`, `^` or `*`.
        found: char,
    },
}

/// Why [`try_render`] refused spans. Indices refer to the input slice.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    /// A span is empty, reversed or reaches past the end of the text.
    #[error("span {index} [{start}, {end}) is empty or outside the text ({len} code points)")]
    InvalidSpan {
        /// Index in the input.
        index: usize,
        /// Its start.
        start: usize,
        /// Its end.
        end: usize,
        /// Text length in code points.
        len: usize,
    },
    /// A span's label is empty, which notation cannot express.
    #[error("span {index} has an empty label")]
    EmptyLabel {
        /// Index in the input.
        index: usize,
    },
    /// Two spans cross (neither contains the other), so brackets cannot nest.
    #[error("spans {first} and {second} cross, so they cannot be written as nested brackets")]
    Crossing {
        /// Index of the span that starts first.
        first: usize,
        /// Index of the span that starts inside it and ends after it.
        second: usize,
    },
    /// The selection reaches past the end of the text.
    #[error("the selection {start}–{end} is outside the text ({len} code points)")]
    SelectionOutsideText {
        /// Selection start.
        start: usize,
        /// Selection end.
        end: usize,
        /// Text length in code points.
        len: usize,
    },
    /// The selected span index is not one of the spans given.
    #[error("the selected span {index} is not among the {count} spans")]
    NoSuchSpan {
        /// The selected index.
        index: usize,
        /// How many spans there are.
        count: usize,
    },
}

/// Whether `c` must be escaped with a backslash in notation text (the renderer also escapes
/// these in labels).
fn is_special(c: char) -> bool {
    matches!(c, '[' | ']' | '|' | '\\' | '{' | '}' | '^')
}

/// Whether a backslash may escape `c`: the text specials and the selected-span `*`.
fn is_escapable(c: char) -> bool {
    is_special(c) || c == SELECTED
}

/// Marks the selected span when it ends a label: `[بوتين|PERSON*]`.
const SELECTED: char = '*';

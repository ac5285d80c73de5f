//! [`Case`]: a whole editing state in notation — text, spans, text selection and selected span —
//! and its way to and from an [`Annotation`].

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use super::{NotatedSpan, NotationError, RenderError, parse, render};
use crate::model::{Annotation, Document, SpanId};

/// A text selection in code points: where it was started (`anchor`) and where the caret is.
/// Equal ends are an empty selection, i.e. just a caret (`^` in notation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Selection {
    /// Where the selection started; stays put while the caret moves.
    pub anchor: usize,
    /// The moving end.
    pub caret: usize,
}

impl Selection {
    /// An empty selection: the caret at `cp` (`^`).
    pub const fn caret_at(cp: usize) -> Self {
        Self {
            anchor: cp,
            caret: cp,
        }
    }

    /// `range` selected forwards, the caret at its end (`{…}`).
    pub const fn forward(range: Range<usize>) -> Self {
        Self {
            anchor: range.start,
            caret: range.end,
        }
    }

    /// `range` selected backwards, the caret at its start (`{^…}`).
    pub const fn backward(range: Range<usize>) -> Self {
        Self {
            anchor: range.end,
            caret: range.start,
        }
    }

    /// The selection as a view reports it: a range (`None` when empty) and the caret. A caret at
    /// the start of a non-empty range means it was selected backwards.
    ///
    /// ```
    /// use qalam_core::model::notation::Selection;
    ///
    /// assert_eq!(Selection::from_view(Some(4..9), 9), Selection::forward(4..9));
    /// assert_eq!(Selection::from_view(Some(4..9), 4), Selection::backward(4..9));
    /// assert_eq!(Selection::from_view(None, 4), Selection::caret_at(4));
    /// ```
    pub fn from_view(range: Option<Range<usize>>, caret: usize) -> Self {
        match range {
            Some(range) if !range.is_empty() && caret == range.start => Self::backward(range),
            Some(range) => Self::forward(range),
            None => Self::caret_at(caret),
        }
    }

    /// The selected code points, `[min, max)` of anchor and caret.
    pub fn range(&self) -> Range<usize> {
        self.anchor.min(self.caret)..self.anchor.max(self.caret)
    }

    /// Whether nothing is selected (anchor and caret coincide).
    pub fn is_empty(&self) -> bool {
        self.anchor == self.caret
    }

    /// Whether the caret is before the anchor (`{^…}`).
    pub fn is_backward(&self) -> bool {
        self.caret < self.anchor
    }
}

impl From<Range<usize>> for Selection {
    /// A forward selection of `range`.
    fn from(range: Range<usize>) -> Self {
        Self::forward(range)
    }
}

/// A whole editing state in notation: the text, its spans, the text selection and the selected
/// span. `زار {بوتين} ل[روسيا|COUNTRY*]` is the text `زار بوتين لروسيا` with COUNTRY on
/// `[11, 16)`, that span selected, and `[4, 9)` selected as text (see the
/// [module docs](super#selection-and-selected-span) for the markers).
///
/// ```
/// use qalam_core::model::notation::{Case, Selection};
///
/// let case: Case = "زار {بوتين} ل[روسيا|COUNTRY*]".parse().unwrap();
/// let ann = case.annotation();
/// assert_eq!(ann.document().text(), "زار بوتين لروسيا");
/// assert_eq!(case.selection_range(), Some(4..9));
/// let id = case.selected_id().unwrap();
/// assert_eq!(ann.span(id).map(|span| ann.span_text(span)), Some("روسيا"));
///
/// // And back: the annotation with that selection renders as the same notation.
/// let back = Case::from_annotation(&ann, Some(Selection::forward(4..9)), Some(id));
/// assert_eq!(back.to_string(), "زار {بوتين} ل[روسيا|COUNTRY*]");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Case {
    /// The plain text, without markup.
    pub text: String,
    /// The spans `(start, end, label)`, in code points. Parsing lists them by opening bracket.
    pub spans: Vec<NotatedSpan>,
    /// The text selection, if any (`{…}`, `{^…}` or `^`).
    pub selection: Option<Selection>,
    /// Index into [`Case::spans`] of the selected span (`*`), if any.
    pub selected: Option<usize>,
}

impl Case {
    /// Reads a notation with selection markers. Spans are listed in the order of their opening
    /// brackets, as [`parse`](super::parse) lists them.
    pub fn parse(notation: &str) -> Result<Self, NotationError> {
        parse::parse_case(notation).map(|parsed| parsed.case)
    }

    /// The state of `ann` with a text selection and a selected span. The spans are listed in the
    /// annotation's order; a `selected` id that is not in the annotation is dropped (see
    /// [`assert_notation`](super::assert_notation), which reports it).
    pub fn from_annotation(
        ann: &Annotation,
        selection: Option<Selection>,
        selected: Option<SpanId>,
    ) -> Self {
        let mut spans = Vec::new();
        let mut selected_index = None;
        for (index, span) in ann.spans.iter().enumerate() {
            if Some(span.id) == selected {
                selected_index = Some(index);
            }
            spans.push((span.start, span.end, span.label.clone()));
        }
        Self {
            text: ann.document().text().to_owned(),
            spans,
            selection,
            selected: selected_index,
        }
    }

    /// The state of `ann` alone: no selection, no selected span.
    pub fn of(ann: &Annotation) -> Self {
        Self::from_annotation(ann, None, None)
    }

    /// The notation, never failing: see [`render`](super::render) for what it does with spans
    /// notation cannot express. A selection outside the text is left out.
    pub fn render(&self) -> String {
        render::render_case(self)
    }

    /// The notation, or why it would not parse back to exactly this state (crossing, empty or
    /// unlabelled spans, a selection outside the text, a selected index past the spans).
    pub fn try_render(&self) -> Result<String, RenderError> {
        render::try_render_case(self)
    }

    /// An annotation of the text (document id `notation`, default label set) holding these
    /// spans, the span at index `i` with id [`Case::span_id`]`(i)`. Like
    /// [`Annotation::with_spans_unchecked`] it does not check labels or ranges, so a test can
    /// start from any state.
    pub fn annotation(&self) -> Annotation {
        let spans: Vec<(usize, usize, &str)> = self
            .spans
            .iter()
            .map(|(start, end, label)| (*start, *end, label.as_str()))
            .collect();
        Annotation::with_spans_unchecked(Document::new("notation", self.text.as_str()), &spans)
    }

    /// The id [`Case::annotation`] gives the span at `index`.
    pub fn span_id(index: usize) -> SpanId {
        SpanId(index as u64 + 1)
    }

    /// The id of the selected span in [`Case::annotation`].
    pub fn selected_id(&self) -> Option<SpanId> {
        self.selected.map(Self::span_id)
    }

    /// The selected range as span commands take it: `Some` even when empty (a caret), `None`
    /// without a selection marker.
    pub fn selection_range(&self) -> Option<Range<usize>> {
        self.selection.map(|selection| selection.range())
    }

    /// The caret position, if there is a selection marker.
    pub fn caret(&self) -> Option<usize> {
        self.selection.map(|selection| selection.caret)
    }

    /// The selected span `(start, end, label)`, if any.
    pub fn selected_span(&self) -> Option<&NotatedSpan> {
        self.selected.and_then(|index| self.spans.get(index))
    }
}

impl FromStr for Case {
    type Err = NotationError;

    /// Same as [`Case::parse`].
    fn from_str(notation: &str) -> Result<Self, Self::Err> {
        Self::parse(notation)
    }
}

impl fmt::Display for Case {
    /// Same as [`Case::render`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotation_ids_follow_the_case_order() {
        // Parsed in opening order: the outer PERSON [0, 12) is index 0, كيم [0, 3) index 1.
        let case = Case::parse("[[كيم|PERSON*] جونغ أون|PERSON]").unwrap();
        let ann = case.annotation();
        let id = case.selected_id().unwrap();
        assert_eq!(id, Case::span_id(1));
        assert_eq!(ann.span(id).map(|span| ann.span_text(span)), Some("كيم"));
        let outer = ann.span(Case::span_id(0)).unwrap();
        assert_eq!(ann.span_text(outer), "كيم جونغ أون");
    }

    #[test]
    fn from_annotation_round_trips_through_notation() {
        let notation = "[[كيم|PERSON] جونغ أون|PERSON*] {^زار} موسكو";
        let case = Case::parse(notation).unwrap();
        let back = Case::from_annotation(&case.annotation(), case.selection, case.selected_id());
        assert_eq!(back.render(), notation);
    }

    #[test]
    fn a_dangling_selected_id_is_dropped() {
        let ann = Case::parse("[a|X]").unwrap().annotation();
        let case = Case::from_annotation(&ann, None, Some(SpanId(99)));
        assert_eq!(case.selected, None);
    }

    #[test]
    fn selection_range_keeps_an_empty_caret() {
        assert_eq!(Case::parse("ab^c").unwrap().selection_range(), Some(2..2));
        assert_eq!(Case::parse("abc").unwrap().selection_range(), None);
        assert_eq!(Case::parse("a{^bc}").unwrap().caret(), Some(1));
    }
}

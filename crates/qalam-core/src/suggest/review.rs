//! Accepting and rejecting suggestions, as edits (one undo step each).
//!
//! Accepting adds real spans with the annotator's name ([`accept_edit`], [`accept_name_edit`]
//! for every open suggestion of the same name and label); a label the document does not have
//! yet (a gazetteer list or a model may use others) is added to its label set in the same step.
//! Rejecting changes the document's [`Rejections`] ([`reject_edit`], [`reject_name_edit`]).

use chrono::{DateTime, Utc};

use super::{Rejections, Suggestion, name_key};
use crate::model::label_colors::most_distinct_color;
use crate::model::{Annotation, Edit, Label, Span, SpanId};

/// The normalised name of `suggestion` in `ann` (what "all of this name" compares).
pub fn name_of(ann: &Annotation, suggestion: &Suggestion) -> String {
    ann.document()
        .slice(suggestion.start, suggestion.end)
        .map(name_key)
        .unwrap_or_default()
}

/// The edit that makes `suggestion` a span of `ann` by `annotator` at `now`.
pub fn accept_edit(
    ann: &Annotation,
    suggestion: &Suggestion,
    annotator: Option<&str>,
    now: DateTime<Utc>,
) -> Edit {
    add_spans(ann, &suggestion.label, [suggestion], annotator, now)
}

/// The edit that accepts every suggestion of `open` (the document's current suggestions) with
/// the same name and label as `suggestion` (itself included), skipping ones that overlap an
/// earlier accepted one.
pub fn accept_name_edit(
    ann: &Annotation,
    open: &[Suggestion],
    suggestion: &Suggestion,
    annotator: Option<&str>,
    now: DateTime<Utc>,
) -> Edit {
    let name = name_of(ann, suggestion);
    let mut chosen: Vec<&Suggestion> = Vec::new();
    for candidate in open
        .iter()
        .filter(|s| s.label == suggestion.label && name_of(ann, s) == name)
    {
        if chosen
            .last()
            .is_none_or(|last| !candidate.overlaps(last.start, last.end))
        {
            chosen.push(candidate);
        }
    }
    if chosen.is_empty() {
        chosen.push(suggestion);
    }
    add_spans(ann, &suggestion.label, chosen, annotator, now)
}

/// How many of `open` [`accept_name_edit`] / [`reject_name_edit`] would take with `suggestion`.
pub fn same_name_count(ann: &Annotation, open: &[Suggestion], suggestion: &Suggestion) -> usize {
    let name = name_of(ann, suggestion);
    open.iter()
        .filter(|s| s.label == suggestion.label && name_of(ann, s) == name)
        .count()
}

fn add_spans<'a>(
    ann: &Annotation,
    label: &str,
    suggestions: impl IntoIterator<Item = &'a Suggestion>,
    annotator: Option<&str>,
    now: DateTime<Utc>,
) -> Edit {
    let mut edits = Vec::new();
    if ann.labels().get(label).is_none() {
        let used: Vec<_> = ann.labels().labels.iter().map(|l| l.color).collect();
        edits.push(Edit::AddLabel {
            index: ann.labels().labels.len(),
            label: Label::new(label, most_distinct_color(&used), None),
        });
    }
    let first = ann.next_span_id().0;
    for (k, suggestion) in suggestions.into_iter().enumerate() {
        let template = ann.new_span_at(suggestion.start, suggestion.end, label, now);
        edits.push(Edit::AddSpan(Span {
            id: SpanId(first.saturating_add(k as u64)),
            annotator: annotator.map(str::to_owned).or(template.annotator.clone()),
            ..template
        }));
    }
    if edits.len() == 1 {
        edits.pop().unwrap_or(Edit::Group(Vec::new()))
    } else {
        Edit::Group(edits)
    }
}

/// The edit that rejects `suggestion` in `ann`.
pub fn reject_edit(ann: &Annotation, suggestion: &Suggestion) -> Edit {
    Rejections::of(ann).with_span(suggestion).edit()
}

/// The edit that rejects every suggestion of `suggestion`'s name with its label in `ann`.
pub fn reject_name_edit(ann: &Annotation, suggestion: &Suggestion) -> Edit {
    Rejections::of(ann)
        .with_name(name_of(ann, suggestion), &suggestion.label)
        .edit()
}

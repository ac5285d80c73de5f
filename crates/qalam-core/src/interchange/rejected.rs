//! Spans rejected in review stay out of dataset exports: [`RejectedFilter`] wraps every format's
//! [`Exporter`] (see [`super::exporter`]), so no format can forget it.
//!
//! A span counts as rejected when its review state is [`ReviewState::Rejected`]: rejected and
//! not changed since the review. A rejected span the annotator has fixed since is *changed,
//! awaiting re-review* and is exported. Each span left out is a [`Report`] entry (document,
//! offsets, text, label, "rejected in review by NAME: REASON"), never silent.
//! [`ExportOptions::include_rejected`](super::ExportOptions::include_rejected) turns the filter
//! off.

use std::borrow::Cow;

use super::{Action, Entry, Exporter, InterchangeError, Report, SpanRef};
use crate::model::{Annotation, ReviewState, Span};

/// An [`Exporter`] that hands the inner one each document without its rejected spans and
/// reports each span it left out.
pub struct RejectedFilter {
    inner: Box<dyn Exporter>,
}

impl RejectedFilter {
    /// Wraps `inner`.
    pub fn new(inner: Box<dyn Exporter>) -> Self {
        Self { inner }
    }
}

impl Exporter for RejectedFilter {
    fn write(
        &mut self,
        annotation: &Annotation,
        report: &mut Report,
    ) -> Result<(), InterchangeError> {
        let kept = without_rejected(annotation, report);
        self.inner.write(&kept, report)
    }

    fn finish(self: Box<Self>, report: &mut Report) -> Result<(), InterchangeError> {
        self.inner.finish(report)
    }
}

/// Whether `span` is left out of exports by default: rejected and unchanged since.
pub fn is_rejected(span: &Span) -> bool {
    span.review_state() == ReviewState::Rejected
}

/// `annotation` without its rejected spans (borrowed as it is when it has none), with one
/// dropped entry in `report` per span left out.
pub fn without_rejected<'a>(
    annotation: &'a Annotation,
    report: &mut Report,
) -> Cow<'a, Annotation> {
    if !annotation.spans().iter().any(is_rejected) {
        return Cow::Borrowed(annotation);
    }
    for span in annotation.spans().iter().filter(|span| is_rejected(span)) {
        report.push(entry(annotation, span));
    }
    let mut parts = annotation.clone().into_parts();
    parts.spans.retain(|span| !is_rejected(span));
    Cow::Owned(Annotation::from_parts_unchecked(parts))
}

/// The report entry for a rejected `span` of `annotation`.
fn entry(annotation: &Annotation, span: &Span) -> Entry {
    let review = span.review.as_ref();
    let reviewer = review.map_or("", |review| review.reviewer.as_str());
    let reason = match review.and_then(|review| review.reason.as_deref()) {
        Some(why) if !why.trim().is_empty() => {
            format!("rejected in review by {reviewer}: {}", why.trim())
        }
        _ => format!("rejected in review by {reviewer}"),
    };
    Entry {
        document: annotation.document().id.clone(),
        location: None,
        span: Some(SpanRef {
            start: span.start,
            end: span.end,
            text: annotation.span_text(span).to_owned(),
            label: span.label.clone(),
        }),
        action: Action::Dropped,
        reason,
    }
}

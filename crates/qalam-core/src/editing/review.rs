//! Review mode as pure functions: stepping through spans, counting decisions, and the edits that
//! record a reviewer's accept / reject / fix.
//!
//! Rules (see also [`model::review`](crate::model::review)):
//!
//! - A span is *decided* when it has a review and has not changed since
//!   ([`Span::needs_review`]). A rejected span that the annotator then relabels or resizes keeps
//!   its review but needs review again.
//! - Rejecting needs a reason; accepting and fixing take none. Rejected spans are never removed.
//! - Fixing is the reviewer's own correction: they edit the span with the normal span commands
//!   (relabel, resize), then mark it fixed.
//! - **The document becomes `reviewed` automatically with the decision that leaves no span
//!   undecided**: [`decide`] returns that decision and `SetStatus(Reviewed)` as one
//!   [`Edit::Group`], so one undo takes back both. [`mark_reviewed`] sets the status
//!   explicitly (e.g. after the status was changed by hand) and is refused while a span is
//!   undecided.
//! - The reviewer is the annotator name from the settings; an empty name is refused.

use chrono::{DateTime, Utc};

use super::Direction;
use crate::model::{Annotation, DocStatus, Edit, Review, ReviewDecision, ReviewState, SpanId};

/// Why a review command could not be carried out. Each message is shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    /// No span is selected.
    #[error("Select a span to review first")]
    NoSpanSelected,
    /// The span id is not in the annotation (e.g. removed by undo).
    #[error("The span being reviewed no longer exists")]
    SpanGone(SpanId),
    /// A rejection without a reason.
    #[error("Give a reason for rejecting the span")]
    MissingReason,
    /// No reviewer name is set.
    #[error("Set your annotator name in the settings before reviewing")]
    NoReviewer,
    /// The document cannot be marked reviewed yet.
    #[error("{0} span(s) still undecided")]
    Undecided(usize),
    /// The span already has exactly this decision (no edit, so no undo step).
    #[error("The span is already {0}")]
    AlreadyDecided(&'static str),
}

/// How many spans are in each review state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReviewCounts {
    /// Accepted and unchanged since.
    pub accepted: usize,
    /// Rejected and unchanged since.
    pub rejected: usize,
    /// Fixed by the reviewer and unchanged since.
    pub fixed: usize,
    /// No review, or changed since the review.
    pub undecided: usize,
}

impl ReviewCounts {
    /// Counts the spans of `ann`.
    pub fn of(ann: &Annotation) -> Self {
        let mut counts = Self::default();
        for span in ann.spans() {
            match span.review_state() {
                ReviewState::Accepted => counts.accepted += 1,
                ReviewState::Rejected => counts.rejected += 1,
                ReviewState::Fixed => counts.fixed += 1,
                ReviewState::Undecided | ReviewState::ChangedSinceReview => {
                    counts.undecided += 1;
                }
            }
        }
        counts
    }

    /// Every span counted.
    pub fn total(&self) -> usize {
        self.accepted + self.rejected + self.fixed + self.undecided
    }

    /// Whether no span is undecided (also true without spans).
    pub fn all_decided(&self) -> bool {
        self.undecided == 0
    }
}

/// Whether every span of `ann` is decided.
pub fn all_decided(ann: &Annotation) -> bool {
    ann.spans().iter().all(|span| !span.needs_review())
}

/// The next (or previous) span that needs review, in text order after (or before) `current`,
/// wrapping around; `current` itself comes last. With no `current`, the first (or last) one.
pub fn next_undecided(
    ann: &Annotation,
    current: Option<SpanId>,
    direction: Direction,
) -> Option<SpanId> {
    let spans = ann.spans();
    let n = spans.len();
    let here = current.and_then(|id| ann.span_index(id));
    (1..=n)
        .map(|step| match (here, direction) {
            (Some(i), Direction::Next) => (i + step) % n,
            (Some(i), Direction::Previous) => (i + n - step % n) % n,
            (None, Direction::Next) => step - 1,
            (None, Direction::Previous) => n - step,
        })
        .map(|index| &spans[index])
        .find(|span| span.needs_review())
        .map(|span| span.id)
}

/// The edit that records `decision` on span `id` by `reviewer` at `now`; `reason` is required
/// (non-blank) for a rejection and kept when given otherwise. When this decision leaves no span
/// undecided and the document is not yet reviewed, the edit also sets the status to
/// [`DocStatus::Reviewed`], in the same undo step.
pub fn decide(
    ann: &Annotation,
    id: Option<SpanId>,
    reviewer: &str,
    decision: ReviewDecision,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Edit, ReviewError> {
    let id = id.ok_or(ReviewError::NoSpanSelected)?;
    let span = ann.span(id).ok_or(ReviewError::SpanGone(id))?;
    let reviewer = reviewer.trim();
    if reviewer.is_empty() {
        return Err(ReviewError::NoReviewer);
    }
    let reason = reason
        .map(str::trim)
        .filter(|reason| !reason.is_empty())
        .map(str::to_owned);
    if decision == ReviewDecision::Rejected && reason.is_none() {
        return Err(ReviewError::MissingReason);
    }
    if let Some(review) = &span.review
        && !span.needs_review()
        && review.decision == decision
        && review.reviewer == reviewer
        && review.reason == reason
    {
        return Err(ReviewError::AlreadyDecided(decision.name()));
    }
    // The review must not predate the span's last change, or it would read as changed since.
    let at = now.max(span.modified);
    let set = Edit::SetReview {
        id,
        review: Some(Review::new(reviewer, decision, reason, at)),
    };
    let others_decided = ann
        .spans()
        .iter()
        .all(|other| other.id == id || !other.needs_review());
    if others_decided && ann.status() != DocStatus::Reviewed {
        Ok(Edit::Group(vec![set, Edit::SetStatus(DocStatus::Reviewed)]))
    } else {
        Ok(set)
    }
}

/// The edit that clears span `id`'s review (back to undecided).
pub fn clear_review(ann: &Annotation, id: Option<SpanId>) -> Result<Edit, ReviewError> {
    let id = id.ok_or(ReviewError::NoSpanSelected)?;
    let span = ann.span(id).ok_or(ReviewError::SpanGone(id))?;
    if span.review.is_none() {
        return Err(ReviewError::AlreadyDecided("undecided"));
    }
    Ok(Edit::SetReview { id, review: None })
}

/// The edit that marks the document reviewed; refused while a span is undecided or when it
/// already is.
pub fn mark_reviewed(ann: &Annotation) -> Result<Edit, ReviewError> {
    let counts = ReviewCounts::of(ann);
    if !counts.all_decided() {
        return Err(ReviewError::Undecided(counts.undecided));
    }
    if ann.status() == DocStatus::Reviewed {
        return Err(ReviewError::AlreadyDecided("reviewed"));
    }
    Ok(Edit::SetStatus(DocStatus::Reviewed))
}

#[cfg(test)]
mod tests;

//! A reviewer's decision on one span: [`Review`] (the span's `review` field in the file, absent
//! while undecided) and the state a span is in for review, [`ReviewState`].
//!
//! A review records who decided what and when. The decision is kept when the span changes
//! afterwards: a rejected span that the annotator relabels or resizes is *fixed, awaiting
//! re-review* ([`ReviewState::ChangedSinceReview`]), which is derived from the span's `modified`
//! time being later than the review's `at` — no edit has to remember to clear anything, and undo
//! of the fix brings the rejection back. Rejected spans are never deleted by reviewing.
//!
//! [`ReviewDecision::Fixed`] is the reviewer's own correction: in review mode the reviewer edits
//! the span with the normal span commands and then marks it fixed (the review's `at` is then not
//! earlier than the change, so the span counts as decided).
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use qalam_core::model::{Review, ReviewDecision, ReviewState, Span, SpanId};
//!
//! let t = |s| Utc.timestamp_opt(s, 0).unwrap();
//! let mut span = Span::new(SpanId(1), 4, 9, "PERSON", t(0));
//! assert_eq!(span.review_state(), ReviewState::Undecided);
//! span.review = Some(Review::new("sara", ReviewDecision::Rejected, Some("not a person".into()), t(10)));
//! assert_eq!(span.review_state(), ReviewState::Rejected);
//! span.modified = t(20); // the annotator relabelled it
//! assert_eq!(span.review_state(), ReviewState::ChangedSinceReview);
//! assert!(span.needs_review());
//! ```

use chrono::{DateTime, Utc};

use super::Span;

/// A reviewer's decision on one span (format field `review`, absent = undecided).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// Who decided (the reviewer's annotator name).
    pub reviewer: String,
    /// What they decided.
    pub decision: ReviewDecision,
    /// Why (given for rejections; optional otherwise).
    pub reason: Option<String>,
    /// When.
    pub at: DateTime<Utc>,
}

impl Review {
    /// A review by `reviewer` at `at`.
    pub fn new(
        reviewer: &str,
        decision: ReviewDecision,
        reason: Option<String>,
        at: DateTime<Utc>,
    ) -> Self {
        Self {
            reviewer: reviewer.to_owned(),
            decision,
            reason,
            at,
        }
    }
}

/// What a reviewer decided about a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewDecision {
    /// The span is right as it is (`"accepted"`).
    Accepted,
    /// The span is wrong; it stays, struck through, until the annotator fixes it (`"rejected"`).
    Rejected,
    /// The reviewer corrected the span (`"fixed"`).
    Fixed,
}

impl ReviewDecision {
    /// Every decision, in the order menus and counts show them.
    pub const ALL: [ReviewDecision; 3] = [
        ReviewDecision::Accepted,
        ReviewDecision::Rejected,
        ReviewDecision::Fixed,
    ];

    /// The name in the file: `accepted`, `rejected` or `fixed`.
    pub fn name(self) -> &'static str {
        match self {
            ReviewDecision::Accepted => "accepted",
            ReviewDecision::Rejected => "rejected",
            ReviewDecision::Fixed => "fixed",
        }
    }

    /// The decision with this file name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|decision| decision.name() == name)
    }
}

/// Where a span stands in review, derived from its [`Review`] and `modified` time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewState {
    /// No review yet.
    Undecided,
    /// Accepted and unchanged since.
    Accepted,
    /// Rejected and unchanged since: shown struck through.
    Rejected,
    /// Fixed by the reviewer and unchanged since.
    Fixed,
    /// Changed after its review (for a rejection: the annotator's fix), awaiting re-review.
    ChangedSinceReview,
}

impl ReviewState {
    /// A short lower-case word for lists and bars.
    pub fn title(self) -> &'static str {
        match self {
            ReviewState::Undecided => "undecided",
            ReviewState::Accepted => "accepted",
            ReviewState::Rejected => "rejected",
            ReviewState::Fixed => "fixed",
            ReviewState::ChangedSinceReview => "changed, awaiting re-review",
        }
    }
}

impl Span {
    /// This span's review state: see [`ReviewState`].
    pub fn review_state(&self) -> ReviewState {
        match &self.review {
            None => ReviewState::Undecided,
            Some(review) if self.modified > review.at => ReviewState::ChangedSinceReview,
            Some(review) => match review.decision {
                ReviewDecision::Accepted => ReviewState::Accepted,
                ReviewDecision::Rejected => ReviewState::Rejected,
                ReviewDecision::Fixed => ReviewState::Fixed,
            },
        }
    }

    /// Whether a reviewer still has to decide: no review, or changed since it.
    pub fn needs_review(&self) -> bool {
        matches!(
            self.review_state(),
            ReviewState::Undecided | ReviewState::ChangedSinceReview
        )
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::model::SpanId;

    #[test]
    fn decision_names_round_trip() {
        for decision in ReviewDecision::ALL {
            assert_eq!(ReviewDecision::parse(decision.name()), Some(decision));
        }
        assert_eq!(ReviewDecision::parse("Accepted"), None);
    }

    #[test]
    fn a_change_at_the_review_time_is_not_a_change_since() {
        let t = |s| Utc.timestamp_opt(s, 0).unwrap();
        let mut span = Span::new(SpanId(1), 0, 3, "PERSON", t(5));
        span.review = Some(Review::new("r", ReviewDecision::Fixed, None, t(5)));
        assert_eq!(span.review_state(), ReviewState::Fixed);
        assert!(!span.needs_review());
        span.modified = t(6);
        assert_eq!(span.review_state(), ReviewState::ChangedSinceReview);
    }
}

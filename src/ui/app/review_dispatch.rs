//! The review commands on the current document, through [`DocumentDispatch`]: review mode on and
//! off, accept / reject / fixed on the selected span (then the next undecided span is selected),
//! stepping through undecided spans, clearing a review, marking the document reviewed. The rules
//! are `qalam_core::editing::review`'s; the reviewer is the annotator name from the settings.

use qalam_core::editing::Direction;
use qalam_core::editing::review::{
    ReviewCounts, all_decided, clear_review, decide, mark_reviewed, next_undecided,
};
use qalam_core::model::{ReviewDecision, SpanId};

use crate::ui::app::document_dispatch::DocumentDispatch;
use crate::ui::commands::Command;

impl DocumentDispatch<'_> {
    /// Applies `command` if it is a review command; returns whether it was one.
    pub(super) fn apply_review_command(&mut self, command: Command) -> bool {
        let selected = self.doc.selected_span;
        match command {
            Command::ToggleReviewMode => {
                if self.panels.review.toggle() {
                    let current = selected.filter(|&id| self.doc.annotation().span(id).is_some());
                    if current.is_none() {
                        let first = next_undecided(self.doc.annotation(), None, Direction::Next);
                        self.select_span(first);
                    }
                    self.info("Review mode: A accept · R reject · F fixed · N next undecided");
                } else {
                    self.info("Review mode off");
                }
            }
            Command::AcceptSpan => self.decide(selected, ReviewDecision::Accepted, None),
            Command::MarkSpanFixed => self.decide(selected, ReviewDecision::Fixed, None),
            Command::RejectSpan => match selected.and_then(|id| self.doc.annotation().span(id)) {
                Some(span) => {
                    let earlier = span.review.as_ref().and_then(|r| r.reason.clone());
                    let id = span.id;
                    self.panels.review.start_rejecting(id, earlier.as_deref());
                }
                None => self.info("Select a span to review first"),
            },
            Command::NextUndecided | Command::PrevUndecided => {
                let direction = if command == Command::NextUndecided {
                    Direction::Next
                } else {
                    Direction::Previous
                };
                match next_undecided(self.doc.annotation(), selected, direction) {
                    Some(id) => self.select_span(Some(id)),
                    None => self.info("Every span is decided"),
                }
            }
            Command::ClearSpanReview => match clear_review(self.doc.annotation(), selected) {
                Ok(edit) => {
                    self.apply_edit(edit);
                }
                Err(err) => self.info(&err.to_string()),
            },
            Command::MarkReviewed => match mark_reviewed(self.doc.annotation()) {
                Ok(edit) => {
                    self.apply_edit(edit);
                }
                Err(err) => self.info(&err.to_string()),
            },
            _ => return false,
        }
        true
    }

    /// Records `decision` on span `id` as the settings' annotator, now; then, in review mode,
    /// selects the next span that needs review (or says that none does).
    pub(super) fn decide(
        &mut self,
        id: Option<SpanId>,
        decision: ReviewDecision,
        reason: Option<&str>,
    ) {
        let reviewer = self.annotator.clone().unwrap_or_default();
        let ann = self.doc.annotation();
        let edit = match decide(ann, id, &reviewer, decision, reason, self.now.wall) {
            Ok(edit) => edit,
            Err(err) => return self.info(&err.to_string()),
        };
        if !self.apply_edit(edit) {
            return;
        }
        let ann = self.doc.annotation();
        if all_decided(ann) {
            let counts = ReviewCounts::of(ann);
            self.info(&format!(
                "Every span is decided ({} accepted, {} rejected, {} fixed): the document is reviewed",
                counts.accepted, counts.rejected, counts.fixed
            ));
        } else if self.panels.review.is_active()
            && let Some(next) = next_undecided(ann, id, Direction::Next)
        {
            self.select_span(Some(next));
        }
    }

    fn info(&mut self, message: &str) {
        self.messages
            .info_about(&self.doc.recovery_id, message.to_owned());
    }
}

//! Span edits behind [`Annotation::apply`]: add, remove, change and replace spans, with the
//! checks that keep spans valid (range inside the text, known label, unique id, overlap policy)
//! and `spans` sorted by `(start, end, id)`.

use chrono::{DateTime, Utc};

use super::apply::Checks;
use super::{Annotation, Edit, EditError, Review, Span, SpanId};

impl Annotation {
    /// Inserts a new span; the inverse removes it.
    pub(super) fn add_span(&mut self, span: Span, checks: Checks) -> Result<Edit, EditError> {
        if self.span_index(span.id).is_some() {
            return Err(EditError::DuplicateId(span.id));
        }
        self.check_span(&span, checks)?;
        let id = span.id;
        self.insert_sorted(span);
        Ok(Edit::RemoveSpan(id))
    }

    /// Removes a span; the inverse adds it back exactly.
    pub(super) fn remove_span(&mut self, id: SpanId) -> Result<Edit, EditError> {
        let index = self.span_index(id).ok_or(EditError::NoSuchSpan(id))?;
        Ok(Edit::AddSpan(self.spans.remove(index)))
    }

    /// Changes a copy of the span with `change`, stamps it `now` and replaces the original.
    pub(super) fn change_span(
        &mut self,
        id: SpanId,
        now: DateTime<Utc>,
        checks: Checks,
        change: impl FnOnce(&mut Span),
    ) -> Result<Edit, EditError> {
        let mut span = self.span(id).ok_or(EditError::NoSuchSpan(id))?.clone();
        change(&mut span);
        span.modified = now;
        self.replace_span(span, checks)
    }

    /// Replaces the span with the same id by `span` exactly; the inverse puts the old one back.
    pub(super) fn replace_span(&mut self, span: Span, checks: Checks) -> Result<Edit, EditError> {
        let index = self
            .span_index(span.id)
            .ok_or(EditError::NoSuchSpan(span.id))?;
        self.check_span(&span, checks)?;
        let old = self.spans.remove(index);
        self.insert_sorted(span);
        Ok(Edit::ReplaceSpan(old))
    }

    /// Sets a span's review in place (its position and `modified` time do not change); the
    /// inverse sets the previous review.
    pub(super) fn set_review(
        &mut self,
        id: SpanId,
        review: Option<Review>,
    ) -> Result<Edit, EditError> {
        let index = self.span_index(id).ok_or(EditError::NoSuchSpan(id))?;
        let previous = std::mem::replace(&mut self.spans[index].review, review);
        Ok(Edit::SetReview {
            id,
            review: previous,
        })
    }

    /// Checks `span` against the text, the label set and every other span (a span with the
    /// same id is the one being replaced and is ignored).
    fn check_span(&self, span: &Span, checks: Checks) -> Result<(), EditError> {
        if span.start >= span.end || span.end > self.document().char_len() {
            return Err(EditError::InvalidRange {
                start: span.start,
                end: span.end,
                len: self.document().char_len(),
            });
        }
        if self.labels.get(&span.label).is_none() {
            return Err(EditError::UnknownLabel(span.label.clone()));
        }
        if !checks.policies() {
            return Ok(());
        }
        let others = || {
            self.spans_in(span.range())
                .filter(|other| other.id != span.id)
        };
        if let Some(twin) =
            others().find(|other| other.range() == span.range() && other.label == span.label)
        {
            return Err(EditError::DuplicateSpan {
                with: twin.id,
                label: twin.label.clone(),
            });
        }
        // A span that keeps its range (relabel, note) cannot create an overlap, even where a
        // loaded file already had one.
        let keeps_range = self
            .span(span.id)
            .is_some_and(|old| old.range() == span.range());
        if !self.labels.allow_overlaps
            && !keeps_range
            && let Some(other) = others().next()
        {
            return Err(EditError::Overlap {
                with: other.id,
                with_label: other.label.clone(),
            });
        }
        Ok(())
    }

    /// Inserts `span` at its place in `(start, end, id)` order.
    fn insert_sorted(&mut self, span: Span) {
        let key = span.sort_key();
        let index = self.spans.partition_point(|other| other.sort_key() < key);
        self.spans.insert(index, span);
    }

    /// Allows or forbids overlaps; forbidding is refused while two spans intersect.
    pub(super) fn set_allow_overlaps(
        &mut self,
        allow: bool,
        checks: Checks,
    ) -> Result<Edit, EditError> {
        if !allow
            && checks.policies()
            && let Some((first, second)) = self.first_overlap()
        {
            return Err(EditError::ExistingOverlap { first, second });
        }
        let previous = std::mem::replace(&mut self.labels.allow_overlaps, allow);
        Ok(Edit::SetAllowOverlaps(previous))
    }

    /// Two intersecting spans, if any.
    fn first_overlap(&self) -> Option<(SpanId, SpanId)> {
        // Without an overlap so far, each span starts at or after the previous one's end and
        // so reaches furthest; the first span starting before that end overlaps it.
        let mut furthest: Option<&Span> = None;
        for span in &self.spans {
            if let Some(previous) = furthest
                && span.start < previous.end
            {
                return Some((previous.id, span.id));
            }
            furthest = Some(span);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    /// "زار [بوتين|PERSON] ل[روسيا|COUNTRY]" without the spans: بوتين is [4, 9), روسيا [11, 16).
    fn annotation() -> Annotation {
        Annotation::new(Document::new("d", "زار بوتين لروسيا"))
    }

    fn add(
        ann: &mut Annotation,
        start: usize,
        end: usize,
        label: &str,
    ) -> Result<SpanId, EditError> {
        let span = ann.new_span(start, end, label);
        let id = span.id;
        ann.apply(Edit::AddSpan(span)).map(|_| id)
    }

    #[test]
    fn add_span_keeps_spans_sorted_by_start_end_id() {
        let mut ann = annotation();
        add(&mut ann, 11, 16, "COUNTRY").unwrap();
        add(&mut ann, 4, 9, "PERSON").unwrap();
        add(&mut ann, 4, 16, "EVENT").unwrap();
        add(&mut ann, 4, 9, "ORGANIZATION").unwrap();
        let keys: Vec<_> = ann.spans.iter().map(|s| (s.start, s.end, s.id.0)).collect();
        assert_eq!(keys, [(4, 9, 2), (4, 9, 4), (4, 16, 3), (11, 16, 1)]);
    }

    #[test]
    fn add_span_refuses_empty_reversed_and_past_end_ranges() {
        let mut ann = annotation();
        for (start, end) in [(3, 3), (5, 4), (10, 17)] {
            assert_eq!(
                add(&mut ann, start, end, "PERSON"),
                Err(EditError::InvalidRange {
                    start,
                    end,
                    len: 16
                })
            );
        }
        assert!(
            add(&mut ann, 15, 16, "PERSON").is_ok(),
            "the last code point is fine"
        );
        assert_eq!(ann.spans.len(), 1);
    }

    #[test]
    fn add_span_refuses_unknown_label_and_used_id() {
        let mut ann = annotation();
        assert_eq!(
            add(&mut ann, 4, 9, "person"),
            Err(EditError::UnknownLabel("person".into()))
        );
        let id = add(&mut ann, 4, 9, "PERSON").unwrap();
        let mut again = ann.new_span(11, 16, "COUNTRY");
        again.id = id;
        assert_eq!(
            ann.apply(Edit::AddSpan(again)),
            Err(EditError::DuplicateId(id))
        );
    }

    #[test]
    fn identical_span_with_same_label_is_refused_but_other_label_allowed() {
        let mut ann = annotation();
        let id = add(&mut ann, 4, 9, "PERSON").unwrap();
        assert_eq!(
            add(&mut ann, 4, 9, "PERSON"),
            Err(EditError::DuplicateSpan {
                with: id,
                label: "PERSON".into()
            })
        );
        assert!(add(&mut ann, 4, 9, "ORGANIZATION").is_ok());
    }

    #[test]
    fn overlap_policy_reports_the_conflicting_span() {
        let mut ann = annotation();
        ann.apply(Edit::SetAllowOverlaps(false)).unwrap();
        let person = add(&mut ann, 4, 9, "PERSON").unwrap();
        // Touching is fine: [9, 11) shares no code point with [4, 9).
        add(&mut ann, 9, 11, "EVENT").unwrap();
        assert_eq!(
            add(&mut ann, 8, 9, "COUNTRY"),
            Err(EditError::Overlap {
                with: person,
                with_label: "PERSON".into()
            })
        );
        // Nesting counts as overlapping too.
        assert!(matches!(
            add(&mut ann, 0, 16, "EVENT"),
            Err(EditError::Overlap { .. })
        ));
    }

    #[test]
    fn set_bounds_checks_overlap_against_others_only() {
        let mut ann = annotation();
        ann.apply(Edit::SetAllowOverlaps(false)).unwrap();
        let person = add(&mut ann, 4, 9, "PERSON").unwrap();
        let country = add(&mut ann, 11, 16, "COUNTRY").unwrap();
        // Growing over itself is fine.
        ann.apply(Edit::SetBounds {
            id: person,
            start: 3,
            end: 10,
        })
        .unwrap();
        assert_eq!(
            ann.apply(Edit::SetBounds {
                id: person,
                start: 3,
                end: 12
            }),
            Err(EditError::Overlap {
                with: country,
                with_label: "COUNTRY".into()
            })
        );
        assert_eq!(ann.span(person).unwrap().range(), 3..10);
    }

    #[test]
    fn set_bounds_resorts_and_stamps_modified() {
        let mut ann = annotation();
        let first = add(&mut ann, 4, 9, "PERSON").unwrap();
        add(&mut ann, 11, 16, "COUNTRY").unwrap();
        let created = ann.span(first).unwrap().modified;
        ann.apply(Edit::SetBounds {
            id: first,
            start: 12,
            end: 16,
        })
        .unwrap();
        assert_eq!(ann.spans[1].id, first, "(12, 16) sorts after (11, 16)");
        assert!(ann.span(first).unwrap().modified >= created);
        assert_eq!(ann.span_text(ann.span(first).unwrap()), "وسيا");
    }

    #[test]
    fn relabel_allowed_when_loaded_spans_already_overlap() {
        let mut ann = annotation();
        let outer = add(&mut ann, 0, 16, "EVENT").unwrap();
        add(&mut ann, 4, 9, "PERSON").unwrap();
        // As if loaded from a file: overlaps forbidden although spans overlap.
        ann.labels.allow_overlaps = false;
        ann.apply(Edit::Relabel {
            id: outer,
            label: "ORGANIZATION".into(),
        })
        .unwrap();
        ann.apply(Edit::SetNote {
            id: outer,
            note: Some("x".into()),
        })
        .unwrap();
        assert!(matches!(
            ann.apply(Edit::SetBounds {
                id: outer,
                start: 0,
                end: 15
            }),
            Err(EditError::Overlap { .. })
        ));
    }

    #[test]
    fn forbidding_overlaps_is_refused_while_spans_overlap() {
        let mut ann = annotation();
        let outer = add(&mut ann, 0, 16, "EVENT").unwrap();
        add(&mut ann, 4, 9, "PERSON").unwrap();
        let inner = add(&mut ann, 11, 16, "COUNTRY").unwrap();
        let err = ann.apply(Edit::SetAllowOverlaps(false)).unwrap_err();
        assert!(matches!(err, EditError::ExistingOverlap { first, .. } if first == outer));
        ann.apply(Edit::RemoveSpan(outer)).unwrap();
        ann.apply(Edit::SetAllowOverlaps(false)).unwrap();
        assert!(!ann.labels.allow_overlaps);
        assert!(ann.span(inner).is_some());
    }

    #[test]
    fn first_overlap_finds_a_pair_hidden_behind_a_long_span() {
        let mut ann = annotation();
        let long = add(&mut ann, 0, 10, "EVENT").unwrap();
        add(&mut ann, 1, 2, "PERSON").unwrap();
        assert_eq!(ann.first_overlap().map(|(a, _)| a), Some(long));
        let mut separate = annotation();
        add(&mut separate, 0, 4, "EVENT").unwrap();
        add(&mut separate, 4, 9, "PERSON").unwrap();
        add(&mut separate, 10, 16, "COUNTRY").unwrap();
        assert_eq!(separate.first_overlap(), None);
    }

    #[test]
    fn remove_then_readd_restores_exactly() {
        let mut ann = annotation();
        let id = add(&mut ann, 4, 9, "PERSON").unwrap();
        let before = ann.clone();
        let inverse = ann.apply(Edit::RemoveSpan(id)).unwrap();
        assert!(ann.spans.is_empty());
        ann.apply(inverse).unwrap();
        assert_eq!(ann, before);
    }

    #[test]
    fn set_review_keeps_the_span_and_its_inverse_restores_exactly() {
        use crate::model::{Review, ReviewDecision, ReviewState};
        let mut ann = annotation();
        let id = add(&mut ann, 4, 9, "PERSON").unwrap();
        let before = ann.clone();
        let at = ann.span(id).unwrap().modified;
        let review = Review::new(
            "sara",
            ReviewDecision::Rejected,
            Some("not a name".into()),
            at,
        );
        let undo = ann
            .apply_at(
                Edit::SetReview {
                    id,
                    review: Some(review.clone()),
                },
                at,
            )
            .unwrap();
        let span = ann.span(id).unwrap();
        assert_eq!(span.review.as_ref(), Some(&review));
        assert_eq!(span.modified, at, "a review is not a change to the span");
        assert_eq!(span.review_state(), ReviewState::Rejected);
        ann.apply(undo).unwrap();
        assert_eq!(ann, before);
        assert_eq!(
            ann.apply(Edit::SetReview {
                id: SpanId(99),
                review: None
            }),
            Err(EditError::NoSuchSpan(SpanId(99)))
        );
    }

    #[test]
    fn relabelling_a_rejected_span_keeps_the_review_and_awaits_re_review() {
        use chrono::TimeZone;

        use crate::model::{Review, ReviewDecision, ReviewState};
        let t = |s| chrono::Utc.timestamp_opt(s, 0).unwrap();
        let mut ann = annotation();
        let span = ann.new_span_at(4, 9, "PERSON", t(1));
        let id = span.id;
        ann.apply_at(Edit::AddSpan(span), t(1)).unwrap();
        let review = Review::new(
            "sara",
            ReviewDecision::Rejected,
            Some("country".into()),
            t(2),
        );
        ann.apply_at(
            Edit::SetReview {
                id,
                review: Some(review),
            },
            t(2),
        )
        .unwrap();
        let fix = ann
            .apply_at(
                Edit::Relabel {
                    id,
                    label: "COUNTRY".into(),
                },
                t(3),
            )
            .unwrap();
        let span = ann.span(id).unwrap();
        assert_eq!(
            span.review.as_ref().map(|r| r.decision),
            Some(ReviewDecision::Rejected)
        );
        assert_eq!(span.review_state(), ReviewState::ChangedSinceReview);
        assert!(span.needs_review());
        ann.apply(fix).unwrap();
        assert_eq!(ann.span(id).unwrap().review_state(), ReviewState::Rejected);
    }
}

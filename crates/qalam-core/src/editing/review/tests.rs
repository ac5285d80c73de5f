//! Review commands as `(before, action, after)` cases in span notation. In `after`, a decided
//! span's label carries its state (`PERSON:accepted`), an undecided one none, and `*` marks the
//! span the command moves to. `before` may mark decisions the same way.

use chrono::{DateTime, Duration, Utc};

use super::*;
use crate::model::notation::Case;
use crate::model::{ReviewState, Span};

/// A review state written after a label in these tests.
fn state_suffix(span: &Span) -> Option<&'static str> {
    match span.review_state() {
        ReviewState::Undecided => None,
        ReviewState::ChangedSinceReview => Some("changed"),
        state => Some(state.title()),
    }
}

/// The annotation in notation, with review states on the labels and `selected` starred.
fn render(ann: &Annotation, selected: Option<SpanId>) -> String {
    let mut case = Case::from_annotation(ann, None, selected);
    for (notated, span) in case.spans.iter_mut().zip(ann.spans()) {
        if let Some(state) = state_suffix(span) {
            notated.2 = format!("{}:{state}", notated.2);
        }
    }
    case.render()
}

/// A review time after every span's creation.
fn now(ann: &Annotation) -> DateTime<Utc> {
    ann.modified() + Duration::seconds(10)
}

/// The state `before`: labels written `LABEL:accepted` (or `rejected`, `fixed`) get that
/// decision from reviewer `sara`.
fn state(before: &str) -> (Annotation, Option<SpanId>) {
    let mut case = Case::parse(before).unwrap_or_else(|err| panic!("{before:?}: {err}"));
    let mut decisions = Vec::new();
    for notated in &mut case.spans {
        let (label, decision) = match notated.2.split_once(':') {
            Some((label, decision)) => (label.to_owned(), ReviewDecision::parse(decision)),
            None => (notated.2.clone(), None),
        };
        notated.2 = label;
        decisions.push(decision);
    }
    let mut ann = case.annotation();
    let at = ann.modified();
    for (index, decision) in decisions.into_iter().enumerate() {
        if let Some(decision) = decision {
            let reason = (decision == ReviewDecision::Rejected).then(|| "wrong".to_owned());
            let review = Review::new("sara", decision, reason, at);
            let id = Case::span_id(index);
            ann.apply_at(
                Edit::SetReview {
                    id,
                    review: Some(review),
                },
                at,
            )
            .unwrap();
        }
    }
    (ann, case.selected_id())
}

/// Decides the selected span of `before` and checks the result is `after`.
#[track_caller]
fn check_decide(before: &str, decision: ReviewDecision, reason: Option<&str>, after: &str) {
    let (mut ann, selected) = state(before);
    let edit = decide(&ann, selected, "sara", decision, reason, now(&ann))
        .unwrap_or_else(|err| panic!("refused on {before}: {err}"));
    ann.apply_at(edit, now(&ann)).unwrap();
    assert_eq!(render(&ann, selected), after, "from {before}");
}

#[test]
fn accept_reject_and_fix_mark_only_the_selected_span() {
    check_decide(
        "زار [بوتين|PERSON*] ل[روسيا|COUNTRY]",
        ReviewDecision::Accepted,
        None,
        "زار [بوتين|PERSON:accepted*] ل[روسيا|COUNTRY]",
    );
    check_decide(
        "زار [بوتين|PERSON] ل[روسيا|COUNTRY*]",
        ReviewDecision::Rejected,
        Some("ليست دولة"),
        "زار [بوتين|PERSON] ل[روسيا|COUNTRY:rejected*]",
    );
    // A decision can be changed: accepted → fixed.
    check_decide(
        "زار [بوتين|PERSON:accepted*] ل[روسيا|COUNTRY]",
        ReviewDecision::Fixed,
        None,
        "زار [بوتين|PERSON:fixed*] ل[روسيا|COUNTRY]",
    );
}

#[test]
fn rejecting_needs_a_reason_and_keeps_the_span() {
    let (ann, selected) = state("زار [بوتين|PERSON*]");
    for reason in [None, Some(""), Some("  ")] {
        assert_eq!(
            decide(
                &ann,
                selected,
                "sara",
                ReviewDecision::Rejected,
                reason,
                now(&ann)
            ),
            Err(ReviewError::MissingReason)
        );
    }
    let mut ann = ann;
    let edit = decide(
        &ann,
        selected,
        "sara",
        ReviewDecision::Rejected,
        Some(" ليس اسماً "),
        now(&ann),
    )
    .unwrap();
    ann.apply_at(edit, now(&ann)).unwrap();
    let review = ann.spans()[0].review.clone().unwrap();
    assert_eq!(review.reason.as_deref(), Some("ليس اسماً"));
    assert_eq!(review.reviewer, "sara");
    assert_eq!(render(&ann, None), "زار [بوتين|PERSON:rejected]");
}

#[test]
fn decide_is_refused_without_span_reviewer_or_change() {
    let (ann, selected) = state("زار [بوتين|PERSON:accepted*] [x|EVENT]");
    let t = now(&ann);
    assert_eq!(
        decide(&ann, None, "sara", ReviewDecision::Accepted, None, t),
        Err(ReviewError::NoSpanSelected)
    );
    assert_eq!(
        decide(
            &ann,
            Some(SpanId(77)),
            "sara",
            ReviewDecision::Accepted,
            None,
            t
        ),
        Err(ReviewError::SpanGone(SpanId(77)))
    );
    assert_eq!(
        decide(&ann, selected, " ", ReviewDecision::Accepted, None, t),
        Err(ReviewError::NoReviewer)
    );
    assert_eq!(
        decide(&ann, selected, "sara", ReviewDecision::Accepted, None, t),
        Err(ReviewError::AlreadyDecided("accepted"))
    );
    // Another reviewer's acceptance is a new decision.
    assert!(decide(&ann, selected, "omar", ReviewDecision::Accepted, None, t).is_ok());
}

#[test]
fn the_last_decision_marks_the_document_reviewed_in_the_same_undo_step() {
    let (mut ann, _) = state("[زار|EVENT:accepted] [بوتين|PERSON*] ل[روسيا|COUNTRY:rejected]");
    let selected = Some(Case::span_id(1));
    assert_eq!(ReviewCounts::of(&ann).undecided, 1);
    let before = ann.clone();
    let edit = decide(
        &ann,
        selected,
        "sara",
        ReviewDecision::Accepted,
        None,
        now(&ann),
    )
    .unwrap();
    assert!(matches!(&edit, Edit::Group(edits) if edits.len() == 2));
    let undo = ann.apply_at(edit, now(&ann)).unwrap();
    assert_eq!(ann.status(), DocStatus::Reviewed);
    assert!(all_decided(&ann));
    assert_eq!(
        ReviewCounts::of(&ann),
        ReviewCounts {
            accepted: 2,
            rejected: 1,
            fixed: 0,
            undecided: 0
        }
    );
    assert_eq!(
        render(&ann, None),
        "[زار|EVENT:accepted] [بوتين|PERSON:accepted] ل[روسيا|COUNTRY:rejected]"
    );
    ann.apply(undo).unwrap();
    assert_eq!(
        ann, before,
        "one undo takes back the decision and the status"
    );
    // Not the last one: no status change.
    let (ann, _) = state("[زار|EVENT] [بوتين|PERSON*] ل[روسيا|COUNTRY]");
    let edit = decide(
        &ann,
        Some(Case::span_id(1)),
        "sara",
        ReviewDecision::Accepted,
        None,
        now(&ann),
    );
    assert!(matches!(edit, Ok(Edit::SetReview { .. })));
}

#[test]
fn mark_reviewed_needs_every_span_decided() {
    let (ann, _) = state("[زار|EVENT:accepted] [بوتين|PERSON] ل[روسيا|COUNTRY]");
    assert_eq!(mark_reviewed(&ann), Err(ReviewError::Undecided(2)));
    let (mut ann, _) = state("[زار|EVENT:accepted] [بوتين|PERSON:fixed]");
    assert_eq!(
        mark_reviewed(&ann),
        Ok(Edit::SetStatus(DocStatus::Reviewed))
    );
    ann.apply(Edit::SetStatus(DocStatus::Reviewed)).unwrap();
    assert_eq!(
        mark_reviewed(&ann),
        Err(ReviewError::AlreadyDecided("reviewed"))
    );
    assert_eq!(
        ReviewError::Undecided(2).to_string(),
        "2 span(s) still undecided"
    );
}

#[test]
fn the_annotators_fix_of_a_rejected_span_makes_it_undecided_again() {
    let (mut ann, selected) = state("زار [بوتين|PERSON] ل[روسيا|COUNTRY:rejected*]");
    let id = selected.unwrap();
    let later = now(&ann);
    ann.apply_at(
        Edit::Relabel {
            id,
            label: "PERSON".into(),
        },
        later,
    )
    .unwrap();
    assert_eq!(
        render(&ann, None),
        "زار [بوتين|PERSON] ل[روسيا|PERSON:changed]"
    );
    assert_eq!(next_undecided(&ann, None, Direction::Next), Some(SpanId(1)));
    assert_eq!(
        next_undecided(&ann, Some(SpanId(1)), Direction::Next),
        Some(id)
    );
    // The reviewer accepts the fix; the rejection is replaced, and the span counts as decided.
    let edit = decide(
        &ann,
        Some(id),
        "sara",
        ReviewDecision::Accepted,
        None,
        later,
    )
    .unwrap();
    ann.apply_at(edit, later).unwrap();
    assert_eq!(
        render(&ann, None),
        "زار [بوتين|PERSON] ل[روسيا|PERSON:accepted]"
    );
}

#[test]
fn next_undecided_skips_decided_spans_and_wraps() {
    let (ann, _) = state("[a|EVENT] [b|PERSON:accepted] [c|PERSON] [d|COUNTRY:rejected]");
    let ids = |i: usize| Some(Case::span_id(i));
    assert_eq!(next_undecided(&ann, None, Direction::Next), ids(0));
    assert_eq!(next_undecided(&ann, ids(0), Direction::Next), ids(2));
    assert_eq!(
        next_undecided(&ann, ids(2), Direction::Next),
        ids(0),
        "wraps"
    );
    assert_eq!(next_undecided(&ann, ids(1), Direction::Next), ids(2));
    assert_eq!(next_undecided(&ann, None, Direction::Previous), ids(2));
    assert_eq!(next_undecided(&ann, ids(2), Direction::Previous), ids(0));
    assert_eq!(
        next_undecided(&ann, ids(0), Direction::Previous),
        ids(2),
        "wraps"
    );
    let (done, _) = state("[a|EVENT:accepted] [b|PERSON:fixed]");
    assert_eq!(next_undecided(&done, None, Direction::Next), None);
    // The only undecided span is found again from itself.
    let (one, _) = state("[a|EVENT] [b|PERSON:fixed]");
    assert_eq!(next_undecided(&one, ids(0), Direction::Next), ids(0));
}

#[test]
fn clear_review_returns_a_span_to_undecided() {
    let (mut ann, selected) = state("[a|EVENT:rejected*]");
    let edit = clear_review(&ann, selected).unwrap();
    ann.apply(edit).unwrap();
    assert_eq!(render(&ann, None), "[a|EVENT]");
    assert_eq!(
        clear_review(&ann, selected),
        Err(ReviewError::AlreadyDecided("undecided"))
    );
}

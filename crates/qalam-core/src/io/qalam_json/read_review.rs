//! Reading and checking a span's `"review"` and `"adjudication"` objects for the validating
//! reader. Both are optional (absent or `null` is none); keys other than the documented ones are
//! ignored and not kept, as the fast reader ignores them.

use serde_json::Value;

use super::fields::{Fields, Need, describe, quote_short};
use super::locate::child;
use super::problems::{Problems, display_name};
use crate::model::{Adjudication, AdjudicationVariant, Resolution, Review, ReviewDecision};

/// The span's `"review"`, recording every problem; `None` when absent, `null` or faulty.
pub fn read_review(span: &Fields<'_>, problems: &mut Problems) -> Option<Review> {
    let fields = span.object(problems, "review", Need::Optional)?;
    let reviewer = fields.string(problems, "reviewer", Need::Required);
    let decision = fields
        .string(problems, "decision", Need::Required)
        .and_then(|name| {
            let decision = ReviewDecision::parse(name);
            if decision.is_none() {
                let names = ReviewDecision::ALL.map(ReviewDecision::name);
                one_of(&fields, "decision", name, &names, problems);
            }
            decision
        });
    let reason = fields.string(problems, "reason", Need::Optional);
    let at = fields.timestamp(problems, "at", Need::Required);
    Some(Review {
        reviewer: reviewer?.to_owned(),
        decision: decision?,
        reason: reason.map(str::to_owned),
        at: at?,
    })
}

/// The span's `"adjudication"`, recording every problem; `None` when absent, `null` or faulty.
pub fn read_adjudication(span: &Fields<'_>, problems: &mut Problems) -> Option<Adjudication> {
    let fields = span.object(problems, "adjudication", Need::Optional)?;
    let before = problems.list().len();
    let sources = fields
        .array(problems, "sources")
        .map(|items| strings(items, &fields.pointer("sources"), problems));
    let variants = fields
        .array(problems, "variants")
        .map(|items| variants(items, &fields.pointer("variants"), problems));
    let decided_by = fields.string(problems, "decided_by", Need::Required);
    let resolution = fields
        .string(problems, "resolution", Need::Required)
        .and_then(|name| {
            let resolution = Resolution::parse(name);
            if resolution.is_none() {
                let names = Resolution::ALL.map(Resolution::name);
                one_of(&fields, "resolution", name, &names, problems);
            }
            resolution
        });
    let at = fields.timestamp(problems, "at", Need::Required);
    if problems.list().len() > before {
        return None;
    }
    Some(Adjudication {
        sources: sources?,
        variants: variants?,
        decided_by: decided_by?.to_owned(),
        resolution: resolution?,
        at: at?,
    })
}

/// Records that `key` holds `found` instead of one of `names`.
fn one_of(fields: &Fields<'_>, key: &str, found: &str, names: &[&str], problems: &mut Problems) {
    let quoted: Vec<String> = names.iter().map(|name| format!("\"{name}\"")).collect();
    problems.push(
        fields.pointer(key),
        format!(
            "{} must be one of {}, found {}",
            display_name(&fields.pointer(key)),
            quoted.join(", "),
            quote_short(found)
        ),
    );
}

/// An array of strings at `at`; each non-string item is a problem.
fn strings(items: &[Value], at: &str, problems: &mut Problems) -> Vec<String> {
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        match item {
            Value::String(text) => out.push(text.clone()),
            other => {
                let item_at = child(at, &index.to_string());
                problems.push(
                    item_at.clone(),
                    format!(
                        "{} must be a string, found {}",
                        display_name(&item_at),
                        describe(other)
                    ),
                );
            }
        }
    }
    out
}

/// The `"variants"` array at `at`.
fn variants(items: &[Value], at: &str, problems: &mut Problems) -> Vec<AdjudicationVariant> {
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let Some(fields) = Fields::new(item, child(at, &index.to_string()), problems) else {
            continue;
        };
        let annotator = fields.string(problems, "annotator", Need::Required);
        let start = fields.usize(problems, "start");
        let end = fields.usize(problems, "end");
        let label = fields.string(problems, "label", Need::Required);
        if let (Some(annotator), Some(start), Some(end), Some(label)) =
            (annotator, start, end, label)
        {
            out.push(AdjudicationVariant {
                annotator: annotator.to_owned(),
                start,
                end,
                label: label.to_owned(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn messages(span: Value) -> (Option<Review>, Option<Adjudication>, Vec<String>) {
        let mut problems = Problems::default();
        let fields = Fields::new(&span, "/spans/0".into(), &mut problems).unwrap();
        let review = read_review(&fields, &mut problems);
        let adjudication = read_adjudication(&fields, &mut problems);
        let list = problems.list().iter().map(|p| p.message.clone()).collect();
        (review, adjudication, list)
    }

    #[test]
    fn absent_and_null_are_none_without_problems() {
        assert_eq!(messages(json!({})), (None, None, vec![]));
        let (review, adjudication, problems) =
            messages(json!({"review": null, "adjudication": null}));
        assert!(review.is_none() && adjudication.is_none() && problems.is_empty());
    }

    #[test]
    fn every_review_and_adjudication_problem_is_reported() {
        let (review, adjudication, problems) = messages(json!({
            "review": {"reviewer": 3, "decision": "ok", "at": "soon"},
            "adjudication": {"sources": ["a", 1], "variants": [{"annotator": "b", "start": -1, "end": 2}],
                             "decided_by": "c", "resolution": "merged", "at": "2025-01-01T00:00:00Z"}
        }));
        assert!(review.is_none() && adjudication.is_none());
        assert_eq!(
            problems,
            vec![
                "spans[0].review.reviewer must be a string, found the number 3",
                "spans[0].review.decision must be one of \"accepted\", \"rejected\", \"fixed\", found \"ok\"",
                "spans[0].review.at must be an RFC 3339 timestamp such as \"2025-01-31T12:00:00Z\", found the string \"soon\"",
                "spans[0].adjudication.sources[1] must be a string, found the number 1",
                "spans[0].adjudication.variants[0].start must be a non-negative integer, found the number -1",
                "spans[0].adjudication.variants[0]: missing required field \"label\"",
                "spans[0].adjudication.resolution must be one of \"agreed\", \"took\", \"both\", \"edited\", found \"merged\"",
            ]
        );
    }
}

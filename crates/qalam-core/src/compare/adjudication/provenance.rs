//! Where a gold span came from: which annotators had it exactly, what the others had, who
//! decided and how — the span's [`Adjudication`] (format field `adjudication`, see
//! `docs/format.md`), worked out from its group.

use chrono::{DateTime, Utc};

use crate::compare::Group;
use crate::model::{Adjudication, AdjudicationVariant, Resolution};

/// The adjudication of a gold span `[start, end)` `label` chosen from `group`, whose variants
/// belong to `annotators` (in the group's order): the annotators with exactly this span are
/// its sources, those with another variant its variants (both sorted by annotator). An
/// `edited` span is the adjudicator's own (it may be changed by hand at any time after), so it
/// has no sources and every annotator's variant is listed.
pub fn provenance_of(
    group: &Group,
    annotators: &[String],
    (start, end, label): (usize, usize, &str),
    resolution: Resolution,
    decided_by: &str,
    at: DateTime<Utc>,
) -> Adjudication {
    let mut sources = Vec::new();
    let mut variants = Vec::new();
    for (variant, annotator) in group.variants.iter().zip(annotators) {
        let Some(variant) = variant else {
            continue;
        };
        let same = (variant.start, variant.end, variant.label.as_str()) == (start, end, label);
        if same && resolution != Resolution::Edited {
            sources.push(annotator.clone());
        } else {
            variants.push(AdjudicationVariant {
                annotator: annotator.clone(),
                start: variant.start,
                end: variant.end,
                label: variant.label.clone(),
            });
        }
    }
    sources.sort();
    variants.sort_by(|a, b| a.annotator.cmp(&b.annotator));
    Adjudication {
        sources,
        variants,
        decided_by: decided_by.to_owned(),
        resolution,
        at,
    }
}

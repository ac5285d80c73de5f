//! Span F1 between two annotators: exact match (same range and label) and overlap match (same
//! label, sharing a code point), each span matched at most once (pairing in
//! [`compare::matching`](crate::compare::matching)).

use std::collections::HashMap;

use crate::compare::matching::{Rule, pair};
use crate::model::Span;

/// Spans of one label on each side of a pair, and how many were matched.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LabelCounts {
    /// The label.
    pub label: String,
    /// Spans of the first annotator with this label.
    pub a: usize,
    /// Spans of the second annotator with this label.
    pub b: usize,
    /// Matched pairs (both with this label).
    pub matched: usize,
}

impl LabelCounts {
    /// `2 · matched / (a + b)`; `None` for a label neither annotator used.
    pub fn f1(&self) -> Option<f64> {
        f1(self.matched, self.a + self.b)
    }
}

/// `2 · matched / total`, `None` when `total` is 0.
fn f1(matched: usize, total: usize) -> Option<f64> {
    (total > 0).then(|| 2.0 * matched as f64 / total as f64)
}

/// The match counts of a pair of annotators, per label (every label of the report, used or
/// not, in its order).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SpanMatch {
    /// One entry per label.
    pub labels: Vec<LabelCounts>,
}

impl SpanMatch {
    /// Zero counts for `labels`.
    pub fn new(labels: &[String]) -> Self {
        Self {
            labels: labels
                .iter()
                .map(|label| LabelCounts {
                    label: label.clone(),
                    ..LabelCounts::default()
                })
                .collect(),
        }
    }

    /// Spans of the first annotator.
    pub fn a(&self) -> usize {
        self.labels.iter().map(|l| l.a).sum()
    }

    /// Spans of the second annotator.
    pub fn b(&self) -> usize {
        self.labels.iter().map(|l| l.b).sum()
    }

    /// Matched pairs.
    pub fn matched(&self) -> usize {
        self.labels.iter().map(|l| l.matched).sum()
    }

    /// Micro F1 over all labels, `2 · matched / (a + b)`; 1 when neither has a span (two
    /// empty annotations are identical).
    pub fn f1(&self) -> f64 {
        f1(self.matched(), self.a() + self.b()).unwrap_or(1.0)
    }

    /// Adds `other`'s counts (same labels) to these.
    pub fn add(&mut self, other: &SpanMatch) {
        for (mine, theirs) in self.labels.iter_mut().zip(&other.labels) {
            mine.a += theirs.a;
            mine.b += theirs.b;
            mine.matched += theirs.matched;
        }
    }
}

/// Counts the spans of `a` and `b` per label and the pairs matched under `rule`
/// ([`Rule::Exact`] or [`Rule::SameLabel`]); `labels` maps every label name to its index.
pub fn span_match(
    a: &[Span],
    b: &[Span],
    labels: &[String],
    index: &HashMap<&str, usize>,
    rule: Rule,
) -> SpanMatch {
    let mut counts = SpanMatch::new(labels);
    let slot = |label: &str| index.get(label).copied();
    for span in a {
        if let Some(i) = slot(&span.label) {
            counts.labels[i].a += 1;
        }
    }
    for span in b {
        if let Some(i) = slot(&span.label) {
            counts.labels[i].b += 1;
        }
    }
    let left = crate::compare::diff::items(a);
    let right = crate::compare::diff::items(b);
    for (i, _) in pair(&left, &right, a.len(), b.len(), rule) {
        if let Some(l) = slot(&a[i].label) {
            counts.labels[l].matched += 1;
        }
    }
    counts
}

//! An interval index over an annotation's spans, rebuilt only when the spans change.
//!
//! The document view asks, for every visible paragraph and every frame, which spans overlap a
//! code-point range. Spans are sorted by start; a running maximum of their ends lets a binary
//! search skip every span that ends before the range, so a query touches only the spans near
//! the range instead of all of them. Each span also gets a *lane*: overlapping spans get
//! different lanes (outer spans lower lanes), which the painter uses to inset nested highlights.

use std::ops::Range;

use qalam_core::model::{Annotation, SpanId};

/// One span as the view needs it: bounds, label position and drawing lane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedSpan {
    /// The span's id.
    pub id: SpanId,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Position of the span's label in the label set, `None` for an unknown label.
    pub label: Option<usize>,
    /// Drawing lane: 0 for spans not inside another, higher for spans overlapping a lower lane.
    pub lane: usize,
}

/// What a built index was built from, compared every frame to notice changes cheaply.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct SpanKey {
    bounds: Vec<(SpanId, usize, usize)>,
    labels: Vec<String>,
    label_names: Vec<String>,
}

/// Spans of one annotation sorted by `(start, end, id)` with a prefix maximum of their ends.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    spans: Vec<IndexedSpan>,
    max_end: Vec<usize>,
    lanes: usize,
    key: SpanKey,
}

impl SpanIndex {
    /// Builds the index of `ann`'s spans.
    pub fn build(ann: &Annotation) -> Self {
        let mut spans: Vec<IndexedSpan> = ann
            .spans()
            .iter()
            .map(|span| IndexedSpan {
                id: span.id,
                start: span.start,
                end: span.end.max(span.start),
                label: ann.labels().position(&span.label),
                lane: 0,
            })
            .collect();
        // The model keeps spans sorted, but the index must not depend on it for correctness.
        spans.sort_by_key(|span| (span.start, span.end, span.id));
        let lanes = assign_lanes(&mut spans);
        let mut max_end = Vec::with_capacity(spans.len());
        let mut running = 0;
        for span in &spans {
            running = running.max(span.end);
            max_end.push(running);
        }
        Self {
            spans,
            max_end,
            lanes,
            key: key_of(ann),
        }
    }

    /// True when this index still describes `ann`'s spans and labels.
    pub fn is_current(&self, ann: &Annotation) -> bool {
        let key = &self.key;
        key.bounds.len() == ann.spans().len()
            && key.label_names.len() == ann.labels().labels.len()
            && ann
                .spans()
                .iter()
                .zip(key.bounds.iter().zip(&key.labels))
                .all(|(span, (&(id, start, end), label))| {
                    span.id == id && span.start == start && span.end == end && span.label == *label
                })
            && ann
                .labels()
                .labels
                .iter()
                .zip(&key.label_names)
                .all(|(label, name)| label.name == *name)
    }

    /// Rebuilds the index if `ann`'s spans or labels changed; returns whether it did.
    pub fn refresh(&mut self, ann: &Annotation) -> bool {
        if self.is_current(ann) {
            return false;
        }
        *self = Self::build(ann);
        true
    }

    /// Number of spans indexed.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when there are no spans.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Number of lanes in use (the deepest overlap).
    pub fn lane_count(&self) -> usize {
        self.lanes
    }

    /// The span with this id.
    pub fn get(&self, id: SpanId) -> Option<&IndexedSpan> {
        self.spans.iter().find(|span| span.id == id)
    }

    /// Spans sharing at least one code point with the half-open range, in `(start, end, id)`
    /// order. Empty spans overlap nothing.
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = &IndexedSpan> {
        // Spans starting at or after range.end cannot overlap.
        let upper = self.spans.partition_point(|span| span.start < range.end);
        // Before `lower`, every span ends at or before range.start.
        let lower = self.max_end[..upper].partition_point(|&end| end <= range.start);
        self.spans[lower..upper]
            .iter()
            .filter(move |span| span.end > range.start && span.start < span.end)
    }

    /// The innermost (shortest; deepest lane on ties) span containing code point `cp`.
    pub fn innermost_at(&self, cp: usize) -> Option<SpanId> {
        self.overlapping(cp..cp + 1)
            .filter(|span| span.start <= cp && cp < span.end)
            .min_by_key(|span| (span.end - span.start, usize::MAX - span.lane))
            .map(|span| span.id)
    }
}

fn key_of(ann: &Annotation) -> SpanKey {
    SpanKey {
        bounds: ann
            .spans()
            .iter()
            .map(|span| (span.id, span.start, span.end))
            .collect(),
        labels: ann.spans().iter().map(|span| span.label.clone()).collect(),
        label_names: ann
            .labels()
            .labels
            .iter()
            .map(|label| label.name.clone())
            .collect(),
    }
}

/// Greedy interval colouring: outer spans first (start ascending, end descending), each span
/// on the lowest lane whose previous span has ended. Returns the number of lanes.
fn assign_lanes(spans: &mut [IndexedSpan]) -> usize {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].start, std::cmp::Reverse(spans[i].end), spans[i].id));
    let mut lane_ends: Vec<usize> = Vec::new();
    for i in order {
        let span = &mut spans[i];
        let lane = match lane_ends.iter().position(|&end| end <= span.start) {
            Some(lane) => lane,
            None => {
                lane_ends.push(0);
                lane_ends.len() - 1
            }
        };
        lane_ends[lane] = span.end.max(span.start + 1);
        span.lane = lane;
    }
    lane_ends.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use qalam_core::model::{Document, Edit};

    fn annotation(spans: &[(usize, usize, &str)]) -> Annotation {
        Annotation::with_spans_unchecked(Document::new("t", "x".repeat(200)), spans)
    }

    fn naive(ann: &Annotation, range: Range<usize>) -> Vec<SpanId> {
        ann.spans()
            .iter()
            .filter(|s| s.start < range.end && s.end > range.start && s.start < s.end)
            .map(|s| s.id)
            .collect()
    }

    #[test]
    fn overlapping_matches_a_scan_of_all_spans() {
        let ann = annotation(&[
            (0, 100, "EVENT"),
            (3, 5, "PERSON"),
            (10, 20, "COUNTRY"),
            (12, 14, "PERSON"),
            (40, 41, "PERSON"),
            (60, 90, "ORGANIZATION"),
        ]);
        let index = SpanIndex::build(&ann);
        for start in 0..110 {
            for len in 1..30 {
                let got: Vec<SpanId> = index
                    .overlapping(start..start + len)
                    .map(|s| s.id)
                    .collect();
                assert_eq!(
                    got,
                    naive(&ann, start..start + len),
                    "range {start}..{}",
                    start + len
                );
            }
        }
    }

    #[test]
    fn nested_spans_get_deeper_lanes_and_innermost_wins() {
        let ann = annotation(&[
            (0, 10, "ORGANIZATION"),
            (2, 6, "COUNTRY"),
            (3, 4, "PERSON"),
            (20, 25, "PERSON"),
        ]);
        let index = SpanIndex::build(&ann);
        let lane = |id| index.get(SpanId(id)).map(|s| s.lane);
        assert_eq!(lane(1), Some(0));
        assert_eq!(lane(2), Some(1));
        assert_eq!(lane(3), Some(2));
        assert_eq!(lane(4), Some(0));
        assert_eq!(index.lane_count(), 3);
        assert_eq!(index.innermost_at(3), Some(SpanId(3)));
        assert_eq!(index.innermost_at(5), Some(SpanId(2)));
        assert_eq!(index.innermost_at(8), Some(SpanId(1)));
        assert_eq!(index.innermost_at(15), None);
        assert_eq!(index.get(SpanId(2)).and_then(|s| s.label), Some(1));
    }

    #[test]
    fn refresh_notices_moved_and_relabelled_spans() {
        let mut ann = annotation(&[(0, 4, "PERSON")]);
        let mut index = SpanIndex::build(&ann);
        assert!(!index.refresh(&ann));
        ann.apply(Edit::SetBounds {
            id: SpanId(1),
            start: 0,
            end: 5,
        })
        .unwrap();
        assert!(index.refresh(&ann));
        assert_eq!(index.innermost_at(4), Some(SpanId(1)));
        ann.apply(Edit::Relabel {
            id: SpanId(1),
            label: "EVENT".to_owned(),
        })
        .unwrap();
        assert!(index.refresh(&ann));
        assert_eq!(index.get(SpanId(1)).and_then(|s| s.label), Some(3));
        ann.apply(Edit::RemoveSpan(SpanId(1))).unwrap();
        assert!(index.refresh(&ann));
        assert!(index.is_empty());
    }
}

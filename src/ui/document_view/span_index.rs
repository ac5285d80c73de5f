//! An interval index over an annotation's spans, updated in place when the spans change.
//!
//! The document view asks, for every visible paragraph, which spans overlap a code-point range.
//! Spans are sorted by start; a running maximum of their ends lets a binary search skip every
//! span that ends before the range, so a query touches only the spans near the range instead of
//! all of them. Each span also gets a *lane*: overlapping spans get different lanes (outer spans
//! lower lanes), which the painter uses to inset nested highlights.
//!
//! Whether the spans changed is read from [`Annotation::change_stamp`] (one comparison a frame).
//! After an edit the index keeps the unchanged spans before and after the edited ones, replaces
//! only those in between, and recomputes the running maximum and the lanes only as far as they
//! change; the code-point ranges whose drawing may have changed are collected for the view's
//! paint cache ([`SpanIndex::take_changes`]).

use std::collections::HashMap;
use std::ops::Range;

use qalam_core::model::{Annotation, ReviewState, Span, SpanId};

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
    /// Where the span stands in review (rejected spans are struck through).
    pub review: ReviewState,
}

impl IndexedSpan {
    /// End used for lanes and the running maximum: an empty span still occupies its start.
    fn lane_end(&self) -> usize {
        self.end.max(self.start + 1)
    }
}

/// What changed in the index since the last [`SpanIndex::take_changes`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SpanChanges {
    /// Nothing.
    #[default]
    None,
    /// Spans inside these code-point ranges (of the whole text) were added, removed, moved,
    /// relabelled, reviewed or put on another lane.
    Ranges(Vec<Range<usize>>),
    /// The whole index was rebuilt (another annotation, or its label set changed).
    All,
}

/// Spans of one annotation sorted by `(start, end, id)` with a prefix maximum of their ends.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    spans: Vec<IndexedSpan>,
    /// `max_end[i]`: the largest [`IndexedSpan::lane_end`] of `spans[..=i]`.
    max_end: Vec<usize>,
    /// Change stamp of the annotation this index describes; 0 before the first build.
    stamp: u64,
    /// Names of the label set, in order (label positions in [`IndexedSpan::label`]).
    label_names: Vec<String>,
    /// Bounds by id, for the outlined and dragged spans.
    bounds: HashMap<SpanId, (usize, usize)>,
    changes: SpanChanges,
}

impl SpanIndex {
    /// Builds the index of `ann`'s spans.
    pub fn build(ann: &Annotation) -> Self {
        let mut spans: Vec<IndexedSpan> =
            ann.spans().iter().map(|span| indexed(ann, span)).collect();
        // The model keeps spans sorted, but the index must not depend on it for correctness.
        if !spans.is_sorted_by_key(sort_key) {
            spans.sort_by_key(sort_key);
        }
        let mut index = Self {
            spans,
            max_end: Vec::new(),
            stamp: ann.change_stamp(),
            label_names: label_names(ann),
            bounds: HashMap::new(),
            changes: SpanChanges::All,
        };
        index.bounds = index
            .spans
            .iter()
            .map(|span| (span.id, (span.start, span.end)))
            .collect();
        index.update_max_end(0, 0);
        let len = index.spans.len();
        assign_lanes(&mut index.spans[..len]);
        index
    }

    /// True when this index still describes `ann`'s spans and labels.
    pub fn is_current(&self, ann: &Annotation) -> bool {
        self.stamp == ann.change_stamp()
    }

    /// Brings the index up to date with `ann`; returns whether `ann` changed since the last
    /// call. Cost: one comparison when nothing changed; after an edit, one pass comparing spans
    /// and work proportional to the spans it touched.
    pub fn refresh(&mut self, ann: &Annotation) -> bool {
        if self.is_current(ann) {
            return false;
        }
        let same_labels = self.label_names.len() == ann.labels().labels.len()
            && ann
                .labels()
                .labels
                .iter()
                .zip(&self.label_names)
                .all(|(label, name)| label.name == *name);
        if !same_labels || !self.update(ann) {
            *self = Self::build(ann);
        }
        self.stamp = ann.change_stamp();
        true
    }

    /// Code-point ranges whose spans changed since the last call (and forgets them).
    pub fn take_changes(&mut self) -> SpanChanges {
        std::mem::take(&mut self.changes)
    }

    /// Replaces the spans that differ from `ann`'s, keeping the unchanged runs before and after
    /// them. False when `ann`'s spans are not in index order (the caller then rebuilds).
    fn update(&mut self, ann: &Annotation) -> bool {
        let new = ann.spans();
        let old_len = self.spans.len();
        let same = |old: &IndexedSpan, span: &Span| {
            old.id == span.id
                && old.start == span.start
                && old.end == span.end.max(span.start)
                && old
                    .label
                    .and_then(|i| self.label_names.get(i))
                    .map(String::as_str)
                    == Some(span.label.as_str())
                && old.review == span.review_state()
        };
        let prefix = self
            .spans
            .iter()
            .zip(new)
            .take_while(|(old, span)| same(old, span))
            .count();
        let room = old_len.min(new.len()) - prefix;
        let suffix = self.spans[prefix..]
            .iter()
            .rev()
            .zip(new[prefix..].iter().rev())
            .take(room)
            .take_while(|(old, span)| same(old, span))
            .count();
        if prefix == old_len && prefix == new.len() {
            return true; // e.g. a status change: the spans are as they were
        }
        let added: Vec<IndexedSpan> = new[prefix..new.len() - suffix]
            .iter()
            .map(|span| indexed(ann, span))
            .collect();
        let mut changed: Vec<Range<usize>> = Vec::new();
        for span in self.spans[prefix..old_len - suffix].iter().chain(&added) {
            changed.push(span.start..span.lane_end());
        }
        for span in &self.spans[prefix..old_len - suffix] {
            self.bounds.remove(&span.id);
        }
        for span in &added {
            self.bounds.insert(span.id, (span.start, span.end));
        }
        let added_len = added.len();
        self.spans.splice(prefix..old_len - suffix, added);
        let after = prefix + added_len;
        let sorted_at = |i: usize| {
            i == 0
                || i >= self.spans.len()
                || sort_key(&self.spans[i - 1]) < sort_key(&self.spans[i])
        };
        if !(prefix..=after).all(sorted_at) {
            return false;
        }
        // The running maximum before `prefix` is unchanged; after the new spans it rejoins the
        // old values (shifted) as soon as it equals them.
        self.max_end
            .splice(prefix..old_len - suffix, std::iter::repeat_n(0, added_len));
        let settled = self.update_max_end(prefix, after);
        let lanes = self.relane(prefix, settled);
        changed.push(lanes);
        self.push_changes(changed);
        true
    }

    /// Recomputes `max_end` from `from`; entries at `keep_from` and later held valid old values,
    /// so the pass stops at the first of those it leaves unchanged. Returns the index of that
    /// entry (or the length).
    fn update_max_end(&mut self, from: usize, keep_from: usize) -> usize {
        self.max_end.resize(self.spans.len(), 0);
        let mut running = from.checked_sub(1).map_or(0, |i| self.max_end[i]);
        for i in from..self.spans.len() {
            running = running.max(self.spans[i].lane_end());
            if i >= keep_from && self.max_end[i] == running {
                return i;
            }
            self.max_end[i] = running;
        }
        self.spans.len()
    }

    /// Whether the lanes of `spans[i..]` do not depend on the spans before `i`: every span
    /// before it has ended by its start.
    fn starts_cluster(&self, i: usize) -> bool {
        i == 0 || i >= self.spans.len() || self.max_end[i - 1] <= self.spans[i].start
    }

    /// Reassigns lanes of the cluster of overlapping spans around `changed` up to `settled`
    /// (where the running maximum rejoined its old values); returns the code-point range of the
    /// spans it covered.
    fn relane(&mut self, changed: usize, settled: usize) -> Range<usize> {
        // The span before the change belongs in: a removed span may have come before it in
        // lane order (same start, longer).
        let mut first = changed.saturating_sub(1).min(self.spans.len());
        while !self.starts_cluster(first) {
            first -= 1;
        }
        // Past `settled` the running maximum is the old one, so cluster starts there are old
        // cluster starts too, and the lanes after one are as they were.
        let mut last = (settled + 1).max(changed + 1).min(self.spans.len());
        while !self.starts_cluster(last) {
            last += 1;
        }
        if first >= last {
            return 0..0;
        }
        assign_lanes(&mut self.spans[first..last]);
        self.spans[first].start..self.max_end[last - 1]
    }

    fn push_changes(&mut self, ranges: Vec<Range<usize>>) {
        match &mut self.changes {
            SpanChanges::All => {}
            SpanChanges::Ranges(list) => list.extend(ranges),
            none @ SpanChanges::None => *none = SpanChanges::Ranges(ranges),
        }
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
        self.spans
            .iter()
            .map(|span| span.lane + 1)
            .max()
            .unwrap_or(0)
    }

    /// Start and end of the span with this id.
    pub fn bounds(&self, id: SpanId) -> Option<(usize, usize)> {
        self.bounds.get(&id).copied()
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

fn sort_key(span: &IndexedSpan) -> (usize, usize, SpanId) {
    (span.start, span.end, span.id)
}

fn indexed(ann: &Annotation, span: &Span) -> IndexedSpan {
    IndexedSpan {
        id: span.id,
        start: span.start,
        end: span.end.max(span.start),
        label: ann.labels().position(&span.label),
        lane: 0,
        review: span.review_state(),
    }
}

fn label_names(ann: &Annotation) -> Vec<String> {
    ann.labels()
        .labels
        .iter()
        .map(|label| label.name.clone())
        .collect()
}

/// Greedy interval colouring of a run of whole clusters: outer spans first (start ascending,
/// end descending), each span on the lowest lane whose previous span has ended.
fn assign_lanes(spans: &mut [IndexedSpan]) {
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
        lane_ends[lane] = span.lane_end();
        span.lane = lane;
    }
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

    #[test]
    fn a_review_decision_is_a_change_of_the_span_for_painting() {
        use qalam_core::model::{Review, ReviewDecision};
        let mut ann = annotation(&[(0, 4, "PERSON"), (10, 14, "COUNTRY")]);
        let mut index = SpanIndex::build(&ann);
        index.take_changes();
        let at = ann.spans()[1].modified;
        let review = Review::new("sara", ReviewDecision::Rejected, Some("x".into()), at);
        ann.apply(Edit::SetReview {
            id: SpanId(2),
            review: Some(review),
        })
        .unwrap();
        assert!(index.refresh(&ann));
        assert_eq!(
            index.get(SpanId(2)).map(|s| s.review),
            Some(ReviewState::Rejected)
        );
        match index.take_changes() {
            SpanChanges::Ranges(ranges) => {
                assert!(
                    ranges.iter().any(|r| r.start <= 10 && r.end >= 14),
                    "{ranges:?}"
                );
            }
            other => panic!("{other:?}"),
        }
    }

    /// The index's spans with lanes and running maximum, to compare an updated index with one
    /// built from scratch.
    fn snapshot(index: &SpanIndex) -> (Vec<IndexedSpan>, Vec<usize>) {
        (index.spans.clone(), index.max_end.clone())
    }

    #[test]
    fn updating_in_place_matches_a_rebuild_after_every_edit() {
        let labels = ["PERSON", "COUNTRY", "ORGANIZATION", "EVENT"];
        let mut ann = annotation(&[
            (0, 30, "EVENT"),
            (3, 5, "PERSON"),
            (10, 20, "COUNTRY"),
            (10, 14, "PERSON"),
            (40, 41, "PERSON"),
            (60, 90, "ORGANIZATION"),
            (60, 70, "PERSON"),
        ]);
        let mut index = SpanIndex::build(&ann);
        index.take_changes();
        // A small linear congruential generator: deterministic edits of every kind.
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) % n) as usize
        };
        let mut applied = 0;
        for step in 0..600 {
            let spans = ann.spans().to_vec();
            let pick = (!spans.is_empty()).then(|| spans[next(spans.len() as u64)].id);
            let start = next(180);
            let end = start + 1 + next(25);
            let label = labels[next(4)];
            let edit = match (next(4), pick) {
                (0, Some(id)) => Edit::RemoveSpan(id),
                (1, Some(id)) => Edit::SetBounds { id, start, end },
                (2, Some(id)) => Edit::Relabel {
                    id,
                    label: label.to_owned(),
                },
                _ => Edit::AddSpan(ann.new_span(start, end, label)),
            };
            let before = snapshot(&index);
            if ann.apply(edit).is_err() {
                continue;
            }
            applied += 1;
            assert!(index.refresh(&ann), "step {step}: the edit was noticed");
            let rebuilt = SpanIndex::build(&ann);
            assert_eq!(snapshot(&index), snapshot(&rebuilt), "step {step}");
            assert_eq!(index.bounds, rebuilt.bounds, "step {step}");
            // Every span whose drawing changed lies in a reported range.
            let ranges = match index.take_changes() {
                SpanChanges::Ranges(ranges) => ranges,
                // e.g. a relabel to the label the span had
                SpanChanges::None if before.0 == rebuilt.spans => Vec::new(),
                other => panic!("step {step}: an edit reports ranges, not {other:?}"),
            };
            let covered = |span: &IndexedSpan| {
                ranges
                    .iter()
                    .any(|r| r.start <= span.start && span.lane_end() <= r.end)
            };
            for span in &rebuilt.spans {
                if !before.0.contains(span) {
                    assert!(covered(span), "step {step}: {span:?} not in {ranges:?}");
                }
            }
            for span in &before.0 {
                if !rebuilt.spans.contains(span) {
                    assert!(covered(span), "step {step}: {span:?} not in {ranges:?}");
                }
            }
        }
        assert!(applied > 300, "only {applied} edits applied");
        let lanes = index.lane_count();
        assert!(lanes >= 3, "nested spans on {lanes} lanes");
        assert!(!index.refresh(&ann), "no edit, nothing to do");
        assert_eq!(index.take_changes(), SpanChanges::None);
    }
}

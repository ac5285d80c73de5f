//! The gold annotation's label set: the union of the annotators' label sets.

use crate::model::LabelSet;

/// Who decided, when the adjudicator has not set their name.
pub const GOLD_ANNOTATOR_FALLBACK: &str = "adjudicator";

/// The union of `sets`: the first set's labels in its order, then each label of the next sets
/// that is not there yet (by name), in their order. Overlaps are allowed, since "take all" keeps
/// every variant of a group and those overlap.
pub fn gold_labels(sets: &[&LabelSet]) -> LabelSet {
    let mut union = sets.first().map(|set| (*set).clone()).unwrap_or_default();
    for set in sets.iter().skip(1) {
        for label in &set.labels {
            if union.get(&label.name).is_none() {
                let mut label = label.clone();
                // A hotkey already in use stays with the label that had it first.
                if label
                    .hotkey
                    .is_some_and(|key| union.labels.iter().any(|l| l.hotkey == Some(key)))
                {
                    label.hotkey = None;
                }
                union.labels.push(label);
            }
        }
    }
    union.allow_overlaps = true;
    union
}

//! Pairing two lists of labelled ranges one to one, in the rounds described in the
//! [module docs](super#how-spans-are-paired): identical, same range, overlapping.
//!
//! Items carry an `owner`: a pair uses up its left item's owner and its right item's owner, so
//! each owner is paired at most once. For two span lists the owner is the span itself; for
//! [`merge`](super::merge) a left owner is a group, whose several variants may all be
//! candidates while the group takes at most one span from each annotator.

use std::cmp::Ordering;
use std::collections::HashMap;

/// A labelled range to pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item<'a> {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The label.
    pub label: &'a str,
    /// What a pair uses up (see the module docs); below the owner count given to [`pair`].
    pub owner: usize,
}

impl Item<'_> {
    /// Code points shared with `other`.
    fn shared(&self, other: &Item<'_>) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// Code points covered by either.
    fn union(&self, other: &Item<'_>) -> usize {
        self.end.max(other.end) - self.start.min(other.start)
    }
}

/// Which pairs count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// All three rounds: identical, same range with another label, overlapping (same label
    /// first). For diffs and merges.
    Any,
    /// Identical ranges and overlaps, only between spans of the same label (overlap match).
    SameLabel,
    /// Identical spans only (exact match).
    Exact,
}

/// Pairs `left` with `right` under `rule`; `left_owners` / `right_owners` bound the owners of
/// each side. Returns `(left index, right index)` pairs in the order they were made.
pub fn pair(
    left: &[Item<'_>],
    right: &[Item<'_>],
    left_owners: usize,
    right_owners: usize,
    rule: Rule,
) -> Vec<(usize, usize)> {
    let mut taken = Taken {
        left: vec![false; left_owners],
        right: vec![false; right_owners],
    };
    let mut pairs = Vec::with_capacity(left.len().min(right.len()));
    same_range(left, right, true, &mut taken, &mut pairs);
    if rule == Rule::Any {
        same_range(left, right, false, &mut taken, &mut pairs);
    }
    if rule != Rule::Exact {
        overlapping(left, right, rule == Rule::SameLabel, &mut taken, &mut pairs);
    }
    pairs
}

/// Owners already paired.
struct Taken {
    left: Vec<bool>,
    right: Vec<bool>,
}

impl Taken {
    fn free(&self, left: &Item<'_>, right: &Item<'_>) -> bool {
        !self.left[left.owner] && !self.right[right.owner]
    }

    fn take(&mut self, left: &Item<'_>, right: &Item<'_>) {
        self.left[left.owner] = true;
        self.right[right.owner] = true;
    }
}

/// Rounds 1 and 2: the same range, with the same label (`with_label`) or any.
fn same_range<'a>(
    left: &[Item<'a>],
    right: &[Item<'a>],
    with_label: bool,
    taken: &mut Taken,
    pairs: &mut Vec<(usize, usize)>,
) {
    let key = |item: &Item<'a>| -> (usize, usize, &'a str) {
        (
            item.start,
            item.end,
            if with_label { item.label } else { "" },
        )
    };
    let mut by_key: HashMap<(usize, usize, &'a str), Vec<usize>> =
        HashMap::with_capacity(left.len());
    for (index, item) in left.iter().enumerate() {
        if !taken.left[item.owner] {
            by_key.entry(key(item)).or_default().push(index);
        }
    }
    for (r, item) in right.iter().enumerate() {
        if taken.right[item.owner] {
            continue;
        }
        let Some(candidates) = by_key.get(&key(item)) else {
            continue;
        };
        if let Some(&l) = candidates.iter().find(|&&l| taken.free(&left[l], item)) {
            taken.take(&left[l], item);
            pairs.push((l, r));
        }
    }
}

/// Round 3: overlapping ranges, best first (see the module docs).
fn overlapping(
    left: &[Item<'_>],
    right: &[Item<'_>],
    same_label_only: bool,
    taken: &mut Taken,
    pairs: &mut Vec<(usize, usize)>,
) {
    let free_sorted = |items: &[Item<'_>], owners: &[bool]| {
        let mut free: Vec<usize> = (0..items.len())
            .filter(|&i| !owners[items[i].owner])
            .collect();
        free.sort_by_key(|&i| (items[i].start, items[i].end, i));
        free
    };
    let free_left = free_sorted(left, &taken.left);
    let free_right = free_sorted(right, &taken.right);
    if free_left.is_empty() || free_right.is_empty() {
        return;
    }
    // Sweep by start: each overlapping pair is found once, when its later-starting member
    // arrives while the other is still open.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    let (mut open_left, mut open_right): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    let (mut l, mut r) = (0, 0);
    while l < free_left.len() || r < free_right.len() {
        let take_left = match (free_left.get(l), free_right.get(r)) {
            (Some(&a), Some(&b)) => left[a].start <= right[b].start,
            (Some(_), None) => true,
            _ => false,
        };
        if take_left {
            let a = free_left[l];
            l += 1;
            let at = left[a].start;
            open_right.retain(|&b| right[b].end > at);
            candidates.extend(open_right.iter().map(|&b| (a, b)));
            open_left.push(a);
        } else {
            let b = free_right[r];
            r += 1;
            let at = right[b].start;
            open_left.retain(|&a| left[a].end > at);
            candidates.extend(open_left.iter().map(|&a| (a, b)));
            open_right.push(b);
        }
    }
    if same_label_only {
        candidates.retain(|&(a, b)| left[a].label == right[b].label);
    }
    candidates.sort_by(|&x, &y| better(left, right, x, y));
    for (a, b) in candidates {
        if taken.free(&left[a], &right[b]) {
            taken.take(&left[a], &right[b]);
            pairs.push((a, b));
        }
    }
}

/// Orders overlap candidates best first: same label, larger Jaccard overlap, earlier position.
fn better(left: &[Item<'_>], right: &[Item<'_>], x: (usize, usize), y: (usize, usize)) -> Ordering {
    let (xa, xb) = (&left[x.0], &right[x.1]);
    let (ya, yb) = (&left[y.0], &right[y.1]);
    let x_other = xa.label != xb.label;
    let y_other = ya.label != yb.label;
    // shared_x / union_x > shared_y / union_y, compared without division.
    let jaccard = |a: &Item<'_>, b: &Item<'_>, c: &Item<'_>, d: &Item<'_>| {
        (a.shared(b) as u128 * c.union(d) as u128).cmp(&(c.shared(d) as u128 * a.union(b) as u128))
    };
    x_other
        .cmp(&y_other)
        .then_with(|| jaccard(ya, yb, xa, xb))
        .then_with(|| (xa.start, xb.start, x).cmp(&(ya.start, yb.start, y)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items<'a>(spans: &[(usize, usize, &'a str)]) -> Vec<Item<'a>> {
        spans
            .iter()
            .enumerate()
            .map(|(owner, &(start, end, label))| Item {
                start,
                end,
                label,
                owner,
            })
            .collect()
    }

    fn run(
        a: &[(usize, usize, &str)],
        b: &[(usize, usize, &str)],
        rule: Rule,
    ) -> Vec<(usize, usize)> {
        let (a, b) = (items(a), items(b));
        let mut pairs = pair(&a, &b, a.len(), b.len(), rule);
        pairs.sort_unstable();
        pairs
    }

    #[test]
    fn identical_before_same_range_before_overlap() {
        let a = [(0, 5, "P"), (0, 5, "O"), (10, 20, "P")];
        let b = [(0, 5, "O"), (0, 4, "P"), (12, 20, "X")];
        // (0,5,O) identical; (0,5,P) then overlaps (0,4,P); (10,20,P) ~ (12,20,X).
        assert_eq!(run(&a, &b, Rule::Any), [(0, 1), (1, 0), (2, 2)]);
        assert_eq!(run(&a, &b, Rule::SameLabel), [(0, 1), (1, 0)]);
        assert_eq!(run(&a, &b, Rule::Exact), [(1, 0)]);
    }

    #[test]
    fn the_closest_overlap_wins_and_touching_is_not_overlapping() {
        let a = [(0, 10, "P"), (3, 6, "P")];
        let b = [(3, 7, "P"), (10, 12, "P")];
        // (3,6)~(3,7): 3/4; (0,10)~(3,7): 4/10. (0,10) and (10,12) only touch.
        assert_eq!(run(&a, &b, Rule::Any), [(1, 0)]);
    }

    #[test]
    fn same_label_overlaps_first() {
        let a = [(0, 10, "P")];
        let b = [(0, 9, "O"), (2, 6, "P")];
        assert_eq!(run(&a, &b, Rule::Any), [(0, 1)]);
    }

    #[test]
    fn an_owner_pairs_once_even_with_several_items() {
        // Two left items of one owner (a group with two variants): the group takes one span.
        let left = [
            Item {
                start: 0,
                end: 5,
                label: "P",
                owner: 0,
            },
            Item {
                start: 0,
                end: 6,
                label: "P",
                owner: 0,
            },
        ];
        let right = items(&[(0, 5, "P"), (0, 6, "P")]);
        assert_eq!(pair(&left, &right, 1, 2, Rule::Any), [(0, 0)]);
    }
}

//! Which labels annotators mix up: over the entries of [`diff`](crate::compare::diff()) of each
//! pair, `counts[x][y]` is how often the first annotator's label `x` was paired with the
//! second's label `y` (identical, same range or overlapping); the last row and column stand for
//! "no span" (a span only the other annotator has).

use std::collections::HashMap;

use crate::compare::diff;
use crate::model::Span;

/// A label confusion matrix.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Confusion {
    /// Row and column labels; index `labels.len()` is "no span".
    pub labels: Vec<String>,
    /// `(labels.len() + 1)²` counts, row by row (row: first annotator, column: second).
    pub counts: Vec<Vec<usize>>,
}

impl Confusion {
    /// A matrix of zeros for `labels`.
    pub fn new(labels: &[String]) -> Self {
        let size = labels.len() + 1;
        Self {
            labels: labels.to_vec(),
            counts: vec![vec![0; size]; size],
        }
    }

    /// Adds the diff of `a` with `b` (spans with labels outside `index` are left out).
    pub fn add_diff(&mut self, a: &[Span], b: &[Span], index: &HashMap<&str, usize>) {
        let none = self.labels.len();
        let slot = |span: Option<&Span>| match span {
            Some(span) => index.get(span.label.as_str()).copied(),
            None => Some(none),
        };
        for entry in diff(a, b) {
            let (Some(x), Some(y)) = (slot(entry.a.map(|i| &a[i])), slot(entry.b.map(|j| &b[j])))
            else {
                continue;
            };
            self.counts[x][y] += 1;
        }
    }

    /// Adds another matrix of the same labels.
    pub fn add(&mut self, other: &Confusion) {
        for (mine, theirs) in self.counts.iter_mut().zip(&other.counts) {
            for (m, t) in mine.iter_mut().zip(theirs) {
                *m += t;
            }
        }
    }

    /// The label of row/column `index`, `None` for "no span".
    pub fn label(&self, index: usize) -> Option<&str> {
        self.labels.get(index).map(String::as_str)
    }

    /// Off-diagonal cells with a count, most frequent first (ties in row, column order):
    /// `(row, column, count)`.
    pub fn mix_ups(&self) -> Vec<(usize, usize, usize)> {
        let mut cells: Vec<(usize, usize, usize)> = self
            .counts
            .iter()
            .enumerate()
            .flat_map(|(x, row)| row.iter().enumerate().map(move |(y, &c)| (x, y, c)))
            .filter(|&(x, y, c)| x != y && c > 0)
            .collect();
        cells.sort_by_key(|&(x, y, c)| (std::cmp::Reverse(c), x, y));
        cells
    }
}

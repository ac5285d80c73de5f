//! The search matches the view highlights: the app's search bar sets them, the view paints them
//! behind spans and text (the current match stronger) and never changes them.

use std::ops::Range;

/// Sorted, disjoint code-point ranges of search matches and the current one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchHighlights {
    ranges: Vec<Range<usize>>,
    current: Option<usize>,
    /// Renewed by every [`SearchHighlights::set`], so painted paragraphs know the list changed.
    generation: u64,
}

impl SearchHighlights {
    /// Replaces the matches (sorted, disjoint) and the current one (an index into them).
    pub fn set(&mut self, ranges: Vec<Range<usize>>, current: Option<usize>) {
        self.ranges = ranges;
        self.current = current.filter(|&i| i < self.ranges.len());
        self.generation = self.generation.wrapping_add(1);
    }

    /// Changes only the current match.
    pub fn set_current(&mut self, current: Option<usize>) {
        self.current = current.filter(|&i| i < self.ranges.len());
    }

    /// The matches.
    pub fn ranges(&self) -> &[Range<usize>] {
        &self.ranges
    }

    /// The current match's index.
    pub fn current(&self) -> Option<usize> {
        self.current
    }

    /// The list's generation.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Indices of the matches sharing a code point with `chars` (or starting in it).
    pub fn touching(&self, chars: Range<usize>) -> Range<usize> {
        let first = self.ranges.partition_point(|r| r.end <= chars.start);
        let end = self
            .ranges
            .partition_point(|r| r.start < chars.end.max(chars.start + 1));
        first..end.max(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn touching_finds_the_matches_of_a_paragraph() {
        let mut highlights = SearchHighlights::default();
        highlights.set(vec![0..3, 5..8, 12..14], Some(7));
        assert_eq!(
            highlights.current(),
            None,
            "an index past the list is no current match"
        );
        assert_eq!(highlights.touching(0..5), 0..1);
        assert_eq!(highlights.touching(4..13), 1..3);
        assert_eq!(highlights.touching(14..20), 3..3);
        assert_eq!(highlights.touching(8..12), 2..2);
    }
}

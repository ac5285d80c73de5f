//! Word boundaries of a document text in code points, for growing and shrinking spans by a word
//! and for snapping a mouse selection outward to whole words.
//!
//! Words are the segments of Unicode word segmentation (UAX #29, via unicode-segmentation's
//! `split_word_bound_indices`) that contain at least one letter or digit; spaces and punctuation
//! segments are skipped. An Arabic clitic stays inside its word: `لروسيا` is one word.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// The words of one text as sorted, non-overlapping code-point ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordBoundaries {
    words: Vec<Range<usize>>,
}

impl WordBoundaries {
    /// Segments `text` into words (code-point ranges).
    pub fn new(text: &str) -> Self {
        let mut words = Vec::new();
        let mut cp = 0;
        for (_, segment) in text.split_word_bound_indices() {
            let len = segment.chars().count();
            if segment.chars().any(char::is_alphanumeric) {
                words.push(cp..cp + len);
            }
            cp += len;
        }
        Self { words }
    }

    /// The words, in text order.
    pub fn words(&self) -> &[Range<usize>] {
        &self.words
    }

    /// The largest word start strictly before `cp`.
    pub fn start_before(&self, cp: usize) -> Option<usize> {
        let n = self.words.partition_point(|w| w.start < cp);
        n.checked_sub(1).map(|i| self.words[i].start)
    }

    /// The smallest word start strictly after `cp`.
    pub fn start_after(&self, cp: usize) -> Option<usize> {
        let n = self.words.partition_point(|w| w.start <= cp);
        self.words.get(n).map(|w| w.start)
    }

    /// The largest word end strictly before `cp`.
    pub fn end_before(&self, cp: usize) -> Option<usize> {
        let n = self.words.partition_point(|w| w.end < cp);
        n.checked_sub(1).map(|i| self.words[i].end)
    }

    /// The smallest word end strictly after `cp`.
    pub fn end_after(&self, cp: usize) -> Option<usize> {
        let n = self.words.partition_point(|w| w.end <= cp);
        self.words.get(n).map(|w| w.end)
    }

    /// The word with `cp` strictly inside it (`start < cp < end`), if any.
    fn word_around(&self, cp: usize) -> Option<&Range<usize>> {
        let n = self.words.partition_point(|w| w.end <= cp);
        self.words.get(n).filter(|w| w.start < cp)
    }

    /// `range` grown outward to whole words: an end inside a word moves to that word's edge
    /// (the clitic `ل` of `لروسيا` comes along: it is part of the word); ends between words stay.
    /// An empty range (a caret) is left alone.
    pub fn snap_outward(&self, range: Range<usize>) -> Range<usize> {
        if range.is_empty() {
            return range;
        }
        let start = self
            .word_around(range.start)
            .map_or(range.start, |w| w.start);
        let end = self.word_around(range.end).map_or(range.end, |w| w.end);
        start..end
    }

    /// A selection from `anchor` to `caret` snapped outward to whole words
    /// ([`Self::snap_outward`]), keeping its direction: returns the new `(anchor, caret)`.
    pub fn snap_selection(&self, anchor: usize, caret: usize) -> (usize, usize) {
        let snapped = self.snap_outward(anchor.min(caret)..anchor.max(caret));
        if caret >= anchor {
            (snapped.start, snapped.end)
        } else {
            (snapped.end, snapped.start)
        }
    }
}

/// Keeps the word boundaries of the last text asked for, so repeated commands on the same
/// document do not segment it again.
#[derive(Debug, Default)]
pub struct WordBoundaryCache {
    cached: Option<(String, WordBoundaries)>,
}

impl WordBoundaryCache {
    /// The word boundaries of `text`, computed on first use and reused while the text is equal.
    pub fn get(&mut self, text: &str) -> &WordBoundaries {
        if self
            .cached
            .as_ref()
            .is_some_and(|(cached, _)| cached != text)
        {
            self.cached = None;
        }
        &self
            .cached
            .get_or_insert_with(|| (text.to_owned(), WordBoundaries::new(text)))
            .1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::notation::{Case, Selection};

    #[test]
    fn arabic_clitic_is_one_word_and_spaces_are_skipped() {
        let words = WordBoundaries::new("زار بوتين لروسيا.");
        assert_eq!(words.words(), &[0..3, 4..9, 10..16]);
    }

    #[test]
    fn neighbours_are_strict() {
        let words = WordBoundaries::new("ab cd ef");
        assert_eq!(words.start_before(3), Some(0));
        assert_eq!(words.start_before(4), Some(3));
        assert_eq!(words.start_before(0), None);
        assert_eq!(words.start_after(3), Some(6));
        assert_eq!(words.start_after(6), None);
        assert_eq!(words.end_before(5), Some(2));
        assert_eq!(words.end_before(2), None);
        assert_eq!(words.end_after(5), Some(8));
        assert_eq!(words.end_after(8), None);
    }

    /// The selection of `before` snapped, rendered: the notation's `{…}`/`{^…}`/`^`.
    fn snapped(before: &str) -> String {
        let mut case = Case::parse(before).expect("test notation");
        let words = WordBoundaries::new(&case.text);
        let selection = case.selection.expect("the case has a selection");
        let (anchor, caret) = words.snap_selection(selection.anchor, selection.caret);
        case.selection = Some(Selection { anchor, caret });
        case.render()
    }

    #[test]
    fn snapping_grows_a_selection_to_whole_words_with_their_clitics() {
        for (before, after) in [
            // Both ends inside words.
            ("زار بو{تين ل}روسيا.", "زار {بوتين لروسيا}."),
            // Inside روسيا: the clitic ل comes along, the full stop does not.
            ("زار بوتين ل{روس}يا.", "زار بوتين {لروسيا}."),
            // Backwards stays backwards.
            ("زار بو{^تين ل}روسيا.", "زار {^بوتين لروسيا}."),
            // Already whole words, or only the space between them: unchanged.
            ("زار {بوتين} لروسيا.", "زار {بوتين} لروسيا."),
            ("زار{ }بوتين", "زار{ }بوتين"),
            // A caret is not a selection.
            ("زا^ر بوتين", "زا^ر بوتين"),
            // Latin inside Arabic.
            ("قالت B{B}C إن", "قالت {BBC} إن"),
        ] {
            assert_eq!(snapped(before), after, "snapping {before}");
        }
    }

    #[test]
    fn cache_recomputes_for_a_different_text() {
        let mut cache = WordBoundaryCache::default();
        assert_eq!(cache.get("ab cd").words().len(), 2);
        assert_eq!(cache.get("ab").words().len(), 1);
    }
}

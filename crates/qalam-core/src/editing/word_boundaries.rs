//! Word boundaries of a document text in code points, for growing and shrinking spans by a word.
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

    #[test]
    fn cache_recomputes_for_a_different_text() {
        let mut cache = WordBoundaryCache::default();
        assert_eq!(cache.get("ab cd").words().len(), 2);
        assert_eq!(cache.get("ab").words().len(), 1);
    }
}

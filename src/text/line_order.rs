//! The visual order of one broken line by UAX #9 rules L1 and L2, cluster by cluster.
//!
//! parley resolves embedding levels and reorders each line's runs (L2), but it does not apply
//! rule L1: whitespace at the end of a line (and before a tab) keeps the level of the run it
//! belongs to. At a soft break inside a run of the other direction the line's trailing space then
//! lands between that run and its neighbour instead of at the line's end (`said: " نل` instead of
//! `said: "نل `). So the engine resolves the paragraph's levels once with `unicode-bidi`
//! ([`ParagraphLevels::new`]), and after every line break orders each line's clusters itself:
//! levels with L1 applied for exactly that line ([`ParagraphLevels::line_levels`]), then L2
//! ([`ParagraphLevels::order_clusters`]). Geometry, painting, hit-testing and the layout dump all
//! read that one order.

use std::ops::Range;

use unicode_bidi::{BidiClass, BidiInfo, Level, ParagraphBidiInfo};

/// What rule L1 does with a character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum L1Class {
    /// Segment or paragraph separator (`S`, `B`): always reset to the paragraph level.
    Separator,
    /// Whitespace or isolate formatting character (`WS`, `FSI`, `LRI`, `RLI`, `PDI`): reset
    /// when it precedes a separator or ends the line.
    Whitespace,
    /// A character rule X9 removes (`BN`, `LRE`, `RLE`, `LRO`, `RLO`, `PDF`): kept, with the level
    /// of the character before it, and reset together with whitespace (UAX #9 § 5.2).
    Retained,
    /// Everything else keeps its resolved level.
    Other,
}

impl L1Class {
    fn of(class: BidiClass) -> Self {
        use BidiClass::*;
        match class {
            B | S => Self::Separator,
            WS | FSI | LRI | RLI | PDI => Self::Whitespace,
            BN | LRE | RLE | LRO | RLO | PDF => Self::Retained,
            _ => Self::Other,
        }
    }
}

/// A paragraph's resolved embedding levels (UAX #9 up to rule I2), one per code point, with what
/// rule L1 needs to know about each character.
#[derive(Clone, Debug)]
pub struct ParagraphLevels {
    paragraph: Level,
    levels: Vec<Level>,
    classes: Vec<L1Class>,
}

impl ParagraphLevels {
    /// Resolves the levels of `text` (one paragraph) at the given base direction. `None` when
    /// every line of it is displayed in logical order: a left-to-right paragraph with no
    /// right-to-left level anywhere.
    pub fn new(text: &str, rtl: bool) -> Option<Self> {
        let paragraph = if rtl { Level::rtl() } else { Level::ltr() };
        let info = ParagraphBidiInfo::new(text, Some(paragraph));
        if !rtl && !info.has_rtl() {
            return None;
        }
        let mut levels = Vec::with_capacity(text.len());
        let mut classes = Vec::with_capacity(text.len());
        for (byte, _) in text.char_indices() {
            levels.push(info.levels.get(byte).copied().unwrap_or(paragraph));
            classes.push(
                info.original_classes
                    .get(byte)
                    .map_or(L1Class::Other, |class| L1Class::of(*class)),
            );
        }
        Some(Self {
            paragraph,
            levels,
            classes,
        })
    }

    /// The paragraph's embedding level.
    pub fn paragraph_level(&self) -> Level {
        self.paragraph
    }

    /// The levels of the code points in `line` (clamped to the paragraph) for a line holding
    /// exactly them, with rule L1 applied: separators, and whitespace before a separator or at
    /// the line's end, go back to the paragraph level.
    pub fn line_levels(&self, line: Range<usize>) -> Vec<Level> {
        let end = line.end.min(self.levels.len());
        let start = line.start.min(end);
        let mut levels = self.levels[start..end].to_vec();
        let classes = &self.classes[start..end];
        // Retained characters take the level of the character before them (a separator counts
        // at the paragraph level it is reset to).
        let mut previous = self.paragraph;
        for (level, class) in levels.iter_mut().zip(classes) {
            match class {
                L1Class::Separator => *level = self.paragraph,
                L1Class::Retained => *level = previous,
                L1Class::Whitespace | L1Class::Other => {}
            }
            previous = *level;
        }
        // Whitespace runs at the end of the line and before each separator.
        let mut resetting = true;
        for (level, class) in levels.iter_mut().zip(classes).rev() {
            match class {
                L1Class::Separator => resetting = true,
                L1Class::Whitespace | L1Class::Retained if resetting => *level = self.paragraph,
                L1Class::Whitespace | L1Class::Retained => {}
                L1Class::Other => resetting = false,
            }
        }
        levels
    }

    /// Orders the clusters of the line `line` left to right (rule L2 over levels with L1
    /// applied). `clusters` are the code-point ranges of the line's clusters, in any order; each
    /// takes the level of its first code point. Returns the indices into `clusters` from left to
    /// right, and for each cluster whether it is displayed right to left (odd level).
    pub fn order_clusters(
        &self,
        line: Range<usize>,
        clusters: &[Range<usize>],
    ) -> (Vec<usize>, Vec<bool>) {
        let mut logical: Vec<usize> = (0..clusters.len()).collect();
        logical.sort_by_key(|&i| clusters[i].start);
        let line_levels = self.line_levels(line.clone());
        let level_of = |cluster: &Range<usize>| {
            cluster
                .start
                .checked_sub(line.start)
                .and_then(|i| line_levels.get(i))
                .copied()
                .unwrap_or(self.paragraph)
        };
        let levels: Vec<Level> = logical.iter().map(|&i| level_of(&clusters[i])).collect();
        let visual = BidiInfo::reorder_visual(&levels)
            .into_iter()
            .filter_map(|v| logical.get(v).copied())
            .collect();
        let rtl = clusters.iter().map(|c| level_of(c).is_rtl()).collect();
        (visual, rtl)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(levels: &[Level]) -> Vec<u8> {
        levels.iter().map(Level::number).collect()
    }

    #[test]
    fn trailing_space_of_a_right_to_left_run_goes_to_paragraph_level() {
        // "ab لن " in a left-to-right paragraph: the last space is inside the Arabic run (level 1)
        // only when it is not at the end of a line.
        let text = "ab لن x";
        let levels = ParagraphLevels::new(text, false).expect("has rtl");
        assert_eq!(numbers(&levels.line_levels(0..7)), [0, 0, 0, 1, 1, 0, 0]);
        let text = "ab لن لن";
        let levels = ParagraphLevels::new(text, false).expect("has rtl");
        // The space between the two words is level 1; as the end of the line 0..6 it is reset.
        assert_eq!(numbers(&levels.line_levels(0..8)), [0, 0, 0, 1, 1, 1, 1, 1]);
        assert_eq!(numbers(&levels.line_levels(0..6)), [0, 0, 0, 1, 1, 0]);
    }

    #[test]
    fn whitespace_before_a_tab_and_the_tab_go_to_paragraph_level() {
        let text = "لن \tلن";
        let levels = ParagraphLevels::new(text, false).expect("has rtl");
        assert_eq!(numbers(&levels.line_levels(0..6)), [1, 1, 0, 0, 1, 1]);
    }

    #[test]
    fn latin_paragraph_needs_no_levels() {
        assert!(ParagraphLevels::new("plain text 2024", false).is_none());
        assert!(ParagraphLevels::new("plain text", true).is_some());
    }

    #[test]
    fn clusters_ordered_with_trailing_space_at_line_end() {
        // Line "a لن " of "a لن لن": clusters given in parley's order (the space inside the RTL
        // run, on its left).
        let text = "a لن لن";
        let levels = ParagraphLevels::new(text, false).expect("has rtl");
        let clusters = [0..1, 1..2, 4..5, 3..4, 2..3];
        let (order, rtl) = levels.order_clusters(0..5, &clusters);
        let starts: Vec<usize> = order.iter().map(|&i| clusters[i].start).collect();
        assert_eq!(starts, [0, 1, 3, 2, 4]);
        assert_eq!(rtl, [false, false, false, true, true]);
    }
}

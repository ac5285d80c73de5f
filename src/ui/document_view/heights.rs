//! Vertical positions of paragraphs in the document view: estimated until laid out, exact after.
//!
//! Only visible paragraphs are laid out, so the height of most paragraphs is a guess from their
//! length (characters × average advance ÷ width, rounded up to whole lines). Laying a paragraph
//! out replaces its guess with the measured height. Tops are a prefix sum, rebuilt lazily after
//! changes; finding the paragraph at a given y is a binary search.

/// Constants of the height estimate for one text size and width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeightEstimate {
    /// Average advance of one character, in points.
    pub avg_advance: f32,
    /// Height of one visual line, in points.
    pub line_height: f32,
    /// Wrap width, in points.
    pub width: f32,
    /// Space added below every paragraph, in points.
    pub paragraph_gap: f32,
}

impl HeightEstimate {
    /// Estimated height (including the gap) of a paragraph of `chars` code points.
    pub fn height(&self, chars: usize) -> f32 {
        let per_line = (self.width / self.avg_advance.max(0.1)).max(1.0);
        let lines = ((chars as f32) / per_line).ceil().max(1.0);
        lines * self.line_height + self.paragraph_gap
    }
}

/// Heights and tops of all paragraphs of a document.
#[derive(Debug, Clone, Default)]
pub struct ParagraphHeights {
    heights: Vec<f32>,
    measured: Vec<bool>,
    tops: Vec<f32>,
    tops_valid: bool,
}

impl ParagraphHeights {
    /// Heights estimated from each paragraph's length in code points.
    pub fn estimated(char_lens: &[usize], estimate: HeightEstimate) -> Self {
        Self {
            heights: char_lens.iter().map(|&n| estimate.height(n)).collect(),
            measured: vec![false; char_lens.len()],
            tops: Vec::new(),
            tops_valid: false,
        }
    }

    /// Number of paragraphs.
    pub fn len(&self) -> usize {
        self.heights.len()
    }

    /// True when there are no paragraphs.
    pub fn is_empty(&self) -> bool {
        self.heights.is_empty()
    }

    /// Current height of paragraph `i` (measured or estimated), 0 when out of range.
    pub fn height(&self, i: usize) -> f32 {
        self.heights.get(i).copied().unwrap_or(0.0)
    }

    /// Whether paragraph `i` has a measured height.
    pub fn is_measured(&self, i: usize) -> bool {
        self.measured.get(i).copied().unwrap_or(false)
    }

    /// Records the measured height of paragraph `i`; returns the change from the old height.
    pub fn set_measured(&mut self, i: usize, height: f32) -> f32 {
        let Some(old) = self.heights.get_mut(i) else {
            return 0.0;
        };
        let delta = height - *old;
        if delta != 0.0 {
            *old = height;
            self.tops_valid = false;
        }
        self.measured[i] = true;
        delta
    }

    fn ensure_tops(&mut self) {
        if self.tops_valid {
            return;
        }
        self.tops.clear();
        self.tops.reserve(self.heights.len() + 1);
        let mut y = 0.0;
        self.tops.push(y);
        for h in &self.heights {
            y += h;
            self.tops.push(y);
        }
        self.tops_valid = true;
    }

    /// Top of paragraph `i` (for `i == len()`, the total height).
    pub fn top(&mut self, i: usize) -> f32 {
        self.ensure_tops();
        self.tops[i.min(self.heights.len())]
    }

    /// Top of paragraph `i` if the tops are up to date (they are after [`Self::total`]).
    pub fn settled_top(&self, i: usize) -> Option<f32> {
        if self.tops_valid {
            self.tops.get(i).copied()
        } else {
            None
        }
    }

    /// Height of all paragraphs together.
    pub fn total(&mut self) -> f32 {
        self.top(self.heights.len())
    }

    /// The paragraph whose slot contains `y` (clamped to the first and last paragraph).
    pub fn index_at(&mut self, y: f32) -> usize {
        self.ensure_tops();
        if self.heights.is_empty() {
            return 0;
        }
        let after = self.tops[1..].partition_point(|&bottom| bottom <= y);
        after.min(self.heights.len() - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EST: HeightEstimate = HeightEstimate {
        avg_advance: 10.0,
        line_height: 20.0,
        width: 100.0,
        paragraph_gap: 5.0,
    };

    #[test]
    fn estimate_rounds_up_to_whole_lines() {
        assert_eq!(EST.height(0), 25.0);
        assert_eq!(EST.height(10), 25.0);
        assert_eq!(EST.height(11), 45.0);
    }

    #[test]
    fn measuring_moves_the_tops_below_only() {
        let mut heights = ParagraphHeights::estimated(&[5, 25, 5], EST);
        assert_eq!(heights.top(1), 25.0);
        assert_eq!(heights.top(2), 90.0);
        assert_eq!(heights.set_measured(1, 40.0), -25.0);
        assert!(heights.is_measured(1) && !heights.is_measured(0));
        assert_eq!(heights.top(1), 25.0);
        assert_eq!(heights.top(2), 65.0);
        assert_eq!(heights.total(), 90.0);
    }

    #[test]
    fn index_at_finds_the_slot_and_clamps() {
        let mut heights = ParagraphHeights::estimated(&[5, 5, 5], EST);
        assert_eq!(heights.index_at(-3.0), 0);
        assert_eq!(heights.index_at(0.0), 0);
        assert_eq!(heights.index_at(24.9), 0);
        assert_eq!(heights.index_at(25.0), 1);
        assert_eq!(heights.index_at(74.0), 2);
        assert_eq!(heights.index_at(1000.0), 2);
    }
}

//! Per-line cluster boxes of a broken paragraph, in code points and points, computed once per
//! line break: the source of carets, hit-testing, highlight boxes and visual order.
//!
//! parley's own cursor geometry puts two carets at the same x when a font draws two characters
//! with one glyph pair whose second glyph has no advance (Noto Naskh's lam-alef, as in
//! `لأمريكا`: "for America"), so the entity after the `ل` could not be selected by mouse. Here such
//! zero-width clusters share their neighbour's width evenly instead.
//!
//! The clusters of a line are placed in the order UAX #9 gives with rule L1 applied
//! ([`super::line_order`]), which parley's own run order lacks; [`LineBoxes::paint_x`] keeps
//! where each cluster's glyphs are drawn in that order.

use std::ops::Range;

use qalam_core::model::CharIndex;

use super::line_order::ParagraphLevels;

/// Widths below this (points) count as zero.
const ZERO_WIDTH: f32 = 0.01;

/// One grapheme cluster as displayed.
#[derive(Clone, Debug, PartialEq)]
pub struct ClusterBox {
    /// Code-point range (paragraph-relative).
    pub chars: Range<usize>,
    /// Left edge, points from the paragraph's left.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Whether the cluster is in a right-to-left run.
    pub rtl: bool,
}

impl ClusterBox {
    /// The boundary at the cluster's left edge.
    pub fn left_boundary(&self) -> usize {
        if self.rtl {
            self.chars.end
        } else {
            self.chars.start
        }
    }

    /// The boundary at the cluster's right edge.
    pub fn right_boundary(&self) -> usize {
        if self.rtl {
            self.chars.start
        } else {
            self.chars.end
        }
    }
}

/// One visual line's boxes.
#[derive(Clone, Debug, PartialEq)]
pub struct LineBoxes {
    /// Logical code-point range of the line.
    pub range: Range<usize>,
    /// Top of the line box.
    pub y0: f32,
    /// Bottom of the line box.
    pub y1: f32,
    /// Baseline y.
    pub baseline: f32,
    /// x where the line's content starts on its start side (caret of an empty line).
    pub start_x: f32,
    /// Clusters left to right.
    pub clusters: Vec<ClusterBox>,
    /// Left edge (before zero-width sharing) of every cluster [`parley_clusters`] yields for this
    /// line, in that order: where the painter starts the cluster's glyphs.
    pub paint_x: Vec<f32>,
}

impl LineBoxes {
    /// Left edge of the content (or `start_x` when empty).
    pub fn left(&self) -> f32 {
        self.clusters.first().map_or(self.start_x, |c| c.x0)
    }

    /// Right edge of the content (or `start_x` when empty).
    pub fn right(&self) -> f32 {
        self.clusters.last().map_or(self.start_x, |c| c.x1)
    }
}

/// The clusters of a parley line in parley's order (its runs in parley's visual order, each
/// run's clusters left to right): the order of [`LineBoxes::paint_x`].
pub fn parley_clusters<'a>(
    line: &parley::Line<'a, ()>,
) -> impl Iterator<Item = parley::Cluster<'a, ()>> + use<'a> {
    line.runs().flat_map(|run| run.visual_clusters())
}

/// Computes the boxes of every line of `layout` (already broken and aligned). With `levels`, the
/// clusters of each line are ordered by UAX #9 with rule L1 for that line; without, the
/// paragraph is left to right at level 0 and parley's order is already the logical one.
pub fn line_boxes(
    layout: &parley::Layout<()>,
    index: &CharIndex,
    levels: Option<&ParagraphLevels>,
) -> Vec<LineBoxes> {
    let paragraph_rtl = layout.is_rtl();
    let mut lines = Vec::with_capacity(layout.len());
    for line in layout.lines() {
        let metrics = line.metrics();
        let bytes = line.text_range();
        let range = index.byte_to_cp_floor(bytes.start)..index.byte_to_cp_floor(bytes.end);
        let mut chars = Vec::new();
        let mut advances = Vec::new();
        let mut parley_rtl = Vec::new();
        for cluster in parley_clusters(&line) {
            let bytes = cluster.text_range();
            chars.push(index.byte_to_cp_floor(bytes.start)..index.byte_to_cp_floor(bytes.end));
            advances.push(cluster.advance());
            parley_rtl.push(cluster.is_rtl());
        }
        let (order, rtl) = match levels {
            Some(levels) => levels.order_clusters(range.clone(), &chars),
            None => ((0..chars.len()).collect(), parley_rtl),
        };
        let mut x = metrics.offset;
        let mut paint_x = vec![x; chars.len()];
        let mut clusters = Vec::with_capacity(chars.len());
        for k in order {
            let (Some(cluster_chars), Some(&advance)) = (chars.get(k), advances.get(k)) else {
                continue;
            };
            paint_x[k] = x;
            clusters.push(ClusterBox {
                chars: cluster_chars.clone(),
                x0: x,
                x1: x + advance,
                rtl: rtl.get(k).copied().unwrap_or(paragraph_rtl),
            });
            x += advance;
        }
        share_zero_widths(&mut clusters);
        let start_x = if paragraph_rtl {
            metrics.offset + metrics.advance
        } else {
            metrics.offset
        };
        lines.push(LineBoxes {
            range,
            y0: metrics.block_min_coord,
            y1: metrics.block_max_coord,
            baseline: metrics.baseline,
            start_x,
            clusters,
            paint_x,
        });
    }
    lines
}

/// Gives each zero-width cluster an even share of the visually adjacent cluster it logically
/// follows (or precedes, when it has no predecessor there), in the same run direction.
fn share_zero_widths(clusters: &mut [ClusterBox]) {
    let mut i = 0;
    while i < clusters.len() {
        if clusters[i].x1 - clusters[i].x0 > ZERO_WIDTH {
            i += 1;
            continue;
        }
        // Extend to the maximal visual group: zero-width clusters plus one inked neighbour that is
        // logically adjacent.
        let mut start = i;
        let mut end = i + 1;
        while end < clusters.len()
            && clusters[end].x1 - clusters[end].x0 <= ZERO_WIDTH
            && clusters[end].rtl == clusters[i].rtl
        {
            end += 1;
        }
        let adjacent = |a: &ClusterBox, b: &ClusterBox| {
            a.rtl == b.rtl && (a.chars.end == b.chars.start || b.chars.end == a.chars.start)
        };
        // In visual order the logical predecessor of an RTL cluster is on its right, of an LTR
        // cluster on its left; prefer that one, fall back to the other side.
        let rtl = clusters[i].rtl;
        let right_ok = end < clusters.len() && adjacent(&clusters[end - 1], &clusters[end]);
        let left_ok = start > 0 && adjacent(&clusters[start - 1], &clusters[start]);
        match (rtl, left_ok, right_ok) {
            (true, _, true) | (false, false, true) => end += 1,
            (false, true, _) | (true, true, false) => start -= 1,
            _ => {
                i = end;
                continue;
            }
        }
        let x0 = clusters[start].x0;
        let x1 = clusters[end - 1].x1;
        let share = (x1 - x0) / (end - start) as f32;
        for (k, cluster) in clusters[start..end].iter_mut().enumerate() {
            cluster.x0 = x0 + share * k as f32;
            cluster.x1 = x0 + share * (k + 1) as f32;
        }
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxed(chars: Range<usize>, x0: f32, x1: f32, rtl: bool) -> ClusterBox {
        ClusterBox { chars, x0, x1, rtl }
    }

    #[test]
    fn lam_alef_shares_width_evenly() {
        // Visual order of RTL "لأم": م (2..3), أ (1..2, zero width), ل (0..1).
        let mut clusters = vec![
            boxed(2..3, 0.0, 6.0, true),
            boxed(1..2, 6.0, 6.0, true),
            boxed(0..1, 6.0, 14.0, true),
        ];
        share_zero_widths(&mut clusters);
        assert_eq!(clusters[0].x1, 6.0, "م untouched");
        assert_eq!((clusters[1].x0, clusters[1].x1), (6.0, 10.0));
        assert_eq!((clusters[2].x0, clusters[2].x1), (10.0, 14.0));
    }

    #[test]
    fn zero_width_without_logical_neighbour_stays() {
        let mut clusters = vec![boxed(0..1, 0.0, 5.0, false), boxed(3..4, 5.0, 5.0, false)];
        share_zero_widths(&mut clusters);
        assert_eq!((clusters[1].x0, clusters[1].x1), (5.0, 5.0));
    }
}

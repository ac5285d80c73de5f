//! Colours for new labels: the palette entry most distinct from the colours already in use, so
//! a new label never looks like an existing one. Every entry is of middle lightness, readable as
//! a span background tint and as a tag colour on both the dark and the light theme.

use super::Rgb;

/// Colours offered to new labels (after the Tableau 10 and 20 palettes).
pub const NEW_LABEL_PALETTE: [Rgb; 14] = [
    Rgb([0xe1, 0x57, 0x59]), // red
    Rgb([0x76, 0xb7, 0xb2]), // teal
    Rgb([0xed, 0xc9, 0x48]), // yellow
    Rgb([0xff, 0x9d, 0xa7]), // pink
    Rgb([0x17, 0xbe, 0xcf]), // cyan
    Rgb([0xbc, 0xbd, 0x22]), // olive
    Rgb([0x9c, 0x75, 0x5f]), // brown
    Rgb([0xb0, 0x7a, 0xa1]), // mauve
    Rgb([0x8c, 0xd1, 0x7d]), // light green
    Rgb([0xa0, 0xcb, 0xe8]), // light blue
    Rgb([0xd3, 0x72, 0x95]), // rose
    Rgb([0xba, 0xb0, 0xac]), // grey
    Rgb([0x49, 0x98, 0x94]), // sea green
    Rgb([0xff, 0xbe, 0x7d]), // peach
];

/// A perceptual distance between two colours ("redmean" weighted RGB: cheap, and close to
/// CIE ΔE for telling labels apart). Larger means more distinct.
pub fn color_distance(a: Rgb, b: Rgb) -> f32 {
    let [r1, g1, b1] = a.0.map(f32::from);
    let [r2, g2, b2] = b.0.map(f32::from);
    let mean_red = (r1 + r2) / 2.0;
    let (dr, dg, db) = (r1 - r2, g1 - g2, b1 - b2);
    ((2.0 + mean_red / 256.0) * dr * dr
        + 4.0 * dg * dg
        + (2.0 + (255.0 - mean_red) / 256.0) * db * db)
        .sqrt()
}

/// The palette colour farthest from every colour in `used` (the one whose nearest used colour
/// is farthest away); the first palette colour when nothing is used.
///
/// ```
/// use qalam_core::model::label_colors::{color_distance, most_distinct_color};
/// use qalam_core::model::LabelSet;
///
/// let used: Vec<_> = LabelSet::default().labels.iter().map(|l| l.color).collect();
/// let new = most_distinct_color(&used);
/// assert!(used.iter().all(|&old| color_distance(old, new) > 150.0));
/// ```
pub fn most_distinct_color(used: &[Rgb]) -> Rgb {
    let nearest = |candidate: Rgb| {
        used.iter()
            .map(|&old| color_distance(old, candidate))
            .fold(f32::INFINITY, f32::min)
    };
    // The first of equally distinct colours wins, so the choice is stable.
    let mut best = (NEW_LABEL_PALETTE[0], nearest(NEW_LABEL_PALETTE[0]));
    for &candidate in &NEW_LABEL_PALETTE[1..] {
        let distance = nearest(candidate);
        if distance > best.1 {
            best = (candidate, distance);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LabelSet;

    /// Issue 8: a new LOCATION got the same orange-brown as ORGANIZATION.
    #[test]
    fn regression_a_new_label_is_not_coloured_like_organization() {
        let labels = LabelSet::default();
        let organization = labels.get("ORGANIZATION").unwrap().color;
        let used: Vec<Rgb> = labels.labels.iter().map(|l| l.color).collect();
        let new = most_distinct_color(&used);
        // The old fixed choice for a fifth label was #8f5902; it sits this close.
        let old_choice = Rgb([0x8f, 0x59, 0x02]);
        assert!(color_distance(organization, new) > 2.0 * color_distance(organization, old_choice));
    }

    #[test]
    fn ten_labels_added_in_turn_all_differ() {
        let mut used: Vec<Rgb> = LabelSet::default().labels.iter().map(|l| l.color).collect();
        for _ in 0..10 {
            let new = most_distinct_color(&used);
            assert!(!used.contains(&new), "{new:?} repeats a colour in use");
            used.push(new);
        }
    }

    #[test]
    fn nothing_used_gives_the_first_colour() {
        assert_eq!(most_distinct_color(&[]), NEW_LABEL_PALETTE[0]);
    }

    #[test]
    fn distance_is_zero_for_equal_colours_and_symmetric() {
        let (a, b) = (Rgb([10, 20, 30]), Rgb([200, 100, 0]));
        assert_eq!(color_distance(a, a), 0.0);
        assert_eq!(color_distance(a, b), color_distance(b, a));
    }
}

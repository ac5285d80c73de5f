//! Which side panels show: the user's choice (kept in the settings, toggled with F8/F9 or the
//! View menu), folded automatically when the window is too narrow to keep a usable text column
//! beside them. The span list gives way first (it is the wider one), then the label palette. A
//! folded panel leaves a thin strip with a button that opens it again.

/// Narrowest text column the side panels leave, in points: below it they fold.
pub const MIN_TEXT_WIDTH: f32 = 420.0;

/// Width of the strip a folded panel leaves (its "open" button), in points.
pub const FOLDED_STRIP_WIDTH: f32 = 26.0;

/// Egui id salt of the label palette panel (its width persists under it).
pub const LABEL_PALETTE_ID: &str = "label_palette";

/// Egui id salt of the span list panel (its width persists under it).
pub const SPAN_LIST_ID: &str = "span_list";

/// Default width of the label palette, in points.
pub const LABEL_PALETTE_WIDTH: f32 = 180.0;

/// Default width of the span list, in points.
pub const SPAN_LIST_WIDTH: f32 = 280.0;

/// One of the two side panels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidePanel {
    /// The label palette, on the left.
    LabelPalette,
    /// The span list, on the right.
    SpanList,
}

/// Which of the two panels show, `[label palette, span list]`.
pub type Shown = [bool; 2];

impl SidePanel {
    fn index(self) -> usize {
        match self {
            SidePanel::LabelPalette => 0,
            SidePanel::SpanList => 1,
        }
    }
}

/// The panels among `wanted` that fit in a window `window` points wide when the palette is
/// `palette` and the span list `list` points wide: the span list folds first, then the palette,
/// until the text column is at least [`MIN_TEXT_WIDTH`] (a folded panel still takes
/// [`FOLDED_STRIP_WIDTH`]).
pub fn fitting(window: f32, palette: f32, list: f32, wanted: Shown) -> Shown {
    let mut shown = wanted;
    let text = |shown: Shown| {
        let palette = if shown[0] {
            palette
        } else {
            FOLDED_STRIP_WIDTH
        };
        let list = if shown[1] { list } else { FOLDED_STRIP_WIDTH };
        window - palette - list
    };
    if text(shown) < MIN_TEXT_WIDTH {
        shown[1] = false;
    }
    if text(shown) < MIN_TEXT_WIDTH {
        shown[0] = false;
    }
    shown
}

/// The window's side-panel state between frames: panels the user opened although the window
/// is too narrow for them, and what showed in the last frame.
#[derive(Debug, Clone, Copy, Default)]
pub struct SidePanels {
    /// Opened by the user while folded for lack of room: shown anyway.
    forced: Shown,
    /// What the last frame showed.
    shown: Shown,
}

impl SidePanels {
    /// Decides this frame's panels from the user's wishes and what fits, and remembers them.
    pub fn decide(&mut self, wanted: Shown, fits: Shown) -> Shown {
        let mut shown = fits;
        for i in 0..2 {
            if !wanted[i] {
                self.forced[i] = false;
            }
            shown[i] = wanted[i] && (fits[i] || self.forced[i]);
        }
        self.shown = shown;
        shown
    }

    /// Whether `panel` showed in the last frame.
    pub fn is_shown(&self, panel: SidePanel) -> bool {
        self.shown[panel.index()]
    }

    /// Flips what the user sees of `panel`: a shown panel is hidden (no longer wanted), a
    /// hidden one is shown (wanted, and kept open even if the window is too narrow). Returns
    /// whether the user now wants it.
    pub fn toggle(&mut self, panel: SidePanel) -> bool {
        let i = panel.index();
        if self.shown[i] {
            self.forced[i] = false;
            self.shown[i] = false;
            false
        } else {
            self.forced[i] = true;
            self.shown[i] = true;
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_span_list_folds_first_then_the_palette() {
        let both = [true, true];
        assert_eq!(fitting(1000.0, 180.0, 280.0, both), [true, true]);
        // 800 − 180 − 280 = 340 < 420: the list folds, leaving 800 − 180 − 26 = 594.
        assert_eq!(fitting(800.0, 180.0, 280.0, both), [true, false]);
        // 600 − 180 − 26 = 394 < 420: both fold.
        assert_eq!(fitting(600.0, 180.0, 280.0, both), [false, false]);
        // A panel the user hid stays hidden and leaves room for the other.
        assert_eq!(fitting(800.0, 180.0, 280.0, [false, true]), [false, true]);
    }

    #[test]
    fn toggling_a_folded_panel_opens_it_until_it_is_toggled_off() {
        let mut panels = SidePanels::default();
        assert_eq!(panels.decide([true, true], [true, false]), [true, false]);
        assert!(panels.toggle(SidePanel::SpanList));
        assert_eq!(panels.decide([true, true], [true, false]), [true, true]);
        assert!(!panels.toggle(SidePanel::SpanList));
        assert_eq!(panels.decide([true, false], [true, false]), [true, false]);
        // Wanted again later but still no room: folded.
        assert_eq!(panels.decide([true, true], [true, false]), [true, false]);
    }
}

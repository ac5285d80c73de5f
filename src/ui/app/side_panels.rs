//! Which side panels show: the user's choice (kept in the settings, toggled with F7/F8/F9 or the
//! View and Corpus menus), folded automatically when the window is too narrow to keep a usable
//! text column beside them. The span list gives way first (it is the wider one), then the
//! corpus's document list (left, only while a corpus is open), then the label palette. A folded
//! panel leaves a thin strip with a button that opens it again. While comparing, the width
//! they share is what the compare panel leaves (`QalamApp::decide_side_panels`).

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

/// Egui id salt of the document list panel (its width persists under it).
pub const DOCUMENT_LIST_ID: &str = "document_list";

/// Default width of the document list, in points.
pub const DOCUMENT_LIST_WIDTH: f32 = 300.0;

/// One of the side panels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidePanel {
    /// The label palette, on the left.
    LabelPalette,
    /// The span list, on the right.
    SpanList,
    /// The corpus's document list, on the far left (while a corpus is open).
    DocumentList,
}

/// Which of the panels show, `[label palette, span list, document list]`.
pub type Shown = [bool; 3];

impl SidePanel {
    fn index(self) -> usize {
        match self {
            SidePanel::LabelPalette => 0,
            SidePanel::SpanList => 1,
            SidePanel::DocumentList => 2,
        }
    }
}

/// The panels' widths in points, `[label palette, span list, document list]`.
pub type Widths = [f32; 3];

/// The panels among `wanted` that fit in a window `window` points wide when they are `widths`
/// wide: the span list folds first, then the document list, then the palette, until the text
/// column is at least [`MIN_TEXT_WIDTH`] (a folded panel still takes [`FOLDED_STRIP_WIDTH`]; a
/// document list that is not wanted takes nothing, as it only exists with a corpus).
pub fn fitting(window: f32, widths: Widths, wanted: Shown) -> Shown {
    let mut shown = wanted;
    let text = |shown: Shown| {
        let folded = |i: usize| {
            if shown[i] {
                widths[i]
            } else {
                FOLDED_STRIP_WIDTH
            }
        };
        let list = if wanted[2] { folded(2) } else { 0.0 };
        window - folded(0) - folded(1) - list
    };
    for panel in [1, 2, 0] {
        if text(shown) < MIN_TEXT_WIDTH {
            shown[panel] = false;
        }
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
        for i in 0..3 {
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
        let widths = [180.0, 280.0, 300.0];
        let both = [true, true, false];
        assert_eq!(fitting(1000.0, widths, both), [true, true, false]);
        // 800 − 180 − 280 = 340 < 420: the list folds, leaving 800 − 180 − 26 = 594.
        assert_eq!(fitting(800.0, widths, both), [true, false, false]);
        // 600 − 180 − 26 = 394 < 420: both fold.
        assert_eq!(fitting(600.0, widths, both), [false, false, false]);
        // A panel the user hid stays hidden and leaves room for the other.
        assert_eq!(
            fitting(800.0, widths, [false, true, false]),
            [false, true, false]
        );
    }

    #[test]
    fn the_document_list_folds_after_the_span_list_before_the_palette() {
        let widths = [180.0, 280.0, 300.0];
        let all = [true, true, true];
        assert_eq!(fitting(1300.0, widths, all), [true, true, true]);
        // 1100 − 180 − 26 − 300 = 594: only the span list folds.
        assert_eq!(fitting(1100.0, widths, all), [true, false, true]);
        // 900 − 180 − 26 − 300 = 394 < 420: the document list folds too (900 − 232 = 668).
        assert_eq!(fitting(900.0, widths, all), [true, false, false]);
        // 620 − 180 − 26 − 26 = 388: the palette folds last.
        assert_eq!(fitting(620.0, widths, all), [false, false, false]);
    }

    #[test]
    fn toggling_a_folded_panel_opens_it_until_it_is_toggled_off() {
        let mut panels = SidePanels::default();
        let (both, narrow) = ([true, true, false], [true, false, false]);
        assert_eq!(panels.decide(both, narrow), narrow);
        assert!(panels.toggle(SidePanel::SpanList));
        assert_eq!(panels.decide(both, narrow), both);
        assert!(!panels.toggle(SidePanel::SpanList));
        assert_eq!(panels.decide(narrow, narrow), narrow);
        // Wanted again later but still no room: folded.
        assert_eq!(panels.decide(both, narrow), narrow);
    }
}

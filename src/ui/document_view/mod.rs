//! PLACEHOLDER (lead): the agreed document view API with a plain-label body; the view helper
//! replaces this file with the real parley-based view.

use std::ops::Range;

use crate::model::{Annotation, SpanId};

/// What the view reports after a frame.
#[derive(Debug, Default, Clone)]
pub struct ViewResponse {
    /// The selection changed this frame.
    pub selection_changed: bool,
    /// A span was clicked.
    pub clicked_span: Option<SpanId>,
    /// An edge of the selected span was dragged to new bounds.
    pub span_edge_drag: Option<(SpanId, usize, usize)>,
    /// The view has keyboard focus.
    pub has_focus: bool,
}

/// The document view widget.
#[derive(Debug)]
pub struct DocumentView {
    selection: Option<Range<usize>>,
    text_size: f32,
}

impl Default for DocumentView {
    fn default() -> Self {
        Self::new()
    }
}

impl DocumentView {
    /// A new view.
    pub fn new() -> Self {
        Self {
            selection: None,
            text_size: 20.0,
        }
    }
    /// Draws the document.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        ann: &Annotation,
        _selected: Option<SpanId>,
    ) -> ViewResponse {
        egui::ScrollArea::vertical().show(ui, |ui| ui.label(ann.document.text()));
        ViewResponse::default()
    }
    /// Current selection in code points.
    pub fn selection(&self) -> Option<Range<usize>> {
        self.selection.clone()
    }
    /// Sets the selection.
    pub fn set_selection(&mut self, range: Option<Range<usize>>) {
        self.selection = range;
    }
    /// Scrolls so that `cp` is visible.
    pub fn scroll_to(&mut self, _cp: usize) {}
    /// Sets the text size in points.
    pub fn set_text_size(&mut self, points: f32) {
        self.text_size = points;
    }
    /// The text size in points.
    pub fn text_size(&self) -> f32 {
        self.text_size
    }
}

//! Internal messages: data the app passes from the panels and windows to itself (a file to open,
//! an edit to apply, a span to select, a message for the user). Unlike a
//! [`Command`](super::Command) they have no menu entry or key, and they carry data.

use std::path::PathBuf;

use qalam_core::model::{Edit, SpanId};

/// Something for the app to do that is not a user command, queued like one and applied after
/// the frame is drawn.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum AppMessage {
    /// Open this file (from the recent list, the path field or a drop); a folder opens as a
    /// corpus.
    OpenFile(PathBuf),
    /// Open this folder as the window's corpus.
    OpenFolder(PathBuf),
    /// Open the document with this index of the open corpus (from the document list).
    OpenCorpusDocument(usize),
    /// Apply this edit through the history (from the label editor, note editor, span commands…).
    ApplyEdit(Edit),
    /// Select this span and scroll to it (`None` deselects).
    SelectSpan(Option<SpanId>),
    /// Clear the text selection and the selected span (after tagging, so that the next label key
    /// relabels the new span instead of tagging the same text again).
    ClearSelection,
    /// Show an error to the user.
    ReportError(String),
    /// Show an informational message in the status bar.
    ReportInfo(String),
    /// Stop opening this large file (the Cancel button of the opening window).
    CancelOpening(PathBuf),
}

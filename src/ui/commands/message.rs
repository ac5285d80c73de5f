//! Internal messages: data the app passes from the panels and windows to itself (a file to open,
//! an edit to apply, a span to select, a message for the user). Unlike a
//! [`Command`](super::Command) they have no menu entry or key, and they carry data.

use std::path::PathBuf;

use qalam_core::model::{Edit, ReviewDecision, SpanId};

use super::AdjudicateAction;

/// Something for the app to do that is not a user command, queued like one and applied after
/// the frame is drawn.
// An edit (a span with its review and adjudication) is a few hundred bytes; messages live for
// one frame in a short queue, so boxing every edit would buy nothing but an allocation each.
#[allow(clippy::large_enum_variant)]
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
    /// Record a review decision on this span (from the review bar's reason field); the
    /// reviewer and time are the app's.
    DecideSpan {
        /// The span.
        id: SpanId,
        /// The decision.
        decision: ReviewDecision,
        /// Why (required for a rejection).
        reason: Option<String>,
    },
    /// Select this span and scroll to it (`None` deselects).
    SelectSpan(Option<SpanId>),
    /// Clear the text selection and the selected span (after tagging, so that the next label key
    /// relabels the new span instead of tagging the same text again).
    ClearSelection,
    /// Compare the annotators' files of the corpus document with this index.
    CompareDocument(usize),
    /// Open `annotator`'s own file of the corpus document with this index for review (review
    /// mode on; Save writes back to their file).
    ReviewCorpusFile {
        /// The corpus document's index.
        document: usize,
        /// Whose file.
        annotator: String,
    },
    /// Compare these annotation files of one text (one file: it and the other annotators'
    /// files beside it).
    CompareFiles(Vec<PathBuf>),
    /// A step of the adjudication in the compare view.
    Adjudicate(AdjudicateAction),
    /// Open the "Annotate all in the corpus" preview of the search bar's corpus results.
    AnnotateCorpusPreview,
    /// Tag these matches of corpus documents (by document index) with `label`: each document
    /// is opened beside the current one if it is not open, and gets one grouped edit (one undo
    /// step in it), left unsaved. Occurrences overlapping spans are skipped unless
    /// `include_overlapping`.
    AnnotateCorpus {
        /// The label.
        label: String,
        /// Also tag occurrences that overlap existing spans.
        include_overlapping: bool,
        /// The documents and, in each, the ranges to tag.
        targets: Vec<(usize, Vec<qalam_core::search::Match>)>,
    },
    /// Add the gazetteer list at this path (name and label per line).
    LoadGazetteerList(PathBuf),
    /// Load the predictions at this path as the current document's suggestions.
    LoadPredictions(PathBuf),
    /// Make the suggestion at this code point (if any) the current one.
    SelectSuggestionAt(usize),
    /// Show an error to the user.
    ReportError(String),
    /// Show an informational message in the status bar.
    ReportInfo(String),
    /// Stop opening this large file (the Cancel button of the opening window).
    CancelOpening(PathBuf),
}

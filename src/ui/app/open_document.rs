//! One open document: its annotation, undo history, files on disk, view state, selected span
//! and recovery bookkeeping.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use qalam_core::io::{self, DiskState};
use qalam_core::model::{Annotation, Edit, EditError, History, SpanId};

use crate::ui::app::suggestions::DocumentSuggestions;
use crate::ui::document_view::DocumentView;
use qalam_core::io::file_names;
use qalam_core::search::NormalizedCache;

/// When a change happens: the frame's input time (seconds since the app started; it schedules
/// autosave) and the wall-clock time stored on changed spans. The app reads both once per frame
/// and passes them in, so tests can fix them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FrameTime {
    /// egui's input time, in seconds.
    pub input: f64,
    /// The wall clock, for the timestamps written into the annotation.
    pub wall: DateTime<Utc>,
}

/// The corpus document an open document is (see `corpus_actions`), so its edits show in the
/// document list, the progress bar and the statistics at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusLink {
    /// Index into the open corpus's documents.
    pub document: usize,
    /// Whose per-annotator file it is (`None`: a single-annotator file).
    pub annotator: Option<String>,
    /// The annotation's change stamp last recorded into the corpus.
    pub recorded: u64,
}

/// A document open in the app. Its annotation and history are private: the UI reads the
/// annotation through [`OpenDocument::annotation`] and changes it only through
/// [`OpenDocument::apply_edit`], [`OpenDocument::undo`] and [`OpenDocument::redo`], so every
/// change is an undoable step (the compiler enforces it).
pub struct OpenDocument {
    annotation: Annotation,
    history: History,
    /// The file the document was opened from (`None` for the bundled sample or restored work
    /// without a file).
    pub opened_from: Option<PathBuf>,
    /// Where Save writes (`None`: Save asks for a path).
    pub save_path: Option<PathBuf>,
    /// State of `save_path` on disk when last loaded or saved, for conflict detection.
    pub disk: Option<DiskState>,
    /// The document view widget and its caches.
    pub view: DocumentView,
    /// The span selected in the view or the span list.
    pub selected_span: Option<SpanId>,
    /// Id of this document's recovery file.
    pub recovery_id: String,
    /// Restored from a recovery file and not saved since: dirty even with an empty history.
    pub restored_unsaved: bool,
    /// Input time (seconds) of the first change not yet in the recovery file.
    pub change_pending_since: Option<f64>,
    /// The document of the open corpus this is, if it was opened from the document list.
    pub corpus: Option<CorpusLink>,
    /// The text normalised for search, kept while the search options stay the same (the text
    /// of a document never changes).
    pub search_text: NormalizedCache,
    /// Its suggestions (never part of the annotation until accepted).
    pub suggestions: DocumentSuggestions,
}

impl OpenDocument {
    /// A document over `annotation`, read from `opened_from` (with its disk state).
    pub fn new(
        annotation: Annotation,
        opened_from: Option<PathBuf>,
        disk: Option<DiskState>,
    ) -> Self {
        let save_path = opened_from.as_deref().map(file_names::annotation_path_for);
        // The disk state belongs to the opened file; it only guards saving if that is the file
        // Save writes to.
        let disk = disk.filter(|_| opened_from == save_path);
        let title = opened_from
            .as_deref()
            .map(file_names::display_name)
            .unwrap_or_else(|| annotation.document().title.clone());
        Self {
            annotation,
            history: History::new(),
            opened_from,
            save_path,
            disk,
            view: DocumentView::new(),
            selected_span: None,
            recovery_id: qalam_core::io::recovery::RecoveryStore::new_id(&title),
            restored_unsaved: false,
            change_pending_since: None,
            corpus: None,
            search_text: NormalizedCache::default(),
            suggestions: DocumentSuggestions::default(),
        }
    }

    /// Loads `path` (`.txt` or `.qalam.json`).
    pub fn load(path: &Path) -> Result<Self, io::LoadError> {
        let loaded = io::load_path(path)?;
        Ok(Self::new(
            loaded.annotation,
            Some(path.to_owned()),
            Some(loaded.disk),
        ))
    }

    /// The name shown in the title bar and the document selector: the annotation file once it
    /// exists on disk, else the file the user opened.
    pub fn display_name(&self) -> String {
        let saved = self.save_path.as_deref().filter(|_| self.disk.is_some());
        saved
            .or(self.opened_from.as_deref())
            .or(self.save_path.as_deref())
            .map(file_names::display_name)
            .unwrap_or_else(|| self.annotation.document().title.clone())
    }

    /// The annotation being edited (read-only: change it with [`OpenDocument::apply_edit`]).
    pub fn annotation(&self) -> &Annotation {
        &self.annotation
    }

    /// The view (to draw it) together with the annotation it shows (read-only).
    pub fn view_and_annotation(&mut self) -> (&mut DocumentView, &Annotation) {
        (&mut self.view, &self.annotation)
    }

    /// The annotation with the document's suggestions, to bring them up to date with it.
    pub fn annotation_and_suggestions(&mut self) -> (&Annotation, &mut DocumentSuggestions) {
        (&self.annotation, &mut self.suggestions)
    }

    /// Undo/redo of edits to the annotation (read-only).
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Whether there are changes not saved to a file.
    pub fn is_dirty(&self) -> bool {
        self.restored_unsaved || self.history.is_dirty()
    }

    /// Applies `edit` through the history, stamped with `now.wall`, and schedules a recovery
    /// write from `now.input`. The one way the app changes a document.
    pub fn apply_edit(&mut self, edit: Edit, now: FrameTime) -> Result<(), EditError> {
        self.history
            .apply_at(&mut self.annotation, edit, now.wall)?;
        self.note_change(now.input);
        Ok(())
    }

    /// Applies an edit the user made: a new span gets `annotator` (unless it names one) and the
    /// frame's wall-clock time, and once it is added the text selection it was made from is
    /// cleared, so the next label hotkey relabels the span instead of tagging the text again.
    pub fn apply_user_edit(
        &mut self,
        mut edit: Edit,
        now: FrameTime,
        annotator: Option<String>,
    ) -> Result<(), EditError> {
        let adds_span = stamp_new_spans(&mut edit, now.wall, &annotator);
        self.apply_edit(edit, now)?;
        if adds_span {
            self.view.set_selection(None);
        }
        Ok(())
    }

    /// The normalised text for search under `options` (made once per set of options).
    pub fn search_text(
        &mut self,
        options: &qalam_core::search::NormalizeOptions,
    ) -> &qalam_core::search::Normalized {
        self.search_text
            .get(self.annotation.document().text(), options)
    }

    /// Undoes the last edit; false when there was nothing to undo.
    pub fn undo(&mut self, now: FrameTime) -> bool {
        let undone = self.history.undo(&mut self.annotation);
        if undone {
            self.note_change(now.input);
        }
        undone
    }

    /// Redoes the last undone edit; false when there was nothing to redo.
    pub fn redo(&mut self, now: FrameTime) -> bool {
        let redone = self.history.redo(&mut self.annotation);
        if redone {
            self.note_change(now.input);
        }
        redone
    }

    /// Records a change at input time `now` for the recovery writer, and forgets a selected
    /// span that no longer exists.
    fn note_change(&mut self, now: f64) {
        self.change_pending_since.get_or_insert(now);
        if let Some(id) = self.selected_span
            && self.annotation.span(id).is_none()
        {
            self.selected_span = None;
        }
    }

    /// Marks the document saved to `path` with the new disk state.
    pub fn mark_saved(&mut self, path: PathBuf, disk: DiskState) {
        self.history.mark_saved();
        self.restored_unsaved = false;
        self.save_path = Some(path);
        self.disk = Some(disk);
        self.change_pending_since = None;
    }
}

/// Gives every span `edit` adds (alone or in a group, as "Annotate all" does) the frame's time
/// and `annotator` (unless it names one); returns whether it adds any.
fn stamp_new_spans(edit: &mut Edit, wall: DateTime<Utc>, annotator: &Option<String>) -> bool {
    match edit {
        Edit::AddSpan(span) => {
            if span.annotator.is_none() {
                span.annotator.clone_from(annotator);
            }
            span.created = wall;
            span.modified = wall;
            true
        }
        Edit::Group(edits) => {
            let mut any = false;
            for edit in edits {
                any |= stamp_new_spans(edit, wall, annotator);
            }
            any
        }
        _ => false,
    }
}

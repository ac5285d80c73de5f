//! The corpus in the window: opening a folder (scanned in the background), opening a document
//! of the list (the annotator's own file in a multi-annotator corpus, with the corpus labels for
//! a new one), opening a colleague's own file for review (review mode on, saved back to their
//! file), moving to the next/previous (unfinished) document, and recording the open
//! document's edits into the corpus so the list, progress and statistics follow at once.
//!
//! Leaving a corpus document for another one saves it first when it has unsaved changes (the
//! annotator's own file; a save that needs a question keeps it open beside the new one), so
//! going through a corpus by key never piles up open documents or loses work.

use std::path::Path;

use qalam_core::corpus::{DocumentFiles, Step, document_files, review_files, step_row};
use qalam_core::editing::Direction;
use qalam_core::editing::review::next_undecided;
use qalam_core::io;
use qalam_core::model::{Annotation, Document, LabelSet};

use super::QalamApp;
use super::corpus_session::{CorpusSession, ScanFinished};
use crate::ui::app::open_document::{CorpusLink, OpenDocument};

impl QalamApp {
    /// Opens the folder `root` as the window's corpus: the scan starts in the background and
    /// the document list fills as files are read.
    pub(super) fn open_folder(&mut self, root: &Path) {
        for doc in &mut self.documents {
            doc.corpus = None;
        }
        self.corpus = Some(CorpusSession::scan(root, None));
        self.panels.definitions.clear();
        self.settings.last_folder = Some(root.to_owned());
    }

    /// The open corpus, if any.
    pub fn corpus(&self) -> Option<&CorpusSession> {
        self.corpus.as_ref()
    }

    /// Whether a corpus scan is running (tests wait for it to end).
    pub fn is_scanning(&self) -> bool {
        self.corpus
            .as_ref()
            .is_some_and(|session| session.scan_progress().is_some())
    }

    /// Takes in what the scan thread delivered; once it has finished, reports its problems.
    pub(super) fn poll_corpus_scan(&mut self, ctx: &egui::Context) {
        let annotator = self.settings.annotator_name();
        let Some(session) = self.corpus.as_mut() else {
            return;
        };
        if session.scan_progress().is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
        match session.poll() {
            None => {}
            Some(ScanFinished::Loaded(problems)) => {
                let viewer = session
                    .corpus()
                    .filter(|corpus| corpus.is_multi_annotator())
                    .and(annotator);
                session.query.viewer = viewer;
                self.panels.definitions = session.definitions().clone();
                let count = session.corpus().map_or(0, |corpus| corpus.documents.len());
                let root = session.root().display().to_string();
                for problem in problems {
                    self.messages.error(problem);
                }
                self.messages
                    .info(format!("{root}: {count} documents in the corpus"));
                if let Some(corpus) = session.corpus() {
                    // The gazetteer learns the corpus's settled spans in the background.
                    self.suggestions.start_corpus_rebuild(corpus.clone(), false);
                }
                ctx.request_repaint();
            }
            Some(ScanFinished::Failed(error)) => {
                self.messages
                    .error(format!("The folder could not be read as a corpus: {error}"));
                self.corpus = None;
            }
        }
    }

    /// After the annotator's name changed: the list shows the new name's statuses (in a
    /// multi-annotator corpus).
    pub(super) fn corpus_viewer_changed(&mut self) {
        let annotator = self.settings.annotator_name();
        if let Some(session) = self.corpus.as_mut() {
            let viewer = session
                .corpus()
                .filter(|corpus| corpus.is_multi_annotator())
                .and(annotator);
            session.query.viewer = viewer;
        }
    }

    /// The corpus document index of the document shown, if it is one.
    pub fn current_corpus_document(&self) -> Option<usize> {
        self.current_document()
            .and_then(|doc| doc.corpus.as_ref())
            .map(|link| link.document)
    }

    /// Opens document `index` of the corpus (see the module docs).
    pub(super) fn open_corpus_document(&mut self, index: usize) {
        if let Some(open) = self.open_position_of_corpus_document(index) {
            self.current = open;
            return;
        }
        let Some(opened) = self.load_corpus_open_document(index) else {
            return;
        };
        self.show_opened_corpus_document(opened);
    }

    /// Opens `annotator`'s own file of corpus document `index` for review: it becomes the
    /// current document (replacing a corpus document as opening from the list does), review
    /// mode turns on at the first undecided span, and Save writes back to their file.
    pub(super) fn review_corpus_file(&mut self, index: usize, annotator: &str) {
        let files = self
            .corpus
            .as_ref()
            .and_then(CorpusSession::corpus)
            .and_then(|corpus| {
                let doc = corpus.documents.get(index)?;
                review_files(corpus, doc, annotator)
            });
        let Some(files) = files else {
            self.messages
                .info(format!("{annotator} has no file of this document"));
            return;
        };
        let open = self.documents.iter().position(|doc| {
            doc.save_path.as_deref() == Some(files.save.as_path())
                && doc
                    .corpus
                    .as_ref()
                    .is_some_and(|link| link.document == index)
        });
        match open {
            Some(open) => self.current = open,
            None => {
                let Some(opened) = self.load_corpus_files(index, &files) else {
                    return;
                };
                self.show_opened_corpus_document(opened);
            }
        }
        if !self.panels.review.is_active() {
            self.panels.review.toggle();
        }
        if let Some(doc) = self.documents.get_mut(self.current) {
            let current = doc
                .selected_span
                .filter(|&id| doc.annotation().span(id).is_some());
            if current.is_none() {
                doc.selected_span = next_undecided(doc.annotation(), None, Direction::Next);
                if let Some(span) = doc.selected_span.and_then(|id| doc.annotation().span(id)) {
                    doc.view.scroll_to(span.start);
                }
            }
        }
        self.messages.info(format!(
            "Reviewing {annotator}'s file: A accept · R reject · F fixed · N next undecided; \
             Save writes to their file"
        ));
    }

    /// Makes `opened` the current document, in place of the current corpus document or the
    /// untouched sample (see [`Self::slot_for_next_document`]), else beside the open ones.
    fn show_opened_corpus_document(&mut self, opened: OpenDocument) {
        match self.slot_for_next_document() {
            Some(slot) => {
                let old = std::mem::replace(&mut self.documents[slot], opened);
                if let Err(e) = self.recovery.remove(&old.recovery_id) {
                    self.messages.error(e.to_string());
                }
                self.current = slot;
            }
            None => {
                self.documents.push(opened);
                self.current = self.documents.len() - 1;
            }
        }
    }

    /// Where document `index` of the corpus is open in the viewer's own file, if it is (a
    /// colleague's file opened for review does not count).
    pub(super) fn open_position_of_corpus_document(&self, index: usize) -> Option<usize> {
        let own = self.corpus_document_files(index);
        self.documents.iter().position(|doc| {
            doc.corpus.as_ref().is_some_and(|link| {
                link.document == index
                    && own
                        .as_ref()
                        .is_none_or(|files| files.annotator == link.annotator)
            })
        })
    }

    /// The files document `index` of the corpus opens for the viewer, if the corpus is read.
    fn corpus_document_files(&self, index: usize) -> Option<DocumentFiles> {
        let annotator = self.settings.annotator_name();
        let corpus = self.corpus.as_ref().and_then(CorpusSession::corpus)?;
        let doc = corpus.documents.get(index)?;
        Some(document_files(corpus, doc, annotator.as_deref()))
    }

    /// Opens document `index` of the corpus beside the open ones (the current one stays
    /// current), unless it is open already; returns where it is open.
    pub(super) fn open_corpus_document_beside(&mut self, index: usize) -> Option<usize> {
        if let Some(open) = self.open_position_of_corpus_document(index) {
            return Some(open);
        }
        let opened = self.load_corpus_open_document(index)?;
        self.documents.push(opened);
        Some(self.documents.len() - 1)
    }

    /// Reads document `index` of the corpus from the annotator's file (see the module docs);
    /// problems are shown.
    fn load_corpus_open_document(&mut self, index: usize) -> Option<OpenDocument> {
        let files = self.corpus_document_files(index)?;
        self.load_corpus_files(index, &files)
    }

    /// Reads `files` of document `index` of the corpus as an open document linked to it;
    /// problems are shown.
    fn load_corpus_files(&mut self, index: usize, files: &DocumentFiles) -> Option<OpenDocument> {
        let corpus = self.corpus.as_ref().and_then(CorpusSession::corpus)?;
        let labels = corpus.file.as_ref().map(|file| file.labels.clone());
        let disagreement = corpus
            .problems
            .iter()
            .find(|problem| {
                matches!(
                    problem,
                    qalam_core::corpus::ScanProblem::LabelsDisagree { .. }
                ) && corpus.root.join(problem.path()) == files.open
            })
            .map(|problem| format!("{problem} (the file keeps its own labels)"));
        let mut opened = match load_corpus_document(files, labels) {
            Ok(opened) => opened,
            Err(error) => {
                self.messages.error(error.to_string());
                return None;
            }
        };
        opened.corpus = Some(CorpusLink {
            document: index,
            annotator: files.annotator.clone(),
            recorded: opened.annotation().change_stamp(),
        });
        if let Some(message) = disagreement {
            self.messages.error(message);
        }
        Some(opened)
    }

    /// The open document a newly opened corpus document replaces: the current one if it is a
    /// corpus document (saved first if it has changes; kept if that save did not happen) or the
    /// untouched bundled sample; `None` to open beside it.
    fn slot_for_next_document(&mut self) -> Option<usize> {
        let index = self.current;
        let doc = self.documents.get(index)?;
        let untouched_sample =
            doc.opened_from.is_none() && doc.save_path.is_none() && !doc.is_dirty();
        if doc.corpus.is_none() {
            return untouched_sample.then_some(index);
        }
        if !doc.is_dirty() {
            return Some(index);
        }
        let path = doc.save_path.clone()?;
        self.save_document(index, &path, false).then_some(index)
    }

    /// Opens the document one `step` away in the list (the nearest unfinished one with
    /// `unfinished`), or says why there is none.
    pub(super) fn step_corpus_document(&mut self, step: Step, unfinished: bool) {
        let current = self.current_corpus_document();
        let Some(session) = self.corpus.as_mut() else {
            self.messages
                .info("Open a folder first (File → Open folder…)");
            return;
        };
        let rows = session.rows().to_vec();
        let viewer = session.query.viewer.clone();
        let Some(corpus) = session.corpus() else {
            self.messages.info("The corpus is still being read");
            return;
        };
        match step_row(corpus, &rows, current, step, unfinished, viewer.as_deref()) {
            Some(index) => self.open_corpus_document(index),
            None if unfinished => self
                .messages
                .info("No other unfinished document in the list"),
            None => self.messages.info(match step {
                Step::Next => "This is the last document of the list",
                Step::Previous => "This is the first document of the list",
            }),
        }
    }

    /// Records every corpus document whose annotation changed since it was last recorded.
    pub(super) fn record_corpus_edits(&mut self) {
        let Some(session) = self.corpus.as_mut() else {
            return;
        };
        let mut changed = false;
        for doc in &mut self.documents {
            let stamp = doc.annotation().change_stamp();
            let Some(link) = doc.corpus.as_mut() else {
                continue;
            };
            if link.recorded == stamp {
                continue;
            }
            link.recorded = stamp;
            let (index, own) = (link.document, link.annotator.clone());
            let (Some(corpus), Some(path)) = (session.corpus_mut(), doc.save_path.as_deref())
            else {
                continue;
            };
            let ann = doc.annotation();
            let annotator = own.or_else(|| ann.annotator().map(str::to_owned));
            changed |= corpus.record_annotation(index, path, ann, annotator.as_deref());
        }
        if changed {
            session.changed();
        }
    }
}

/// Loads the document `files` describe: a text (or the text of another annotator's file) as a
/// new annotation with the corpus `labels` and the annotator; an annotation file as it is.
fn load_corpus_document(
    files: &DocumentFiles,
    labels: Option<LabelSet>,
) -> Result<OpenDocument, io::LoadError> {
    let loaded = io::load_path(&files.open)?;
    let is_text = !io::file_names::is_annotation_file(&files.open);
    let mut doc = if files.text_only || is_text {
        let document: Document = loaded.annotation.document().clone();
        let mut parts = Annotation::new(document).into_parts();
        if let Some(labels) = labels {
            parts.labels = labels;
        }
        parts.annotator = files.annotator.clone();
        // A fresh annotation has no spans, so any label set is valid for it.
        let annotation = Annotation::from_parts(parts)
            .unwrap_or_else(|_| Annotation::new(loaded.annotation.document().clone()));
        let disk = (!files.text_only).then_some(loaded.disk);
        OpenDocument::new(annotation, Some(files.open.clone()), disk)
    } else {
        OpenDocument::new(
            loaded.annotation,
            Some(files.open.clone()),
            Some(loaded.disk),
        )
    };
    if doc.save_path.as_deref() != Some(files.save.as_path()) {
        doc.save_path = Some(files.save.clone());
        doc.disk = None;
    }
    Ok(doc)
}

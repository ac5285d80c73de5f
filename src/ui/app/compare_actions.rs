//! Comparing and adjudicating: opening the compare view for a corpus document or for chosen
//! files, the gold document (opened from `article.gold.qalam.json` or started from the agreed
//! spans), and each adjudication step. Decisions come from `qalam_core::compare::adjudication`;
//! each is one edit through the gold document's history, so Ctrl+Z undoes it.

use std::path::{Path, PathBuf};

use qalam_core::compare::adjudication::{
    Choice, GOLD_ANNOTATOR_FALLBACK, annotator_files, gold_path_for, stem_and_name,
};
use qalam_core::corpus::document::slash_path;
use qalam_core::corpus::naming::gold_file_name;
use qalam_core::io;
use qalam_core::model::Annotation;

use super::QalamApp;
use super::compare_session::CompareSession;
use super::open_document::{CorpusLink, OpenDocument};
use crate::ui::commands::AdjudicateAction;
use crate::ui::widgets::file_dialogs;
use crate::ui::windows::dialogs::PathPurpose;

impl QalamApp {
    /// The open comparison, if any.
    pub fn compare(&self) -> Option<&CompareSession> {
        self.compare.as_ref()
    }

    /// The index of the open gold document of the comparison.
    pub(super) fn gold_document(&self) -> Option<usize> {
        let compare = self.compare.as_ref()?;
        self.documents
            .iter()
            .position(|doc| doc.save_path.as_deref() == Some(compare.gold_path.as_path()))
    }

    /// Whether the compare view shows: a comparison is open and its gold is the current
    /// document.
    pub fn compare_shows(&self) -> bool {
        self.gold_document() == Some(self.current)
    }

    /// Whether the compare keys act (the compare view shows and no gold span is being edited
    /// by hand).
    pub(super) fn compare_keys_act(&self) -> bool {
        self.compare_shows() && self.compare.as_ref().is_some_and(|c| !c.editing)
    }

    /// Review → Compare annotators…: the current corpus document's annotators, else the files
    /// beside the current document's, else files the user chooses.
    pub(super) fn compare_annotators(&mut self) {
        if let Some(index) = self.current_corpus_document() {
            self.open_compare_document(index);
            return;
        }
        if let Some(path) = self.current_document().and_then(|d| d.opened_from.clone())
            && annotator_files(&path).len() >= 2
        {
            self.open_compare_files(vec![path]);
            return;
        }
        let folder = self.settings.last_folder.clone();
        match self.native_dialog(|| file_dialogs::pick_files_to_compare(folder.as_deref())) {
            Some(paths) => self.open_compare_files(paths),
            None => self.show_path_dialog(PathPurpose::Compare),
        }
    }

    /// Compares the annotators' files of corpus document `index`.
    pub(super) fn open_compare_document(&mut self, index: usize) {
        let Some(corpus) = self.corpus.as_ref().and_then(|s| s.corpus()) else {
            self.messages.info("The corpus is still being read");
            return;
        };
        let Some(doc) = corpus.documents.get(index) else {
            return;
        };
        let files: Vec<(Option<String>, PathBuf)> = doc
            .annotation_files()
            .map(|(file, info)| (info.annotator.clone(), corpus.root.join(&file.path)))
            .collect();
        if files.len() < 2 {
            self.messages.info(format!(
                "{} has {}: comparing needs two or more",
                doc.name,
                crate::ui::panels::counted(files.len(), "annotator file", "annotator files")
            ));
            return;
        }
        let text = doc
            .files
            .iter()
            .find(|file| file.annotation.is_none())
            .map(|file| file.path.clone())
            .unwrap_or_else(|| PathBuf::from(format!("{}.txt", doc.name)));
        let gold = corpus.root.join(gold_file_name(&text));
        self.start_compare(files, gold, Some(index));
    }

    /// Compares `paths` (one path: it and the other annotators' files beside it).
    pub(super) fn open_compare_files(&mut self, paths: Vec<PathBuf>) {
        let paths = match paths.as_slice() {
            [one] => annotator_files(one),
            _ => paths,
        };
        let Some(gold) = paths.first().and_then(|p| gold_path_for(p)) else {
            self.messages
                .error("Choose two or more annotators' .qalam.json files of one text");
            return;
        };
        let files = paths.into_iter().map(|path| (None, path)).collect();
        self.start_compare(files, gold, None);
    }

    /// Loads `files` (annotator, path), checks they share one text, and opens the compare view
    /// with its gold document.
    fn start_compare(
        &mut self,
        files: Vec<(Option<String>, PathBuf)>,
        gold_path: PathBuf,
        corpus_document: Option<usize>,
    ) {
        let mut versions: Vec<(String, PathBuf, Annotation)> = Vec::new();
        for (annotator, path) in files {
            match io::load_path(&path) {
                Ok(loaded) => {
                    let name = annotator
                        .or_else(|| stem_and_name(&path).and_then(|(_, name)| name))
                        .or_else(|| loaded.annotation.annotator().map(str::to_owned))
                        .unwrap_or_else(|| slash_path(&path));
                    versions.push((name, path, loaded.annotation));
                }
                Err(error) => {
                    self.messages.error(error.to_string());
                    return;
                }
            }
        }
        if versions.len() < 2 {
            self.messages
                .error("Comparing needs two or more annotators' files of one text");
            return;
        }
        let text = versions[0].2.document().text();
        if let Some((_, path, _)) = versions[1..]
            .iter()
            .find(|(_, _, ann)| ann.document().text() != text)
        {
            self.messages.error(format!(
                "{} holds another text than {}: only files of one text can be compared",
                path.display(),
                versions[0].1.display()
            ));
            return;
        }
        let mut compare = CompareSession::new(versions, gold_path.clone());
        compare.corpus_document = corpus_document;
        let decided_by = self.decided_by();
        let open = self
            .documents
            .iter()
            .position(|doc| doc.save_path.as_deref() == Some(gold_path.as_path()));
        let index = match open {
            Some(index) => index,
            None => {
                let gold = match self.gold_document_for(&compare, &gold_path, &decided_by) {
                    Ok(gold) => gold,
                    Err(error) => {
                        self.messages.error(error.to_string());
                        return;
                    }
                };
                self.documents.push(gold);
                self.documents.len() - 1
            }
        };
        // A gold file saved before brings its decisions back.
        compare.session.adopt(self.documents[index].annotation());
        if let Some(document) = corpus_document {
            let doc = &mut self.documents[index];
            doc.corpus = Some(CorpusLink {
                document,
                annotator: None,
                recorded: doc.annotation().change_stamp(),
            });
        }
        self.current = index;
        let count = compare.session.disagreements().len();
        self.messages.info(match count {
            0 => "The annotators agree on every span: nothing to decide".to_owned(),
            1 => "1 disagreement to decide: N shows it".to_owned(),
            n => format!("{n} disagreements to decide: N shows the next, P the previous"),
        });
        self.compare = Some(compare);
        self.show_current_disagreement();
    }

    /// The gold document: `gold_path` as saved before (its decisions taken over), or a new
    /// one from the agreed spans, saving to `gold_path`.
    fn gold_document_for(
        &self,
        compare: &CompareSession,
        gold_path: &Path,
        decided_by: &str,
    ) -> Result<OpenDocument, io::LoadError> {
        if gold_path.is_file() {
            return OpenDocument::load(gold_path);
        }
        let gold = compare
            .session
            .gold(&compare.annotations(), decided_by, self.now.wall);
        let mut doc = OpenDocument::new(gold, None, None);
        doc.save_path = Some(gold_path.to_owned());
        // Never saved: the agreed spans are a change to keep.
        doc.restored_unsaved = true;
        Ok(doc)
    }

    /// Who decides: the annotator name of the settings.
    fn decided_by(&self) -> String {
        self.settings
            .annotator_name()
            .unwrap_or_else(|| GOLD_ANNOTATOR_FALLBACK.to_owned())
    }

    /// Applies one adjudication step.
    pub(super) fn adjudicate(&mut self, action: AdjudicateAction) {
        let Some(compare) = self.compare.as_mut() else {
            return;
        };
        match action {
            AdjudicateAction::Next | AdjudicateAction::Previous => {
                let forward = action == AdjudicateAction::Next;
                match compare.session.step(compare.current, forward) {
                    Some(next) => compare.current = Some(next),
                    None => self.messages.info(if forward {
                        "This is the last disagreement"
                    } else {
                        "This is the first disagreement"
                    }),
                }
                compare.editing = false;
                self.show_current_disagreement();
            }
            AdjudicateAction::Show(index) => {
                if index < compare.session.disagreements().len() {
                    compare.current = Some(index);
                    compare.editing = false;
                    self.show_current_disagreement();
                }
            }
            AdjudicateAction::Take(i) => self.decide(Choice::Take(i)),
            AdjudicateAction::TakeAll => self.decide(Choice::All),
            AdjudicateAction::TakeNeither => self.decide(Choice::Neither),
            AdjudicateAction::Edit => self.decide(Choice::Edit),
            AdjudicateAction::Resume => compare.editing = false,
            AdjudicateAction::ToggleSideBySide => compare.side_by_side ^= true,
            AdjudicateAction::Close => self.compare = None,
        }
    }

    /// Decides the current disagreement with `choice` through the gold document's history.
    fn decide(&mut self, choice: Choice) {
        let decided_by = self.decided_by();
        let now = self.now;
        let Some(gold) = self.gold_document() else {
            self.messages.error("The gold document is no longer open");
            return;
        };
        let Some(compare) = self.compare.as_mut() else {
            return;
        };
        let Some(current) = compare.current else {
            self.messages
                .info("No disagreement is shown: press N for the next one");
            return;
        };
        let doc = &mut self.documents[gold];
        let prepared =
            match compare
                .session
                .resolve(current, choice, doc.annotation(), &decided_by, now.wall)
            {
                Ok(prepared) => prepared,
                Err(error) => {
                    self.messages.info(error.to_string());
                    return;
                }
            };
        if let Err(error) = doc.apply_edit(prepared.edit.clone(), now) {
            self.messages
                .error(format!("The decision was refused: {error}"));
            return;
        }
        let first = prepared.first_span();
        compare.session.commit(prepared, doc.history().revision());
        if choice == Choice::Edit {
            compare.editing = true;
            doc.selected_span = first;
            self.messages
                .info("Edit the gold span with the usual keys; Esc returns to adjudicating");
            return;
        }
        doc.selected_span = first;
        // On to the next undecided disagreement after this one, if there is one.
        let next = (current + 1..compare.session.disagreements().len())
            .find(|&i| compare.session.decision(i).is_none());
        if let Some(next) = next {
            compare.current = Some(next);
        }
        self.show_current_disagreement();
    }

    /// Scrolls the views to the current disagreement and selects it in the merged view.
    fn show_current_disagreement(&mut self) {
        let gold = self.gold_document();
        let Some(compare) = self.compare.as_mut() else {
            return;
        };
        let Some(group) = compare
            .current
            .and_then(|index| compare.session.group_of(index))
        else {
            return;
        };
        let start = group.start;
        compare.merged_view.scroll_to(start);
        for version in &mut compare.versions {
            version.view.scroll_to(start);
        }
        if let Some(gold) = gold {
            self.documents[gold].view.scroll_to(start);
        }
    }

    /// Follows undo and redo of the gold document (once per frame).
    pub(super) fn observe_gold(&mut self) {
        let Some(gold) = self.gold_document() else {
            return;
        };
        let revision = self.documents[gold].history().revision();
        if let Some(compare) = self.compare.as_mut() {
            compare.session.observe(revision);
        }
    }
}

//! The search commands: open the search bar (Ctrl+F), next/previous match, and "Annotate all…"
//! (from the selected span, the search bar's matches, or the selected text) opening its preview.

use qalam_core::search::Match;
use qalam_core::search::annotate_all::{
    AnnotateAllOptions, annotate_all_edit, candidates, likely_label, source_query,
};

use super::QalamApp;
use crate::ui::commands::Command;

impl QalamApp {
    /// Applies a search command; false if `command` is not one.
    pub(super) fn apply_search_command(&mut self, command: Command) -> bool {
        match command {
            Command::Find => {
                let selected = self
                    .documents
                    .get(self.current)
                    .and_then(|doc| doc.view.selected_text(doc.annotation()))
                    .map(str::to_owned);
                self.search.open(selected.as_deref());
            }
            Command::FindNext | Command::FindPrevious => {
                let Some(doc) = self.documents.get_mut(self.current) else {
                    self.messages.info("Open a document first");
                    return true;
                };
                if !self.search.is_open() {
                    self.search.open(None);
                }
                self.search.step(doc, command == Command::FindNext);
            }
            Command::AnnotateAll => self.open_annotate_all(),
            _ => return false,
        }
        true
    }

    /// Opens the "Annotate all" preview: the other occurrences of the selected span's text with
    /// its label; else the search bar's matches; else those of the selected text.
    fn open_annotate_all(&mut self) {
        let Some(doc) = self.documents.get_mut(self.current) else {
            self.messages.info("Open a document first");
            return;
        };
        let first_label = doc
            .annotation()
            .labels()
            .labels
            .first()
            .map(|label| label.name.clone())
            .unwrap_or_default();
        let span = doc
            .selected_span
            .and_then(|id| doc.annotation().span(id))
            .map(|span| (span.range(), span.label.clone()));
        let from_span = span.is_some();
        let from_bar = !from_span && self.search.is_open() && !self.search.matches().is_empty();
        let (source, label) = match span {
            Some((range, label)) => (Some(range), label),
            None if from_bar => (None, first_label),
            None => match doc.view.selection() {
                Some(range) => (Some(range), first_label),
                None => {
                    self.messages
                        .error("Select a span or some text first (or search for it)");
                    return;
                }
            },
        };
        let (what, matches) = match &source {
            Some(range) => {
                let options = AnnotateAllOptions::default();
                let query = match source_query(doc.annotation(), range.clone(), &options)
                    .and_then(|query| Ok((query.compile()?, query.pattern)))
                {
                    Ok(found) => found,
                    Err(error) => {
                        self.messages.error(error.to_string());
                        return;
                    }
                };
                let (matcher, pattern) = query;
                let matches = matcher.find(doc.search_text(&options.normalize));
                (pattern, matches)
            }
            None => (self.search.pattern.clone(), self.search.matches().to_vec()),
        };
        // Without a span to copy, offer the label these occurrences already have, if any.
        let label = if !from_span {
            likely_label(doc.annotation(), &matches).unwrap_or(label)
        } else {
            label
        };
        self.annotate_all
            .open(doc.annotation(), what, source, matches, label);
    }
}

/// "Annotate all in the corpus" opens at most this many documents at once.
pub const MAX_CORPUS_DOCUMENTS: usize = 50;

impl QalamApp {
    /// Opens the "Annotate all in the corpus" preview of the search bar's corpus results, with
    /// the current document's labels.
    pub(super) fn open_annotate_corpus(&mut self) {
        let Some(doc) = self.documents.get(self.current) else {
            self.messages
                .info("Open a document of the corpus first (its labels are offered)");
            return;
        };
        let label = doc
            .annotation()
            .labels()
            .labels
            .first()
            .map(|label| label.name.clone())
            .unwrap_or_default();
        let rows = self.search.corpus_results().0.to_vec();
        self.annotate_all
            .open_corpus(self.search.pattern.clone(), rows, label);
    }

    /// Tags the chosen corpus matches: each document is opened beside the current one unless
    /// it is open, and gets one grouped edit of the matches that are still candidates there
    /// (not overlapping its spans unless `include_overlapping`, not already tagged so). Nothing
    /// is saved.
    pub(super) fn annotate_corpus(
        &mut self,
        label: &str,
        include_overlapping: bool,
        targets: Vec<(usize, Vec<Match>)>,
    ) {
        if targets.len() > MAX_CORPUS_DOCUMENTS {
            self.messages.error(format!(
                "The matches are in {} documents; tag at most {MAX_CORPUS_DOCUMENTS} at once \
                 (narrow the search or untick some)",
                targets.len()
            ));
            return;
        }
        let options = AnnotateAllOptions {
            include_overlapping,
            ..AnnotateAllOptions::default()
        };
        let (mut tagged, mut documents) = (0, 0);
        for (index, matches) in targets {
            let Some(position) = self.open_corpus_document_beside(index) else {
                continue;
            };
            let Some(doc) = self.documents.get(position) else {
                continue;
            };
            let ann = doc.annotation();
            let found = candidates(ann, &matches, None, label, &options);
            if found.is_empty() {
                continue;
            }
            let edit =
                annotate_all_edit(ann, label, found.iter().map(|o| o.range()), self.now.wall);
            if self.apply_edit_to(position, edit) {
                tagged += found.len();
                documents += 1;
            }
        }
        self.messages.info(format!(
            "Tagged {tagged} occurrences with {label} in {documents} documents: each is one undo \
             step there, not saved yet"
        ));
    }
}

//! The search commands: open the search bar (Ctrl+F), next/previous match, and "Annotate all…"
//! (from the selected span, the search bar's matches, or the selected text) opening its preview.

use qalam_core::search::annotate_all::{AnnotateAllOptions, source_query};

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
        let from_bar = span.is_none() && self.search.is_open() && !self.search.matches().is_empty();
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
        self.annotate_all
            .open(doc.annotation(), what, source, matches, label);
    }
}

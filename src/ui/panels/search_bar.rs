//! The search bar (Ctrl+F): a field, next/previous, the count ("3 of 12"), the folds of
//! `qalam_core::search` as toggles, whole words / with proclitics / inside words, regex, and
//! "Annotate all…" over the matches.
//!
//! The bar keeps its query and the last results; [`SearchBar::refresh`] runs the query on the
//! current document only when the query or the document changed, on the document's cached
//! normalised text (so a keystroke costs a search, not a normalisation), and hands the matches to
//! the document view to highlight. Stepping selects the current match and scrolls to it, so a
//! label key (after Esc) tags it. The bar never edits the annotation.

use std::path::PathBuf;

use qalam_core::corpus::Corpus;
use qalam_core::search::corpus_search::{CorpusMatch, CorpusTexts, CorpusTextsJob};
use qalam_core::search::{Match, NormalizeOptions, PatternKind, Query, WordMode};

use crate::ui::app::open_document::OpenDocument;
use crate::ui::commands::{AppMessage, Command, CommandQueue};
use crate::ui::widgets::bidi_text::selectable_text_ui;
use crate::ui::widgets::bidi_text_edit::BidiTextEdit;

/// The button that tags the corpus results.
pub const ANNOTATE_CORPUS: &str = "Annotate all in the corpus…";

/// Corpus results listed at most (the count covers all of them).
const MAX_CORPUS_ROWS: usize = 500;
/// Code points of context on each side of a corpus result.
const CORPUS_CONTEXT: usize = 30;

/// Placeholder and accessible name of the search field.
pub const SEARCH_FIELD_HINT: &str = "Find in document";

/// The results of one query on one document.
#[derive(Debug, Clone)]
struct Results {
    /// The document's recovery id (unique among open documents).
    document: String,
    query: Query,
    matches: Vec<Match>,
    error: Option<String>,
    current: Option<usize>,
}

/// Which corpus the texts are of: its folder, its number of documents, the folds.
type TextsKey = (PathBuf, usize, NormalizeOptions);

/// The corpus's texts for "All documents".
#[derive(Debug)]
enum CorpusTextsState {
    /// Being read on a background thread.
    Loading(TextsKey, CorpusTextsJob),
    /// Read and normalised.
    Ready(TextsKey, CorpusTexts, Vec<String>),
}

impl CorpusTextsState {
    fn key(&self) -> &TextsKey {
        match self {
            CorpusTextsState::Loading(key, _) | CorpusTextsState::Ready(key, _, _) => key,
        }
    }
}

/// The search bar's state between frames.
#[derive(Debug)]
pub struct SearchBar {
    open: bool,
    /// What is typed.
    pub pattern: String,
    /// Read the pattern as a regex.
    pub regex: bool,
    /// Where matches may sit in words.
    pub words: WordMode,
    /// The folds.
    pub options: NormalizeOptions,
    /// Search every document of the open corpus too, with a result list.
    pub all_documents: bool,
    focus_field: bool,
    results: Option<Results>,
    /// The corpus's texts, read in the background when "All documents" is first used.
    corpus_texts: Option<CorpusTextsState>,
    /// The corpus results of a query: the listed matches and how many there are.
    corpus_results: Option<(Query, Vec<CorpusMatch>, usize)>,
    /// A corpus result clicked: the document to open and the match to show once it is current.
    goto: Option<(usize, Match)>,
}

impl Default for SearchBar {
    /// A closed bar with an empty pattern, every fold on, names found after proclitics too.
    fn default() -> Self {
        Self {
            open: false,
            pattern: String::new(),
            regex: false,
            words: WordMode::Clitics,
            options: NormalizeOptions::default(),
            all_documents: false,
            focus_field: false,
            results: None,
            corpus_texts: None,
            corpus_results: None,
            goto: None,
        }
    }
}

impl SearchBar {
    /// Opens the bar (or focuses its field). A short one-line `selected` text becomes the
    /// pattern.
    pub fn open(&mut self, selected: Option<&str>) {
        if let Some(text) = selected.map(str::trim)
            && !text.is_empty()
            && !text.contains('\n')
            && text.chars().count() <= 100
        {
            self.pattern = text.to_owned();
        }
        self.open = true;
        self.focus_field = true;
    }

    /// Closes the bar; the highlights go with it at the next [`SearchBar::refresh`].
    pub fn close(&mut self) {
        self.open = false;
        self.focus_field = false;
    }

    /// Whether the bar shows.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The query as typed.
    pub fn query(&self) -> Query {
        Query {
            pattern: self.pattern.clone(),
            kind: if self.regex {
                PatternKind::Regex
            } else {
                PatternKind::Plain
            },
            words: self.words,
            options: self.options,
        }
    }

    /// The matches of the last refresh (original code points).
    pub fn matches(&self) -> &[Match] {
        self.results.as_ref().map_or(&[], |r| &r.matches)
    }

    /// The current match's index.
    pub fn current(&self) -> Option<usize> {
        self.results.as_ref().and_then(|r| r.current)
    }

    /// "3 of 12", "No matches", or the query's error.
    pub fn count_text(&self) -> String {
        match &self.results {
            None => String::new(),
            Some(r) if r.error.is_some() => r.error.clone().unwrap_or_default(),
            Some(r) if r.matches.is_empty() => "No matches".to_owned(),
            Some(r) => match r.current {
                Some(current) => format!("{} of {}", current + 1, r.matches.len()),
                None => super::counted(r.matches.len(), "match", "matches"),
            },
        }
    }

    /// Runs the query on `doc` if the query or the document changed since the last time, and
    /// gives the view its highlights; with the bar closed, clears them. The first match at or
    /// after the caret becomes the current one.
    pub fn refresh(&mut self, doc: &mut OpenDocument) {
        if !self.open {
            if self.results.take().is_some() || !doc.view.search_highlights().ranges().is_empty() {
                doc.view.set_search_matches(Vec::new(), None);
            }
            return;
        }
        let query = self.query();
        let fresh = self
            .results
            .as_ref()
            .is_some_and(|r| r.document == doc.recovery_id && r.query == query);
        if !fresh {
            self.search(doc, query);
        }
        self.go_to_clicked_result(doc);
    }

    /// Runs `query` on `doc` and shows the first match from the caret on.
    fn search(&mut self, doc: &mut OpenDocument, query: Query) {
        let (matches, error) = if query.pattern.is_empty() {
            (Vec::new(), None)
        } else {
            match query.compile() {
                Ok(matcher) => (matcher.find(doc.search_text(&query.options)), None),
                Err(error) => (Vec::new(), Some(error.to_string())),
            }
        };
        let caret = doc
            .view
            .selection()
            .map_or(doc.view.caret(), |selection| selection.start);
        let current = (!matches.is_empty())
            .then(|| matches.partition_point(|m| m.start < caret) % matches.len());
        doc.view
            .set_search_matches(matches.iter().map(Match::range).collect(), current);
        self.results = Some(Results {
            document: doc.recovery_id.clone(),
            query,
            matches,
            error,
            current,
        });
        if current.is_some() {
            self.show_current(doc);
        }
    }

    /// Once the document of a clicked corpus result is the current one, makes that match
    /// current.
    fn go_to_clicked_result(&mut self, doc: &mut OpenDocument) {
        let Some((index, found)) = self.goto else {
            return;
        };
        if doc.corpus.as_ref().map(|link| link.document) != Some(index) {
            return;
        }
        self.goto = None;
        if let Some(results) = self.results.as_mut()
            && let Some(position) = results.matches.iter().position(|m| *m == found)
        {
            results.current = Some(position);
            doc.view.set_search_current(Some(position));
        }
        doc.view.set_selection(Some(found.range()));
        doc.view.scroll_to(found.start);
        doc.selected_span = None;
    }

    /// With "All documents" on, runs the query over every document of `corpus` (reading and
    /// normalising the texts the first time), unless it already did for this query.
    pub fn refresh_corpus(&mut self, corpus: Option<&Corpus>) {
        let Some(corpus) = corpus.filter(|_| self.open && self.all_documents) else {
            self.corpus_results = None;
            return;
        };
        let query = self.query();
        let key: TextsKey = (corpus.root.clone(), corpus.documents.len(), query.options);
        if self
            .corpus_texts
            .as_ref()
            .is_none_or(|state| *state.key() != key)
        {
            let job = CorpusTextsJob::spawn(corpus.clone(), query.options);
            self.corpus_texts = Some(CorpusTextsState::Loading(key, job));
            self.corpus_results = None;
        }
        if let Some(CorpusTextsState::Loading(key, job)) = &self.corpus_texts
            && let Some((texts, problems)) = job.try_take()
        {
            self.corpus_texts = Some(CorpusTextsState::Ready(key.clone(), texts, problems));
            self.corpus_results = None;
        }
        let Some(CorpusTextsState::Ready(_, texts, _)) = &self.corpus_texts else {
            return;
        };
        if self
            .corpus_results
            .as_ref()
            .is_some_and(|(q, _, _)| *q == query)
        {
            return;
        }
        let (found, total) = match query.compile() {
            Ok(matcher) if !query.pattern.is_empty() => {
                texts.find(&matcher, MAX_CORPUS_ROWS, CORPUS_CONTEXT)
            }
            _ => (Vec::new(), 0),
        };
        self.corpus_results = Some((query, found, total));
    }

    /// Whether the corpus's texts are still being read for "All documents".
    pub fn corpus_loading(&self) -> bool {
        matches!(self.corpus_texts, Some(CorpusTextsState::Loading(..)))
    }

    /// The corpus results listed (at most 500) and their total.
    pub fn corpus_results(&self) -> (&[CorpusMatch], usize) {
        self.corpus_results
            .as_ref()
            .map_or((&[], 0), |(_, found, total)| (found.as_slice(), *total))
    }

    /// Makes the next (or previous) match current, wrapping around, and shows it.
    pub fn step(&mut self, doc: &mut OpenDocument, forward: bool) {
        self.refresh(doc);
        let Some(results) = self.results.as_mut() else {
            return;
        };
        let count = results.matches.len();
        if count == 0 {
            return;
        }
        results.current = Some(match (results.current, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1) % count,
            (Some(i), false) => (i + count - 1) % count,
        });
        doc.view.set_search_current(results.current);
        self.show_current(doc);
    }

    /// Selects the current match in the view and scrolls to it.
    fn show_current(&self, doc: &mut OpenDocument) {
        let Some(m) = self
            .results
            .as_ref()
            .and_then(|r| r.current.and_then(|i| r.matches.get(i)))
        else {
            return;
        };
        doc.view.set_selection(Some(m.range()));
        doc.view.scroll_to(m.start);
        doc.selected_span = None;
    }

    /// Draws the bar (one wrapped row); commands (next, previous, annotate all) go to
    /// `commands`.
    pub fn ui(&mut self, ui: &mut egui::Ui, corpus_open: bool, commands: &mut CommandQueue) {
        ui.horizontal_wrapped(|ui| {
            ui.label("Find:");
            let field = ui.add(
                BidiTextEdit::singleline(&mut self.pattern)
                    .hint_text(SEARCH_FIELD_HINT)
                    .desired_width(220.0),
            );
            if std::mem::take(&mut self.focus_field) {
                field.request_focus();
            }
            // Enter in a one-line field ends editing; take it back and step.
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                let shift = ui.input(|i| i.modifiers.shift);
                commands.push(if shift {
                    Command::FindPrevious
                } else {
                    Command::FindNext
                });
                field.request_focus();
            }
            // F4 (next) has no modifier, so the app leaves it to a focused field: take it here.
            if field.has_focus()
                && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F4))
            {
                commands.push(Command::FindNext);
            }
            if ui
                .button("Previous")
                .on_hover_text(Command::FindPrevious.tooltip())
                .clicked()
            {
                commands.push(Command::FindPrevious);
            }
            if ui
                .button("Next")
                .on_hover_text(Command::FindNext.tooltip())
                .clicked()
            {
                commands.push(Command::FindNext);
            }
            let count = self.count_text();
            let error = self.results.as_ref().is_some_and(|r| r.error.is_some());
            if error {
                ui.colored_label(ui.visuals().error_fg_color, count);
            } else {
                ui.label(count);
            }
            ui.separator();
            let o = &mut self.options;
            ui.checkbox(&mut o.ignore_harakat, "Ignore harakat");
            ui.checkbox(&mut o.ignore_tatweel, "Ignore tatweel");
            ui.checkbox(&mut o.fold_alef, "Alef/hamza forms")
                .on_hover_text("Alef with hamza above or below, madda and wasla match bare alef");
            ui.checkbox(&mut o.fold_ya, "Ya/alef maqsura")
                .on_hover_text("Alef maqsura matches ya");
            ui.checkbox(&mut o.fold_ta_marbuta, "Ta marbuta/ha")
                .on_hover_text("Ta marbuta matches ha");
            ui.checkbox(&mut o.fold_digits, "Digits")
                .on_hover_text("Arabic-Indic digits match Latin digits");
            ui.checkbox(&mut o.ignore_case, "Ignore case");
            ui.separator();
            egui::ComboBox::from_id_salt("search_words")
                .selected_text(words_name(self.words))
                .show_ui(ui, |ui| {
                    for words in [WordMode::Clitics, WordMode::Whole, WordMode::Inside] {
                        ui.selectable_value(&mut self.words, words, words_name(words));
                    }
                });
            ui.checkbox(&mut self.regex, "Regex");
            if corpus_open {
                ui.checkbox(&mut self.all_documents, "All documents")
                    .on_hover_text("Search every document of the corpus, with a result list");
            }
            ui.separator();
            if ui
                .button(Command::AnnotateAll.name())
                .on_hover_text("Tag the matches with a label, after a preview")
                .clicked()
            {
                commands.push(Command::AnnotateAll);
            }
            let close = ui.button("Close search");
            if close.clicked() {
                self.close();
            }
        });
        if corpus_open && self.all_documents {
            self.corpus_results_ui(ui, commands);
        }
    }

    /// The corpus result list: document and context per match; a click opens the document at
    /// the match.
    fn corpus_results_ui(&mut self, ui: &mut egui::Ui, commands: &mut CommandQueue) {
        if self.corpus_loading() {
            ui.label("Reading the corpus…");
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(50));
            return;
        }
        if let Some(CorpusTextsState::Ready(_, _, problems)) = &self.corpus_texts
            && !problems.is_empty()
        {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("{} files could not be read", problems.len()),
            )
            .on_hover_text(problems.join("\n"));
        }
        let Some((_, found, total)) = &self.corpus_results else {
            return;
        };
        let documents = {
            let mut names: Vec<usize> = found.iter().map(|m| m.document).collect();
            names.dedup();
            names.len()
        };
        ui.horizontal(|ui| {
            ui.label(if *total > found.len() {
                format!(
                    "{total} matches in the corpus (the first {} listed)",
                    found.len()
                )
            } else {
                format!(
                    "{} in {}",
                    super::counted(*total, "match", "matches"),
                    super::counted(documents, "document", "documents")
                )
            });
            if ui
                .add_enabled(!found.is_empty(), egui::Button::new(ANNOTATE_CORPUS))
                .on_hover_text("Tag the listed matches in their documents, after a preview")
                .clicked()
            {
                commands.push(AppMessage::AnnotateCorpusPreview);
            }
        });
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .id_salt("corpus_search_results")
            .max_height(160.0)
            .show(ui, |ui| {
                for result in found {
                    let c = &result.context;
                    let row = format!("{}: {}[{}]{}", result.name, c.before, c.text, c.after);
                    if selectable_text_ui(ui, false, &row).clicked() {
                        clicked = Some((result.document, result.found));
                    }
                }
            });
        if let Some((document, found)) = clicked {
            self.goto = Some((document, found));
            commands.push(AppMessage::OpenCorpusDocument(document));
        }
    }
}

/// The menu text of a word mode.
fn words_name(words: WordMode) -> &'static str {
    match words {
        WordMode::Clitics => "Words, with proclitics",
        WordMode::Whole => "Whole words",
        WordMode::Inside => "Inside words",
    }
}

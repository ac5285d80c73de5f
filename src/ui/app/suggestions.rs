//! The app's suggestion state: the gazetteer shared by all documents ([`SuggestionSession`]:
//! the corpus's names and the user's list, rebuilt on a background thread from the corpus, and
//! the predictions files loaded) and each open document's suggestions ([`DocumentSuggestions`]:
//! the list on screen, the current one, the background job, its part of the predictions).
//! Computing is `qalam_core::suggest`'s (which also suggests the names a document has tagged
//! itself); this only decides when, and keeps what came back.

use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;

use qalam_core::corpus::scan::Corpus;
use qalam_core::model::Annotation;
use qalam_core::search::Normalized;
use qalam_core::suggest::corpus::{CorpusGazetteerReport, add_corpus};
use qalam_core::suggest::{
    Gazetteer, GazetteerBuilder, Predictions, SuggestInput, SuggestJob, Suggestion, retain_open,
};

/// A rebuild of the corpus's names running on a thread.
type RebuildHandle = JoinHandle<(GazetteerBuilder, CorpusGazetteerReport)>;

/// The gazetteer and where its names come from, and the loaded predictions files (a model's
/// output for a whole corpus: each document takes the predictions made on its text).
pub struct SuggestionSession {
    /// Suggestions are outlined in the document (View toggle).
    pub show: bool,
    gazetteer: Arc<Gazetteer>,
    /// Renewed whenever the gazetteer changes, so documents recompute.
    generation: u64,
    /// The user's lists, in loading order (later entries win).
    user_entries: Vec<(String, String)>,
    /// The files they came from.
    pub user_lists: Vec<PathBuf>,
    /// The corpus's counted names (from the last rebuild).
    corpus_names: Option<GazetteerBuilder>,
    rebuild: Option<RebuildHandle>,
    /// Whether the running rebuild was asked for (its result is announced) or automatic.
    rebuild_asked: bool,
    /// The predictions files loaded, for every document whose text they hold.
    predictions: Vec<Arc<Predictions>>,
    /// Renewed whenever a predictions file is loaded.
    predictions_generation: u64,
}

impl Default for SuggestionSession {
    fn default() -> Self {
        Self {
            show: true,
            gazetteer: Arc::new(Gazetteer::default()),
            generation: 1,
            user_entries: Vec::new(),
            user_lists: Vec::new(),
            corpus_names: None,
            rebuild: None,
            rebuild_asked: false,
            predictions: Vec::new(),
            predictions_generation: 0,
        }
    }
}

impl SuggestionSession {
    /// The gazetteer.
    pub fn gazetteer(&self) -> &Arc<Gazetteer> {
        &self.gazetteer
    }

    /// Changes whenever the gazetteer does.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Adds a user list's entries and rebuilds the gazetteer.
    pub fn add_user_list(&mut self, path: PathBuf, entries: Vec<(String, String)>) {
        self.user_entries.extend(entries);
        self.user_lists.push(path);
        self.rebuild_gazetteer();
    }

    /// Adds a predictions file (replacing one of the same name), for every open document.
    pub fn add_predictions(&mut self, predictions: Predictions) {
        self.predictions.retain(|p| p.name != predictions.name);
        self.predictions.push(Arc::new(predictions));
        self.predictions_generation += 1;
    }

    /// The predictions files loaded.
    pub fn predictions(&self) -> &[Arc<Predictions>] {
        &self.predictions
    }

    /// Changes whenever a predictions file is loaded.
    pub fn predictions_generation(&self) -> u64 {
        self.predictions_generation
    }

    /// Starts reading the corpus's settled spans (finished files, accepted spans) for names (on a thread); `asked`: the
    /// user asked (Rebuild from corpus), so the result is announced, rather than the automatic
    /// rebuild when a corpus opens.
    pub fn start_corpus_rebuild(&mut self, corpus: Corpus, asked: bool) {
        self.rebuild_asked = asked;
        self.rebuild = Some(std::thread::spawn(move || {
            let mut builder = GazetteerBuilder::new();
            let report = add_corpus(&mut builder, &corpus);
            (builder, report)
        }));
    }

    /// Whether a corpus rebuild runs.
    pub fn is_rebuilding(&self) -> bool {
        self.rebuild.is_some()
    }

    /// The report of a corpus rebuild that has just finished (the gazetteer is then rebuilt),
    /// and whether the user asked for it.
    pub fn poll_rebuild(&mut self) -> Option<(CorpusGazetteerReport, bool)> {
        if !self.rebuild.as_ref()?.is_finished() {
            return None;
        }
        let (builder, report) = self.rebuild.take()?.join().ok()?;
        self.corpus_names = Some(builder);
        self.rebuild_gazetteer();
        Some((report, self.rebuild_asked))
    }

    fn rebuild_gazetteer(&mut self) {
        let mut builder = self.corpus_names.clone().unwrap_or_default();
        for (name, label) in &self.user_entries {
            builder.set(name, label);
        }
        self.gazetteer = Arc::new(builder.build());
        self.generation += 1;
    }
}

/// What a list of suggestions was computed from: the annotation's change stamp, the
/// gazetteer's generation and the predictions' version.
type Inputs = (u64, u64, u64);

/// One open document's suggestions.
#[derive(Default)]
pub struct DocumentSuggestions {
    list: Vec<Suggestion>,
    /// What `list` was computed from (`None`: never).
    computed: Option<Inputs>,
    job: Option<(SuggestJob, Inputs)>,
    normalized: Option<Arc<Normalized>>,
    predictions: Arc<Vec<Suggestion>>,
    /// The session's predictions generation `predictions` were taken from.
    predictions_version: u64,
    /// The current suggestion, by range and label (the list changes under it).
    current: Option<(usize, usize, String)>,
}

impl DocumentSuggestions {
    /// The suggestions on screen, sorted by `(start, end)`.
    pub fn list(&self) -> &[Suggestion] {
        &self.list
    }

    /// The current suggestion, if it is still in the list.
    pub fn current(&self) -> Option<&Suggestion> {
        let (start, end, label) = self.current.as_ref()?;
        self.list
            .iter()
            .find(|s| s.start == *start && s.end == *end && s.label == *label)
    }

    /// Whether a computation is running.
    pub fn is_computing(&self) -> bool {
        self.job.is_some()
    }

    /// Takes this document's predictions from the session's files when they changed.
    fn update_predictions(&mut self, ann: &Annotation, session: &SuggestionSession) {
        if self.predictions_version == session.predictions_generation() {
            return;
        }
        let document = ann.document();
        let found: Vec<Suggestion> = session
            .predictions()
            .iter()
            .filter_map(|p| p.for_text(&document.id, document.text()).ok())
            .flatten()
            .collect();
        self.predictions = Arc::new(found);
        self.predictions_version = session.predictions_generation();
    }

    /// Takes a finished result (kept only if it is for the annotation as it is now) and starts
    /// a computation when the list is out of date and none runs. Returns whether one runs.
    pub fn poll(&mut self, ann: &Annotation, session: &SuggestionSession) -> bool {
        self.update_predictions(ann, session);
        let now: Inputs = (
            ann.change_stamp(),
            session.generation(),
            self.predictions_version,
        );
        if let Some((job, inputs)) = &mut self.job
            && let Some(result) = job.try_finish()
        {
            let inputs = *inputs;
            self.job = None;
            self.normalized = Some(result.normalized);
            if inputs == now {
                self.list = result.suggestions;
                self.computed = Some(inputs);
            }
        } else if self.job.as_ref().is_some_and(|(job, _)| job.is_finished()) {
            // The thread died: start again below.
            self.job = None;
        }
        if self.job.is_none() && self.computed != Some(now) {
            // Nothing to suggest from: no gazetteer, no predictions, no names of its own.
            if session.gazetteer().is_empty()
                && self.predictions.is_empty()
                && ann.spans().is_empty()
            {
                self.list.clear();
                self.computed = Some(now);
                return false;
            }
            // Meanwhile the old list stays, without what the edit covered or rejected.
            retain_open(ann, &mut self.list);
            let job = SuggestJob::spawn(SuggestInput {
                annotation: ann.clone(),
                gazetteer: Arc::clone(session.gazetteer()),
                normalized: self.normalized.clone(),
                predictions: Arc::clone(&self.predictions),
            });
            self.job = Some((job, now));
        }
        self.job.is_some()
    }

    /// Makes `suggestion` the current one.
    pub fn set_current(&mut self, suggestion: Option<&Suggestion>) {
        self.current = suggestion.map(|s| (s.start, s.end, s.label.clone()));
    }

    /// The suggestion after the current one, or the first at or after `caret`; wraps around.
    pub fn next(&self, caret: usize) -> Option<&Suggestion> {
        let after = match self.current() {
            Some(current) => self
                .list
                .iter()
                .position(|s| (s.start, s.end) > (current.start, current.end)),
            None => self.list.iter().position(|s| s.start >= caret),
        };
        after
            .and_then(|i| self.list.get(i))
            .or_else(|| self.list.first())
    }

    /// The suggestion before the current one, or the last before `caret`; wraps around.
    pub fn previous(&self, caret: usize) -> Option<&Suggestion> {
        let before = match self.current() {
            Some(current) => self
                .list
                .iter()
                .rposition(|s| (s.start, s.end) < (current.start, current.end)),
            None => self.list.iter().rposition(|s| s.start < caret),
        };
        before
            .and_then(|i| self.list.get(i))
            .or_else(|| self.list.last())
    }

    /// Drops the suggestions `gone` says were handled (accepted or rejected) at once, without
    /// waiting for the recomputation, and makes the next one after `from` current.
    pub fn remove_handled(&mut self, from: usize, gone: impl Fn(&Suggestion) -> bool) {
        self.list.retain(|s| !gone(s));
        let next = self
            .list
            .iter()
            .find(|s| s.start >= from)
            .or_else(|| self.list.first())
            .cloned();
        self.set_current(next.as_ref());
    }
}

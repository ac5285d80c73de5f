//! The open corpus of the window: the background scan while it runs (with the files read so far,
//! for the first rows), then the scanned corpus, its guidelines and label definitions, the
//! document list's query and rows, and cached progress and statistics. Every decision (rows,
//! next unfinished, progress, statistics, which file to open) is made by `qalam_core::corpus`
//! and `qalam_core::stats`; this only keeps their results between frames, renewed when the
//! corpus changes (its `revision`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use qalam_core::corpus::guidelines::{Block, label_definitions, parse_markdown};
use qalam_core::corpus::{
    Corpus, ListProgress, ListQuery, LoadedCorpus, ScanError, ScanJob, ScannedFile, list_progress,
    list_rows,
};
use qalam_core::stats::{AnnotatorProgress, CorpusStats, annotator_progress, corpus_stats};

/// The corpus open in the window.
#[derive(Debug)]
pub struct CorpusSession {
    root: PathBuf,
    job: Option<ScanJob>,
    /// Files read so far by the running scan, shown until the scan finishes.
    scanned_so_far: Vec<ScannedFile>,
    loaded: Option<LoadedCorpus>,
    guidelines: Vec<Block>,
    definitions: BTreeMap<String, String>,
    /// What the document list shows.
    pub query: ListQuery,
    revision: u64,
    rows: Option<(u64, ListQuery, Vec<usize>)>,
    progress: Option<(u64, ListProgress)>,
    stats: Option<(u64, CorpusStats)>,
    annotators: Option<(u64, Vec<String>, Vec<AnnotatorProgress>)>,
}

/// What finishing a scan brought, for the app to report.
#[derive(Debug)]
pub enum ScanFinished {
    /// The corpus was read; these are the problems to show (scan problems, unreadable
    /// guidelines).
    Loaded(Vec<String>),
    /// The folder could not be scanned at all.
    Failed(ScanError),
}

impl CorpusSession {
    /// Starts scanning `root` in the background; `viewer` is whose statuses the list shows.
    pub fn scan(root: &Path, viewer: Option<String>) -> Self {
        Self {
            root: root.to_owned(),
            job: Some(ScanJob::spawn(root.to_owned())),
            scanned_so_far: Vec::new(),
            loaded: None,
            guidelines: Vec::new(),
            definitions: BTreeMap::new(),
            query: ListQuery {
                viewer,
                ..ListQuery::default()
            },
            revision: 0,
            rows: None,
            progress: None,
            stats: None,
            annotators: None,
        }
    }

    /// The folder of the corpus.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Files read and found while the scan runs (`None` once it finished).
    pub fn scan_progress(&self) -> Option<(usize, usize)> {
        self.job.as_ref().map(ScanJob::progress)
    }

    /// The files the running scan has read so far.
    pub fn scanned_so_far(&self) -> &[ScannedFile] {
        &self.scanned_so_far
    }

    /// Takes what the scan thread delivered since the last frame; returns the outcome once the
    /// scan has finished (once).
    pub fn poll(&mut self) -> Option<ScanFinished> {
        let job = self.job.as_mut()?;
        self.scanned_so_far.extend(job.take_files());
        let result = job.try_finish()?;
        self.job = None;
        self.scanned_so_far = Vec::new();
        Some(match result {
            Ok(loaded) => {
                let mut problems: Vec<String> = loaded
                    .corpus
                    .problems
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                problems.extend(loaded.guidelines_problem.clone());
                self.guidelines = loaded
                    .guidelines
                    .as_deref()
                    .map(parse_markdown)
                    .unwrap_or_default();
                if let Some(file) = &loaded.corpus.file {
                    self.definitions =
                        label_definitions(&file.labels, loaded.guidelines.as_deref());
                }
                self.loaded = Some(loaded);
                self.changed();
                ScanFinished::Loaded(problems)
            }
            Err(error) => ScanFinished::Failed(error),
        })
    }

    /// The scanned corpus (`None` while scanning).
    pub fn corpus(&self) -> Option<&Corpus> {
        self.loaded.as_ref().map(|loaded| &loaded.corpus)
    }

    /// The scanned corpus, to record edits into; call [`CorpusSession::changed`] after a change.
    pub fn corpus_mut(&mut self) -> Option<&mut Corpus> {
        self.loaded.as_mut().map(|loaded| &mut loaded.corpus)
    }

    /// Renews the cached rows, progress and statistics (after the corpus changed).
    pub fn changed(&mut self) {
        self.revision += 1;
    }

    /// The guidelines as Markdown blocks (empty when the corpus has none).
    pub fn guidelines(&self) -> &[Block] {
        &self.guidelines
    }

    /// The definition of the label `name`, from the corpus file or the guidelines.
    pub fn definition(&self, name: &str) -> Option<&str> {
        self.definitions.get(name).map(String::as_str)
    }

    /// The label definitions, by label name.
    pub fn definitions(&self) -> &BTreeMap<String, String> {
        &self.definitions
    }

    /// The list's rows (indices into the corpus's documents) for the current query.
    pub fn rows(&mut self) -> &[usize] {
        let fresh = self
            .rows
            .as_ref()
            .is_some_and(|(revision, query, _)| *revision == self.revision && *query == self.query);
        if !fresh {
            let rows = self
                .corpus()
                .map(|corpus| list_rows(corpus, &self.query))
                .unwrap_or_default();
            self.rows = Some((self.revision, self.query.clone(), rows));
        }
        self.rows
            .as_ref()
            .map_or(&[], |(_, _, rows)| rows.as_slice())
    }

    /// The viewer's progress (see [`list_progress`]).
    pub fn progress(&mut self) -> ListProgress {
        if let Some((revision, progress)) = self.progress
            && revision == self.revision
        {
            return progress;
        }
        let progress = self
            .corpus()
            .map(|corpus| list_progress(corpus, self.query.viewer.as_deref()))
            .unwrap_or_default();
        self.progress = Some((self.revision, progress));
        progress
    }

    /// The corpus's annotators (see [`Corpus::annotators`]) and each one's progress.
    fn annotator_cache(&mut self) -> Option<&(u64, Vec<String>, Vec<AnnotatorProgress>)> {
        let fresh = self
            .annotators
            .as_ref()
            .is_some_and(|(revision, _, _)| *revision == self.revision);
        if !fresh {
            let corpus = self.corpus()?;
            let names = corpus.annotators();
            let progress = annotator_progress(std::slice::from_ref(corpus));
            self.annotators = Some((self.revision, names, progress));
        }
        self.annotators.as_ref()
    }

    /// The corpus's annotators: the corpus file's, then others seen in files.
    pub fn annotators(&mut self) -> &[String] {
        self.annotator_cache()
            .map_or(&[], |(_, names, _)| names.as_slice())
    }

    /// Every annotator's progress (see [`annotator_progress`]).
    pub fn annotator_progress(&mut self) -> &[AnnotatorProgress] {
        self.annotator_cache()
            .map_or(&[], |(_, _, progress)| progress.as_slice())
    }

    /// The corpus statistics (see [`corpus_stats`]), `None` while scanning.
    pub fn stats(&mut self) -> Option<&CorpusStats> {
        let fresh = self
            .stats
            .as_ref()
            .is_some_and(|(revision, _)| *revision == self.revision);
        if !fresh {
            let corpus = self.corpus()?;
            let stats = corpus_stats(std::slice::from_ref(corpus));
            self.stats = Some((self.revision, stats));
        }
        self.stats.as_ref().map(|(_, stats)| stats)
    }
}

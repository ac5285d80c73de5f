//! A corpus scan on a background thread, so a window stays fluid while a large folder is read:
//! the owner polls [`ScanJob::progress`], takes the files read so far with
//! [`ScanJob::take_files`] (for the first rows of its list) and finally the [`LoadedCorpus`]
//! (the scanned corpus with its guidelines text) from [`ScanJob::try_finish`].

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use super::document::ScannedFile;
use super::scan::{Corpus, ScanError, scan_with_progress};

/// A scanned corpus and its guidelines.
#[derive(Debug, Clone)]
pub struct LoadedCorpus {
    /// The corpus.
    pub corpus: Corpus,
    /// The guidelines' Markdown text, when the corpus file names a guidelines file.
    pub guidelines: Option<String>,
    /// Why the guidelines named in the corpus file could not be read, if they could not.
    pub guidelines_problem: Option<String>,
}

impl LoadedCorpus {
    /// Scans `path` and reads the guidelines its corpus file names (see [`scan_with_progress`]).
    pub fn load(
        path: &Path,
        on_file: &(dyn Fn(super::scan::ScanProgress<'_>) + Sync),
    ) -> Result<Self, ScanError> {
        let corpus = scan_with_progress(path, on_file)?;
        let (guidelines, guidelines_problem) = match corpus
            .file
            .as_ref()
            .and_then(|file| file.guidelines.as_deref())
        {
            None => (None, None),
            Some(name) => {
                let file = corpus.root.join(name);
                match std::fs::read_to_string(&file) {
                    Ok(text) => (Some(text), None),
                    Err(error) => (
                        None,
                        Some(format!(
                            "{}: the guidelines could not be read: {error}",
                            file.display()
                        )),
                    ),
                }
            }
        };
        Ok(Self {
            corpus,
            guidelines,
            guidelines_problem,
        })
    }
}

#[derive(Debug, Default)]
struct Shared {
    done: AtomicUsize,
    total: AtomicUsize,
    files: Mutex<Vec<ScannedFile>>,
}

/// A running scan.
#[derive(Debug)]
pub struct ScanJob {
    root: PathBuf,
    shared: Arc<Shared>,
    handle: Option<JoinHandle<Result<LoadedCorpus, ScanError>>>,
}

impl ScanJob {
    /// Starts scanning `root` on a new thread.
    pub fn spawn(root: PathBuf) -> Self {
        let shared = Arc::new(Shared::default());
        let thread_shared = Arc::clone(&shared);
        let path = root.clone();
        let handle = std::thread::spawn(move || {
            LoadedCorpus::load(&path, &|step| {
                thread_shared.total.store(step.total, Ordering::Relaxed);
                thread_shared.done.store(step.done, Ordering::Relaxed);
                if let Some(file) = step.file {
                    let mut files = match thread_shared.files.lock() {
                        Ok(files) => files,
                        Err(poisoned) => poisoned.into_inner(),
                    };
                    files.push(file.clone());
                }
            })
        });
        Self {
            root,
            shared,
            handle: Some(handle),
        }
    }

    /// The folder being scanned.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Files read so far and files found in all (0 until the folder has been listed).
    pub fn progress(&self) -> (usize, usize) {
        (
            self.shared.done.load(Ordering::Relaxed),
            self.shared.total.load(Ordering::Relaxed),
        )
    }

    /// The files read since the last call, in the order they were read.
    pub fn take_files(&self) -> Vec<ScannedFile> {
        let mut files = match self.shared.files.lock() {
            Ok(files) => files,
            Err(poisoned) => poisoned.into_inner(),
        };
        std::mem::take(&mut *files)
    }

    /// The result once the thread has finished (`None` while it runs, and after it was taken).
    pub fn try_finish(&mut self) -> Option<Result<LoadedCorpus, ScanError>> {
        if !self.handle.as_ref()?.is_finished() {
            return None;
        }
        let handle = self.handle.take()?;
        Some(handle.join().unwrap_or_else(|_| {
            Err(ScanError::Io {
                path: self.root.clone(),
                source: std::io::Error::other(
                    "the scan stopped unexpectedly (a bug: please report it)",
                ),
            })
        }))
    }

    /// Waits for the scan to finish (tests and benchmarks).
    pub fn wait(mut self) -> Result<LoadedCorpus, ScanError> {
        match self.handle.take() {
            Some(handle) => handle.join().unwrap_or_else(|_| {
                Err(ScanError::Io {
                    path: self.root.clone(),
                    source: std::io::Error::other("the scan stopped unexpectedly"),
                })
            }),
            None => Err(ScanError::Io {
                path: self.root.clone(),
                source: std::io::Error::other("the scan's result was already taken"),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_delivers_files_then_the_corpus_with_its_guidelines() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
        let mut job = ScanJob::spawn(root);
        let loaded = loop {
            if let Some(result) = job.try_finish() {
                break result.expect("scan");
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        assert_eq!(job.progress(), (6, 6));
        assert_eq!(job.take_files().len(), 6);
        assert!(job.take_files().is_empty());
        assert_eq!(loaded.corpus.documents.len(), 3);
        assert!(
            loaded
                .guidelines
                .as_deref()
                .is_some_and(|g| g.contains("PERSON"))
        );
        assert_eq!(loaded.guidelines_problem, None);
        assert!(job.try_finish().is_none());
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let job = ScanJob::spawn(dir.path().join("missing"));
        assert!(job.wait().is_err());
    }
}

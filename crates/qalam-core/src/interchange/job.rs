//! Exports and imports on a background thread, so a window can show progress and offer cancel
//! while a large folder is converted.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::thread::JoinHandle;

use super::batch::{ExportSummary, export_annotations, export_files, import_paths, save_imported};
use super::{ExportOptions, Format, ImportOptions, Imported, InterchangeError};
use crate::model::Annotation;

/// What a job is doing.
#[derive(Debug, Clone)]
pub enum JobRequest {
    /// Export these files to `out`.
    Export {
        /// The format.
        format: Format,
        /// Annotation files, in order.
        files: Vec<PathBuf>,
        /// Output file or folder.
        out: PathBuf,
    },
    /// Export these annotations (open documents, unsaved changes included) to `out`.
    ExportDocuments {
        /// The format.
        format: Format,
        /// The annotations.
        documents: Vec<Annotation>,
        /// Output file or folder.
        out: PathBuf,
    },
    /// Import these files or folders and save each document in `folder`.
    Import {
        /// The format.
        format: Format,
        /// Inputs.
        paths: Vec<PathBuf>,
        /// Where the `.qalam.json` files go.
        folder: PathBuf,
    },
}

/// What a finished job produced.
#[derive(Debug)]
pub enum JobOutcome {
    /// An export's summary.
    Exported(ExportSummary),
    /// An import's report and the files it saved.
    Imported {
        /// Documents (as saved) and the report.
        imported: Imported,
        /// The saved `.qalam.json` files, in document order.
        files: Vec<PathBuf>,
    },
}

/// Shared between the job's thread and its owner.
#[derive(Debug, Default)]
struct Shared {
    cancel: AtomicBool,
    done: AtomicUsize,
    total: AtomicUsize,
    bytes: AtomicU64,
}

/// A running export or import.
#[derive(Debug)]
pub struct Job {
    shared: Arc<Shared>,
    handle: Option<JoinHandle<Result<JobOutcome, InterchangeError>>>,
}

impl Job {
    /// Starts `request` on a new thread.
    pub fn spawn(
        request: JobRequest,
        export_options: ExportOptions,
        import_options: ImportOptions,
    ) -> Self {
        let shared = Arc::new(Shared::default());
        let thread_shared = Arc::clone(&shared);
        let handle = std::thread::spawn(move || {
            let mut progress = |step: super::batch::Progress<'_>| {
                thread_shared.done.store(step.done, Ordering::Relaxed);
                thread_shared.total.store(step.total, Ordering::Relaxed);
                thread_shared
                    .bytes
                    .store(step.bytes_done, Ordering::Relaxed);
                !thread_shared.cancel.load(Ordering::Relaxed)
            };
            match request {
                JobRequest::Export { format, files, out } => {
                    export_files(format, &files, &out, &export_options, &mut progress)
                        .map(JobOutcome::Exported)
                }
                JobRequest::ExportDocuments {
                    format,
                    documents,
                    out,
                } => export_annotations(format, &documents, &out, &export_options, &mut progress)
                    .map(JobOutcome::Exported),
                JobRequest::Import {
                    format,
                    paths,
                    folder,
                } => {
                    thread_shared.total.store(paths.len(), Ordering::Relaxed);
                    let imported = import_paths(format, &paths, &import_options)?;
                    if thread_shared.cancel.load(Ordering::Relaxed) {
                        return Err(InterchangeError::Cancelled);
                    }
                    let files = save_imported(&imported.documents, &folder)?;
                    thread_shared.done.store(paths.len(), Ordering::Relaxed);
                    Ok(JobOutcome::Imported { imported, files })
                }
            }
        });
        Self {
            shared,
            handle: Some(handle),
        }
    }

    /// Asks the job to stop before the next file; an export then writes nothing.
    pub fn cancel(&self) {
        self.shared.cancel.store(true, Ordering::Relaxed);
    }

    /// Files done, files in all, and bytes of text done.
    pub fn progress(&self) -> (usize, usize, u64) {
        (
            self.shared.done.load(Ordering::Relaxed),
            self.shared.total.load(Ordering::Relaxed),
            self.shared.bytes.load(Ordering::Relaxed),
        )
    }

    /// The outcome once the thread has finished (`None` while it runs, and after it was taken).
    pub fn try_finish(&mut self) -> Option<Result<JobOutcome, InterchangeError>> {
        if !self.handle.as_ref()?.is_finished() {
            return None;
        }
        let handle = self.handle.take()?;
        Some(handle.join().unwrap_or_else(|_| {
            Err(InterchangeError::Options(
                "the conversion stopped unexpectedly (a bug: please report it)".to_owned(),
            ))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_reports_its_error_when_it_finishes() {
        let folder = tempfile::tempdir().unwrap();
        let request = JobRequest::Import {
            format: Format::Doccano,
            paths: vec![folder.path().join("missing.jsonl")],
            folder: folder.path().to_owned(),
        };
        let mut job = Job::spawn(request, ExportOptions::default(), ImportOptions::default());
        let outcome = loop {
            if let Some(outcome) = job.try_finish() {
                break outcome;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        assert!(outcome.is_err());
        assert!(job.try_finish().is_none());
    }
}

//! A sync on a background thread, so a window can show its step while git runs (a fetch over a
//! slow network takes seconds). Git is not interrupted half-way, so there is no cancel: the
//! repository is only ever left between steps.

use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use super::error::SyncError;
use super::outcome::{SyncOptions, SyncOutcome, SyncStep};
use super::run::sync;

/// A running sync.
#[derive(Debug)]
pub struct SyncJob {
    step: Arc<Mutex<SyncStep>>,
    handle: Option<JoinHandle<Result<SyncOutcome, SyncError>>>,
}

impl SyncJob {
    /// Starts syncing with `options` on a new thread.
    pub fn spawn(options: SyncOptions) -> Self {
        let step = Arc::new(Mutex::new(SyncStep::Checking));
        let thread_step = Arc::clone(&step);
        let handle = std::thread::spawn(move || {
            sync(&options, &mut |now| {
                if let Ok(mut step) = thread_step.lock() {
                    *step = now;
                }
            })
        });
        Self {
            step,
            handle: Some(handle),
        }
    }

    /// The step it is at.
    pub fn step(&self) -> SyncStep {
        self.step.lock().map_or(SyncStep::Checking, |step| *step)
    }

    /// The outcome once the thread has finished (`None` while it runs, and after it was taken).
    pub fn try_finish(&mut self) -> Option<Result<SyncOutcome, SyncError>> {
        if !self.handle.as_ref()?.is_finished() {
            return None;
        }
        let handle = self.handle.take()?;
        Some(handle.join().unwrap_or_else(|_| {
            Err(SyncError::Git {
                command: "sync".to_owned(),
                detail: "the sync stopped unexpectedly (a bug: please report it)".to_owned(),
            })
        }))
    }

    /// Waits for the outcome (for the command line and tests).
    pub fn wait(mut self) -> Result<SyncOutcome, SyncError> {
        loop {
            if let Some(outcome) = self.try_finish() {
                return outcome;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_reports_its_error_when_it_finishes() {
        let options = SyncOptions {
            folder: std::path::PathBuf::from("/nonexistent/qalam/sync"),
            annotator: "Amal".to_owned(),
            dry_run: false,
        };
        let outcome = SyncJob::spawn(options).wait();
        assert!(
            matches!(outcome, Err(SyncError::BadPath { .. })),
            "{outcome:?}"
        );
    }
}

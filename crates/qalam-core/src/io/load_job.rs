//! Opening a large file on a background thread, so the window stays responsive: the file is
//! read in chunks (progress in bytes, cancel between chunks), then decoded and validated
//! exactly as [`load_path`](super::load_path) does. Files at least [`LARGE_FILE_BYTES`] long
//! open this way in the app.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;

use super::load::load_bytes;
use super::{LoadError, Loaded};

/// Files this long or longer are opened by a [`LoadJob`] (8 MiB: about a tenth of a second to
/// read and validate in a release build).
pub const LARGE_FILE_BYTES: u64 = 8 << 20;

/// Bytes read between two looks at the cancel flag.
const CHUNK_BYTES: usize = 1 << 20;

/// Where a [`LoadJob`] has got to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadProgress {
    /// Bytes read so far.
    pub read: u64,
    /// The file's length when the job started.
    pub total: u64,
    /// Reading is over: the text is being decoded and validated (this cannot be interrupted).
    pub parsing: bool,
}

impl LoadProgress {
    /// The fraction read, 0 to 1 (1 while parsing).
    pub fn fraction(&self) -> f32 {
        if self.parsing || self.total == 0 {
            1.0
        } else {
            (self.read as f64 / self.total as f64).min(1.0) as f32
        }
    }
}

#[derive(Debug, Default)]
struct Shared {
    cancel: AtomicBool,
    read: AtomicU64,
    total: AtomicU64,
    parsing: AtomicBool,
}

/// A file being opened on its own thread.
#[derive(Debug)]
pub struct LoadJob {
    path: PathBuf,
    shared: Arc<Shared>,
    handle: Option<JoinHandle<Result<Loaded, LoadError>>>,
}

/// The error of a cancelled job: an [`LoadError::Io`] of kind `Interrupted`.
pub fn cancelled(path: &Path) -> LoadError {
    LoadError::Io(
        path.to_owned(),
        std::io::Error::new(std::io::ErrorKind::Interrupted, "opening was cancelled"),
    )
}

/// Whether `error` is the one of a cancelled job.
pub fn is_cancelled(error: &LoadError) -> bool {
    matches!(error, LoadError::Io(_, error) if error.kind() == std::io::ErrorKind::Interrupted)
}

impl LoadJob {
    /// Starts loading `path` on a new thread.
    pub fn spawn(path: &Path) -> Self {
        let shared = Arc::new(Shared::default());
        let thread_shared = Arc::clone(&shared);
        let thread_path = path.to_owned();
        let handle = std::thread::Builder::new()
            .name("qalam-load".to_owned())
            .spawn(move || read_and_load(&thread_path, &thread_shared))
            .ok();
        Self {
            path: path.to_owned(),
            shared,
            handle,
        }
    }

    /// The file being loaded.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How far it has got.
    pub fn progress(&self) -> LoadProgress {
        LoadProgress {
            read: self.shared.read.load(Ordering::Relaxed),
            total: self.shared.total.load(Ordering::Relaxed),
            parsing: self.shared.parsing.load(Ordering::Relaxed),
        }
    }

    /// Asks the job to stop; it ends with [`is_cancelled`] at the next chunk (a parse under
    /// way finishes first, and its result is dropped).
    pub fn cancel(&self) {
        self.shared.cancel.store(true, Ordering::Relaxed);
    }

    /// The result once the thread has finished (`None` while it runs). A job whose thread
    /// could not be started, or panicked, ends with an error naming the file.
    pub fn try_finish(&mut self) -> Option<Result<Loaded, LoadError>> {
        if self
            .handle
            .as_ref()
            .is_some_and(|handle| !handle.is_finished())
        {
            return None;
        }
        let result = match self.handle.take().map(JoinHandle::join) {
            Some(Ok(result)) => result,
            _ => Err(LoadError::Io(
                self.path.clone(),
                std::io::Error::other("the loading thread failed"),
            )),
        };
        if self.shared.cancel.load(Ordering::Relaxed) {
            return Some(Err(cancelled(&self.path)));
        }
        Some(result)
    }

    /// Waits for the result (tests and the command line).
    pub fn wait(mut self) -> Result<Loaded, LoadError> {
        if let Some(handle) = self.handle.take() {
            let result = handle.join().unwrap_or_else(|_| {
                Err(LoadError::Io(
                    self.path.clone(),
                    std::io::Error::other("the loading thread failed"),
                ))
            });
            if self.shared.cancel.load(Ordering::Relaxed) {
                return Err(cancelled(&self.path));
            }
            return result;
        }
        self.try_finish()
            .unwrap_or_else(|| Err(cancelled(&self.path)))
    }
}

fn read_and_load(path: &Path, shared: &Shared) -> Result<Loaded, LoadError> {
    let io_error = |error| LoadError::Io(path.to_owned(), error);
    let mut file = std::fs::File::open(path).map_err(io_error)?;
    let metadata = file.metadata().map_err(io_error)?;
    shared.total.store(metadata.len(), Ordering::Relaxed);
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    let mut chunk = vec![0u8; CHUNK_BYTES];
    loop {
        if shared.cancel.load(Ordering::Relaxed) {
            return Err(cancelled(path));
        }
        let count = match file.read(&mut chunk) {
            Ok(0) => break,
            Ok(count) => count,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(io_error(error)),
        };
        bytes.extend_from_slice(&chunk[..count]);
        shared.read.store(bytes.len() as u64, Ordering::Relaxed);
    }
    shared.parsing.store(true, Ordering::Relaxed);
    load_bytes(path, &bytes, metadata.modified().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{load_path, to_json_string};
    use crate::model::{Annotation, Document};

    #[test]
    fn a_job_gives_what_load_path_gives_with_progress_to_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.qalam.json");
        let ann = Annotation::new(Document::new("big", "زار بوتين روسيا. ".repeat(200_000)));
        std::fs::write(&path, to_json_string(&ann)).unwrap();
        let job = LoadJob::spawn(&path);
        let loaded = {
            let mut job = job;
            loop {
                if let Some(result) = job.try_finish() {
                    let progress = job.progress();
                    assert!(progress.parsing && progress.read == progress.total);
                    assert_eq!(progress.fraction(), 1.0);
                    break result.unwrap();
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        };
        let direct = load_path(&path).unwrap();
        assert_eq!(loaded.annotation, direct.annotation);
        assert!(loaded.disk.same_content(&direct.disk));
    }

    #[test]
    fn a_cancelled_job_ends_cancelled() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, "نص ".repeat(4_000_000)).unwrap();
        let job = LoadJob::spawn(&path);
        job.cancel();
        let error = job.wait().unwrap_err();
        assert!(is_cancelled(&error), "{error}");
        assert!(error.to_string().contains("big.txt"), "{error}");
    }

    #[test]
    fn errors_are_those_of_load_path() {
        let job = LoadJob::spawn(Path::new("/no/such/file.qalam.json"));
        let error = job.wait().unwrap_err();
        assert!(!is_cancelled(&error));
        assert!(
            error
                .to_string()
                .starts_with("could not read /no/such/file.qalam.json: ")
        );
    }
}

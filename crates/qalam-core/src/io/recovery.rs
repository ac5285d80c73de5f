//! Autosave for crash recovery: shortly after each change the annotation is written atomically
//! to `<data dir>/recovery/<id>.qalam.json`, with a sidecar `<id>.meta.json` recording the
//! original file, the document title and the time. Files are removed after a successful save or
//! a clean close; on start, leftovers are offered for restoring.
//!
//! The data dir is `$QALAM_DATA_DIR` if set (tests), else `<platform data dir>/qalam`.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::io;
use crate::model::Annotation;

/// Environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "QALAM_DATA_DIR";

/// Seconds after a change before the recovery file is written.
pub const AUTOSAVE_DELAY_SECONDS: f64 = 1.0;

/// A recovery file could not be written, read or removed.
#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    /// Reading, writing, renaming or removing a file failed.
    #[error("recovery file {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating-system error.
        source: std::io::Error,
    },
    /// A recovery file's content is not what Qalam wrote.
    #[error("recovery file {} is damaged: {message}", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// What the sidecar records about one recovery file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Sidecar {
    original: Option<PathBuf>,
    title: String,
    saved_at: DateTime<Utc>,
}

/// One piece of unsaved work found on start.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryEntry {
    /// Recovery id (file stem in the recovery folder).
    pub id: String,
    /// The file the work belongs to, if it had one.
    pub original: Option<PathBuf>,
    /// Document title, for display.
    pub title: String,
    /// When the recovery file was written.
    pub saved_at: DateTime<Utc>,
}

impl RecoveryEntry {
    /// The question shown to the user.
    pub fn offer_text(&self) -> String {
        let file = self
            .original
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.title.clone());
        let local = self.saved_at.with_timezone(&chrono::Local);
        format!(
            "Restore unsaved work from {} for {file}?",
            local.format("%Y-%m-%d %H:%M:%S")
        )
    }
}

/// The folder of recovery files.
#[derive(Debug, Clone)]
pub struct RecoveryStore {
    dir: PathBuf,
}

/// The data directory: `$QALAM_DATA_DIR`, else the platform data dir + `qalam`, else
/// `.qalam` in the current directory.
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    dirs::data_dir()
        .map(|dir| dir.join("qalam"))
        .unwrap_or_else(|| PathBuf::from(".qalam"))
}

impl RecoveryStore {
    /// The recovery folder inside `data_dir` (created on first write).
    pub fn new(data_dir: &Path) -> Self {
        Self {
            dir: data_dir.join("recovery"),
        }
    }

    /// The recovery folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A fresh id for a document, unique across processes and runs.
    pub fn new_id(title: &str) -> String {
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let stem: String = title
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .take(40)
            .collect();
        format!(
            "{}-{}-{}-{}",
            if stem.is_empty() { "document" } else { &stem },
            Utc::now().format("%Y%m%d%H%M%S"),
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        )
    }

    /// Path of the annotation file for `id`.
    pub fn annotation_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.qalam.json"))
    }

    fn sidecar_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.meta.json"))
    }

    /// Writes `ann` and its sidecar atomically (see [`io::atomic`]), the sidecar last, so
    /// an entry is listed only once its annotation is complete.
    pub fn write(
        &self,
        id: &str,
        original: Option<&Path>,
        title: &str,
        ann: &Annotation,
    ) -> Result<(), RecoveryError> {
        std::fs::create_dir_all(&self.dir).map_err(|source| RecoveryError::Io {
            path: self.dir.clone(),
            source,
        })?;
        write_file(&self.annotation_path(id), &io::to_json_string(ann))?;
        let sidecar = Sidecar {
            original: original.map(Path::to_owned),
            title: title.to_owned(),
            saved_at: Utc::now(),
        };
        let json = serde_json::to_string_pretty(&sidecar).map_err(|e| RecoveryError::Damaged {
            path: self.sidecar_path(id),
            message: e.to_string(),
        })?;
        write_file(&self.sidecar_path(id), &json)
    }

    /// Removes the files of `id`; missing files are fine.
    pub fn remove(&self, id: &str) -> Result<(), RecoveryError> {
        for path in [self.sidecar_path(id), self.annotation_path(id)] {
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(RecoveryError::Io { path, source }),
            }
        }
        Ok(())
    }

    /// Every complete recovery entry, oldest first, and the problems with damaged ones. First
    /// removes the temporary files of autosaves killed before their rename (those no live
    /// writer holds locked, see [`io::atomic`]).
    pub fn list(&self) -> (Vec<RecoveryEntry>, Vec<RecoveryError>) {
        self.remove_stale_temp_files();
        let mut entries = Vec::new();
        let mut problems = Vec::new();
        let read_dir = match std::fs::read_dir(&self.dir) {
            Ok(read_dir) => read_dir,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (entries, problems),
            Err(source) => {
                problems.push(RecoveryError::Io {
                    path: self.dir.clone(),
                    source,
                });
                return (entries, problems);
            }
        };
        for dir_entry in read_dir.flatten() {
            let path = dir_entry.path();
            let Some(id) = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".meta.json"))
            else {
                continue;
            };
            match read_sidecar(&path) {
                Ok(sidecar) if self.annotation_path(id).exists() => entries.push(RecoveryEntry {
                    id: id.to_owned(),
                    original: sidecar.original,
                    title: sidecar.title,
                    saved_at: sidecar.saved_at,
                }),
                Ok(_) => problems.push(RecoveryError::Damaged {
                    path: self.annotation_path(id),
                    message: "the annotation file is missing".into(),
                }),
                Err(problem) => problems.push(problem),
            }
        }
        entries.sort_by(|a, b| a.saved_at.cmp(&b.saved_at).then(a.id.cmp(&b.id)));
        (entries, problems)
    }

    /// Removes leftover `.ID.qalam.json.tmp-*` / `.ID.meta.json.tmp-*` files nobody writes.
    fn remove_stale_temp_files(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name
                .to_str()
                .is_some_and(|name| name.starts_with('.') && name.contains(".tmp-"))
            {
                io::atomic::remove_stale_temp_files(&self.dir, &name);
            }
        }
    }

    /// Reads the annotation saved for `entry`.
    pub fn read(&self, entry: &RecoveryEntry) -> Result<Annotation, RecoveryError> {
        let path = self.annotation_path(&entry.id);
        let text = std::fs::read_to_string(&path).map_err(|source| RecoveryError::Io {
            path: path.clone(),
            source,
        })?;
        io::from_json_str(&text, &path).map_err(|errors| RecoveryError::Damaged {
            path: path.clone(),
            message: errors.to_string(),
        })
    }
}

fn read_sidecar(path: &Path) -> Result<Sidecar, RecoveryError> {
    let text = std::fs::read_to_string(path).map_err(|source| RecoveryError::Io {
        path: path.to_owned(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|e| RecoveryError::Damaged {
        path: path.to_owned(),
        message: format!(
            "line {}, column {}: {}",
            e.line(),
            e.column(),
            io::qalam_json::read::message_without_position(&e)
        ),
    })
}

/// Writes `content` to `path` through the same atomic writer as saving (temporary file, sync,
/// rename, folder sync), so a crash leaves either the old file or the complete new one.
fn write_file(path: &Path, content: &str) -> Result<(), RecoveryError> {
    io::atomic::write_atomically(path, |out| out.write_all(content.as_bytes())).map_err(|source| {
        RecoveryError::Io {
            path: path.to_owned(),
            source,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    fn sample() -> Annotation {
        Annotation::new(Document::new("doc", "زار بوتين روسيا"))
    }

    #[test]
    fn written_entry_is_listed_and_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = RecoveryStore::new(dir.path());
        let id = RecoveryStore::new_id("doc");
        store
            .write(&id, Some(Path::new("/x/doc.txt")), "doc", &sample())
            .expect("write");
        let (entries, problems) = store.list();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].id, id);
        assert_eq!(
            entries[0].original.as_deref(),
            Some(Path::new("/x/doc.txt"))
        );
        assert!(entries[0].offer_text().contains("for doc.txt?"));
        store.remove(&id).expect("remove");
        assert!(store.list().0.is_empty());
        store.remove(&id).expect("removing twice is fine");
    }

    #[test]
    fn damaged_sidecar_is_reported_with_its_path_not_listed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = RecoveryStore::new(dir.path());
        std::fs::create_dir_all(store.dir()).expect("mkdir");
        std::fs::write(store.dir().join("bad.meta.json"), "{not json").expect("write");
        let (entries, problems) = store.list();
        assert!(entries.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].to_string().contains("bad.meta.json"));
    }

    #[test]
    fn rewriting_replaces_both_files_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = RecoveryStore::new(dir.path());
        let id = RecoveryStore::new_id("doc");
        store.write(&id, None, "first", &sample()).expect("write");
        let changed = Annotation::new(Document::new("doc", "زار روسيا"));
        store.write(&id, None, "second", &changed).expect("rewrite");
        let mut names: Vec<String> = std::fs::read_dir(store.dir())
            .expect("read dir")
            .map(|entry| {
                entry
                    .expect("entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        assert_eq!(
            names,
            [format!("{id}.meta.json"), format!("{id}.qalam.json")]
        );
        let (entries, problems) = store.list();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(entries[0].title, "second");
        let read = store.read(&entries[0]).expect("read");
        assert_eq!(read.document().text(), "زار روسيا");
    }

    #[test]
    fn regression_stale_autosave_temp_files_are_removed_when_listing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = RecoveryStore::new(dir.path());
        let id = RecoveryStore::new_id("doc");
        store.write(&id, None, "doc", &sample()).expect("write");
        // An autosave killed between writing its temporary file and renaming it.
        let stale = store.dir().join(format!(".{id}.qalam.json.tmp-Zz9Yy8"));
        std::fs::write(&stale, "{\"format\": \"qal").expect("write");
        let (entries, problems) = store.list();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(entries.len(), 1);
        assert!(!stale.exists());
        let read = store.read(&entries[0]).expect("read");
        assert_eq!(read.document().text(), sample().document().text());
    }

    #[test]
    fn write_failure_names_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        // The recovery folder's place is taken by a file, so nothing can be written in it.
        std::fs::write(dir.path().join("recovery"), "not a folder").expect("write");
        let store = RecoveryStore::new(dir.path());
        let error = store
            .write("x", None, "doc", &sample())
            .expect_err("must fail");
        assert!(error.to_string().starts_with("recovery file "), "{error}");
        assert!(error.to_string().contains("recovery"), "{error}");
    }

    #[test]
    fn ids_are_unique() {
        assert_ne!(RecoveryStore::new_id("a"), RecoveryStore::new_id("a"));
    }
}

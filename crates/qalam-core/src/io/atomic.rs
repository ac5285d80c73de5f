//! Atomic file replacement: write a temporary file in the same folder, flush it to disk, rename
//! it over the target, then flush the folder. Readers see either the old or the new file, never
//! a half-written one.
//!
//! The temporary file is named `.NAME.tmp-XXXXXX` and holds an exclusive advisory lock
//! ([`File::try_lock`]) while it is written. A process killed mid-save leaves it behind, unlocked
//! (the operating system drops the lock with the process); the next save of `NAME` in that
//! folder removes every unlocked `.NAME.tmp-*` ([`remove_stale_temp_files`]), so stale
//! temporary files never pile up in the user's folders. Readers never mistake them for data:
//! their names start with a dot and do not end in `.qalam.json`.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file being written atomically: the bytes go to a temporary file in the target's folder,
/// and [`AtomicFile::commit`] flushes it to disk and renames it over the target (keeping the
/// target's permissions, or `rw-r--r--` for a new file on Unix). Dropped without a commit, it
/// leaves the target untouched and removes the temporary file.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    folder: PathBuf,
    writer: BufWriter<tempfile::NamedTempFile>,
}

impl AtomicFile {
    /// Starts writing `path`; its folder must exist.
    pub fn create(path: &Path) -> io::Result<Self> {
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let file_name = path
            .file_name()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
        let prefix = temp_prefix(file_name);
        let temp = tempfile::Builder::new()
            .prefix(&prefix)
            .tempfile_in(folder)
            .map_err(plain)?;
        // Locked while it is written: a cleaner in another process leaves it alone.
        lock_exclusive(temp.as_file());
        remove_stale_temp_files(folder, &prefix);
        Ok(Self {
            path: path.to_owned(),
            folder: folder.to_owned(),
            writer: BufWriter::with_capacity(1 << 16, temp),
        })
    }

    /// The target path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes the bytes to disk and renames the file over the target, then flushes the folder.
    pub fn commit(self) -> io::Result<()> {
        self.commit_inner().map_err(plain)
    }

    fn commit_inner(self) -> io::Result<()> {
        let temp = self
            .writer
            .into_inner()
            .map_err(|error| error.into_error())?;
        let permissions = match fs::metadata(&self.path) {
            Ok(metadata) => Some(metadata.permissions()),
            Err(error) if error.kind() == io::ErrorKind::NotFound => new_file_permissions(),
            Err(error) => return Err(error),
        };
        if let Some(permissions) = permissions {
            temp.as_file().set_permissions(permissions)?;
        }
        temp.as_file().sync_all()?;
        temp.persist(&self.path).map_err(|error| error.error)?;
        sync_folder(&self.folder);
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.writer.write(bytes).map_err(plain)
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.writer.write_all(bytes).map_err(plain)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush().map_err(plain)
    }
}

/// The operating system's error without the temporary file's path that `tempfile` adds to it
/// (`No space left on device (os error 28) at path "/…/.doc.qalam.json.tmp-Ab12Cd"`): callers
/// name the target file, and the temporary name only confuses the user.
fn plain(error: io::Error) -> io::Error {
    if error.raw_os_error().is_some() || error.get_ref().is_none() {
        return error;
    }
    // `tempfile` wraps the OS error in its own type, displayed as `ERROR at path "…"`.
    let text = error.to_string();
    let Some(cut) = text.rfind(" at path ") else {
        return error;
    };
    let message = &text[..cut];
    let code = message
        .rsplit_once("(os error ")
        .and_then(|(_, rest)| rest.strip_suffix(')'))
        .and_then(|code| code.parse::<i32>().ok());
    match code {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::new(error.kind(), message.to_owned()),
    }
}

/// Writes `path` atomically with what `write` produces (see [`AtomicFile`]). On any error the
/// file at `path` is unchanged.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    write(&mut file)?;
    file.commit()
}

/// The name prefix of the temporary files for a target named `file_name`: `.NAME.tmp-`.
fn temp_prefix(file_name: &std::ffi::OsStr) -> std::ffi::OsString {
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(file_name);
    prefix.push(".tmp-");
    prefix
}

/// Takes the advisory lock that marks a temporary file as in use. Best effort: where the file
/// system has no locks, stale-file cleaning falls back to the age rule of
/// [`remove_stale_temp_files`].
fn lock_exclusive(file: &File) {
    let _ = file.try_lock();
}

/// Seconds after which an entry that cannot be locked at all (a file system without locks) is
/// taken as stale anyway.
const STALE_WITHOUT_LOCKS_SECONDS: u64 = 3600;

/// Removes the leftovers of killed writers in `folder`: every file whose name starts with
/// `prefix` (for example `.doc.qalam.json.tmp-`) that no live writer holds locked, and every
/// folder with that prefix whose `.lock` file no live writer holds (temporary export folders).
/// Best effort and silent: a leftover that cannot be removed stays, and is never read as data.
/// Returns how many entries were removed.
pub fn remove_stale_temp_files(folder: &Path, prefix: &std::ffi::OsStr) -> usize {
    let Some(prefix) = prefix.to_str() else {
        return 0;
    };
    let Ok(entries) = fs::read_dir(folder) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_str().is_some_and(|name| name.starts_with(prefix)) {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        let stale = if kind.is_file() {
            is_unlocked(&path)
        } else if kind.is_dir() {
            is_unlocked(&path.join(LOCK_FILE_NAME))
        } else {
            false
        };
        if !stale {
            continue;
        }
        let result = if kind.is_dir() {
            fs::remove_dir_all(&path)
        } else {
            fs::remove_file(&path)
        };
        if result.is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The lock file inside a temporary folder (see [`TempFolder`]).
pub const LOCK_FILE_NAME: &str = ".lock";

/// Whether nobody holds `path` locked: it can be locked now (the lock is dropped again at
/// once), or locks are unsupported and it is older than an hour. A missing file counts as
/// unlocked only when its folder (a temporary folder without its lock) is that old.
fn is_unlocked(path: &Path) -> bool {
    let old = |path: &Path| {
        fs::metadata(path)
            .and_then(|metadata| metadata.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age.as_secs() >= STALE_WITHOUT_LOCKS_SECONDS)
    };
    match File::open(path) {
        Ok(file) => match file.try_lock() {
            Ok(()) => true,
            Err(fs::TryLockError::WouldBlock) => false,
            Err(fs::TryLockError::Error(_)) => old(path),
        },
        Err(_) => path.parent().is_some_and(old),
    }
}

/// A temporary folder beside an output folder, for exporters that write several files and move
/// them into place at the end: named `PREFIXXXXXXX`, with a locked [`LOCK_FILE_NAME`] inside
/// while it lives, and removed (with anything left in it) when dropped. Creating one first
/// removes the unlocked leftovers of killed exports with the same prefix.
#[derive(Debug)]
pub struct TempFolder {
    // Field order matters: the lock is closed before the folder is removed.
    _lock: File,
    folder: tempfile::TempDir,
}

impl TempFolder {
    /// Creates a temporary folder named `prefix…` in `parent`.
    pub fn create_in(parent: &Path, prefix: &str) -> io::Result<Self> {
        remove_stale_temp_files(parent, std::ffi::OsStr::new(prefix));
        let folder = tempfile::Builder::new().prefix(prefix).tempdir_in(parent)?;
        let lock = File::create(folder.path().join(LOCK_FILE_NAME))?;
        lock_exclusive(&lock);
        Ok(Self {
            _lock: lock,
            folder,
        })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        self.folder.path()
    }
}

/// Permissions for a file that did not exist before: `rw-r--r--` on Unix.
#[cfg(unix)]
fn new_file_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o644))
}

/// Permissions for a file that did not exist before: the platform default elsewhere.
#[cfg(not(unix))]
fn new_file_permissions() -> Option<fs::Permissions> {
    None
}

/// Flushes the folder entry so the rename survives a crash. Best effort: some platforms and
/// file systems cannot open or sync folders, and the rename itself has already happened.
fn sync_folder(folder: &Path) {
    if let Ok(handle) = File::open(folder) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.qalam.json");
        fs::write(&path, "old").unwrap();
        write_atomically(&path, |w| w.write_all("جديد".as_bytes())).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "جديد");
        assert_eq!(entries(dir.path()), vec!["doc.qalam.json"]);
    }

    #[test]
    fn failing_write_leaves_old_file_intact_and_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.qalam.json");
        fs::write(&path, "old content").unwrap();
        let result = write_atomically(&path, |w| {
            w.write_all(b"half of the new cont")?;
            Err(io::Error::other("disk full"))
        });
        assert_eq!(result.unwrap_err().to_string(), "disk full");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old content");
        assert_eq!(entries(dir.path()), vec!["doc.qalam.json"]);
    }

    #[test]
    fn regression_errors_do_not_name_the_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // The folder's place is taken by a file: creating the temporary file fails.
        let blocker = dir.path().join("not-a-folder");
        fs::write(&blocker, "x").unwrap();
        let error =
            write_atomically(&blocker.join("doc.qalam.json"), |w| w.write_all(b"x")).unwrap_err();
        assert!(!error.to_string().contains(".tmp-"), "{error}");
        assert!(error.raw_os_error().is_some(), "{error:?}");
    }

    #[test]
    fn creates_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.qalam.json");
        write_atomically(&path, |w| w.write_all(b"{}")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "{}");
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_of_replaced_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.qalam.json");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, |w| w.write_all(b"new")).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn regression_stale_temp_file_of_a_killed_save_is_removed_by_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.qalam.json");
        fs::write(&path, "old").unwrap();
        // What a save killed before its rename leaves: an unlocked temporary file.
        fs::write(dir.path().join(".doc.qalam.json.tmp-AbC123"), "half").unwrap();
        // Another file's leftover is not this save's business.
        fs::write(dir.path().join(".other.qalam.json.tmp-XyZ789"), "half").unwrap();
        write_atomically(&path, |w| w.write_all(b"new")).unwrap();
        assert_eq!(
            entries(dir.path()),
            vec![".other.qalam.json.tmp-XyZ789", "doc.qalam.json"]
        );
    }

    #[test]
    fn a_temp_file_being_written_is_locked_and_survives_another_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.qalam.json");
        let mut first = AtomicFile::create(&path).unwrap();
        first.write_all(b"first").unwrap();
        // A second writer of the same file (another process) must not remove the first one's
        // temporary file while it is being written.
        write_atomically(&path, |w| w.write_all(b"second")).unwrap();
        first.commit().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
        assert_eq!(entries(dir.path()), vec!["doc.qalam.json"]);
    }

    #[test]
    fn stale_temp_folders_are_removed_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let live = TempFolder::create_in(dir.path(), ".qalam-brat-").unwrap();
        // A killed export's folder: its lock file is there but nobody holds it.
        let dead = dir.path().join(".qalam-brat-dead01");
        fs::create_dir(&dead).unwrap();
        fs::write(dead.join(LOCK_FILE_NAME), "").unwrap();
        fs::write(dead.join("a.txt"), "x").unwrap();
        let second = TempFolder::create_in(dir.path(), ".qalam-brat-").unwrap();
        assert!(!dead.exists());
        assert!(live.path().exists() && second.path().exists());
        let (live_path, second_path) = (live.path().to_owned(), second.path().to_owned());
        drop(live);
        drop(second);
        assert!(!live_path.exists() && !second_path.exists());
        assert!(entries(dir.path()).is_empty());
    }

    #[test]
    fn missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("doc.qalam.json");
        assert!(write_atomically(&path, |w| w.write_all(b"x")).is_err());
    }
}

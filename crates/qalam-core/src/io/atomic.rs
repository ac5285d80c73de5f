//! Atomic file replacement: write a temporary file in the same folder, flush it to disk, rename
//! it over the target, then flush the folder. Readers see either the old or the new file, never
//! a half-written one.

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
        let mut prefix = std::ffi::OsString::from(".");
        prefix.push(file_name);
        prefix.push(".tmp-");
        let temp = tempfile::Builder::new()
            .prefix(&prefix)
            .tempfile_in(folder)?;
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
        self.writer.write(bytes)
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.writer.write_all(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
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
    fn missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("doc.qalam.json");
        assert!(write_atomically(&path, |w| w.write_all(b"x")).is_err());
    }
}

//! Saving an annotation to disk atomically, refusing to overwrite changes made by others.

use std::io::ErrorKind;
use std::path::Path;

use super::atomic::write_atomically;
use super::qalam_json::write::to_json_string;
use super::{DiskState, SaveError};
use crate::model::Annotation;

/// Writes `ann` as `.qalam.json` to `path` atomically and returns the new disk state.
///
/// With `expected` set (the state from loading or the previous save) and `force` false, the
/// save is refused with [`SaveError::ChangedOnDisk`] if the file's bytes are no longer the
/// expected ones, or the file is gone. With `expected` `None` (a new file, "save as") the file
/// is written whatever is there. On any error the file on disk is unchanged.
///
/// Hashing runs on helper threads alongside serialising and writing, so a save costs little more
/// than writing and flushing the file.
pub fn save_path(
    path: &Path,
    ann: &Annotation,
    expected: Option<&DiskState>,
    force: bool,
) -> Result<DiskState, SaveError> {
    // The conflict check reads and hashes the file on disk while the annotation is serialised;
    // the new bytes are hashed while they are written and flushed.
    let json = std::thread::scope(|scope| {
        let check = match (expected, force) {
            (Some(expected), false) => Some((expected, scope.spawn(|| DiskState::read(path)))),
            _ => None,
        };
        let json = to_json_string(ann);
        if let Some((expected, check)) = check {
            let current = check.join().unwrap_or_else(|_| DiskState::read(path));
            match current {
                Ok(current) if current.same_content(expected) => {}
                Ok(_) => return Err(SaveError::ChangedOnDisk(path.to_owned())),
                Err(error) if error.kind() == ErrorKind::NotFound => {
                    return Err(SaveError::ChangedOnDisk(path.to_owned()));
                }
                Err(error) => return Err(SaveError::Io(path.to_owned(), error)),
            }
        }
        Ok(json)
    })?;
    std::thread::scope(|scope| {
        let hash = scope.spawn(|| DiskState::from_bytes(json.as_bytes(), None));
        let io_error = |error| SaveError::Io(path.to_owned(), error);
        write_atomically(path, |out| out.write_all(json.as_bytes())).map_err(io_error)?;
        let modified = std::fs::metadata(path)
            .and_then(|metadata| metadata.modified())
            .ok();
        let state = hash
            .join()
            .unwrap_or_else(|_| DiskState::from_bytes(json.as_bytes(), None));
        Ok(state.with_modified(modified))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::load_path;
    use crate::model::Document;

    fn sample() -> Annotation {
        Annotation::new(Document::new("d", "زار بوتين روسيا."))
    }

    #[test]
    fn save_then_load_round_trips_and_states_agree() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.qalam.json");
        let saved = save_path(&path, &sample(), None, false).unwrap();
        let loaded = load_path(&path).unwrap();
        assert!(loaded.disk.same_content(&saved));
        assert_eq!(loaded.annotation, sample_with_times(&loaded.annotation));
        save_path(&path, &loaded.annotation, Some(&saved), false).unwrap();
    }

    fn sample_with_times(loaded: &Annotation) -> Annotation {
        let mut expected = sample().into_parts();
        expected.created = loaded.created();
        expected.modified = loaded.modified();
        Annotation::from_parts(expected).unwrap()
    }

    #[test]
    fn changed_on_disk_is_refused_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.qalam.json");
        let saved = save_path(&path, &sample(), None, false).unwrap();
        std::fs::write(&path, "someone else's edit").unwrap();
        let error = save_path(&path, &sample(), Some(&saved), false).unwrap_err();
        assert!(matches!(error, SaveError::ChangedOnDisk(_)));
        assert!(
            error
                .to_string()
                .contains("was changed or removed by another program")
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "someone else's edit"
        );
        save_path(&path, &sample(), Some(&saved), true).unwrap();
        assert!(load_path(&path).is_ok());
    }

    #[test]
    fn removed_file_counts_as_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.qalam.json");
        let saved = save_path(&path, &sample(), None, false).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert!(matches!(
            save_path(&path, &sample(), Some(&saved), false),
            Err(SaveError::ChangedOnDisk(_))
        ));
    }

    #[test]
    fn unwritable_folder_is_an_io_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("d.qalam.json");
        let error = save_path(&path, &sample(), None, false).unwrap_err();
        assert!(matches!(error, SaveError::Io(..)));
        assert!(
            error
                .to_string()
                .starts_with(&format!("could not save {}", path.display()))
        );
    }
}

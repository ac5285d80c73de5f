//! What a file looked like on disk when it was loaded or saved, to notice changes made by other
//! programs before overwriting them.

use std::path::Path;
use std::time::SystemTime;

use sha2::{Digest, Sha256};

/// Modification time, length and SHA-256 of a file's bytes at load or save time.
///
/// Two states describe the same file content when length and hash agree; the modification time
/// is kept for display and cheap checks only (a `touch` does not count as a change).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskState {
    modified: Option<SystemTime>,
    len: u64,
    sha256: [u8; 32],
}

impl DiskState {
    /// The state of a file whose bytes are `bytes` and whose modification time is `modified`.
    pub fn from_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        Self {
            modified,
            len: bytes.len() as u64,
            sha256: Sha256::digest(bytes).into(),
        }
    }

    /// The same state with another modification time.
    pub fn with_modified(self, modified: Option<SystemTime>) -> Self {
        Self { modified, ..self }
    }

    /// Reads the file at `path` and returns its current state.
    pub fn read(path: &Path) -> std::io::Result<Self> {
        let bytes = std::fs::read(path)?;
        let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
        Ok(Self::from_bytes(&bytes, modified))
    }

    /// Whether `self` and `other` describe the same bytes.
    pub fn same_content(&self, other: &DiskState) -> bool {
        self.len == other.len && self.sha256 == other.sha256
    }

    /// Modification time, when the platform reports one.
    pub fn modified(&self) -> Option<SystemTime> {
        self.modified
    }

    /// Length in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the file was empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// SHA-256 of the file's bytes.
    pub fn sha256(&self) -> &[u8; 32] {
        &self.sha256
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_content_ignores_modification_time() {
        let a = DiskState::from_bytes(b"abc", None);
        let b = DiskState::from_bytes(b"abc", Some(SystemTime::now()));
        assert!(a.same_content(&b));
    }

    #[test]
    fn different_bytes_of_same_length_differ() {
        let a = DiskState::from_bytes(b"abc", None);
        let b = DiskState::from_bytes(b"abd", None);
        assert_eq!(a.len(), b.len());
        assert!(!a.same_content(&b));
    }

    #[test]
    fn read_matches_from_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.txt");
        std::fs::write(&path, "سلام").unwrap();
        let state = DiskState::read(&path).unwrap();
        assert!(state.same_content(&DiskState::from_bytes("سلام".as_bytes(), None)));
        assert_eq!(state.len(), 8);
        assert!(state.modified().is_some());
    }
}

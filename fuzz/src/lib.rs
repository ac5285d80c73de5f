//! Helpers shared by the fuzz targets: a scratch folder reused between runs (so a target that
//! must read from files does not create a folder per input) and the fixed clock.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{DateTime, TimeZone, Utc};

/// A folder for the inputs of file-based readers, made once per process and removed at exit
/// by the operating system's temporary-folder cleaning (libFuzzer never returns normally).
pub fn scratch() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        // In memory where there is a tmpfs: file-based targets run several times faster.
        let shm = Path::new("/dev/shm");
        let mut builder = tempfile::Builder::new();
        builder.prefix("qalam-fuzz-");
        let dir = if shm.is_dir() {
            builder.tempdir_in(shm)
        } else {
            builder.tempdir()
        };
        dir.expect("a scratch folder").keep()
    })
}

/// Splits `data` at the first `0xFF` byte (never part of UTF-8) into two parts.
pub fn split2(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == 0xff) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[]),
    }
}

/// The fixed time stamped on edits.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 2, 3, 4, 5)
        .single()
        .unwrap_or_default()
}

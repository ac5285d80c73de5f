//! Recovery files: a sidecar and an annotation (the input split at the first 0xFF byte) in a
//! recovery folder are listed and read without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalam_core::io::recovery::RecoveryStore;
use qalam_fuzz::{scratch, split2};

fuzz_target!(|data: &[u8]| {
    let (meta, annotation) = split2(data);
    let store = RecoveryStore::new(&scratch().join("data"));
    let _ = std::fs::create_dir_all(store.dir());
    if std::fs::write(store.dir().join("fuzz.meta.json"), meta).is_err()
        || std::fs::write(store.annotation_path("fuzz"), annotation).is_err()
    {
        return;
    }
    let (entries, _problems) = store.list();
    for entry in &entries {
        let _ = store.read(entry);
    }
});

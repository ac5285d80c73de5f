//! The corpus file `qalam-corpus.json`: never a panic; what reads, writes back and reads again
//! the same; no accepted assignment or guidelines name leaves the corpus folder.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalam_core::corpus::corpus_file::CorpusFile;
use std::path::{Component, Path};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("qalam-corpus.json");
    if let Ok(file) = CorpusFile::from_json_str(text, path) {
        for paths in file.assignments.values() {
            for assigned in paths {
                assert!(
                    Path::new(assigned)
                        .components()
                        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir)),
                    "{assigned}"
                );
            }
        }
        if let Some(name) = &file.guidelines {
            assert!(!name.contains(['/', '\\']) && name != "..");
        }
        let again = CorpusFile::from_json_str(&file.to_json_string(), path).expect("reads back");
        assert_eq!(again, file);
    }
});

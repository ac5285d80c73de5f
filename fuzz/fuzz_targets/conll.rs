//! CoNLL import from text: never a panic; spans lie inside the documents' texts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalam_core::interchange::{ImportOptions, conll};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(imported) = conll::parse(text, Path::new("fuzz.conll"), &ImportOptions::default()) {
        for annotation in &imported.documents {
            let len = annotation.document().char_len();
            assert!(
                annotation
                    .spans()
                    .iter()
                    .all(|s| s.start < s.end && s.end <= len)
            );
        }
    }
});

//! prodigy import from text: never a panic; every imported document is a valid annotation whose
//! spans lie inside its text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalam_core::interchange::{ImportOptions, prodigy};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(imported) = prodigy::import_str(text, Path::new("fuzz.in"), &ImportOptions::default())
    {
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

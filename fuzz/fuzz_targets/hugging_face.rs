//! Hugging Face folder: a dataset card and a `train.jsonl` (the input split at the first 0xFF
//! byte) read without a panic; the card alone is parsed too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalam_core::interchange::ImportOptions;
use qalam_core::interchange::hugging_face::{card, read};
use qalam_fuzz::{scratch, split2};

fuzz_target!(|data: &[u8]| {
    let (card_bytes, rows) = split2(data);
    let Ok(card_text) = std::str::from_utf8(card_bytes) else {
        return;
    };
    let _ = card::parse(card_text);
    let folder = scratch().join("hf");
    let _ = std::fs::create_dir_all(&folder);
    if std::fs::write(folder.join("README.md"), card_bytes).is_err()
        || std::fs::write(folder.join("train.jsonl"), rows).is_err()
    {
        return;
    }
    if let Ok(imported) = read::import(&folder, &ImportOptions::default()) {
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

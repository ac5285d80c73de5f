//! spaCy DocBin: the input is the MessagePack inside (compressed here, so mutations reach the
//! decoder), or, when it starts with `Z`, the raw file bytes; read without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalam_core::interchange::{ImportOptions, spacy};
use qalam_fuzz::scratch;
use std::io::Write;

fuzz_target!(|data: &[u8]| {
    let bytes = match data.strip_prefix(b"Z") {
        Some(raw) => raw.to_vec(),
        None => {
            let mut encoder =
                flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
            let _ = encoder.write_all(data);
            encoder.finish().unwrap_or_default()
        }
    };
    let path = scratch().join("fuzz.spacy");
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    if let Ok(imported) = spacy::import(&path, &ImportOptions::default()) {
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

//! spaCy DocBin: the input is the MessagePack inside (zlib-wrapped here without compression, so
//! mutations reach the decoder), or, when it starts with `Z`, the raw file bytes; read without a
//! panic. The bytes go straight to `spacy::import_bytes` (what `spacy::import` calls after
//! reading the file).
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalam_core::interchange::{ImportOptions, spacy};
use std::io::Write;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let bytes = match data.strip_prefix(b"Z") {
        Some(raw) => raw.to_vec(),
        None => {
            let mut encoder =
                flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::none());
            let _ = encoder.write_all(data);
            encoder.finish().unwrap_or_default()
        }
    };
    let path = Path::new("fuzz.spacy");
    if let Ok(imported) = spacy::import_bytes(&bytes, path, &ImportOptions::default()) {
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

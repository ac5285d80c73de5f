//! Plain-text import: any bytes give an annotation or a positioned UTF-8 error, never a panic;
//! an imported text survives saving and reading back exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalam_core::io::load::decode_utf8;
use qalam_core::io::text_import::import_text;
use qalam_core::io::{LoadError, from_json_str, to_json_string};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.txt");
    match decode_utf8(path, data) {
        Ok(text) => {
            let annotation = import_text(path, text);
            assert_eq!(
                annotation.document().char_len(),
                annotation.document().text().chars().count()
            );
            let json = to_json_string(&annotation);
            let back = from_json_str(&json, path).expect("reads back");
            assert_eq!(back.document().text(), annotation.document().text());
        }
        Err(LoadError::InvalidUtf8 {
            byte_offset, byte, ..
        }) => assert_eq!(data[byte_offset], byte),
        Err(other) => panic!("unexpected error {other}"),
    }
});

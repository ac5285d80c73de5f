//! Label templates (`*.labels.json`): never a panic; what reads, writes back and reads again the
//! same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalam_core::io::label_template::{parse_template, template_json};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.labels.json");
    if let Ok(labels) = parse_template(text, path)
        && let Ok(json) = template_json(&labels)
    {
        let again = parse_template(&json, path).expect("reads back");
        assert_eq!(again, labels);
    }
});

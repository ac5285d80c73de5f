//! `.qalam.json`: the reader never panics; the fast and validating readers agree (whatever the
//! fast path accepts, the validating reader accepts as the same annotation); a file read back
//! from the writer's output is the same annotation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalam_core::io::qalam_json::fast_read::read_valid;
use qalam_core::io::qalam_json::read::read_with_diagnostics;
use qalam_core::io::{from_json_str, to_json_string};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.qalam.json");
    let json = text.strip_prefix('\u{feff}').unwrap_or(text);
    let fast = read_valid(json);
    let slow = read_with_diagnostics(json, path);
    if let Some(fast) = &fast {
        assert_eq!(
            slow.as_ref().ok(),
            Some(fast),
            "fast accepts, validating disagrees"
        );
    }
    match from_json_str(text, path) {
        Ok(annotation) => {
            let written = to_json_string(&annotation);
            let again = from_json_str(&written, path).expect("the writer's output reads back");
            assert_eq!(again, annotation);
        }
        Err(errors) => {
            assert!(!errors.0.is_empty());
            for diagnostic in &errors.0 {
                assert!(diagnostic.line >= 1 && diagnostic.column >= 1);
                assert!(diagnostic.line <= text.lines().count().max(1) + 1);
            }
        }
    }
});

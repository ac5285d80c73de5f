//! The settings file (`settings.json`): never a panic; what reads is in range (text size within
//! its bounds, at most ten distinct, non-empty recent files) and writes back to JSON that reads
//! as the same settings; a problem's line and column are 1-based.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalam_core::io::settings::{MAX_RECENT_FILES, MAX_TEXT_SIZE, MIN_TEXT_SIZE, parse_settings};

fuzz_target!(|data: &[u8]| {
    match parse_settings(data) {
        Ok(settings) => {
            assert!((MIN_TEXT_SIZE..=MAX_TEXT_SIZE).contains(&settings.text_size));
            assert!(settings.recent_files.len() <= MAX_RECENT_FILES);
            assert!(
                settings
                    .recent_files
                    .iter()
                    .all(|p| !p.as_os_str().is_empty())
            );
            let again = parse_settings(settings.to_json().as_bytes()).expect("reads back");
            assert_eq!(again, settings);
        }
        Err(problem) => assert!(problem.line >= 1 && problem.column >= 1),
    }
});

//! brat standoff: a `.txt` and an `.ann` (the input split at the first 0xFF byte) read without
//! a panic into a valid annotation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalam_core::interchange::brat::read_ann;
use qalam_core::interchange::standoff::{TagMap, build};
use qalam_core::interchange::{ImportOptions, Report};
use qalam_fuzz::{now, split2};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let (text, ann) = split2(data);
    let (Ok(text), Ok(ann)) = (std::str::from_utf8(text), std::str::from_utf8(ann)) else {
        return;
    };
    let options = ImportOptions::default();
    let mut tags = TagMap::new(&options);
    let mut report = Report::default();
    let path = Path::new("fuzz.ann");
    let draft = read_ann("doc", text.to_owned(), ann, path, &mut tags, &mut report);
    let labels = tags.into_labels();
    if let Ok(documents) = build(vec![draft], &labels, now(), path) {
        for annotation in &documents {
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

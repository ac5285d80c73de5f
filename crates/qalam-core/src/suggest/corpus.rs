//! The gazetteer of a corpus: every span of its finished files.
//!
//! Main has no per-span review decision yet, so "accepted" spans are the spans of annotation
//! files whose status is `done` or `reviewed` ([`is_finished`]); files still `todo` or
//! `in_progress` are left out, so half-done work does not spread. The files are read again
//! (the scan keeps only counts); a file that cannot be read is reported and skipped.

use std::path::PathBuf;

use super::gazetteer::GazetteerBuilder;
use crate::corpus::document::is_finished;
use crate::corpus::scan::Corpus;
use crate::io;
use crate::model::Annotation;

/// Counts every span of `ann` in `builder` if the annotation is finished (`done`/`reviewed`);
/// returns whether it was.
pub fn add_finished(builder: &mut GazetteerBuilder, ann: &Annotation) -> bool {
    if !is_finished(ann.status()) {
        return false;
    }
    add_spans(builder, ann);
    true
}

/// Counts every span of `ann` in `builder`, whatever the status.
pub fn add_spans(builder: &mut GazetteerBuilder, ann: &Annotation) {
    for span in ann.spans() {
        builder.add(ann.span_text(span), &span.label);
    }
}

/// What [`add_corpus`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusGazetteerReport {
    /// Finished files whose spans were counted.
    pub files_used: usize,
    /// Files that could not be read, with why.
    pub problems: Vec<(PathBuf, String)>,
}

/// Counts the spans of every finished annotation file of `corpus` in `builder` (the files'
/// statuses come from the scan; they are read from disk again for their spans).
pub fn add_corpus(builder: &mut GazetteerBuilder, corpus: &Corpus) -> CorpusGazetteerReport {
    let mut report = CorpusGazetteerReport::default();
    for document in &corpus.documents {
        for (file, info) in document.annotation_files() {
            if !is_finished(info.status) {
                continue;
            }
            let path = corpus.root.join(&file.path);
            match io::load_path(&path) {
                Ok(loaded) => {
                    if add_finished(builder, &loaded.annotation) {
                        report.files_used += 1;
                    }
                }
                Err(error) => report.problems.push((path, error.to_string())),
            }
        }
    }
    report
}

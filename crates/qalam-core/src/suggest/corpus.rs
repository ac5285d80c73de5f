//! The gazetteer of a corpus: the spans its files have settled on.
//!
//! A span feeds the gazetteer ([`is_settled`]) when a reviewer accepted or fixed it (review
//! state [`Accepted`](ReviewState::Accepted) or [`Fixed`](ReviewState::Fixed), unchanged since),
//! from any file whatever its status, or when its file is finished (`done` or `reviewed`,
//! [`is_finished`]) — except that a span rejected in review ([`ReviewState::Rejected`],
//! unchanged since) never does, even in a finished file. So half-done work does not spread,
//! but a reviewer's verdicts count as soon as they are given. A rejected span the annotator has
//! changed since (awaiting re-review) counts like an undecided one. The files are read again
//! (the scan keeps only counts); a file that cannot be read is reported and skipped.

use std::path::PathBuf;

use super::gazetteer::GazetteerBuilder;
use crate::corpus::document::is_finished;
use crate::corpus::scan::Corpus;
use crate::io;
use crate::model::{Annotation, ReviewState, Span};

/// Whether `span` feeds the gazetteer, `finished` saying whether its file is `done` or
/// `reviewed` (see the module docs).
pub fn is_settled(span: &Span, finished: bool) -> bool {
    match span.review_state() {
        ReviewState::Accepted | ReviewState::Fixed => true,
        ReviewState::Rejected => false,
        ReviewState::Undecided | ReviewState::ChangedSinceReview => finished,
    }
}

/// Counts the settled spans of `ann` in `builder` (see the module docs); returns how many.
pub fn add_settled(builder: &mut GazetteerBuilder, ann: &Annotation) -> usize {
    let finished = is_finished(ann.status());
    let mut added = 0;
    for span in ann.spans().iter().filter(|span| is_settled(span, finished)) {
        builder.add(ann.span_text(span), &span.label);
        added += 1;
    }
    added
}

/// Counts the settled spans of `ann` in `builder` if the annotation is finished
/// (`done`/`reviewed`); returns whether it was. Unfinished files' accepted spans are
/// [`add_settled`]'s.
pub fn add_finished(builder: &mut GazetteerBuilder, ann: &Annotation) -> bool {
    if !is_finished(ann.status()) {
        return false;
    }
    add_settled(builder, ann);
    true
}

/// Counts every span of `ann` in `builder`, whatever the status or review.
pub fn add_spans(builder: &mut GazetteerBuilder, ann: &Annotation) {
    for span in ann.spans() {
        builder.add(ann.span_text(span), &span.label);
    }
}

/// What [`add_corpus`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusGazetteerReport {
    /// Files whose spans were counted: finished files, and others with at least one accepted
    /// or fixed span.
    pub files_used: usize,
    /// Files that could not be read, with why.
    pub problems: Vec<(PathBuf, String)>,
}

/// Counts the settled spans (see the module docs) of every annotation file of `corpus` in
/// `builder`. Files are read from disk again for their spans; files without spans are skipped
/// unread.
pub fn add_corpus(builder: &mut GazetteerBuilder, corpus: &Corpus) -> CorpusGazetteerReport {
    let mut report = CorpusGazetteerReport::default();
    for document in &corpus.documents {
        for (file, info) in document.annotation_files() {
            if info.spans() == 0 {
                continue;
            }
            let path = corpus.root.join(&file.path);
            match io::load_path(&path) {
                Ok(loaded) => {
                    let ann = &loaded.annotation;
                    if add_settled(builder, ann) > 0 || is_finished(ann.status()) {
                        report.files_used += 1;
                    }
                }
                Err(error) => report.problems.push((path, error.to_string())),
            }
        }
    }
    report
}

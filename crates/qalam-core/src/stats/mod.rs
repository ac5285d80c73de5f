//! Statistics over scanned corpora: label counts, spans per document, documents by status and
//! progress per annotator. Pure functions of [`Corpus`] values; the CLI prints them and the
//! window will chart them.

pub mod agreement;
pub mod progress;

use std::collections::BTreeMap;

use crate::corpus::Corpus;
use crate::model::DocStatus;

pub use progress::{AnnotatorProgress, annotator_progress};

/// Statistics of one or more corpora taken together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusStats {
    /// Number of documents.
    pub documents: usize,
    /// Number of annotation files.
    pub annotation_files: usize,
    /// Spans over every annotation file, per label name (sorted by name).
    pub label_counts: Vec<(String, usize)>,
    /// Each document's name and span count (see
    /// [`CorpusDocument::span_count`](crate::corpus::CorpusDocument::span_count)), by name.
    pub spans_per_document: Vec<(String, usize)>,
    /// Documents per status, in workflow order (every status listed, zeros included).
    pub by_status: Vec<(DocStatus, usize)>,
    /// Progress of every annotator, in [`Corpus::annotators`] order (the first corpus's first).
    pub annotators: Vec<AnnotatorProgress>,
}

impl CorpusStats {
    /// All spans of all annotation files.
    pub fn total_spans(&self) -> usize {
        self.label_counts.iter().map(|(_, count)| count).sum()
    }
}

/// The statistics of `corpora` taken together.
pub fn corpus_stats(corpora: &[Corpus]) -> CorpusStats {
    let mut labels: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_status = [0usize; 4];
    let mut spans_per_document = Vec::new();
    let mut annotation_files = 0;
    for corpus in corpora {
        for doc in &corpus.documents {
            for (_, info) in doc.annotation_files() {
                annotation_files += 1;
                for (label, count) in &info.label_counts {
                    *labels.entry(label.clone()).or_default() += count;
                }
            }
            let rank = crate::corpus::document::status_rank(doc.status());
            by_status[rank] += 1;
            spans_per_document.push((doc.name.clone(), doc.span_count()));
        }
    }
    spans_per_document.sort();
    CorpusStats {
        documents: spans_per_document.len(),
        annotation_files,
        label_counts: labels.into_iter().collect(),
        spans_per_document,
        by_status: DocStatus::ALL.into_iter().zip(by_status).collect(),
        annotators: annotator_progress(corpora),
    }
}

#[cfg(test)]
mod tests;

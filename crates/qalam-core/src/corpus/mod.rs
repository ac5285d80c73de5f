//! Corpora: a folder of articles as one thing, annotated by a team without a server.
//!
//! - [`corpus_file`]: `qalam-corpus.json` at the root (label set, annotators, assignments,
//!   guidelines), deterministic writer and validating reader.
//! - [`naming`]: per-annotator file names (`article.Amal.qalam.json`) and parsing them back.
//! - [`scan`]: finding and reading every `.txt` / `.qalam.json` under the root in parallel,
//!   with a progress callback; [`group`] puts files with the same text into one document.
//! - [`document`]: what a scan returns (files, documents, problems).
//! - [`sync`]: committing the annotator's own files, pulling and pushing when the folder is a
//!   git repository.
//!
//! Statistics over a scanned corpus are in [`crate::stats`].

pub mod corpus_file;
pub mod document;
pub mod group;
pub mod naming;
pub mod scan;
pub mod sync;

pub use corpus_file::{CORPUS_FILE_NAME, CorpusFile, CorpusFileError};
pub use document::{AnnotationInfo, CorpusDocument, ScanProblem, ScannedFile};
pub use naming::{annotation_file_name, parse_file_name, safe_annotator_name};
pub use scan::{Corpus, ScanError, ScanProgress, scan, scan_with_progress};

#[cfg(test)]
mod tests;

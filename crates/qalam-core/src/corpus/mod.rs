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
//! - [`scan_job`]: a scan on a background thread for the window, with the guidelines text.
//! - [`list`]: the document list without a GUI (filter, sort, search, next unfinished,
//!   progress); [`document_files`]: which file a document opens from and saves to for an
//!   annotator; [`live`]: recording an edited annotation into the scanned corpus.
//! - [`guidelines`]: the guidelines Markdown as blocks, and each label's definition.
//!
//! Statistics over a scanned corpus are in [`crate::stats`].

pub mod corpus_file;
pub mod document;
pub mod document_files;
pub mod group;
pub mod guidelines;
pub mod list;
mod live;
pub mod naming;
pub mod scan;
pub mod scan_job;
pub mod sync;

pub use corpus_file::{CORPUS_FILE_NAME, CorpusFile, CorpusFileError};
pub use document::{AnnotationInfo, CorpusDocument, ScanProblem, ScannedFile};
pub use document_files::{DocumentFiles, annotator_files, document_files, review_files};
pub use list::{
    ListProgress, ListQuery, ListSort, Step, list_progress, list_rows, row_status, step_row,
};
pub use naming::{annotation_file_name, parse_file_name, safe_annotator_name};
pub use scan::{Corpus, ScanError, ScanProgress, scan, scan_with_progress};
pub use scan_job::{LoadedCorpus, ScanJob};

#[cfg(test)]
mod list_tests;
#[cfg(test)]
mod tests;

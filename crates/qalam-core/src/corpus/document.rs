//! What a scan finds: one [`ScannedFile`] per `.txt` / `.qalam.json` file, grouped into
//! [`CorpusDocument`]s (all files that annotate the same text), and the [`ScanProblem`]s it
//! reports without changing anything.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::io::file_names::ANNOTATION_SUFFIX;
use crate::model::{Annotation, DocStatus};

/// One annotation file's contents, summarised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotationInfo {
    /// Whose file it is: the annotator in its name (`article.Amal.qalam.json`), else the
    /// `annotator` recorded in the file, else `None`.
    pub annotator: Option<String>,
    /// The file's workflow status.
    pub status: DocStatus,
    /// Spans per label name, sorted by name (labels without spans are not listed).
    pub label_counts: Vec<(String, usize)>,
    /// The names of the file's label set, in its order.
    pub label_names: Vec<String>,
    /// Whether it is the document's gold file (`article.gold.qalam.json`, see
    /// [`naming`](super::naming)): adjudicated, nobody's annotation.
    pub gold: bool,
}

impl AnnotationInfo {
    /// The summary of `ann`, as the file of `annotator`.
    pub fn of(ann: &Annotation, annotator: Option<String>) -> Self {
        let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for span in ann.spans() {
            *counts.entry(span.label.as_str()).or_default() += 1;
        }
        Self {
            annotator,
            status: ann.status(),
            label_counts: counts
                .into_iter()
                .map(|(label, count)| (label.to_owned(), count))
                .collect(),
            label_names: ann.labels().labels.iter().map(|l| l.name.clone()).collect(),
            gold: false,
        }
    }

    /// Number of spans in the file.
    pub fn spans(&self) -> usize {
        self.label_counts.iter().map(|(_, count)| count).sum()
    }
}

/// One file of the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScannedFile {
    /// The path relative to the corpus root.
    pub path: PathBuf,
    /// The document stem relative to the root, folders joined by `/` (`news/article`).
    pub stem: String,
    /// Lower-case hex SHA-256 of the text the file holds (for `.txt`: after import).
    pub text_sha256: String,
    /// Last change: recorded in an annotation file; the file's modification time for a text.
    pub modified: Option<DateTime<Utc>>,
    /// `Some` for a `.qalam.json` file, `None` for a plain text.
    pub annotation: Option<AnnotationInfo>,
}

impl ScannedFile {
    /// The path with `/` between folders, as shown and as written in assignments.
    pub fn display_path(&self) -> String {
        slash_path(&self.path)
    }
}

/// All files that hold the same text: the text file (if any) and its annotation files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusDocument {
    /// The document's name: the stem of its text file, else of its first annotation file.
    pub name: String,
    /// SHA-256 of the text all its files share.
    pub text_sha256: String,
    /// Its files, sorted by path.
    pub files: Vec<ScannedFile>,
}

impl CorpusDocument {
    /// The annotators' annotation files (not the gold file).
    pub fn annotation_files(&self) -> impl Iterator<Item = (&ScannedFile, &AnnotationInfo)> {
        self.files
            .iter()
            .filter_map(|file| file.annotation.as_ref().map(|info| (file, info)))
            .filter(|(_, info)| !info.gold)
    }

    /// The gold file (`article.gold.qalam.json`), if the document has been adjudicated.
    pub fn gold_file(&self) -> Option<&ScannedFile> {
        self.files
            .iter()
            .find(|file| file.annotation.as_ref().is_some_and(|info| info.gold))
    }

    /// The annotators with a file for this document, sorted, without repeats.
    pub fn annotators(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .annotation_files()
            .filter_map(|(_, info)| info.annotator.as_deref())
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// The status of `annotator`'s file, `None` if they have none.
    pub fn status_of(&self, annotator: &str) -> Option<DocStatus> {
        self.annotation_files()
            .filter(|(_, info)| info.annotator.as_deref() == Some(annotator))
            .map(|(_, info)| info.status)
            .max_by_key(|status| status_rank(*status))
    }

    /// The document's status: the least advanced of its annotation files (`todo` without one),
    /// so a document is done only when every annotator's file is.
    pub fn status(&self) -> DocStatus {
        self.annotation_files()
            .map(|(_, info)| info.status)
            .min_by_key(|status| status_rank(*status))
            .unwrap_or(DocStatus::Todo)
    }

    /// The document's span count: the largest among its annotation files (every annotator
    /// labels the same text, so adding them up would count entities twice).
    pub fn span_count(&self) -> usize {
        self.annotation_files()
            .map(|(_, info)| info.spans())
            .max()
            .unwrap_or(0)
    }

    /// The latest change recorded in its annotation files; for a document without one, the
    /// text file's modification time.
    pub fn last_change(&self) -> Option<DateTime<Utc>> {
        let annotated = self
            .files
            .iter()
            .filter(|file| file.annotation.is_some())
            .filter_map(|file| file.modified)
            .max();
        annotated.or_else(|| self.files.iter().filter_map(|file| file.modified).max())
    }

    /// Whether `path` (relative to the root, `/` between folders, as in assignments) names
    /// this document: one of its files, or its stem with `.txt` / `.qalam.json`.
    pub fn is_named_by(&self, path: &str) -> bool {
        let stem = assignment_stem(path);
        self.files
            .iter()
            .any(|file| file.display_path() == path || file.stem == stem)
    }
}

/// The document stem an assignment path names: the path without `.qalam.json` or `.txt`.
pub fn assignment_stem(path: &str) -> &str {
    path.strip_suffix(ANNOTATION_SUFFIX)
        .or_else(|| path.strip_suffix(".txt"))
        .unwrap_or(path)
}

/// A status's place in the workflow (`todo` = 0 … `reviewed` = 3).
pub fn status_rank(status: DocStatus) -> usize {
    DocStatus::ALL
        .iter()
        .position(|s| *s == status)
        .unwrap_or(0)
}

/// Whether a status counts as finished (`done` or `reviewed`).
pub fn is_finished(status: DocStatus) -> bool {
    matches!(status, DocStatus::Done | DocStatus::Reviewed)
}

/// `path` with `/` between its components.
pub fn slash_path(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Something a scan noticed and reports; nothing is changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanProblem {
    /// The file could not be read or is not a valid Qalam file.
    Unreadable {
        /// The file, relative to the root.
        path: PathBuf,
        /// Why (the loader's message).
        message: String,
    },
    /// The file's text differs from the other files of the same name.
    TextDiffers {
        /// The file, relative to the root.
        path: PathBuf,
        /// A file of the same name with the other text.
        other: PathBuf,
    },
    /// The file's label set is not the corpus label set.
    LabelsDisagree {
        /// The file, relative to the root.
        path: PathBuf,
        /// Labels of the file that the corpus does not have.
        not_in_corpus: Vec<String>,
        /// Corpus labels the file does not have.
        missing: Vec<String>,
    },
}

impl ScanProblem {
    /// The file the problem is about.
    pub fn path(&self) -> &Path {
        match self {
            ScanProblem::Unreadable { path, .. }
            | ScanProblem::TextDiffers { path, .. }
            | ScanProblem::LabelsDisagree { path, .. } => path,
        }
    }
}

impl fmt::Display for ScanProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScanProblem::Unreadable { path, message } => {
                write!(f, "{}: not read: {message}", slash_path(path))
            }
            ScanProblem::TextDiffers { path, other } => write!(
                f,
                "{}: its text differs from {} (same name, another text)",
                slash_path(path),
                slash_path(other)
            ),
            ScanProblem::LabelsDisagree {
                path,
                not_in_corpus,
                missing,
            } => {
                write!(
                    f,
                    "{}: its labels differ from the corpus label set",
                    slash_path(path)
                )?;
                if !not_in_corpus.is_empty() {
                    write!(f, "; not in the corpus: {}", not_in_corpus.join(", "))?;
                }
                if !missing.is_empty() {
                    write!(f, "; missing: {}", missing.join(", "))?;
                }
                Ok(())
            }
        }
    }
}

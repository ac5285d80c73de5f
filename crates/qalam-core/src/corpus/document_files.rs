//! Which file a corpus document opens from and saves to for an annotator.
//!
//! In a multi-annotator corpus (the corpus file lists annotators, or a document already has a
//! per-annotator file) each annotator works in their own
//! `article.ANNOTATOR.qalam.json` ([`annotation_file_name`]): it opens if it exists; otherwise
//! the document's text opens (from `article.txt`, or the text of another annotator's file, never
//! their spans) and the first save creates the annotator's file. Otherwise the single-annotator
//! rule holds: `article.qalam.json` if it exists, else `article.txt` (saved as
//! `article.qalam.json`), else the document's only annotation file itself.
//!
//! A reviewer opens a colleague's file instead ([`annotator_files`] lists them,
//! [`review_files`] opens one): that annotator's own file, saved back to itself, so the review
//! decisions land in the file the annotator works in.

use std::path::{Path, PathBuf};

use super::document::{CorpusDocument, ScannedFile};
use super::naming::annotation_file_name;
use super::scan::Corpus;
use crate::io::file_names::ANNOTATION_SUFFIX;

/// What to load for a corpus document and where saving it goes (absolute paths).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFiles {
    /// The file to load.
    pub open: PathBuf,
    /// Load only the text of `open` (it is another annotator's file): a fresh annotation with
    /// the corpus labels, no spans, status `todo`.
    pub text_only: bool,
    /// Where Save writes.
    pub save: PathBuf,
    /// The annotator whose file `save` is (`None`: a single-annotator file).
    pub annotator: Option<String>,
}

impl DocumentFiles {
    /// Whether the annotation file saving goes to exists already (so it is what opens).
    pub fn opens_saved_file(&self) -> bool {
        self.open == self.save
    }
}

impl Corpus {
    /// Whether annotators work in per-annotator files: the corpus file lists annotators, or a
    /// document has a per-annotator file (see the module docs).
    pub fn is_multi_annotator(&self) -> bool {
        let listed = self
            .file
            .as_ref()
            .is_some_and(|file| !file.annotators.is_empty());
        listed
            || self.documents.iter().any(|doc| {
                doc.annotation_files()
                    .any(|(file, _)| is_per_annotator(file))
            })
    }
}

/// Whether `annotator` works in their own per-annotator files in `corpus`.
pub fn uses_own_files(corpus: &Corpus, annotator: Option<&str>) -> bool {
    annotator.is_some_and(|name| !name.trim().is_empty()) && corpus.is_multi_annotator()
}

/// Whether `file` is named `STEM.ANNOTATOR.qalam.json` for the annotator it records.
fn is_per_annotator(file: &ScannedFile) -> bool {
    file.annotation
        .as_ref()
        .is_some_and(|info| info.annotator.is_some())
        && file.stem != stem_of_name(&file.path)
}

/// The document's per-annotator file of `annotator`, relative to the root, if it has one.
fn own_file<'a>(doc: &'a CorpusDocument, annotator: &str) -> Option<&'a Path> {
    doc.annotation_files()
        .find(|(file, info)| info.annotator.as_deref() == Some(annotator) && is_per_annotator(file))
        .map(|(file, _)| file.path.as_path())
}

/// The file name's part before `.qalam.json` / `.txt`, with its folder, `/` between folders.
fn stem_of_name(path: &Path) -> String {
    let shown = super::document::slash_path(path);
    super::document::assignment_stem(&shown).to_owned()
}

/// The files of `doc` for `annotator` (see the module docs).
pub fn document_files(
    corpus: &Corpus,
    doc: &CorpusDocument,
    annotator: Option<&str>,
) -> DocumentFiles {
    let root = &corpus.root;
    let text_file = doc
        .files
        .iter()
        .find(|file| file.annotation.is_none())
        .map(|file| file.path.clone());
    // The document's stem path as if it were a text file, for naming annotation files.
    let text_path = text_file
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}.txt", doc.name)));
    let any_file = doc.files.first().map(|file| file.path.clone());
    if uses_own_files(corpus, annotator)
        && let Some(name) = annotator
    {
        let save = match own_file(doc, name) {
            Some(existing) => existing.to_owned(),
            None => annotation_file_name(&text_path, Some(name)),
        };
        let (open, text_only) = if root.join(&save).is_file() {
            (save.clone(), false)
        } else if let Some(text) = text_file {
            (text, false)
        } else {
            (any_file.unwrap_or_else(|| save.clone()), true)
        };
        return DocumentFiles {
            open: root.join(open),
            text_only,
            save: root.join(save),
            annotator: Some(name.to_owned()),
        };
    }
    let single = annotation_file_name(&text_path, None);
    let (open, save) = if root.join(&single).is_file() {
        (single.clone(), single)
    } else if let Some(text) = text_file {
        (text, single)
    } else {
        let only = doc
            .files
            .iter()
            .find(|file| {
                file.path.to_string_lossy().ends_with(ANNOTATION_SUFFIX)
                    && !file.annotation.as_ref().is_some_and(|info| info.gold)
            })
            .map(|file| file.path.clone())
            .unwrap_or(single);
        (only.clone(), only)
    };
    DocumentFiles {
        open: root.join(open),
        text_only: false,
        save: root.join(save),
        annotator: None,
    }
}

/// The annotators of `doc` who have their own per-annotator file
/// (`article.ANNOTATOR.qalam.json`; never the gold file), sorted by name, each with that file
/// relative to the corpus root.
pub fn annotator_files(doc: &CorpusDocument) -> Vec<(String, PathBuf)> {
    let mut files: Vec<(String, PathBuf)> = doc
        .annotation_files()
        .filter(|(file, info)| !info.gold && is_per_annotator(file))
        .filter_map(|(file, info)| info.annotator.clone().map(|name| (name, file.path.clone())))
        .collect();
    files.sort();
    files.dedup_by(|a, b| a.0 == b.0);
    files
}

/// The files for reviewing `annotator`'s own file of `doc`: it opens as it is and Save writes
/// back to it (`None` when they have no file of `doc`; see [`annotator_files`]).
pub fn review_files(
    corpus: &Corpus,
    doc: &CorpusDocument,
    annotator: &str,
) -> Option<DocumentFiles> {
    let (name, file) = annotator_files(doc)
        .into_iter()
        .find(|(name, _)| name == annotator)?;
    let path = corpus.root.join(file);
    Some(DocumentFiles {
        open: path.clone(),
        text_only: false,
        save: path,
        annotator: Some(name),
    })
}

//! From scanned corpora to the annotations to compare: every document (files with the same
//! text, across all the corpora given) with one loaded annotation per annotator.
//!
//! Whose annotation a file is: the annotator in its name (`article.Amal.qalam.json`, known from
//! the corpus file or the file's own `annotator`), else the file's `annotator` field, else the
//! `annotator` all of its spans name, else the `NAME` of a `stem.NAME.qalam.json` name, else
//! the file's path. Two different files of one document that come out with the same annotator
//! are both kept, each named `annotator (path)`; the same file given twice counts once.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::corpus::document::slash_path;
use crate::corpus::{Corpus, ScanProblem, ScannedFile};
use crate::io::file_names::ANNOTATION_SUFFIX;
use crate::io::load_path;
use crate::model::Annotation;

/// One annotator's annotation of a document.
#[derive(Debug, Clone)]
pub struct Version {
    /// Whose it is (see the module docs).
    pub annotator: String,
    /// The file it was loaded from.
    pub path: PathBuf,
    /// The annotation.
    pub annotation: Annotation,
}

/// One text and everyone's annotation of it.
#[derive(Debug, Clone)]
pub struct AnnotatedDocument {
    /// The document's name in its corpus (`news/article`).
    pub name: String,
    /// The annotations, in the order of the corpus's annotators (then by name).
    pub versions: Vec<Version>,
}

/// What [`collect`] found.
#[derive(Debug, Clone, Default)]
pub struct Collected {
    /// The documents, in corpus order, then by name.
    pub documents: Vec<AnnotatedDocument>,
    /// Every annotator, the corpus files' first (in their order), then the others by name.
    pub annotators: Vec<String>,
    /// Files that could not be loaded again after the scan.
    pub problems: Vec<ScanProblem>,
}

/// Loads the annotation files of `corpora`, grouped by text across all of them.
pub fn collect(corpora: &[Corpus]) -> Collected {
    let mut collected = Collected::default();
    let mut known: Vec<String> = Vec::new();
    let mut by_text: HashMap<&str, usize> = HashMap::new();
    let mut seen_paths: Vec<PathBuf> = Vec::new();
    for corpus in corpora {
        for name in corpus.annotators() {
            if corpus.file.is_some() && !known.contains(&name) {
                known.push(name);
            }
        }
        for doc in &corpus.documents {
            let index = *by_text.entry(doc.text_sha256.as_str()).or_insert_with(|| {
                collected.documents.push(AnnotatedDocument {
                    name: doc.name.clone(),
                    versions: Vec::new(),
                });
                collected.documents.len() - 1
            });
            for (file, info) in doc.annotation_files() {
                let full = corpus.root.join(&file.path);
                let canonical = std::fs::canonicalize(&full).unwrap_or_else(|_| full.clone());
                if seen_paths.contains(&canonical) {
                    continue;
                }
                seen_paths.push(canonical);
                match load_path(&full) {
                    Ok(loaded) => {
                        let annotator = info
                            .annotator
                            .clone()
                            .or_else(|| spans_annotator(&loaded.annotation))
                            .or_else(|| name_part(file))
                            .unwrap_or_else(|| file.display_path());
                        collected.documents[index].versions.push(Version {
                            annotator,
                            path: full,
                            annotation: loaded.annotation,
                        });
                    }
                    Err(error) => collected.problems.push(ScanProblem::Unreadable {
                        path: full,
                        message: error.to_string(),
                    }),
                }
            }
        }
    }
    for doc in &mut collected.documents {
        rename_clashes(&mut doc.versions);
    }
    let mut others: Vec<String> = collected
        .documents
        .iter()
        .flat_map(|doc| doc.versions.iter().map(|v| v.annotator.clone()))
        .filter(|name| !known.contains(name))
        .collect();
    others.sort_unstable();
    others.dedup();
    known.extend(others);
    let rank = |name: &str| known.iter().position(|k| k == name).unwrap_or(usize::MAX);
    for doc in &mut collected.documents {
        doc.versions.sort_by_key(|v| rank(&v.annotator));
    }
    collected.annotators = known;
    collected
}

/// The annotator every span of `annotation` names, if they all name the same one.
fn spans_annotator(annotation: &Annotation) -> Option<String> {
    let mut names = annotation
        .spans()
        .iter()
        .map(|span| span.annotator.as_deref());
    let first = names.next()??;
    names
        .all(|name| name == Some(first))
        .then(|| first.to_owned())
}

/// `NAME` of a file called `stem.NAME.qalam.json`.
fn name_part(file: &ScannedFile) -> Option<String> {
    let name = file.path.file_name()?.to_string_lossy().into_owned();
    let base = name.strip_suffix(ANNOTATION_SUFFIX)?;
    let (stem, last) = base.rsplit_once('.')?;
    (!stem.is_empty() && !last.is_empty()).then(|| last.to_owned())
}

/// Versions of one document with the same annotator are renamed `annotator (path)`.
fn rename_clashes(versions: &mut [Version]) {
    let names: Vec<String> = versions.iter().map(|v| v.annotator.clone()).collect();
    for (index, version) in versions.iter_mut().enumerate() {
        if names
            .iter()
            .enumerate()
            .any(|(other, name)| other != index && *name == names[index])
        {
            version.annotator = format!("{} ({})", names[index], slash_path(&version.path));
        }
    }
}

//! What a pull brought in: the files that differ between the commit before the pull and the one
//! after (`git diff --name-status OLD NEW`), sorted into new documents, annotation files (with
//! their annotator), the corpus file and anything else.

use std::collections::BTreeSet;
use std::path::Path;

use super::error::SyncError;
use super::git::{Git, nul_fields};
use super::own_files::last_annotator;
use crate::corpus::CORPUS_FILE_NAME;
use crate::corpus::naming::parse_file_name;
use crate::io::file_names::ANNOTATION_SUFFIX;
use crate::io::from_json_str;

/// Git's empty tree, the "before" of a branch that had no commit yet.
const EMPTY_TREE: &str = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

/// How a file changed in the commits that came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileChange {
    /// The file is new.
    Added,
    /// The file changed.
    Modified,
    /// The file was deleted.
    Deleted,
}

/// One annotation file that came in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingFile {
    /// The file, relative to the repository root.
    pub path: String,
    /// Whose it is: the annotator in its name, else its last annotator, if any.
    pub annotator: Option<String>,
    /// How it changed.
    pub change: FileChange,
}

/// What came in with a pull.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Incoming {
    /// Colleagues' commits brought in.
    pub commits: usize,
    /// Documents that did not exist before (their stems, `news/article`), sorted.
    pub new_documents: Vec<String>,
    /// Annotation files added, changed or deleted, sorted by path.
    pub annotation_files: Vec<IncomingFile>,
    /// Whether a corpus file (`qalam-corpus.json`) changed.
    pub corpus_file: bool,
    /// Other files that changed (texts of existing documents, guidelines, anything else).
    pub other: Vec<String>,
}

impl Incoming {
    /// Whether nothing came in.
    pub fn is_empty(&self) -> bool {
        self.commits == 0
            && self.new_documents.is_empty()
            && self.annotation_files.is_empty()
            && !self.corpus_file
            && self.other.is_empty()
    }

    /// The annotators whose files came in, sorted, each with their number of files.
    pub fn by_annotator(&self) -> Vec<(String, usize)> {
        let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
        for file in &self.annotation_files {
            let name = file.annotator.clone().unwrap_or_else(|| "?".to_owned());
            *counts.entry(name).or_default() += 1;
        }
        counts.into_iter().collect()
    }
}

/// What differs between the commits `old` (`None`: no commit yet) and `new`, limited to
/// `pathspec`; `commits` is how many came in; `known` are the corpus's annotators.
pub fn incoming(
    git: &Git,
    old: Option<&str>,
    new: &str,
    pathspec: &str,
    commits: usize,
    known: &[String],
) -> Result<Incoming, SyncError> {
    let old = old.unwrap_or(EMPTY_TREE);
    let mut args = vec![
        "diff",
        "--name-status",
        "-z",
        "--no-renames",
        old,
        new,
        "--",
    ];
    if !pathspec.is_empty() {
        args.push(pathspec);
    }
    let output = git.ok(&args)?;
    let before = document_stems(git, old, pathspec, known)?;
    let mut result = Incoming {
        commits,
        ..Incoming::default()
    };
    let mut new_documents = BTreeSet::new();
    let mut fields = nul_fields(&output.stdout);
    while let (Some(status), Some(path)) = (fields.next(), fields.next()) {
        let change = match status.chars().next() {
            Some('A') => FileChange::Added,
            Some('D') => FileChange::Deleted,
            _ => FileChange::Modified,
        };
        let name = path.rsplit('/').next().unwrap_or(path);
        if name == CORPUS_FILE_NAME {
            result.corpus_file = true;
            continue;
        }
        let stem = stem_of(path, known);
        if change == FileChange::Added
            && let Some(stem) = &stem
            && !before.contains(stem)
        {
            new_documents.insert(stem.clone());
        }
        if name.to_ascii_lowercase().ends_with(ANNOTATION_SUFFIX) {
            let rev = if change == FileChange::Deleted {
                old
            } else {
                new
            };
            result.annotation_files.push(IncomingFile {
                path: path.to_owned(),
                annotator: annotator_of(git, rev, path, known),
                change,
            });
        } else if stem.is_none() || !new_documents.contains(stem.as_deref().unwrap_or("")) {
            result.other.push(path.to_owned());
        }
    }
    result.new_documents = new_documents.into_iter().collect();
    result.annotation_files.sort_by(|a, b| a.path.cmp(&b.path));
    result.other.sort();
    Ok(result)
}

/// The document stem of a `.txt` / `.qalam.json` path (`news/a.Amal.qalam.json` →
/// `news/a`), `None` for other files.
fn stem_of(path: &str, known: &[String]) -> Option<String> {
    let (folder, name) = match path.rsplit_once('/') {
        Some((folder, name)) => (Some(folder), name),
        None => (None, path),
    };
    let parsed = parse_file_name(name, known)?;
    Some(match folder {
        Some(folder) => format!("{folder}/{}", parsed.stem),
        None => parsed.stem,
    })
}

/// The document stems of every file in the tree of `rev` under `pathspec`.
fn document_stems(
    git: &Git,
    rev: &str,
    pathspec: &str,
    known: &[String],
) -> Result<BTreeSet<String>, SyncError> {
    let mut args = vec![
        "ls-tree",
        "-r",
        "-z",
        "--name-only",
        "--full-tree",
        rev,
        "--",
    ];
    if !pathspec.is_empty() {
        args.push(pathspec);
    }
    let output = git.ok(&args)?;
    Ok(nul_fields(&output.stdout)
        .filter_map(|path| stem_of(path, known))
        .collect())
}

/// The annotator of the annotation file `path` as of `rev`: the one in its name, else its last
/// annotator (`None` if it records none or cannot be read).
fn annotator_of(git: &Git, rev: &str, path: &str, known: &[String]) -> Option<String> {
    let name = path.rsplit('/').next().unwrap_or(path);
    if let Some(named) = parse_file_name(name, known).and_then(|parsed| parsed.annotator) {
        return Some(named);
    }
    let output = git.run(&["show", &format!("{rev}:{path}")]).ok()?;
    if !output.ok {
        return None;
    }
    let annotation = from_json_str(&output.stdout, Path::new(path)).ok()?;
    last_annotator(&annotation).map(str::to_owned)
}

//! Which changed files are the annotator's own, the only ones a sync commits.
//!
//! The rule, for each file `git status` lists as changed, new or deleted:
//!
//! 1. A per-annotator file `STEM.NAME.qalam.json` is the annotator's when `NAME` is their safe
//!    name ([`safe_annotator_name`]), and another annotator's when `NAME` is the safe name of
//!    someone else the corpus file lists.
//! 2. Any other `.qalam.json` file (a single-annotator `article.qalam.json`, or a per-annotator
//!    name the corpus file does not list) is the annotator's when its **last annotator** is
//!    them: the annotator of its most recently changed span that records one, else the file's
//!    own `annotator`. Names are compared by their safe form. A deleted file is judged by its
//!    last committed version.
//! 3. Everything else is left alone and listed with the reason: the corpus file
//!    (`qalam-corpus.json`, shared), article texts (`.txt`, shared), files that are not Qalam's,
//!    unreadable annotation files and those that record no annotator.
//!
//! Nothing is ever staged by a pattern (`git add -A`): only the paths this rule accepts.

use std::fmt;
use std::path::Path;

use super::error::SyncError;
use super::git::{Git, nul_fields};
use crate::corpus::CORPUS_FILE_NAME;
use crate::corpus::naming::{parse_file_name, safe_annotator_name};
use crate::io::file_names::ANNOTATION_SUFFIX;
use crate::io::from_json_str;
use crate::model::Annotation;

/// How a file changed in the working tree (or index) since the last commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalChange {
    /// New (untracked, or added to the index).
    Added,
    /// Changed.
    Modified,
    /// Deleted.
    Deleted,
}

/// A changed file that a sync leaves alone, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftAlone {
    /// The file, relative to the repository root, `/` between folders.
    pub path: String,
    /// How it changed.
    pub change: LocalChange,
    /// Why it is not committed.
    pub reason: NotYours,
}

/// Why a changed file is not the annotator's to commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotYours {
    /// Another annotator's file (by its name or its last annotator).
    OtherAnnotator(String),
    /// The shared corpus file.
    CorpusFile,
    /// An article text (shared by everyone).
    Text,
    /// An annotation file that records no annotator at all.
    NoAnnotator,
    /// An annotation file that could not be read.
    Unreadable(String),
    /// Not a Qalam file.
    NotQalam,
}

impl fmt::Display for NotYours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotYours::OtherAnnotator(name) => write!(f, "{name}'s file"),
            NotYours::CorpusFile => write!(f, "the shared corpus file"),
            NotYours::Text => write!(f, "an article text (shared)"),
            NotYours::NoAnnotator => write!(f, "records no annotator"),
            NotYours::Unreadable(why) => write!(f, "not readable: {why}"),
            NotYours::NotQalam => write!(f, "not a Qalam file"),
        }
    }
}

/// The changed files under the sync's folder, split into the annotator's and the rest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocalChanges {
    /// The annotator's files, relative to the repository root, sorted.
    pub own: Vec<(String, LocalChange)>,
    /// Everything else that changed, sorted by path.
    pub left_alone: Vec<LeftAlone>,
}

/// Lists what changed under `pathspec` (relative to the root; empty for all) and splits it by
/// the rule in the module docs. Unmerged files are [`SyncError::OperationInProgress`].
pub fn local_changes(
    git: &Git,
    pathspec: &str,
    annotator: &str,
    known: &[String],
) -> Result<LocalChanges, SyncError> {
    let mut args = vec![
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--no-renames",
        "--",
    ];
    if !pathspec.is_empty() {
        args.push(pathspec);
    }
    let output = git.ok(&args)?;
    let mut changes = LocalChanges::default();
    for entry in nul_fields(&output.stdout) {
        let (Some(xy), Some(path)) = (entry.get(..2), entry.get(3..)) else {
            continue;
        };
        let change = match xy {
            "DD" | "AU" | "UD" | "UA" | "DU" | "AA" | "UU" => {
                return Err(SyncError::OperationInProgress {
                    what: "merge".to_owned(),
                });
            }
            "??" => LocalChange::Added,
            _ if xy.starts_with('A') => LocalChange::Added,
            _ if xy.contains('D') => LocalChange::Deleted,
            _ => LocalChange::Modified,
        };
        let read = || read_annotation(git, path, change);
        match whose(path, annotator, known, read) {
            Ok(()) => changes.own.push((path.to_owned(), change)),
            Err(reason) => changes.left_alone.push(LeftAlone {
                path: path.to_owned(),
                change,
                reason,
            }),
        }
    }
    changes.own.sort_by(|a, b| a.0.cmp(&b.0));
    changes.left_alone.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(changes)
}

/// Whether the file at `path` (relative to the root) is `annotator`'s, by the rule in the
/// module docs; `read` gives its annotation when its name does not decide.
pub fn whose(
    path: &str,
    annotator: &str,
    known: &[String],
    read: impl FnOnce() -> Result<Annotation, String>,
) -> Result<(), NotYours> {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name == CORPUS_FILE_NAME {
        return Err(NotYours::CorpusFile);
    }
    if !name.to_ascii_lowercase().ends_with(ANNOTATION_SUFFIX) {
        return Err(match parse_file_name(name, &[""; 0]) {
            Some(_) => NotYours::Text,
            None => NotYours::NotQalam,
        });
    }
    let own = safe_annotator_name(annotator);
    let mut names: Vec<&str> = known.iter().map(String::as_str).collect();
    names.push(annotator);
    if let Some(named) = parse_file_name(name, &names).and_then(|parsed| parsed.annotator) {
        return if safe_annotator_name(&named) == own {
            Ok(())
        } else {
            Err(NotYours::OtherAnnotator(named))
        };
    }
    let annotation = read().map_err(NotYours::Unreadable)?;
    match last_annotator(&annotation) {
        Some(last) if safe_annotator_name(last) == own => Ok(()),
        Some(last) => Err(NotYours::OtherAnnotator(last.to_owned())),
        None => Err(NotYours::NoAnnotator),
    }
}

/// The annotation's last annotator: the annotator of its most recently changed span that
/// records one, else the file's `annotator`.
pub fn last_annotator(annotation: &Annotation) -> Option<&str> {
    annotation
        .spans()
        .iter()
        .filter(|span| span.annotator.is_some())
        .max_by_key(|span| span.modified)
        .and_then(|span| span.annotator.as_deref())
        .or_else(|| annotation.annotator())
}

/// The annotation file at `path`: from the working tree, or for a deleted file its last
/// committed version.
fn read_annotation(git: &Git, path: &str, change: LocalChange) -> Result<Annotation, String> {
    let full = git.root().join(path);
    let text = if change == LocalChange::Deleted {
        let output = git
            .run(&["show", &format!("HEAD:{path}")])
            .map_err(|error| error.to_string())?;
        if !output.ok {
            return Err(output.stderr);
        }
        output.stdout
    } else {
        std::fs::read_to_string(&full).map_err(|error| error.to_string())?
    };
    from_json_str(&text, Path::new(path)).map_err(|errors| errors.to_string())
}

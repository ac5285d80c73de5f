//! Scanning a corpus folder: find every `.txt` and `.qalam.json` file under the root
//! (recursively, skipping hidden folders such as `.git`, and hidden files such as the
//! temporary files of a save), read them on worker threads, and
//! group them into documents ([`group`](super::group)). A progress callback sees every file as
//! soon as it is read, so a window can show the first rows while the rest is still loading.
//! Symbolic links to files outside the corpus folder are not followed: each is a
//! [`ScanProblem::Unreadable`] naming where it leads. Links to folders are not entered.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, Utc};

use super::corpus_file::{CORPUS_FILE_NAME, CorpusFile, CorpusFileError};
use super::document::{
    AnnotationInfo, CorpusDocument, ScanProblem, ScannedFile, assignment_stem, slash_path,
};
use super::group::group_files;
use super::naming::parse_file_name;
use crate::io::file_names::ANNOTATION_SUFFIX;
use crate::io::load::decode_utf8;
use crate::io::qalam_json::schema::text_sha256_hex;
use crate::io::text_import::imported_text;
use crate::io::{LoadError, from_json_str};

/// A scanned corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Corpus {
    /// The folder scanned (or the folder of the single file scanned).
    pub root: PathBuf,
    /// The corpus file at the root, if there is one.
    pub file: Option<CorpusFile>,
    /// The documents, sorted by name.
    pub documents: Vec<CorpusDocument>,
    /// What the scan noticed, in path order.
    pub problems: Vec<ScanProblem>,
}

impl Corpus {
    /// The corpus's annotators: those of the corpus file, then any others seen in files
    /// (sorted).
    pub fn annotators(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .file
            .as_ref()
            .map(|file| file.annotators.clone())
            .unwrap_or_default();
        let mut seen: Vec<&str> = self
            .documents
            .iter()
            .flat_map(CorpusDocument::annotators)
            .filter(|name| !names.iter().any(|known| known == name))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        names.extend(seen.into_iter().map(str::to_owned));
        names
    }

    /// The documents `annotator` is to annotate: those assigned in the corpus file, or every
    /// document when the corpus file assigns them nothing.
    pub fn documents_of<'a>(&'a self, annotator: &str) -> Vec<&'a CorpusDocument> {
        self.documents
            .iter()
            .zip(self.assignment_mask(annotator))
            .filter_map(|(doc, assigned)| assigned.then_some(doc))
            .collect()
    }

    /// For each document (in [`Corpus::documents`] order), whether it is `annotator`'s to
    /// annotate (see [`Corpus::documents_of`]). Linear in the number of files, whatever the
    /// number of assignments.
    pub fn assignment_mask(&self, annotator: &str) -> Vec<bool> {
        let Some(paths) = self
            .file
            .as_ref()
            .and_then(|file| file.assigned_to(annotator))
        else {
            return vec![true; self.documents.len()];
        };
        let mut wanted: HashSet<&str> = HashSet::with_capacity(paths.len() * 2);
        for path in paths {
            wanted.insert(path);
            wanted.insert(assignment_stem(path));
        }
        self.documents
            .iter()
            .map(|doc| {
                doc.files.iter().any(|file| {
                    wanted.contains(file.stem.as_str())
                        || wanted.contains(file.display_path().as_str())
                })
            })
            .collect()
    }
}

/// Progress of a scan, given to the callback once per file read.
#[derive(Debug, Clone, Copy)]
pub struct ScanProgress<'a> {
    /// Files read so far (this one included).
    pub done: usize,
    /// Files found in all.
    pub total: usize,
    /// The file just read, or `None` if it could not be read.
    pub file: Option<&'a ScannedFile>,
}

/// Why a scan could not be made at all (problems with single files are [`ScanProblem`]s).
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    /// The path is neither a folder nor a readable file, or a folder could not be listed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The corpus file at the root is invalid.
    #[error(transparent)]
    CorpusFile(#[from] CorpusFileError),
}

/// Scans `path` (a folder, or a single `.txt` / `.qalam.json` file) with no progress callback.
pub fn scan(path: &Path) -> Result<Corpus, ScanError> {
    scan_with_progress(path, &|_| {})
}

/// Scans `path`, calling `on_file` (from worker threads) as each file is read.
pub fn scan_with_progress(
    path: &Path,
    on_file: &(dyn Fn(ScanProgress<'_>) + Sync),
) -> Result<Corpus, ScanError> {
    let io_error = |path: &Path| {
        let path = path.to_owned();
        move |source| ScanError::Io { path, source }
    };
    let metadata = std::fs::metadata(path).map_err(io_error(path))?;
    let (root, relative) = if metadata.is_dir() {
        let mut found = Vec::new();
        walk(path, Path::new(""), &mut found)?;
        found.sort();
        (path.to_owned(), found)
    } else {
        let root = path.parent().unwrap_or(Path::new("")).to_owned();
        let name = path.file_name().map(PathBuf::from).unwrap_or_default();
        (root, vec![name])
    };
    let corpus_path = CorpusFile::path_in(&root);
    let file = if metadata.is_dir() && corpus_path.is_file() {
        Some(CorpusFile::load(&corpus_path)?)
    } else {
        None
    };
    let known: Vec<String> = file
        .as_ref()
        .map(|file| file.annotators.clone())
        .unwrap_or_default();
    let read = read_all(&root, &relative, &known, on_file);
    let mut files = Vec::with_capacity(read.len());
    let mut problems = Vec::new();
    for result in read {
        match result {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    let (documents, mut grouping_problems) = group_files(files, file.as_ref());
    problems.append(&mut grouping_problems);
    problems.sort_by(|a, b| a.path().cmp(b.path()));
    Ok(Corpus {
        root,
        file,
        documents,
        problems,
    })
}

/// Collects the relative paths of the corpus's files under `folder` (= `root/relative`).
fn walk(folder: &Path, relative: &Path, found: &mut Vec<PathBuf>) -> Result<(), ScanError> {
    let entries = std::fs::read_dir(folder).map_err(|source| ScanError::Io {
        path: folder.to_owned(),
        source,
    })?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name_text = name.to_string_lossy();
        if name_text.starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let child = relative.join(&name);
        if kind.is_dir() {
            walk(&entry.path(), &child, found)?;
        } else if name_text != CORPUS_FILE_NAME && parse_file_name(&name_text, &[""; 0]).is_some() {
            found.push(child);
        }
    }
    Ok(())
}

/// Reads every file on as many threads as the machine has cores, keeping the input order.
fn read_all(
    root: &Path,
    relative: &[PathBuf],
    known: &[String],
    on_file: &(dyn Fn(ScanProgress<'_>) + Sync),
) -> Vec<Result<ScannedFile, ScanProblem>> {
    let total = relative.len();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(total.div_ceil(32))
        .max(1);
    let work = || {
        let mut out = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(path) = relative.get(index) else {
                break;
            };
            let result = read_file(root, path, known);
            let done = done.fetch_add(1, Ordering::Relaxed) + 1;
            on_file(ScanProgress {
                done,
                total,
                file: result.as_ref().ok(),
            });
            out.push((index, result));
        }
        out
    };
    let mut results: Vec<(usize, Result<ScannedFile, ScanProblem>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (1..workers).map(|_| s.spawn(work)).collect();
        let mut all = work();
        for handle in handles {
            // A worker that panicked loses its files; they are then missing, not wrong.
            if let Ok(mut part) = handle.join() {
                all.append(&mut part);
            }
        }
        all
    });
    results.sort_unstable_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
}

/// Where `full` leads if it is a symbolic link whose target is outside `root` (a corpus reads
/// only its own folder); `None` for ordinary files, links inside the folder and broken links
/// (which then fail to open with their own error).
fn link_outside(root: &Path, full: &Path) -> Option<PathBuf> {
    let is_link = std::fs::symlink_metadata(full).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return None;
    }
    let target = full.canonicalize().ok()?;
    let root = root.canonicalize().ok()?;
    (!target.starts_with(&root)).then_some(target)
}

/// Reads one file (`relative` to `root`) into its summary.
///
/// Not through `load_path`: a scan needs no disk state (so the bytes are not hashed a second
/// time on a helper thread per file) and, for a plain text, no annotation, only the hash of
/// the text import would produce.
fn read_file(root: &Path, relative: &Path, known: &[String]) -> Result<ScannedFile, ScanProblem> {
    let full = root.join(relative);
    let unreadable = |error: LoadError| ScanProblem::Unreadable {
        path: relative.to_owned(),
        message: error.to_string(),
    };
    let io_error = |error| unreadable(LoadError::Io(full.clone(), error));
    if let Some(target) = link_outside(root, &full) {
        return Err(ScanProblem::Unreadable {
            path: relative.to_owned(),
            message: format!(
                "a symbolic link to {}, outside the corpus folder: not followed",
                target.display()
            ),
        });
    }
    let mut file = std::fs::File::open(&full).map_err(io_error)?;
    let metadata = file.metadata().map_err(io_error)?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.read_to_end(&mut bytes).map_err(io_error)?;
    let name = relative
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let is_annotation = name.to_ascii_lowercase().ends_with(ANNOTATION_SUFFIX);
    let text = decode_utf8(&full, &bytes).map_err(unreadable)?;
    if !is_annotation {
        let stem_name = parse_file_name(&name, &[""; 0]).map_or(name.clone(), |p| p.stem);
        return Ok(ScannedFile {
            path: relative.to_owned(),
            stem: slash_path(&relative.with_file_name(stem_name)),
            text_sha256: text_sha256_hex(imported_text(text)),
            modified: metadata.modified().ok().map(DateTime::<Utc>::from),
            annotation: None,
        });
    }
    let ann = from_json_str(text, &full)
        .map_err(|errors| unreadable(LoadError::Invalid(full.clone(), errors)))?;
    let mut names: Vec<&str> = known.iter().map(String::as_str).collect();
    if let Some(own) = ann.annotator() {
        names.push(own);
    }
    let parsed = parse_file_name(&name, &names);
    let stem_name = parsed.as_ref().map_or(name.as_str(), |p| p.stem.as_str());
    let stem = slash_path(&relative.with_file_name(stem_name));
    // The gold file (`article.gold.qalam.json`) is nobody's annotation (see `naming`).
    let gold = parsed.as_ref().is_some_and(|p| p.gold);
    let annotator = if gold {
        None
    } else {
        parsed
            .and_then(|p| p.annotator)
            .or_else(|| ann.annotator().map(str::to_owned))
    };
    let mut info = AnnotationInfo::of(&ann, annotator);
    info.gold = gold;
    Ok(ScannedFile {
        path: relative.to_owned(),
        stem,
        text_sha256: text_sha256_hex(ann.document().text()),
        modified: Some(ann.modified()),
        annotation: Some(info),
    })
}

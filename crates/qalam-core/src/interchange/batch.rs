//! Running an export or import over many files: collecting `.qalam.json` files from folders,
//! feeding an [`Exporter`](super::Exporter) one document at a time (so memory does not grow with
//! the corpus), reporting progress, honouring cancellation, and naming the files an import
//! writes. Used by both the command line and the GUI.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{ExportOptions, Format, ImportOptions, Imported, InterchangeError, Report};
use crate::io::file_names::{ANNOTATION_SUFFIX, is_annotation_file};
use crate::io::load_path;
use crate::io::open_target::open_target;
use crate::model::Annotation;

/// Where a batch has got to, passed to the progress callback before each file.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    /// Files finished so far.
    pub done: usize,
    /// Files in the batch.
    pub total: usize,
    /// Bytes of the files finished so far.
    pub bytes_done: u64,
    /// The file about to be processed (`None` once all are done).
    pub current: Option<&'a Path>,
}

/// What an export did.
#[derive(Debug, Default)]
pub struct ExportSummary {
    /// Documents written.
    pub documents: usize,
    /// Spans in those documents (before any change).
    pub spans: usize,
    /// Every span changed or dropped.
    pub report: Report,
    /// Files that could not be read, with the reason; they were skipped.
    pub unreadable: Vec<(PathBuf, String)>,
}

/// The annotation files named by `paths`: a file is taken as given (a `.txt` with a saved
/// `NAME.qalam.json` beside it stands for that file); a folder contributes every `*.qalam.json`
/// under it, recursively, in sorted order. Duplicates are removed, first mention kept.
pub fn collect_annotation_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, InterchangeError> {
    let mut seen = BTreeSet::new();
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found, &|file| is_annotation_file(file))?;
            found.sort();
            for file in found {
                if seen.insert(file.clone()) {
                    files.push(file);
                }
            }
        } else {
            let file = open_target(path).path;
            if seen.insert(file.clone()) {
                files.push(file);
            }
        }
    }
    Ok(files)
}

/// Every file under `folder` (recursively) for which `keep` is true, unsorted.
pub fn walk(
    folder: &Path,
    found: &mut Vec<PathBuf>,
    keep: &dyn Fn(&Path) -> bool,
) -> Result<(), InterchangeError> {
    let entries = std::fs::read_dir(folder).map_err(|e| InterchangeError::io(folder, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| InterchangeError::io(folder, e))?;
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|e| InterchangeError::io(&path, e))?;
        if kind.is_dir() {
            walk(&path, found, keep)?;
        } else if kind.is_file() && keep(&path) {
            found.push(path);
        }
    }
    Ok(())
}

/// Exports `files` (annotation or text files) as `format` to `out`. `progress` is called before
/// each file and once at the end; returning `false` cancels the export, and then nothing is
/// written ([`InterchangeError::Cancelled`]). Unreadable files are skipped and listed.
pub fn export_files(
    format: Format,
    files: &[PathBuf],
    out: &Path,
    options: &ExportOptions,
    progress: &mut dyn FnMut(Progress<'_>) -> bool,
) -> Result<ExportSummary, InterchangeError> {
    let documents = files.iter().map(|file| {
        load_path(file)
            .map(|loaded| std::borrow::Cow::Owned(loaded.annotation))
            .map_err(|error| error.to_string())
    });
    export_stream(format, files, documents, out, options, progress)
}

/// Exports annotations already in memory (open documents, with their unsaved changes), like
/// [`export_files`]; progress names each by its document id.
pub fn export_annotations(
    format: Format,
    annotations: &[Annotation],
    out: &Path,
    options: &ExportOptions,
    progress: &mut dyn FnMut(Progress<'_>) -> bool,
) -> Result<ExportSummary, InterchangeError> {
    let names: Vec<PathBuf> = annotations
        .iter()
        .map(|annotation| PathBuf::from(&annotation.document().id))
        .collect();
    let documents = annotations
        .iter()
        .map(|a| Ok(std::borrow::Cow::Borrowed(a)));
    export_stream(format, &names, documents, out, options, progress)
}

fn export_stream<'a>(
    format: Format,
    names: &[PathBuf],
    documents: impl Iterator<Item = Result<std::borrow::Cow<'a, Annotation>, String>>,
    out: &Path,
    options: &ExportOptions,
    progress: &mut dyn FnMut(Progress<'_>) -> bool,
) -> Result<ExportSummary, InterchangeError> {
    let mut exporter = super::exporter(format, out, options)?;
    let mut summary = ExportSummary::default();
    let mut bytes_done = 0;
    for (done, (name, document)) in names.iter().zip(documents).enumerate() {
        let step = Progress {
            done,
            total: names.len(),
            bytes_done,
            current: Some(name),
        };
        if !progress(step) {
            return Err(InterchangeError::Cancelled);
        }
        match document {
            Ok(annotation) => {
                bytes_done += annotation.document().text().len() as u64;
                summary.documents += 1;
                summary.spans += annotation.spans().len();
                exporter.write(&annotation, &mut summary.report)?;
            }
            Err(reason) => summary.unreadable.push((name.clone(), reason)),
        }
    }
    let end = Progress {
        done: names.len(),
        total: names.len(),
        bytes_done,
        current: None,
    };
    if !progress(end) {
        return Err(InterchangeError::Cancelled);
    }
    exporter.finish(&mut summary.report)?;
    Ok(summary)
}

/// Saves imported documents into `folder` (created if missing), one `ID.qalam.json` each (see
/// [`import_file_name`]; existing files are never overwritten). Returns the paths in order.
pub fn save_imported(
    documents: &[Annotation],
    folder: &Path,
) -> Result<Vec<PathBuf>, InterchangeError> {
    std::fs::create_dir_all(folder).map_err(|e| InterchangeError::io(folder, e))?;
    let mut taken = BTreeSet::new();
    let mut paths = Vec::with_capacity(documents.len());
    for annotation in documents {
        let path = import_file_name(folder, &annotation.document().id, &mut taken);
        crate::io::save_path(&path, annotation, None, false).map_err(|error| match error {
            crate::io::SaveError::Io(path, error) => InterchangeError::io(path, error),
            other => InterchangeError::Options(other.to_string()),
        })?;
        paths.push(path);
    }
    Ok(paths)
}

/// Imports every path as `format` (a folder is passed whole to folder formats and walked for
/// files with the format's extensions otherwise), documents in input order.
pub fn import_paths(
    format: Format,
    paths: &[PathBuf],
    options: &ImportOptions,
) -> Result<Imported, InterchangeError> {
    let mut all = Imported::default();
    for path in paths {
        let inputs = if path.is_dir() && !format.writes_folder() {
            let mut found = Vec::new();
            walk(path, &mut found, &|file| {
                has_extension(file, format.extensions())
            })?;
            found.sort();
            found
        } else {
            vec![path.clone()]
        };
        for input in inputs {
            let imported = super::import(format, &input, options)?;
            all.documents.extend(imported.documents);
            all.report.entries.extend(imported.report.entries);
        }
    }
    Ok(all)
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    extensions
        .iter()
        .any(|extension| name.ends_with(&format!(".{extension}")))
}

/// The file an imported document with id `id` is saved to in `folder`: `ID.qalam.json`, with
/// characters that cannot be in a file name replaced by `_`, and ` (2)`, ` (3)`… appended when
/// the name is taken (in `taken` or on disk).
pub fn import_file_name(folder: &Path, id: &str, taken: &mut BTreeSet<PathBuf>) -> PathBuf {
    let cleaned: String = id
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '\0' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let stem = match cleaned.trim().trim_start_matches('.') {
        "" => "document".to_owned(),
        stem => stem.to_owned(),
    };
    let mut number = 1;
    loop {
        let name = if number == 1 {
            format!("{stem}{ANNOTATION_SUFFIX}")
        } else {
            format!("{stem} ({number}){ANNOTATION_SUFFIX}")
        };
        let path = folder.join(name);
        if !path.exists() && taken.insert(path.clone()) {
            return path;
        }
        number += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_names_are_cleaned_and_never_collide() {
        let folder = tempfile::tempdir().unwrap();
        let mut taken = BTreeSet::new();
        let first = import_file_name(folder.path(), "news/2024:01", &mut taken);
        assert_eq!(first, folder.path().join("news_2024_01.qalam.json"));
        let second = import_file_name(folder.path(), "news/2024:01", &mut taken);
        assert_eq!(second, folder.path().join("news_2024_01 (2).qalam.json"));
        std::fs::write(folder.path().join("مقال.qalam.json"), "{}").unwrap();
        let third = import_file_name(folder.path(), "مقال", &mut taken);
        assert_eq!(third, folder.path().join("مقال (2).qalam.json"));
        assert_eq!(
            import_file_name(folder.path(), "..", &mut taken),
            folder.path().join("document.qalam.json")
        );
    }

    #[test]
    fn folders_give_their_annotation_files_sorted_and_once() {
        let folder = tempfile::tempdir().unwrap();
        let sub = folder.path().join("b");
        std::fs::create_dir(&sub).unwrap();
        for file in [
            "b/z.qalam.json",
            "a.qalam.json",
            "notes.txt",
            "b/y.qalam.json",
        ] {
            std::fs::write(folder.path().join(file), "{}").unwrap();
        }
        let again = folder.path().join("a.qalam.json");
        let files = collect_annotation_files(&[folder.path().to_owned(), again]).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|f| f.strip_prefix(folder.path()).unwrap().to_owned())
            .collect();
        assert_eq!(
            names,
            [
                PathBuf::from("a.qalam.json"),
                PathBuf::from("b/y.qalam.json"),
                PathBuf::from("b/z.qalam.json")
            ]
        );
    }
}

//! `qalam import --format FORMAT [-o DIR] PATH...`: reads files in a dataset format and writes
//! one `.qalam.json` per document, with a summary of every problem found (file and line) and,
//! with `--report FILE`, the full list.

use std::io::Write;
use std::path::{Path, PathBuf};

use qalam_core::interchange::batch::{import_paths, save_imported};

use super::export::{print_entries, usage, write_report};
use super::options::{FormatOptions, ImportArgs};
use super::{EXIT_OK, EXIT_PROBLEMS, plural};

/// Runs an import; returns the exit code (0 everything imported exactly, 1 problems reported,
/// 2 bad usage or unreadable input).
pub fn import(
    paths: &[PathBuf],
    out_folder: Option<&Path>,
    options: &FormatOptions,
    mapping: &ImportArgs,
    report_path: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let (format, import_options) = match options.import_options(mapping) {
        Ok(parsed) => parsed,
        Err(message) => return usage(err, &message),
    };
    let imported = match import_paths(format, paths, &import_options) {
        Ok(imported) => imported,
        Err(error) => return usage(err, &error.to_string()),
    };
    let folder = match out_folder {
        Some(folder) => folder.to_owned(),
        None => PathBuf::from("."),
    };
    if let Err(error) = save_imported(&imported.documents, &folder) {
        return usage(err, &error.to_string());
    }
    let spans: usize = imported.documents.iter().map(|a| a.spans().len()).sum();
    let (changed, dropped, noted) = imported.report.counts();
    let _ = writeln!(
        out,
        "imported {}, {}, from {} into {}: {} changed, {dropped} dropped, {}",
        plural(imported.documents.len(), "document"),
        plural(spans, "span"),
        format.name(),
        folder.display(),
        plural(changed, "span"),
        plural(noted, "note")
    );
    print_entries(&imported.report, out);
    if let Some(path) = report_path
        && let Err(message) = write_report(path, &imported.report)
    {
        return usage(err, &message);
    }
    if changed + dropped > 0 {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    }
}

//! `qalam export --format FORMAT -o OUT PATH...`: writes annotation files (or folders of them)
//! in a dataset format, with a summary of every span that had to change or be dropped and,
//! with `--report FILE`, the full list.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use qalam_core::interchange::batch::{ExportSummary, collect_annotation_files, export_files};
use qalam_core::interchange::{ExportOptions, Format, Report};

use super::options::{ExportArgs, FormatOptions};
use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, plural};

/// How many report lines the summary prints before pointing at `--report`.
const SUMMARY_LINES: usize = 20;

/// Runs an export; returns the exit code (0 all spans kept exactly, 1 some changed or dropped or
/// a file unreadable, 2 bad usage or the output could not be written).
pub fn export(
    paths: &[PathBuf],
    out_path: &Path,
    options: &FormatOptions,
    mapping: &ExportArgs,
    report_path: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let (format, export_options) = match options.export_options(mapping) {
        Ok(parsed) => parsed,
        Err(message) => return usage(err, &message),
    };
    let files = match collect_annotation_files(paths) {
        Ok(files) if files.is_empty() => return usage(err, "no annotation files found"),
        Ok(files) => files,
        Err(error) => return usage(err, &error.to_string()),
    };
    let result = with_progress(files.len(), |progress| {
        export_files(format, &files, out_path, &export_options, progress)
    });
    let summary = match result {
        Ok(summary) => summary,
        Err(error) => return usage(err, &error.to_string()),
    };
    print_summary(format, out_path, &export_options, &summary, out);
    if let Some(path) = report_path
        && let Err(message) = write_report(path, &summary.report)
    {
        return usage(err, &message);
    }
    for (file, reason) in &summary.unreadable {
        let _ = writeln!(err, "qalam: skipped {}: {reason}", file.display());
    }
    let (changed, dropped, _) = summary.report.counts();
    if changed + dropped > 0 || !summary.unreadable.is_empty() {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    }
}

/// Runs `work` with a progress bar on stderr when it is a terminal and there is more than one
/// file; the callback never cancels.
pub(super) fn with_progress<T>(
    total: usize,
    work: impl FnOnce(&mut dyn FnMut(qalam_core::interchange::batch::Progress<'_>) -> bool) -> T,
) -> T {
    let bar = (total > 1 && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(total as u64);
        if let Ok(style) =
            ProgressStyle::with_template("{bar:30} {pos}/{len} files, {msg} {elapsed}")
        {
            bar.set_style(style);
        }
        bar
    });
    let mut callback = |step: qalam_core::interchange::batch::Progress<'_>| {
        if let Some(bar) = &bar {
            bar.set_position(step.done as u64);
            bar.set_message(format!("{:.1} MB", step.bytes_done as f64 / 1e6));
        }
        true
    };
    let result = work(&mut callback);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    result
}

fn print_summary(
    format: Format,
    out_path: &Path,
    _options: &ExportOptions,
    summary: &ExportSummary,
    out: &mut dyn Write,
) {
    let (changed, dropped, noted) = summary.report.counts();
    let _ = writeln!(
        out,
        "exported {}, {}, as {} to {}: {} changed, {dropped} dropped{}",
        plural(summary.documents, "document"),
        plural(summary.spans, "span"),
        format.name(),
        out_path.display(),
        plural(changed, "span"),
        if noted > 0 {
            format!(", {}", plural(noted, "note"))
        } else {
            String::new()
        }
    );
    print_entries(&summary.report, out);
}

/// Prints the first report entries and how many more there are.
pub(super) fn print_entries(report: &Report, out: &mut dyn Write) {
    for entry in report.entries.iter().take(SUMMARY_LINES) {
        let _ = writeln!(out, "  {entry}");
    }
    if report.entries.len() > SUMMARY_LINES {
        let _ = writeln!(
            out,
            "  … and {} more (--report FILE writes them all)",
            report.entries.len() - SUMMARY_LINES
        );
    }
}

/// Writes the full report, one entry per line, atomically.
pub(super) fn write_report(path: &Path, report: &Report) -> Result<(), String> {
    qalam_core::io::atomic::write_atomically(path, |file| write!(file, "{report}"))
        .map_err(|error| format!("could not write the report {}: {error}", path.display()))
}

pub(super) fn usage(err: &mut dyn Write, message: &str) -> u8 {
    let _ = writeln!(err, "qalam: {message}");
    EXIT_USAGE
}

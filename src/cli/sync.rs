//! `qalam sync PATH [--annotator NAME] [--json] [--dry-run]`: commit the annotator's own changed
//! files in the corpus folder's git repository, pull, push, and print what was committed, what
//! came in and what was pushed (over `qalam_core::corpus::sync`).
//!
//! Exit codes: 0 synced (files that are not the annotator's may be left alone: listed, not a
//! problem), 1 the sync stopped (no remote, offline, push refused, a conflict that was undone…;
//! what was committed is still printed), 2 no annotator name, a path that is not a folder in a
//! git repository, or no `git`.

use std::io::Write;
use std::path::Path;

use qalam_core::corpus::sync::{
    FileChange, LocalChange, SyncError, SyncOptions, SyncOutcome, sync as run_sync,
};
use serde_json::{Value, json};

use super::table::{Align, render};
use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, plural};

/// The environment variable read when `--annotator` is not given.
pub const ANNOTATOR_VARIABLE: &str = "QALAM_ANNOTATOR";

/// Syncs the folder `path` as `annotator` (else `$QALAM_ANNOTATOR`); prints the outcome on
/// `out` and failures on `err`.
pub fn sync(
    path: &Path,
    annotator: Option<&str>,
    as_json: bool,
    dry_run: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let annotator = annotator
        .map(str::to_owned)
        .or_else(|| std::env::var(ANNOTATOR_VARIABLE).ok())
        .unwrap_or_default();
    let options = SyncOptions {
        folder: path.to_owned(),
        annotator,
        dry_run,
    };
    let outcome = match run_sync(&options, &mut |_| {}) {
        Ok(outcome) => outcome,
        Err(error) => {
            let _ = writeln!(err, "qalam: {}: {error}", path.display());
            if as_json {
                let _ = writeln!(out, "{:#}", json!({ "error": error.to_string() }));
            }
            return match error {
                SyncError::GitMissing
                | SyncError::NotARepository { .. }
                | SyncError::BadPath { .. }
                | SyncError::NoAnnotator => EXIT_USAGE,
                _ => EXIT_PROBLEMS,
            };
        }
    };
    let written = if as_json {
        writeln!(out, "{:#}", outcome_json(&outcome))
    } else {
        out.write_all(outcome_text(&outcome).as_bytes())
    };
    if written.is_err() {
        return EXIT_USAGE;
    }
    match &outcome.stopped {
        Some(stopped) => {
            let _ = writeln!(err, "qalam: sync stopped: {stopped}");
            EXIT_PROBLEMS
        }
        None => EXIT_OK,
    }
}

fn local_change_name(change: LocalChange) -> &'static str {
    match change {
        LocalChange::Added => "added",
        LocalChange::Modified => "modified",
        LocalChange::Deleted => "deleted",
    }
}

fn file_change_name(change: FileChange) -> &'static str {
    match change {
        FileChange::Added => "added",
        FileChange::Modified => "modified",
        FileChange::Deleted => "deleted",
    }
}

/// The outcome as one JSON object.
fn outcome_json(outcome: &SyncOutcome) -> Value {
    let incoming = &outcome.incoming;
    json!({
        "root": outcome.root.display().to_string(),
        "branch": outcome.branch,
        "upstream": outcome.upstream,
        "dry_run": outcome.dry_run,
        "committed": outcome.committed,
        "commit": outcome.commit,
        "message": outcome.message,
        "left_alone": outcome.left_alone.iter().map(|file| json!({
            "path": file.path,
            "change": local_change_name(file.change),
            "reason": file.reason.to_string(),
        })).collect::<Vec<_>>(),
        "incoming": {
            "commits": incoming.commits,
            "new_documents": incoming.new_documents,
            "annotation_files": incoming.annotation_files.iter().map(|file| json!({
                "path": file.path,
                "annotator": file.annotator,
                "change": file_change_name(file.change),
            })).collect::<Vec<_>>(),
            "corpus_file": incoming.corpus_file,
            "other": incoming.other,
        },
        "progress": outcome.progress.iter().map(|change| json!({
            "name": change.after.name,
            "before": change.before.as_ref().map(|p| json!({"done": p.done, "total": p.total})),
            "after": {"done": change.after.done, "total": change.after.total},
        })).collect::<Vec<_>>(),
        "pushed": outcome.pushed,
        "stopped": outcome.stopped.as_ref().map(ToString::to_string),
    })
}

/// The outcome as lines for the terminal.
fn outcome_text(outcome: &SyncOutcome) -> String {
    let mut text = format!(
        "repository: {} (branch {}{})\n",
        outcome.root.display(),
        outcome.branch,
        outcome
            .upstream
            .as_ref()
            .map(|up| format!(" ↔ {up}"))
            .unwrap_or_default()
    );
    let subject = outcome.message.lines().next().unwrap_or("");
    match (&outcome.commit, outcome.committed.len()) {
        (_, 0) => text.push_str("nothing of yours to commit\n"),
        (Some(hash), n) => text.push_str(&format!(
            "committed {} ({hash}): {subject}\n",
            plural(n, "file")
        )),
        (None, n) => text.push_str(&format!("would commit {}: {subject}\n", plural(n, "file"))),
    }
    for path in &outcome.committed {
        text.push_str(&format!("  {path}\n"));
    }
    if !outcome.left_alone.is_empty() {
        text.push_str("left alone (not yours):\n");
        for file in &outcome.left_alone {
            text.push_str(&format!(
                "  {} ({}, {})\n",
                file.path,
                local_change_name(file.change),
                file.reason
            ));
        }
    }
    if outcome.dry_run {
        text.push_str("dry run: nothing was fetched, committed or pushed\n");
        return text;
    }
    let incoming = &outcome.incoming;
    if incoming.commits == 0 {
        if outcome.stopped.is_none() {
            text.push_str("came in: nothing new\n");
        }
    } else {
        text.push_str(&format!(
            "came in: {}\n",
            plural(incoming.commits, "commit")
        ));
        if !incoming.new_documents.is_empty() {
            text.push_str(&format!(
                "  new documents: {}\n",
                incoming.new_documents.join(", ")
            ));
        }
        for (annotator, files) in incoming.by_annotator() {
            text.push_str(&format!(
                "  {annotator}: {}\n",
                plural(files, "annotation file")
            ));
        }
        if incoming.corpus_file {
            text.push_str("  the corpus file changed\n");
        }
        if !incoming.other.is_empty() {
            text.push_str(&format!("  other files: {}\n", incoming.other.join(", ")));
        }
    }
    if !outcome.progress.is_empty() {
        let rows: Vec<Vec<String>> = outcome
            .progress
            .iter()
            .map(|change| {
                vec![
                    change.after.name.clone(),
                    change
                        .before
                        .as_ref()
                        .map_or_else(|| "-".to_owned(), |p| format!("{}/{}", p.done, p.total)),
                    format!("{}/{}", change.after.done, change.after.total),
                ]
            })
            .collect();
        text.push_str(&render(
            &[
                ("annotator", Align::Left),
                ("done before", Align::Right),
                ("done now", Align::Right),
            ],
            &rows,
        ));
    }
    if outcome.stopped.is_none() {
        let upstream = outcome.upstream.as_deref().unwrap_or("the remote");
        text.push_str(&match outcome.pushed {
            0 => "nothing to push\n".to_owned(),
            n => format!("pushed {} to {upstream}\n", plural(n, "commit")),
        });
    }
    text
}

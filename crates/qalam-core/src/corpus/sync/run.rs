//! The sync itself, step by step (the steps are described in the module docs of
//! [`sync`](super)).

use std::path::{Path, PathBuf};

use super::error::SyncError;
use super::git::Git;
use super::incoming::{Incoming, incoming};
use super::integrate::{commits_behind, integrate, operation_in_progress};
use super::outcome::{ProgressChange, SyncOptions, SyncOutcome, SyncStep};
use super::own_files::local_changes;
use super::remote::{PushFailure, Upstream, fetch, push, upstream_of};
use crate::corpus::document::slash_path;
use crate::corpus::naming::{parse_file_name, safe_annotator_name};
use crate::corpus::{CorpusFile, scan};
use crate::stats::{AnnotatorProgress, annotator_progress};

/// How many times a push rejected because a colleague pushed first is retried.
const PUSH_TRIES: usize = 3;

/// Commits the annotator's own changed files, pulls, pushes and reports what came in (see the
/// module docs). `on_step` is called as each step starts.
pub fn sync(
    options: &SyncOptions,
    on_step: &mut dyn FnMut(SyncStep),
) -> Result<SyncOutcome, SyncError> {
    on_step(SyncStep::Checking);
    let annotator = options.annotator.trim();
    if annotator.is_empty() {
        return Err(SyncError::NoAnnotator);
    }
    let folder = folder_of(&options.folder)?;
    let (mut git, pathspec) = open_repository(&folder)?;
    if let Some(what) = operation_in_progress(&git)? {
        return Err(SyncError::OperationInProgress {
            what: what.to_owned(),
        });
    }
    let branch = git.run(&["symbolic-ref", "--quiet", "--short", "HEAD"])?;
    if !branch.ok {
        return Err(SyncError::DetachedHead);
    }
    let branch = branch.line().to_owned();
    let known = known_annotators(&folder, git.root());
    let changes = local_changes(&git, &pathspec, annotator, &known)?;
    let committed: Vec<String> = changes.own.iter().map(|(path, _)| path.clone()).collect();
    let message = commit_message(annotator, &committed, &known);
    let upstream = upstream_of(&git, &branch);
    let mut outcome = SyncOutcome {
        root: git.root().to_owned(),
        branch: branch.clone(),
        upstream: upstream.as_ref().ok().map(Upstream::name),
        committed,
        commit: None,
        message,
        left_alone: changes.left_alone,
        incoming: Incoming::default(),
        progress: Vec::new(),
        pushed: 0,
        stopped: None,
        dry_run: options.dry_run,
    };
    if options.dry_run {
        outcome.stopped = upstream.err();
        return Ok(outcome);
    }
    let email = format!("{}@qalam.invalid", safe_annotator_name(annotator));
    git.fill_identity(annotator, &email)?;
    if !outcome.committed.is_empty() {
        on_step(SyncStep::Committing);
        outcome.commit = Some(commit(&git, &outcome.committed, &outcome.message)?);
    }
    if let Err(error) = pull_and_push(
        &git,
        &folder,
        &pathspec,
        &branch,
        upstream,
        &mut outcome,
        on_step,
    ) {
        outcome.stopped = Some(error);
    }
    Ok(outcome)
}

/// Steps 3 to 6: fetch, rebase, push (again after a rejection), what came in.
fn pull_and_push(
    git: &Git,
    folder: &Path,
    pathspec: &str,
    branch: &str,
    upstream: Result<Upstream, SyncError>,
    outcome: &mut SyncOutcome,
    on_step: &mut dyn FnMut(SyncStep),
) -> Result<(), SyncError> {
    let upstream = upstream?;
    let tracking = upstream.tracking();
    let before_pull = git.commit_of("HEAD")?;
    let mut behind = 0;
    let mut progress_before = None;
    let mut tries = 0;
    loop {
        tries += 1;
        on_step(SyncStep::Fetching);
        fetch(git, &upstream)?;
        let new = commits_behind(git, &tracking)?;
        if new > 0 {
            on_step(SyncStep::Pulling);
            if progress_before.is_none() {
                progress_before = Some(progress_of(folder));
            }
            integrate(git, &tracking)?;
            behind += new;
        }
        on_step(SyncStep::Pushing);
        match push(git, &upstream, branch) {
            Ok(pushed) => {
                outcome.pushed = pushed;
                break;
            }
            Err(PushFailure::Behind(detail)) if tries >= PUSH_TRIES => {
                return Err(SyncError::PushRejected { detail });
            }
            Err(PushFailure::Behind(_)) => continue,
            Err(PushFailure::Error(error)) => return Err(error),
        }
    }
    if behind > 0 {
        on_step(SyncStep::Reading);
        let after_pull = git.commit_of("HEAD")?.unwrap_or_default();
        let known = known_annotators(folder, git.root());
        outcome.incoming = incoming(
            git,
            before_pull.as_deref(),
            &after_pull,
            pathspec,
            behind,
            &known,
        )?;
        let after = progress_of(folder);
        outcome.progress = progress_changes(progress_before.unwrap_or_default(), after);
    }
    Ok(())
}

/// The folder a path names: itself, or the folder of a file.
fn folder_of(path: &Path) -> Result<PathBuf, SyncError> {
    let metadata = std::fs::metadata(path).map_err(|error| SyncError::BadPath {
        path: path.to_owned(),
        detail: error.to_string(),
    })?;
    let folder = if metadata.is_dir() {
        path.to_owned()
    } else {
        match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
            _ => PathBuf::from("."),
        }
    };
    Ok(std::fs::canonicalize(&folder).unwrap_or(folder))
}

/// The repository `folder` is in (as a [`Git`] run at its top) and `folder` relative to the top
/// (empty at the top).
fn open_repository(folder: &Path) -> Result<(Git, String), SyncError> {
    let probe = Git::new(folder);
    let top = probe.run(&["rev-parse", "--show-toplevel"])?;
    if !top.ok {
        return Err(if top.stderr.contains("not a git repository") {
            SyncError::NotARepository {
                path: folder.to_owned(),
            }
        } else {
            probe.failed(&["rev-parse", "--show-toplevel"], &top)
        });
    }
    let root = PathBuf::from(top.line());
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    let pathspec = folder
        .strip_prefix(&root)
        .map(slash_path)
        .unwrap_or_default();
    Ok((Git::new(&root), pathspec))
}

/// The annotators of the corpus file in `folder` or the nearest folder above it (up to the
/// repository's `root`); none when there is none or it cannot be read.
fn known_annotators(folder: &Path, root: &Path) -> Vec<String> {
    for dir in folder.ancestors() {
        let path = CorpusFile::path_in(dir);
        if path.is_file() {
            return CorpusFile::load(&path)
                .map(|file| file.annotators)
                .unwrap_or_default();
        }
        if dir == root {
            break;
        }
    }
    Vec::new()
}

/// Stages exactly `paths` and commits only them; returns the short hash.
fn commit(git: &Git, paths: &[String], message: &str) -> Result<String, SyncError> {
    let mut add = vec!["add", "--"];
    add.extend(paths.iter().map(String::as_str));
    git.ok(&add)?;
    let mut args = vec!["commit", "--quiet", "--only", "-m", message, "--"];
    args.extend(paths.iter().map(String::as_str));
    git.ok(&args)?;
    Ok(git.ok(&["rev-parse", "--short", "HEAD"])?.line().to_owned())
}

/// The commit message: `Qalam sync: أمل — 3 documents (a, news/b, c)` (three names at most,
/// then `…`), then a line per file.
pub fn commit_message(annotator: &str, paths: &[String], known: &[String]) -> String {
    if paths.is_empty() {
        return String::new();
    }
    let mut names: Vec<&str> = known.iter().map(String::as_str).collect();
    names.push(annotator);
    let mut stems: Vec<String> = paths
        .iter()
        .map(|path| {
            let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
            let stem = parse_file_name(name, &names).map_or(name.to_owned(), |parsed| parsed.stem);
            if folder.is_empty() {
                stem
            } else {
                format!("{folder}/{stem}")
            }
        })
        .collect();
    stems.dedup();
    let count = if stems.len() == 1 {
        "1 document".to_owned()
    } else {
        format!("{} documents", stems.len())
    };
    let mut shown = stems.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
    if stems.len() > 3 {
        shown.push_str(", …");
    }
    let mut message = format!("Qalam sync: {annotator} — {count} ({shown})\n\n");
    for path in paths {
        message.push_str(path);
        message.push('\n');
    }
    message
}

/// Every annotator's progress in the corpus at `folder` (empty if it cannot be scanned).
fn progress_of(folder: &Path) -> Vec<AnnotatorProgress> {
    scan(folder)
        .map(|corpus| annotator_progress(std::slice::from_ref(&corpus)))
        .unwrap_or_default()
}

/// Pairs each annotator's progress after the pull with theirs before.
fn progress_changes(
    before: Vec<AnnotatorProgress>,
    after: Vec<AnnotatorProgress>,
) -> Vec<ProgressChange> {
    after
        .into_iter()
        .map(|after| ProgressChange {
            before: before.iter().find(|p| p.name == after.name).cloned(),
            after,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_names_the_annotator_and_at_most_three_documents() {
        let paths = [
            "a.أمل.qalam.json".to_owned(),
            "news/b.أمل.qalam.json".to_owned(),
        ];
        let message = commit_message("أمل", &paths, &[]);
        assert_eq!(
            message,
            "Qalam sync: أمل — 2 documents (a, news/b)\n\na.أمل.qalam.json\nnews/b.أمل.qalam.json\n"
        );
        let many: Vec<String> = (1..=5).map(|i| format!("d{i}.Omar.qalam.json")).collect();
        let message = commit_message("Omar", &many, &[]);
        assert!(
            message.starts_with("Qalam sync: Omar — 5 documents (d1, d2, d3, …)\n"),
            "{message}"
        );
        assert!(message.contains("\nd5.Omar.qalam.json\n"), "{message}");
        assert_eq!(commit_message("Omar", &[], &[]), "");
    }
}

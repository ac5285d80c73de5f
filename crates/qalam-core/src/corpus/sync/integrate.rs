//! Bringing the colleagues' commits in without ever leaving the repository mid-rebase: a
//! check that they touch no file with uncommitted changes, `git rebase --autostash`, and
//! `git rebase --abort` on any failure.

use std::collections::BTreeSet;

use super::error::SyncError;
use super::git::{Git, nul_fields};

/// The number of commits of `tracking` that `HEAD` does not have (`HEAD` unborn: all of them).
pub fn commits_behind(git: &Git, tracking: &str) -> Result<usize, SyncError> {
    if git.commit_of(tracking)?.is_none() {
        return Ok(0);
    }
    let range = match git.commit_of("HEAD")? {
        Some(_) => format!("HEAD..{tracking}"),
        None => tracking.to_owned(),
    };
    Ok(git
        .ok(&["rev-list", "--count", &range])?
        .line()
        .parse()
        .unwrap_or(0))
}

/// Rebases `HEAD` onto `tracking` (a fast-forward when there is nothing local). Refuses first if
/// the incoming commits touch a file with uncommitted changes; aborts a rebase that fails, so
/// the repository is as before, and reports the conflicting files.
pub fn integrate(git: &Git, tracking: &str) -> Result<(), SyncError> {
    let head = git.commit_of("HEAD")?;
    let touched = match &head {
        Some(_) => names(
            git,
            &["diff", "--name-only", "-z", &format!("HEAD...{tracking}")],
        )?,
        None => names(git, &["ls-tree", "-r", "-z", "--name-only", tracking])?,
    };
    let dirty = names_from_status(git)?;
    let overlap: Vec<String> = dirty.intersection(&touched).cloned().collect();
    if !overlap.is_empty() {
        return Err(SyncError::WouldOverwrite { files: overlap });
    }
    if head.is_none() {
        // No commit of our own yet: take the upstream's branch as it is.
        git.ok(&["merge", "--ff-only", "--quiet", tracking])?;
        return Ok(());
    }
    let args = ["rebase", "--autostash", "--quiet", tracking];
    let output = git.run(&args)?;
    if output.ok && !rebase_in_progress(git)? {
        return Ok(());
    }
    let conflicted =
        names(git, &["diff", "--name-only", "-z", "--diff-filter=U"]).unwrap_or_default();
    if rebase_in_progress(git)? {
        let abort = git.run(&["rebase", "--abort"])?;
        if !abort.ok || rebase_in_progress(git)? {
            return Err(SyncError::Git {
                command: "git rebase --abort".to_owned(),
                detail: format!(
                    "{} — the repository is in the middle of a rebase: run `git rebase --abort` yourself",
                    abort.stderr
                ),
            });
        }
    }
    if conflicted.is_empty() {
        Err(git.failed(&args, &output))
    } else {
        Err(SyncError::Conflict {
            files: conflicted.into_iter().collect(),
        })
    }
}

/// Whether a rebase (interactive-style or `am`-style) is unfinished.
pub fn rebase_in_progress(git: &Git) -> Result<bool, SyncError> {
    Ok(git.git_path_exists("rebase-merge")? || git.git_path_exists("rebase-apply")?)
}

/// The operation left unfinished in the repository, if any (`merge`, `rebase`, …).
pub fn operation_in_progress(git: &Git) -> Result<Option<&'static str>, SyncError> {
    if rebase_in_progress(git)? {
        return Ok(Some("rebase"));
    }
    for (file, what) in [
        ("MERGE_HEAD", "merge"),
        ("CHERRY_PICK_HEAD", "cherry-pick"),
        ("REVERT_HEAD", "revert"),
    ] {
        if git.git_path_exists(file)? {
            return Ok(Some(what));
        }
    }
    Ok(None)
}

/// The NUL-separated paths a command prints.
fn names(git: &Git, args: &[&str]) -> Result<BTreeSet<String>, SyncError> {
    let output = git.ok(args)?;
    Ok(nul_fields(&output.stdout).map(str::to_owned).collect())
}

/// Every path with uncommitted changes in the repository (untracked files included).
fn names_from_status(git: &Git) -> Result<BTreeSet<String>, SyncError> {
    let output = git.ok(&[
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--no-renames",
    ])?;
    Ok(nul_fields(&output.stdout)
        .filter_map(|entry| entry.get(3..))
        .map(str::to_owned)
        .collect())
}

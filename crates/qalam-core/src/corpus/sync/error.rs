//! Why a sync could not be made, in words an annotator understands: what happened, what state
//! the repository is in, and what to do.

use std::path::PathBuf;

/// Why a sync stopped. Before anything was committed it is the `Err` of
/// [`sync`](super::sync); after the commit it is the outcome's
/// [`stopped`](super::SyncOutcome::stopped), so what was done is still reported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    /// `git` could not be started.
    #[error(
        "git is not installed (or not on the PATH): install git to sync, or commit, pull and push the folder another way"
    )]
    GitMissing,
    /// The folder is not inside a git repository.
    #[error(
        "{} is not in a git repository: make it one with `git init` (or clone the team's repository) to sync",
        path.display()
    )]
    NotARepository {
        /// The folder.
        path: PathBuf,
    },
    /// The folder does not exist or is not a folder.
    #[error("{}: {detail}", path.display())]
    BadPath {
        /// The path.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
    /// No annotator name was given.
    #[error(
        "no annotator name: set your name (Edit > Settings… in the app, --annotator NAME on the command line) so Qalam knows which files are yours"
    )]
    NoAnnotator,
    /// `HEAD` is not a branch.
    #[error(
        "the repository is not on a branch (detached HEAD): check out the team's branch with `git switch BRANCH`"
    )]
    DetachedHead,
    /// A merge, rebase, cherry-pick or revert is unfinished, or files are unmerged.
    #[error(
        "the repository is in the middle of a {what}: finish it or abort it (`git {what} --abort`) before syncing; nothing was changed"
    )]
    OperationInProgress {
        /// `merge`, `rebase`, `cherry-pick` or `revert`.
        what: String,
    },
    /// The repository has no remote to pull from and push to.
    #[error(
        "the repository has no remote to share with: add the team's one with `git remote add origin URL`; nothing was pulled or pushed"
    )]
    NoRemote,
    /// The branch has no upstream and there are several remotes to choose from.
    #[error(
        "branch {branch} has no upstream and there are several remotes: choose one with `git branch --set-upstream-to REMOTE/{branch}`; nothing was pulled or pushed"
    )]
    NoUpstream {
        /// The local branch.
        branch: String,
    },
    /// The remote could not be reached (offline, wrong URL, no access).
    #[error(
        "could not reach the remote {remote} (offline, a wrong address or no access?); nothing was pulled or pushed. git said: {detail}"
    )]
    Unreachable {
        /// The remote's name.
        remote: String,
        /// Git's message.
        detail: String,
    },
    /// Pulling would overwrite uncommitted changes to files that are not the annotator's.
    #[error("colleagues changed files you have uncommitted changes to ({}): commit, move or undo your changes to them first; nothing was pulled or pushed", files.join(", "))]
    WouldOverwrite {
        /// The files, relative to the repository root.
        files: Vec<String>,
    },
    /// Bringing in the colleagues' commits conflicted; it was aborted and the repository is as
    /// it was before the pull.
    #[error("your commits and your colleagues' both change {}: the pull was undone, the repository is as before and nothing was pushed. Resolve it with git (or ask whoever edits shared files)", files.join(", "))]
    Conflict {
        /// The conflicting files, relative to the repository root.
        files: Vec<String>,
    },
    /// The remote refused the push, even after pulling again.
    #[error(
        "the remote refused the push ({detail}); your commits are safe in this repository: try Sync again later, or ask whoever runs the repository"
    )]
    PushRejected {
        /// Git's message.
        detail: String,
    },
    /// Any other git failure, with git's own message.
    #[error("`{command}` failed: {detail}")]
    Git {
        /// The command.
        command: String,
        /// Git's message.
        detail: String,
    },
}

//! Sync a corpus folder that is a git repository: commit the annotator's own changed files,
//! bring in the colleagues' commits, push, and say what came in. "Teams without a server": the
//! shared repository (any git remote, a bare repository on a network share included) is the
//! only thing the team shares.
//!
//! It drives the system's `git` ([`git`]), never libgit2, in these steps:
//!
//! 1. Find the repository (`git rev-parse --show-toplevel`); refuse to start in the middle of a
//!    merge, rebase, cherry-pick or revert, or on a detached `HEAD`.
//! 2. Sort the changed files under the folder into the annotator's own and the rest
//!    ([`own_files`] has the rule). Stage exactly the own paths (`git add -- PATHS`) and commit
//!    only them (`git commit --only -- PATHS`, so nothing else staged by hand goes in), with a
//!    message such as `Qalam sync: أمل — 3 documents (a, b, c)`. Without a git identity the
//!    commit is made as the annotator (`-c user.name=… -c user.email=…@qalam.invalid`).
//! 3. `git fetch` the upstream (the branch's, else the only remote or `origin`, with the same
//!    branch name; a remote without the branch yet gets its first push).
//! 4. Bring in the new commits with `git rebase --autostash UPSTREAM`, after checking that they
//!    touch none of the files with uncommitted changes ([`SyncError::WouldOverwrite`]). On any
//!    failure the rebase is aborted (`git rebase --abort`), so the repository is never left in
//!    the middle of one; the conflicting files are reported ([`SyncError::Conflict`]). As every
//!    annotator commits only their own files, that happens only with shared files such as the
//!    corpus file.
//! 5. `git push`; a push rejected because a colleague pushed meanwhile fetches and rebases again
//!    (three tries), any other rejection is [`SyncError::PushRejected`].
//! 6. Report what came in ([`incoming`]: `git diff --name-status OLD NEW` sorted into new
//!    documents, annotation files by annotator, the corpus file) and, when something came in,
//!    each annotator's progress before and after ([`crate::stats::annotator_progress`]).
//!
//! [`job::SyncJob`] runs it on a background thread for the GUI.
//!
//! Failures before anything is committed are the `Err` of [`sync`]; failures after the commit
//! are [`SyncOutcome::stopped`], with what was done.

mod error;
pub mod git;
pub mod incoming;
mod integrate;
pub mod job;
mod outcome;
pub mod own_files;
mod remote;
mod run;

pub use error::SyncError;
pub use incoming::{FileChange, Incoming, IncomingFile};
pub use job::SyncJob;
pub use outcome::{ProgressChange, SyncOptions, SyncOutcome, SyncStep};
pub use own_files::{LeftAlone, LocalChange, NotYours, last_annotator};
pub use run::{commit_message, sync};

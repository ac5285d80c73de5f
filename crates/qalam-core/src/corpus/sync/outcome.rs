//! What a sync is asked to do, the steps it reports while it runs, and what it did.

use std::path::PathBuf;

use super::error::SyncError;
use super::incoming::Incoming;
use super::own_files::LeftAlone;
use crate::stats::AnnotatorProgress;

/// What to sync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncOptions {
    /// The corpus folder (or a file in it): its own files are committed, and the repository it
    /// is in is pulled and pushed.
    pub folder: PathBuf,
    /// The annotator whose files are committed.
    pub annotator: String,
    /// Only say what would be committed: nothing is fetched, committed or pushed.
    pub dry_run: bool,
}

/// The step a running sync is at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncStep {
    /// Finding the repository and the changed files.
    Checking,
    /// Committing the annotator's files.
    Committing,
    /// Fetching from the remote.
    Fetching,
    /// Bringing in the colleagues' commits.
    Pulling,
    /// Pushing.
    Pushing,
    /// Reading what came in.
    Reading,
}

impl SyncStep {
    /// The step as shown while it runs ("Fetching…").
    pub fn describe(self) -> &'static str {
        match self {
            SyncStep::Checking => "Looking at the changed files…",
            SyncStep::Committing => "Committing your files…",
            SyncStep::Fetching => "Fetching from the remote…",
            SyncStep::Pulling => "Bringing in your colleagues' work…",
            SyncStep::Pushing => "Pushing…",
            SyncStep::Reading => "Reading what came in…",
        }
    }
}

/// An annotator's progress before and after the pull.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressChange {
    /// Before (`None`: the annotator was not in the corpus yet).
    pub before: Option<AnnotatorProgress>,
    /// After.
    pub after: AnnotatorProgress,
}

/// What a sync did (or, for a dry run, would do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncOutcome {
    /// The repository's top folder.
    pub root: PathBuf,
    /// The local branch.
    pub branch: String,
    /// The upstream pulled from and pushed to (`origin/main`), once known.
    pub upstream: Option<String>,
    /// The annotator's files committed (for a dry run: that would be), relative to the root.
    pub committed: Vec<String>,
    /// The new commit's short hash (`None`: nothing committed).
    pub commit: Option<String>,
    /// The commit message (empty with nothing to commit).
    pub message: String,
    /// Changed files that are not the annotator's, left as they are.
    pub left_alone: Vec<LeftAlone>,
    /// What the pull brought in.
    pub incoming: Incoming,
    /// Progress of every annotator before and after the pull (empty when nothing came in).
    pub progress: Vec<ProgressChange>,
    /// Commits pushed.
    pub pushed: usize,
    /// Why the sync stopped after committing (`None`: it went through).
    pub stopped: Option<SyncError>,
    /// Whether this was a dry run.
    pub dry_run: bool,
}

impl SyncOutcome {
    /// A one-paragraph summary for a status line or a window.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if self.dry_run {
            parts.push(match self.committed.len() {
                0 => "Nothing of yours to commit.".to_owned(),
                n => format!("Would commit {n} of your files: {}", self.message),
            });
        } else {
            parts.push(match (&self.commit, self.committed.len()) {
                (Some(hash), n) => format!("Committed {n} of your files ({hash})."),
                _ => "Nothing of yours to commit.".to_owned(),
            });
            let incoming = &self.incoming;
            if incoming.commits == 0 && self.stopped.is_none() {
                parts.push("Nothing new from colleagues.".to_owned());
            } else if incoming.commits > 0 {
                parts.push(format!(
                    "{} from colleagues: {} new documents, {} annotation files{}.",
                    plural(incoming.commits, "commit"),
                    incoming.new_documents.len(),
                    incoming.annotation_files.len(),
                    if incoming.corpus_file {
                        ", the corpus file changed"
                    } else {
                        ""
                    }
                ));
            }
            if self.stopped.is_none() {
                parts.push(match self.pushed {
                    0 => "Nothing to push.".to_owned(),
                    n => format!("Pushed {}.", plural(n, "commit")),
                });
            }
        }
        if !self.left_alone.is_empty() {
            parts.push(format!(
                "Left alone: {} changed files that are not yours.",
                self.left_alone.len()
            ));
        }
        if let Some(stopped) = &self.stopped {
            parts.push(format!("Stopped: {stopped}"));
        }
        parts.join(" ")
    }
}

/// `1 commit`, `2 commits`.
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

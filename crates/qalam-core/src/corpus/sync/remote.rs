//! The remote side: which upstream a branch syncs with, fetching it and pushing to it.

use super::error::SyncError;
use super::git::Git;

/// The remote branch a local branch syncs with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upstream {
    /// The remote's name (`origin`).
    pub remote: String,
    /// The branch's name on the remote (`main`).
    pub branch: String,
    /// Whether the local branch has it configured (else the first push sets it).
    pub configured: bool,
}

impl Upstream {
    /// The remote-tracking ref (`refs/remotes/origin/main`).
    pub fn tracking(&self) -> String {
        format!("refs/remotes/{}/{}", self.remote, self.branch)
    }

    /// As shown: `origin/main`.
    pub fn name(&self) -> String {
        format!("{}/{}", self.remote, self.branch)
    }
}

/// The upstream of `branch`: its configured one, else the same name on the only remote (or on
/// `origin` when there are several).
pub fn upstream_of(git: &Git, branch: &str) -> Result<Upstream, SyncError> {
    let remote = git.config(&format!("branch.{branch}.remote"))?;
    let merge = git.config(&format!("branch.{branch}.merge"))?;
    if let (Some(remote), Some(merge)) = (remote, merge)
        && remote != "."
    {
        let remote_branch = merge.strip_prefix("refs/heads/").unwrap_or(&merge);
        return Ok(Upstream {
            remote,
            branch: remote_branch.to_owned(),
            configured: true,
        });
    }
    let remotes = git.ok(&["remote"])?;
    let remotes: Vec<&str> = remotes.stdout.lines().map(str::trim).collect();
    let remote = match remotes.as_slice() {
        [] => return Err(SyncError::NoRemote),
        [only] => *only,
        several if several.contains(&"origin") => "origin",
        _ => {
            return Err(SyncError::NoUpstream {
                branch: branch.to_owned(),
            });
        }
    };
    Ok(Upstream {
        remote: remote.to_owned(),
        branch: branch.to_owned(),
        configured: false,
    })
}

/// Fetches the upstream's remote; any failure means it could not be reached.
pub fn fetch(git: &Git, upstream: &Upstream) -> Result<(), SyncError> {
    let output = git.run(&["fetch", "--quiet", "--no-tags", &upstream.remote])?;
    if output.ok {
        Ok(())
    } else {
        Err(SyncError::Unreachable {
            remote: upstream.remote.clone(),
            detail: last_lines(&output.stderr),
        })
    }
}

/// Why a push did not go through.
#[derive(Debug)]
pub enum PushFailure {
    /// Someone pushed first: fetch, rebase and push again.
    Behind(String),
    /// Anything else (already the user-facing error).
    Error(SyncError),
}

/// Pushes `HEAD` to the upstream, setting it as the branch's upstream if it was not; returns
/// the number of commits pushed (0: nothing to push, nothing run).
pub fn push(git: &Git, upstream: &Upstream, branch: &str) -> Result<usize, PushFailure> {
    let tracking = upstream.tracking();
    let range = match git.commit_of(&tracking).map_err(PushFailure::Error)? {
        Some(_) => format!("{tracking}..HEAD"),
        None => "HEAD".to_owned(),
    };
    let Some(_) = git.commit_of("HEAD").map_err(PushFailure::Error)? else {
        return Ok(0);
    };
    let count = git
        .ok(&["rev-list", "--count", &range])
        .map_err(PushFailure::Error)?
        .line()
        .parse::<usize>()
        .unwrap_or(0);
    if count == 0 {
        return Ok(0);
    }
    let target = format!("HEAD:refs/heads/{}", upstream.branch);
    let mut args = vec!["push", "--porcelain"];
    if !upstream.configured {
        args.push("--set-upstream");
    }
    args.extend([upstream.remote.as_str(), target.as_str()]);
    let output = git.run(&args).map_err(PushFailure::Error)?;
    if output.ok {
        if !upstream.configured {
            // `--set-upstream` with `HEAD:` configures the current branch; make sure.
            let _ = git.run(&[
                "config",
                &format!("branch.{branch}.remote"),
                &upstream.remote,
            ]);
            let _ = git.run(&[
                "config",
                &format!("branch.{branch}.merge"),
                &format!("refs/heads/{}", upstream.branch),
            ]);
        }
        return Ok(count);
    }
    let said = format!("{}\n{}", output.stdout, output.stderr);
    let detail = rejection_detail(&said);
    if said.contains("[rejected]")
        && (said.contains("fetch first") || said.contains("non-fast-forward"))
    {
        Err(PushFailure::Behind(detail))
    } else if said.contains("[remote rejected]") || said.contains("[rejected]") {
        Err(PushFailure::Error(SyncError::PushRejected { detail }))
    } else {
        Err(PushFailure::Error(SyncError::Unreachable {
            remote: upstream.remote.clone(),
            detail: last_lines(&output.stderr),
        }))
    }
}

/// The telling part of a push's output: the rejected ref line's reason and the remote's own
/// messages (`remote: …`).
fn rejection_detail(said: &str) -> String {
    let mut parts: Vec<String> = said
        .lines()
        .filter_map(|line| line.strip_prefix("remote: "))
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect();
    if let Some(reason) = said
        .lines()
        .find(|line| line.contains("rejected]"))
        .and_then(|line| line.rsplit_once('('))
        .map(|(_, reason)| reason.trim_end_matches(')').trim().to_owned())
    {
        parts.push(reason);
    }
    if parts.is_empty() {
        last_lines(said)
    } else {
        parts.join("; ")
    }
}

/// The last three non-empty lines of git's message, joined (the first ones are hints).
fn last_lines(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("hint:"))
        .collect();
    lines[lines.len().saturating_sub(3)..].join(" ")
}

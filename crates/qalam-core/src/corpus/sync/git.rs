//! Running the system's `git` (no libgit2): one [`Git`] per repository, every command run with
//! `-C ROOT`, English messages (`LC_ALL=C`, so failures can be told apart), no prompts
//! (`GIT_TERMINAL_PROMPT=0`, no editor, stdin closed), paths printed as they are
//! (`core.quotepath=false`) and taken literally (`GIT_LITERAL_PATHSPECS=1`: a file named
//! `a[1].qalam.json` is no pattern).

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::error::SyncError;

/// What a finished git command printed.
#[derive(Debug, Clone)]
pub struct GitOutput {
    /// Whether it exited with 0.
    pub ok: bool,
    /// Its standard output.
    pub stdout: String,
    /// Its standard error, trimmed.
    pub stderr: String,
}

impl GitOutput {
    /// Standard output without the final newline.
    pub fn line(&self) -> &str {
        self.stdout.trim_end_matches(['\n', '\r'])
    }
}

/// The system's `git`, run in one repository.
#[derive(Debug, Clone)]
pub struct Git {
    root: PathBuf,
    /// `-c user.name=…` / `-c user.email=…` for commands that write commits, when the
    /// repository has no identity of its own.
    identity: Vec<String>,
}

impl Git {
    /// Git run in the folder `root` (the repository's top level once known).
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_owned(),
            identity: Vec::new(),
        }
    }

    /// The folder the commands run in.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Runs `git ARGS` and returns what it printed (a failing exit is not an error here).
    /// Only a `git` that cannot be started at all is an error.
    pub fn run<S: AsRef<OsStr>>(&self, args: &[S]) -> Result<GitOutput, SyncError> {
        let output = Command::new("git")
            .arg("-C")
            .arg(&self.root)
            .args(["-c", "core.quotepath=false"])
            .args(&self.identity)
            .args(args)
            .env("LC_ALL", "C")
            .env("LANGUAGE", "C")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_EDITOR", "true")
            .env("GIT_MERGE_AUTOEDIT", "no")
            .env("GIT_LITERAL_PATHSPECS", "1")
            .stdin(Stdio::null())
            .output()
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::NotFound => SyncError::GitMissing,
                _ => SyncError::Git {
                    command: "git".to_owned(),
                    detail: error.to_string(),
                },
            })?;
        Ok(GitOutput {
            ok: output.status.success(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        })
    }

    /// Runs `git ARGS` and requires it to succeed; a failure is [`SyncError::Git`] with git's
    /// own message.
    pub fn ok<S: AsRef<OsStr>>(&self, args: &[S]) -> Result<GitOutput, SyncError> {
        let output = self.run(args)?;
        if output.ok {
            Ok(output)
        } else {
            Err(self.failed(args, &output))
        }
    }

    /// [`SyncError::Git`] for a command that failed.
    pub fn failed<S: AsRef<OsStr>>(&self, args: &[S], output: &GitOutput) -> SyncError {
        let words: Vec<String> = args
            .iter()
            .map(|arg| arg.as_ref().to_string_lossy().into_owned())
            .take_while(|arg| arg != "--")
            .collect();
        let detail = if output.stderr.is_empty() {
            output.line().to_owned()
        } else {
            output.stderr.clone()
        };
        SyncError::Git {
            command: format!("git {}", words.join(" ")),
            detail,
        }
    }

    /// The value of a configuration key, `None` when unset.
    pub fn config(&self, key: &str) -> Result<Option<String>, SyncError> {
        let output = self.run(&["config", "--get", key])?;
        Ok(output
            .ok
            .then(|| output.line().trim().to_owned())
            .filter(|value| !value.is_empty()))
    }

    /// Makes commits made through this `Git` carry `name` and `email` where the repository
    /// (and the user's configuration) has none.
    pub fn fill_identity(&mut self, name: &str, email: &str) -> Result<(), SyncError> {
        let mut identity = Vec::new();
        if self.config("user.name")?.is_none() {
            identity.extend(["-c".to_owned(), format!("user.name={name}")]);
        }
        if self.config("user.email")?.is_none() {
            identity.extend(["-c".to_owned(), format!("user.email={email}")]);
        }
        self.identity = identity;
        Ok(())
    }

    /// The commit `rev` names, `None` if it names none (an unborn branch's `HEAD`).
    pub fn commit_of(&self, rev: &str) -> Result<Option<String>, SyncError> {
        let output = self.run(&[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ])?;
        Ok(output.ok.then(|| output.line().to_owned()))
    }

    /// Whether the file `.git/NAME` (or folder) of the repository exists, e.g. `MERGE_HEAD`.
    pub fn git_path_exists(&self, name: &str) -> Result<bool, SyncError> {
        let output = self.ok(&["rev-parse", "--git-path", name])?;
        let path = PathBuf::from(output.line());
        let path = if path.is_absolute() {
            path
        } else {
            self.root.join(path)
        };
        Ok(path.exists())
    }
}

/// Splits `-z` output into its NUL-terminated fields.
pub fn nul_fields(text: &str) -> impl Iterator<Item = &str> {
    text.split('\0').filter(|field| !field.is_empty())
}

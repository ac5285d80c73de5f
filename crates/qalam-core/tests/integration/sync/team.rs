//! A team without a server, in temporary folders: a bare repository (the "server") with a seed
//! commit (the article `a.txt` and a corpus file naming Amal and Omar), and clones for the
//! annotators. Shared with the app's CLI tests.

use std::path::{Path, PathBuf};
use std::process::Command;

use qalam_core::corpus::CorpusFile;
use qalam_core::io::to_json_string;
use qalam_core::model::Annotation;
use qalam_core::model::notation::Case;

/// The article every clone has.
pub const ARTICLE: &str = "زار [بوتين|PERSON] ل[روسيا|COUNTRY]";

/// Whether `git` can be run; prints why a test is skipped when not.
pub fn git_available() -> bool {
    let found = Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        eprintln!("skipped: git is not installed, the sync tests need it");
    }
    found
}

/// Runs `git ARGS` in `dir` as the test's own user, which must succeed; returns stdout.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Lead", "-c", "user.email=lead@example.org"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "core.quotepath=false",
        ])
        .args(args)
        .env("LC_ALL", "C")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git {args:?} in {}: {}",
        dir.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The team's folders.
pub struct Team {
    /// Keeps the folders alive.
    pub dir: tempfile::TempDir,
    /// The bare repository.
    pub remote: PathBuf,
}

impl Team {
    /// A bare repository with the seed commit.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let remote = dir.path().join("remote.git");
        git(
            dir.path(),
            &["init", "--quiet", "--bare", "-b", "main", "remote.git"],
        );
        let team = Self { dir, remote };
        let seed = team.clone_as("seed");
        let text = Case::parse(ARTICLE)
            .unwrap()
            .annotation()
            .document()
            .text()
            .to_owned();
        std::fs::write(seed.join("a.txt"), text).unwrap();
        let corpus = CorpusFile {
            labels: Case::parse(ARTICLE).unwrap().annotation().labels().clone(),
            annotators: vec!["Amal".to_owned(), "Omar".to_owned()],
            ..CorpusFile::default()
        };
        corpus.save(&CorpusFile::path_in(&seed)).unwrap();
        git(&seed, &["add", "--", "a.txt", "qalam-corpus.json"]);
        git(&seed, &["commit", "--quiet", "-m", "The corpus"]);
        git(&seed, &["push", "--quiet", "origin", "main"]);
        team
    }

    /// A new clone of the remote in the folder `name`.
    pub fn clone_as(&self, name: &str) -> PathBuf {
        let remote = self.remote.to_string_lossy().into_owned();
        git(self.dir.path(), &["clone", "--quiet", &remote, name]);
        self.dir.path().join(name)
    }
}

/// Saves `ARTICLE` with every span by `annotator` (and `status` done if `done`) to `path`.
pub fn save_annotation(path: &Path, annotator: &str, done: bool) {
    let mut parts = Case::parse(ARTICLE).unwrap().annotation().into_parts();
    for span in &mut parts.spans {
        span.annotator = Some(annotator.to_owned());
    }
    if done {
        parts.status = qalam_core::model::DocStatus::Done;
    }
    let annotation = Annotation::from_parts(parts).unwrap();
    std::fs::write(path, to_json_string(&annotation)).unwrap();
}

/// `git status --porcelain` of `dir`.
pub fn status(dir: &Path) -> String {
    git(dir, &["status", "--porcelain", "--untracked-files=all"])
}

/// Asserts that no merge, rebase, cherry-pick or revert is unfinished in `dir`.
pub fn assert_nothing_in_progress(dir: &Path) {
    let long = git(dir, &["status"]);
    for word in ["rebase", "merging", "Unmerged", "cherry-pick", "revert"] {
        assert!(!long.contains(word), "{word} in `git status`:\n{long}");
    }
    for file in ["rebase-merge", "rebase-apply", "MERGE_HEAD"] {
        assert!(!dir.join(".git").join(file).exists(), "{file} left behind");
    }
}

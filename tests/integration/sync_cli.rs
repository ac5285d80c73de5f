//! `qalam sync` against a bare repository and two clones in temporary folders (the core's
//! `Team` helper), no network. Skipped (with a message) when `git` is not installed.

use std::path::Path;
use std::process::{Command, Output};

use crate::sync_team::{
    Team, assert_nothing_in_progress, git, git_available, save_annotation, status,
};

fn qalam(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qalam"))
        .args(args)
        .env_remove("QALAM_ANNOTATOR")
        .output()
        .unwrap()
}

fn sync(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["sync", dir.to_str().unwrap()];
    args.extend(extra);
    qalam(&args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn sync_commits_pulls_and_pushes_and_says_what_came_in() {
    if !git_available() {
        return;
    }
    let team = Team::new();
    let amal = team.clone_as("amal");
    let omar = team.clone_as("omar");
    save_annotation(&amal.join("a.Amal.qalam.json"), "Amal", true);
    save_annotation(&amal.join("a.Omar.qalam.json"), "Omar", false);
    save_annotation(&omar.join("a.Omar.qalam.json"), "Omar", false);

    let output = sync(&amal, &["--annotator", "Amal"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = stdout(&output);
    assert!(
        text.contains("committed 1 file (")
            && text.contains("): Qalam sync: Amal — 1 document (a)\n  a.Amal.qalam.json\n"),
        "{text}"
    );
    assert!(
        text.contains("left alone (not yours):\n  a.Omar.qalam.json (added, Omar's file)\n"),
        "{text}"
    );
    assert!(text.contains("came in: nothing new\n"), "{text}");
    assert!(text.ends_with("pushed 1 commit to origin/main\n"), "{text}");
    assert_eq!(status(&amal), "?? a.Omar.qalam.json\n");

    let output = sync(&omar, &["--annotator", "Omar", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["committed"], serde_json::json!(["a.Omar.qalam.json"]));
    assert_eq!(value["incoming"]["commits"], 1);
    assert_eq!(
        value["incoming"]["annotation_files"][0],
        serde_json::json!({"path": "a.Amal.qalam.json", "annotator": "Amal", "change": "added"})
    );
    let amal_progress = value["progress"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Amal")
        .unwrap()
        .clone();
    assert_eq!(amal_progress["after"]["done"], 1);
    assert_eq!(value["pushed"], 1);
    assert_eq!(value["stopped"], serde_json::Value::Null);
    assert_eq!(
        git(&team.remote, &["rev-list", "--count", "main"]).trim(),
        "3"
    );
}

#[test]
fn a_dry_run_only_lists() {
    if !git_available() {
        return;
    }
    let team = Team::new();
    let amal = team.clone_as("amal");
    save_annotation(&amal.join("a.Amal.qalam.json"), "Amal", false);
    let output = sync(&amal, &["--annotator", "Amal", "--dry-run"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = stdout(&output);
    assert!(
        text.contains("would commit 1 file: Qalam sync: Amal"),
        "{text}"
    );
    assert!(
        text.ends_with("dry run: nothing was fetched, committed or pushed\n"),
        "{text}"
    );
    assert_eq!(status(&amal), "?? a.Amal.qalam.json\n");
}

#[test]
fn sync_usage_problems_exit_2_and_stops_exit_1() {
    if !git_available() {
        return;
    }
    let team = Team::new();
    let amal = team.clone_as("amal");
    let output = sync(&amal, &[]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(
        stderr(&output).contains("no annotator name"),
        "{}",
        stderr(&output)
    );

    let plain = tempfile::tempdir().unwrap();
    let output = sync(plain.path(), &["--annotator", "Amal"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(
        stderr(&output).contains("is not in a git repository"),
        "{}",
        stderr(&output)
    );

    let hook = team.remote.join("hooks/pre-receive");
    std::fs::write(&hook, "#!/bin/sh\necho 'frozen for review' >&2\nexit 1\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    save_annotation(&amal.join("a.Amal.qalam.json"), "Amal", false);
    let output = sync(&amal, &["--annotator", "Amal"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let err = stderr(&output);
    assert!(
        err.contains("sync stopped: the remote refused the push (")
            && err.contains("frozen for review"),
        "{err}"
    );
    assert!(
        stdout(&output).contains("committed 1 file"),
        "{}",
        stdout(&output)
    );
    assert_nothing_in_progress(&amal);
}

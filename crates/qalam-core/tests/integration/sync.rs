//! `corpus::sync` with the real `git` against a bare repository and clones in temporary
//! folders (no network): two annotators see each other's work, nobody's files but one's own are
//! ever staged, and every failure leaves the repository as it was, with a clear reason. Skipped
//! (with a message) when `git` is not installed.

pub mod team;

use std::path::Path;

use qalam_core::corpus::sync::{
    FileChange, LocalChange, NotYours, SyncError, SyncOptions, SyncOutcome, sync,
};
use team::{Team, assert_nothing_in_progress, git, git_available, save_annotation, status};

fn run(folder: &Path, annotator: &str) -> SyncOutcome {
    let options = SyncOptions {
        folder: folder.to_owned(),
        annotator: annotator.to_owned(),
        dry_run: false,
    };
    let mut steps = Vec::new();
    let outcome = sync(&options, &mut |step| steps.push(step)).unwrap();
    assert!(!steps.is_empty());
    outcome
}

#[test]
fn two_annotators_see_each_others_files() {
    if !git_available() {
        return;
    }
    let team = Team::new();
    let amal = team.clone_as("amal");
    let omar = team.clone_as("omar");
    save_annotation(&amal.join("a.Amal.qalam.json"), "Amal", true);
    save_annotation(&omar.join("a.Omar.qalam.json"), "Omar", false);

    let first = run(&amal, "Amal");
    assert_eq!(first.stopped, None, "{}", first.summary());
    assert_eq!(first.committed, ["a.Amal.qalam.json"]);
    assert!(first.commit.is_some());
    assert!(
        first
            .message
            .starts_with("Qalam sync: Amal — 1 document (a)\n")
    );
    assert_eq!(first.pushed, 1);
    assert!(first.incoming.is_empty());

    let second = run(&omar, "Omar");
    assert_eq!(second.stopped, None, "{}", second.summary());
    assert_eq!(second.committed, ["a.Omar.qalam.json"]);
    assert_eq!(second.incoming.commits, 1);
    assert_eq!(second.incoming.new_documents, Vec::<String>::new());
    let file = &second.incoming.annotation_files[0];
    assert_eq!(
        (file.path.as_str(), file.annotator.as_deref(), file.change),
        ("a.Amal.qalam.json", Some("Amal"), FileChange::Added)
    );
    let amal_progress = second
        .progress
        .iter()
        .find(|p| p.after.name == "Amal")
        .unwrap();
    assert_eq!(amal_progress.after.done, 1);
    assert_eq!(amal_progress.before.as_ref().map(|p| p.done), Some(0));
    assert_eq!(second.pushed, 1);
    assert!(omar.join("a.Amal.qalam.json").is_file());

    let third = run(&amal, "Amal");
    assert_eq!(third.stopped, None, "{}", third.summary());
    assert!(third.committed.is_empty());
    assert_eq!(third.pushed, 0);
    assert_eq!(third.incoming.by_annotator(), [("Omar".to_owned(), 1)]);
    assert!(amal.join("a.Omar.qalam.json").is_file());
    assert_eq!(status(&amal), "");
    assert_eq!(status(&omar), "");
    // Linear history: the seed, Amal's commit, Omar's rebased commit.
    assert_eq!(git(&amal, &["rev-list", "--count", "HEAD"]).trim(), "3");
}

#[test]
fn only_the_annotators_own_files_are_staged() {
    if !git_available() {
        return;
    }
    let team = Team::new();
    let amal = team.clone_as("amal");
    save_annotation(&amal.join("a.Amal.qalam.json"), "Amal", false);
    save_annotation(&amal.join("a.Omar.qalam.json"), "Omar", false);
    // Single-annotator files: whose they are is their last annotator.
    std::fs::create_dir(amal.join("news")).unwrap();
    save_annotation(&amal.join("news/b.qalam.json"), "Amal", false);
    save_annotation(&amal.join("news/c.qalam.json"), "Omar", false);
    std::fs::write(amal.join("d.txt"), "نص جديد").unwrap();
    std::fs::write(amal.join("notes.md"), "mine").unwrap();
    let corpus = amal.join("qalam-corpus.json");
    let shared = std::fs::read_to_string(&corpus).unwrap();
    std::fs::write(&corpus, shared.replace("\"Omar\"", "\"Omar\", \"Sara\"")).unwrap();
    // Something staged by hand is not committed either.
    git(&amal, &["add", "--", "notes.md"]);

    let outcome = run(&amal, "Amal");
    assert_eq!(outcome.stopped, None, "{}", outcome.summary());
    assert_eq!(
        outcome.committed,
        ["a.Amal.qalam.json", "news/b.qalam.json"]
    );
    let committed = git(&amal, &["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(committed, "a.Amal.qalam.json\nnews/b.qalam.json\n");
    let left: Vec<(&str, &NotYours)> = outcome
        .left_alone
        .iter()
        .map(|l| (l.path.as_str(), &l.reason))
        .collect();
    assert_eq!(
        left,
        [
            (
                "a.Omar.qalam.json",
                &NotYours::OtherAnnotator("Omar".to_owned())
            ),
            ("d.txt", &NotYours::Text),
            (
                "news/c.qalam.json",
                &NotYours::OtherAnnotator("Omar".to_owned())
            ),
            ("notes.md", &NotYours::NotQalam),
            ("qalam-corpus.json", &NotYours::CorpusFile),
        ]
    );
    assert_eq!(
        status(&amal),
        "A  notes.md\n M qalam-corpus.json\n?? a.Omar.qalam.json\n?? d.txt\n?? news/c.qalam.json\n"
    );

    // Deleting one's own file is committed as a deletion.
    std::fs::remove_file(amal.join("news/b.qalam.json")).unwrap();
    let outcome = run(&amal, "Amal");
    assert_eq!(outcome.committed, ["news/b.qalam.json"]);
    assert!(!git(&amal, &["ls-files"]).contains("news/b.qalam.json"));
    let remote_files = git(&team.remote, &["ls-tree", "-r", "--name-only", "main"]);
    assert_eq!(
        remote_files,
        "a.Amal.qalam.json\na.txt\nqalam-corpus.json\n"
    );
}

#[test]
fn a_dry_run_changes_nothing() {
    if !git_available() {
        return;
    }
    let team = Team::new();
    let amal = team.clone_as("amal");
    save_annotation(&amal.join("a.Amal.qalam.json"), "Amal", false);
    let head = git(&amal, &["rev-parse", "HEAD"]);
    let options = SyncOptions {
        folder: amal.clone(),
        annotator: "Amal".to_owned(),
        dry_run: true,
    };
    let outcome = sync(&options, &mut |_| {}).unwrap();
    assert_eq!(outcome.committed, ["a.Amal.qalam.json"]);
    assert_eq!(outcome.commit, None);
    assert_eq!(outcome.upstream.as_deref(), Some("origin/main"));
    assert_eq!(git(&amal, &["rev-parse", "HEAD"]), head);
    assert_eq!(status(&amal), "?? a.Amal.qalam.json\n");
}

#[test]
fn new_documents_and_the_corpus_file_are_reported() {
    if !git_available() {
        return;
    }
    let team = Team::new();
    let amal = team.clone_as("amal");
    let lead = team.clone_as("lead");
    std::fs::create_dir(lead.join("news")).unwrap();
    std::fs::write(lead.join("news/c.txt"), "خبر").unwrap();
    save_annotation(&lead.join("a.Omar.qalam.json"), "Omar", false);
    let corpus = lead.join("qalam-corpus.json");
    let text = std::fs::read_to_string(&corpus).unwrap();
    std::fs::write(&corpus, text.replace("\"Omar\"", "\"Omar\", \"Sara\"")).unwrap();
    git(&lead, &["add", "--all"]);
    git(&lead, &["commit", "--quiet", "-m", "More work"]);
    git(&lead, &["push", "--quiet"]);

    let outcome = run(&amal, "Amal");
    assert_eq!(outcome.stopped, None, "{}", outcome.summary());
    assert_eq!(outcome.incoming.new_documents, ["news/c"]);
    assert!(outcome.incoming.corpus_file);
    assert_eq!(outcome.incoming.by_annotator(), [("Omar".to_owned(), 1)]);
    assert!(outcome.incoming.other.is_empty(), "{:?}", outcome.incoming);
    assert!(
        outcome
            .summary()
            .contains("1 commit from colleagues: 1 new documents")
    );
}

#[test]
fn without_a_repository_or_a_remote_the_reason_is_given() {
    if !git_available() {
        return;
    }
    let plain = tempfile::tempdir().unwrap();
    let options = SyncOptions {
        folder: plain.path().to_owned(),
        annotator: "Amal".to_owned(),
        dry_run: false,
    };
    let error = sync(&options, &mut |_| {}).unwrap_err();
    assert!(matches!(error, SyncError::NotARepository { .. }), "{error}");
    assert!(error.to_string().contains("git init"), "{error}");

    let no_name = SyncOptions {
        annotator: " ".to_owned(),
        ..options.clone()
    };
    assert_eq!(
        sync(&no_name, &mut |_| {}).unwrap_err(),
        SyncError::NoAnnotator
    );

    git(plain.path(), &["init", "--quiet"]);
    save_annotation(&plain.path().join("a.Amal.qalam.json"), "Amal", false);
    let outcome = sync(&options, &mut |_| {}).unwrap();
    // The commit is made (locally); then the missing remote stops it.
    assert_eq!(outcome.committed, ["a.Amal.qalam.json"]);
    assert!(outcome.commit.is_some());
    assert_eq!(outcome.stopped, Some(SyncError::NoRemote));
    assert!(outcome.summary().contains("git remote add origin"));
    assert_eq!(status(plain.path()), "");
}

#[test]
fn an_unreachable_remote_is_explained() {
    if !git_available() {
        return;
    }
    let team = Team::new();
    let amal = team.clone_as("amal");
    let gone = team.dir.path().join("moved-away.git");
    git(
        &amal,
        &["remote", "set-url", "origin", gone.to_str().unwrap()],
    );
    save_annotation(&amal.join("a.Amal.qalam.json"), "Amal", false);
    let outcome = run(&amal, "Amal");
    assert!(
        matches!(&outcome.stopped, Some(SyncError::Unreachable { remote, .. }) if remote == "origin"),
        "{:?}",
        outcome.stopped
    );
    assert!(
        outcome
            .summary()
            .contains("could not reach the remote origin")
    );
    assert_nothing_in_progress(&amal);
}

#[test]
fn a_refused_push_keeps_the_commit_and_says_why() {
    if !git_available() {
        return;
    }
    let team = Team::new();
    let amal = team.clone_as("amal");
    let hook = team.remote.join("hooks/pre-receive");
    std::fs::write(&hook, "#!/bin/sh\necho 'frozen for review' >&2\nexit 1\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    save_annotation(&amal.join("a.Amal.qalam.json"), "Amal", false);
    let outcome = run(&amal, "Amal");
    let Some(SyncError::PushRejected { detail }) = &outcome.stopped else {
        panic!("{:?}", outcome.stopped);
    };
    assert!(detail.contains("frozen for review"), "{detail}");
    assert_eq!(outcome.pushed, 0);
    let subject = git(&amal, &["log", "-1", "--format=%s"]);
    assert_eq!(subject, "Qalam sync: Amal — 1 document (a)\n");
    assert_eq!(
        git(&team.remote, &["rev-list", "--count", "main"]).trim(),
        "1"
    );
    assert_nothing_in_progress(&amal);
}

#[test]
fn a_conflict_on_the_shared_corpus_file_is_aborted_cleanly() {
    if !git_available() {
        return;
    }
    let team = Team::new();
    let amal = team.clone_as("amal");
    let lead = team.clone_as("lead");
    let edit = |dir: &Path, name: &str| {
        let path = dir.join("qalam-corpus.json");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replace("\"Omar\"", &format!("\"Omar\", \"{name}\"")),
        )
        .unwrap();
    };
    edit(&lead, "Sara");
    git(&lead, &["commit", "--quiet", "-am", "Sara joins"]);
    git(&lead, &["push", "--quiet"]);
    // Amal committed the shared file by hand: bringing the lead's commit in conflicts.
    edit(&amal, "Huda");
    git(&amal, &["commit", "--quiet", "-am", "Huda joins"]);
    save_annotation(&amal.join("a.Amal.qalam.json"), "Amal", false);

    let outcome = run(&amal, "Amal");
    assert_eq!(
        outcome.stopped,
        Some(SyncError::Conflict {
            files: vec!["qalam-corpus.json".to_owned()]
        })
    );
    assert_nothing_in_progress(&amal);
    assert_eq!(status(&amal), "");
    let log = git(&amal, &["log", "--format=%s"]);
    assert!(
        log.starts_with("Qalam sync: Amal — 1 document (a)\nHuda joins\n"),
        "{log}"
    );
    let corpus = std::fs::read_to_string(amal.join("qalam-corpus.json")).unwrap();
    assert!(corpus.contains("Huda") && !corpus.contains("Sara") && !corpus.contains("<<<<"));
}

#[test]
fn uncommitted_changes_a_pull_would_overwrite_stop_it_first() {
    if !git_available() {
        return;
    }
    let team = Team::new();
    let amal = team.clone_as("amal");
    let lead = team.clone_as("lead");
    let corpus = |dir: &Path| dir.join("qalam-corpus.json");
    let text = std::fs::read_to_string(corpus(&lead)).unwrap();
    std::fs::write(
        corpus(&lead),
        text.replace("\"Omar\"", "\"Omar\", \"Sara\""),
    )
    .unwrap();
    git(&lead, &["commit", "--quiet", "-am", "Sara joins"]);
    git(&lead, &["push", "--quiet"]);
    let mine = text.replace("\"Omar\"", "\"Omar\", \"Huda\"");
    std::fs::write(corpus(&amal), &mine).unwrap();

    let outcome = run(&amal, "Amal");
    assert_eq!(
        outcome.stopped,
        Some(SyncError::WouldOverwrite {
            files: vec!["qalam-corpus.json".to_owned()]
        })
    );
    assert_eq!(outcome.left_alone[0].change, LocalChange::Modified);
    assert_eq!(std::fs::read_to_string(corpus(&amal)).unwrap(), mine);
    assert_nothing_in_progress(&amal);
}

#[test]
fn other_uncommitted_changes_survive_a_pull() {
    if !git_available() {
        return;
    }
    let team = Team::new();
    let amal = team.clone_as("amal");
    let omar = team.clone_as("omar");
    save_annotation(&omar.join("a.Omar.qalam.json"), "Omar", false);
    run(&omar, "Omar");
    // Amal has an uncommitted change to a tracked shared file the pull does not touch.
    std::fs::write(amal.join("a.txt"), "نص معدل").unwrap();
    save_annotation(&amal.join("a.Amal.qalam.json"), "Amal", false);
    let outcome = run(&amal, "Amal");
    assert_eq!(outcome.stopped, None, "{}", outcome.summary());
    assert_eq!(outcome.pushed, 1);
    assert_eq!(
        std::fs::read_to_string(amal.join("a.txt")).unwrap(),
        "نص معدل"
    );
    assert_eq!(status(&amal), " M a.txt\n");
    assert!(amal.join("a.Omar.qalam.json").is_file());
}

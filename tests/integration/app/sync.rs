//! File → Sync…: the window syncs the current document's repository on a background thread
//! and says what it did; without an annotator name it says why it cannot. Esc closes it.

use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qalam::ui::QalamApp;
use qalam::ui::app::settings::Settings;
use qalam::ui::commands::Command;

use crate::support::*;
use crate::sync_team::{Team, git, git_available, save_annotation, status};

/// Steps the app until a widget's label contains `text` (the sync runs on its own thread).
fn wait_for_text(harness: &mut Harness<'_, QalamApp>, text: &str) {
    let start = Instant::now();
    while harness.query_by_label_contains(text).is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no {text:?} in the window"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
}

#[test]
fn sync_window_commits_pushes_and_shows_the_result() {
    if !git_available() {
        return;
    }
    let team = Team::new();
    let amal = team.clone_as("amal");
    let path = amal.join("a.Amal.qalam.json");
    save_annotation(&path, "Amal", false);
    let data = tempfile::tempdir().expect("temp dir");
    let settings = Settings {
        annotator: "Amal".to_owned(),
        annotator_asked: true,
        ..Settings::default()
    };
    let mut harness = harness_with(vec![path], data.path(), settings);
    // An unsaved change is saved before the sync.
    harness
        .state_mut()
        .queue_command(Command::SetStatus(qalam_core::model::DocStatus::Done));
    harness.run_steps(2);
    assert!(harness.state().current_document().unwrap().is_dirty());

    harness.state_mut().queue_command(Command::Sync);
    // Applied after the first frame; a new window is measured (invisible) on its first.
    harness.run_steps(4);
    harness.get_by_label("Sync with git");
    wait_for_text(&mut harness, "Pushed 1 commit to origin/main.");
    harness.get_by_label("Saved 1 document first.");
    harness.get_by_label_contains("Committed 1 of your files");
    assert!(!harness.state().current_document().unwrap().is_dirty());
    assert_eq!(status(&amal), "");
    let pushed = git(&team.remote, &["log", "-1", "--format=%s", "main"]);
    assert_eq!(pushed, "Qalam sync: Amal — 1 document (a)\n");

    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("Sync with git").is_none());
}

#[test]
fn sync_without_an_annotator_name_says_what_to_do() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = write_document(files.path(), "putin.txt");
    let mut harness = harness(vec![path], data.path());
    harness.state_mut().queue_command(Command::Sync);
    // Applied after the first frame; a new window is measured (invisible) on its first.
    harness.run_steps(4);
    harness.get_by_label_contains("Set your annotator name first");
    // The window keeps label keys from the document.
    select(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::P);
    assert_spans(&harness, "زار بوتين روسيا أمس.\n");
    harness.get_by_label("Close").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Sync with git").is_none());
}

//! Large files open in the background: the window keeps drawing, shows the progress with a
//! Cancel button, and adds the document when the load ends (or nothing, when cancelled).

use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::support::*;

/// A text file of 24 MB (well over the 8 MB threshold; some seconds to load in a debug build).
fn large_text(dir: &std::path::Path) -> (PathBuf, usize) {
    let path = dir.join("large.txt");
    let text = "زار بوتين روسيا ثم التقى كيم جونغ أون.\n".repeat(350_000);
    std::fs::write(&path, &text).expect("write");
    (path, text.chars().count())
}

fn wait_while_loading(harness: &mut egui_kittest::Harness<'_, qalam::ui::QalamApp>) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while harness.state().is_loading() {
        assert!(Instant::now() < deadline, "timed out");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    harness.run_steps(1);
}

#[test]
fn a_large_file_opens_in_the_background_with_progress() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let (path, chars) = large_text(files.path());
    let mut harness = harness(vec![path], data.path());
    assert!(
        harness.state().is_loading(),
        "opened on the window's thread"
    );
    harness.get_by_label("Cancel opening");
    harness.get_by_label_contains("large.txt");
    wait_while_loading(&mut harness);
    let doc = harness
        .state()
        .current_document()
        .expect("the document arrived");
    assert_eq!(doc.annotation().document().char_len(), chars);
    assert!(harness.state().messages().errors().is_empty());
    assert!(harness.query_by_label("Cancel opening").is_none());
}

#[test]
fn opening_a_large_file_can_be_cancelled() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let (path, _) = large_text(files.path());
    let mut harness = harness(vec![path], data.path());
    harness.get_by_label("Cancel opening").click();
    wait_while_loading(&mut harness);
    assert!(harness.state().documents().is_empty());
    assert_eq!(
        harness.state().messages().info_text(),
        Some("Opening large.txt was cancelled")
    );
}

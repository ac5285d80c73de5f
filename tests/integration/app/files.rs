//! Opening, saving and reloading files: the overwrite prompts, missing files, dropped files,
//! several documents and their selector.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use qalam::ui::commands::{AppMessage, Command};
use std::path::{Path, PathBuf};

use crate::support::*;

#[test]
fn save_writes_next_to_the_text_file_and_clears_the_dirty_mark() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = write_document(files.path(), "putin.txt");
    let mut harness = harness(vec![path.clone()], data.path());
    select(&mut harness, 10..15);
    press(&mut harness, Modifiers::NONE, Key::C);
    press(&mut harness, Modifiers::COMMAND, Key::S);

    let saved = files.path().join("putin.qalam.json");
    assert!(saved.exists(), "saved next to the text");
    assert_eq!(
        std::fs::read_to_string(&path).expect("text still there"),
        TEXT
    );
    assert!(!harness.state().current_document().expect("open").is_dirty());
    assert_eq!(harness.state().window_title(), "Qalam — putin.qalam.json");
    assert!(harness.state().messages().errors().is_empty());
    assert_eq!(
        harness.state().settings().recent_files.first(),
        Some(&saved)
    );
}

#[test]
fn saving_over_an_existing_annotation_file_asks_before_overwriting() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = write_document(files.path(), "putin.txt");
    let existing = files.path().join("putin.qalam.json");
    std::fs::write(&existing, "someone else's work").expect("write");
    let mut harness = harness(vec![path], data.path());
    harness.get_by_label_contains("Could not open the saved annotations of putin.txt");
    select(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::P);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert_eq!(
        std::fs::read_to_string(&existing).expect("read"),
        "someone else's work",
        "not overwritten without asking"
    );
    harness.get_by_label_contains("It could not be read as an annotation file");
    harness.get_by_label("Overwriting replaces it with your version: 1 span.");
    harness.get_by_label("Overwrite").click();
    harness.run_steps(2);
    assert_ne!(
        std::fs::read_to_string(&existing).expect("read"),
        "someone else's work"
    );
    assert!(!harness.state().current_document().expect("open").is_dirty());
}

#[test]
fn saved_spans_reload_at_the_same_code_point_offsets() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = write_document(files.path(), "putin.txt");
    let mut harness = harness(vec![path], data.path());
    select(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::P);
    select(&mut harness, 10..15);
    press(&mut harness, Modifiers::NONE, Key::C);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    let both = "زار [بوتين|PERSON] [روسيا|COUNTRY] أمس.\n";
    assert_spans(&harness, both);
    assert_saved_spans(&files.path().join("putin.qalam.json"), both);
}

#[test]
fn several_documents_get_a_selector_and_ctrl_digit_switches() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let a = write_document(files.path(), "a.txt");
    let b = write_document(files.path(), "b.txt");
    let mut harness = harness(vec![a, b], data.path());
    assert_eq!(harness.state().window_title(), "Qalam — a.txt");
    harness.get_by_label("b.txt").click();
    harness.run_steps(2);
    assert_eq!(harness.state().window_title(), "Qalam — b.txt");
    press(&mut harness, Modifiers::COMMAND, Key::Num1);
    assert_eq!(harness.state().window_title(), "Qalam — a.txt");
}

#[test]
fn opening_a_missing_file_shows_the_error_in_the_window() {
    let data = tempfile::tempdir().expect("temp dir");
    let missing = data.path().join("nope.txt");
    let mut harness = harness(vec![missing], data.path());
    assert!(harness.state().current_document().is_none());
    assert!(
        harness.state().messages().errors()[0].contains("nope.txt"),
        "{:?}",
        harness.state().messages().errors()
    );
    assert!(harness.query_all_by_label_contains("Error:").count() >= 1);
    harness.get_by_label("No document open");
    harness.state_mut().queue_command(Command::OpenPath);
    harness.run_steps(3);
    assert!(
        matches!(
            harness.state().dialogs().first(),
            Some(qalam::ui::windows::dialogs::Dialog::Path { .. })
        ),
        "{:?}",
        harness.state().dialogs()
    );
    harness.get_by_label("Open path");
}

/// A file dropped onto the window in tests.
#[derive(Debug)]
struct DroppedTestFile(PathBuf);

impl egui::DroppedFile for DroppedTestFile {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_opens_it_and_adds_it_to_the_recent_files() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let dropped = write_document(files.path(), "dropped.txt");
    let mut harness = harness(Vec::new(), data.path());
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedTestFile(dropped.clone())));
    harness.run_steps(2);
    assert_eq!(harness.state().documents().len(), 2);
    assert_eq!(harness.state().window_title(), "Qalam — dropped.txt");
    assert_eq!(
        harness.state().settings().recent_files,
        vec![dropped.clone()]
    );
    // Opening it again switches to it instead of opening a second copy.
    harness
        .state_mut()
        .queue_command(Command::SelectDocument(0));
    harness.run_steps(1);
    harness
        .state_mut()
        .queue_message(AppMessage::OpenFile(dropped));
    harness.run_steps(1);
    assert_eq!(harness.state().documents().len(), 2);
    assert_eq!(harness.state().window_title(), "Qalam — dropped.txt");
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_to_overwrite() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = write_document(files.path(), "putin.txt");
    let mut harness = harness(vec![path], data.path());
    select(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::P);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    let saved = files.path().join("putin.qalam.json");
    // Someone else relabels the span in the saved file.
    let mut theirs = qalam_core::io::load_path(&saved).expect("saved").annotation;
    let id = theirs.spans()[0].id;
    theirs
        .apply(qalam_core::model::Edit::Relabel {
            id,
            label: "EVENT".to_owned(),
        })
        .expect("relabel");
    qalam_core::io::save_path(&saved, &theirs, None, true).expect("someone else saves");
    select(&mut harness, 10..15);
    press(&mut harness, Modifiers::NONE, Key::C);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.run_steps(1);
    harness.get_by_label("File changed on disk");
    harness.get_by_label_contains("putin.qalam.json changed on disk since it was opened");
    harness.get_by_label_contains("On disk: 1 span, last changed ");
    harness.get_by_label("Overwriting replaces it with your version: 2 spans.");
    assert_saved_spans(&saved, "زار [بوتين|EVENT] روسيا أمس.\n");
    assert!(harness.state().current_document().expect("open").is_dirty());
    harness.get_by_label("Overwrite").click();
    harness.run_steps(2);
    assert_saved_spans(&saved, "زار [بوتين|PERSON] [روسيا|COUNTRY] أمس.\n");
    assert!(!harness.state().current_document().expect("open").is_dirty());
}

#[test]
fn arabic_file_names_are_listed_in_the_selector_and_switch_documents() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let arabic = write_document(files.path(), "كيم جونغ أون.txt");
    let latin = write_document(files.path(), "b.txt");
    let mut harness = harness(vec![arabic, latin], data.path());
    assert_eq!(harness.state().window_title(), "Qalam — كيم جونغ أون.txt");
    harness.get_by_label("b.txt").click();
    harness.run_steps(2);
    assert_eq!(harness.state().window_title(), "Qalam — b.txt");
    harness.get_by_label("كيم جونغ أون.txt").click();
    harness.run_steps(2);
    assert_eq!(harness.state().window_title(), "Qalam — كيم جونغ أون.txt");
}

/// Tags بوتين and روسيا in `putin.txt` under `files`, saves and drops the window.
fn save_two_spans(files: &Path, data: &Path) -> PathBuf {
    let path = write_document(files, "putin.txt");
    let mut harness = harness(vec![path.clone()], data);
    select(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::P);
    select(&mut harness, 10..15);
    press(&mut harness, Modifiers::NONE, Key::C);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(!harness.state().current_document().expect("open").is_dirty());
    path
}

/// Issue 8, trap 2: reopening `summit.txt` after saving `summit.qalam.json` showed a blank
/// document, and saving it offered to overwrite the saved spans with the new ones.
#[test]
fn regression_reopening_the_text_file_opens_its_saved_annotations() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let text_file = save_two_spans(files.path(), data.path());
    let saved = files.path().join("putin.qalam.json");

    let mut harness = harness(vec![text_file], data.path());
    assert_spans(&harness, "زار [بوتين|PERSON] [روسيا|COUNTRY] أمس.\n");
    harness.get_by_label_contains(
        "Opened putin.qalam.json, the saved annotations of putin.txt (2 spans)",
    );
    assert_eq!(
        harness.state().settings().recent_files.first(),
        Some(&saved)
    );

    // Saving again writes the same file without an overwrite prompt and keeps every span.
    select(&mut harness, 16..19);
    press(&mut harness, Modifiers::NONE, Key::E);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(
        harness.state().dialogs().is_empty(),
        "{:?}",
        harness.state().dialogs()
    );
    assert_saved_spans(&saved, "زار [بوتين|PERSON] [روسيا|COUNTRY] [أمس|EVENT].\n");
}

#[test]
fn reopening_a_text_file_that_changed_since_its_annotations_were_saved_warns() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let text_file = save_two_spans(files.path(), data.path());
    std::fs::write(&text_file, "نص آخر\n").expect("edit the text");
    let harness = harness(vec![text_file], data.path());
    // The saved text is shown, so the offsets still point at the same words.
    assert_spans(&harness, "زار [بوتين|PERSON] [روسيا|COUNTRY] أمس.\n");
    harness.get_by_label_contains("putin.txt differs from the text saved in putin.qalam.json");
}

/// Issue 8: after switching documents the status bar still said "Saved …" about the other file.
#[test]
fn regression_a_saved_notice_stays_with_its_document() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let a = write_document(files.path(), "a.txt");
    let b = write_document(files.path(), "b.txt");
    let mut harness = harness(vec![a, b], data.path());
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label_contains("Saved ");
    press(&mut harness, Modifiers::COMMAND, Key::Num2);
    assert_eq!(harness.state().window_title(), "Qalam — b.txt");
    assert!(harness.query_by_label_contains("Saved ").is_none());
    press(&mut harness, Modifiers::COMMAND, Key::Num1);
    harness.get_by_label_contains("Saved ");
}

/// Issue 8: an empty file opened silently as a blank document.
#[test]
fn opening_an_empty_file_says_it_is_empty() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let empty = files.path().join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    let harness = harness(vec![empty], data.path());
    harness.get_by_label_contains("empty.txt is empty: there is no text to annotate");
}

#[test]
fn regression_a_long_save_message_is_cut_at_the_window_edge_and_whole_on_hover() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let deep = files
        .path()
        .join("a-folder-with-a-rather-long-name-".repeat(5))
        .join("and-another-one-inside-it-".repeat(4));
    std::fs::create_dir_all(&deep).expect("folders");
    let path = write_document(&deep, "an-article-with-a-long-name-too.txt");
    let mut harness = harness(vec![path], data.path());
    select(&mut harness, 10..15);
    press(&mut harness, Modifiers::NONE, Key::C);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.run_steps(2);

    let message = harness
        .state()
        .messages()
        .info_text()
        .expect("a save message")
        .to_owned();
    assert!(message.starts_with("Saved "), "{message}");
    let shown = harness.get_by_label_contains("Saved ");
    let window_width = 1000.0;
    assert!(
        shown.rect().right() <= window_width + 0.5,
        "the message ends at x = {} in a window {window_width} wide",
        shown.rect().right()
    );
    assert!(shown.rect().width() > 50.0, "some of it is shown");
}

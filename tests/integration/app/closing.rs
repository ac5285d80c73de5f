//! Closing the window and quitting: the prompts for unsaved changes.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use crate::support::*;

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Vec::new(), data.path());
    select(&mut harness, 0..3);
    press(&mut harness, Modifiers::NONE, Key::Num4);
    request_window_close(&mut harness);
    harness.run_steps(2);
    harness.get_by_label_contains("Unsaved changes in kim-lavrov-wonsan.ar.txt");
    harness.get_by_label("Discard changes");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("Unsaved changes in")
            .is_none()
    );
}

#[test]
fn closing_without_changes_does_not_ask() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Vec::new(), data.path());
    request_window_close(&mut harness);
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("Unsaved changes in")
            .is_none()
    );
}

#[test]
fn quit_with_unsaved_changes_asks_and_discard_closes() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Vec::new(), data.path());
    select(&mut harness, 0..3);
    press(&mut harness, Modifiers::NONE, Key::Num1);
    // Ctrl+Q sends a close request, which eframe turns into a close event next frame.
    // One frame with the key press, so that frame's output holds the viewport command.
    harness.input_mut().events.push(egui::Event::Key {
        key: Key::Q,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::COMMAND,
    });
    harness.step();
    let asked_to_close = harness
        .output()
        .viewport_output
        .values()
        .any(|v| v.commands.contains(&egui::ViewportCommand::Close));
    assert!(asked_to_close, "Ctrl+Q asks the window to close");
    request_window_close(&mut harness);
    harness.run_steps(3);
    harness.get_by_label("Discard changes").click();
    harness.run_steps(1);
    let closes = harness
        .output()
        .viewport_output
        .values()
        .any(|v| v.commands.contains(&egui::ViewportCommand::Close));
    assert!(closes, "discarding closes the window");
}

#[test]
fn unsaved_changes_prompt_names_an_arabic_file() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = write_document(files.path(), "بوتين في روسيا.txt");
    let mut harness = harness(vec![path], data.path());
    select(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    request_window_close(&mut harness);
    harness.run_steps(2);
    harness.get_by_label("Unsaved changes in بوتين في روسيا.txt.");
}

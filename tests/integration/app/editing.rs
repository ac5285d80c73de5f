//! Tagging through hotkeys: relabel, undo/redo, the status shortcut, and what new spans record
//! (the annotator's name, the app's clock).

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qalam::ui::QalamApp;

use qalam::ui::app::SAMPLE_TEXT;

use qalam::ui::app::settings::Settings;

use crate::support::*;

#[test]
fn hotkey_tags_relabels_undoes_redoes_and_marks_the_title_dirty() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = write_document(files.path(), "putin.txt");
    let mut harness = harness(vec![path], data.path());

    select(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    assert_doc(&harness, "زار [بوتين|COUNTRY*]^ روسيا أمس.\n");
    assert!(harness.state().window_title().ends_with("putin.txt •"));
    harness.get_by_label("Spans: 1");

    // No text selected now, the new span is: the digit relabels it.
    press(&mut harness, Modifiers::NONE, Key::Num1);
    assert_spans(&harness, "زار [بوتين|PERSON] روسيا أمس.\n");

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_spans(&harness, "زار [بوتين|COUNTRY] روسيا أمس.\n");
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_spans(&harness, "زار [بوتين|PERSON] روسيا أمس.\n");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_spans(&harness, "زار بوتين روسيا أمس.\n");
    assert!(!harness.state().current_document().expect("open").is_dirty());
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_spans(&harness, "زار [بوتين|COUNTRY] روسيا أمس.\n");
}

#[test]
fn tagging_without_a_selection_says_so_in_the_status_bar() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Vec::new(), data.path());
    press(&mut harness, Modifiers::NONE, Key::Num1);
    // The bundled sample, still without spans.
    assert_spans(&harness, SAMPLE_TEXT);
    harness.get_by_label_contains("Select some text first");
    // A slip is a notice in the status bar, not an error banner that pushes the text down.
    assert!(harness.state().messages().errors().is_empty());
    assert!(harness.query_by_label_contains("Error:").is_none());
}

#[test]
fn annotator_name_from_settings_is_recorded_on_new_spans() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Vec::new(), data.path());
    press(&mut harness, Modifiers::COMMAND, Key::Comma);
    harness.run_steps(1);
    harness.get_by_label("Settings");
    let field = harness.get_by_role(egui::accesskit::Role::TextInput);
    field.focus();
    field.type_text("Lina");
    harness.run_steps(2);
    harness.get_by_label("OK").click();
    harness.run_steps(2);
    assert_eq!(harness.state().settings().annotator, "Lina");
    select(&mut harness, 0..3);
    press(&mut harness, Modifiers::NONE, Key::E);
    let doc = harness.state().current_document().expect("open");
    assert_eq!(doc.annotation().spans().len(), 1);
    assert_eq!(doc.annotation().spans()[0].label, "EVENT");
    assert_eq!(
        doc.annotation().spans()[0].annotator.as_deref(),
        Some("Lina")
    );
}

#[test]
fn status_shortcut_sets_the_status_as_one_undoable_edit() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Vec::new(), data.path());
    press(&mut harness, Modifiers::ALT, Key::Num3);
    let status = |h: &Harness<'_, QalamApp>| {
        h.state()
            .current_document()
            .expect("open")
            .annotation()
            .status()
    };
    assert_eq!(status(&harness), qalam_core::model::DocStatus::Done);
    harness.get_by_value("Done");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(status(&harness), qalam_core::model::DocStatus::Todo);
}

/// Time is passed in: the app stamps edits with its clock, so a fixed clock gives exact,
/// repeatable timestamps on the new span and on the annotation.
#[test]
fn tagging_stamps_the_span_with_the_apps_clock() {
    fn fixed() -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::from_timestamp(1_767_225_600, 0).expect("a valid time")
    }
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = write_document(files.path(), "clock.txt");
    let mut harness = harness(vec![path], data.path());
    harness.state_mut().set_clock(fixed);
    select(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::P);
    let doc = harness.state().current_document().expect("open");
    let span = &doc.annotation().spans()[0];
    assert_eq!((span.start, span.end), (4, 9));
    assert_eq!((span.created, span.modified), (fixed(), fixed()));
    assert_eq!(doc.annotation().modified(), fixed());
}

/// Issue 8: nothing asked for the annotator's name, so saved spans had `annotator: null`.
#[test]
fn first_start_asks_for_the_annotators_name_once_and_the_status_bar_shows_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_with(Vec::new(), data.path(), Settings::default());
    harness.get_by_label("Welcome to Qalam");
    let field = harness.get_by_role(egui::accesskit::Role::TextInput);
    field.focus();
    field.type_text("أمل");
    harness.run_steps(2);
    harness.get_by_label("OK").click();
    harness.run_steps(2);
    assert!(harness.state().dialogs().is_empty());
    assert_eq!(harness.state().settings().annotator, "أمل");
    harness.get_by_label("Annotator: أمل");
    select(&mut harness, 0..3);
    press(&mut harness, Modifiers::NONE, Key::E);
    let doc = harness.state().current_document().expect("open");
    assert_eq!(
        doc.annotation().spans()[0].annotator.as_deref(),
        Some("أمل")
    );
}

#[test]
fn enter_in_the_name_prompt_is_ok() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_with(Vec::new(), data.path(), Settings::default());
    harness.get_by_label("Welcome to Qalam");
    let field = harness.get_by_role(egui::accesskit::Role::TextInput);
    field.focus();
    field.type_text("Lead");
    harness.run_steps(2);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run_steps(2);
    assert!(harness.state().dialogs().is_empty(), "Enter closes it");
    assert_eq!(harness.state().settings().annotator, "Lead");
}

#[test]
fn skipping_the_name_prompt_does_not_ask_again() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_with(Vec::new(), data.path(), Settings::default());
    harness.get_by_label("Skip").click();
    harness.run_steps(2);
    assert!(harness.state().dialogs().is_empty());
    harness.get_by_label("No annotator name (Settings)");
    let stored = harness.state().settings().clone();
    assert!(stored.annotator_asked);
    let again = harness_with(Vec::new(), data.path(), stored);
    assert!(again.state().dialogs().is_empty());
}

//! Label templates through the menu and the path dialog.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qalam::ui::QalamApp;
use qalam::ui::commands::Command;

use crate::support::*;

fn label_names(harness: &Harness<'_, QalamApp>) -> Vec<String> {
    let doc = harness.state().current_document().expect("open");
    let labels = &doc.annotation().labels().labels;
    labels.iter().map(|label| label.name.clone()).collect()
}

#[test]
fn menu_saves_and_loads_a_label_template_through_the_path_field_as_one_undo_step() {
    use qalam_core::io::label_template::{load_template, save_template};
    use qalam_core::model::{Label, LabelSet, Rgb};

    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = write_document(files.path(), "putin.txt");
    let mut harness = harness(vec![path], data.path());
    harness.state_mut().set_native_file_dialogs(false);
    let original = harness
        .state()
        .current_document()
        .expect("open")
        .annotation()
        .labels()
        .clone();

    // Save: the typed name gets the .labels.json suffix.
    harness
        .state_mut()
        .queue_command(Command::SaveLabelTemplate);
    harness.run_steps(3);
    harness.get_by_label("Save label template");
    answer_path_dialog(&mut harness, &files.path().join("news"), "Save");
    let saved = files.path().join("news.labels.json");
    assert_eq!(load_template(&saved).expect("saved template"), original);
    assert!(harness.state().messages().errors().is_empty());
    assert!(
        harness
            .state()
            .messages()
            .info_text()
            .is_some_and(|m| m.starts_with("Saved the labels to")),
        "{:?}",
        harness.state().messages().info_text()
    );

    // Load: the same rule, so typing "other" loads other.labels.json; one undo step.
    let mut other = LabelSet::default();
    other.labels.retain(|label| label.name == "PERSON");
    other
        .labels
        .push(Label::new("MISC", Rgb([1, 2, 3]), Some('M')));
    save_template(&files.path().join("other.labels.json"), &other).expect("write template");
    harness
        .state_mut()
        .queue_command(Command::LoadLabelTemplate);
    harness.run_steps(3);
    harness.get_by_label("Load label template");
    answer_path_dialog(&mut harness, &files.path().join("other"), "Load");
    assert!(harness.state().messages().errors().is_empty());
    assert_eq!(label_names(&harness), ["PERSON", "MISC"]);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    let doc = harness.state().current_document().expect("open");
    assert_eq!(
        doc.annotation().labels(),
        &original,
        "one undo restores every label"
    );
    assert!(!doc.is_dirty());
}

#[test]
fn loading_a_missing_label_template_reports_the_file_it_looked_for() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = write_document(files.path(), "putin.txt");
    let mut harness = harness(vec![path], data.path());
    harness.state_mut().set_native_file_dialogs(false);
    let before = label_names(&harness);
    harness
        .state_mut()
        .queue_command(Command::LoadLabelTemplate);
    harness.run_steps(3);
    answer_path_dialog(&mut harness, &files.path().join("missing.json"), "Load");
    let errors = harness.state().messages().errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("Could not load the template: ")
            && errors[0].contains("missing.labels.json"),
        "{errors:?}"
    );
    assert_eq!(label_names(&harness), before);
}

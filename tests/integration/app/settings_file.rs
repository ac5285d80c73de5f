//! The settings file between runs: what the user changes is written atomically to
//! `settings.json` in the data folder and read by the next start; a damaged file is named in the
//! window (file, line, column, what is wrong) and the defaults are used.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use qalam::ui::app::settings::{Settings, load_settings, settings_path};

use crate::support::*;

#[test]
fn a_theme_change_is_written_to_the_settings_file_and_read_by_the_next_start() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Vec::new(), data.path());
    assert!(harness.state().settings().dark_theme);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::T);
    harness.run_steps(2);
    assert!(!harness.state().settings().dark_theme);
    harness.state_mut().save_settings();

    let (read, problem) = load_settings(data.path(), None);
    assert!(problem.is_none(), "{problem:?}");
    assert_eq!(&read, harness.state().settings());
    assert!(!read.dark_theme);
    let names: Vec<String> = std::fs::read_dir(data.path())
        .expect("data folder")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(names.is_empty(), "temporary files left: {names:?}");

    let next = harness_with(Vec::new(), data.path(), read);
    assert!(!next.state().settings().dark_theme);
}

#[test]
fn unchanged_settings_are_not_written() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Vec::new(), data.path());
    harness.state_mut().save_settings();
    assert!(!settings_path(data.path()).exists());
}

#[test]
fn a_damaged_settings_file_is_named_in_the_window_kept_aside_and_the_defaults_are_used() {
    let data = tempfile::tempdir().expect("temp dir");
    let path = settings_path(data.path());
    std::fs::write(
        &path,
        "{\n  \"text_size\": 30,\n  \"dark_theme\": \"no\"\n}\n",
    )
    .expect("write");
    let (settings, problem) = load_settings(data.path(), None);
    assert_eq!(settings, Settings::default());
    let problem = problem.expect("the damaged file is an error");
    let expected = format!(
        "Settings not read, the defaults are in use: {}:3:20: invalid type: string \"no\", expected a boolean (the file is kept as {}.damaged)",
        path.display(),
        path.display()
    );
    assert_eq!(problem.to_string(), expected);
    assert!(
        !path.exists(),
        "set aside, so saving the defaults cannot destroy it"
    );
    assert!(path.with_file_name("settings.json.damaged").exists());
    let mut harness = harness_with(
        Vec::new(),
        data.path(),
        Settings {
            annotator_asked: true,
            ..settings
        },
    );
    harness.state_mut().report_settings_problem(&problem);
    harness.run_steps(2);
    assert_eq!(harness.state().messages().errors(), [expected]);
    harness.get_by_label_contains("Settings not read, the defaults are in use");
}

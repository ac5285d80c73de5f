//! The app shell end to end in egui_kittest: open, tag through hotkeys, relabel, undo/redo, save
//! and reload, the close prompt, and crash recovery across a killed process.

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qalam::ui::QalamApp;
use qalam::ui::app::SAMPLE_TEXT;
use qalam::ui::app::egui_fonts::install_egui_fonts;
use qalam::ui::app::settings::Settings;
use qalam::ui::commands::{AppMessage, Command};

/// Env var naming the data dir of the recovery child process.
const CHILD_DATA_DIR_ENV: &str = "QALAM_TEST_RECOVERY_CHILD_DATA_DIR";
/// Env var naming the document the recovery child opens.
const CHILD_DOCUMENT_ENV: &str = "QALAM_TEST_RECOVERY_CHILD_DOCUMENT";

/// The sample sentence's "روسيا" … we tag code points [4, 9) of a known text.
const TEXT: &str = "زار بوتين روسيا أمس.\n";

fn harness(paths: Vec<PathBuf>, data_dir: &Path) -> Harness<'static, QalamApp> {
    let app = QalamApp::new(paths, data_dir, Settings::default());
    let mut harness = Harness::builder()
        .with_size([1000.0, 700.0])
        // As in the real window: egui's fonts with the bundled Arabic font as a fallback, so a
        // missing glyph panics the test (kittest's default policy).
        .with_context_setup(install_egui_fonts)
        .build_ui_state(|ui, app: &mut QalamApp| app.app_ui(ui), app);
    harness.run_steps(2);
    harness
}

fn write_document(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, TEXT).expect("write the test document");
    path
}

fn select(harness: &mut Harness<'_, QalamApp>, range: std::ops::Range<usize>) {
    harness
        .state_mut()
        .current_document_mut()
        .expect("a document is open")
        .view
        .set_selection(Some(range));
}

fn spans(harness: &Harness<'_, QalamApp>) -> Vec<(usize, usize, String)> {
    harness
        .state()
        .current_document()
        .expect("a document is open")
        .annotation()
        .spans()
        .iter()
        .map(|s| (s.start, s.end, s.label.clone()))
        .collect()
}

/// Queues the window manager's close request (the title bar's ×) for the next frame.
fn request_window_close(harness: &mut Harness<'_, QalamApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
}

fn press(harness: &mut Harness<'_, QalamApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(2);
}

#[test]
fn without_paths_the_bundled_sample_is_open_and_titled() {
    let data = tempfile::tempdir().expect("temp dir");
    let harness = harness(Vec::new(), data.path());
    let doc = harness.state().current_document().expect("sample open");
    assert_eq!(doc.annotation().document().text(), SAMPLE_TEXT);
    assert_eq!(
        harness.state().window_title(),
        "Qalam — kim-lavrov-wonsan.ar.txt"
    );
    harness.get_by_label("File");
    harness.get_by_label("Spans: 0");
}

#[test]
fn hotkey_tags_relabels_undoes_redoes_and_marks_the_title_dirty() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = write_document(files.path(), "putin.txt");
    let mut harness = harness(vec![path], data.path());

    select(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    assert_eq!(spans(&harness), vec![(4, 9, "COUNTRY".to_owned())]);
    assert!(harness.state().window_title().ends_with("putin.txt •"));
    harness.get_by_label("Spans: 1");

    // No text selected now, the new span is: the digit relabels it.
    press(&mut harness, Modifiers::NONE, Key::Num1);
    assert_eq!(spans(&harness), vec![(4, 9, "PERSON".to_owned())]);

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(spans(&harness), vec![(4, 9, "COUNTRY".to_owned())]);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(spans(&harness), vec![(4, 9, "PERSON".to_owned())]);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(spans(&harness).is_empty());
    assert!(!harness.state().current_document().expect("open").is_dirty());
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(spans(&harness), vec![(4, 9, "COUNTRY".to_owned())]);
}

#[test]
fn tagging_without_a_selection_says_so_in_the_status_bar() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Vec::new(), data.path());
    press(&mut harness, Modifiers::NONE, Key::Num1);
    assert!(spans(&harness).is_empty());
    harness.get_by_label_contains("Select some text first");
}

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
    select(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::P);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert_eq!(
        std::fs::read_to_string(&existing).expect("read"),
        "someone else's work",
        "not overwritten without asking"
    );
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
    let loaded = qalam_core::io::load_path(&files.path().join("putin.qalam.json")).expect("reload");
    let reloaded: Vec<_> = loaded
        .annotation
        .spans()
        .iter()
        .map(|s| (s.start, s.end, s.label.clone()))
        .collect();
    assert_eq!(reloaded, spans(&harness));
    assert_eq!(loaded.annotation.document().text(), TEXT);
}

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
fn shortcut_overlay_lists_commands_with_their_keys() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Vec::new(), data.path());
    press(&mut harness, Modifiers::NONE, Key::F1);
    harness.get_by_label("Grow start by a word");
    harness.get_by_label("Ctrl+Shift+Z or Ctrl+Y");
    // Statuses are listed under the core's display name.
    harness.get_by_label("Status: In progress");
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

/// Steps the harness until `done` holds or `timeout` passes.
fn step_until(harness: &mut Harness<'_, QalamApp>, timeout: Duration, done: impl Fn() -> bool) {
    let deadline = Instant::now() + timeout;
    while !done() {
        assert!(Instant::now() < deadline, "timed out");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn recovery_sidecars(data_dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(data_dir.join("recovery"))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(".meta.json"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn edit_is_autosaved_and_the_recovery_file_goes_away_on_save() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = write_document(files.path(), "putin.txt");
    let mut harness = harness(vec![path], data.path());
    select(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    let dir = data.path().to_owned();
    step_until(&mut harness, Duration::from_secs(20), || {
        !recovery_sidecars(&dir).is_empty()
    });
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(recovery_sidecars(data.path()).is_empty());
}

/// The child side of [`recovery_survives_a_killed_process`]: makes an edit, waits for the
/// recovery file, then blocks until killed. Does nothing unless started by the parent.
#[test]
#[ignore = "child process of recovery_survives_a_killed_process"]
fn recovery_child_process() {
    let (Some(data_dir), Some(document)) = (
        std::env::var_os(CHILD_DATA_DIR_ENV),
        std::env::var_os(CHILD_DOCUMENT_ENV),
    ) else {
        return;
    };
    let data_dir = PathBuf::from(data_dir);
    let mut harness = harness(vec![PathBuf::from(document)], &data_dir);
    select(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    step_until(&mut harness, Duration::from_secs(60), || {
        !recovery_sidecars(&data_dir).is_empty()
    });
    println!("recovery file written");
    loop {
        std::thread::sleep(Duration::from_secs(1));
    }
}

#[test]
fn recovery_survives_a_killed_process() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let document = write_document(files.path(), "putin.txt");
    let mut child = Process::new(std::env::current_exe().expect("test binary"))
        .args([
            "app::recovery_child_process",
            "--exact",
            "--ignored",
            "--nocapture",
        ])
        .env(CHILD_DATA_DIR_ENV, data.path())
        .env(CHILD_DOCUMENT_ENV, &document)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the child test process");
    let deadline = Instant::now() + Duration::from_secs(120);
    while recovery_sidecars(data.path()).is_empty() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("child exited early with {status}");
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("child never wrote a recovery file");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().expect("kill the child");
    child.wait().expect("reap the child");

    let mut harness = harness(vec![document], data.path());
    harness.get_by_label_contains("Restore unsaved work from");
    harness.get_by_label_contains("for putin.qalam.json?");
    harness.get_by_label("Restore");
    harness.get_by_label("Discard").click();
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("Restore unsaved work from")
            .is_none()
    );
    assert!(recovery_sidecars(data.path()).is_empty());
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
fn view_commands_change_the_persisted_settings() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Vec::new(), data.path());
    let size = harness.state().settings().text_size;
    let dark = harness.state().settings().dark_theme;
    press(&mut harness, Modifiers::COMMAND, Key::Plus);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::T);
    assert_eq!(harness.state().settings().text_size, size + 2.0);
    assert_eq!(harness.state().settings().dark_theme, !dark);
    assert_eq!(
        harness
            .state()
            .current_document()
            .expect("open")
            .view
            .text_size(),
        size + 2.0
    );
    press(&mut harness, Modifiers::COMMAND, Key::Minus);
    assert_eq!(harness.state().settings().text_size, size);
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
    let labels_on_disk = || -> Vec<(usize, usize, String)> {
        qalam_core::io::load_path(&saved)
            .expect("reload")
            .annotation
            .spans()
            .iter()
            .map(|s| (s.start, s.end, s.label.clone()))
            .collect()
    };
    select(&mut harness, 10..15);
    press(&mut harness, Modifiers::NONE, Key::C);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.run_steps(1);
    harness.get_by_label("File changed on disk");
    harness.get_by_label_contains("putin.qalam.json changed on disk since it was opened");
    assert_eq!(labels_on_disk(), vec![(4, 9, "EVENT".to_owned())]);
    assert!(harness.state().current_document().expect("open").is_dirty());
    harness.get_by_label("Overwrite").click();
    harness.run_steps(2);
    assert_eq!(
        labels_on_disk(),
        vec![(4, 9, "PERSON".to_owned()), (10, 15, "COUNTRY".to_owned())]
    );
    assert!(!harness.state().current_document().expect("open").is_dirty());
}

#[test]
fn restoring_recovered_work_brings_back_the_spans_as_unsaved() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = write_document(files.path(), "putin.txt");
    {
        let mut harness = harness(vec![path.clone()], data.path());
        select(&mut harness, 4..9);
        press(&mut harness, Modifiers::NONE, Key::Num2);
        let dir = data.path().to_owned();
        step_until(&mut harness, Duration::from_secs(20), || {
            !recovery_sidecars(&dir).is_empty()
        });
        // Dropped without a clean close, as after a crash.
    }
    let mut harness = harness(vec![path], data.path());
    harness.get_by_label("Restore").click();
    harness.run_steps(2);
    assert_eq!(spans(&harness), vec![(4, 9, "COUNTRY".to_owned())]);
    assert!(harness.state().current_document().expect("open").is_dirty());
    assert_eq!(
        harness.state().documents().len(),
        1,
        "replaces the clean copy"
    );
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
fn undoing_back_to_the_saved_state_removes_the_recovery_file() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Vec::new(), data.path());
    select(&mut harness, 0..3);
    press(&mut harness, Modifiers::NONE, Key::Num1);
    let dir = data.path().to_owned();
    step_until(&mut harness, Duration::from_secs(20), || {
        !recovery_sidecars(&dir).is_empty()
    });
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    step_until(&mut harness, Duration::from_secs(20), || {
        recovery_sidecars(&dir).is_empty()
    });
    assert!(!harness.state().current_document().expect("open").is_dirty());
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

/// Where `روسيا` lies in the sample: inside `لروسيا`, after the clitic `ل` (code point 106).
const RUSSIA: std::ops::Range<usize> = 107..112;

/// The bundled sample copied into `dir`, so that saving writes next to the copy.
fn sample_copy(dir: &Path) -> PathBuf {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/kim-lavrov-wonsan.ar.txt");
    let copy = dir.join("kim-lavrov-wonsan.ar.txt");
    std::fs::copy(&sample, &copy).expect("copy the sample");
    copy
}

/// The screen box of the character at code point `cp` in the app's document view.
fn char_box(harness: &Harness<'_, QalamApp>, cp: usize) -> egui::Rect {
    let rects = harness
        .state()
        .current_document()
        .expect("a document is open")
        .view
        .range_screen_rects(cp..cp + 1);
    assert_eq!(rects.len(), 1, "char {cp} should have one box: {rects:?}");
    rects[0]
}

/// A point just inside right-to-left character `cp`, on its right side, where the boundary
/// before it lies.
fn before_rtl_char(harness: &Harness<'_, QalamApp>, cp: usize) -> egui::Pos2 {
    let rect = char_box(harness, cp);
    egui::pos2(rect.right() - 1.0, rect.center().y)
}

/// A point just inside right-to-left character `cp`, on its left side, where the boundary
/// after it lies.
fn after_rtl_char(harness: &Harness<'_, QalamApp>, cp: usize) -> egui::Pos2 {
    let rect = char_box(harness, cp);
    egui::pos2(rect.left() + 1.0, rect.center().y)
}

/// Presses the primary button at `from`, moves through the midpoint to `to` and releases.
fn mouse_drag(harness: &mut Harness<'_, QalamApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.run_steps(2);
    harness.drag_at(from);
    harness.run_steps(2);
    harness.hover_at(from.lerp(to, 0.5));
    harness.run_steps(2);
    harness.hover_at(to);
    harness.run_steps(2);
    harness.drop_at(to);
    harness.run_steps(2);
}

/// One primary click at `pos`.
fn mouse_click(harness: &mut Harness<'_, QalamApp>, pos: egui::Pos2) {
    harness.hover_at(pos);
    harness.run_steps(2);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run_steps(2);
}

/// With `روسيا` selected in the sample opened from `files`: press 2, find it in the span list,
/// relabel it by clicking its row and pressing 1, undo, redo, save, and reload the saved file
/// to find the same span at the same code-point offsets.
fn tag_relabel_undo_redo_save_and_reload(harness: &mut Harness<'_, QalamApp>, files: &Path) {
    let selection = harness
        .state()
        .current_document()
        .expect("open")
        .view
        .selection();
    assert_eq!(selection, Some(RUSSIA));
    // The status bar names the selection, its text drawn bidi-correctly.
    harness.get_by_label("Selection [107, 112):");
    harness.get_by_label("روسيا");

    press(harness, Modifiers::NONE, Key::Num2);
    assert_eq!(spans(harness), vec![(107, 112, "COUNTRY".to_owned())]);
    harness.get_by_label("روسيا — COUNTRY [107, 112)").click();
    harness.run_steps(2);
    press(harness, Modifiers::NONE, Key::Num1);
    assert_eq!(spans(harness), vec![(107, 112, "PERSON".to_owned())]);
    harness.get_by_label("روسيا — PERSON [107, 112)");

    press(harness, Modifiers::COMMAND, Key::Z);
    harness.get_by_label("روسيا — COUNTRY [107, 112)");
    press(harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.get_by_label("روسيا — PERSON [107, 112)");

    press(harness, Modifiers::COMMAND, Key::S);
    assert!(
        harness.state().messages().errors().is_empty(),
        "{:?}",
        harness.state().messages().errors()
    );
    assert!(!harness.state().current_document().expect("open").is_dirty());
    let saved = files.join("kim-lavrov-wonsan.ar.qalam.json");
    let loaded = qalam_core::io::load_path(&saved).expect("reload the saved file");
    let reloaded: Vec<_> = loaded
        .annotation
        .spans()
        .iter()
        .map(|s| (s.start, s.end, s.label.clone()))
        .collect();
    assert_eq!(reloaded, vec![(107, 112, "PERSON".to_owned())]);
    assert_eq!(reloaded, spans(harness));
    let text: String = loaded
        .annotation
        .document()
        .text()
        .chars()
        .skip(RUSSIA.start)
        .take(RUSSIA.len())
        .collect();
    assert_eq!(text, "روسيا");
    assert_eq!(loaded.annotation.document().text(), SAMPLE_TEXT);
}

#[test]
fn acceptance_mouse_drag_tags_russia_inside_its_clitic_word_and_round_trips() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(vec![sample_copy(files.path())], data.path());
    let from = before_rtl_char(&harness, RUSSIA.start);
    let to = after_rtl_char(&harness, RUSSIA.end - 1);
    mouse_drag(&mut harness, from, to);
    tag_relabel_undo_redo_save_and_reload(&mut harness, files.path());
}

#[test]
fn acceptance_keyboard_selection_tags_russia_inside_its_clitic_word_and_round_trips() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(vec![sample_copy(files.path())], data.path());
    let caret = before_rtl_char(&harness, RUSSIA.start);
    mouse_click(&mut harness, caret);
    assert_eq!(
        harness
            .state()
            .current_document()
            .expect("open")
            .view
            .caret(),
        RUSSIA.start
    );
    // Right-to-left text: Left moves forward in the text.
    for _ in RUSSIA {
        press(&mut harness, Modifiers::SHIFT, Key::ArrowLeft);
    }
    tag_relabel_undo_redo_save_and_reload(&mut harness, files.path());
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

/// Types `path` into the path dialog's field and presses its `confirm` button.
fn answer_path_dialog(harness: &mut Harness<'_, QalamApp>, path: &Path, confirm: &str) {
    harness
        .get_by(|node| node.data().placeholder() == Some("/path/to/file"))
        .set_text_value_accesskit(&path.display().to_string());
    harness.run();
    harness.get_by_label(confirm).click();
    harness.run_steps(3);
}

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

//! Shared helpers of the app tests: a harness on the real app, the test document, selecting,
//! pressing keys, answering dialogs, and notation assertions on the open document.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use qalam::ui::QalamApp;
use qalam::ui::app::egui_fonts::install_egui_fonts;
use qalam::ui::app::settings::Settings;
use qalam_core::model::Annotation;
use qalam_core::model::notation::{Case, Selection, assert_case, assert_notation};

/// The test document: "Putin visited Russia yesterday." Code points: زار 0..3, بوتين 4..9,
/// روسيا 10..15, أمس 16..19.
pub(crate) const TEXT: &str = "زار بوتين روسيا أمس.\n";

pub(crate) fn harness(paths: Vec<PathBuf>, data_dir: &Path) -> Harness<'static, QalamApp> {
    // The first-start name prompt was answered in an earlier run; see `harness_with`.
    let settings = Settings {
        annotator_asked: true,
        ..Settings::default()
    };
    harness_with(paths, data_dir, settings)
}

/// A harness on the app started with `settings` (as if stored by an earlier run).
pub(crate) fn harness_with(
    paths: Vec<PathBuf>,
    data_dir: &Path,
    settings: Settings,
) -> Harness<'static, QalamApp> {
    let app = QalamApp::new(paths, data_dir, settings);
    let mut harness = Harness::builder()
        .with_size([1000.0, 700.0])
        // As in the real window: egui's fonts with the bundled Arabic font as a fallback, so a
        // missing glyph panics the test (kittest's default policy).
        .with_context_setup(install_egui_fonts)
        .build_ui_state(|ui, app: &mut QalamApp| app.app_ui(ui), app);
    harness.run_steps(2);
    harness
}

pub(crate) fn write_document(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, TEXT).expect("write the test document");
    path
}

pub(crate) fn select(harness: &mut Harness<'_, QalamApp>, range: std::ops::Range<usize>) {
    harness
        .state_mut()
        .current_document_mut()
        .expect("a document is open")
        .view
        .set_selection(Some(range));
}

/// Asserts the open document's text and spans, in notation: `"زار [بوتين|PERSON] روسيا أمس.\n"`.
/// Selections are not compared; see [`assert_doc`].
#[track_caller]
pub(crate) fn assert_spans(harness: &Harness<'_, QalamApp>, expected: &str) {
    let doc = harness
        .state()
        .current_document()
        .expect("a document is open");
    assert_notation(doc.annotation(), None, None, expected);
}

/// Asserts the open document's whole editing state in notation: spans, the text selection with
/// its direction (`{…}`, `{^…}`, or the caret `^`) and the selected span (`*`).
#[track_caller]
pub(crate) fn assert_doc(harness: &Harness<'_, QalamApp>, expected: &str) {
    let doc = harness
        .state()
        .current_document()
        .expect("a document is open");
    let selection = Selection::from_view(doc.view.selection(), doc.view.caret());
    let actual = Case::from_annotation(doc.annotation(), Some(selection), doc.selected_span);
    assert_case(&actual, expected);
}

/// Asserts the spans of a saved annotation in notation (text and spans only).
#[track_caller]
pub(crate) fn assert_saved_spans(path: &Path, expected: &str) {
    let loaded = qalam_core::io::load_path(path)
        .unwrap_or_else(|error| panic!("reload {}: {error}", path.display()));
    assert_notation(&loaded.annotation, None, None, expected);
}

/// Asserts, in notation, the part `window` of a long text and every span of `ann`: all spans
/// must lie inside `window` (so an unexpected span elsewhere fails too), and are compared
/// relative to it.
#[track_caller]
pub(crate) fn assert_excerpt(ann: &Annotation, window: Range<usize>, expected: &str) {
    let text: String = ann
        .document()
        .text()
        .chars()
        .skip(window.start)
        .take(window.len())
        .collect();
    let mut spans = Vec::new();
    for span in ann.spans() {
        assert!(
            window.start <= span.start && span.end <= window.end,
            "span [{}, {}) {} lies outside the excerpt [{}, {})",
            span.start,
            span.end,
            span.label,
            window.start,
            window.end
        );
        spans.push((
            span.start - window.start,
            span.end - window.start,
            span.label.clone(),
        ));
    }
    let actual = Case {
        text,
        spans,
        selection: None,
        selected: None,
    };
    assert_case(&actual, expected);
}

/// Queues the window manager's close request (the title bar's ×) for the next frame.
pub(crate) fn request_window_close(harness: &mut Harness<'_, QalamApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
}

pub(crate) fn press(harness: &mut Harness<'_, QalamApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(2);
}

/// Steps the harness until `done` holds or `timeout` passes.
pub(crate) fn step_until(
    harness: &mut Harness<'_, QalamApp>,
    timeout: Duration,
    done: impl Fn() -> bool,
) {
    let deadline = Instant::now() + timeout;
    while !done() {
        assert!(Instant::now() < deadline, "timed out");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Types `path` into the path dialog's field and presses its `confirm` button.
pub(crate) fn answer_path_dialog(harness: &mut Harness<'_, QalamApp>, path: &Path, confirm: &str) {
    harness
        .get_by(|node| node.data().placeholder() == Some("/path/to/file"))
        .set_text_value_accesskit(&path.display().to_string());
    harness.run();
    harness.get_by_label(confirm).click();
    harness.run_steps(3);
}

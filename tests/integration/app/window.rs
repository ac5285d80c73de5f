//! The window itself: the bundled sample without arguments, the shortcut overlay, and the view
//! settings that persist.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use qalam::ui::app::SAMPLE_TEXT;

use crate::support::*;

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
fn escape_closes_the_shortcut_overlay() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Vec::new(), data.path());
    press(&mut harness, Modifiers::NONE, Key::F1);
    harness.get_by_label("Grow start by a word");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("Grow start by a word").is_none());
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

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
    // The panel and word-snapping toggles (issue 8) are listed with their keys.
    harness.get_by_label("Show span list");
    harness.get_by_label("F9");
    harness.get_by_label("Snap selection to words");
    harness.get_by_label("Ctrl+Shift+W");
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

/// Width of the document view's text area (its accessible node) in the last frame.
fn document_width(harness: &egui_kittest::Harness<'_, qalam::ui::QalamApp>) -> f32 {
    harness.get_by_label("Document").rect().width()
}

#[test]
fn side_panels_fold_in_a_narrow_window_and_f8_f9_toggle_them() {
    use qalam::ui::app::side_panels::MIN_TEXT_WIDTH;
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Vec::new(), data.path());
    harness.get_by_label("Sort:");
    harness.get_by_label("Labels");

    // Too narrow for both panels and a usable text column: the span list gives way first.
    harness.set_size(egui::Vec2::new(760.0, 700.0));
    harness.run_steps(3);
    assert!(
        harness.query_by_label("Sort:").is_none(),
        "span list folded"
    );
    harness.get_by_label("Labels");
    harness.get_by_label("Show span list");
    assert!(document_width(&harness) >= MIN_TEXT_WIDTH - 30.0);

    // Narrower still: the palette folds too, and the text keeps its width.
    harness.set_size(egui::Vec2::new(560.0, 700.0));
    harness.run_steps(3);
    assert!(harness.query_by_label("Labels").is_none(), "palette folded");
    assert!(document_width(&harness) >= MIN_TEXT_WIDTH - 30.0);

    // F9 opens the folded span list anyway, F9 again hides it (and the choice is remembered).
    press(&mut harness, Modifiers::NONE, Key::F9);
    harness.get_by_label("Sort:");
    assert!(harness.state().settings().show_span_list);
    press(&mut harness, Modifiers::NONE, Key::F9);
    assert!(harness.query_by_label("Sort:").is_none());
    assert!(!harness.state().settings().show_span_list);

    // Wide again: the palette comes back by itself, the span list stays hidden by choice
    // until its strip's button opens it; F8 hides the palette.
    harness.set_size(egui::Vec2::new(1000.0, 700.0));
    harness.run_steps(3);
    harness.get_by_label("Labels");
    assert!(harness.query_by_label("Sort:").is_none());
    harness.get_by_label("Show span list").click();
    harness.run_steps(3);
    harness.get_by_label("Sort:");
    assert!(harness.state().settings().show_span_list);
    press(&mut harness, Modifiers::NONE, Key::F8);
    assert!(harness.query_by_label("Labels").is_none());
    assert!(!harness.state().settings().show_label_palette);
}

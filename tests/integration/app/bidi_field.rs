//! Right-to-left text in text fields (`BidiTextEdit`) in the real app: Arabic typed into the
//! search field (Ctrl+F) is drawn by the engine over the field (right to left, joined, glyphs in
//! the engine's atlas), still edits the pattern and finds matches; the caret is where the
//! logical index is displayed, ←/→ move it visually, a click puts it under the pointer; Latin
//! text keeps egui's own drawing.

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use qalam::text::shared_engine;
use qalam::ui::QalamApp;
use qalam::ui::panels::search_bar::SEARCH_FIELD_HINT;
use qalam::ui::widgets::bidi_text_edit::{FieldOverlay, painted_overlay};

use crate::support::*;

const NAMES: &str = "زار بوتين ثم لبوتين وبُوتين.\n";

fn open_names(data: &std::path::Path, files: &std::path::Path) -> Harness<'static, QalamApp> {
    let path = files.join("names.txt");
    std::fs::write(&path, NAMES).expect("write the test document");
    harness(vec![path], data)
}

/// The search field's accessibility node id and current value.
fn search_field(harness: &Harness<'_, QalamApp>) -> (u64, String) {
    let field = harness.get_by(|node| node.data().placeholder() == Some(SEARCH_FIELD_HINT));
    let (node, _tree) = field.accesskit_node().locate();
    (node.0, field.value().unwrap_or_default())
}

fn overlay(harness: &Harness<'_, QalamApp>) -> Option<FieldOverlay> {
    let (id, _) = search_field(harness);
    painted_overlay(&harness.ctx, id)
}

fn pattern(harness: &Harness<'_, QalamApp>) -> String {
    harness.state().search_bar().query().pattern
}

fn caret_x(harness: &Harness<'_, QalamApp>) -> f32 {
    overlay(harness)
        .and_then(|o| o.caret)
        .expect("the focused field paints a caret")
        .center()
        .x
}

fn open_search_and_type(harness: &mut Harness<'_, QalamApp>, text: &str) {
    press(harness, Modifiers::COMMAND, Key::F);
    let field = harness.get_by(|node| node.data().placeholder() == Some(SEARCH_FIELD_HINT));
    field.focus();
    field.type_text(text);
    harness.run_steps(3);
}

fn click(harness: &mut Harness<'_, QalamApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run_steps(2);
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run_steps(2);
}

#[test]
fn arabic_typed_into_the_search_field_is_drawn_by_the_engine_and_still_searches() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let mut harness = open_names(data.path(), files.path());
    open_search_and_type(&mut harness, "بوتين");

    // Typing still edits the pattern and finds the matches.
    assert_eq!(pattern(&harness), "بوتين");
    assert_eq!(search_field(&harness).1, "بوتين", "accessible value");
    let matches: Vec<(usize, usize)> = harness
        .state()
        .search_bar()
        .matches()
        .iter()
        .map(|m| (m.start, m.end))
        .collect();
    assert_eq!(matches, [(4, 9), (14, 19), (21, 27)]);

    // The engine drew it: right to left, one visual line.
    let painted = overlay(&harness).expect("the field's overlay is painted");
    assert_eq!(painted.visual_chars, [vec![4, 3, 2, 1, 0]]);
    // The glyphs are a mesh in the engine's atlas, inside the field.
    let atlas = {
        let engine = shared_engine(&harness.ctx);
        let mut engine = engine.lock().expect("engine");
        engine.atlas_texture(&harness.ctx)
    };
    let in_field = harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Mesh(mesh) if mesh.texture_id == atlas => Some(mesh.calc_bounds()),
            _ => None,
        })
        .filter(|bounds| painted.rect.expand(2.0).contains_rect(*bounds))
        .count();
    assert_eq!(
        in_field, 1,
        "one engine mesh inside the field {:?}",
        painted.rect
    );

    // Right-aligned: the logical start (Home) at the field's right edge, the end after the last
    // letter left of it, by the word's width.
    let caret = painted.caret.expect("caret");
    press(&mut harness, Modifiers::NONE, Key::Home);
    let start = caret_x(&harness);
    assert!(
        start > painted.rect.right() - 10.0,
        "start {start} at the right of {:?}",
        painted.rect
    );
    assert!(
        caret.center().x < start - 20.0,
        "end {caret:?} left of the start {start}"
    );
    press(&mut harness, Modifiers::NONE, Key::End);

    // → moves the caret visually right: one letter back in logical order.
    let end_x = caret_x(&harness);
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert!(caret_x(&harness) > end_x, "→ moves the caret right");
    harness.get_by(|node| node.data().placeholder() == Some(SEARCH_FIELD_HINT));
    harness
        .get_by(|node| node.data().placeholder() == Some(SEARCH_FIELD_HINT))
        .type_text("ي");
    harness.run_steps(3);
    assert_eq!(pattern(&harness), "بوتيين", "typed before the last letter");

    // A click at the text's right edge puts the caret at the logical start.
    let painted = overlay(&harness).expect("overlay");
    let right_edge = egui::pos2(painted.rect.right() - 6.0, painted.rect.center().y);
    click(&mut harness, right_edge);
    harness
        .get_by(|node| node.data().placeholder() == Some(SEARCH_FIELD_HINT))
        .type_text("و");
    harness.run_steps(3);
    assert_eq!(pattern(&harness), "وبوتيين", "typed at the start");
}

#[test]
fn a_caret_between_latin_and_arabic_sits_at_the_visual_position() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let mut harness = open_names(data.path(), files.path());
    open_search_and_type(&mut harness, "abc روسيا");
    let painted = overlay(&harness).expect("mixed text is drawn by the engine");
    assert_eq!(painted.visual_chars, [vec![0, 1, 2, 3, 8, 7, 6, 5, 4]]);
    // At the end (after the Arabic word) the caret is at the word's left edge, right of "abc ".
    let end = caret_x(&harness);
    // Home: the logical start, at the left edge of "abc".
    press(&mut harness, Modifiers::NONE, Key::Home);
    let start = caret_x(&harness);
    assert!(start < end, "start {start} left of the end {end}");
    // → from the start goes right through "abc ".
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert!(caret_x(&harness) > start);
}

#[test]
fn latin_text_keeps_the_plain_field() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let mut harness = open_names(data.path(), files.path());
    open_search_and_type(&mut harness, "Putin");
    assert_eq!(pattern(&harness), "Putin");
    assert!(overlay(&harness).is_none(), "no overlay over Latin text");
    // Deleting back to nothing and typing Arabic switches to the engine in the same frame.
    for _ in 0..5 {
        press(&mut harness, Modifiers::NONE, Key::Backspace);
    }
    assert_eq!(pattern(&harness), "");
    harness
        .get_by(|node| node.data().placeholder() == Some(SEARCH_FIELD_HINT))
        .type_text("ر");
    harness.step();
    assert!(overlay(&harness).is_some(), "drawn by the engine at once");
}

#[test]
fn a_long_arabic_pattern_keeps_the_caret_inside_the_field() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let mut harness = open_names(data.path(), files.path());
    let long = "زار بوتين ثم لبوتين وبوتين ثم زار موسكو ولروسيا مرة أخرى";
    open_search_and_type(&mut harness, long);
    let inside = |harness: &Harness<'_, QalamApp>| {
        let painted = overlay(harness).expect("overlay");
        let caret = painted.caret.expect("caret");
        assert!(
            painted.rect.x_range().contains(caret.center().x),
            "caret {caret:?} inside the field {:?}",
            painted.rect
        );
        painted.origin.x
    };
    // Wider than the field: scrolled so that the end (on the left) shows with the caret.
    let at_end = inside(&harness);
    press(&mut harness, Modifiers::NONE, Key::Home);
    let at_start = inside(&harness);
    assert!(
        at_start < at_end,
        "Home scrolls back to the right-hand start"
    );
}

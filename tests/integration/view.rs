//! Integration tests of the document view, driven headless by egui_kittest: drag selection in
//! RTL, LTR and mixed lines and inside a word, double-click, Shift+arrow selection, span clicks,
//! edge drags, scrolling and virtualisation. Pointer positions come from the view's own
//! geometry (`range_screen_rects` of known code points), never from magic pixels. Inputs and
//! expected states are written in span notation (`ل{روسيا}` = the text selection `[1, 6)`).

use egui::{Event, Key, Modifiers, PointerButton, Pos2, Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qalam::ui::document_view::{DocumentView, ViewResponse};
use qalam_core::model::notation::{Case, Selection, assert_case, assert_notation};
use qalam_core::model::{Annotation, Document, SpanId};

/// What the tiny test app holds.
struct ViewApp {
    view: DocumentView,
    ann: Annotation,
    selected: Option<SpanId>,
    responses: Vec<ViewResponse>,
}

fn annotation(text: &str, spans: &[(usize, usize, &str)]) -> Annotation {
    Annotation::with_spans_unchecked(Document::new("test", text), spans)
}

/// The annotation a notation describes (its selection markers, if any, are ignored here).
fn notated(notation: &str) -> Annotation {
    case(notation).annotation()
}

fn case(notation: &str) -> Case {
    Case::parse(notation).unwrap_or_else(|err| panic!("bad notation {notation:?}: {err}"))
}

/// Asserts the text, spans and text selection of the view (no caret marker when it selects
/// nothing).
#[track_caller]
fn assert_selection(harness: &Harness<'_, ViewApp>, expected: &str) {
    let state = harness.state();
    assert_notation(&state.ann, state.view.selection(), None, expected);
}

/// Asserts the view's selection with its direction, or its caret (`^`) when it selects nothing.
#[track_caller]
fn assert_caret_and_selection(harness: &Harness<'_, ViewApp>, expected: &str) {
    let state = harness.state();
    let selection = Selection::from_view(state.view.selection(), state.view.caret());
    assert_case(
        &Case::from_annotation(&state.ann, Some(selection), None),
        expected,
    );
}

fn harness(ann: Annotation, selected: Option<SpanId>) -> Harness<'static, ViewApp> {
    let app = ViewApp {
        view: DocumentView::new(),
        ann,
        selected,
        responses: Vec::new(),
    };
    let mut harness = Harness::builder()
        .with_size(Vec2::new(640.0, 420.0))
        .with_step_dt(0.05)
        .build_ui_state(
            |ui, app: &mut ViewApp| {
                let response = app.view.ui(ui, &app.ann, app.selected);
                app.responses.push(response);
            },
            app,
        );
    harness.run();
    harness
}

/// The screen box of the single character at code point `cp`.
fn char_box(harness: &Harness<'_, ViewApp>, cp: usize) -> Rect {
    let rects = harness.state().view.range_screen_rects(cp..cp + 1);
    assert_eq!(rects.len(), 1, "char {cp} should have one box: {rects:?}");
    rects[0]
}

/// A point just inside character `cp` on the side where the boundary *before* it lies
/// (right side for right-to-left characters).
fn before_char(harness: &Harness<'_, ViewApp>, cp: usize, rtl: bool) -> Pos2 {
    let rect = char_box(harness, cp);
    let x = if rtl {
        rect.right() - 1.0
    } else {
        rect.left() + 1.0
    };
    Pos2::new(x, rect.center().y)
}

/// A point just inside character `cp` on the side where the boundary *after* it lies.
fn after_char(harness: &Harness<'_, ViewApp>, cp: usize, rtl: bool) -> Pos2 {
    let rect = char_box(harness, cp);
    let x = if rtl {
        rect.left() + 1.0
    } else {
        rect.right() - 1.0
    };
    Pos2::new(x, rect.center().y)
}

fn drag(harness: &mut Harness<'_, ViewApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    harness.hover_at(Pos2::new((from.x + to.x) / 2.0, (from.y + to.y) / 2.0));
    harness.run();
    harness.hover_at(to);
    harness.run();
    harness.drop_at(to);
    harness.run();
}

fn click(harness: &mut Harness<'_, ViewApp>, pos: Pos2, times: usize) {
    harness.hover_at(pos);
    harness.run();
    for _ in 0..times {
        for pressed in [true, false] {
            harness.event(Event::PointerButton {
                pos,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
            harness.step();
        }
    }
    harness.run();
}

/// Drags over the text selected in `notation`, from the boundary before its first character to
/// the boundary after its last, and asserts the view then selects exactly that.
#[track_caller]
fn assert_drag_selects(notation: &str, start_rtl: bool, end_rtl: bool) {
    let input = case(notation);
    let range = input
        .selection_range()
        .expect("the notation selects the text to drag over");
    let mut harness = harness(input.annotation(), None);
    let from = before_char(&harness, range.start, start_rtl);
    let to = after_char(&harness, range.end - 1, end_rtl);
    drag(&mut harness, from, to);
    assert_selection(&harness, notation);
}

#[test]
fn drag_selects_exact_range_in_rtl_line() {
    // "بيونغ يانغ" is code points 6..16.
    assert_drag_selects("ضاعفت {بيونغ يانغ} من رهاناتها", true, true);
}

#[test]
fn drag_backwards_selects_the_same_range() {
    let mut harness = harness(notated("ضاعفت بيونغ يانغ من رهاناتها"), None);
    let from = after_char(&harness, 15, true);
    let to = before_char(&harness, 6, true);
    drag(&mut harness, from, to);
    assert_selection(&harness, "ضاعفت {بيونغ يانغ} من رهاناتها");
}

#[test]
fn drag_selects_exact_range_in_ltr_line() {
    assert_drag_selects("The {quick brown} fox jumps", false, false);
}

#[test]
fn drag_selects_latin_word_inside_rtl_line() {
    // "BBC" is code points 5..8 of a right-to-left paragraph.
    assert_drag_selects("قالت {BBC} 2024 إن الاتفاق", false, false);
}

#[test]
fn drag_selects_clitic_entity_inside_word() {
    // روسيا after the proclitic ل: code points 1..6 of لروسيا.
    assert_drag_selects("ل{روسيا} في حربها", true, true);
}

#[test]
fn drag_across_paragraphs_spans_the_separator() {
    // From before ج (4) in the first paragraph to after س (13) in the second.
    assert_drag_selects("كيم {جونغ أون\nس}يرغي لافروف", true, true);
}

#[test]
fn double_click_selects_a_word() {
    let mut harness = harness(notated("ضاعفت بيونغ يانغ من رهاناتها"), None);
    let pos = char_box(&harness, 8).center();
    click(&mut harness, pos, 2);
    assert_selection(&harness, "ضاعفت {بيونغ} يانغ من رهاناتها");
}

#[test]
fn shift_arrow_selects_part_of_a_word_in_rtl() {
    let mut harness = harness(notated("لروسيا في حربها"), None);
    let pos = before_char(&harness, 1, true);
    click(&mut harness, pos, 1);
    assert_caret_and_selection(&harness, "ل^روسيا في حربها");
    assert!(
        harness
            .state()
            .responses
            .last()
            .is_some_and(|r| r.has_focus)
    );
    // In right-to-left text, Left moves forward.
    for _ in 0..5 {
        harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
        harness.run();
    }
    assert_caret_and_selection(&harness, "ل{روسيا} في حربها");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    harness.run();
    assert_caret_and_selection(&harness, "ل{روسي}ا في حربها");
}

#[test]
fn one_arrow_press_steps_over_a_zwj_emoji_family() {
    // 👨‍👩‍👧‍👦 is 7 code points (four people joined by three ZWJ) and one glyph.
    let mut harness = harness(notated("عائلة 👨‍👩‍👧‍👦 سعيدة"), None);
    let pos = before_char(&harness, 6, true);
    click(&mut harness, pos, 1);
    assert_caret_and_selection(&harness, "عائلة ^👨‍👩‍👧‍👦 سعيدة");
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_caret_and_selection(&harness, "عائلة 👨‍👩‍👧‍👦^ سعيدة");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    harness.run();
    assert_caret_and_selection(&harness, "عائلة {^👨‍👩‍👧‍👦} سعيدة");
}

#[test]
fn arrow_keys_cross_paragraph_boundaries() {
    let mut harness = harness(notated("كيم\nلافروف"), None);
    let pos = after_char(&harness, 2, true);
    click(&mut harness, pos, 1);
    assert_caret_and_selection(&harness, "كيم^\nلافروف");
    harness.key_press(Key::ArrowLeft);
    harness.run();
    // Forward into the next paragraph.
    assert_caret_and_selection(&harness, "كيم\n^لافروف");
    harness.key_press(Key::ArrowRight);
    harness.run();
    // Back to the end of the first.
    assert_caret_and_selection(&harness, "كيم^\nلافروف");
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert!(
        harness.state().view.caret() >= 4,
        "down moves into the second paragraph"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::End);
    harness.run();
    assert_caret_and_selection(&harness, "كيم\nلافروف^");
}

#[test]
fn clicking_a_span_reports_the_innermost() {
    // ORGANIZATION over "وزير الخارجية الروسي", COUNTRY on "الروسي" inside it.
    let ann = notated("لقائه ب[وزير الخارجية [الروسي|COUNTRY]|ORGANIZATION] سيرغي لافروف");
    let mut harness = harness(ann, None);
    let inner = char_box(&harness, 23).center();
    click(&mut harness, inner, 1);
    let clicked: Vec<SpanId> = harness
        .state()
        .responses
        .iter()
        .filter_map(|r| r.clicked_span)
        .collect();
    assert_eq!(clicked, vec![SpanId(2)]);
    harness.state_mut().responses.clear();
    let outer = char_box(&harness, 10).center();
    click(&mut harness, outer, 1);
    let clicked: Vec<SpanId> = harness
        .state()
        .responses
        .iter()
        .filter_map(|r| r.clicked_span)
        .collect();
    assert_eq!(clicked, vec![SpanId(1)]);
    harness.state_mut().responses.clear();
    let outside = char_box(&harness, 30).center();
    click(&mut harness, outside, 1);
    assert!(
        harness
            .state()
            .responses
            .iter()
            .all(|r| r.clicked_span.is_none())
    );
}

#[test]
fn dragging_selected_span_edge_reports_new_bounds() {
    // COUNTRY on روسيا (1..6); drag its end edge back by one letter.
    let input = case("ل[روسيا|COUNTRY*] في حربها");
    let mut harness = harness(input.annotation(), input.selected_id());
    let edge = harness
        .state()
        .view
        .caret_screen_rect(6)
        .expect("caret rect");
    let from = Pos2::new(edge.center().x, edge.center().y);
    let to = after_char(&harness, 4, true);
    drag(&mut harness, from, to);
    let drags: Vec<_> = harness
        .state()
        .responses
        .iter()
        .filter_map(|r| r.span_edge_drag)
        .collect();
    assert_eq!(drags, vec![(SpanId(1), 1, 5)]);
    // An edge drag does not select.
    assert_selection(&harness, "ل[روسيا|COUNTRY] في حربها");
}

#[test]
fn view_is_accessible_as_document() {
    let harness = harness(annotation("نص قصير", &[]), None);
    let node = harness.get_by_label("Document");
    assert!(node.rect().width() > 100.0);
}

/// Regression: the view's AccessKit node had no value, so screen readers read nothing of it.
#[test]
fn view_gives_screen_readers_the_selected_text_or_the_title() {
    let mut parts = annotation("زار بوتين لروسيا", &[]).into_parts();
    parts.document.title = "زيارة".to_owned();
    let ann = Annotation::from_parts(parts).expect("valid");
    let mut harness = harness(ann, None);
    let value = |harness: &Harness<'_, ViewApp>| harness.get_by_label("Document").value();
    assert_eq!(value(&harness).as_deref(), Some("زيارة"));
    harness.state_mut().view.set_selection(Some(4..9));
    harness.run();
    assert_eq!(value(&harness).as_deref(), Some("بوتين"));
}

#[test]
fn long_document_lays_out_only_visible_paragraphs() {
    let paragraph = "ضاعفت بيونغ يانغ من رهاناتها على موسكو، حيث عبّر الزعيم الكوري الشمالي كيم جونغ أون عن دعمه لروسيا.";
    let text = vec![paragraph; 3000].join("\n");
    let per = paragraph.chars().count() + 1;
    let mut harness = harness(
        annotation(&text, &[(per * 10 + 6, per * 10 + 16, "PERSON")]),
        None,
    );
    let view = &harness.state().view;
    let painted = view.paragraphs_painted_last_frame();
    assert_eq!(painted.start, 0);
    assert!(painted.len() < 30, "painted {painted:?}");
    assert!(
        view.cached_layouts() < 40,
        "cached {}",
        view.cached_layouts()
    );

    let target = per * 2000 + 5;
    harness.state_mut().view.scroll_to(target);
    harness.run();
    let view = &harness.state().view;
    let painted = view.paragraphs_painted_last_frame();
    assert!(painted.contains(&2000), "painted {painted:?}");
    assert!(painted.len() < 30, "painted {painted:?}");
    assert!(
        view.cached_layouts() < 80,
        "cached {}",
        view.cached_layouts()
    );
    let caret = view.caret_screen_rect(target).expect("target laid out");
    let screen = Rect::from_min_size(Pos2::ZERO, Vec2::new(640.0, 420.0));
    assert!(
        screen.contains(caret.center()),
        "caret {caret:?} off screen"
    );
}

#[test]
fn text_size_change_relayouts_at_the_new_size() {
    let text = "ضاعفت بيونغ يانغ من رهاناتها";
    let mut harness = harness(annotation(text, &[]), None);
    let small = char_box(&harness, 6);
    harness.state_mut().view.set_text_size(40.0);
    harness.run();
    assert_eq!(harness.state().view.text_size(), 40.0);
    let large = char_box(&harness, 6);
    assert!(
        large.height() > small.height() * 1.5,
        "{small:?} -> {large:?}"
    );
}

#[test]
fn selected_text_matches_the_code_point_range() {
    let input = case("كيم جونغ أون\r\nل{روسيا} في حربها");
    let mut harness = harness(input.annotation(), None);
    harness
        .state_mut()
        .view
        .set_selection(input.selection_range());
    harness.run();
    assert_selection(&harness, "كيم جونغ أون\r\nل{روسيا} في حربها");
    let state = harness.state();
    assert_eq!(state.view.selected_text(&state.ann), Some("روسيا"));
    harness.state_mut().view.set_selection(Some(9..15));
    harness.run();
    let state = harness.state();
    assert_eq!(state.view.selected_text(&state.ann), Some("أون\r\nل"));
    assert!(
        state
            .responses
            .last()
            .is_some_and(|r| r.selection == Some(9..15))
    );
}

/// Regression: Left/Right without Shift moved one step from the caret instead of collapsing a
/// non-empty selection to its edge on that side of the screen.
#[test]
fn arrow_without_shift_collapses_selection_to_its_visual_edge() {
    // RTL: the selection's logical start is its right edge, its end its left edge.
    let mut harness = harness(notated("لروسيا في حربها"), None);
    let pos = before_char(&harness, 1, true);
    click(&mut harness, pos, 1);
    for _ in 0..4 {
        harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
        harness.run();
    }
    assert_selection(&harness, "ل{روسي}ا في حربها");
    harness.key_press(Key::ArrowRight);
    harness.run();
    // The right edge of RTL text is the start.
    assert_caret_and_selection(&harness, "ل^روسيا في حربها");

    harness
        .state_mut()
        .view
        .set_selection(case("ل{روسي}ا في حربها").selection_range());
    harness.run();
    harness.key_press(Key::ArrowLeft);
    harness.run();
    // The left edge of RTL text is the end.
    assert_caret_and_selection(&harness, "لروسي^ا في حربها");

    // LTR: Left is the start, Right the end, whichever end the caret was at.
    let selected = case("Sergei {Lavrov} met Kim").selection_range();
    let mut harness = self::harness(notated("Sergei Lavrov met Kim"), None);
    let pos = before_char(&harness, 0, false);
    click(&mut harness, pos, 1);
    harness.state_mut().view.set_selection(selected.clone());
    harness.run();
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_caret_and_selection(&harness, "Sergei ^Lavrov met Kim");
    harness.state_mut().view.set_selection(selected);
    harness.run();
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_caret_and_selection(&harness, "Sergei Lavrov^ met Kim");
}

/// Issue 8: tags on short spans were cut to "COU"/"LOC", and tags on a line covered the bottom
/// of the span boxes of the line above. Now every tag shows its label's whole name, no two
/// tags overlap, and no tag reaches into a span box of an earlier line.
#[test]
fn span_tags_show_whole_names_and_stay_clear_of_each_other_and_the_line_above() {
    let sentence = "زار الوفد [مصر|COUNTRY] ثم [ليبيا|COUNTRY] [وتونس|COUNTRY] والتقى [علي|PERSON] في \
                    [عمان|COUNTRY] قبل أن يعود إلى [قطر|COUNTRY] ثم [بيروت|ORGANIZATION] و[حمص|EVENT]";
    let notation = [sentence; 4].join(" ");
    let ann = notated(&notation);
    let harness = harness(ann.clone(), None);
    let view = &harness.state().view;
    let tags = view.painted_tags();
    assert_eq!(tags.len(), ann.spans().len(), "one tag per span");
    let lines: std::collections::BTreeSet<i32> = tags
        .iter()
        .map(|tag| tag.rect.top().round() as i32)
        .collect();
    assert!(
        lines.len() >= 3,
        "the text wraps onto several lines: {lines:?}"
    );
    let overlap = |a: Rect, b: Rect| {
        let both = a.intersect(b);
        both.width() > 0.01 && both.height() > 0.01
    };
    for tag in &tags {
        let span = ann.span(tag.id).expect("a tag labels a span");
        assert_eq!(tag.text, span.label, "the whole name");
        let own_line = view.range_screen_rects(span.start..span.start + 1)[0];
        assert!(
            tag.rect.top() >= own_line.top() - 0.01,
            "inside its own line box"
        );
        for other in ann.spans() {
            for rect in view.range_screen_rects(other.start..other.end) {
                if rect.bottom() <= own_line.top() + 0.5 {
                    assert!(
                        !overlap(tag.rect, rect),
                        "the {} tag {:?} covers a span box of the line above: {rect:?}",
                        tag.text,
                        tag.rect
                    );
                }
            }
        }
        for other in tags.iter().filter(|other| other.id != tag.id) {
            assert!(!overlap(tag.rect, other.rect), "{tag:?} overlaps {other:?}");
        }
    }
}

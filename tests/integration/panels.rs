//! The labelling panels driven through egui_kittest: palette clicks and hotkeys, span list
//! filter/sort/click, span editing keys, the label editor and the note editor. A small bench
//! plays the app's frame: it draws the panels, consumes the fixed shortcuts, and applies the
//! resulting commands and messages through the app's own [`DocumentDispatch`].

use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use qalam::ui::app::document_dispatch::DocumentDispatch;
use qalam::ui::app::open_document::{FrameTime, OpenDocument};
use qalam::ui::commands::{Command, CommandQueue, consume_shortcuts, fixed_shortcuts};
use qalam::ui::panels::labelling_panels::LabellingPanels;
use qalam::ui::widgets::messages::Messages;
use qalam_core::io::label_template::{load_template, save_template};
use qalam_core::model::notation::{Case, assert_notation};
use qalam_core::model::{Annotation, Document, Edit, Label, LabelSet, Rgb, Span, SpanId};

/// The sentence used throughout: "Putin visited Russia", with the clitic `ل` ("to") glued to
/// `روسيا` (Russia). Code points: زار 0..3, بوتين 4..9, لروسيا 10..16.
const TEXT: &str = "زار بوتين لروسيا";

/// The app's frame, reduced to what the panels need; commands are applied as the app does.
struct Bench {
    doc: OpenDocument,
    panels: LabellingPanels,
    messages: Messages,
    /// Queued items the document dispatch gave back (the app's part: files, settings…).
    unhandled: Vec<String>,
    pending: CommandQueue,
    scratch: String,
}

/// A fixed frame time: the bench's edits are stamped deterministically.
fn frame_time() -> FrameTime {
    FrameTime {
        input: 0.0,
        wall: chrono::DateTime::UNIX_EPOCH,
    }
}

impl Bench {
    fn new(text: &str) -> Self {
        Self {
            doc: OpenDocument::new(Annotation::new(Document::new("test", text)), None, None),
            panels: LabellingPanels::new(),
            messages: Messages::default(),
            unhandled: Vec::new(),
            pending: CommandQueue::new(),
            scratch: String::new(),
        }
    }

    /// A bench on the state `notation` describes: its spans added as edits (so undo works as
    /// after tagging), the span marked `*` selected, and its text selection, if any.
    fn notated(notation: &str) -> Self {
        let case = Case::parse(notation).expect("a valid test notation");
        let mut bench = Self::new(&case.text);
        for (index, (start, end, label)) in case.spans.iter().enumerate() {
            let span = bench.doc.annotation().new_span(*start, *end, label);
            if case.selected == Some(index) {
                bench.doc.selected_span = Some(span.id);
            }
            bench
                .doc
                .apply_edit(Edit::AddSpan(span), frame_time())
                .expect("setup span");
        }
        if let Some(selection) = case.selection.filter(|selection| !selection.is_empty()) {
            bench.doc.view.set_selection(Some(selection.range()));
        }
        bench
    }

    /// Asserts the text and spans in notation.
    #[track_caller]
    fn assert_spans(&self, expected: &str) {
        assert_notation(self.doc.annotation(), None, None, expected);
    }

    /// Asserts spans, text selection and selected span (`*`) in notation.
    #[track_caller]
    fn assert_state(&self, expected: &str) {
        let selection = self.doc.view.selection();
        let ann = self.doc.annotation();
        assert_notation(ann, selection, self.doc.selected_span, expected);
    }

    fn span_text(&self, index: usize) -> String {
        let span = &self.doc.annotation().spans()[index];
        let chars = self.doc.annotation().document().text().chars();
        chars.skip(span.start).take(span.end - span.start).collect()
    }

    /// Every message shown to the user (errors, then the status-bar message), then anything
    /// the dispatch left to the app.
    fn messages(&self) -> Vec<String> {
        let mut all = self.messages.errors().to_vec();
        all.extend(self.messages.info_text().map(str::to_owned));
        all.extend(self.unhandled.iter().cloned());
        all
    }

    fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let mut queue = std::mem::take(&mut self.pending);
        self.panels.close_window_on_escape(&ctx);
        let text_has_focus = ctx.text_edit_focused();
        queue.extend(ctx.input_mut(|i| consume_shortcuts(i, &fixed_shortcuts(1), text_has_focus)));
        let selection = self.doc.view.selection();
        let (ann, selected) = (&self.doc.annotation(), self.doc.selected_span);
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(250.0);
                queue.extend(
                    self.panels
                        .label_palette_ui(ui, ann, selection.as_ref(), selected),
                );
                ui.add(egui::TextEdit::singleline(&mut self.scratch).hint_text("Scratch field"));
            });
            ui.vertical(|ui| {
                ui.set_width(400.0);
                ui.set_height(400.0);
                queue.extend(self.panels.span_list_ui(ui, ann, selected));
            });
        });
        queue.extend(self.panels.windows_ui(&ctx, ann));
        queue.extend(
            self.panels
                .hotkey_commands(&ctx, ann, selection.as_ref(), selected),
        );
        if !queue.is_empty() {
            // What the commands change (a window opening, a new span) shows next frame.
            ctx.request_repaint();
        }
        for item in queue.take() {
            let left = DocumentDispatch {
                doc: &mut self.doc,
                panels: &mut self.panels,
                messages: &mut self.messages,
                annotator: None,
                now: frame_time(),
            }
            .apply(item);
            let left = left.into_iter().map(|item| format!("unhandled: {item:?}"));
            self.unhandled.extend(left);
        }
    }
}

fn harness(bench: Bench) -> Harness<'static, Bench> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 700.0))
        .build_ui_state(|ui, bench: &mut Bench| bench.frame_ui(ui), bench);
    harness.run();
    harness
}

fn select_text(harness: &mut Harness<'_, Bench>, range: std::ops::Range<usize>) {
    harness.state_mut().doc.view.set_selection(Some(range));
    harness.state_mut().doc.selected_span = None;
    harness.run();
}

/// The text input showing `placeholder` when empty.
fn placeholder_field<'h>(
    harness: &'h Harness<'_, Bench>,
    placeholder: &'h str,
) -> egui_kittest::Node<'h> {
    harness.get_by(move |node| node.data().placeholder() == Some(placeholder))
}

/// The text input currently holding `value`.
fn text_field<'h>(harness: &'h Harness<'_, Bench>, value: &'h str) -> egui_kittest::Node<'h> {
    harness.get_by(move |node| {
        node.role() == Role::TextInput && node.value().as_deref() == Some(value)
    })
}

fn press(harness: &mut Harness<'_, Bench>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

#[test]
fn digit_hotkey_tags_the_selection_and_the_span_list_shows_it() {
    let mut harness = harness(Bench::new(TEXT));
    select_text(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::Num1);
    // The new span is selected; tagging clears the text selection.
    harness.state().assert_state("زار [بوتين|PERSON*] لروسيا");
    harness.get_by_label("بوتين — PERSON [4, 9)");
}

#[test]
fn letter_hotkey_and_palette_click_tag_the_selection() {
    let mut harness = harness(Bench::new(TEXT));
    select_text(&mut harness, 11..16);
    press(&mut harness, Modifiers::NONE, Key::C);
    harness.state().assert_spans("زار بوتين ل[روسيا|COUNTRY]");

    select_text(&mut harness, 0..3);
    harness.get_by_role_and_label(Role::Button, "EVENT").click();
    harness.run();
    harness
        .state()
        .assert_spans("[زار|EVENT] بوتين ل[روسيا|COUNTRY]");
}

#[test]
fn tagging_without_a_selection_says_select_some_text_first() {
    let mut harness = harness(Bench::new(TEXT));
    press(&mut harness, Modifiers::NONE, Key::Num2);
    harness.state().assert_spans(TEXT);
    assert_eq!(harness.state().messages(), vec!["Select some text first"]);
}

#[test]
fn with_a_span_selected_and_no_text_selection_hotkey_and_click_relabel() {
    let mut harness = harness(Bench::notated("زار [بوتين|COUNTRY*] لروسيا"));
    press(&mut harness, Modifiers::NONE, Key::P);
    harness.state().assert_spans("زار [بوتين|PERSON] لروسيا");
    harness
        .get_by_role_and_label(Role::Button, "ORGANIZATION")
        .click();
    harness.run();
    harness
        .state()
        .assert_spans("زار [بوتين|ORGANIZATION] لروسيا");
}

#[test]
fn delete_removes_the_selected_span_and_undo_brings_it_back() {
    let mut harness = harness(Bench::notated("زار [بوتين|PERSON*] لروسيا"));
    press(&mut harness, Modifiers::NONE, Key::Delete);
    harness.state().assert_spans(TEXT);
    assert_eq!(harness.state().doc.selected_span, None);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    harness.state().assert_spans("زار [بوتين|PERSON] لروسيا");
}

#[test]
fn hotkeys_are_ignored_while_typing_in_a_text_field() {
    let mut harness = harness(Bench::new(TEXT));
    select_text(&mut harness, 4..9);
    placeholder_field(&harness, "Scratch field").focus();
    harness.run();
    harness.key_press(Key::Num1);
    harness.key_press(Key::P);
    harness.run();
    harness.state().assert_spans(TEXT);
}

#[test]
fn grow_start_by_a_char_takes_in_the_clitic() {
    // ل[روسيا|COUNTRY]: Alt+→ grows the start (the right edge in Arabic) by one character.
    let mut harness = harness(Bench::notated("زار بوتين ل[روسيا|COUNTRY*]"));
    press(&mut harness, Modifiers::ALT, Key::ArrowRight);
    assert_eq!(harness.state().span_text(0), "لروسيا");
    // Alt+Shift+← shrinks the start again.
    press(
        &mut harness,
        Modifiers::ALT | Modifiers::SHIFT,
        Key::ArrowLeft,
    );
    assert_eq!(harness.state().span_text(0), "روسيا");
}

#[test]
fn word_steps_grow_and_shrink_by_whole_words() {
    let mut harness = harness(Bench::notated("زار [بوتين|PERSON*] لروسيا"));
    let word = Modifiers::ALT | Modifiers::COMMAND;
    // Grow the end (left edge in Arabic) by a word: takes in لروسيا.
    press(&mut harness, word, Key::ArrowLeft);
    assert_eq!(harness.state().span_text(0), "بوتين لروسيا");
    // Shrink the end by a word: back to بوتين.
    press(&mut harness, word | Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(harness.state().span_text(0), "بوتين");
    // Shrinking the only word is refused with a message, the span unchanged.
    press(&mut harness, word | Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(harness.state().span_text(0), "بوتين");
    assert_eq!(
        harness.state().messages().last().map(String::as_str),
        Some("A span must keep at least one character; delete it instead")
    );
}

#[test]
fn span_list_filters_by_label_and_sorts_by_label() {
    let bench = Bench::notated("[زار|EVENT] [بوتين|PERSON] ل[روسيا|COUNTRY*]");
    let mut harness = harness(bench);
    let rows = |harness: &Harness<'_, Bench>| -> Vec<String> {
        harness
            .get_all_by_role(Role::ListBoxOption)
            .filter_map(|node| node.accesskit_node().label())
            .collect()
    };
    assert_eq!(
        rows(&harness),
        vec![
            "زار — EVENT [0, 3)",
            "بوتين — PERSON [4, 9)",
            "روسيا — COUNTRY [11, 16)"
        ]
    );

    harness.get_by_label("By label").click();
    harness.run();
    assert_eq!(
        rows(&harness),
        vec![
            "بوتين — PERSON [4, 9)",
            "روسيا — COUNTRY [11, 16)",
            "زار — EVENT [0, 3)"
        ]
    );

    harness.get_by_role(Role::ComboBox).click();
    harness.run();
    harness.get_by_label("Only COUNTRY").click();
    harness.run();
    assert_eq!(rows(&harness), vec!["روسيا — COUNTRY [11, 16)"]);
}

#[test]
fn clicking_a_span_row_selects_it_and_next_prev_keys_move() {
    let mut harness = harness(Bench::notated("[زار|EVENT] [بوتين|PERSON] لروسيا"));
    harness.get_by_label("بوتين — PERSON [4, 9)").click();
    harness.run();
    harness
        .state()
        .assert_state("[زار|EVENT] [بوتين|PERSON*] لروسيا");
    press(&mut harness, Modifiers::ALT, Key::ArrowUp);
    harness
        .state()
        .assert_state("[زار|EVENT*] [بوتين|PERSON] لروسيا");
    press(&mut harness, Modifiers::ALT, Key::ArrowDown);
    harness
        .state()
        .assert_state("[زار|EVENT] [بوتين|PERSON*] لروسيا");
}

#[test]
fn label_editor_rename_propagates_to_spans_and_undoes_in_one_step() {
    let mut harness = harness(Bench::notated("زار بوتين ل[روسيا|COUNTRY*]"));
    harness.state_mut().pending.push(Command::EditLabels);
    harness.run();
    let field = text_field(&harness, "COUNTRY");
    field.focus();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::A);
    text_field(&harness, "COUNTRY").type_text("BALAD");
    harness.run();
    harness
        .get_by_label("Press Enter to rename COUNTRY to BALAD (its spans follow), Esc to cancel");
    assert!(
        harness
            .state()
            .doc
            .annotation()
            .labels()
            .get("COUNTRY")
            .is_some(),
        "applies on Enter only"
    );
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let bench = harness.state();
    bench.assert_spans("زار بوتين ل[روسيا|BALAD]");
    assert!(bench.doc.annotation().labels().get("BALAD").is_some());
    assert!(bench.doc.annotation().labels().get("COUNTRY").is_none());

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    let bench = harness.state();
    bench.assert_spans("زار بوتين ل[روسيا|COUNTRY]");
    assert!(bench.doc.annotation().labels().get("COUNTRY").is_some());
}

#[test]
fn label_editor_refuses_removing_a_used_label_and_a_duplicate_hotkey() {
    let mut harness = harness(Bench::notated("زار بوتين ل[روسيا|COUNTRY*]"));
    harness.state_mut().pending.push(Command::EditLabels);
    harness.run();
    harness.get_by_label("Remove COUNTRY").click();
    harness.run();
    harness.get_by_label("Cannot remove COUNTRY: 1 span uses it. Relabel or delete them first.");
    assert_eq!(harness.state().doc.annotation().labels().labels.len(), 4);

    text_field(&harness, "P").set_text_value_accesskit("C");
    harness.run();
    harness.get_by_label("Hotkey C is already used by COUNTRY");
    assert_eq!(
        harness.state().doc.annotation().labels().labels[0].hotkey,
        Some('P')
    );
    // The refused value is not left in the row as if it were pending.
    harness.run();
    text_field(&harness, "P");
    harness.check_accessibility();
}

#[test]
fn note_editor_saves_a_note_as_one_edit() {
    let mut harness = harness(Bench::notated("زار [بوتين|PERSON*] لروسيا"));
    press(&mut harness, Modifiers::NONE, Key::F2);
    placeholder_field(&harness, "Note").set_text_value_accesskit("check the spelling");
    harness.run();
    harness.get_by_label("Save note").click();
    harness.run();
    assert!(
        harness.state().messages().is_empty(),
        "{:?}",
        harness.state().messages()
    );
    assert!(
        harness.query_by_label("Save note").is_none(),
        "the window closes"
    );
    let note =
        |harness: &Harness<'_, Bench>| harness.state().doc.annotation().spans()[0].note.clone();
    assert_eq!(note(&harness).as_deref(), Some("check the spelling"));
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(note(&harness), None);
    harness.state().assert_spans("زار [بوتين|PERSON] لروسيا");
}

#[test]
fn span_list_with_20k_spans_draws_only_the_visible_rows() {
    let text = "زار بوتين لروسيا ".repeat(20_000);
    let mut bench = Bench::new(&text);
    let template = bench.doc.annotation().new_span(0, 1, "PERSON");
    let mut parts = bench.doc.annotation().clone().into_parts();
    parts.spans = (0..20_000)
        .map(|i| Span {
            id: SpanId(i as u64 + 1),
            start: i * 17 + 4,
            end: i * 17 + 9,
            ..template.clone()
        })
        .collect();
    let annotation = Annotation::from_parts(parts).expect("valid spans");
    bench.doc = OpenDocument::new(annotation, None, None);
    let mut harness = harness(bench);
    let drawn = harness.get_all_by_role(Role::ListBoxOption).count();
    assert!(
        (1..100).contains(&drawn),
        "{drawn} rows drawn for 20000 spans"
    );
    harness.get_by_label("20000 of 20000 spans");
    // Clicking a visible row selects it without scrolling the list.
    harness.get_by_label("بوتين — PERSON [140, 145)").click();
    harness.run();
    assert_eq!(harness.state().doc.selected_span, Some(SpanId(9)));
    harness.get_by_label("بوتين — PERSON [4, 9)");
    // Selecting the last span (as Next span would) scrolls the list to it.
    let last = harness
        .state()
        .doc
        .annotation()
        .spans()
        .last()
        .map(|s| s.id);
    harness.state_mut().doc.selected_span = last;
    harness.run();
    harness.get_by_label("بوتين — PERSON [339987, 339992)");
}

#[test]
fn label_template_saves_and_loads_through_the_editor_as_one_undo_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Bench::notated("زار [بوتين|PERSON*] لروسيا"));
    harness.state_mut().pending.push(Command::EditLabels);
    harness.run();

    let saved = dir.path().join("news");
    placeholder_field(&harness, "Template path")
        .set_text_value_accesskit(&saved.display().to_string());
    harness.run();
    harness.get_by_label("Save template").click();
    harness.run();
    let saved = dir.path().join("news.labels.json");
    let reloaded = load_template(&saved).expect("the saved template loads");
    assert_eq!(reloaded, LabelSet::default());

    let mut other = LabelSet::default();
    other.labels.retain(|label| label.name == "PERSON");
    other
        .labels
        .push(Label::new("MISC", Rgb([1, 2, 3]), Some('M')));
    let other_path = dir.path().join("other.labels.json");
    save_template(&other_path, &other).expect("write template");
    placeholder_field(&harness, "Template path")
        .set_text_value_accesskit(&other_path.display().to_string());
    harness.run();
    harness.get_by_label("Load template").click();
    harness.run();
    let names = |harness: &Harness<'_, Bench>| -> Vec<String> {
        let labels = &harness.state().doc.annotation().labels().labels;
        labels.iter().map(|label| label.name.clone()).collect()
    };
    assert_eq!(names(&harness), ["PERSON", "MISC"]);

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().doc.annotation().labels(),
        &LabelSet::default()
    );
    harness.state().assert_spans("زار [بوتين|PERSON] لروسيا");
}

#[test]
fn overlap_refusal_after_turning_overlaps_off_is_shown_as_a_message() {
    let mut harness = harness(Bench::notated("زار [بوتين|PERSON*] لروسيا"));
    harness.state_mut().pending.push(Command::EditLabels);
    harness.run();
    harness.get_by_label("Allow overlapping spans").click();
    harness.run();
    assert!(!harness.state().doc.annotation().labels().allow_overlaps);

    select_text(&mut harness, 0..6);
    press(&mut harness, Modifiers::NONE, Key::Num4);
    let bench = harness.state();
    bench.assert_spans("زار [بوتين|PERSON] لروسيا");
    let message = bench.messages().last().cloned().unwrap_or_default();
    assert!(message.starts_with("The change was refused: "), "{message}");
    assert!(
        message.contains("does not allow overlapping spans"),
        "{message}"
    );
}

/// Regression: the text selection survived tagging, so a second label key tagged the same text
/// again instead of relabelling the new span.
#[test]
fn second_label_key_after_tagging_relabels_instead_of_tagging_again() {
    let mut harness = harness(Bench::new(TEXT));
    select_text(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::Num1);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    harness.state().assert_spans("زار [بوتين|COUNTRY] لروسيا");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    harness.state().assert_spans("زار [بوتين|PERSON] لروسيا");
}

#[test]
fn label_editor_adds_and_reorders_labels_and_digits_follow_the_order() {
    let mut harness = harness(Bench::new(TEXT));
    harness.state_mut().pending.push(Command::EditLabels);
    harness.run();
    placeholder_field(&harness, "New label name").set_text_value_accesskit("MISC");
    harness.run();
    harness.get_by_label("Add label").click();
    harness.run();
    let names = |harness: &Harness<'_, Bench>| -> Vec<String> {
        let labels = &harness.state().doc.annotation().labels().labels;
        labels.iter().map(|label| label.name.clone()).collect()
    };
    assert_eq!(
        names(&harness),
        ["PERSON", "COUNTRY", "ORGANIZATION", "EVENT", "MISC"]
    );
    assert_eq!(
        harness.state().doc.annotation().labels().labels[4].hotkey,
        Some('M')
    );

    harness.get_by_label("Move MISC up").click();
    harness.run();
    assert_eq!(
        names(&harness),
        ["PERSON", "COUNTRY", "ORGANIZATION", "MISC", "EVENT"]
    );

    // Digit 4 now means MISC: hotkeys are resolved from the current order.
    select_text(&mut harness, 0..3);
    press(&mut harness, Modifiers::NONE, Key::Num4);
    harness.state().assert_spans("[زار|MISC] بوتين لروسيا");
}

#[test]
fn label_editor_escape_cancels_a_typed_rename() {
    let mut harness = harness(Bench::new(TEXT));
    harness.state_mut().pending.push(Command::EditLabels);
    harness.run();
    text_field(&harness, "COUNTRY").focus();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::A);
    text_field(&harness, "COUNTRY").type_text("BALAD");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Escape);
    harness.run();
    assert!(
        harness
            .state()
            .doc
            .annotation()
            .labels()
            .get("COUNTRY")
            .is_some()
    );
    assert!(!harness.state().doc.history().can_undo());
    text_field(&harness, "COUNTRY");
    assert!(harness.query_by_label_contains("Press Enter").is_none());
}

/// Regression: a colour picked in the label editor only took effect after pressing the row's
/// "Apply" button.
#[test]
fn label_colour_applies_when_the_pick_ends_as_one_undo_step_without_apply() {
    let mut harness = harness(Bench::new(TEXT));
    harness.state_mut().pending.push(Command::EditLabels);
    harness.run();
    // egui's picker has a "📋" copy button; the test fonts have no emoji.
    harness
        .ctx
        .set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
    let before = harness.state().doc.annotation().labels().labels[1].color;
    harness.get_by_label("Colour of COUNTRY").click();
    harness.run();
    // Drag the first channel field of the picker: many changed frames while the button is held.
    let rect = harness
        .get_all_by_role(Role::SpinButton)
        .next()
        .expect("a channel field")
        .rect();
    harness.drag_at(rect.center());
    harness.run();
    for step in 1..=4 {
        harness.hover_at(rect.center() + egui::vec2(step as f32 * 15.0, 0.0));
        harness.run();
    }
    assert_eq!(
        harness.state().doc.annotation().labels().labels[1].color,
        before,
        "nothing applied mid-drag"
    );
    assert!(!harness.state().doc.history().can_undo());
    harness.drop_at(rect.center() + egui::vec2(60.0, 0.0));
    harness.run();
    harness.run();
    let after = harness.state().doc.annotation().labels().labels[1].color;
    assert_ne!(after, before, "the pick applies without any Apply button");
    assert!(harness.query_by_label_contains("Apply").is_none());
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().doc.annotation().labels().labels[1].color,
        before,
        "one undo step"
    );
    assert!(!harness.state().doc.history().can_undo());
}

/// Types `text` as a keyboard does: a key event (which label hotkeys read) and a text event
/// (which a focused field reads) per character.
fn type_text(harness: &mut Harness<'_, Bench>, text: &str) {
    for ch in text.chars() {
        if let Some(key) = Key::from_name(&ch.to_ascii_uppercase().to_string()) {
            harness.key_press(key);
        }
        harness.event(egui::Event::Text(ch.to_string()));
        harness.run();
    }
}

/// Issue 8, trap 1: F2 opened the note window without focus, so an English note typed into it
/// relabelled the span once per label letter (e, c, o, p) and the note stayed empty.
#[test]
fn regression_f2_note_window_takes_the_keys_typed_into_it() {
    let mut harness = harness(Bench::notated("زار [بوتين|PERSON*] لروسيا"));
    press(&mut harness, Modifiers::NONE, Key::F2);
    type_text(&mut harness, "economic envoy");
    harness.state().assert_spans("زار [بوتين|PERSON] لروسيا");
    let typed = harness.get_all_by(|node| node.value().as_deref() == Some("economic envoy"));
    assert!(typed.count() > 0, "the note field holds what was typed");
    harness.get_by_label("Save note").click();
    harness.run();
    let note = harness.state().doc.annotation().spans()[0].note.clone();
    assert_eq!(note.as_deref(), Some("economic envoy"));
    harness.state().assert_spans("زار [بوتين|PERSON] لروسيا");
}

#[test]
fn label_hotkeys_do_not_fire_while_the_note_window_is_open_even_without_focus() {
    let mut harness = harness(Bench::notated("زار [بوتين|PERSON*] لروسيا"));
    press(&mut harness, Modifiers::NONE, Key::F2);
    harness.ctx.memory_mut(|memory| memory.stop_text_input());
    harness.run();
    assert!(!harness.ctx.text_edit_focused());
    press(&mut harness, Modifiers::NONE, Key::C);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    harness.state().assert_spans("زار [بوتين|PERSON] لروسيا");
}

#[test]
fn escape_closes_the_note_window_without_saving_and_keeps_the_selection() {
    let mut harness = harness(Bench::notated("زار [بوتين|PERSON*] لروسيا"));
    press(&mut harness, Modifiers::NONE, Key::F2);
    type_text(&mut harness, "draft");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("Save note").is_none());
    assert!(!harness.state().panels.note_editor.is_open());
    assert_eq!(harness.state().doc.annotation().spans()[0].note, None);
    // Esc went to the window, not to Clear selection.
    harness.state().assert_state("زار [بوتين|PERSON*] لروسيا");
}

#[test]
fn escape_closes_the_label_editor_when_no_field_has_focus() {
    let mut harness = harness(Bench::new(TEXT));
    harness.state_mut().pending.push(Command::EditLabels);
    harness.run();
    assert!(harness.state().panels.label_editor.open);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.state().panels.label_editor.open);
}

/// Issue 8: long label names were cut off in the label editor (fixed 140-point field, squeezed
/// further by the window's default width).
#[test]
fn label_editor_shows_a_long_label_name_whole() {
    const LONG: &str = "GEOPOLITICAL_ENTITY_OR_REGION";
    let mut harness = harness(Bench::new(TEXT));
    harness.state_mut().pending.push(Command::EditLabels);
    harness.run();
    placeholder_field(&harness, "New label name").set_text_value_accesskit(LONG);
    harness.run();
    harness.get_by_label("Add label").click();
    harness.run();
    let font = egui::TextStyle::Body.resolve(&harness.ctx.global_style());
    let text_width = harness.ctx.fonts_mut(|fonts| {
        fonts
            .layout(LONG.to_owned(), font, egui::Color32::WHITE, f32::INFINITY)
            .size()
            .x
    });
    let field = text_field(&harness, LONG).rect();
    assert!(
        field.width() > text_width,
        "name field {field:?} narrower than the name ({text_width})"
    );
    // The whole row is inside the window: its last button is not cut off either.
    let remove = harness.get_by_label(&format!("Remove {LONG}")).rect();
    let window = harness.get_by_role_and_label(Role::Window, "Labels").rect();
    assert!(
        remove.max.x <= window.max.x,
        "{remove:?} outside {window:?}"
    );
}

/// A tag refused by the model (an overlap while overlaps are forbidden) keeps the text
/// selection and selects no span: the span id the tag would have had used to stay selected,
/// pointing at nothing.
#[test]
fn a_refused_tag_keeps_the_selection_and_selects_no_phantom_span() {
    let mut bench = Bench::notated("{زار [بوتين|PERSON]} لروسيا");
    bench
        .doc
        .apply_edit(Edit::SetAllowOverlaps(false), frame_time())
        .expect("forbid overlaps");
    let mut harness = harness(bench);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    harness.state().assert_state("{زار [بوتين|PERSON]} لروسيا");
    assert_eq!(harness.state().doc.selected_span, None);
    assert!(
        harness
            .state()
            .messages()
            .iter()
            .any(|message| message.contains("refused")),
        "{:?}",
        harness.state().messages()
    );
}

/// The note editor is multi-line: an Arabic paragraph is drawn right to left by the engine over
/// the field, the Latin paragraph below it left to right, and the note saves what was typed.
#[test]
fn an_arabic_note_is_drawn_by_the_engine_paragraph_by_paragraph() {
    let mut harness = harness(Bench::notated("زار [بوتين|PERSON*] لروسيا"));
    // egui itself must hold Arabic glyphs (the app installs them), as the field lays out too.
    qalam::ui::app::egui_fonts::install_egui_fonts(&harness.ctx);
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::F2);
    type_text(&mut harness, "ملاحظة");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    type_text(&mut harness, "second");
    let field = placeholder_field(&harness, "Note");
    let (node, _tree) = field.accesskit_node().locate();
    let overlay = qalam::ui::widgets::bidi_text_edit::painted_overlay(&harness.ctx, node.0)
        .expect("the note is drawn by the engine");
    assert_eq!(
        overlay.visual_chars,
        [vec![5, 4, 3, 2, 1, 0], (7..13).collect::<Vec<_>>()]
    );
    let caret = overlay.caret.expect("the focused note shows a caret");
    assert!(
        caret.center().x > overlay.rect.left() + 20.0,
        "after \"second\", right of the field's left edge: {caret:?}"
    );
    harness.get_by_label("Save note").click();
    harness.run();
    let note = harness.state().doc.annotation().spans()[0].note.clone();
    assert_eq!(note.as_deref(), Some("ملاحظة\nsecond"));
}

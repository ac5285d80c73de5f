//! File → Export dataset… / Import dataset…: the window opens by key, keeps label hotkeys away
//! from the document, explains what is missing, and closes with Esc; spans rejected in review
//! stay out of its export unless "include rejected spans" is ticked.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use crate::support::*;

#[test]
fn export_window_opens_with_ctrl_e_and_no_label_key_reaches_the_document_while_it_is_open() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = write_document(files.path(), "putin.txt");
    let mut harness = harness(vec![path], data.path());
    harness.state_mut().set_native_file_dialogs(false);
    select(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::P);
    assert_spans(&harness, "زار [بوتين|PERSON] روسيا أمس.\n");
    harness
        .state_mut()
        .queue_message(qalam::ui::commands::AppMessage::SelectSpan(Some(
            qalam_core::model::SpanId(1),
        )));
    harness.run_steps(2);

    press(&mut harness, Modifiers::COMMAND, Key::E);
    harness.get_by_label("Export dataset");
    // C is COUNTRY's hotkey: with the window open it must not relabel the selected span.
    press(&mut harness, Modifiers::NONE, Key::C);
    assert_spans(&harness, "زار [بوتين|PERSON] روسيا أمس.\n");

    harness.get_by_label("Export").click();
    harness.run_steps(2);
    harness.get_by_label("Choose where to write the export.");

    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("Export dataset").is_none());
    press(&mut harness, Modifiers::NONE, Key::C);
    assert_spans(&harness, "زار [بوتين|COUNTRY] روسيا أمس.\n");
}

/// Exports the document shown as CoNLL to `out` through the window (open with Ctrl+E), waiting
/// for the job to write it.
fn export_shown_document(
    harness: &mut egui_kittest::Harness<'_, qalam::ui::QalamApp>,
    out: &std::path::Path,
) {
    harness
        .get_by(|node| node.data().placeholder() == Some("/path"))
        .focus();
    harness.run_steps(1);
    harness
        .get_by(|node| node.data().placeholder() == Some("/path"))
        .type_text(&out.display().to_string());
    harness.run_steps(2);
    harness.get_by_label("Export").click();
    step_until(harness, std::time::Duration::from_secs(20), || out.exists());
    harness.run_steps(3);
}

#[test]
fn the_export_window_leaves_rejected_spans_out_unless_asked_to_include_them() {
    use qalam_core::model::{Annotation, Document, Review, ReviewDecision};
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let mut ann = Annotation::with_spans_unchecked(
        Document::new("putin", TEXT),
        &[(4, 9, "PERSON"), (10, 15, "COUNTRY")],
    );
    let at = ann.modified() + chrono::Duration::seconds(5);
    let mut parts = ann.into_parts();
    parts.spans[1].review = Some(Review::new(
        "Sara",
        ReviewDecision::Rejected,
        Some("a city".to_owned()),
        at,
    ));
    ann = Annotation::from_parts(parts).expect("valid");
    let path = files.path().join("putin.qalam.json");
    qalam_core::io::save_path(&path, &ann, None, false).expect("save");
    let mut harness = harness(vec![path], data.path());
    harness.state_mut().set_native_file_dialogs(false);

    press(&mut harness, Modifiers::COMMAND, Key::E);
    let out = files.path().join("out.conll");
    export_shown_document(&mut harness, &out);
    let conll = std::fs::read_to_string(&out).expect("exported");
    assert!(conll.contains("بوتين B-PERSON"), "{conll}");
    assert!(
        conll.contains("روسيا O"),
        "the rejected span is left out: {conll}"
    );

    harness.get_by_label("include rejected spans").click();
    harness.run_steps(2);
    let all = files.path().join("all.conll");
    harness
        .get_by(|node| node.data().placeholder() == Some("/path"))
        .focus();
    press(&mut harness, Modifiers::COMMAND, Key::A);
    export_shown_document(&mut harness, &all);
    let conll = std::fs::read_to_string(&all).expect("exported");
    assert!(conll.contains("روسيا B-GPE"), "{conll}");
}

//! File → Export dataset… / Import dataset…: the window opens by key, keeps label hotkeys away
//! from the document, explains what is missing, and closes with Esc.

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

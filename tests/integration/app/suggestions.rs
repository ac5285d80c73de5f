//! Suggestions from a gazetteer list: outlined, accepted and rejected with the keys, and after
//! saving and reopening the accepted one is a span, the rejected one stays rejected and the
//! others are not in the file.

use std::path::Path;
use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qalam::ui::QalamApp;
use qalam::ui::app::settings::Settings;
use qalam::ui::commands::{AppMessage, Command};

use crate::support::*;

const ALT_SHIFT: Modifiers = Modifiers {
    alt: true,
    shift: true,
    ..Modifiers::NONE
};

/// `(text, label)` of the open document's suggestions, in order.
fn suggested(harness: &Harness<'_, QalamApp>) -> Vec<(String, String)> {
    let doc = harness.state().current_document().expect("open");
    doc.suggestions
        .list()
        .iter()
        .map(|s| {
            let text = doc.annotation().document().slice(s.start, s.end);
            (text.unwrap_or_default().to_owned(), s.label.clone())
        })
        .collect()
}

fn current(harness: &Harness<'_, QalamApp>) -> Option<String> {
    let doc = harness.state().current_document().expect("open");
    let s = doc.suggestions.current()?;
    doc.annotation()
        .document()
        .slice(s.start, s.end)
        .map(str::to_owned)
}

/// Steps until the background computation has delivered `count` suggestions.
fn wait_for_suggestions(harness: &mut Harness<'_, QalamApp>, count: usize) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let doc = harness.state().current_document().expect("open");
        if !doc.suggestions.is_computing() && doc.suggestions.list().len() == count {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {count} suggestions: {:?}",
            suggested(harness)
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run_steps(2);
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(t, l)| ((*t).to_owned(), (*l).to_owned()))
        .collect()
}

fn write_list(dir: &Path) -> std::path::PathBuf {
    let list = dir.join("names.txt");
    std::fs::write(&list, "بوتين\tPERSON\nروسيا\tCOUNTRY\nأمس\tEVENT\n").expect("write list");
    list
}

#[test]
fn accept_and_reject_suggestions_with_keys_then_save_and_reopen() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = write_document(files.path(), "putin.txt");
    let list = write_list(files.path());
    let settings = Settings {
        annotator: "Amal".to_owned(),
        annotator_asked: true,
        ..Settings::default()
    };
    let mut harness = harness_with(vec![path.clone()], data.path(), settings);
    harness.state_mut().set_native_file_dialogs(false);

    // The Suggestions menu's "Load gazetteer list…" asks with the path field.
    harness.get_by_label("Suggestions");
    harness
        .state_mut()
        .queue_command(Command::LoadGazetteerList);
    harness.run_steps(3);
    harness.get_by_label("Load gazetteer list");
    answer_path_dialog(&mut harness, &list, "Load");
    wait_for_suggestions(&mut harness, 3);
    assert_eq!(
        suggested(&harness),
        pairs(&[("بوتين", "PERSON"), ("روسيا", "COUNTRY"), ("أمس", "EVENT")])
    );
    // Suggestions are not spans, and the status bar counts them.
    assert_spans(&harness, "زار بوتين روسيا أمس.\n");
    harness.get_by_label("Suggestions: 3");

    // Alt+N goes to the first, Alt+A accepts it; the next one becomes current.
    press(&mut harness, Modifiers::ALT, Key::N);
    assert_eq!(current(&harness).as_deref(), Some("بوتين"));
    // The status bar says what the current one is and what accepting it gives.
    harness.get_by_label("Suggestion «بوتين»: PERSON");
    press(&mut harness, Modifiers::ALT, Key::A);
    assert_spans(&harness, "زار [بوتين|PERSON] روسيا أمس.\n");
    assert_eq!(current(&harness).as_deref(), Some("روسيا"));
    let doc = harness.state().current_document().expect("open");
    assert_eq!(
        doc.annotation().spans()[0].annotator.as_deref(),
        Some("Amal")
    );

    // Alt+R rejects روسيا: no span, and it is no longer offered.
    press(&mut harness, Modifiers::ALT, Key::R);
    assert_spans(&harness, "زار [بوتين|PERSON] روسيا أمس.\n");
    wait_for_suggestions(&mut harness, 1);
    assert_eq!(suggested(&harness), pairs(&[("أمس", "EVENT")]));

    // Undo brings the rejected one back, redo rejects it again.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    wait_for_suggestions(&mut harness, 2);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    wait_for_suggestions(&mut harness, 1);

    // Save, then reopen in a new window with the same list.
    press(&mut harness, Modifiers::COMMAND, Key::S);
    let saved = files.path().join("putin.qalam.json");
    assert_saved_spans(&saved, "زار [بوتين|PERSON] روسيا أمس.\n");
    let json = std::fs::read_to_string(&saved).expect("saved file");
    assert!(json.contains("\"suggestions_rejected\""), "{json}");
    // (`assert_saved_spans` compares every span: the unaccepted أمس is not one.)
    assert!(
        !json.contains("\"start\": 16"),
        "an unaccepted suggestion was saved: {json}"
    );
    drop(harness);

    let mut harness = crate::support::harness(vec![saved], data.path());
    harness
        .state_mut()
        .queue_message(AppMessage::LoadGazetteerList(list));
    harness.run_steps(2);
    wait_for_suggestions(&mut harness, 1);
    assert_spans(&harness, "زار [بوتين|PERSON] روسيا أمس.\n");
    assert_eq!(suggested(&harness), pairs(&[("أمس", "EVENT")]));
}

#[test]
fn accept_all_of_a_name_is_one_undo_step_and_hiding_stops_the_keys() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = files.path().join("twice.txt");
    std::fs::write(&path, "بوتين زار روسيا ثم لبوتين\n").expect("write");
    let list = write_list(files.path());
    let mut harness = harness(vec![path], data.path());
    harness
        .state_mut()
        .queue_message(AppMessage::LoadGazetteerList(list));
    harness.run_steps(2);
    wait_for_suggestions(&mut harness, 3);

    press(&mut harness, ALT_SHIFT, Key::A);
    assert_spans(&harness, "[بوتين|PERSON] زار روسيا ثم ل[بوتين|PERSON]\n");
    wait_for_suggestions(&mut harness, 1);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_spans(&harness, "بوتين زار روسيا ثم لبوتين\n");

    harness
        .state_mut()
        .queue_command(Command::ToggleSuggestions);
    harness.run_steps(2);
    press(&mut harness, Modifiers::ALT, Key::A);
    assert_spans(&harness, "بوتين زار روسيا ثم لبوتين\n");
    // The hint names the key that shows them (F5; F4 is the search's next match).
    harness.get_by_label("Suggestions are hidden (F5 shows them)");
}

#[test]
fn predictions_of_a_model_become_suggestions_for_the_same_text_only() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = write_document(files.path(), "putin.txt");
    // A model's doccano output: بوتين [4, 9) PERSON, روسيا [10, 15) as GPE (COUNTRY's export
    // tag), and a document with another text.
    let model = files.path().join("model.jsonl");
    std::fs::write(
        &model,
        "{\"text\": \"زار بوتين روسيا أمس.\\n\", \"label\": [[4, 9, \"PERSON\"], [10, 15, \"GPE\"]]}\n\
         {\"text\": \"نص عن لافروف\", \"label\": [[6, 12, \"PERSON\"]]}\n",
    )
    .expect("write predictions");
    let mut harness = harness(vec![path], data.path());
    harness.state_mut().set_native_file_dialogs(false);
    harness.state_mut().queue_command(Command::LoadPredictions);
    harness.run_steps(3);
    answer_path_dialog(&mut harness, &model, "Load");
    wait_for_suggestions(&mut harness, 2);
    assert_eq!(
        suggested(&harness),
        pairs(&[("بوتين", "PERSON"), ("روسيا", "COUNTRY")])
    );
    press(&mut harness, Modifiers::ALT, Key::N);
    press(&mut harness, Modifiers::ALT, Key::N);
    press(&mut harness, Modifiers::ALT, Key::A);
    assert_spans(&harness, "زار بوتين [روسيا|COUNTRY] أمس.\n");

    // Predictions for another text are refused with a reason.
    let other = files.path().join("other.jsonl");
    std::fs::write(&other, "{\"text\": \"نص ثالث\", \"label\": []}\n").expect("write");
    harness
        .state_mut()
        .queue_message(AppMessage::LoadPredictions(other));
    harness.run_steps(2);
    let errors = harness.state().messages().errors();
    assert!(
        errors
            .iter()
            .any(|e| e == "other.jsonl: none of its 1 documents has this document's text"),
        "{errors:?}"
    );

    // The model's file covers more documents: one opened later gets its own predictions.
    let second = files.path().join("lavrov.txt");
    std::fs::write(&second, "نص عن لافروف").expect("write");
    harness
        .state_mut()
        .queue_message(AppMessage::OpenFile(second));
    harness.run_steps(2);
    wait_for_suggestions(&mut harness, 1);
    assert_eq!(suggested(&harness), pairs(&[("لافروف", "PERSON")]));
}

#[test]
fn opening_a_corpus_teaches_the_gazetteer_its_finished_spans() {
    use qalam_core::model::notation::Case;
    use qalam_core::model::{DocStatus, Edit};

    let data = tempfile::tempdir().expect("temp dir");
    let folder = tempfile::tempdir().expect("temp dir");
    let mut done = Case::parse("زار [بوتين|PERSON] [روسيا|COUNTRY]")
        .expect("notation")
        .annotation();
    done.apply(Edit::SetStatus(DocStatus::Done))
        .expect("status");
    let mut started = Case::parse("التقى [لافروف|PERSON]")
        .expect("notation")
        .annotation();
    started
        .apply(Edit::SetStatus(DocStatus::InProgress))
        .expect("status");
    for (name, ann) in [("a.qalam.json", &done), ("b.qalam.json", &started)] {
        std::fs::write(
            folder.path().join(name),
            qalam_core::io::to_json_string(ann),
        )
        .expect("write");
    }
    let new = folder.path().join("new.txt");
    std::fs::write(&new, "قال بوتين إن لافروف في روسيا\n").expect("write");
    let mut harness = harness(vec![folder.path().to_owned()], data.path());
    let deadline = Instant::now() + Duration::from_secs(20);
    while harness.state().is_scanning() || harness.state().suggestion_session().is_rebuilding() {
        assert!(Instant::now() < deadline, "the scan did not finish");
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run_steps(2);
    assert_eq!(harness.state().suggestion_session().gazetteer().len(), 2);
    harness.state_mut().queue_message(AppMessage::OpenFile(new));
    harness.run_steps(2);
    // لافروف is only in an unfinished file: not suggested.
    wait_for_suggestions(&mut harness, 2);
    assert_eq!(
        suggested(&harness),
        pairs(&[("بوتين", "PERSON"), ("روسيا", "COUNTRY")])
    );
}

#[test]
fn a_click_inside_a_suggestion_makes_it_current_and_it_is_outlined_where_painted() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = write_document(files.path(), "putin.txt");
    let list = write_list(files.path());
    let mut harness = harness(vec![path], data.path());
    harness
        .state_mut()
        .queue_message(AppMessage::LoadGazetteerList(list));
    harness.run_steps(2);
    wait_for_suggestions(&mut harness, 3);
    let doc = harness.state().current_document().expect("open");
    assert!(
        doc.view.visible_chars().contains(&12),
        "the text is painted"
    );
    // The middle of روسيا [10, 15).
    let rects = doc.view.range_screen_rects(12..13);
    assert_eq!(rects.len(), 1, "{rects:?}");
    let pos = rects[0].center();
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
    harness.run_steps(3);
    assert_eq!(current(&harness).as_deref(), Some("روسيا"));
    press(&mut harness, Modifiers::ALT, Key::A);
    assert_spans(&harness, "زار بوتين [روسيا|COUNTRY] أمس.\n");
}

#[test]
fn a_name_tagged_once_is_suggested_where_it_comes_again_and_alt_a_accepts_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = files.path().join("twice.txt");
    std::fs::write(&path, "روسيا اليوم ولروسيا غدا\n").expect("write");
    // No gazetteer list, no corpus, no predictions: only the document's own span.
    let mut harness = harness(vec![path], data.path());
    select(&mut harness, 0..5);
    press(&mut harness, Modifiers::NONE, Key::C);
    assert_spans(&harness, "[روسيا|COUNTRY] اليوم ولروسيا غدا\n");
    wait_for_suggestions(&mut harness, 1);
    assert_eq!(suggested(&harness), pairs(&[("روسيا", "COUNTRY")]));
    harness.get_by_label("Suggestions: 1");

    press(&mut harness, Modifiers::ALT, Key::N);
    press(&mut harness, Modifiers::ALT, Key::A);
    assert_spans(&harness, "[روسيا|COUNTRY] اليوم ول[روسيا|COUNTRY] غدا\n");
    wait_for_suggestions(&mut harness, 0);
    // Undoing the first span takes its lesson back too: nothing is suggested for the second.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_spans(&harness, "روسيا اليوم ولروسيا غدا\n");
    wait_for_suggestions(&mut harness, 0);
}

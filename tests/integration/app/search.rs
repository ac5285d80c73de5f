//! The search bar and "Annotate all" end to end: Ctrl+F, typing a name finds it with harakat and
//! after proclitics, the count, next/previous, annotate all from the bar and from a span (one
//! grouped edit, one Ctrl+Z), and label hotkeys never firing while the search field has focus.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qalam::ui::QalamApp;
use qalam::ui::commands::AppMessage;
use qalam::ui::panels::search_bar::{ANNOTATE_CORPUS, SEARCH_FIELD_HINT};
use qalam::ui::windows::annotate_all_window::TAG_CHECKED;

use crate::support::*;

const NAMES: &str = "زار بوتين ثم لبوتين وبُوتين.\n";

fn open_names(data: &std::path::Path, files: &std::path::Path) -> Harness<'static, QalamApp> {
    let path = files.join("names.txt");
    std::fs::write(&path, NAMES).expect("write the test document");
    harness(vec![path], data)
}

/// Types `text` into the focused search field.
fn type_in_search(harness: &mut Harness<'_, QalamApp>, text: &str) {
    let field = harness.get_by(|node| node.data().placeholder() == Some(SEARCH_FIELD_HINT));
    field.focus();
    field.type_text(text);
    harness.run_steps(2);
}

fn matches(harness: &Harness<'_, QalamApp>) -> Vec<(usize, usize)> {
    harness
        .state()
        .search_bar()
        .matches()
        .iter()
        .map(|m| (m.start, m.end))
        .collect()
}

#[test]
fn search_then_annotate_all_from_the_bar_then_undo() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let mut harness = open_names(data.path(), files.path());

    press(&mut harness, Modifiers::COMMAND, Key::F);
    assert!(harness.state().search_bar().is_open());
    type_in_search(&mut harness, "بوتين");
    // Harakat ignored, proclitics allowed: the name only, never the clitic.
    assert_eq!(matches(&harness), [(4, 9), (14, 19), (21, 27)]);
    harness.get_by_label("1 of 3");
    let view = &harness.state().current_document().expect("open").view;
    assert_eq!(view.search_highlights().ranges().len(), 3);
    assert_eq!(
        view.selection(),
        Some(4..9),
        "the current match is selected"
    );

    // Enter steps to the next match; F4 too; Shift+F4 goes back.
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.get_by_label("2 of 3");
    press(&mut harness, Modifiers::NONE, Key::F4);
    harness.get_by_label("3 of 3");
    press(&mut harness, Modifiers::SHIFT, Key::F4);
    harness.get_by_label("2 of 3");
    assert_eq!(
        harness
            .state()
            .current_document()
            .expect("open")
            .view
            .selection(),
        Some(14..19)
    );

    harness.get_by_label("Annotate all…").click();
    // A new window's first frame only measures it.
    harness.run_steps(4);
    assert_eq!(harness.state().annotate_all_window().occurrences().len(), 3);
    // Opt out of the last one.
    harness.get_by_label("#3").click();
    harness.run_steps(2);
    harness.get_by_label("2 of 3 checked");
    harness.get_by_label(TAG_CHECKED).click();
    harness.run_steps(3);
    assert_spans(&harness, "زار [بوتين|PERSON] ثم ل[بوتين|PERSON] وبُوتين.\n");
    assert!(!harness.state().annotate_all_window().is_open());

    // One step undoes all of it.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_spans(&harness, NAMES);
}

#[test]
fn annotate_all_from_a_span_tags_every_other_occurrence_as_one_step() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let mut harness = open_names(data.path(), files.path());
    select(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::Num1);
    assert_spans(&harness, "زار [بوتين|PERSON] ثم لبوتين وبُوتين.\n");

    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.run_steps(2);
    let occurrences: Vec<(usize, usize)> = harness
        .state()
        .annotate_all_window()
        .occurrences()
        .iter()
        .map(|o| (o.start, o.end))
        .collect();
    assert_eq!(occurrences, [(14, 19), (21, 27)]);
    harness.get_by_label(TAG_CHECKED).click();
    harness.run_steps(3);
    assert_spans(
        &harness,
        "زار [بوتين|PERSON] ثم ل[بوتين|PERSON] و[بُوتين|PERSON].\n",
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_spans(&harness, "زار [بوتين|PERSON] ثم لبوتين وبُوتين.\n");
}

#[test]
fn typing_in_the_search_field_fires_no_label_hotkey_and_esc_closes_the_bar() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let mut harness = open_names(data.path(), files.path());
    select(&mut harness, 4..9);
    // The selected text becomes the pattern.
    press(&mut harness, Modifiers::COMMAND, Key::F);
    assert_eq!(harness.state().search_bar().pattern, "بوتين");
    // Digits and label letters go into the field, never to the document.
    type_in_search(&mut harness, "1e2");
    assert_eq!(harness.state().search_bar().pattern, "بوتين1e2");
    for key in [Key::Num1, Key::E, Key::Num2] {
        press(&mut harness, Modifiers::NONE, key);
    }
    assert_spans(&harness, NAMES);
    harness.get_by_label("No matches");

    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.state().search_bar().is_open());
    let view = &harness.state().current_document().expect("open").view;
    assert!(view.search_highlights().ranges().is_empty());
    // That Esc closed the bar only: the selection stays for a label key; the next Esc clears it.
    assert_eq!(view.selection(), Some(4..9));
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(
        harness
            .state()
            .current_document()
            .expect("open")
            .view
            .selection(),
        None
    );
}

/// A corpus of `a.txt` and `b.txt`, each naming بوتين once, scanned.
fn corpus_harness(data: &std::path::Path, folder: &std::path::Path) -> Harness<'static, QalamApp> {
    std::fs::write(folder.join("a.txt"), "زار بوتين موسكو.\n").expect("write");
    std::fs::write(folder.join("b.txt"), "ثم قال لبوتين شيئا.\n").expect("write");
    let mut harness = harness(vec![folder.to_owned()], data);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while harness.state().is_scanning() {
        assert!(
            std::time::Instant::now() < deadline,
            "the scan did not finish"
        );
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run_steps(3);
    harness
}

/// Searches the whole corpus for `pattern` and waits for the results.
fn search_corpus(harness: &mut Harness<'_, QalamApp>, pattern: &str) {
    press(harness, Modifiers::COMMAND, Key::F);
    type_in_search(harness, pattern);
    harness.get_by_label("All documents").click();
    // The corpus's texts are read in the background, starting on the next frame.
    harness.run_steps(2);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while harness.state().search_bar().corpus_loading() {
        assert!(
            std::time::Instant::now() < deadline,
            "the texts were not read"
        );
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run_steps(2);
}

#[test]
fn all_documents_lists_corpus_matches_and_opens_the_document_at_one() {
    let data = tempfile::tempdir().expect("temp dir");
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = corpus_harness(data.path(), folder.path());
    search_corpus(&mut harness, "بوتين");
    let (found, total) = harness.state().search_bar().corpus_results();
    assert_eq!(total, 2);
    let places: Vec<(&str, usize, usize)> = found
        .iter()
        .map(|m| (m.name.as_str(), m.found.start, m.found.end))
        .collect();
    assert_eq!(places, [("a", 4, 9), ("b", 8, 13)]);
    harness.get_by_label("2 matches in 2 documents");

    harness.get_by_label("b: ثم قال ل[بوتين] شيئا.").click();
    harness.run_steps(4);
    let doc = harness.state().current_document().expect("b is open");
    assert_eq!(doc.annotation().document().text(), "ثم قال لبوتين شيئا.\n");
    assert_eq!(doc.view.selection(), Some(8..13));
}

#[test]
fn one_corpus_match_is_counted_in_the_singular() {
    let data = tempfile::tempdir().expect("temp dir");
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = corpus_harness(data.path(), folder.path());
    search_corpus(&mut harness, "موسكو");
    harness.get_by_label("1 match in 1 document");
}

#[test]
fn annotate_all_in_the_corpus_tags_each_document_as_one_unsaved_step() {
    let data = tempfile::tempdir().expect("temp dir");
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = corpus_harness(data.path(), folder.path());
    harness
        .state_mut()
        .queue_message(AppMessage::OpenCorpusDocument(0));
    harness.run_steps(2);
    search_corpus(&mut harness, "بوتين");
    harness.get_by_label(ANNOTATE_CORPUS).click();
    harness.run_steps(4);
    assert_eq!(harness.state().annotate_all_window().corpus_rows().len(), 2);
    harness.get_by_label(TAG_CHECKED).click();
    harness.run_steps(3);

    // a stays current; b was opened beside it; both tagged, neither saved.
    let texts: Vec<(String, String, bool)> = harness
        .state()
        .documents()
        .iter()
        .map(|doc| {
            let ann = doc.annotation();
            let spans = ann
                .spans()
                .iter()
                .map(|s| format!("{}..{} {}", s.start, s.end, s.label))
                .collect::<Vec<_>>()
                .join(", ");
            (ann.document().text().to_owned(), spans, doc.is_dirty())
        })
        .collect();
    assert_eq!(
        texts,
        [
            (
                "زار بوتين موسكو.\n".to_owned(),
                "4..9 PERSON".to_owned(),
                true
            ),
            (
                "ثم قال لبوتين شيئا.\n".to_owned(),
                "8..13 PERSON".to_owned(),
                true
            ),
        ]
    );
    assert_spans(&harness, "زار [بوتين|PERSON] موسكو.\n");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_spans(&harness, "زار بوتين موسكو.\n");
    assert_eq!(harness.state().documents()[1].annotation().spans().len(), 1);
}

/// Annotate all from the search bar offers the label the document already gives the name (here
/// COUNTRY), not the label set's first (PERSON), and tags the others with it.
#[test]
fn annotate_all_from_the_bar_offers_the_label_the_name_already_has() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let ann = qalam_core::model::notation::Case::parse("زار [روسيا|COUNTRY] ثم لروسيا وروسيا.\n")
        .expect("notation")
        .annotation();
    let path = files.path().join("russia.qalam.json");
    qalam_core::io::save_path(&path, &ann, None, false).expect("write the document");
    let mut harness = harness(vec![path], data.path());

    press(&mut harness, Modifiers::COMMAND, Key::F);
    type_in_search(&mut harness, "روسيا");
    assert_eq!(matches(&harness).len(), 3);
    harness.get_by_label("Annotate all…").click();
    harness.run_steps(4);
    // The tagged one is not offered again; the two others are, with COUNTRY.
    assert_eq!(harness.state().annotate_all_window().occurrences().len(), 2);
    harness.get_by_label(TAG_CHECKED).click();
    harness.run_steps(3);
    assert_spans(
        &harness,
        "زار [روسيا|COUNTRY] ثم ل[روسيا|COUNTRY] و[روسيا|COUNTRY].\n",
    );
}

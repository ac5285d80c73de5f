//! Comparing two annotators' files and adjudicating them into the gold file: the compare view
//! opens on Amal's and Bilal's files of one text (one agreement, one label disagreement), N
//! steps to the disagreement, 2 takes Bilal's label, Ctrl+S writes `article.gold.qalam.json`
//! with that decision recorded; Ctrl+Z undoes a decision and Ctrl+Shift+Z redoes it.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qalam::ui::QalamApp;
use qalam::ui::app::settings::Settings;
use qalam::ui::commands::AppMessage;
use qalam_core::compare::GroupKind;
use qalam_core::model::notation::Case;
use qalam_core::model::{AdjudicationVariant, Annotation, Resolution};

use crate::support::*;

const AMAL: &str = "زار [بوتين|PERSON] [روسيا|COUNTRY] أمس.\n";
const BILAL: &str = "زار [بوتين|PERSON] [روسيا|ORGANIZATION] أمس.\n";

/// Writes Amal's and Bilal's files into `dir`; returns Amal's.
fn two_annotators(dir: &Path) -> PathBuf {
    for (name, notation) in [("amal", AMAL), ("bilal", BILAL)] {
        let mut parts = Case::parse(notation)
            .expect("notation")
            .annotation()
            .into_parts();
        parts.annotator = Some(name.to_owned());
        let ann = Annotation::from_parts(parts).expect("valid parts");
        let path = dir.join(format!("article.{name}.qalam.json"));
        qalam_core::io::save_path(&path, &ann, None, true).expect("write the annotator's file");
    }
    dir.join("article.amal.qalam.json")
}

/// The app, as the adjudicator Dina, comparing the files beside `amal`.
fn comparing(amal: &Path, data: &Path) -> Harness<'static, QalamApp> {
    let settings = Settings {
        annotator: "Dina".to_owned(),
        annotator_asked: true,
        ..Settings::default()
    };
    let mut harness = harness_with(Vec::new(), data, settings);
    harness.state_mut().set_native_file_dialogs(false);
    harness
        .state_mut()
        .queue_message(AppMessage::CompareFiles(vec![amal.to_owned()]));
    harness.run_steps(3);
    assert!(harness.state().compare_shows(), "the compare view shows");
    harness
}

fn current_kind(harness: &Harness<'_, QalamApp>) -> Option<GroupKind> {
    let compare = harness.state().compare().expect("comparing");
    compare
        .current
        .and_then(|i| compare.session.disagreements().get(i))
        .map(|d| d.kind)
}

#[test]
fn take_bilals_label_and_find_the_decision_in_the_gold_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("temp dir");
    let amal = two_annotators(dir.path());
    let mut harness = comparing(&amal, data.path());

    // The gold starts with the span both had; the legend counts one of each.
    assert_spans(&harness, "زار [بوتين|PERSON] روسيا أمس.\n");
    harness.get_by_label("agreed 1");
    harness.get_by_label("label 1");

    press(&mut harness, Modifiers::NONE, Key::N);
    assert_eq!(current_kind(&harness), Some(GroupKind::Label));
    harness.get_by_label("Take bilal (2)");
    press(&mut harness, Modifiers::NONE, Key::Num2);
    // Shown at once in the gold, and the digit did not act as a label hotkey.
    assert_spans(&harness, "زار [بوتين|PERSON] [روسيا|ORGANIZATION] أمس.\n");
    harness.get_by_label("Decided: took bilal");

    press(&mut harness, Modifiers::COMMAND, Key::S);
    let gold = dir.path().join("article.gold.qalam.json");
    assert_saved_spans(&gold, "زار [بوتين|PERSON] [روسيا|ORGANIZATION] أمس.\n");
    let saved = qalam_core::io::load_path(&gold)
        .expect("gold file")
        .annotation;
    let provenance = |start: usize| {
        let span = saved
            .spans()
            .iter()
            .find(|s| s.start == start)
            .expect("gold span");
        span.adjudication
            .clone()
            .expect("the span records its adjudication")
    };
    let took = provenance(10);
    assert_eq!(took.sources, ["bilal"]);
    assert_eq!(
        took.variants,
        [AdjudicationVariant {
            annotator: "amal".into(),
            start: 10,
            end: 15,
            label: "COUNTRY".into()
        }]
    );
    assert_eq!(took.decided_by, "Dina");
    assert_eq!(took.resolution, Resolution::Took);
    let agreed = provenance(4);
    assert_eq!(agreed.sources, ["amal", "bilal"]);
    assert_eq!(agreed.resolution, Resolution::Agreed);
    // The annotators' files are untouched.
    assert_saved_spans(&amal, AMAL);

    // Comparing again later opens the gold file with its decision.
    let later = tempfile::tempdir().expect("temp dir");
    let harness = comparing(&amal, later.path());
    assert_spans(&harness, "زار [بوتين|PERSON] [روسيا|ORGANIZATION] أمس.\n");
    let compare = harness.state().compare().expect("comparing");
    assert_eq!(
        compare.session.decision(0).map(|d| d.choice),
        Some(qalam_core::compare::adjudication::Choice::Take(1))
    );
    assert!(!harness.state().current_document().expect("gold").is_dirty());
}

#[test]
fn ctrl_z_undoes_an_adjudication_decision() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("temp dir");
    let amal = two_annotators(dir.path());
    let mut harness = comparing(&amal, data.path());
    press(&mut harness, Modifiers::NONE, Key::N);
    press(&mut harness, Modifiers::NONE, Key::Num1);
    assert_spans(&harness, "زار [بوتين|PERSON] [روسيا|COUNTRY] أمس.\n");
    // Deciding again replaces the decision.
    press(&mut harness, Modifiers::NONE, Key::B);
    assert_spans(
        &harness,
        "زار [بوتين|PERSON] [[روسيا|COUNTRY]|ORGANIZATION] أمس.\n",
    );

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_spans(&harness, "زار [بوتين|PERSON] [روسيا|COUNTRY] أمس.\n");
    harness.get_by_label("Decided: took amal");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_spans(&harness, "زار [بوتين|PERSON] روسيا أمس.\n");
    let compare = harness.state().compare().expect("comparing");
    assert_eq!(compare.session.decision(0), None);
    harness.get_by_label("Undecided");

    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_spans(&harness, "زار [بوتين|PERSON] [روسيا|COUNTRY] أمس.\n");
    press(&mut harness, Modifiers::NONE, Key::X);
    assert_spans(&harness, "زار [بوتين|PERSON] روسيا أمس.\n");
    harness.get_by_label("Decided: took neither");
}

#[test]
fn edit_opens_the_gold_span_for_the_label_keys_and_esc_returns() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("temp dir");
    let amal = two_annotators(dir.path());
    let mut harness = comparing(&amal, data.path());
    press(&mut harness, Modifiers::NONE, Key::N);
    press(&mut harness, Modifiers::NONE, Key::E);
    assert_spans(&harness, "زار [بوتين|PERSON] [روسيا|COUNTRY] أمس.\n");
    // The label hotkeys act on the selected gold span now: 4 is EVENT.
    press(&mut harness, Modifiers::NONE, Key::Num4);
    assert_spans(&harness, "زار [بوتين|PERSON] [روسيا|EVENT] أمس.\n");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.state().compare().expect("comparing").editing);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    assert_spans(&harness, "زار [بوتين|PERSON] [روسيا|ORGANIZATION] أمس.\n");
}

/// The app as Dina on a corpus folder holding the article and Amal's and Bilal's files, once
/// scanned.
fn corpus_comparing(folder: &Path, data: &Path) -> Harness<'static, QalamApp> {
    two_annotators(folder);
    std::fs::write(folder.join("article.txt"), TEXT).expect("the text");
    let settings = Settings {
        annotator: "Dina".to_owned(),
        annotator_asked: true,
        ..Settings::default()
    };
    let mut harness = harness_with(vec![folder.to_owned()], data, settings);
    harness.state_mut().set_native_file_dialogs(false);
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

#[test]
fn review_compare_annotators_compares_the_open_corpus_document() {
    let folder = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = corpus_comparing(folder.path(), data.path());
    harness
        .state_mut()
        .queue_message(AppMessage::OpenCorpusDocument(0));
    harness.run_steps(3);
    assert!(!harness.state().compare_shows());
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    let compare = harness.state().compare().expect("comparing");
    assert_eq!(compare.session.annotators(), ["amal", "bilal"]);
    assert!(harness.state().compare_shows());
    assert_spans(&harness, "زار [بوتين|PERSON] روسيا أمس.\n");
}

#[test]
fn the_agreement_window_opens_the_most_disagreeing_document_in_the_compare_view() {
    let folder = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("temp dir");
    let mut harness = corpus_comparing(folder.path(), data.path());

    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::K);
    harness.get_by_label("Span F1 per label");
    // Two spans each, one identical: exact F1 2·1 / (2 + 2).
    harness.get_by_label("article: exact F1 0.500").click();
    harness.run_steps(3);
    assert!(harness.state().compare_shows());
    let gold = folder.path().join("article.gold.qalam.json");
    let doc = harness.state().current_document().expect("the gold");
    assert_eq!(doc.save_path.as_deref(), Some(gold.as_path()));

    press(&mut harness, Modifiers::NONE, Key::N);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert_saved_spans(&gold, "زار [بوتين|PERSON] [روسيا|ORGANIZATION] أمس.\n");
    // The gold file is nobody's: the list still shows the two annotators only. (Beside the
    // compare panel the list is folded in a 1000-point window; its strip opens it.)
    harness.get_by_label("Show document list").click();
    harness.run_steps(3);
    harness.get_by_label("article — To do — 2 spans — amal, bilal");
}

#[test]
fn side_by_side_shows_one_column_per_annotator() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("temp dir");
    let amal = two_annotators(dir.path());
    let mut harness = comparing(&amal, data.path());
    harness.get_by_label("Merged: every group coloured by how the annotators differ");
    harness.get_by_label("Side by side").click();
    harness.run_steps(3);
    assert!(harness.state().compare().expect("comparing").side_by_side);
    harness.get_by_label("amal");
    harness.get_by_label("bilal");
    // The compare keys still act, and Stop comparing leaves the gold open.
    press(&mut harness, Modifiers::NONE, Key::N);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    assert_spans(&harness, "زار [بوتين|PERSON] [روسيا|ORGANIZATION] أمس.\n");
    harness.get_by_label("Stop comparing").click();
    harness.run_steps(3);
    assert!(harness.state().compare().is_none());
    assert_spans(&harness, "زار [بوتين|PERSON] [روسيا|ORGANIZATION] أمس.\n");
}

#[test]
fn the_shortcut_overlay_lists_the_compare_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("temp dir");
    let amal = two_annotators(dir.path());
    let mut harness = comparing(&amal, data.path());
    press(&mut harness, Modifiers::NONE, Key::F1);
    harness.get_by_label("Compare view: Take all");
    harness.get_by_label("B / 0");
    harness.get_by_label("Compare view: Take annotator 2");
    harness.get_by_label("Compare annotators…");
}

#[test]
fn the_other_side_panels_fold_to_leave_the_compare_view_a_usable_width() {
    use qalam::ui::app::side_panels::MIN_TEXT_WIDTH;
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("temp dir");
    let amal = two_annotators(dir.path());
    // 1000 points wide: beside the compare panel, palette and span list together would leave
    // the merged view and the gold about 240 points; the span list folds instead.
    let mut harness = comparing(&amal, data.path());
    harness.run_steps(3);
    // One disagreement, said in the singular.
    harness.get_by_label("1 disagreement to decide: N shows it");
    harness.get_by_label("Labels");
    assert!(
        harness.query_by_label("Sort:").is_none(),
        "the span list folds while comparing"
    );
    let views = harness.query_all_by_label("Document").collect::<Vec<_>>();
    assert_eq!(views.len(), 2, "the merged view and the gold");
    for view in views {
        assert!(
            view.rect().width() >= MIN_TEXT_WIDTH - 30.0,
            "a document view only {} points wide",
            view.rect().width()
        );
    }
}

#[test]
fn regression_gazetteer_suggestions_stay_out_of_the_gold_while_comparing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("temp dir");
    let amal = two_annotators(dir.path());
    let list = dir.path().join("names.txt");
    std::fs::write(&list, "أمس\tEVENT\nروسيا\tCOUNTRY\n").expect("write list");
    let mut harness = comparing(&amal, data.path());
    harness
        .state_mut()
        .queue_message(AppMessage::LoadGazetteerList(list));
    for _ in 0..20 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run_steps(2);

    // No count, no outline, and the suggestion keys do not tag the gold.
    assert!(
        harness.query_by_label_contains("Suggestions: ").is_none(),
        "the status bar counts suggestions in the gold"
    );
    assert!(
        harness
            .state()
            .current_document()
            .expect("the gold")
            .suggestions
            .list()
            .is_empty()
    );
    press(&mut harness, Modifiers::ALT, Key::A);
    assert_spans(&harness, "زار [بوتين|PERSON] روسيا أمس.\n");
    harness.get_by_label("Suggestions are off in the gold while adjudicating");
}

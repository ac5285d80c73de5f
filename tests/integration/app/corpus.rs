//! The corpus in the window: opening a folder of three articles, their statuses and the
//! progress bar in the document list, the next unfinished document by key, tagging and marking
//! it done (progress and statistics follow at once), saving on to the annotator's own file, the
//! guidelines and label definitions, label sets that disagree with the corpus, and a
//! single-annotator folder.

use std::path::Path;
use std::time::Duration;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qalam::ui::QalamApp;
use qalam::ui::app::settings::Settings;
use qalam_core::model::notation::Case;
use qalam_core::model::{Annotation, DocStatus, LabelSet};

use crate::support::*;

const CTRL_ALT: Modifiers = Modifiers {
    alt: true,
    ctrl: false,
    shift: false,
    mac_cmd: false,
    command: true,
};

const GUIDELINES: &str = "# Annotation guide\n\nTag **names**, not titles.\n\n## PERSON\n\nA named person.\n\n## COUNTRY\n\nA named country.\n";

/// Copies the core's two-annotator fixture corpus (`a` done by Amal and in progress by Omar,
/// `c` not started, `news/b` in progress by Amal) into `dir`, with guidelines that define the
/// labels.
fn fixture_corpus(dir: &Path) {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/qalam-core/tests/fixtures/corpus");
    for name in [
        "a.Amal.qalam.json",
        "a.Omar.qalam.json",
        "a.txt",
        "c.txt",
        "qalam-corpus.json",
        "news/b.Amal.qalam.json",
        "news/b.txt",
    ] {
        let target = dir.join(name);
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder).expect("folder");
        }
        std::fs::copy(fixture.join(name), &target).expect("copy the fixture");
    }
    std::fs::write(dir.join("guidelines.md"), GUIDELINES).expect("guidelines");
}

/// A harness on the app started on `folder` as `annotator`, once the scan has finished.
fn corpus_harness(folder: &Path, data: &Path, annotator: &str) -> Harness<'static, QalamApp> {
    let settings = Settings {
        annotator: annotator.to_owned(),
        annotator_asked: true,
        ..Settings::default()
    };
    let mut harness = harness_with(vec![folder.to_owned()], data, settings);
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while harness.state().is_scanning() {
        assert!(
            std::time::Instant::now() < deadline,
            "the scan did not finish"
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run_steps(3);
    harness
}

fn current_text(harness: &Harness<'_, QalamApp>) -> String {
    harness
        .state()
        .current_document()
        .expect("a document is open")
        .annotation()
        .document()
        .text()
        .to_owned()
}

#[test]
fn a_folder_of_three_articles_is_annotated_to_done_through_the_list() {
    let data = tempfile::tempdir().expect("temp dir");
    let folder = tempfile::tempdir().expect("temp dir");
    fixture_corpus(folder.path());
    let mut harness = corpus_harness(folder.path(), data.path(), "Amal");
    assert!(harness.state().current_document().is_none());

    // Amal's statuses: a done, c not started, news/b in progress; one of three done.
    harness.get_by_label("a — Done — 2 spans — Amal, Omar");
    harness.get_by_label("c — To do — 0 spans — no annotator");
    harness.get_by_label("news/b — In progress — 1 span — Amal");
    harness.get_by_label("1 / 3 done");
    harness.get_by_label("Amal: 1 / 3 done");
    harness.get_by_label("Omar: 0 / 1 done");
    press(&mut harness, Modifiers::NONE, Key::F6);
    harness.get_by_label("PERSON: 3");
    harness.get_by_label("Done: 0");
    harness.get_by_label("Amal: 1 done, 1 started, 3 assigned");

    // The next unfinished document is c (a is done); it opens with the corpus's labels and
    // will be saved as Amal's own file.
    press(&mut harness, CTRL_ALT, Key::PageDown);
    assert_eq!(current_text(&harness), "نص لم يبدأ بعد.");
    let doc = harness.state().current_document().expect("open");
    let corpus_labels = &harness
        .state()
        .corpus()
        .and_then(|session| session.corpus())
        .and_then(|corpus| corpus.file.as_ref())
        .expect("corpus file")
        .labels;
    assert_eq!(doc.annotation().labels(), corpus_labels);
    assert_eq!(doc.annotation().annotator(), Some("Amal"));
    let own_file = folder.path().join("c.Amal.qalam.json");
    assert_eq!(doc.save_path.as_deref(), Some(own_file.as_path()));
    harness.get_by_label("c — To do — 0 spans — no annotator");

    // Tag a span and mark the document done: the row, the progress bar and the statistics
    // change at once, before any save.
    select(&mut harness, 0..2);
    press(&mut harness, Modifiers::NONE, Key::Num1);
    assert_spans(&harness, "[نص|PERSON] لم يبدأ بعد.");
    harness.get_by_label("c — To do — 1 span — Amal");
    harness.get_by_label("PERSON: 4");
    press(&mut harness, Modifiers::ALT, Key::Num3);
    assert_eq!(
        harness
            .state()
            .current_document()
            .map(|d| d.annotation().status()),
        Some(DocStatus::Done)
    );
    harness.get_by_label("c — Done — 1 span — Amal");
    harness.get_by_label("2 / 3 done");
    harness.get_by_label("Amal: 2 / 3 done");
    harness.get_by_label("Done: 1");
    harness.get_by_label("Amal: 2 done, 1 started, 3 assigned");
    assert!(!own_file.exists(), "nothing saved yet");

    // On to the next unfinished (news/b): c is saved to Amal's file first, and replaced.
    press(&mut harness, CTRL_ALT, Key::PageDown);
    assert_eq!(current_text(&harness), "التقى كيم جونغ أون في بيونغ يانغ.");
    assert_eq!(harness.state().documents().len(), 1);
    assert_saved_spans(&own_file, "[نص|PERSON] لم يبدأ بعد.");
    let saved = qalam_core::io::load_path(&own_file).expect("reload");
    assert_eq!(saved.annotation.status(), DocStatus::Done);
    // Everything else is done: news/b is the only unfinished document, so nothing else opens.
    press(&mut harness, CTRL_ALT, Key::PageDown);
    assert_eq!(current_text(&harness), "التقى كيم جونغ أون في بيونغ يانغ.");
    harness.get_by_label_contains("No other unfinished document");

    // Back to c by the plain previous-document key: Amal's saved file opens.
    press(&mut harness, Modifiers::ALT, Key::PageUp);
    assert_spans(&harness, "[نص|PERSON] لم يبدأ بعد.");
    let doc = harness.state().current_document().expect("open");
    assert_eq!(doc.opened_from.as_deref(), Some(own_file.as_path()));
    assert!(!doc.is_dirty());
    // The other annotator's work was never touched.
    let omar = qalam_core::io::load_path(&folder.path().join("a.Omar.qalam.json")).expect("omar");
    assert_eq!(omar.annotation.status(), DocStatus::InProgress);
}

#[test]
fn a_row_click_opens_its_document_and_guidelines_define_the_labels() {
    let data = tempfile::tempdir().expect("temp dir");
    let folder = tempfile::tempdir().expect("temp dir");
    fixture_corpus(folder.path());
    let mut harness = corpus_harness(folder.path(), data.path(), "Omar");
    // Omar is assigned a.txt only: his progress counts one document.
    harness.get_by_label("0 / 1 done");
    harness
        .get_by_label("news/b — To do — 1 span — Amal")
        .click();
    harness.run_steps(3);
    assert_eq!(current_text(&harness), "التقى كيم جونغ أون في بيونغ يانغ.");
    // Omar sees the text, not Amal's spans.
    assert_spans(&harness, "التقى كيم جونغ أون في بيونغ يانغ.");

    let session = harness.state().corpus().expect("corpus");
    assert_eq!(session.definition("PERSON"), Some("A named person."));
    assert_eq!(session.definition("COUNTRY"), Some("A named country."));
    press(&mut harness, Modifiers::NONE, Key::F3);
    harness.get_by_label("Annotation guide");
    harness.get_by_label("Tag names, not titles.");
    harness.get_by_label("A named person.");
}

/// Writes `notation` with `labels` as `dir/name`.
fn write_annotation(dir: &Path, name: &str, notation: &str, labels: LabelSet) {
    let mut parts = Case::parse(notation)
        .expect("notation")
        .annotation()
        .into_parts();
    parts.labels = labels;
    let ann = Annotation::from_parts(parts).expect("valid");
    std::fs::write(dir.join(name), qalam_core::io::to_json_string(&ann)).expect("write");
}

#[test]
fn a_label_set_that_disagrees_with_the_corpus_is_reported_and_kept() {
    let data = tempfile::tempdir().expect("temp dir");
    let folder = tempfile::tempdir().expect("temp dir");
    fixture_corpus(folder.path());
    // Amal's file of c uses the default four labels, not the corpus's two.
    write_annotation(
        folder.path(),
        "c.Amal.qalam.json",
        "نص [لم|EVENT] يبدأ بعد.",
        LabelSet::default(),
    );
    let mut harness = corpus_harness(folder.path(), data.path(), "Amal");
    let expected = "c.Amal.qalam.json: its labels differ from the corpus label set; \
                    not in the corpus: EVENT, ORGANIZATION";
    assert!(
        harness
            .state()
            .messages()
            .errors()
            .iter()
            .any(|error| error == expected),
        "{:?}",
        harness.state().messages().errors()
    );
    harness.get_by_label("c — To do — 1 span — Amal").click();
    harness.run_steps(3);
    let doc = harness.state().current_document().expect("open");
    assert_eq!(
        doc.annotation().labels(),
        &LabelSet::default(),
        "not changed"
    );
    assert_spans(&harness, "نص [لم|EVENT] يبدأ بعد.");
    assert!(
        harness
            .state()
            .messages()
            .errors()
            .iter()
            .any(|error| error.contains("the file keeps its own labels"))
    );
}

#[test]
fn a_single_annotator_folder_saves_beside_its_texts() {
    let data = tempfile::tempdir().expect("temp dir");
    let folder = tempfile::tempdir().expect("temp dir");
    write_document(folder.path(), "one.txt");
    std::fs::write(folder.path().join("two.txt"), "نص ثان.\n").expect("text");
    let mut harness = corpus_harness(folder.path(), data.path(), "Amal");
    harness.get_by_label("0 / 2 done");
    press(&mut harness, Modifiers::ALT, Key::PageDown);
    assert_eq!(current_text(&harness), TEXT);
    select(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::Num1);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert_saved_spans(
        &folder.path().join("one.qalam.json"),
        "زار [بوتين|PERSON] روسيا أمس.\n",
    );
    harness.get_by_label("one — To do — 1 span — no annotator");
    press(&mut harness, Modifiers::ALT, Key::PageDown);
    assert_eq!(current_text(&harness), "نص ثان.\n");
}

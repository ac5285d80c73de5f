//! Review mode end to end: reviewing one annotator's document with the keys (accept, reject
//! with a reason typed into the bar, the automatic and the explicit "reviewed"), saving, and
//! reading the decisions back from the file.

use chrono::{DateTime, TimeZone, Utc};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

use qalam::ui::QalamApp;
use qalam::ui::app::settings::Settings;
use qalam::ui::panels::review_bar::REASON_CAPTION;
use qalam_core::model::{Annotation, DocStatus, Document, Edit, ReviewDecision, SpanId};

use crate::support::*;

/// The annotator's three spans, in notation.
const ANNOTATED: &str = "[زار|EVENT] [بوتين|PERSON] [روسيا|COUNTRY] أمس.\n";

/// The reviewer's clock.
fn review_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 3, 12, 0, 0)
        .single()
        .expect("a valid time")
}

/// An annotator's file with the three spans of [`ANNOTATED`], made a year before the review.
fn annotated_file(dir: &Path) -> PathBuf {
    annotators_file(dir, "putin.qalam.json", "Amal")
}

/// `annotator`'s file `name` in `dir` with the three spans of [`ANNOTATED`], done a year before
/// the review.
fn annotators_file(dir: &Path, name: &str, annotator: &str) -> PathBuf {
    let made = Utc
        .with_ymd_and_hms(2025, 12, 1, 9, 0, 0)
        .single()
        .expect("a valid time");
    let mut ann = Annotation::new_at(Document::new("putin", TEXT), made);
    for (start, end, label) in [(0, 3, "EVENT"), (4, 9, "PERSON"), (10, 15, "COUNTRY")] {
        let mut span = ann.new_span_at(start, end, label, made);
        span.annotator = Some(annotator.to_owned());
        ann.apply_at(Edit::AddSpan(span), made)
            .expect("a valid span");
    }
    ann.apply_at(Edit::SetStatus(DocStatus::Done), made)
        .expect("status");
    let mut parts = ann.into_parts();
    parts.annotator = Some(annotator.to_owned());
    let ann = Annotation::from_parts(parts).expect("valid");
    let path = dir.join(name);
    qalam_core::io::save_path(&path, &ann, None, false).expect("write the annotator's file");
    path
}

/// The app on `path` with the reviewer Sara's settings and clock.
fn reviewer_harness(path: PathBuf, data: &Path) -> Harness<'static, QalamApp> {
    let settings = Settings {
        annotator: "Sara".to_owned(),
        annotator_asked: true,
        ..Settings::default()
    };
    let mut harness = harness_with(vec![path], data, settings);
    harness.state_mut().set_clock(review_time);
    harness
}

/// Types `text` as a keyboard does: a key event (which hotkeys read) and a text event (which a
/// focused field reads) per character.
fn type_text(harness: &mut Harness<'_, QalamApp>, text: &str) {
    for ch in text.chars() {
        if let Some(key) = Key::from_name(&ch.to_ascii_uppercase().to_string()) {
            harness.key_press(key);
        }
        harness.event(egui::Event::Text(ch.to_string()));
        harness.run_steps(2);
    }
}

fn selected(harness: &Harness<'_, QalamApp>) -> Option<SpanId> {
    harness
        .state()
        .current_document()
        .expect("open")
        .selected_span
}

fn status(harness: &Harness<'_, QalamApp>) -> DocStatus {
    harness
        .state()
        .current_document()
        .expect("open")
        .annotation()
        .status()
}

#[test]
fn review_a_document_accept_two_reject_one_mark_reviewed_save_and_reload() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let path = annotated_file(files.path());
    let mut harness = reviewer_harness(path.clone(), data.path());
    assert_spans(&harness, ANNOTATED);

    // Ctrl+R: review mode, the bar, and the first undecided span selected.
    press(&mut harness, Modifiers::COMMAND, Key::R);
    harness.get_by_label("Accepted 0 · Rejected 0 · Fixed 0 · Undecided 3");
    assert_eq!(selected(&harness), Some(SpanId(1)));

    // A, A: the first two accepted, each moving on to the next undecided span.
    press(&mut harness, Modifiers::NONE, Key::A);
    assert_eq!(selected(&harness), Some(SpanId(2)));
    press(&mut harness, Modifiers::NONE, Key::A);
    assert_eq!(selected(&harness), Some(SpanId(3)));
    harness.get_by_label("Accepted 2 · Rejected 0 · Fixed 0 · Undecided 1");
    assert_eq!(status(&harness), DocStatus::Done);

    // R: the reason field takes the keys (review letters and label letters alike), Enter
    // confirms. The last decision marks the document reviewed.
    press(&mut harness, Modifiers::NONE, Key::R);
    harness.get_by_label(REASON_CAPTION);
    type_text(&mut harness, "a city, not a person");
    assert_spans(&harness, ANNOTATED);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.query_by_label(REASON_CAPTION).is_none());
    harness.get_by_label("Accepted 2 · Rejected 1 · Fixed 0 · Undecided 0");
    harness.get_by_label("روسيا — COUNTRY [10, 15) — rejected");
    harness.get_by_label("بوتين — PERSON [4, 9) — accepted");
    assert_eq!(status(&harness), DocStatus::Reviewed);
    assert_spans(&harness, ANNOTATED);
    assert!(harness.state().messages().errors().is_empty());

    // The explicit command: after the status is set back by hand, Ctrl+Shift+R marks it again.
    press(&mut harness, Modifiers::ALT, Key::Num3);
    assert_eq!(status(&harness), DocStatus::Done);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    assert_eq!(status(&harness), DocStatus::Reviewed);

    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(!harness.state().current_document().expect("open").is_dirty());

    // From disk: decisions, reviewer, reason, time and status; the rejected span is kept.
    let reloaded = qalam_core::io::load_path(&path).expect("reload").annotation;
    assert_saved_spans(&path, ANNOTATED);
    assert_eq!(reloaded.status(), DocStatus::Reviewed);
    let reviews: Vec<_> = reloaded
        .spans()
        .iter()
        .map(|span| {
            let review = span.review.clone().expect("every span reviewed");
            (
                review.reviewer,
                review.decision,
                review.reason,
                review.at,
                span.annotator.clone(),
            )
        })
        .collect();
    let amal = Some("Amal".to_owned());
    assert_eq!(
        reviews,
        vec![
            (
                "Sara".into(),
                ReviewDecision::Accepted,
                None,
                review_time(),
                amal.clone()
            ),
            (
                "Sara".into(),
                ReviewDecision::Accepted,
                None,
                review_time(),
                amal.clone()
            ),
            (
                "Sara".into(),
                ReviewDecision::Rejected,
                Some("a city, not a person".into()),
                review_time(),
                amal
            ),
        ]
    );
    let json = std::fs::read_to_string(&path).expect("read");
    assert!(json.contains(
        "\"review\": {\"reviewer\": \"Sara\", \"decision\": \"rejected\", \"reason\": \"a city, not a person\", \"at\": \"2026-12-03T12:00:00Z\"}"
    ));

    // Opened again, the decisions show in the span list.
    let data2 = tempfile::tempdir().expect("temp dir");
    let harness = reviewer_harness(path, data2.path());
    harness.get_by_label("روسيا — COUNTRY [10, 15) — rejected");
    harness.get_by_label("زار — EVENT [0, 3) — accepted");
}

#[test]
fn escape_cancels_a_rejection_and_an_empty_reason_keeps_the_field_open() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let mut harness = reviewer_harness(annotated_file(files.path()), data.path());
    press(&mut harness, Modifiers::COMMAND, Key::R);
    press(&mut harness, Modifiers::NONE, Key::R);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.get_by_label(REASON_CAPTION);
    type_text(&mut harness, "draft");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label(REASON_CAPTION).is_none());
    let doc = harness.state().current_document().expect("open");
    assert!(doc.annotation().spans().iter().all(|s| s.review.is_none()));
    // Esc went to the field, not to Clear selection.
    assert_eq!(selected(&harness), Some(SpanId(1)));
    assert!(!doc.is_dirty());
    // Without review mode the letters are label hotkeys again: A tags nothing, R nothing.
    press(&mut harness, Modifiers::COMMAND, Key::R);
    press(&mut harness, Modifiers::NONE, Key::A);
    let doc = harness.state().current_document().expect("open");
    assert!(doc.annotation().spans().iter().all(|s| s.review.is_none()));
}

#[test]
fn fixing_a_span_relabels_it_then_marks_it_fixed_and_undo_takes_back_one_step() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let mut harness = reviewer_harness(annotated_file(files.path()), data.path());
    press(&mut harness, Modifiers::COMMAND, Key::R);
    press(&mut harness, Modifiers::NONE, Key::N);
    assert_eq!(selected(&harness), Some(SpanId(2)));
    // The reviewer's fix: relabel with the label's digit (2: COUNTRY), then F.
    press(&mut harness, Modifiers::NONE, Key::Num2);
    press(&mut harness, Modifiers::NONE, Key::F);
    assert_spans(
        &harness,
        "[زار|EVENT] [بوتين|COUNTRY] [روسيا|COUNTRY] أمس.\n",
    );
    harness.get_by_label("بوتين — COUNTRY [4, 9) — fixed");
    assert_eq!(
        selected(&harness),
        Some(SpanId(3)),
        "on to the next undecided"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    harness.get_by_label("بوتين — COUNTRY [4, 9)");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_spans(&harness, ANNOTATED);
}

#[test]
fn a_lead_reviews_bilals_file_from_the_document_list_and_the_review_lands_in_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let folder = tempfile::tempdir().expect("temp dir");
    std::fs::write(folder.path().join("putin.txt"), TEXT).expect("text");
    let amal = annotators_file(folder.path(), "putin.Amal.qalam.json", "Amal");
    let bilal = annotators_file(folder.path(), "putin.Bilal.qalam.json", "Bilal");
    let amal_before = std::fs::read_to_string(&amal).expect("read");
    let mut harness = reviewer_harness(folder.path().to_owned(), data.path());
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

    // The row's context menu offers each annotator's file.
    harness
        .get_by(|node| {
            node.label()
                .is_some_and(|label| label.starts_with("putin —"))
        })
        .click_secondary();
    harness.run_steps(3);
    harness.get_by_label("Review Amal's file");
    harness.get_by_label("Review Bilal's file").click();
    harness.run_steps(3);

    // Bilal's spans, in review mode at the first undecided span.
    let doc = harness.state().current_document().expect("open");
    assert_eq!(doc.save_path.as_deref(), Some(bilal.as_path()));
    assert_eq!(doc.annotation().annotator(), Some("Bilal"));
    assert_spans(&harness, ANNOTATED);
    harness.get_by_label("Accepted 0 · Rejected 0 · Fixed 0 · Undecided 3");
    assert_eq!(selected(&harness), Some(SpanId(1)));

    press(&mut harness, Modifiers::NONE, Key::A);
    harness.get_by_label("Accepted 1 · Rejected 0 · Fixed 0 · Undecided 2");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(!harness.state().current_document().expect("open").is_dirty());
    assert!(harness.state().messages().errors().is_empty());

    // Bilal's file on disk has Sara's decision; Amal's is untouched, and Sara has no file.
    let saved = qalam_core::io::load_path(&bilal)
        .expect("reload")
        .annotation;
    let review = saved.spans()[0].review.clone().expect("reviewed");
    assert_eq!(
        (review.reviewer.as_str(), review.decision, review.at),
        ("Sara", ReviewDecision::Accepted, review_time())
    );
    assert!(saved.spans()[1..].iter().all(|span| span.review.is_none()));
    assert_eq!(saved.annotator(), Some("Bilal"));
    assert_eq!(std::fs::read_to_string(&amal).expect("read"), amal_before);
    assert!(!folder.path().join("putin.Sara.qalam.json").exists());

    // A click on the row opens Sara's own (new) annotation, not Bilal's file.
    harness
        .get_by(|node| {
            node.label()
                .is_some_and(|label| label.starts_with("putin —"))
        })
        .click();
    harness.run_steps(3);
    let own = harness.state().current_document().expect("open");
    assert_eq!(
        own.save_path.as_deref(),
        Some(folder.path().join("putin.Sara.qalam.json").as_path())
    );
    assert!(own.annotation().spans().is_empty());
}

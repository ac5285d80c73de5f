//! Suggestions end to end: matching, filtering, accepting, rejecting, predictions, the job.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};

use super::review::{accept_edit, accept_name_edit, reject_edit, reject_name_edit};
use super::*;
use crate::model::notation::{Case, assert_notation};
use crate::model::{Annotation, DocStatus, Document, Edit};
use crate::search::NormalizeOptions;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
}

fn ann(notation: &str) -> Annotation {
    Case::parse(notation).unwrap().annotation()
}

/// The suggestions of `ann` shown as spans, in the span notation.
#[track_caller]
fn assert_suggested(ann: &Annotation, found: &[Suggestion], expected: &str) {
    let spans: Vec<(usize, usize, &str)> = found
        .iter()
        .map(|s| (s.start, s.end, s.label.as_str()))
        .collect();
    let shown =
        Annotation::with_spans_unchecked(Document::new("shown", ann.document().text()), &spans);
    assert_notation(&shown, None, None, expected);
}

fn suggest(ann: &Annotation, gazetteer: &Gazetteer) -> Vec<Suggestion> {
    let normalized = Normalized::new(ann.document().text(), &NormalizeOptions::default());
    suggestions(ann, gazetteer, &normalized, &[])
}

fn gazetteer() -> Gazetteer {
    Gazetteer::from_entries([
        ("بوتين", "PERSON"),
        ("روسيا", "COUNTRY"),
        ("الأمم", "ORG"),
        ("الأمم المتحدة", "ORG"),
        ("محمد", "PERSON"),
    ])
}

#[test]
fn gazetteer_matches_whole_words_after_proclitics_with_harakat_longest_first() {
    let doc = ann("زار بوتين لروسيا والأمم المتحدة ومُحَمَّد، لا الروسية ولا بوتينات");
    let found = suggest(&doc, &gazetteer());
    assert_suggested(
        &doc,
        &found,
        "زار [بوتين|PERSON] ل[روسيا|COUNTRY] و[الأمم المتحدة|ORG] و[مُحَمَّد|PERSON]، لا الروسية ولا بوتينات",
    );
    assert!(
        found
            .iter()
            .all(|s| s.source == SuggestionSource::Gazetteer)
    );
}

#[test]
fn a_match_refused_at_a_word_edge_does_not_hide_a_shorter_accepted_one() {
    let gazetteer = Gazetteer::from_entries([("بوتين", "PERSON"), ("بوتين ز", "ORG")]);
    let doc = ann("قال بوتين زار");
    assert_suggested(&doc, &suggest(&doc, &gazetteer), "قال [بوتين|PERSON] زار");
}

#[test]
fn suggestions_overlapping_spans_are_dropped() {
    let doc = ann("زار [بوتين|PERSON] روسيا و[الأمم|ORG] المتحدة");
    assert_suggested(
        &doc,
        &suggest(&doc, &gazetteer()),
        "زار بوتين [روسيا|COUNTRY] والأمم المتحدة",
    );
}

#[test]
fn the_most_frequent_label_wins_and_a_set_label_wins_over_counts() {
    let mut builder = GazetteerBuilder::new();
    builder.add("الأردن", "COUNTRY");
    builder.add("الاردن", "ORG");
    builder.add("الأُردن", "ORG");
    builder.add("بوتين", "PERSON");
    builder.set("بوتين", "ORG");
    let gazetteer = builder.build();
    assert_eq!(gazetteer.len(), 2);
    assert_eq!(gazetteer.label_of("الأردن"), Some("ORG"));
    assert_eq!(gazetteer.label_of("بوتين"), Some("ORG"));
    assert_eq!(gazetteer.label_of("روسيا"), None);
}

#[test]
fn accepting_adds_a_span_by_the_annotator_and_undo_removes_it() {
    let mut doc = ann("زار بوتين لروسيا ثم بوتين");
    let before = doc.clone();
    let found = suggest(&doc, &gazetteer());
    let edit = accept_edit(&doc, &found[1], Some("Amal"), now());
    let undo = doc.apply_at(edit, now()).unwrap();
    assert_notation(&doc, None, None, "زار بوتين ل[روسيا|COUNTRY] ثم بوتين");
    assert_eq!(doc.spans()[0].annotator.as_deref(), Some("Amal"));
    assert_suggested(
        &doc,
        &suggest(&doc, &gazetteer()),
        "زار [بوتين|PERSON] لروسيا ثم [بوتين|PERSON]",
    );
    doc.apply_at(undo, now()).unwrap();
    assert_eq!(doc, before);
}

#[test]
fn accepting_all_of_a_name_is_one_step_and_adds_a_missing_label() {
    let mut doc = ann("زار بوتين ثم بُوتين وروسيا");
    let gazetteer = Gazetteer::from_entries([("بوتين", "LEADER"), ("روسيا", "COUNTRY")]);
    let found = suggest(&doc, &gazetteer);
    assert_eq!(review::same_name_count(&doc, &found, &found[0]), 2);
    let edit = accept_name_edit(&doc, &found, &found[0], None, now());
    doc.apply_at(edit, now()).unwrap();
    assert_notation(
        &doc,
        None,
        None,
        "زار [بوتين|LEADER] ثم [بُوتين|LEADER] وروسيا",
    );
    assert!(doc.labels().get("LEADER").is_some());
    assert_suggested(
        &doc,
        &suggest(&doc, &gazetteer),
        "زار بوتين ثم بُوتين و[روسيا|COUNTRY]",
    );
}

#[test]
fn a_rejected_suggestion_stays_rejected_across_save_and_load() {
    let mut doc = ann("زار بوتين لروسيا ثم بوتين وروسيا");
    let found = suggest(&doc, &gazetteer());
    assert_eq!(found.len(), 4);
    doc.apply_at(reject_edit(&doc, &found[0]), now()).unwrap();
    let found = suggest(&doc, &gazetteer());
    assert_suggested(
        &doc,
        &found,
        "زار بوتين ل[روسيا|COUNTRY] ثم [بوتين|PERSON] و[روسيا|COUNTRY]",
    );
    doc.apply_at(reject_name_edit(&doc, &found[0]), now())
        .unwrap();
    assert!(doc.spans().is_empty(), "rejecting adds no span");

    let json = crate::io::to_json_string(&doc);
    assert!(json.contains("\"suggestions_rejected\""), "{json}");
    let back = crate::io::from_json_str(&json, std::path::Path::new("d.qalam.json")).unwrap();
    assert_eq!(Rejections::of(&back), Rejections::of(&doc));
    assert_suggested(
        &back,
        &suggest(&back, &gazetteer()),
        "زار بوتين لروسيا ثم [بوتين|PERSON] وروسيا",
    );
}

#[test]
fn undoing_a_rejection_brings_the_suggestion_back_and_an_unreadable_field_rejects_nothing() {
    let mut doc = ann("زار بوتين");
    let found = suggest(&doc, &gazetteer());
    let undo = doc.apply_at(reject_edit(&doc, &found[0]), now()).unwrap();
    assert!(suggest(&doc, &gazetteer()).is_empty());
    doc.apply_at(undo, now()).unwrap();
    assert_eq!(suggest(&doc, &gazetteer()), found);
    assert!(doc.extra().get(REJECTED_KEY).is_none());

    doc.apply_at(
        Edit::SetExtra {
            key: REJECTED_KEY.into(),
            value: Some(serde_json::json!("not an object")),
        },
        now(),
    )
    .unwrap();
    assert_eq!(suggest(&doc, &gazetteer()), found);
}

#[test]
fn predictions_match_the_document_by_text_and_win_over_the_gazetteer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("model.jsonl");
    // "زار بوتين لروسيا": بوتين [4, 9), روسيا [11, 16); the model calls بوتين a LEADER.
    std::fs::write(
        &path,
        "{\"id\": 1, \"text\": \"زار بوتين لروسيا\", \"label\": [[4, 9, \"LEADER\"]]}\n\
         {\"id\": 2, \"text\": \"نص آخر\", \"label\": []}\n",
    )
    .unwrap();
    let predictions = Predictions::load(&path, None, None).unwrap();
    assert_eq!(predictions.documents(), 2);
    let doc = ann("زار بوتين لروسيا");
    let predicted = predictions.for_text("x", doc.document().text()).unwrap();
    assert_eq!(
        predicted[0].source,
        SuggestionSource::Prediction("model.jsonl".into())
    );
    let normalized = Normalized::new(doc.document().text(), &NormalizeOptions::default());
    let found = suggestions(&doc, &gazetteer(), &normalized, &predicted);
    assert_suggested(&doc, &found, "زار [بوتين|LEADER] ل[روسيا|COUNTRY]");

    let err = predictions.for_text("x", "نص مختلف").unwrap_err();
    assert_eq!(
        err.to_string(),
        "model.jsonl: none of its 2 documents has this document's text"
    );
    let err = predictions.for_text("2", "نص مختلف").unwrap_err();
    assert!(
        err.to_string().contains("«2» has a different text"),
        "{err}"
    );
}

#[test]
fn an_unknown_extension_is_refused_with_the_path() {
    let err = Predictions::load(std::path::Path::new("model.xyz"), None, None).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("model.xyz: cannot tell the format"),
        "{err}"
    );
}

#[test]
fn the_job_returns_the_snapshot_stamp() {
    let doc = ann("زار بوتين");
    let job = SuggestJob::spawn(SuggestInput {
        annotation: doc.clone(),
        gazetteer: Arc::new(gazetteer()),
        normalized: None,
        predictions: Arc::new(Vec::new()),
    });
    assert_eq!(job.stamp(), doc.change_stamp());
    let result = job.wait().unwrap();
    assert_eq!(result.stamp, doc.change_stamp());
    assert_suggested(&doc, &result.suggestions, "زار [بوتين|PERSON]");
    assert_eq!(result.normalized.text(), "زار بوتين");
}

#[test]
fn only_finished_annotations_feed_the_gazetteer() {
    let mut done = ann("زار [بوتين|PERSON]");
    done.apply_at(Edit::SetStatus(DocStatus::Done), now())
        .unwrap();
    let todo = ann("[روسيا|COUNTRY]");
    let mut builder = GazetteerBuilder::new();
    assert!(corpus::add_finished(&mut builder, &done));
    assert!(!corpus::add_finished(&mut builder, &todo));
    let gazetteer = builder.build();
    assert_eq!(gazetteer.label_of("بوتين"), Some("PERSON"));
    assert_eq!(gazetteer.label_of("روسيا"), None);
}

/// `ann(notation)` with `status` and the given review decisions on its spans (in span order,
/// `None` undecided), all decided after the spans were made.
fn reviewed(
    notation: &str,
    status: DocStatus,
    decisions: &[Option<crate::model::ReviewDecision>],
) -> Annotation {
    let mut parts = ann(notation).into_parts();
    parts.status = status;
    let made = parts.spans.iter().map(|span| span.modified).max();
    let at = made.unwrap_or_else(now) + chrono::Duration::seconds(60);
    for (span, decision) in parts.spans.iter_mut().zip(decisions) {
        span.review = decision.map(|decision| {
            crate::model::Review::new("sara", decision, Some("why".to_owned()), at)
        });
    }
    Annotation::from_parts(parts).unwrap()
}

#[test]
fn accepted_and_fixed_spans_feed_the_gazetteer_from_any_file_and_rejected_ones_never() {
    use crate::model::ReviewDecision::{Accepted, Fixed, Rejected};
    // An unfinished file: its accepted and fixed spans count, the undecided and rejected ones
    // do not.
    let in_progress = reviewed(
        "[بوتين|PERSON] [روسيا|COUNTRY] [موسكو|COUNTRY] [ترامب|PERSON]",
        DocStatus::InProgress,
        &[Some(Accepted), Some(Fixed), Some(Rejected), None],
    );
    // A finished file: everything but its rejected span.
    let done = reviewed(
        "[لافروف|PERSON] [الكرملين|ORGANIZATION]",
        DocStatus::Done,
        &[None, Some(Rejected)],
    );
    let mut builder = GazetteerBuilder::new();
    assert_eq!(corpus::add_settled(&mut builder, &in_progress), 2);
    assert_eq!(corpus::add_settled(&mut builder, &done), 1);
    let gazetteer = builder.build();
    assert_eq!(gazetteer.label_of("بوتين"), Some("PERSON"));
    assert_eq!(gazetteer.label_of("روسيا"), Some("COUNTRY"));
    assert_eq!(gazetteer.label_of("موسكو"), None, "rejected");
    assert_eq!(
        gazetteer.label_of("ترامب"),
        None,
        "undecided in an unfinished file"
    );
    assert_eq!(gazetteer.label_of("لافروف"), Some("PERSON"));
    assert_eq!(
        gazetteer.label_of("الكرملين"),
        None,
        "rejected in a done file"
    );
}

#[test]
fn a_corpus_gives_the_accepted_spans_of_its_unfinished_files() {
    use crate::model::ReviewDecision::{Accepted, Rejected};
    let dir = tempfile::tempdir().unwrap();
    let save = |name: &str, annotation: &Annotation| {
        crate::io::save_path(&dir.path().join(name), annotation, None, false).unwrap();
    };
    save(
        "a.qalam.json",
        &reviewed(
            "[بوتين|PERSON] [روسيا|COUNTRY]",
            DocStatus::InProgress,
            &[Some(Accepted), None],
        ),
    );
    save(
        "b.qalam.json",
        &reviewed("[موسكو|COUNTRY]", DocStatus::Reviewed, &[Some(Rejected)]),
    );
    save(
        "c.qalam.json",
        &reviewed("[ترامب|PERSON]", DocStatus::Todo, &[None]),
    );
    let corpus = crate::corpus::scan::scan(dir.path()).unwrap();
    let mut builder = GazetteerBuilder::new();
    let report = corpus::add_corpus(&mut builder, &corpus);
    assert!(report.problems.is_empty(), "{report:?}");
    assert_eq!(
        report.files_used, 2,
        "a (an accepted span) and b (reviewed)"
    );
    let gazetteer = builder.build();
    assert_eq!(gazetteer.label_of("بوتين"), Some("PERSON"));
    assert_eq!(gazetteer.label_of("روسيا"), None);
    assert_eq!(gazetteer.label_of("موسكو"), None);
    assert_eq!(gazetteer.label_of("ترامب"), None);
}

#[test]
fn the_fixture_corpus_gives_the_names_of_its_done_file_only() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let corpus = crate::corpus::scan::scan(&root).unwrap();
    let mut builder = GazetteerBuilder::new();
    let report = corpus::add_corpus(&mut builder, &corpus);
    assert_eq!(report.files_used, 1, "{report:?}");
    assert!(report.problems.is_empty(), "{report:?}");
    let gazetteer = builder.build();
    assert_eq!(gazetteer.label_of("بوتين"), Some("PERSON"));
    assert_eq!(gazetteer.label_of("روسيا"), Some("COUNTRY"));
    assert_eq!(
        gazetteer.label_of("كيم جونغ أون"),
        None,
        "in_progress files are left out"
    );
}

#[test]
fn label_studio_predictions_are_suggestions_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tasks.json");
    let result = |start: usize, end: usize, label: &str| {
        serde_json::json!({
            "value": {"start": start, "end": end, "labels": [label]},
            "from_name": "label", "to_name": "text", "type": "labels"
        })
    };
    let tasks = serde_json::json!([{
        "id": 7,
        "data": {"text": "زار بوتين لروسيا"},
        "annotations": [],
        "predictions": [{"model_version": "v1", "result": [result(4, 9, "PERSON")]},
                        {"model_version": "v2", "result": [result(11, 16, "COUNTRY")]}]
    }]);
    std::fs::write(&path, tasks.to_string()).unwrap();
    let predictions = Predictions::load(&path, None, None).unwrap();
    let doc = ann("زار بوتين لروسيا");
    let predicted = predictions.for_text("any", doc.document().text()).unwrap();
    let normalized = Normalized::new(doc.document().text(), &NormalizeOptions::default());
    let found = suggestions(&doc, &Gazetteer::default(), &normalized, &predicted);
    assert_suggested(&doc, &found, "زار [بوتين|PERSON] ل[روسيا|COUNTRY]");
}

#[test]
fn a_name_tagged_once_is_suggested_where_it_comes_again_with_proclitics_and_harakat() {
    let doc = ann("زار [بوتين|PERSON] موسكو، ثم قابل بُوتين ولبوتين، لا بوتينات");
    let found = suggest(&doc, &Gazetteer::default());
    assert_suggested(
        &doc,
        &found,
        "زار بوتين موسكو، ثم قابل [بُوتين|PERSON] ول[بوتين|PERSON]، لا بوتينات",
    );
    assert!(
        found
            .iter()
            .all(|s| s.source == SuggestionSource::ThisDocument)
    );
}

#[test]
fn the_gazetteer_goes_before_the_documents_own_names() {
    // The user's list says ORG; the document's own span says COUNTRY: the list's label is
    // suggested, once.
    let doc = ann("[روسيا|COUNTRY] ثم روسيا");
    let gazetteer = Gazetteer::from_entries([("روسيا", "ORG")]);
    let found = suggest(&doc, &gazetteer);
    assert_suggested(&doc, &found, "روسيا ثم [روسيا|ORG]");
    assert_eq!(found[0].source, SuggestionSource::Gazetteer);
}

#[test]
fn a_span_rejected_in_review_teaches_the_document_nothing() {
    use crate::model::ReviewDecision::Rejected;
    let doc = reviewed(
        "[موسكو|PERSON] و[بوتين|PERSON] ثم موسكو وبوتين",
        DocStatus::InProgress,
        &[Some(Rejected), None],
    );
    assert_suggested(
        &doc,
        &suggest(&doc, &Gazetteer::default()),
        "موسكو وبوتين ثم موسكو و[بوتين|PERSON]",
    );
}

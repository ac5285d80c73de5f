//! Label Studio: golden full and JSON_MIN exports (UTF-16 offsets after an emoji), import of
//! several annotators and predictions with problems reported, and round trips.

use proptest::prelude::*;
use qalam_core::interchange::{Action, ExportOptions, Format, ImportOptions};
use qalam_core::model::LabelSet;

use super::{annotation, arb_annotation, assert_golden, essence, export, fixture, import, sample};

#[test]
fn label_studio_exports_match_the_golden_files() {
    let mut with_annotator = sample().into_parts();
    with_annotator.annotator = Some("sara@example.org".into());
    with_annotator.spans[2].annotator = Some("prediction:ner-v1".into());
    let document = qalam_core::model::Annotation::from_parts(with_annotator).unwrap();
    for (format, golden) in [
        (Format::LabelStudio, "label_studio/summit.json"),
        (Format::LabelStudioMin, "label_studio/summit-min.json"),
    ] {
        let (_dir, out, report) = export(
            format,
            std::slice::from_ref(&document),
            &ExportOptions::default(),
        );
        assert!(report.is_empty());
        assert_golden(golden, &std::fs::read_to_string(&out).unwrap());
    }
}

#[test]
fn label_studio_imports_each_annotation_and_prediction_and_reports_problems() {
    let path = fixture("label_studio/tasks.json");
    let imported = import(Format::LabelStudio, &path);
    let who: Vec<_> = imported
        .documents
        .iter()
        .map(|d| d.annotator().unwrap_or("-").to_owned())
        .collect();
    assert_eq!(who, ["ali@example.org", "7", "prediction:ner-v2"]);
    let ali = &imported.documents[0];
    let spans: Vec<_> = ali
        .spans()
        .iter()
        .map(|s| (s.start, s.end, ali.span_text(s), s.label.as_str()))
        .collect();
    assert_eq!(
        spans,
        [(7, 12, "بوتين", "PERSON"), (14, 19, "روسيا", "COUNTRY")],
        "UTF-16 8..13 is code points 7..12"
    );
    assert_eq!(ali.spans()[0].annotator.as_deref(), Some("ali@example.org"));
    assert_eq!(ali.document().id, "task-1");
    let entries: Vec<(usize, &Action, &str)> = imported
        .report
        .entries
        .iter()
        .map(|e| {
            (
                e.location.as_ref().unwrap().line,
                &e.action,
                e.reason.as_str(),
            )
        })
        .collect();
    let has = |line: usize, action: Action, start: &str| {
        entries
            .iter()
            .any(|(l, a, r)| *l == line && **a == action && r.starts_with(start))
    };
    assert!(
        has(12, Action::Dropped, "offset falls inside a surrogate pair"),
        "{entries:?}"
    );
    assert!(has(13, Action::Noted, "text mismatch"), "{entries:?}");
    assert!(
        has(14, Action::Dropped, "result of type «choices»"),
        "{entries:?}"
    );
    assert!(has(18, Action::Noted, "prediction imported"), "{entries:?}");

    let only = ImportOptions {
        labels: Some(LabelSet::default()),
        annotator: Some("7".into()),
    };
    let imported = qalam_core::interchange::import(Format::LabelStudio, &path, &only).unwrap();
    assert_eq!(imported.documents.len(), 1);
    assert_eq!(imported.documents[0].annotator(), Some("7"));
}

#[test]
fn label_studio_keeps_notes_and_predictions_through_a_round_trip() {
    let mut parts = sample().into_parts();
    parts.spans[0].annotator = Some("prediction:m".into());
    parts.spans[0].note = Some("ملاحظة".into());
    let original = qalam_core::model::Annotation::from_parts(parts).unwrap();
    let (_dir, out, _) = export(
        Format::LabelStudio,
        std::slice::from_ref(&original),
        &ExportOptions::default(),
    );
    let imported = import(Format::LabelStudio, &out);
    assert_eq!(
        imported.documents.len(),
        2,
        "one for the annotation, one for the prediction"
    );
    assert_eq!(imported.documents[1].annotator(), Some("prediction:m"));
    assert_eq!(
        imported.documents[1].spans()[0].note.as_deref(),
        Some("ملاحظة")
    );
    let empty = annotation("empty", "نص", &[]);
    let (_dir, out, _) = export(Format::LabelStudio, &[empty], &ExportOptions::default());
    let imported = import(Format::LabelStudio, &out);
    assert_eq!(imported.documents.len(), 1);
    assert!(imported.documents[0].spans().is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn label_studio_round_trips_text_and_spans(original in arb_annotation(), min in any::<bool>()) {
        let format = if min { Format::LabelStudioMin } else { Format::LabelStudio };
        let (_dir, out, _) = export(format, std::slice::from_ref(&original), &ExportOptions::default());
        let imported = import(format, &out);
        prop_assert!(imported.report.is_empty(), "{}", imported.report);
        prop_assert_eq!(imported.documents.len(), 1);
        prop_assert_eq!(essence(&imported.documents[0]), essence(&original));
        prop_assert_eq!(&imported.documents[0].document().id, "random");
    }
}

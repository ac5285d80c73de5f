//! doccano JSONL: golden export (both forms), import of both forms with problems reported per
//! line, and the round trip.

use proptest::prelude::*;
use qalam_core::interchange::{Action, ExportOptions, Format};

use super::{arb_annotation, assert_golden, essence, export, fixture, import, sample};

#[test]
fn doccano_export_matches_the_golden_files() {
    let (_dir, out, report) = export(Format::Doccano, &[sample()], &ExportOptions::default());
    assert!(report.is_empty());
    assert_golden(
        "doccano/summit.jsonl",
        &std::fs::read_to_string(&out).unwrap(),
    );
    let entities = ExportOptions {
        doccano_entities: true,
        ..ExportOptions::default()
    };
    let (_dir, out, _) = export(Format::Doccano, &[sample()], &entities);
    assert_golden(
        "doccano/summit-entities.jsonl",
        &std::fs::read_to_string(&out).unwrap(),
    );
}

#[test]
fn doccano_imports_both_forms_and_reports_bad_spans_by_line() {
    let path = fixture("doccano/problems.jsonl");
    let imported = import(Format::Doccano, &path);
    let ids: Vec<_> = imported
        .documents
        .iter()
        .map(|d| d.document().id.clone())
        .collect();
    assert_eq!(ids, ["7", "news", "problems-4"]);
    let first = &imported.documents[0];
    let spans: Vec<_> = first
        .spans()
        .iter()
        .map(|s| (first.span_text(s), s.label.as_str()))
        .collect();
    assert_eq!(
        spans,
        [("بوتين", "PERSON"), ("روسيا", "COUNTRY")],
        "GPE maps back to COUNTRY"
    );
    assert_eq!(first.document().metadata["source"], "wire");
    let second = &imported.documents[1];
    assert_eq!(second.spans().len(), 2);
    let moscow = &second.spans()[1];
    assert_eq!(
        (moscow.id.0, moscow.label.as_str()),
        (12, "COUNTRY"),
        "the entity id is kept"
    );
    assert_eq!(second.span_text(moscow), "موسكو");
    assert_eq!(
        second.spans()[0].label,
        "MISC",
        "an unknown tag becomes a label"
    );
    let lines: Vec<(usize, &Action, &str)> = imported
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
    assert!(
        lines.contains(&(1, &Action::Dropped, "empty span")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|(l, a, r)| *l == 1 && **a == Action::Dropped && r.starts_with("out of range"))
    );
    assert!(
        lines
            .iter()
            .any(|(l, _, r)| *l == 2 && r.starts_with("relation"))
    );
    assert!(
        lines
            .iter()
            .any(|(l, a, r)| *l == 2 && **a == Action::Noted && r.contains("«MISC»"))
    );
    assert!(
        lines
            .iter()
            .any(|(l, _, r)| *l == 4 && r.starts_with("bad offsets"))
    );
    assert!(
        lines
            .iter()
            .any(|(l, _, r)| *l == 5 && r.contains("not JSON"))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn doccano_round_trips_text_and_spans(original in arb_annotation(), entities in any::<bool>()) {
        let options = ExportOptions { doccano_entities: entities, ..ExportOptions::default() };
        let (_dir, out, _) = export(Format::Doccano, std::slice::from_ref(&original), &options);
        let imported = import(Format::Doccano, &out);
        prop_assert!(imported.report.is_empty(), "{}", imported.report);
        prop_assert_eq!(imported.documents.len(), 1);
        prop_assert_eq!(essence(&imported.documents[0]), essence(&original));
        prop_assert_eq!(&imported.documents[0].document().id, "random");
    }
}

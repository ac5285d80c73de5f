//! Spans rejected in review stay out of every dataset export, each one reported; the
//! `include_rejected` option keeps them.

use chrono::{DateTime, Duration, Utc};
use qalam_core::interchange::{Action, ExportOptions, Format, Report};
use qalam_core::model::{Annotation, Review, ReviewDecision};

use super::{export, import, sample};

/// The sample with بوتين accepted, روسيا rejected by sara and قمة undecided.
fn reviewed() -> Annotation {
    let mut parts = sample().into_parts();
    let at = DateTime::<Utc>::UNIX_EPOCH + Duration::seconds(60);
    parts.spans[0].review = Some(Review::new("sara", ReviewDecision::Accepted, None, at));
    parts.spans[1].review = Some(Review::new(
        "sara",
        ReviewDecision::Rejected,
        Some("a place, not a country".to_owned()),
        at,
    ));
    Annotation::from_parts(parts).unwrap()
}

fn rejected_entries(report: &Report) -> Vec<String> {
    report
        .entries
        .iter()
        .filter(|entry| entry.reason.starts_with("rejected in review"))
        .map(ToString::to_string)
        .collect()
}

/// The spans an exported file imports back as: `(text, label)`.
fn exported_spans(format: Format, out: &std::path::Path) -> Vec<(String, String)> {
    let imported = import(format, out);
    imported
        .documents
        .iter()
        .flat_map(|document| {
            document
                .spans()
                .iter()
                .map(|span| (document.span_text(span).to_owned(), span.label.clone()))
        })
        .collect()
}

#[test]
fn every_format_leaves_rejected_spans_out_and_reports_each() {
    for format in Format::ALL {
        let (_dir, out, report) = export(format, &[reviewed()], &ExportOptions::default());
        assert_eq!(
            rejected_entries(&report),
            [
                "summit [14, 19) «روسيا» COUNTRY: dropped: rejected in review by sara: a place, not a country"
            ],
            "{format:?}"
        );
        let spans = exported_spans(format, &out);
        assert_eq!(spans.len(), 2, "{format:?}: {spans:?}");
        assert!(
            !spans.iter().any(|(text, _)| text == "روسيا"),
            "{format:?}: {spans:?}"
        );
    }
}

#[test]
fn include_rejected_keeps_them_and_reports_nothing() {
    let options = ExportOptions {
        include_rejected: true,
        ..ExportOptions::default()
    };
    for format in [Format::Doccano, Format::Conll] {
        let (_dir, out, report) = export(format, &[reviewed()], &options);
        assert!(rejected_entries(&report).is_empty(), "{format:?}");
        let spans = exported_spans(format, &out);
        assert_eq!(spans.len(), 3, "{format:?}: {spans:?}");
        assert!(spans.iter().any(|(text, _)| text == "روسيا"));
    }
}

#[test]
fn a_rejected_span_fixed_since_is_exported() {
    let mut parts = reviewed().into_parts();
    parts.spans[1].label = "ORGANIZATION".to_owned();
    parts.spans[1].modified = DateTime::<Utc>::UNIX_EPOCH + Duration::seconds(120);
    let fixed = Annotation::from_parts(parts).unwrap();
    let (_dir, out, report) = export(Format::Doccano, &[fixed], &ExportOptions::default());
    assert!(rejected_entries(&report).is_empty());
    assert!(!report.entries.iter().any(|e| e.action == Action::Dropped));
    assert_eq!(exported_spans(Format::Doccano, &out).len(), 3);
}

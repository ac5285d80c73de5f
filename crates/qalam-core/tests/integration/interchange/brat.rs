//! brat standoff: golden export folder, import of a folder with discontinuous spans,
//! relations, attributes, notes and mismatches reported, CRLF counted as two, round trips.

use proptest::prelude::*;
use qalam_core::interchange::{Action, ExportOptions, Format};

use super::{arb_annotation, assert_golden, essence, export, fixture, import, sample};

#[test]
fn brat_export_matches_the_golden_folder() {
    let (_dir, out, report) = export(Format::Brat, &[sample()], &ExportOptions::default());
    assert!(report.is_empty(), "{report}");
    for name in ["summit.txt", "summit.ann", "annotation.conf"] {
        let actual = std::fs::read_to_string(out.join(name)).unwrap();
        assert_golden(&format!("brat/golden/{name}"), &actual);
    }
    let mut names: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "no temporary files left: {names:?}");
}

#[test]
fn brat_import_keeps_notes_and_reports_what_qalam_cannot_hold() {
    let imported = import(Format::Brat, &fixture("brat/input"));
    let ids: Vec<_> = imported
        .documents
        .iter()
        .map(|d| d.document().id.clone())
        .collect();
    assert_eq!(
        ids,
        ["crlf", "visit"],
        "the folder is walked recursively, in order"
    );
    let crlf = &imported.documents[0];
    assert_eq!(
        crlf.span_text(&crlf.spans()[0]),
        "موسكو",
        "\\r\\n counts as two code points"
    );
    let visit = &imported.documents[1];
    let spans: Vec<_> = visit
        .spans()
        .iter()
        .map(|s| {
            (
                s.id.0,
                visit.span_text(s),
                s.label.as_str(),
                s.note.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        spans,
        [
            (4, "زار", "EVENT", None),
            (1, "بوتين", "PERSON", Some("الرئيس الروسي")),
            (3, "بوتين لروسيا", "PERSON", None),
            (2, "روسيا", "COUNTRY", None),
        ]
    );
    let entries: Vec<(usize, &Action, &str)> = imported
        .report
        .entries
        .iter()
        .filter(|e| e.document == "visit")
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
        has(3, Action::Changed { start: 4, end: 16 }, "discontinuous"),
        "{entries:?}"
    );
    assert!(has(4, Action::Noted, "text mismatch"), "{entries:?}");
    assert!(has(5, Action::Dropped, "relation R1"), "{entries:?}");
    assert!(has(6, Action::Dropped, "attribute A1"), "{entries:?}");
    assert!(has(7, Action::Dropped, "normalisation N1"), "{entries:?}");
    assert!(has(9, Action::Dropped, "out of range"), "{entries:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn brat_round_trips_text_and_spans(original in arb_annotation()) {
        let (_dir, out, _) = export(Format::Brat, std::slice::from_ref(&original), &ExportOptions::default());
        let imported = import(Format::Brat, &out);
        prop_assert!(imported.report.is_empty(), "{}", imported.report);
        prop_assert_eq!(imported.documents.len(), 1);
        prop_assert_eq!(essence(&imported.documents[0]), essence(&original));
    }
}

#[test]
fn brat_export_of_the_sample_article_matches_the_worked_example() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../assets/kim-lavrov-wonsan.ar.txt");
    let article = std::fs::read_to_string(path).unwrap();
    let end = article.find("لروسيا").unwrap() + "لروسيا".len();
    let sentence = &article[..end];
    let at = |word: &str| {
        let start = sentence[..sentence.rfind(word).unwrap()].chars().count();
        (start, start + word.chars().count())
    };
    let spans: Vec<_> = [
        ("بيونغ يانغ", "COUNTRY"),
        ("موسكو", "COUNTRY"),
        ("كيم جونغ أون", "PERSON"),
        ("روسيا", "COUNTRY"),
    ]
    .into_iter()
    .map(|(word, label)| (at(word).0, at(word).1, label, None, None))
    .collect();
    let kim = super::annotation("kim", sentence, &spans);
    let mut report = qalam_core::interchange::Report::default();
    let ann = qalam_core::interchange::brat::ann_text(&kim, &ExportOptions::default(), &mut report);
    assert_eq!(
        ann,
        "T1\tGPE 6 16\tبيونغ يانغ\nT2\tGPE 33 38\tموسكو\nT3\tPERSON 71 83\tكيم جونغ أون\nT4\tGPE 107 112\tروسيا\n",
        "docs/formats.md shows this"
    );
}

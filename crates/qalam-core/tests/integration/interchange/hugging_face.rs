//! Hugging Face token-classification folder: the card's `ClassLabel` names, one row per
//! sentence, splits, nested spans reported as dropped, and the folder read back.

use std::path::Path;

use proptest::prelude::*;
use qalam_core::interchange::{
    self, Action, ExportOptions, Format, ImportOptions, InterchangeError, Report, TagScheme,
};
use qalam_core::model::{Annotation, Document};

use super::trainer_support::annotation;

fn export(documents: &[Annotation], options: &ExportOptions, out: &Path) -> Report {
    let mut report = Report::default();
    let mut exporter = interchange::exporter(Format::HuggingFace, out, options).expect("exporter");
    for document in documents {
        exporter.write(document, &mut report).expect("write");
    }
    exporter.finish(&mut report).expect("finish");
    report
}

fn rows(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .expect("jsonl")
        .lines()
        .map(|line| serde_json::from_str(line).expect("row"))
        .collect()
}

/// `(entity text, label)` of an annotation's spans, whitespace removed.
fn entities(annotation: &Annotation) -> Vec<(String, String)> {
    annotation
        .spans()
        .iter()
        .map(|s| {
            (
                annotation.span_text(s).replace(char::is_whitespace, ""),
                s.label.clone(),
            )
        })
        .collect()
}

#[test]
fn golden_rows_and_card_for_nested_spans_and_a_proclitic() {
    let ann = annotation("زار [وزير خارجية [روسيا|COUNTRY]|PERSON] ل[كوريا|COUNTRY]. ثم عاد");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ds");
    let report = export(&[ann], &ExportOptions::default(), &out);
    let rows = rows(&out.join("train.jsonl"));
    assert_eq!(rows.len(), 2, "two sentences");
    assert_eq!(
        rows[0]["tokens"],
        serde_json::json!(["زار", "وزير", "خارجية", "روسيا", "ل", "كوريا", "."])
    );
    // O, B-PERSON, I-PERSON, B-GPE, I-GPE, … in label-set order.
    assert_eq!(
        rows[0]["ner_tags"],
        serde_json::json!([0, 1, 2, 2, 0, 3, 0])
    );
    assert_eq!(rows[1]["ner_tags"], serde_json::json!([0, 0]));
    assert_eq!(rows[1]["document"], "doc");
    let card = std::fs::read_to_string(out.join("README.md")).unwrap();
    assert!(card.contains("class_label:\n        names:\n          '0': \"O\"\n          '1': \"B-PERSON\"\n          '2': \"I-PERSON\"\n          '3': \"B-GPE\"\n"), "{card}");
    assert!(card.contains("  - split: train\n    path: train.jsonl\n"));
    assert!(!out.join("test.jsonl").exists());
    // The nested روسيا cannot be in ner_tags.
    assert_eq!(report.counts(), (0, 1, 0), "{report}");
    assert_eq!(report.entries[0].span.as_ref().unwrap().text, "روسيا");
    assert_eq!(report.entries[0].action, Action::Dropped);
}

#[test]
fn bioes_tags_and_the_folder_reads_back() {
    let ann = annotation("[بوتين|PERSON] في [كوريا الشمالية|COUNTRY]");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ds");
    let options = ExportOptions {
        scheme: TagScheme::Bioes,
        ..ExportOptions::default()
    };
    export(std::slice::from_ref(&ann), &options, &out);
    let card = std::fs::read_to_string(out.join("README.md")).unwrap();
    assert!(
        card.contains("\"S-PERSON\"") && card.contains("\"E-GPE\""),
        "{card}"
    );
    let imported =
        interchange::import(Format::HuggingFace, &out, &ImportOptions::default()).unwrap();
    assert_eq!(imported.documents.len(), 1);
    let back = &imported.documents[0];
    assert_eq!(back.document().text(), "بوتين في كوريا الشمالية");
    assert_eq!(
        entities(back),
        [
            ("بوتين".to_owned(), "PERSON".to_owned()),
            ("كورياالشمالية".to_owned(), "GPE".to_owned())
        ]
    );
    assert!(imported.report.is_empty(), "{}", imported.report);
}

#[test]
fn imported_tags_map_to_known_labels_and_unknown_ones_are_noted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("train.jsonl"),
        "{\"tokens\": [\"زار\", \"لروسيا\", \"أمس\"], \"ner_tags\": [\"I-PERS\", \"B-GPE\", \"O\"]}\n",
    )
    .unwrap();
    let options = ImportOptions {
        labels: Some(qalam_core::model::LabelSet::default()),
        ..ImportOptions::default()
    };
    let imported = interchange::import(Format::HuggingFace, dir.path(), &options).unwrap();
    let back = &imported.documents[0];
    assert_eq!(
        entities(back),
        [
            ("زار".to_owned(), "PERS".to_owned()),
            ("لروسيا".to_owned(), "COUNTRY".to_owned())
        ]
    );
    let reasons: Vec<String> = imported
        .report
        .entries
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert_eq!(imported.report.counts(), (0, 0, 2), "{reasons:?}");
    assert!(
        reasons.iter().all(|r| r.contains("train.jsonl:1")),
        "{reasons:?}"
    );
}

#[test]
fn a_tag_id_without_a_name_is_malformed_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ds");
    export(
        &[annotation("[أ|PERSON] ب")],
        &ExportOptions::default(),
        &out,
    );
    std::fs::write(
        out.join("train.jsonl"),
        "{\"tokens\": [\"أ\"], \"ner_tags\": [1]}\n{\"tokens\": [\"أ\"], \"ner_tags\": [99]}\n",
    )
    .unwrap();
    match interchange::import(Format::HuggingFace, &out, &ImportOptions::default()) {
        Err(InterchangeError::Malformed { line, message, .. }) => {
            assert_eq!(line, 2);
            assert!(message.contains("99"), "{message}");
        }
        other => panic!("expected malformed, got {other:?}"),
    }
}

#[test]
fn splits_put_each_document_whole_in_one_file() {
    let documents: Vec<Annotation> = (0..60)
        .map(|i| {
            Annotation::with_spans_unchecked(
                Document::new(format!("doc-{i}"), "أ ب. ج د."),
                &[(0, 1, "PERSON")],
            )
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ds");
    let options = ExportOptions {
        splits: Some([0.6, 0.2, 0.2]),
        ..ExportOptions::default()
    };
    export(&documents, &options, &out);
    let mut seen = std::collections::BTreeMap::new();
    for split in ["train", "validation", "test"] {
        let rows = rows(&out.join(format!("{split}.jsonl")));
        assert!(!rows.is_empty(), "{split} is empty");
        for row in rows {
            let previous = seen.insert(row["document"].as_str().unwrap().to_owned(), split);
            assert!(
                previous.is_none_or(|p| p == split),
                "a document in two splits"
            );
        }
    }
    assert_eq!(seen.len(), 60);
    let card = std::fs::read_to_string(out.join("README.md")).unwrap();
    assert!(card.contains("  - split: validation\n    path: validation.jsonl\n"));
    let bad = ExportOptions {
        splits: Some([0.6, 0.6, 0.2]),
        ..ExportOptions::default()
    };
    assert!(interchange::exporter(Format::HuggingFace, &dir.path().join("x"), &bad).is_err());
}

fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "روسيا",
        "ل",
        "بوتين",
        "ر\u{064e}",
        "ـ",
        "😀",
        " ",
        "  ",
        "\r\n",
        ".",
        "،",
        "abc",
        "12.5",
    ]);
    // Harakat come after a letter here: a mark right after whitespace joins the whitespace's
    // grapheme, which no token holds, so token formats cannot carry it (reported to the lead).
    prop::collection::vec(pieces, 1..25).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Qalam → folder → Qalam keeps every outer-layer entity (its characters and label), and
    /// every span left out is in the report.
    #[test]
    fn entities_round_trip_through_the_folder(
        text in text_strategy(),
        raw in prop::collection::vec((0usize..200, 1usize..10), 0..5),
    ) {
        let len = text.chars().count();
        let spans: Vec<(usize, usize, &str)> = raw
            .iter()
            .map(|&(s, l)| (s % len, (s % len + l).min(len), "PERSON"))
            .filter(|(s, e, _)| s < e)
            .collect();
        let ann = Annotation::with_spans_unchecked(Document::new("p", text), &spans);
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("ds");
        let report = export(std::slice::from_ref(&ann), &ExportOptions::default(), &out);
        let imported = interchange::import(Format::HuggingFace, &out, &ImportOptions::default()).unwrap();
        let mut back: Vec<String> = imported
            .documents
            .iter()
            .flat_map(entities)
            .map(|(text, _)| text)
            .collect();
        back.sort();
        // What comes back: every span but the dropped ones, each with its own text or the
        // text of the bounds the report gives it.
        let chars: Vec<char> = ann.document().text().chars().collect();
        let squeeze = |s: usize, e: usize| -> String {
            chars[s..e].iter().filter(|c| !c.is_whitespace()).collect()
        };
        let mut allowed: Vec<String> = ann.spans().iter().map(|s| squeeze(s.start, s.end)).collect();
        for entry in &report.entries {
            if let Action::Changed { start, end } = entry.action {
                allowed.push(squeeze(start, end));
            }
        }
        prop_assert_eq!(back.len() + report.counts().1, ann.spans().len(), "{}", report);
        for text in &back {
            prop_assert!(allowed.contains(text), "«{}» is no span's text: {}", text, report);
        }
    }
}

//! Statistics of the two-annotator fixture corpus.

use std::path::Path;

use super::*;
use crate::corpus::scan;

fn fixture_stats() -> CorpusStats {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    corpus_stats(&[scan(&root).expect("scan")])
}

#[test]
fn label_counts_add_up_every_annotation_file() {
    let stats = fixture_stats();
    assert_eq!(stats.documents, 3);
    assert_eq!(stats.annotation_files, 3);
    assert_eq!(
        stats.label_counts,
        [("COUNTRY".to_owned(), 1), ("PERSON".to_owned(), 3)]
    );
    assert_eq!(stats.total_spans(), 4);
    assert_eq!(
        stats.spans_per_document,
        [
            ("a".to_owned(), 2),
            ("c".to_owned(), 0),
            ("news/b".to_owned(), 1)
        ]
    );
}

#[test]
fn documents_by_status_list_every_status() {
    let stats = fixture_stats();
    assert_eq!(
        stats.by_status,
        [
            (DocStatus::Todo, 1),
            (DocStatus::InProgress, 2),
            (DocStatus::Done, 0),
            (DocStatus::Reviewed, 0)
        ]
    );
}

#[test]
fn progress_counts_only_assigned_documents() {
    let stats = fixture_stats();
    assert_eq!(
        stats.annotators,
        [
            AnnotatorProgress {
                name: "Amal".to_owned(),
                done: 1,
                started: 1,
                total: 3
            },
            AnnotatorProgress {
                name: "Omar".to_owned(),
                done: 0,
                started: 1,
                total: 1
            }
        ]
    );
    assert!((stats.annotators[0].fraction() - 1.0 / 3.0).abs() < 1e-9);
}

#[test]
fn two_corpora_add_up() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let one = scan(&root).expect("scan");
    let stats = corpus_stats(&[one.clone(), one]);
    assert_eq!(stats.documents, 6);
    assert_eq!(stats.annotators[0].total, 6);
    assert_eq!(stats.annotators[1].done, 0);
}

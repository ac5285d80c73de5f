//! Scanning: the two-annotator fixture corpus, grouping by text, the reported problems, hidden
//! folders and the progress callback.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::*;
use crate::model::notation::Case;
use crate::model::{Annotation, DocStatus, Label, LabelSet, Rgb};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

/// Writes the annotation of `notation` (by `annotator`, with `status`) to `dir/name`.
fn write_annotation(dir: &Path, name: &str, notation: &str, annotator: &str, status: DocStatus) {
    let mut parts = Case::parse(notation)
        .expect("notation")
        .annotation()
        .into_parts();
    parts.annotator = Some(annotator.to_owned());
    parts.status = status;
    let ann = Annotation::from_parts(parts).expect("valid parts");
    std::fs::write(dir.join(name), crate::io::to_json_string(&ann)).expect("write");
}

#[test]
fn the_fixture_corpus_has_three_documents_of_two_annotators() {
    let corpus = scan(&fixture()).expect("scan");
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let file = corpus.file.as_ref().expect("corpus file");
    assert_eq!(file.annotators, ["Amal", "Omar"]);
    let names: Vec<&str> = corpus.documents.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["a", "c", "news/b"]);

    let a = &corpus.documents[0];
    let paths: Vec<String> = a.files.iter().map(ScannedFile::display_path).collect();
    assert_eq!(paths, ["a.Amal.qalam.json", "a.Omar.qalam.json", "a.txt"]);
    assert_eq!(a.annotators(), ["Amal", "Omar"]);
    assert_eq!(a.status_of("Amal"), Some(DocStatus::Done));
    assert_eq!(a.status_of("Omar"), Some(DocStatus::InProgress));
    assert_eq!(a.status(), DocStatus::InProgress, "the least advanced file");
    assert_eq!(a.span_count(), 2);
    assert_eq!(
        a.last_change().map(|t| t.to_rfc3339()),
        Some("2026-12-01T12:30:00+00:00".to_owned())
    );

    let c = &corpus.documents[1];
    assert_eq!(c.status(), DocStatus::Todo);
    assert!(c.annotators().is_empty());
    assert_eq!(corpus.documents[2].annotators(), ["Amal"]);
    let omar: Vec<&str> = corpus
        .documents_of("Omar")
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(omar, ["a"], "Omar is assigned a.txt only");
    assert_eq!(corpus.documents_of("Amal").len(), 3);
}

#[test]
fn files_with_the_same_text_are_one_document_whatever_their_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("visit.txt"), "زار بوتين").expect("write");
    write_annotation(
        dir.path(),
        "copy.qalam.json",
        "زار [بوتين|PERSON]",
        "Omar",
        DocStatus::Done,
    );
    let corpus = scan(dir.path()).expect("scan");
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(
        corpus.documents[0].name, "visit",
        "named after its text file"
    );
    assert_eq!(corpus.documents[0].annotators(), ["Omar"]);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
}

#[test]
fn a_text_with_a_byte_order_mark_is_hashed_as_imported() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("visit.txt"), "\u{feff}زار بوتين").expect("write");
    write_annotation(
        dir.path(),
        "visit.Omar.qalam.json",
        "زار [بوتين|PERSON]",
        "Omar",
        DocStatus::Done,
    );
    let corpus = scan(dir.path()).expect("scan");
    assert_eq!(corpus.documents.len(), 1, "{:?}", corpus.problems);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
}

#[test]
fn a_file_whose_text_differs_from_its_namesakes_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), "نص آخر").expect("write");
    write_annotation(
        dir.path(),
        "a.qalam.json",
        "زار [بوتين|PERSON]",
        "Omar",
        DocStatus::Todo,
    );
    let corpus = scan(dir.path()).expect("scan");
    assert_eq!(corpus.documents.len(), 2, "different texts stay apart");
    assert_eq!(
        corpus.problems,
        [ScanProblem::TextDiffers {
            path: "a.qalam.json".into(),
            other: "a.txt".into()
        }]
    );
    assert!(
        corpus.problems[0]
            .to_string()
            .contains("differs from a.txt")
    );
}

#[test]
fn labels_that_disagree_with_the_corpus_are_reported_not_changed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus_file = CorpusFile {
        labels: LabelSet {
            labels: vec![
                Label::new("PERSON", Rgb([1, 2, 3]), None),
                Label::new("PLACE", Rgb([4, 5, 6]), None),
            ],
            ..LabelSet::default()
        },
        annotators: vec!["Amal".to_owned()],
        ..CorpusFile::default()
    };
    corpus_file
        .save(&CorpusFile::path_in(dir.path()))
        .expect("save");
    write_annotation(
        dir.path(),
        "a.Amal.qalam.json",
        "زار [بوتين|PERSON]",
        "Amal",
        DocStatus::Done,
    );
    let before = std::fs::read(dir.path().join("a.Amal.qalam.json")).expect("read");
    let corpus = scan(dir.path()).expect("scan");
    let [
        ScanProblem::LabelsDisagree {
            path,
            not_in_corpus,
            missing,
        },
    ] = corpus.problems.as_slice()
    else {
        panic!("expected one label problem: {:?}", corpus.problems);
    };
    assert_eq!(path, Path::new("a.Amal.qalam.json"));
    assert!(
        not_in_corpus.contains(&"COUNTRY".to_owned()),
        "{not_in_corpus:?}"
    );
    assert!(!not_in_corpus.contains(&"PERSON".to_owned()));
    assert_eq!(missing, &["PLACE".to_owned()]);
    let after = std::fs::read(dir.path().join("a.Amal.qalam.json")).expect("read");
    assert_eq!(before, after, "the file is not changed");
}

#[test]
fn hidden_folders_are_skipped_and_broken_files_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join(".git")).expect("mkdir");
    std::fs::write(dir.path().join(".git/x.txt"), "سر").expect("write");
    std::fs::write(dir.path().join("notes.md"), "not a document").expect("write");
    std::fs::write(dir.path().join("bad.qalam.json"), "{}").expect("write");
    std::fs::write(dir.path().join("ok.txt"), "نص").expect("write");
    let corpus = scan(dir.path()).expect("scan");
    let names: Vec<&str> = corpus.documents.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["ok"]);
    assert!(matches!(
        corpus.problems.as_slice(),
        [ScanProblem::Unreadable { path, .. }] if path == Path::new("bad.qalam.json")
    ));
}

#[test]
fn an_invalid_corpus_file_stops_the_scan_with_its_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        CorpusFile::path_in(dir.path()),
        "{\n  \"format\": \"qalam-corpus\",\n  \"version\": 2\n}\n",
    )
    .expect("write");
    let err = scan(dir.path()).expect_err("invalid corpus file");
    assert!(err.to_string().contains("qalam-corpus.json:3:"), "{err}");
}

#[test]
fn progress_sees_every_file_as_it_is_read() {
    let seen = Mutex::new(Vec::new());
    let corpus = scan_with_progress(&fixture(), &|progress| {
        let name = progress.file.map(ScannedFile::display_path);
        seen.lock()
            .expect("lock")
            .push((progress.done, progress.total, name));
    })
    .expect("scan");
    let mut seen = seen.into_inner().expect("lock");
    seen.sort();
    let files: usize = corpus.documents.iter().map(|d| d.files.len()).sum();
    assert_eq!(files, 6);
    let done: Vec<usize> = seen.iter().map(|(done, _, _)| *done).collect();
    assert_eq!(done, (1..=6).collect::<Vec<_>>());
    assert!(
        seen.iter()
            .all(|(_, total, name)| *total == 6 && name.is_some())
    );
}

#[test]
fn a_single_file_is_a_corpus_of_one_document() {
    let corpus = scan(&fixture().join("news/b.Amal.qalam.json")).expect("scan");
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(corpus.documents[0].name, "b");
    assert!(corpus.file.is_none());
}

#[test]
fn an_assignment_names_a_document_by_any_of_its_files_or_its_stem() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("news")).expect("mkdir");
    std::fs::write(dir.path().join("news/a.txt"), "زار بوتين").expect("write");
    std::fs::write(dir.path().join("b.txt"), "نص").expect("write");
    std::fs::write(dir.path().join("c.txt"), "نص آخر").expect("write");
    write_annotation(
        dir.path(),
        "b.Amal.qalam.json",
        "[نص|PERSON]",
        "Amal",
        DocStatus::Done,
    );
    let file = CorpusFile {
        annotators: vec!["Amal".to_owned(), "Omar".to_owned()],
        assignments: [
            (
                "Amal".to_owned(),
                vec![
                    "news/a.qalam.json".to_owned(),
                    "b.Amal.qalam.json".to_owned(),
                ],
            ),
            ("Omar".to_owned(), vec!["nowhere.txt".to_owned()]),
        ]
        .into(),
        ..CorpusFile::default()
    };
    file.save(&CorpusFile::path_in(dir.path())).expect("save");
    let corpus = scan(dir.path()).expect("scan");
    let names = |annotator: &str| -> Vec<String> {
        corpus
            .documents_of(annotator)
            .iter()
            .map(|d| d.name.clone())
            .collect()
    };
    assert_eq!(names("Amal"), ["b", "news/a"]);
    assert!(names("Omar").is_empty());
    assert_eq!(corpus.assignment_mask("Amal"), [true, false, true]);
}

#[test]
fn the_gold_file_belongs_to_its_article_but_to_no_annotator() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("visit.txt"), "زار بوتين").expect("write");
    write_annotation(
        dir.path(),
        "visit.amal.qalam.json",
        "زار [بوتين|PERSON]",
        "amal",
        DocStatus::Done,
    );
    // The gold file names its adjudicator as the annotator; it still counts as nobody's.
    write_annotation(
        dir.path(),
        "visit.gold.qalam.json",
        "[زار|EVENT] [بوتين|PERSON]",
        "Dina",
        DocStatus::InProgress,
    );
    let corpus = scan(dir.path()).expect("scan");
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    assert_eq!(corpus.documents.len(), 1, "one article, gold included");
    let doc = &corpus.documents[0];
    assert_eq!(doc.name, "visit");
    assert_eq!(doc.files.len(), 3);
    assert_eq!(doc.annotators(), ["amal"], "not gold, not Dina");
    assert_eq!(
        doc.status(),
        DocStatus::Done,
        "the gold's status does not count"
    );
    assert_eq!(doc.span_count(), 1);
    assert_eq!(
        doc.gold_file().map(ScannedFile::display_path).as_deref(),
        Some("visit.gold.qalam.json")
    );
    assert!(!corpus.annotators().contains(&"gold".to_owned()));
}

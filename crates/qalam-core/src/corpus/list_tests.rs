//! The document list (filter, sort, search, next unfinished, progress) and the files a document
//! opens for an annotator, on the fixture corpus and small generated ones.

use std::path::{Path, PathBuf};

use super::*;
use crate::model::notation::Case;
use crate::model::{Annotation, DocStatus};

fn fixture() -> Corpus {
    scan(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")).expect("scan")
}

fn names(corpus: &Corpus, rows: &[usize]) -> Vec<String> {
    rows.iter()
        .map(|&i| corpus.documents[i].name.clone())
        .collect()
}

fn rows(corpus: &Corpus, query: &ListQuery) -> Vec<String> {
    names(corpus, &list_rows(corpus, query))
}

#[test]
fn filters_by_status_label_annotator_and_name() {
    let corpus = fixture();
    let all = ListQuery::default();
    assert_eq!(rows(&corpus, &all), ["a", "c", "news/b"]);
    let todo = ListQuery {
        status: Some(DocStatus::Todo),
        ..all.clone()
    };
    assert_eq!(rows(&corpus, &todo), ["c"]);
    // As Amal sees it, `a` is done (her file), as the corpus sees it in progress (Omar's).
    let done_for_amal = ListQuery {
        status: Some(DocStatus::Done),
        viewer: Some("Amal".to_owned()),
        ..all.clone()
    };
    assert_eq!(rows(&corpus, &done_for_amal), ["a"]);
    let done = ListQuery {
        status: Some(DocStatus::Done),
        ..all.clone()
    };
    assert!(rows(&corpus, &done).is_empty());
    let country = ListQuery {
        label: Some("COUNTRY".to_owned()),
        ..all.clone()
    };
    assert_eq!(rows(&corpus, &country), ["a"]);
    let omar = ListQuery {
        annotator: Some("Omar".to_owned()),
        ..all.clone()
    };
    assert_eq!(rows(&corpus, &omar), ["a"]);
    let amal = ListQuery {
        annotator: Some("Amal".to_owned()),
        ..all.clone()
    };
    assert_eq!(
        rows(&corpus, &amal),
        ["a", "news/b"],
        "files, no assignments"
    );
    let search = ListQuery {
        search: " NEWS ".to_owned(),
        ..all
    };
    assert_eq!(rows(&corpus, &search), ["news/b"]);
}

#[test]
fn sorts_by_every_column_both_ways() {
    let corpus = fixture();
    let sorted = |sort, descending| {
        rows(
            &corpus,
            &ListQuery {
                sort,
                descending,
                ..ListQuery::default()
            },
        )
    };
    // Statuses: a in progress, c todo, news/b in progress.
    assert_eq!(sorted(ListSort::Status, false), ["c", "a", "news/b"]);
    // Spans: a 2, c 0, news/b 1.
    assert_eq!(sorted(ListSort::Spans, false), ["c", "news/b", "a"]);
    assert_eq!(sorted(ListSort::Spans, true), ["a", "news/b", "c"]);
    // Last change: c's is its text file's modification time, the newest.
    assert_eq!(sorted(ListSort::LastChange, false)[..2], ["news/b", "a"]);
    assert_eq!(sorted(ListSort::Name, true), ["news/b", "c", "a"]);
}

#[test]
fn next_unfinished_skips_finished_documents_and_wraps() {
    let corpus = fixture();
    let all = list_rows(&corpus, &ListQuery::default());
    let amal = Some("Amal");
    let unfinished = |current, step| step_row(&corpus, &all, current, step, true, amal);
    // For Amal: a done, c todo, news/b in progress.
    assert_eq!(unfinished(None, Step::Next), Some(1));
    assert_eq!(unfinished(Some(1), Step::Next), Some(2));
    assert_eq!(
        unfinished(Some(2), Step::Next),
        Some(1),
        "wraps, skipping a"
    );
    assert_eq!(unfinished(Some(1), Step::Previous), Some(2));
    // Without a viewer `a` is unfinished (Omar's file is in progress).
    assert_eq!(
        step_row(&corpus, &all, Some(2), Step::Next, true, None),
        Some(0)
    );
    // Plain steps stop at the ends.
    assert_eq!(
        step_row(&corpus, &all, Some(0), Step::Next, false, amal),
        Some(1)
    );
    assert_eq!(
        step_row(&corpus, &all, Some(0), Step::Previous, false, amal),
        None
    );
    assert_eq!(
        step_row(&corpus, &all, Some(2), Step::Next, false, amal),
        None
    );
    assert_eq!(
        step_row(&corpus, &all, None, Step::Previous, false, amal),
        Some(2)
    );
    assert_eq!(step_row(&corpus, &[], None, Step::Next, true, amal), None);
}

#[test]
fn progress_counts_the_viewers_documents() {
    let corpus = fixture();
    assert_eq!(
        list_progress(&corpus, Some("Amal")),
        ListProgress { done: 1, total: 3 }
    );
    assert_eq!(
        list_progress(&corpus, Some("Omar")),
        ListProgress { done: 0, total: 1 }
    );
    assert_eq!(
        list_progress(&corpus, None),
        ListProgress { done: 0, total: 3 }
    );
    assert!((list_progress(&corpus, Some("Amal")).fraction() - 1.0 / 3.0).abs() < 1e-6);
}

#[test]
fn annotators_open_their_own_files_in_a_multi_annotator_corpus() {
    let corpus = fixture();
    let root = corpus.root.clone();
    let a = &corpus.documents[0];
    let amal = document_files(&corpus, a, Some("Amal"));
    assert_eq!(amal.open, root.join("a.Amal.qalam.json"));
    assert!(amal.opens_saved_file() && !amal.text_only);
    let c = &corpus.documents[1];
    let omar = document_files(&corpus, c, Some("Omar"));
    assert_eq!(omar.open, root.join("c.txt"));
    assert_eq!(omar.save, root.join("c.Omar.qalam.json"));
    assert_eq!(omar.annotator.as_deref(), Some("Omar"));
    // Omar has no file of news/b: its text opens, and saving creates his own file.
    let b = &corpus.documents[2];
    let omar_b = document_files(&corpus, b, Some("Omar"));
    assert_eq!(omar_b.open, root.join("news/b.txt"));
    assert_eq!(omar_b.save, root.join("news/b.Omar.qalam.json"));
    // Without a name there is no own file: the single-annotator rule opens the text.
    let nobody = document_files(&corpus, c, None);
    assert_eq!(nobody.open, root.join("c.txt"));
    assert_eq!(nobody.save, root.join("c.qalam.json"));
}

/// Writes `notation` as `dir/name` by `annotator`.
fn write(dir: &Path, name: &str, notation: &str, annotator: Option<&str>) -> PathBuf {
    let mut parts = Case::parse(notation)
        .expect("notation")
        .annotation()
        .into_parts();
    parts.annotator = annotator.map(str::to_owned);
    let ann = Annotation::from_parts(parts).expect("valid");
    let path = dir.join(name);
    std::fs::write(&path, crate::io::to_json_string(&ann)).expect("write");
    path
}

#[test]
fn a_single_annotator_folder_keeps_its_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("one.txt"), "نص").expect("text");
    write(dir.path(), "one.qalam.json", "[نص|PERSON]", None);
    std::fs::write(dir.path().join("two.txt"), "آخر").expect("text");
    write(dir.path(), "three.qalam.json", "ثالث", Some("Amal"));
    let corpus = scan(dir.path()).expect("scan");
    let files = |name: &str| {
        let doc = corpus
            .documents
            .iter()
            .find(|doc| doc.name == name)
            .expect("document");
        document_files(&corpus, doc, Some("Amal"))
    };
    let one = files("one");
    assert_eq!(one.open, dir.path().join("one.qalam.json"));
    assert_eq!(one.annotator, None);
    let two = files("two");
    assert_eq!(two.open, dir.path().join("two.txt"));
    assert_eq!(two.save, dir.path().join("two.qalam.json"));
    // An annotation file alone opens and saves as itself.
    let three = files("three");
    assert_eq!(three.open, dir.path().join("three.qalam.json"));
    assert_eq!(three.save, three.open);
}

#[test]
fn another_annotators_file_gives_only_its_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "x.Omar.qalam.json", "[نص|PERSON]", Some("Omar"));
    let corpus = scan(dir.path()).expect("scan");
    let amal = document_files(&corpus, &corpus.documents[0], Some("Amal"));
    assert!(amal.text_only, "{amal:?}");
    assert_eq!(amal.open, dir.path().join("x.Omar.qalam.json"));
    assert_eq!(amal.save, dir.path().join("x.Amal.qalam.json"));
    let omar = document_files(&corpus, &corpus.documents[0], Some("Omar"));
    assert!(omar.opens_saved_file() && !omar.text_only);
}

#[test]
fn a_reviewer_opens_a_colleagues_own_file_and_saves_back_to_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("x.txt"), "نص").expect("text");
    write(dir.path(), "x.Omar.qalam.json", "[نص|PERSON]", Some("Omar"));
    write(dir.path(), "x.Amal.qalam.json", "نص", Some("Amal"));
    write(dir.path(), "x.gold.qalam.json", "[نص|PERSON]", None);
    let corpus = scan(dir.path()).expect("scan");
    let doc = &corpus.documents[0];
    let names: Vec<_> = annotator_files(doc)
        .into_iter()
        .map(|(name, file)| (name, file.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(
        names,
        [
            ("Amal".to_owned(), "x.Amal.qalam.json".to_owned()),
            ("Omar".to_owned(), "x.Omar.qalam.json".to_owned())
        ],
        "the gold file is nobody's"
    );
    let omar = review_files(&corpus, doc, "Omar").expect("Omar has a file");
    assert_eq!(omar.open, dir.path().join("x.Omar.qalam.json"));
    assert_eq!(omar.save, omar.open);
    assert!(!omar.text_only);
    assert_eq!(omar.annotator.as_deref(), Some("Omar"));
    assert_eq!(review_files(&corpus, doc, "Sara"), None);
    assert_eq!(review_files(&corpus, doc, "gold"), None);
}

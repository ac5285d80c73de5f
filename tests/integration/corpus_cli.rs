//! `qalam stats` and `qalam status` on the two-annotator fixture corpus
//! (`crates/qalam-core/tests/fixtures/corpus/`: Amal and Omar, Omar assigned `a.txt` only), and
//! on corpora with problems built in a temporary folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/qalam-core/tests/fixtures/corpus")
}

fn qalam(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qalam"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn stats_prints_label_status_and_annotator_tables() {
    let root = fixture();
    let output = qalam(&["stats", root.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = stdout(&output);
    assert!(
        text.starts_with("3 documents, 3 annotation files, 4 spans\n"),
        "{text}"
    );
    assert!(
        text.contains("label    spans\nCOUNTRY      1\nPERSON       3\n"),
        "{text}"
    );
    assert!(text.contains("in_progress          2\n"), "{text}");
    assert!(
        text.contains("annotator  done  started  total  progress\nAmal          1        1      3       33%\nOmar          0        1      1        0%\n"),
        "{text}"
    );
    assert!(text.ends_with("news/b        1\n"), "{text}");
}

#[test]
fn stats_json_adds_up_several_paths() {
    let root = fixture();
    let root = root.to_str().unwrap();
    let one = json(&qalam(&["stats", "--json", root]));
    assert_eq!(one["documents"], 3);
    assert_eq!(one["spans"], 4);
    assert_eq!(one["by_status"]["todo"], 1);
    assert_eq!(
        one["labels"][1],
        serde_json::json!({"label": "PERSON", "spans": 3})
    );
    assert_eq!(one["annotators"][1]["name"], "Omar");
    assert_eq!(one["problems"], serde_json::json!([]));
    let two = json(&qalam(&["stats", "--json", root, root]));
    assert_eq!(two["documents"], 6);
    assert_eq!(two["annotators"][0]["total"], 6);
}

#[test]
fn status_shows_each_annotators_file_per_document() {
    let root = fixture();
    let output = qalam(&["status", root.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("document  status       Amal         Omar"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("a         in_progress  done         in_progress"),
        "{text}"
    );
    assert!(
        lines[2].starts_with("c         todo         missing      not assigned"),
        "{text}"
    );
    assert!(
        lines[3].starts_with("news/b    in_progress  in_progress  not assigned"),
        "{text}"
    );
    assert!(text.ends_with("corpus: 0/3 documents done\n"), "{text}");
}

#[test]
fn status_json_lists_documents_and_progress() {
    let root = fixture();
    let value = json(&qalam(&["status", "--json", root.to_str().unwrap()]));
    assert_eq!(value["total"], 3);
    assert_eq!(value["done"], 0);
    let a = &value["documents"][0];
    assert_eq!(a["name"], "a");
    assert_eq!(a["annotators"]["Amal"], "done");
    assert_eq!(a["annotators"]["Omar"], "in_progress");
    assert_eq!(a["last_change"], "2026-12-01T12:30:00Z");
    assert_eq!(
        a["paths"],
        serde_json::json!(["a.Amal.qalam.json", "a.Omar.qalam.json", "a.txt"])
    );
    assert_eq!(
        value["annotators"][0],
        serde_json::json!({"name": "Amal", "done": 1, "started": 1, "total": 3})
    );
}

#[test]
fn a_text_that_differs_from_its_namesake_is_reported_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let annotation = std::fs::read_to_string(fixture().join("a.Amal.qalam.json")).unwrap();
    std::fs::write(dir.path().join("a.Amal.qalam.json"), annotation).unwrap();
    std::fs::write(dir.path().join("a.txt"), "نص مختلف").unwrap();
    let output = qalam(&["status", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("a.Amal.qalam.json: its text differs from a.txt"),
        "{stderr}"
    );
    let value = json(&qalam(&["stats", "--json", dir.path().to_str().unwrap()]));
    assert_eq!(value["documents"], 2);
    assert_eq!(value["problems"].as_array().map(Vec::len), Some(1));
}

#[test]
fn an_invalid_corpus_file_is_exit_1_and_a_missing_path_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("qalam-corpus.json"),
        "{\n  \"format\": \"qalam-corpus\",\n  \"version\": 1,\n  \"labels\": {\"items\": []},\n  \"annotators\": [7]\n}\n",
    )
    .unwrap();
    let output = qalam(&["stats", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("qalam-corpus.json:5:"), "{stderr}");
    let missing = dir.path().join("nowhere");
    let output = qalam(&["status", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
}

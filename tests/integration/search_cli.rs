//! `qalam search`: matches with exact code-point offsets in `.txt`, `.qalam.json` and corpus
//! folders, the folds and clitics flags, `--json`, `--untagged`, and the exit codes.

use std::path::Path;
use std::process::{Command, Output};

use qalam_core::io::to_json_string;
use qalam_core::model::notation::Case;

fn qalam(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qalam"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A folder with `article.txt` (no annotation) and `tagged.qalam.json` (one PERSON span).
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("article.txt"),
        "زار بوتين لروسيا وقال إن روسيا ورُوسْيا معًا.\n",
    )
    .unwrap();
    let ann = Case::parse("قال [بوتين|PERSON] إن روسيا وبوتين هنا")
        .unwrap()
        .annotation();
    std::fs::write(dir.path().join("tagged.qalam.json"), to_json_string(&ann)).unwrap();
    dir
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).to_str().unwrap().to_owned()
}

#[test]
fn prints_file_range_and_original_text_per_match() {
    let dir = corpus();
    let file = path(dir.path(), "article.txt");
    let output = qalam(&["search", "روسيا", &file]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    // Exact, whole words: only the bare روسيا.
    assert_eq!(stdout(&output), format!("{file}\t[25, 30)\tروسيا\n"));
    assert_eq!(stderr(&output), "1 match in 1 of 1 file\n");
}

#[test]
fn folds_and_clitics_find_every_form_and_tag_only_the_name() {
    let dir = corpus();
    let file = path(dir.path(), "article.txt");
    let output = qalam(&["search", "--ignore-harakat", "--clitics", "روسيا", &file]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        stdout(&output),
        format!("{file}\t[11, 16)\tروسيا\n{file}\t[25, 30)\tروسيا\n{file}\t[32, 39)\tرُوسْيا\n")
    );
    let normalized = qalam(&["search", "--normalize", "--clitics", "روسيا", &file]);
    assert_eq!(stdout(&normalized), stdout(&output));
}

#[test]
fn a_folder_searches_annotation_files_and_untagged_texts_with_json() {
    let dir = corpus();
    let root = dir.path().to_str().unwrap();
    let output = qalam(&["search", "--json", "--clitics", "بوتين", root]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0]["file"].as_str().unwrap().ends_with("article.txt"));
    assert_eq!(
        (&lines[0]["start"], &lines[0]["end"]),
        (&4.into(), &9.into())
    );
    assert_eq!(lines[0]["spans"], serde_json::json!([]));
    assert!(
        lines[1]["file"]
            .as_str()
            .unwrap()
            .ends_with("tagged.qalam.json")
    );
    assert_eq!(
        lines[1]["spans"],
        serde_json::json!([{"label": "PERSON", "start": 4, "end": 9}])
    );
    assert_eq!(lines[2]["text"], "بوتين");
    assert_eq!(lines[2]["start"], 20);

    let untagged = qalam(&["search", "--untagged", "--clitics", "بوتين", root]);
    assert_eq!(
        stdout(&untagged).lines().count(),
        2,
        "{}",
        stdout(&untagged)
    );
}

#[test]
fn regex_patterns_and_exit_codes() {
    let dir = corpus();
    let file = path(dir.path(), "article.txt");
    let output = qalam(&["search", "--regex", "--inside", "ر.سيا", &file]);
    assert_eq!(stdout(&output).lines().count(), 2, "{output:?}");
    let none = qalam(&["search", "موسكو", &file]);
    assert_eq!(none.status.code(), Some(1), "{none:?}");
    assert_eq!(stdout(&none), "");
    let bad = qalam(&["search", "--regex", "(", &file]);
    assert_eq!(bad.status.code(), Some(2), "{bad:?}");
    assert!(
        stderr(&bad).contains("invalid regular expression"),
        "{bad:?}"
    );
    let missing = qalam(&["search", "x", &path(dir.path(), "missing.txt")]);
    assert_eq!(missing.status.code(), Some(2), "{missing:?}");
}

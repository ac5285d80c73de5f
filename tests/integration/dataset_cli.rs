//! `qalam export` and `qalam import`: usage errors, the format list in `--help`, and (per
//! format) exports of the bundled sample read back by the importer.

use std::path::Path;
use std::process::{Command, Output};

fn qalam(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qalam"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn export_of_a_folder_without_annotation_files_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "ليس ملف تعليقات").unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let output = qalam(
        &["export", "--format", "conll", "-o", "out.conll", "empty"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no annotation files found"));
    assert!(!dir.path().join("out.conll").exists());
}

#[test]
fn a_tag_override_needs_label_equals_tag() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.qalam.json"), "{}").unwrap();
    let output = qalam(
        &[
            "export",
            "--format",
            "conll",
            "--tag",
            "COUNTRY",
            "-o",
            "x",
            "a.qalam.json",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("expected LABEL=TAG"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_unknown_format_is_refused_with_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let output = qalam(&["export", "--format", "csv", "-o", "x", "a"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("csv") && message.contains("conll"),
        "{message}"
    );
}

#[test]
fn help_lists_every_format_with_its_offset_unit() {
    let dir = tempfile::tempdir().unwrap();
    for command in ["export", "import"] {
        let output = qalam(&[command, "--help"], dir.path());
        assert_eq!(output.status.code(), Some(0));
        let help = String::from_utf8_lossy(&output.stdout);
        for format in qalam_core::interchange::Format::ALL {
            assert!(
                help.contains(format.name()),
                "{command} --help lacks {}",
                format.name()
            );
        }
        assert!(help.contains("UTF-16"));
    }
}

/// Saves `notation` as `NAME.qalam.json` in `dir`.
fn save_notated(dir: &Path, name: &str, notation: &str) -> std::path::PathBuf {
    let (text, spans) = qalam_core::model::notation::parse(notation).unwrap();
    let list: Vec<(usize, usize, &str)> = spans
        .iter()
        .map(|(start, end, label)| (*start, *end, label.as_str()))
        .collect();
    let annotation = qalam_core::model::Annotation::with_spans_unchecked(
        qalam_core::model::Document::new(name, text),
        &list,
    );
    let path = dir.join(format!("{name}.qalam.json"));
    qalam_core::io::save_path(&path, &annotation, None, false).unwrap();
    path
}

#[test]
fn conll_export_reports_each_widened_span_and_imports_back_as_the_whole_words() {
    let dir = tempfile::tempdir().unwrap();
    save_notated(
        dir.path(),
        "summit",
        "زار [بوتين|PERSON] ل[روسيا|COUNTRY] أمس.\n",
    );
    let output = qalam(
        &[
            "export",
            "--format",
            "conll",
            "--boundary",
            "widen",
            "--report",
            "report.txt",
            "-o",
            "out.conll",
            ".",
        ],
        dir.path(),
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}{}", stderr(&output));
    assert!(
        stdout.starts_with(
            "exported 1 document, 2 spans, as conll to out.conll: 1 span changed, 0 dropped"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("summit [11, 16) «روسيا» COUNTRY: changed to [10, 16)"),
        "{stdout}"
    );
    let report = std::fs::read_to_string(dir.path().join("report.txt")).unwrap();
    assert_eq!(report.lines().count(), 1, "{report}");
    let conll = std::fs::read_to_string(dir.path().join("out.conll")).unwrap();
    assert!(conll.contains("لروسيا B-GPE\n"), "{conll}");

    let output = qalam(
        &["import", "--format", "conll", "-o", "back", "out.conll"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let imported: Vec<_> = std::fs::read_dir(dir.path().join("back"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(imported.len(), 1, "{imported:?}");
    let back = qalam_core::io::load_path(&imported[0]).unwrap().annotation;
    let spans: Vec<_> = back
        .spans()
        .iter()
        .map(|span| (back.span_text(span).to_owned(), span.label.clone()))
        .collect();
    assert_eq!(
        spans,
        [
            ("بوتين".to_owned(), "PERSON".to_owned()),
            ("لروسيا".to_owned(), "GPE".to_owned())
        ]
    );
}

#[test]
fn prodigy_export_and_import_go_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    save_notated(
        dir.path(),
        "summit",
        "زار [بوتين|PERSON] ل[روسيا|COUNTRY]\n",
    );
    let output = qalam(
        &["export", "--format", "prodigy", "-o", "out.jsonl", "."],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let jsonl = std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    let task: serde_json::Value = serde_json::from_str(jsonl.trim_end()).unwrap();
    assert_eq!(
        task["spans"][1]["token_start"], 3,
        "ل and روسيا are split: {jsonl}"
    );
    assert_eq!(task["tokens"][2]["text"], "ل");

    let output = qalam(
        &["import", "--format", "prodigy", "-o", "back", "out.jsonl"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let imported: Vec<_> = std::fs::read_dir(dir.path().join("back"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(imported.len(), 1, "{imported:?}");
    let back = qalam_core::io::load_path(&imported[0]).unwrap().annotation;
    let spans: Vec<_> = back
        .spans()
        .iter()
        .map(|span| (back.span_text(span).to_owned(), span.label.clone()))
        .collect();
    assert_eq!(
        spans,
        [
            ("بوتين".to_owned(), "PERSON".to_owned()),
            ("روسيا".to_owned(), "GPE".to_owned())
        ]
    );
}

#[test]
fn export_leaves_spans_rejected_in_review_out_unless_include_rejected() {
    use qalam_core::model::{Review, ReviewDecision};
    let dir = tempfile::tempdir().unwrap();
    let path = save_notated(
        dir.path(),
        "summit",
        "زار [بوتين|PERSON] ل[روسيا|COUNTRY] و[موسكو|COUNTRY]\n",
    );
    let loaded = qalam_core::io::load_path(&path).unwrap().annotation;
    let at = loaded.modified() + chrono::Duration::seconds(5);
    let mut parts = loaded.into_parts();
    parts.spans[0].review = Some(Review::new("sara", ReviewDecision::Accepted, None, at));
    parts.spans[1].review = Some(Review::new(
        "sara",
        ReviewDecision::Rejected,
        Some("the article means the team".to_owned()),
        at,
    ));
    let reviewed = qalam_core::model::Annotation::from_parts(parts).unwrap();
    qalam_core::io::save_path(&path, &reviewed, None, false).unwrap();

    let output = qalam(
        &["export", "--format", "doccano", "-o", "out.jsonl", "."],
        dir.path(),
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}{}", stderr(&output));
    assert!(stdout.contains("0 spans changed, 1 dropped"), "{stdout}");
    assert!(
        stdout.contains(
            "summit [11, 16) «روسيا» COUNTRY: dropped: rejected in review by sara: the article means the team"
        ),
        "{stdout}"
    );
    let jsonl = std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    let line: serde_json::Value = serde_json::from_str(jsonl.trim_end()).unwrap();
    assert_eq!(line["label"].as_array().unwrap().len(), 2, "{jsonl}");
    assert!(!jsonl.contains("[11,16,"), "{jsonl}");

    let output = qalam(
        &[
            "export",
            "--format",
            "doccano",
            "--include-rejected",
            "-o",
            "all.jsonl",
            ".",
        ],
        dir.path(),
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}{}", stderr(&output));
    let jsonl = std::fs::read_to_string(dir.path().join("all.jsonl")).unwrap();
    let line: serde_json::Value = serde_json::from_str(jsonl.trim_end()).unwrap();
    assert_eq!(line["label"].as_array().unwrap().len(), 3, "{jsonl}");
}

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

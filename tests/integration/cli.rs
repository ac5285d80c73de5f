//! The `qalam` binary: `validate` on good files (bundled sample, Wojood sample), on every broken
//! fixture (specific message, line and column), exit codes, `--help` and `--version`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use qalam_core::io::{load_path, save_path};

use crate::wojood;

fn qalam(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qalam"))
        .args(args)
        .output()
        .unwrap()
}

fn validate(paths: &[&Path]) -> (i32, String, String) {
    let mut args: Vec<&Path> = vec![Path::new("validate")];
    args.extend_from_slice(paths);
    let output = qalam(&args);
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn broken(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/qalam-core/tests/fixtures/broken")
        .join(name)
}

#[test]
fn validate_accepts_the_bundled_sample_with_spans() {
    let dir = tempfile::tempdir().unwrap();
    let asset = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/kim-lavrov-wonsan.ar.txt");
    let mut annotation = load_path(&asset).unwrap().annotation;
    assert_eq!(annotation.document().language.as_deref(), Some("ar"));
    let chars: Vec<char> = annotation.document().text().chars().collect();
    for (id, (word, label)) in [
        ("لافروف", "PERSON"),
        ("روسيا", "COUNTRY"),
        ("موسكو", "COUNTRY"),
    ]
    .into_iter()
    .enumerate()
    {
        let needle: Vec<char> = word.chars().collect();
        let start = chars
            .windows(needle.len())
            .position(|w| w == needle)
            .unwrap();
        let mut span = test_span(&annotation, id as u64 + 1, start, start + needle.len());
        span.label = label.to_owned();
        annotation
            .apply(qalam_core::model::Edit::AddSpan(span))
            .unwrap();
    }
    let path = dir.path().join("kim.qalam.json");
    save_path(&path, &annotation, None, false).unwrap();
    let (code, stdout, stderr) = validate(&[&path]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_eq!(stdout, format!("{}: ok\n", path.display()));
}

/// A span like `Annotation::new_span` (the model helper's) makes, built locally.
fn test_span(
    annotation: &qalam_core::model::Annotation,
    id: u64,
    start: usize,
    end: usize,
) -> qalam_core::model::Span {
    qalam_core::model::Span {
        id: qalam_core::model::SpanId(id),
        start,
        end,
        label: String::new(),
        note: None,
        annotator: Some("tester".into()),
        created: annotation.created(),
        modified: annotation.modified(),
        review: None,
        adjudication: None,
        extra: Default::default(),
    }
}

#[test]
fn validate_accepts_files_built_from_wojood() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for name in ["test.txt", "val.txt", "train.txt"] {
        let conll = std::fs::read_to_string(wojood::fixture(name)).unwrap();
        let annotation = wojood::to_annotation(name, &wojood::convert(&conll));
        let path = dir.path().join(format!("{name}.qalam.json"));
        save_path(&path, &annotation, None, false).unwrap();
        paths.push(path);
    }
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let (code, stdout, _) = validate(&refs);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(stdout.lines().filter(|l| l.ends_with(": ok")).count(), 3);
}

#[test]
fn baseline_of_the_broken_fixtures_is_valid() {
    let (code, stdout, _) = validate(&[&broken("baseline-valid.qalam.json")]);
    assert_eq!(code, 0, "{stdout}");
}

/// (file, line, column, message) for every broken fixture: one problem each.
const BROKEN: &[(&str, usize, usize, &str)] = &[
    (
        "malformed-json.qalam.json",
        28,
        3,
        "malformed JSON: trailing comma",
    ),
    (
        "wrong-format.qalam.json",
        2,
        13,
        "\"format\" must be \"qalam\", found \"doccano\": this is not a Qalam file",
    ),
    (
        "unsupported-version.qalam.json",
        3,
        14,
        "unsupported version 2: this Qalam reads version 1 only",
    ),
    (
        "top-level-not-object.qalam.json",
        1,
        1,
        "the file must hold a JSON object at the top level, found an array",
    ),
    (
        "missing-field.qalam.json",
        26,
        5,
        "spans[1]: missing required field \"end\"",
    ),
    (
        "mistyped-field.qalam.json",
        25,
        24,
        "spans[0].start must be a non-negative integer, found the string \"4\"",
    ),
    (
        "start-not-before-end.qalam.json",
        26,
        24,
        "spans[1] (id 2): start 15 is not before end 10 (a span covers at least one code point)",
    ),
    (
        "end-past-text.qalam.json",
        27,
        35,
        "spans[2] (id 3): end 99 is past the end of the text (38 code points)",
    ),
    (
        "span-text-mismatch.qalam.json",
        26,
        67,
        "spans[1] (id 2): \"text\" is \"بوتين\" but the document text at [10, 15) is \"روسيا\"",
    ),
    (
        "unknown-label.qalam.json",
        27,
        48,
        "spans[2] (id 3): unknown label \"PERS\" (the labels are PERSON, COUNTRY)",
    ),
    (
        "duplicate-span-id.qalam.json",
        27,
        12,
        "duplicate span id 1 (first at line 25)",
    ),
    (
        "duplicate-label-name.qalam.json",
        22,
        16,
        "duplicate label name \"PERSON\" (first at line 20)",
    ),
    (
        "bad-colour.qalam.json",
        20,
        35,
        "labels.items[0].color must be a colour written #rrggbb, found \"blue\"",
    ),
    (
        "hash-mismatch.qalam.json",
        11,
        20,
        "document.text_sha256 does not match the text (file says 5a59542ea729b4f8a1d07a546045034296d6ae0d03b8a81efedd0d938e18e765, text hashes to 0499dbfc9e6ec84969ecaea27800096ea34a6c48d59994181b9d2c83879c87d6): the text was changed after the spans were made or the file is damaged",
    ),
    (
        "bad-status.qalam.json",
        13,
        13,
        "\"status\" must be one of \"todo\", \"in_progress\", \"done\", \"reviewed\", found \"finished\"",
    ),
    (
        "bad-timestamp.qalam.json",
        15,
        14,
        "created must be an RFC 3339 timestamp such as \"2025-01-31T12:00:00Z\", found the string \"02/01/2025\"",
    ),
    (
        "overlap-forbidden.qalam.json",
        26,
        5,
        "spans[1] (id 2) [4, 15) overlaps span id 1 [4, 9) but labels.allow_overlaps is false",
    ),
    (
        "bad-review.qalam.json",
        26,
        225,
        "spans[1].review.decision must be one of \"accepted\", \"rejected\", \"fixed\", found \"ok\"",
    ),
    (
        "invalid-utf8.txt",
        2,
        5,
        "not UTF-8 text: invalid byte 0xff at byte offset 21",
    ),
];

#[test]
fn each_broken_fixture_reports_its_problem_at_its_line() {
    for (name, line, column, message) in BROKEN {
        let path = broken(name);
        let (code, stdout, stderr) = validate(&[&path]);
        assert_eq!(code, 1, "{name}: {stdout}{stderr}");
        assert_eq!(
            stdout,
            format!("{}:{line}:{column}: {message}\n", path.display()),
            "{name}"
        );
    }
}

#[test]
fn every_broken_fixture_is_covered_by_a_test() {
    let mut on_disk: Vec<String> = std::fs::read_dir(broken(""))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "README.md" && name != "baseline-valid.qalam.json")
        .filter(|name| name != "several-problems.qalam.json")
        .collect();
    on_disk.sort();
    let mut tested: Vec<String> = BROKEN.iter().map(|(name, ..)| name.to_string()).collect();
    tested.sort();
    assert_eq!(on_disk, tested);
}

#[test]
fn several_problems_are_all_reported_in_file_order() {
    let path = broken("several-problems.qalam.json");
    let (code, stdout, _) = validate(&[&path]);
    assert_eq!(code, 1);
    let located: Vec<(usize, &str)> = stdout
        .lines()
        .map(|line| {
            let rest = line.strip_prefix(&format!("{}:", path.display())).unwrap();
            let (line_number, rest) = rest.split_once(':').unwrap();
            let (_, message) = rest.split_once(": ").unwrap();
            (line_number.parse().unwrap(), message)
        })
        .collect();
    assert_eq!(located.len(), 4, "{stdout}");
    assert_eq!(
        located.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        vec![13, 25, 26, 27]
    );
    assert!(located[0].1.starts_with("\"status\" must be one of"));
    assert!(located[1].1.contains("unknown label \"PERS\""));
    assert!(located[2].1.contains("end 99 is past the end"));
    assert!(located[3].1.starts_with("duplicate span id 1"));
}

#[test]
fn exit_code_is_the_worst_over_all_files() {
    let good = broken("baseline-valid.qalam.json");
    let bad = broken("bad-status.qalam.json");
    let missing = broken("no-such-file.qalam.json");
    let (code, stdout, _) = validate(&[&good, &bad]);
    assert_eq!(code, 1);
    assert!(stdout.starts_with(&format!("{}: ok\n", good.display())));
    let (code, stdout, stderr) = validate(&[&good, &missing, &bad]);
    assert_eq!(code, 2);
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(stderr.starts_with(&format!("qalam: could not read {}: ", missing.display())));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(qalam(&[Path::new("validate")]).status.code(), Some(2));
    assert_eq!(qalam(&[Path::new("--no-such-flag")]).status.code(), Some(2));
}

#[test]
fn help_and_version_exit_0() {
    let help = qalam(&[Path::new("--help")]);
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8(help.stdout).unwrap();
    assert!(text.contains("validate"), "{text}");
    let version = qalam(&[Path::new("--version")]);
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(version.stdout).unwrap(),
        format!("qalam {}\n", env!("CARGO_PKG_VERSION"))
    );
}

/// A window that cannot open has its own exit code (3), not `validate`'s "problems found" (1).
#[test]
fn gui_that_cannot_start_exits_3_with_the_reason() {
    let data = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_qalam"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env("QALAM_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(qalam::cli::EXIT_GUI_FAILED.into())
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with("qalam: could not start"), "{stderr}");
}

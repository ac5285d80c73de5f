//! The settings file: round trips, defaults for missing fields, values brought into range, and
//! the exact error (line, column, what is wrong) for files that are not settings.

use super::*;

#[test]
fn recent_files_are_unique_newest_first_and_bounded() {
    let mut settings = Settings::default();
    for i in 0..15 {
        settings.add_recent_file(Path::new(&format!("/data/f{i}.txt")));
    }
    settings.add_recent_file(Path::new("/data/f10.txt"));
    assert_eq!(settings.recent_files.len(), MAX_RECENT_FILES);
    assert_eq!(settings.recent_files[0], Path::new("/data/f10.txt"));
    assert_eq!(settings.recent_files[1], Path::new("/data/f14.txt"));
    let tens = settings
        .recent_files
        .iter()
        .filter(|p| p.ends_with("f10.txt"))
        .count();
    assert_eq!(tens, 1);
    assert_eq!(settings.last_folder.as_deref(), Some(Path::new("/data")));
}

#[test]
fn text_size_stays_in_range() {
    let mut settings = Settings::default();
    for _ in 0..100 {
        settings.change_text_size(TEXT_SIZE_STEP);
    }
    assert_eq!(settings.text_size, MAX_TEXT_SIZE);
    for _ in 0..100 {
        settings.change_text_size(-TEXT_SIZE_STEP);
    }
    assert_eq!(settings.text_size, MIN_TEXT_SIZE);
}

#[test]
fn settings_survive_a_file_round_trip_and_fill_missing_fields() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = settings_path(&folder.path().join("not-yet-made"));
    assert!(
        read_settings(&path)
            .expect("no file is not an error")
            .is_none()
    );
    let mut settings = Settings {
        annotator: "لينا".into(),
        text_size: 26.0,
        ..Settings::default()
    };
    settings.add_recent_file(Path::new("/x/a.qalam.json"));
    write_settings(&path, &settings).expect("written, folder made");
    assert_eq!(read_settings(&path).expect("read"), Some(settings));
    let partial = parse_settings(br#"{"dark_theme": false, "from_a_newer_build": 1}"#)
        .expect("missing and unknown fields are fine");
    assert!(!partial.dark_theme);
    assert_eq!(partial.text_size, Settings::default().text_size);
}

#[test]
fn out_of_range_values_are_brought_into_range() {
    let many: Vec<String> = (0..30).map(|i| format!("\"/d/{i}.txt\"")).collect();
    let json = format!(
        r#"{{"text_size": 1e30, "recent_files": ["", "/d/0.txt", {}], "last_folder": ""}}"#,
        many.join(",")
    );
    let settings = parse_settings(json.as_bytes()).expect("readable");
    assert_eq!(settings.text_size, MAX_TEXT_SIZE);
    assert_eq!(settings.recent_files.len(), MAX_RECENT_FILES);
    assert_eq!(settings.recent_files[0], Path::new("/d/0.txt"));
    assert_eq!(settings.recent_files[1], Path::new("/d/1.txt"));
    assert_eq!(settings.last_folder, None);
    let small = parse_settings(br#"{"text_size": -4}"#).expect("readable");
    assert_eq!(small.text_size, MIN_TEXT_SIZE);
}

#[test]
fn a_byte_order_mark_is_allowed() {
    let settings = parse_settings("\u{feff}{\"annotator\": \"Sara\"}".as_bytes()).expect("BOM");
    assert_eq!(settings.annotator, "Sara");
}

#[test]
fn a_wrong_type_names_its_line_and_column() {
    let problem = parse_settings(b"{\n  \"text_size\": 20,\n  \"dark_theme\": \"yes\"\n}")
        .expect_err("a string is not a boolean");
    assert_eq!((problem.line, problem.column), (3, 21));
    assert_eq!(
        problem.message,
        "invalid type: string \"yes\", expected a boolean"
    );
}

#[test]
fn a_truncated_file_says_where_it_ends_in_characters_not_bytes() {
    // `  "annotator": "لي` is 18 characters (20 bytes).
    let problem = parse_settings("{\n  \"annotator\": \"لي".as_bytes()).expect_err("truncated");
    assert_eq!((problem.line, problem.column), (2, 18));
    assert_eq!(problem.message, "EOF while parsing a string");
}

#[test]
fn invalid_utf8_names_the_line_column_and_byte() {
    let problem = parse_settings(b"{\n  \"annotator\": \"\xff\"}").expect_err("not UTF-8");
    assert_eq!(
        problem,
        SettingsProblem {
            line: 2,
            column: 17,
            message: "not UTF-8 (byte 19 of the file)".to_owned()
        }
    );
}

#[test]
fn a_file_error_names_the_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = settings_path(folder.path());
    std::fs::write(&path, "\n  [true, 2]").expect("written");
    let error = read_settings(&path).expect_err("a list is not settings");
    assert_eq!(
        error.to_string(),
        format!(
            "{}:2:3: expected a JSON object `{{…}}`, found `[`",
            path.display()
        )
    );
}

#[test]
fn deep_nesting_is_skipped_in_an_unknown_field_and_refused_in_a_known_one() {
    let nest = |n| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let unknown = format!("{{\"x\": {}, \"annotator\": \"Omar\"}}", nest(10_000));
    let settings = parse_settings(unknown.as_bytes()).expect("an unknown field is skipped");
    assert_eq!(settings.annotator, "Omar");
    let known = format!("{{\"recent_files\": {}}}", nest(10_000));
    let problem = parse_settings(known.as_bytes()).expect_err("not a list of paths");
    assert_eq!((problem.line, problem.column), (1, 18));
    assert_eq!(
        problem.message,
        "invalid type: sequence, expected path string"
    );
}

#[test]
fn a_damaged_file_is_set_aside_whole_and_the_next_write_starts_fresh() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = settings_path(folder.path());
    std::fs::write(&path, "{\"annotator\": \"لينا\", \"dark_theme\": 1}").expect("written");
    assert!(read_settings(&path).is_err());
    let aside = set_aside_damaged(&path).expect("moved");
    assert_eq!(aside, folder.path().join("settings.json.damaged"));
    assert_eq!(
        std::fs::read_to_string(&aside).expect("kept"),
        "{\"annotator\": \"لينا\", \"dark_theme\": 1}"
    );
    assert!(read_settings(&path).expect("no file now").is_none());
    write_settings(&path, &Settings::default()).expect("written");
    assert_eq!(
        read_settings(&path).expect("read"),
        Some(Settings::default())
    );
}

//! `qalam layout PATH --width PX`: the headless layout dump through the real binary.

use std::process::Command;

use qalam::text::CharIndex;
use unicode_bidi::BidiInfo;

fn layout_json(path: &std::path::Path, width: &str) -> (i32, Vec<serde_json::Value>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_qalam"))
        .arg("layout")
        .arg(path)
        .args(["--width", width])
        .output()
        .expect("run qalam");
    let lines = String::from_utf8(output.stdout)
        .expect("utf-8 output")
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code().unwrap_or(-1), lines, stderr)
}

fn chars(line: &serde_json::Value) -> Vec<usize> {
    line["chars"]
        .as_array()
        .expect("chars array")
        .iter()
        .map(|cp| cp.as_u64().expect("index") as usize)
        .collect()
}

/// Visual order of the single line `text` by the independent `unicode-bidi` implementation.
fn unicode_bidi_order(text: &str) -> Vec<usize> {
    let info = BidiInfo::new(text, None);
    let paragraph = &info.paragraphs[0];
    let (levels, runs) = info.visual_runs(paragraph, paragraph.range.clone());
    let index = CharIndex::new(text);
    let mut order = Vec::new();
    for run in runs {
        let (first, last) = (
            index.byte_to_cp(run.start).expect("boundary"),
            index.byte_to_cp(run.end).expect("boundary"),
        );
        if levels[run.start].is_rtl() {
            order.extend((first..last).rev());
        } else {
            order.extend(first..last);
        }
    }
    order
}

#[test]
fn layout_of_a_mixed_line_matches_unicode_bidi() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "قالت BBC في 2024 إن (روسيا) تنمو 5%.";
    let path = dir.path().join("mixed.txt");
    std::fs::write(&path, text).expect("write");
    let (code, lines, stderr) = layout_json(&path, "5000");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["direction"], "rtl");
    assert_eq!(chars(&lines[0]), unicode_bidi_order(text));
}

#[test]
fn layout_of_the_sample_covers_every_character_once_and_reads_top_down() {
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/kim-lavrov-wonsan.ar.txt"
    );
    let text = std::fs::read_to_string(sample).expect("sample");
    let (code, lines, stderr) = layout_json(std::path::Path::new(sample), "400");
    assert_eq!(code, 0, "{stderr}");
    assert!(lines.len() > text.lines().count(), "narrow width wraps");
    let mut seen: Vec<usize> = lines.iter().flat_map(chars).collect();
    // Every line's characters, taken in logical order, follow the previous line's: top to bottom.
    let mut previous_max = None;
    for line in &lines {
        let line_chars = chars(line);
        if let (Some(min), Some(prev)) = (line_chars.iter().min(), previous_max) {
            assert!(
                *min > prev,
                "line {line} starts before the previous one ended"
            );
        }
        previous_max = line_chars.iter().max().copied().or(previous_max);
        if line["direction"] == "rtl" {
            assert!(
                line_chars.first() >= line_chars.last(),
                "RTL line runs right to left"
            );
        }
    }
    seen.sort_unstable();
    seen.dedup();
    let newlines = text.chars().filter(|&c| c == '\n').count();
    assert_eq!(seen.len() + newlines, text.chars().count());
}

#[test]
fn layout_rejects_a_bad_width_and_a_missing_file() {
    let (code, _, stderr) = layout_json(std::path::Path::new("/nonexistent/x.txt"), "300");
    assert_eq!(code, 2);
    assert!(stderr.contains("/nonexistent/x.txt"), "{stderr}");
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/kim-lavrov-wonsan.ar.txt"
    );
    let (code, _, stderr) = layout_json(std::path::Path::new(sample), "-5");
    assert_eq!(code, 2, "{stderr}");
}

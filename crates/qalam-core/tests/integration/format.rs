//! The `.qalam.json` format end to end: round trips through files (Wojood sample, random
//! Unicode texts), determinism, exact offsets with CRLF, and the published JSON Schema.

pub mod wojood;

use std::path::Path;

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use qalam_core::io::qalam_json::schema::{
    ADJUDICATION_KEYS, DOCUMENT_KEYS, LABEL_KEYS, LABEL_SET_KEYS, REVIEW_KEYS, SPAN_KEYS,
    TOP_LEVEL_KEYS, VARIANT_KEYS,
};
use qalam_core::io::{load_path, save_path, to_json_string};
use qalam_core::model::{
    Adjudication, AdjudicationVariant, Annotation, DocStatus, Document, Resolution, Review,
    ReviewDecision, Span, SpanId,
};

#[test]
fn wojood_conversion_spans_cover_their_tokens() {
    let conll = std::fs::read_to_string(wojood::fixture("test.txt")).unwrap();
    let converted = wojood::convert(&conll);
    let chars: Vec<char> = converted.text.chars().collect();
    let (start, end, tag) = &converted.spans[0];
    assert_eq!(chars[*start..*end].iter().collect::<String>(), "سمير");
    assert_eq!(tag, "PERS");
    let second: String = chars[converted.spans[1].0..converted.spans[1].1]
        .iter()
        .collect();
    assert_eq!(second, "أحمد حسن أبو شرخ");
    assert!(converted.spans.len() > 500, "{}", converted.spans.len());
}

#[test]
fn wojood_files_round_trip_through_disk_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["test.txt", "val.txt", "train.txt"] {
        let conll = std::fs::read_to_string(wojood::fixture(name)).unwrap();
        let annotation = wojood::to_annotation(name, &wojood::convert(&conll));
        let path = dir.path().join(format!("{name}.qalam.json"));
        let saved = save_path(&path, &annotation, None, false).unwrap();
        let loaded = load_path(&path).unwrap();
        assert_eq!(loaded.annotation, annotation, "{name}");
        assert!(loaded.disk.same_content(&saved));
        assert_eq!(
            to_json_string(&loaded.annotation),
            std::fs::read_to_string(&path).unwrap()
        );
    }
}

#[test]
fn crlf_text_keeps_exact_offsets_after_import_save_and_load() {
    let dir = tempfile::tempdir().unwrap();
    let text_path = dir.path().join("crlf.txt");
    std::fs::write(&text_path, "\u{feff}السطر الأول\r\nزار بوتين روسيا\r\n").unwrap();
    let mut annotation = load_path(&text_path).unwrap().annotation;
    assert_eq!(
        annotation.document().text(),
        "السطر الأول\r\nزار بوتين روسيا\r\n"
    );
    // "السطر الأول" is 11 code points, then \r and \n: "زار" starts at 13, "بوتين" at 17.
    annotation
        .apply(qalam_core::model::Edit::AddSpan(span(1, 17, 22, "PERSON")))
        .unwrap();
    let json_path = dir.path().join("crlf.qalam.json");
    save_path(&json_path, &annotation, None, false).unwrap();
    let loaded = load_path(&json_path).unwrap().annotation;
    assert_eq!(loaded.document().text(), annotation.document().text());
    let covered: String = loaded.document().text().chars().skip(17).take(5).collect();
    assert_eq!(covered, "بوتين");
    assert!(
        std::fs::read_to_string(&json_path)
            .unwrap()
            .contains("\"text\": \"بوتين\"")
    );
}

#[test]
fn saving_the_same_annotation_twice_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let mut parts = Annotation::new(Document::new("d", "زار بوتين روسيا.")).into_parts();
    parts.spans = vec![span(2, 10, 15, "COUNTRY"), span(1, 4, 9, "PERSON")];
    parts
        .extra
        .insert("z".into(), serde_json::json!({"b": 1, "a": 2}));
    let annotation = Annotation::from_parts(parts).unwrap();
    let (first, second) = (dir.path().join("1.json"), dir.path().join("2.json"));
    save_path(&first, &annotation, None, false).unwrap();
    save_path(&second, &annotation, None, false).unwrap();
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
}

#[test]
fn schema_parses_and_lists_every_key_the_writer_emits() {
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/qalam.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let keys = |value: &serde_json::Value| -> Vec<String> {
        value["properties"]
            .as_object()
            .map(|properties| properties.keys().cloned().collect())
            .unwrap_or_default()
    };
    let defs = &schema["$defs"];
    for (object, written) in [
        (&schema, &TOP_LEVEL_KEYS[..]),
        (&defs["document"], &DOCUMENT_KEYS[..]),
        (&defs["labels"], &LABEL_SET_KEYS[..]),
        (&defs["label"], &LABEL_KEYS[..]),
        (&defs["span"], &SPAN_KEYS[..]),
        (&defs["review"], &REVIEW_KEYS[..]),
        (&defs["adjudication"], &ADJUDICATION_KEYS[..]),
        (
            &defs["adjudication"]["properties"]["variants"]["items"],
            &VARIANT_KEYS[..],
        ),
    ] {
        let listed = keys(object);
        for key in written {
            assert!(listed.iter().any(|k| k == key), "schema lacks {key}");
        }
        for required in object["required"].as_array().unwrap() {
            assert!(written.contains(&required.as_str().unwrap()), "{required}");
        }
    }
    // Every key the writer emits for a real file is described by the schema.
    let written: serde_json::Value =
        serde_json::from_str(&to_json_string(&Annotation::new(Document::new("d", "x")))).unwrap();
    for key in written.as_object().unwrap().keys() {
        assert!(keys(&schema).contains(key), "{key}");
    }
}

fn span(id: u64, start: usize, end: usize, label: &str) -> Span {
    let time = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
    Span::new(SpanId(id), start, end, label, time)
}

/// Characters that stress the writer and the offsets: Arabic letters and harakat, tatweel,
/// Arabic-Indic digits, Latin, emoji (astral), ZWJ, bidi marks, CR, LF, tab, quotes,
/// backslashes and other control characters.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec![
            'ب', 'ت', 'ك', 'ي', 'م', 'ر', 'ل', 'ا', 'ء', 'ﻻ', 'ـ', '٣'
        ]),
        prop::sample::select(vec!['\u{64b}', '\u{64e}', '\u{650}', '\u{651}', '\u{652}']),
        prop::sample::select(vec![
            'a', 'Z', ' ', '.', '"', '\\', '/', '{', '\u{1}', '\u{7f}'
        ]),
        prop::sample::select(vec!['\r', '\n', '\t', '\u{200d}', '\u{200f}', '\u{2028}']),
        prop::sample::select(vec!['🙂', '👩', '🏽', '𝕏', '\u{feff}']),
    ]
}

fn time_strategy() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..4_000_000_000, 0u32..1_000_000_000)
        .prop_map(|(seconds, nanos)| DateTime::from_timestamp(seconds, nanos).unwrap())
}

fn annotation_strategy() -> impl Strategy<Value = Annotation> {
    (
        prop::collection::vec(tricky_char(), 1..120),
        prop::collection::vec(
            (
                any::<usize>(),
                1usize..15,
                0usize..4,
                prop::option::of(prop::collection::vec(tricky_char(), 0..8)),
                time_strategy(),
                prop::option::of((
                    0usize..3,
                    prop::option::of(prop::collection::vec(tricky_char(), 0..8)),
                    time_strategy(),
                )),
            ),
            0..25,
        ),
        time_strategy(),
        0usize..4,
    )
        .prop_map(|(chars, raw_spans, time, status)| {
            // A leading BOM would be stripped on text import but is kept by the JSON format;
            // the round trip here is JSON only, so any text is fine.
            let text: String = chars.iter().collect();
            let len = chars.len();
            let mut annotation =
                Annotation::new_at(Document::new("random", text), time).into_parts();
            annotation.status = [
                DocStatus::Todo,
                DocStatus::InProgress,
                DocStatus::Done,
                DocStatus::Reviewed,
            ][status];
            let labels: Vec<String> = annotation
                .labels
                .labels
                .iter()
                .map(|l| l.name.clone())
                .collect();
            annotation.spans = raw_spans
                .into_iter()
                .enumerate()
                .map(|(index, (start, width, label, note, created, review))| {
                    let start = start % len;
                    let end = (start + width).min(len);
                    let mut span = span(
                        index as u64 * 7 + 1,
                        start,
                        end.max(start + 1),
                        &labels[label],
                    );
                    span.note = note.map(|chars| chars.into_iter().collect());
                    span.created = created;
                    span.modified = time;
                    span.review = review.map(|(decision, reason, at)| Review {
                        reviewer: "مراجع \"r\"".to_owned(),
                        decision: ReviewDecision::ALL[decision],
                        reason: reason.map(|chars| chars.into_iter().collect()),
                        at,
                    });
                    span
                })
                .collect();
            Annotation::from_parts(annotation).expect("random spans are valid")
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn save_then_load_is_the_identity(annotation in annotation_strategy()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("random.qalam.json");
        let saved = save_path(&path, &annotation, None, false).unwrap();
        let loaded = load_path(&path).unwrap();
        prop_assert_eq!(&loaded.annotation, &annotation);
        prop_assert!(loaded.disk.same_content(&saved));
    }
}

/// A file with unknown keys at every level: top level, document, labels, one label, one span.
/// Nested unknown values are objects and arrays, to check they are re-indented the same way
/// (pretty-printed in multi-line objects, compact inside a span or label line).
const UNKNOWN_FIELDS_FILE: &str = r##"{
  "format": "qalam",
  "version": 1,
  "document": {
    "id": "putin-russia",
    "title": "زيارة",
    "source": null,
    "language": "ar",
    "metadata": {
      "corpus": "demo"
    },
    "text": "زار بوتين روسيا.",
    "text_sha256": "a4fa3cbf5a8d8a85fda1d9bbc1d4326e4b5f8d8fdd4eea9a1a2e1e0cee02cbf7",
    "author": "someone",
    "revisions": [
      1,
      {
        "by": "أمل"
      }
    ]
  },
  "status": "done",
  "annotator": "amal",
  "created": "2025-01-02T03:04:05Z",
  "modified": "2025-01-02T03:04:05.123Z",
  "labels": {
    "allow_overlaps": true,
    "items": [
      {"name": "PERSON", "color": "#3465a4", "hotkey": "P", "export_tag": null, "wikidata": "Q5"},
      {"name": "COUNTRY", "color": "#4e9a06", "hotkey": "C", "export_tag": "GPE"}
    ],
    "scheme": "demo-v2"
  },
  "spans": [
    {"id": 1, "start": 4, "end": 9, "label": "PERSON", "text": "بوتين", "note": null, "annotator": "amal", "created": "2025-01-02T03:04:05Z", "modified": "2025-01-02T03:04:05Z", "confidence": 0.5, "links": {"kb":"Q7747"}},
    {"id": 2, "start": 10, "end": 15, "label": "COUNTRY", "text": "روسيا", "note": null, "annotator": "amal", "created": "2025-01-02T03:04:05Z", "modified": "2025-01-02T03:04:05.123456Z"}
  ],
  "review": {
    "by": "sara",
    "ok": true
  },
  "tool": "other"
}
"##;

#[test]
fn unknown_fields_at_every_level_survive_a_resave_byte_identical() {
    let text = "زار بوتين روسيا.";
    let file = UNKNOWN_FIELDS_FILE.replace(
        "a4fa3cbf5a8d8a85fda1d9bbc1d4326e4b5f8d8fdd4eea9a1a2e1e0cee02cbf7",
        &qalam_core::io::qalam_json::schema::text_sha256_hex(text),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("unknown.qalam.json");
    std::fs::write(&path, &file).unwrap();
    let loaded = load_path(&path).unwrap();
    let annotation = &loaded.annotation;
    assert_eq!(annotation.document().extra["author"], "someone");
    assert_eq!(annotation.labels().extra["scheme"], "demo-v2");
    assert_eq!(annotation.labels().labels[0].extra["wikidata"], "Q5");
    assert_eq!(annotation.spans()[0].extra["links"]["kb"], "Q7747");
    assert_eq!(annotation.extra()["review"]["by"], "sara");
    assert_eq!(to_json_string(annotation), file);
    save_path(&path, annotation, Some(&loaded.disk), false).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), file);
}

/// A gold-file span and a reviewed span, as the fast and validating readers must both read them.
fn reviewed_and_adjudicated() -> Annotation {
    let time = Utc.with_ymd_and_hms(2026, 12, 3, 12, 0, 0).unwrap();
    let mut parts = Annotation::new_at(Document::new("d", "زار بوتين روسيا."), time).into_parts();
    let mut person = span(1, 4, 9, "PERSON");
    person.review = Some(Review::new(
        "sara",
        ReviewDecision::Rejected,
        Some("ليس \"شخصاً\"".into()),
        time,
    ));
    let mut country = span(2, 10, 15, "COUNTRY");
    country.review = Some(Review::new("sara", ReviewDecision::Accepted, None, time));
    country.adjudication = Some(Adjudication {
        sources: vec!["amal".into(), "omar".into()],
        variants: vec![AdjudicationVariant {
            annotator: "huda".into(),
            start: 10,
            end: 16,
            label: "ORGANIZATION".into(),
        }],
        decided_by: "sara".into(),
        resolution: Resolution::Took,
        at: time,
    });
    country.extra.insert("z".into(), 1.into());
    parts.spans = vec![person, country, span(3, 0, 3, "EVENT")];
    Annotation::from_parts(parts).unwrap()
}

#[test]
fn review_and_adjudication_round_trip_through_both_readers() {
    let annotation = reviewed_and_adjudicated();
    let json = to_json_string(&annotation);
    let lines: Vec<&str> = json
        .lines()
        .filter(|l| l.starts_with("    {\"id\""))
        .collect();
    assert!(
        lines[1].trim_end_matches(',').ends_with(
            ", \"review\": {\"reviewer\": \"sara\", \"decision\": \"rejected\", \"reason\": \"ليس \\\"شخصاً\\\"\", \"at\": \"2026-12-03T12:00:00Z\"}}"
        ),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains(
        "\"adjudication\": {\"sources\": [\"amal\", \"omar\"], \"variants\": [{\"annotator\": \"huda\", \"start\": 10, \"end\": 16, \"label\": \"ORGANIZATION\"}], \"decided_by\": \"sara\", \"resolution\": \"took\", \"at\": \"2026-12-03T12:00:00Z\"}, \"z\": 1}"
    ));
    // The span without either writes neither key: files without reviews are unchanged.
    assert!(!lines[0].contains("review") && !lines[0].contains("adjudication"));
    let fast = qalam_core::io::qalam_json::fast_read::read_valid(&json).expect("fast path");
    assert_eq!(fast, annotation);
    assert_eq!(to_json_string(&fast), json);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reviewed.qalam.json");
    save_path(&path, &annotation, None, false).unwrap();
    assert_eq!(load_path(&path).unwrap().annotation, annotation);
}

#[test]
fn broken_reviews_are_refused_by_both_readers_with_a_message() {
    let json = to_json_string(&reviewed_and_adjudicated());
    for (from, to, message) in [
        (
            "\"decision\": \"rejected\"",
            "\"decision\": \"ok\"",
            "spans[1].review.decision must be one of \"accepted\", \"rejected\", \"fixed\", found \"ok\"",
        ),
        (
            "\"reviewer\": \"sara\", \"decision\": \"rejected\"",
            "\"decision\": \"rejected\"",
            "spans[1].review: missing required field \"reviewer\"",
        ),
        (
            "\"resolution\": \"took\"",
            "\"resolution\": \"merged\"",
            "spans[2].adjudication.resolution must be one of \"agreed\", \"took\", \"both\", \"edited\", found \"merged\"",
        ),
        (
            "\"start\": 10, \"end\": 16",
            "\"start\": \"10\", \"end\": 16",
            "spans[2].adjudication.variants[0].start must be a non-negative integer, found the string \"10\"",
        ),
        (
            "\"sources\": [\"amal\", \"omar\"]",
            "\"sources\": \"amal\"",
            "spans[2].adjudication.sources must be an array, found the string \"amal\"",
        ),
    ] {
        assert!(json.contains(from), "{from}");
        let broken = json.replacen(from, to, 1);
        assert!(
            qalam_core::io::qalam_json::fast_read::read_valid(&broken).is_none(),
            "{to}"
        );
        let errors = qalam_core::io::from_json_str(&broken, Path::new("t")).expect_err(to);
        let messages: Vec<&str> = errors.0.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, [message], "{to}");
    }
}

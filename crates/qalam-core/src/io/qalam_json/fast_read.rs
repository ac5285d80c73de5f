//! The fast path of the reader, for files without problems (nearly all of them): typed
//! deserialisation ([`fast_raw`](super::fast_raw)) and one cheap pass of checks over the result.
//!
//! It accepts exactly what the validating reader accepts and builds the same [`Annotation`]; on
//! the first sign of any problem it gives up (`None`) and the validating reader runs instead,
//! so diagnostics are as precise as ever. Valid files never build a `serde_json::Value` tree or
//! locate positions.

use super::fast_raw::{RawFile, RawLabels, RawSpan};
use super::schema::{FORMAT_NAME, FORMAT_VERSION, parse_color, parse_status, text_sha256_hex};
use crate::model::{
    Annotation, AnnotationParts, DocStatus, Document, Label, LabelSet, Span, SpanId,
};

/// Reads a valid file (byte-order mark already removed); `None` if anything is wrong.
pub fn read_valid(json: &str) -> Option<Annotation> {
    let raw: RawFile<'_> = serde_json::from_str(json).ok()?;
    if raw.format != FORMAT_NAME || raw.version != FORMAT_VERSION {
        return None;
    }
    let status = match raw.status.as_deref() {
        None => DocStatus::Todo,
        Some(name) => parse_status(name)?,
    };
    let document = read_document(raw.document)?;
    let labels = read_labels(raw.labels)?;
    let spans = read_spans(raw.spans, &document, &labels, raw.modified)?;
    Annotation::from_parts(AnnotationParts {
        document,
        labels,
        spans,
        status,
        annotator: raw.annotator,
        created: raw.created,
        modified: raw.modified,
        extra: raw.extra,
    })
    .ok()
}

/// The document, if its hash matches its text.
fn read_document(raw: super::fast_raw::RawDocument<'_>) -> Option<Document> {
    let hash = raw.text_sha256;
    if hash.len() != 64
        || !hash.bytes().all(|b| b.is_ascii_hexdigit())
        || !hash.eq_ignore_ascii_case(&text_sha256_hex(&raw.text))
    {
        return None;
    }
    let mut document = Document::new(raw.id, raw.text);
    if let Some(title) = raw.title {
        document.title = title;
    }
    document.source = raw.source;
    document.language = raw.language;
    document.metadata = raw.metadata.unwrap_or_default();
    document.extra = raw.extra;
    Some(document)
}

/// The label set, if every name is non-empty and unique, every colour `#rrggbb` and every hotkey
/// one character.
fn read_labels(raw: RawLabels<'_>) -> Option<LabelSet> {
    let mut labels: Vec<Label> = Vec::with_capacity(raw.items.len());
    for item in raw.items {
        if item.name.trim().is_empty() || labels.iter().any(|label| label.name == item.name) {
            return None;
        }
        let hotkey = match item.hotkey.as_deref() {
            None => None,
            Some(text) => {
                let mut chars = text.chars();
                match (chars.next(), chars.next()) {
                    (Some(key), None) => Some(key),
                    _ => return None,
                }
            }
        };
        labels.push(Label {
            color: parse_color(&item.color)?,
            name: item.name,
            hotkey,
            export_tag: item.export_tag,
            extra: item.extra,
        });
    }
    Some(LabelSet {
        labels,
        allow_overlaps: raw.allow_overlaps.unwrap_or(true),
        extra: raw.extra,
    })
}

/// The spans sorted by `(start, end, id)`, if every one is well placed, states the text it
/// covers, uses a defined label, has a unique id, and (when forbidden) none overlap.
fn read_spans(
    raw: Vec<RawSpan<'_>>,
    document: &Document,
    labels: &LabelSet,
    default_time: chrono::DateTime<chrono::Utc>,
) -> Option<Vec<Span>> {
    let text = document.text();
    let mut spans = Vec::with_capacity(raw.len());
    for item in raw {
        let start = usize::try_from(item.start).ok()?;
        let end = usize::try_from(item.end).ok()?;
        if start >= end || labels.get(&item.label).is_none() {
            return None;
        }
        let start_byte = document.byte_offset(start)?;
        let covered = item.text.as_ref();
        if !text[start_byte..].starts_with(covered) || covered.chars().count() != end - start {
            return None;
        }
        spans.push(Span {
            id: SpanId(item.id),
            start,
            end,
            label: item.label,
            note: item.note,
            annotator: item.annotator,
            created: item.created.unwrap_or(default_time),
            modified: item.modified.or(item.created).unwrap_or(default_time),
            review: item.review,
            adjudication: item.adjudication,
            extra: item.extra,
        });
    }
    let order = |span: &Span| (span.start, span.end, span.id);
    if !spans.is_sorted_by_key(order) {
        spans.sort_by_key(order);
    }
    let mut ids: Vec<u64> = spans.iter().map(|span| span.id.0).collect();
    ids.sort_unstable();
    if ids.windows(2).any(|pair| pair[0] == pair[1]) {
        return None;
    }
    if !labels.allow_overlaps && spans.windows(2).any(|pair| pair[1].start < pair[0].end) {
        return None;
    }
    Some(spans)
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::io::qalam_json::read::read_with_diagnostics;
    use crate::io::to_json_string;

    fn broken_fixtures() -> Vec<PathBuf> {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.to_string_lossy().ends_with(".qalam.json"))
            .collect();
        paths.sort();
        paths
    }

    #[test]
    fn fast_path_accepts_only_what_the_validating_reader_accepts() {
        let fixtures = broken_fixtures();
        assert!(fixtures.len() > 10, "{fixtures:?}");
        for path in fixtures {
            let json = std::fs::read_to_string(&path).unwrap();
            let slow = read_with_diagnostics(&json, &path);
            let fast = read_valid(&json);
            assert_eq!(fast.is_some(), slow.is_ok(), "{}", path.display());
            if let (Some(fast), Ok(slow)) = (fast, slow) {
                assert_eq!(fast, slow, "{}", path.display());
            }
        }
    }

    #[test]
    fn fast_path_builds_the_same_annotation_with_defaults_and_unknown_keys() {
        let mut ann = Annotation::new(Document::new("d", "زار بوتين روسيا.\r\n🙂 end"));
        for (start, end, label) in [(4, 9, "PERSON"), (10, 15, "COUNTRY"), (18, 19, "EVENT")] {
            let span = ann.new_span(start, end, label);
            ann.apply(crate::model::Edit::AddSpan(span)).unwrap();
        }
        let mut parts = ann.into_parts();
        parts.labels.allow_overlaps = false;
        parts.labels.extra.insert("scheme".into(), "x".into());
        parts
            .document
            .extra
            .insert("author".into(), serde_json::json!({"n": [1]}));
        parts.extra.insert("tool".into(), true.into());
        parts.spans[1].extra.insert("p".into(), 0.5.into());
        let ann = Annotation::from_parts(parts).unwrap();
        let json = to_json_string(&ann)
            .replacen(", \"created\": ", ", \"x\": null, \"created\": ", 1)
            .replacen("\"status\": \"todo\"", "\"status\": null", 1);
        let fast = read_valid(&json).expect("valid");
        assert_eq!(
            Ok(fast.clone()),
            read_with_diagnostics(&json, Path::new("t"))
        );
        assert_eq!(fast.span_text(&fast.spans()[2]), "🙂");
        let no_times = json.replace(", \"created\": \"", ", \"c\": \"");
        let fast = read_valid(&no_times).expect("valid");
        assert_eq!(fast.spans()[0].created, fast.modified());
        assert_eq!(Ok(fast), read_with_diagnostics(&no_times, Path::new("t")));
    }

    #[test]
    fn fast_path_gives_up_on_problems_the_broken_fixtures_do_not_cover() {
        let ann = {
            let mut ann = Annotation::new(Document::new("d", "abc def"));
            let span = ann.new_span(0, 3, "PERSON");
            ann.apply(crate::model::Edit::AddSpan(span)).unwrap();
            ann
        };
        let json = to_json_string(&ann);
        assert!(read_valid(&json).is_some());
        for (from, to) in [
            ("\"start\": 0", "\"start\": 0.0"),
            ("\"end\": 3", "\"end\": 8"),
            ("\"text\": \"abc\"", "\"text\": \"ab\""),
            ("\"hotkey\": \"P\"", "\"hotkey\": \"PP\""),
            ("\"name\": \"EVENT\"", "\"name\": \"PERSON\""),
            ("\"id\": \"d\"", "\"id\": 3"),
        ] {
            assert!(json.contains(from), "{from}");
            let broken = json.replacen(from, to, 1);
            assert!(read_valid(&broken).is_none(), "{to}");
            assert!(
                read_with_diagnostics(&broken, Path::new("t")).is_err(),
                "{to}"
            );
        }
        // A repeated known key is left to the validating reader, which refuses it (a JSON
        // parser would keep one of the values silently).
        let repeated = json.replacen("\"version\": 1", "\"version\": 1, \"version\": 1", 1);
        assert!(read_valid(&repeated).is_none());
        let errors = crate::io::from_json_str(&repeated, Path::new("t")).unwrap_err();
        assert!(
            errors.to_string().contains("version is given twice"),
            "{errors}"
        );
    }

    #[test]
    fn both_readers_agree_on_reviews_and_adjudications_null_and_unknown_keys() {
        use crate::model::{Adjudication, Edit, Resolution, Review, ReviewDecision};
        let mut ann = Annotation::new(Document::new("d", "زار بوتين روسيا."));
        for (start, end, label) in [(4, 9, "PERSON"), (10, 15, "COUNTRY"), (0, 3, "EVENT")] {
            let span = ann.new_span(start, end, label);
            ann.apply(Edit::AddSpan(span)).unwrap();
        }
        let at = ann.modified();
        let review = Review::new("sara", ReviewDecision::Rejected, Some("لا".into()), at);
        let mut parts = ann.into_parts();
        parts.spans[1].review = Some(review);
        parts.spans[2].adjudication = Some(Adjudication {
            sources: vec!["amal".into()],
            variants: Vec::new(),
            decided_by: "sara".into(),
            resolution: Resolution::Agreed,
            at,
        });
        let ann = Annotation::from_parts(parts).unwrap();
        let json = to_json_string(&ann);
        assert_eq!(read_valid(&json).as_ref(), Some(&ann));
        assert_eq!(
            read_with_diagnostics(&json, Path::new("t")).as_ref(),
            Ok(&ann)
        );
        let lenient = json
            .replacen(
                "\"decision\": \"rejected\"",
                "\"decision\": \"rejected\", \"x\": [1]",
                1,
            )
            .replacen(
                "\"resolution\": \"agreed\"",
                "\"y\": null, \"resolution\": \"agreed\"",
                1,
            )
            .replacen(
                "\"text\": \"زار\"",
                "\"text\": \"زار\", \"review\": null",
                1,
            );
        assert_ne!(lenient, json);
        assert_eq!(read_valid(&lenient).as_ref(), Some(&ann));
        assert_eq!(
            read_with_diagnostics(&lenient, Path::new("t")).as_ref(),
            Ok(&ann)
        );
        // Given twice, the fast path gives up and the validating reader refuses the file,
        // naming the key and both places (duplicate keys are never resolved silently).
        let twice = json.replacen("\"review\": {", "\"review\": null, \"review\": {", 1);
        assert!(read_valid(&twice).is_none());
        let refused = crate::io::from_json_str(&twice, Path::new("t"));
        let message = format!("{refused:?}");
        assert!(message.contains("spans[1].review is given twice"), "{message}");
    }
}

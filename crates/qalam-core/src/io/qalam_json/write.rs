//! The deterministic writer: stable key order, spans sorted by `(start, end, id)`, one span and
//! one label per line, 2-space indentation elsewhere, UTF-8 left unescaped, final newline.

use serde_json::{Map, Value};

use super::schema::{FORMAT_NAME, FORMAT_VERSION, format_color, status_name, text_sha256_hex};
use super::timestamp::push_timestamp;
use crate::model::{Adjudication, Annotation, Document, Label, LabelSet, Review, Span};

/// Serialises `ann` as a `.qalam.json` version 1 document. The same annotation always gives the
/// same bytes.
pub fn to_json_string(ann: &Annotation) -> String {
    let text = ann.document().text();
    let mut out = String::with_capacity(text.len() * 2 + ann.spans().len() * 220 + 1024);
    out.push_str("{\n");
    push_key(&mut out, 1, "format");
    push_str(&mut out, FORMAT_NAME);
    out.push_str(",\n");
    push_key(&mut out, 1, "version");
    push_number(&mut out, FORMAT_VERSION);
    out.push_str(",\n");
    push_document(&mut out, ann);
    push_key(&mut out, 1, "status");
    push_str(&mut out, status_name(ann.status()));
    out.push_str(",\n");
    push_key(&mut out, 1, "annotator");
    push_opt_str(&mut out, ann.annotator());
    out.push_str(",\n");
    push_key(&mut out, 1, "created");
    push_timestamp_str(&mut out, ann.created());
    out.push_str(",\n");
    push_key(&mut out, 1, "modified");
    push_timestamp_str(&mut out, ann.modified());
    out.push_str(",\n");
    push_labels(&mut out, ann.labels());
    push_spans(&mut out, ann);
    push_block_extra(&mut out, 1, ann.extra());
    out.push_str("\n}\n");
    out
}

/// The `"document"` object, followed by `,\n`.
fn push_document(out: &mut String, ann: &Annotation) {
    let document = &ann.document();
    push_key(out, 1, "document");
    out.push_str("{\n");
    push_key(out, 2, "id");
    push_str(out, &document.id);
    out.push_str(",\n");
    push_key(out, 2, "title");
    push_str(out, &document.title);
    out.push_str(",\n");
    push_key(out, 2, "source");
    push_opt_str(out, document.source.as_deref());
    out.push_str(",\n");
    push_key(out, 2, "language");
    push_opt_str(out, document.language.as_deref());
    out.push_str(",\n");
    push_key(out, 2, "metadata");
    push_pretty(out, 2, &Value::Object(sorted_map(&document.metadata)));
    out.push_str(",\n");
    push_key(out, 2, "text");
    push_str(out, document.text());
    out.push_str(",\n");
    push_key(out, 2, "text_sha256");
    push_str(out, &text_sha256_hex(document.text()));
    push_block_extra(out, 2, &document.extra);
    out.push_str("\n  },\n");
}

/// The `"labels"` object (a top-level key) with one label per line, followed by `,\n`. Shared
/// with the corpus file, whose label set has the same shape.
pub(crate) fn push_labels(out: &mut String, labels: &LabelSet) {
    push_key(out, 1, "labels");
    out.push_str("{\n");
    push_key(out, 2, "allow_overlaps");
    out.push_str(if labels.allow_overlaps {
        "true"
    } else {
        "false"
    });
    out.push_str(",\n");
    push_key(out, 2, "items");
    if labels.labels.is_empty() {
        out.push_str("[]");
    } else {
        out.push_str("[\n");
        for (index, label) in labels.labels.iter().enumerate() {
            if index > 0 {
                out.push_str(",\n");
            }
            indent(out, 3);
            push_label(out, label);
        }
        out.push('\n');
        indent(out, 2);
        out.push(']');
    }
    push_block_extra(out, 2, &labels.extra);
    out.push_str("\n  },\n");
}

/// One label as a single-line object.
fn push_label(out: &mut String, label: &Label) {
    out.push_str("{\"name\": ");
    push_str(out, &label.name);
    out.push_str(", \"color\": ");
    push_str(out, &format_color(label.color));
    out.push_str(", \"hotkey\": ");
    match label.hotkey {
        Some(key) => push_str(out, key.encode_utf8(&mut [0; 4])),
        None => out.push_str("null"),
    }
    out.push_str(", \"export_tag\": ");
    push_opt_str(out, label.export_tag.as_deref());
    push_inline_extra(out, &label.extra);
    out.push('}');
}

/// The `"spans"` array with one span per line, sorted by `(start, end, id)`.
fn push_spans(out: &mut String, ann: &Annotation) {
    push_key(out, 1, "spans");
    if ann.spans().is_empty() {
        out.push_str("[]");
        return;
    }
    let order = |span: &&Span| (span.start, span.end, span.id);
    let mut spans: Vec<&Span> = ann.spans().iter().collect();
    if !spans.is_sorted_by_key(order) {
        spans.sort_by_key(order);
    }
    out.push_str("[\n");
    for (index, span) in spans.iter().enumerate() {
        if index > 0 {
            out.push_str(",\n");
        }
        indent(out, 2);
        push_span(out, span, span_text(ann.document(), span.start, span.end));
    }
    out.push_str("\n  ]");
}

/// One span as a single-line object; `covered` is the text at its offsets.
fn push_span(out: &mut String, span: &Span, covered: &str) {
    out.push_str("{\"id\": ");
    push_number(out, span.id.0);
    out.push_str(", \"start\": ");
    push_number(out, span.start as u64);
    out.push_str(", \"end\": ");
    push_number(out, span.end as u64);
    out.push_str(", \"label\": ");
    push_str(out, &span.label);
    out.push_str(", \"text\": ");
    push_str(out, covered);
    out.push_str(", \"note\": ");
    push_opt_str(out, span.note.as_deref());
    out.push_str(", \"annotator\": ");
    push_opt_str(out, span.annotator.as_deref());
    out.push_str(", \"created\": ");
    push_timestamp_str(out, span.created);
    out.push_str(", \"modified\": ");
    push_timestamp_str(out, span.modified);
    if let Some(review) = &span.review {
        out.push_str(", \"review\": ");
        push_review(out, review);
    }
    if let Some(adjudication) = &span.adjudication {
        out.push_str(", \"adjudication\": ");
        push_adjudication(out, adjudication);
    }
    push_inline_extra(out, &span.extra);
    out.push('}');
}

/// A span's `"review"` object, inline.
fn push_review(out: &mut String, review: &Review) {
    out.push_str("{\"reviewer\": ");
    push_str(out, &review.reviewer);
    out.push_str(", \"decision\": ");
    push_str(out, review.decision.name());
    out.push_str(", \"reason\": ");
    push_opt_str(out, review.reason.as_deref());
    out.push_str(", \"at\": ");
    push_timestamp_str(out, review.at);
    out.push('}');
}

/// A span's `"adjudication"` object, inline.
fn push_adjudication(out: &mut String, adjudication: &Adjudication) {
    out.push_str("{\"sources\": [");
    for (index, source) in adjudication.sources.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        push_str(out, source);
    }
    out.push_str("], \"variants\": [");
    for (index, variant) in adjudication.variants.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        out.push_str("{\"annotator\": ");
        push_str(out, &variant.annotator);
        out.push_str(", \"start\": ");
        push_number(out, variant.start as u64);
        out.push_str(", \"end\": ");
        push_number(out, variant.end as u64);
        out.push_str(", \"label\": ");
        push_str(out, &variant.label);
        out.push('}');
    }
    out.push_str("], \"decided_by\": ");
    push_str(out, &adjudication.decided_by);
    out.push_str(", \"resolution\": ");
    push_str(out, adjudication.resolution.name());
    out.push_str(", \"at\": ");
    push_timestamp_str(out, adjudication.at);
    out.push('}');
}

/// Unknown fields of a multi-line object at `level`, sorted, each preceded by `,\n`.
fn push_block_extra(out: &mut String, level: usize, extra: &Map<String, Value>) {
    for (key, value) in sorted(extra) {
        out.push_str(",\n");
        push_key(out, level, key);
        push_pretty(out, level, &sorted_value(value));
    }
}

/// Unknown fields of a single-line object, sorted, in compact form.
fn push_inline_extra(out: &mut String, extra: &Map<String, Value>) {
    for (key, value) in sorted(extra) {
        out.push_str(", ");
        push_str(out, key);
        out.push_str(": ");
        out.push_str(&value.to_string());
    }
}

/// The text of code points `[start, end)` of `document`, clamped to the text (an out-of-range
/// span, which the model should never hold, writes the part that exists rather than panicking).
fn span_text(document: &Document, start: usize, end: usize) -> &str {
    let char_len = document.char_len();
    let end = end.min(char_len);
    document.slice(start.min(end), end).unwrap_or_default()
}

/// A timestamp as a JSON string (it never needs escaping).
fn push_timestamp_str(out: &mut String, time: chrono::DateTime<chrono::Utc>) {
    out.push('"');
    push_timestamp(out, time);
    out.push('"');
}

/// A non-negative integer in decimal, without allocating.
fn push_number(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    for &digit in &digits[at..] {
        out.push(char::from(digit));
    }
}

/// `"key": ` at `level` levels of 2-space indentation.
pub(crate) fn push_key(out: &mut String, level: usize, key: &str) {
    indent(out, level);
    push_str(out, key);
    out.push_str(": ");
}

/// `level` levels of 2-space indentation.
pub(crate) fn indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

/// A JSON string literal, or `null` for `None`.
pub(crate) fn push_opt_str(out: &mut String, value: Option<&str>) {
    match value {
        Some(value) => push_str(out, value),
        None => out.push_str("null"),
    }
}

/// A JSON string literal; only `"`, `\` and control characters are escaped, everything else
/// (Arabic, emoji, directional marks) is written as UTF-8.
pub(crate) fn push_str(out: &mut String, value: &str) {
    out.push('"');
    let mut plain_from = 0;
    for (index, byte) in value.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&value[plain_from..index]);
        if escape.is_empty() {
            out.push_str(&format!("\\u{byte:04x}"));
        } else {
            out.push_str(escape);
        }
        plain_from = index + 1;
    }
    out.push_str(&value[plain_from..]);
    out.push('"');
}

/// A nested value pretty-printed with 2-space indentation, continuing at `level`.
fn push_pretty(out: &mut String, level: usize, value: &Value) {
    let pretty = serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string());
    for (index, line) in pretty.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
            indent(out, level);
        }
        out.push_str(line);
    }
}

/// Map entries sorted by key, whatever the map's own order.
fn sorted(map: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut entries: Vec<_> = map.iter().collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    entries
}

/// A copy of `map` with keys in sorted order at every level.
fn sorted_map(map: &Map<String, Value>) -> Map<String, Value> {
    sorted(map)
        .into_iter()
        .map(|(key, value)| (key.clone(), sorted_value(value)))
        .collect()
}

fn sorted_value(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(sorted_map(map)),
        Value::Array(items) => Value::Array(items.iter().map(sorted_value).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::model::{Document, SpanId};

    fn sample() -> Annotation {
        let time = Utc.with_ymd_and_hms(2025, 1, 2, 3, 4, 5).unwrap();
        let mut parts =
            Annotation::new_at(Document::new("doc", "زار بوتين روسيا."), time).into_parts();
        let span = |id, start, end, label: &str| Span::new(SpanId(id), start, end, label, time);
        parts.spans = vec![span(2, 10, 15, "COUNTRY"), span(1, 4, 9, "PERSON")];
        Annotation::from_parts(parts).unwrap()
    }

    #[test]
    fn one_span_per_line_sorted_with_covered_text() {
        let json = to_json_string(&sample());
        let span_lines: Vec<&str> = json
            .lines()
            .filter(|line| line.starts_with("    {\"id\""))
            .collect();
        assert_eq!(span_lines.len(), 2);
        assert!(span_lines[0].contains("\"id\": 1, \"start\": 4, \"end\": 9"));
        assert!(span_lines[0].contains("\"text\": \"بوتين\""));
        assert!(span_lines[1].contains("\"text\": \"روسيا\""));
        assert!(json.ends_with("]\n}\n"));
    }

    #[test]
    fn top_level_keys_in_order_then_sorted_extra() {
        let mut parts = sample().into_parts();
        parts.extra.insert("zeta".into(), Value::from(1));
        parts
            .extra
            .insert("alpha".into(), serde_json::json!({"b": [1, 2], "a": null}));
        let ann = Annotation::from_parts(parts).unwrap();
        let json = to_json_string(&ann);
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["alpha"]["b"][1], 2);
        let top_keys: Vec<&str> = json
            .lines()
            .filter(|line| line.starts_with("  \""))
            .map(|line| line[3..].split('"').next().unwrap())
            .collect();
        let mut expected: Vec<&str> = super::super::schema::TOP_LEVEL_KEYS.to_vec();
        expected.extend(["alpha", "zeta"]);
        assert_eq!(top_keys, expected);
    }

    #[test]
    fn span_text_is_clamped_to_the_text() {
        let document = Document::new("d", "زار بوتين");
        assert_eq!(span_text(&document, 4, 9), "بوتين");
        assert_eq!(span_text(&document, 4, 99), "بوتين");
        assert_eq!(span_text(&document, 50, 99), "");
        assert_eq!(span_text(&document, 5, 2), "");
    }

    #[test]
    fn strings_escape_only_what_json_requires() {
        let mut out = String::new();
        push_str(&mut out, "a\"b\\c\nd\u{1}é\u{200f}🙂");
        assert_eq!(out, "\"a\\\"b\\\\c\\nd\\u0001é\u{200f}🙂\"");
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, "a\"b\\c\nd\u{1}é\u{200f}🙂");
    }

    #[test]
    fn output_is_deterministic_and_valid_json() {
        let ann = sample();
        let first = to_json_string(&ann);
        assert_eq!(first, to_json_string(&ann.clone()));
        let value: Value = serde_json::from_str(&first).unwrap();
        assert_eq!(
            value["document"]["text_sha256"],
            text_sha256_hex(ann.document().text())
        );
    }
}

//! Reading and checking the `"spans"` array: types, offsets against the text, the covered text,
//! labels, duplicate ids and (when forbidden) overlaps.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::fields::{Fields, Need, quote_short};
use super::locate::child;
use super::problems::{Problems, display_name};
use super::read_review::{read_adjudication, read_review};
use super::schema::SPAN_KEYS;
use crate::model::{Document, Span, SpanId};

/// What spans are checked against.
#[derive(Debug)]
pub struct SpanContext<'a> {
    /// The document (its text and offset index), when it could be read.
    pub document: Option<&'a Document>,
    /// Every label name defined in the file.
    pub label_names: &'a [String],
    /// Whether spans may overlap.
    pub allow_overlaps: bool,
    /// Timestamp for spans without `created`/`modified`.
    pub default_time: DateTime<Utc>,
}

/// Reads the spans at JSON Pointer `at`, recording every problem. Returns the spans without
/// problems, sorted by `(start, end, id)`.
pub fn read_spans(
    items: &[Value],
    at: &str,
    context: &SpanContext<'_>,
    problems: &mut Problems,
) -> Vec<Span> {
    let mut spans: Vec<(Span, String)> = Vec::with_capacity(items.len());
    let mut first_id_at: HashMap<u64, String> = HashMap::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let span_at = child(at, &index.to_string());
        let Some(fields) = Fields::new(item, span_at, problems) else {
            continue;
        };
        if let Some(span) = read_span(&fields, context, &mut first_id_at, problems) {
            spans.push((span, fields.at().to_owned()));
        }
    }
    spans.sort_by_key(|(span, _)| (span.start, span.end, span.id));
    if !context.allow_overlaps {
        report_overlaps(&spans, problems);
    }
    spans.into_iter().map(|(span, _)| span).collect()
}

/// Reads one span; `None` if it has any problem.
fn read_span(
    fields: &Fields<'_>,
    context: &SpanContext<'_>,
    first_id_at: &mut HashMap<u64, String>,
    problems: &mut Problems,
) -> Option<Span> {
    let before = problems.list().len();
    let id = fields.uint(problems, "id");
    let name = match id {
        Some(id) => format!("{} (id {id})", display_name(fields.at())),
        None => display_name(fields.at()),
    };
    if let Some(id) = id {
        let id_at = fields.pointer("id");
        if let Some(first) = first_id_at.get(&id) {
            problems.push_duplicate(id_at, format!("duplicate span id {id}"), first.clone());
        } else {
            first_id_at.insert(id, id_at);
        }
    }
    let start = fields.usize(problems, "start");
    let end = fields.usize(problems, "end");
    let label = fields.string(problems, "label", Need::Required);
    let covered = fields.string(problems, "text", Need::Required);
    let note = fields.string(problems, "note", Need::Optional);
    let annotator = fields.string(problems, "annotator", Need::Optional);
    let created = fields.timestamp(problems, "created", Need::Optional);
    let modified = fields.timestamp(problems, "modified", Need::Optional);
    let review = read_review(fields, problems);
    let adjudication = read_adjudication(fields, problems);

    if let (Some(start), Some(end)) = (start, end) {
        check_offsets(
            fields,
            &name,
            start,
            end,
            covered,
            context.document,
            problems,
        );
    }
    if let Some(label) = label
        && !context.label_names.iter().any(|known| known == label)
    {
        problems.push(
            fields.pointer("label"),
            format!(
                "{name}: unknown label {} (the labels are {})",
                quote_short(label),
                if context.label_names.is_empty() {
                    "none".to_owned()
                } else {
                    context.label_names.join(", ")
                }
            ),
        );
    }
    if problems.list().len() > before {
        return None;
    }
    Some(Span {
        id: SpanId(id?),
        start: start?,
        end: end?,
        label: label?.to_owned(),
        note: note.map(str::to_owned),
        annotator: annotator.map(str::to_owned),
        created: created.unwrap_or(context.default_time),
        modified: modified.or(created).unwrap_or(context.default_time),
        review,
        adjudication,
        extra: fields.unknown_map(&SPAN_KEYS),
    })
}

/// Checks `start < end <= text length` and that `"text"` is what the offsets cover.
fn check_offsets(
    fields: &Fields<'_>,
    name: &str,
    start: usize,
    end: usize,
    covered: Option<&str>,
    text: Option<&Document>,
    problems: &mut Problems,
) {
    if start >= end {
        problems.push(
            fields.pointer("start"),
            format!(
                "{name}: start {start} is not before end {end} (a span covers at least one code point)"
            ),
        );
        return;
    }
    let Some(text) = text else {
        return;
    };
    if end > text.char_len() {
        problems.push(
            fields.pointer("end"),
            format!(
                "{name}: end {end} is past the end of the text ({} code points)",
                text.char_len()
            ),
        );
        return;
    }
    let actual = text.slice(start, end).unwrap_or_default();
    if let Some(covered) = covered
        && covered != actual
    {
        problems.push(
            fields.pointer("text"),
            format!(
                "{name}: \"text\" is {} but the document text at [{start}, {end}) is {}",
                quote_short(covered),
                quote_short(actual)
            ),
        );
    }
}

/// Reports each span that starts before an earlier span (in `(start, end, id)` order) ends.
fn report_overlaps(spans: &[(Span, String)], problems: &mut Problems) {
    let mut reach: Option<&Span> = None;
    for (span, at) in spans {
        if let Some(previous) = reach
            && span.start < previous.end
        {
            problems.push(
                at.clone(),
                format!(
                    "{} (id {}) [{}, {}) overlaps span id {} [{}, {}) but labels.allow_overlaps is false",
                    display_name(at),
                    span.id.0,
                    span.start,
                    span.end,
                    previous.id.0,
                    previous.start,
                    previous.end
                ),
            );
        }
        if reach.is_none_or(|previous| span.end > previous.end) {
            reach = Some(span);
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn check(spans: Value, allow_overlaps: bool) -> (Vec<Span>, Vec<String>) {
        let document = Document::new("d", "زار بوتين روسيا.");
        let labels = vec!["PERSON".to_owned(), "COUNTRY".to_owned()];
        let context = SpanContext {
            document: Some(&document),
            label_names: &labels,
            allow_overlaps,
            default_time: DateTime::UNIX_EPOCH,
        };
        let mut problems = Problems::default();
        let items = spans.as_array().unwrap();
        let spans = read_spans(items, "/spans", &context, &mut problems);
        let messages = problems.list().iter().map(|p| p.message.clone()).collect();
        (spans, messages)
    }

    #[test]
    fn good_spans_are_sorted_and_keep_extra_fields() {
        let (spans, messages) = check(
            json!([
                {"id": 2, "start": 10, "end": 15, "label": "COUNTRY", "text": "روسيا", "x": true},
                {"id": 1, "start": 4, "end": 9, "label": "PERSON", "text": "بوتين",
                 "created": "2025-01-01T00:00:00Z"}
            ]),
            false,
        );
        assert!(messages.is_empty(), "{messages:?}");
        assert_eq!(spans[0].id, SpanId(1));
        assert_eq!(spans[0].modified, spans[0].created);
        assert_eq!(spans[1].extra["x"], json!(true));
        assert_eq!(spans[1].created, DateTime::UNIX_EPOCH);
    }

    #[test]
    fn every_span_problem_is_reported() {
        let (spans, messages) = check(
            json!([
                {"id": 1, "start": 9, "end": 4, "label": "PERSON", "text": "x"},
                {"id": 2, "start": 10, "end": 99, "label": "COUNTRY", "text": "روسيا"},
                {"id": 3, "start": 4, "end": 9, "label": "PERSON", "text": "روسيا"},
                {"id": 3, "start": 10, "end": 15, "label": "PERS", "text": "روسيا"}
            ]),
            true,
        );
        assert!(spans.is_empty());
        assert_eq!(
            messages,
            vec![
                "spans[0] (id 1): start 9 is not before end 4 (a span covers at least one code point)",
                "spans[1] (id 2): end 99 is past the end of the text (16 code points)",
                "spans[2] (id 3): \"text\" is \"روسيا\" but the document text at [4, 9) is \"بوتين\"",
                "duplicate span id 3",
                "spans[3] (id 3): unknown label \"PERS\" (the labels are PERSON, COUNTRY)",
            ]
        );
    }

    #[test]
    fn overlaps_are_reported_only_when_forbidden() {
        let spans = json!([
            {"id": 1, "start": 4, "end": 15, "label": "PERSON", "text": "بوتين روسيا"},
            {"id": 2, "start": 10, "end": 15, "label": "COUNTRY", "text": "روسيا"}
        ]);
        let (_, allowed) = check(spans.clone(), true);
        assert!(allowed.is_empty());
        let (_, forbidden) = check(spans, false);
        assert_eq!(
            forbidden,
            vec![
                "spans[1] (id 2) [10, 15) overlaps span id 1 [4, 15) but labels.allow_overlaps is false"
            ]
        );
    }
}

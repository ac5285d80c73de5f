//! doccano sequence-labelling JSONL, one document per line, offsets in code points.
//!
//! Export writes `{"id": ID, "text": TEXT, "label": [[START, END, "TAG"], ...]}` (plus
//! `"meta"` when the document has metadata), or with
//! [`ExportOptions::doccano_entities`](super::ExportOptions::doccano_entities) the newer
//! `"entities": [{"id", "start_offset", "end_offset", "label"}], "relations": []` form.
//! Import reads both forms; `id` becomes the document id (else `FILE-LINE`), `meta` and every
//! other unknown key go into the document's metadata, relations are reported as dropped, and
//! every empty, reversed or out-of-range span is reported with its file and line.

use std::path::Path;

use serde_json::{Map, Value, json};

use super::standoff::{
    AtomicFile, DraftDoc, DraftSpan, TagMap, build, file_stem, id_text, import_entry,
    range_problem, read_text, span_ref,
};
use super::{
    Action, ExportOptions, Exporter, ImportOptions, Imported, InterchangeError, Location, Report,
};
use crate::model::Annotation;

/// A doccano exporter writing the JSONL file `out`.
pub fn exporter(
    out: &Path,
    options: &ExportOptions,
) -> Result<Box<dyn Exporter>, InterchangeError> {
    Ok(Box::new(DoccanoExporter {
        file: AtomicFile::create(out)?,
        options: options.clone(),
    }))
}

struct DoccanoExporter {
    file: AtomicFile,
    options: ExportOptions,
}

impl Exporter for DoccanoExporter {
    fn write(
        &mut self,
        annotation: &Annotation,
        _report: &mut Report,
    ) -> Result<(), InterchangeError> {
        let line = to_line(annotation, &self.options);
        self.file.write_all(line.as_bytes())?;
        self.file.write_all(b"\n")
    }

    fn finish(self: Box<Self>, _report: &mut Report) -> Result<(), InterchangeError> {
        self.file.commit()
    }
}

/// One document as a doccano JSON line (without the newline).
pub fn to_line(annotation: &Annotation, options: &ExportOptions) -> String {
    let labels = annotation.labels();
    let document = annotation.document();
    let mut object = Map::new();
    object.insert("id".into(), json!(document.id));
    object.insert("text".into(), json!(document.text()));
    let spans = annotation.spans();
    if options.doccano_entities {
        let entities: Vec<Value> = spans
            .iter()
            .map(|span| {
                json!({
                    "id": span.id.0,
                    "start_offset": span.start,
                    "end_offset": span.end,
                    "label": options.tag_for(labels, &span.label),
                })
            })
            .collect();
        object.insert("entities".into(), Value::Array(entities));
        object.insert("relations".into(), Value::Array(Vec::new()));
    } else {
        let label: Vec<Value> = spans
            .iter()
            .map(|span| json!([span.start, span.end, options.tag_for(labels, &span.label)]))
            .collect();
        object.insert("label".into(), Value::Array(label));
    }
    if !document.metadata.is_empty() {
        object.insert("meta".into(), Value::Object(document.metadata.clone()));
    }
    Value::Object(object).to_string()
}

/// Imports a doccano JSONL file.
pub fn import(path: &Path, options: &ImportOptions) -> Result<Imported, InterchangeError> {
    let input = read_text(path)?;
    import_str(&input, path, options)
}

/// Imports doccano JSONL text read from `path` (used for ids and report locations).
pub fn import_str(
    input: &str,
    path: &Path,
    options: &ImportOptions,
) -> Result<Imported, InterchangeError> {
    let mut tags = TagMap::new(options);
    let mut report = Report::default();
    let mut drafts = Vec::new();
    let stem = file_stem(path);
    for (index, line) in input.lines().enumerate() {
        let at = Location {
            file: path.to_owned(),
            line: index + 1,
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let fallback_id = format!("{stem}-{}", index + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(object)) => {
                if let Some(draft) = read_object(object, &fallback_id, &at, &mut tags, &mut report)
                {
                    drafts.push(draft);
                }
            }
            Ok(_) => report.push(import_entry(
                &fallback_id,
                &at,
                None,
                Action::Dropped,
                "the line is not a JSON object",
            )),
            Err(error) => report.push(import_entry(
                &fallback_id,
                &at,
                None,
                Action::Dropped,
                format!("the line is not JSON: {error}"),
            )),
        }
    }
    let labels = tags.into_labels();
    let documents = build(drafts, &labels, chrono::Utc::now(), path)?;
    Ok(Imported { documents, report })
}

fn read_object(
    mut object: Map<String, Value>,
    fallback_id: &str,
    at: &Location,
    tags: &mut TagMap,
    report: &mut Report,
) -> Option<DraftDoc> {
    let id = object
        .remove("id")
        .and_then(|id| id_text(&id))
        .unwrap_or_else(|| fallback_id.to_owned());
    let Some(Value::String(text)) = object.remove("text") else {
        report.push(import_entry(
            &id,
            at,
            None,
            Action::Dropped,
            "no \"text\" string: document skipped",
        ));
        return None;
    };
    let len = text.chars().count();
    let mut triples: Vec<(Option<u64>, Value, Value, Value)> = Vec::new();
    if let Some(label) = object.remove("label") {
        for item in as_array(label) {
            match item {
                Value::Array(mut triple) if triple.len() == 3 => {
                    let tag = triple.pop().unwrap_or_default();
                    let end = triple.pop().unwrap_or_default();
                    let start = triple.pop().unwrap_or_default();
                    triples.push((None, start, end, tag));
                }
                other => report.push(import_entry(
                    &id,
                    at,
                    None,
                    Action::Dropped,
                    format!("label item {other} is not [start, end, \"TAG\"]"),
                )),
            }
        }
    }
    if let Some(entities) = object.remove("entities") {
        for item in as_array(entities) {
            match item {
                Value::Object(mut entity) => triples.push((
                    entity.get("id").and_then(Value::as_u64),
                    entity.remove("start_offset").unwrap_or_default(),
                    entity.remove("end_offset").unwrap_or_default(),
                    entity.remove("label").unwrap_or_default(),
                )),
                other => report.push(import_entry(
                    &id,
                    at,
                    None,
                    Action::Dropped,
                    format!("entity {other} is not an object"),
                )),
            }
        }
    }
    if let Some(relations) = object.remove("relations") {
        for relation in as_array(relations) {
            report.push(import_entry(
                &id,
                at,
                None,
                Action::Dropped,
                format!("relation {relation}: Qalam has no relations"),
            ));
        }
    }
    let mut spans = Vec::new();
    for (span_id, start, end, tag) in triples {
        let Some(tag) = tag.as_str().filter(|tag| !tag.is_empty()) else {
            report.push(import_entry(
                &id,
                at,
                None,
                Action::Dropped,
                format!("label {tag} is not a tag name"),
            ));
            continue;
        };
        let (Some(start), Some(end)) = (offset(&start), offset(&end)) else {
            report.push(import_entry(
                &id,
                at,
                Some(span_ref(0, 0, "", tag)),
                Action::Dropped,
                format!("bad offsets {start}, {end}: not whole numbers"),
            ));
            continue;
        };
        if let Some(problem) = range_problem(start, end, len) {
            report.push(import_entry(
                &id,
                at,
                Some(span_ref(start, end, "", tag)),
                Action::Dropped,
                problem,
            ));
            continue;
        }
        let label = tags.label_for(tag, &id, at, report);
        spans.push(DraftSpan {
            id: span_id,
            start,
            end,
            label,
            note: None,
            annotator: None,
        });
    }
    let mut metadata = Map::new();
    if let Some(Value::Object(meta)) = object.get("meta") {
        metadata = meta.clone();
        object.remove("meta");
    }
    for (key, value) in object {
        metadata.insert(key, value);
    }
    Some(DraftDoc {
        id,
        text,
        metadata,
        annotator: None,
        spans,
    })
}

fn as_array(value: Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items,
        Value::Null => Vec::new(),
        other => vec![other],
    }
}

fn offset(value: &Value) -> Option<usize> {
    value
        .as_u64()
        .and_then(|number| usize::try_from(number).ok())
}

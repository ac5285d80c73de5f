//! Writing Label Studio tasks (full JSON or JSON_MIN), one document at a time, as one JSON list.

use std::path::Path;

use serde_json::{Map, Value, json};

use super::PREDICTION_PREFIX;
use crate::interchange::standoff::AtomicFile;
use crate::interchange::{ExportOptions, Exporter, InterchangeError, Report};
use crate::model::{Annotation, Span};

/// A Label Studio full-JSON exporter writing the list of tasks to `out`.
pub fn exporter(
    out: &Path,
    options: &ExportOptions,
) -> Result<Box<dyn Exporter>, InterchangeError> {
    new(out, options, false)
}

/// A Label Studio JSON_MIN exporter writing to `out`.
pub fn exporter_min(
    out: &Path,
    options: &ExportOptions,
) -> Result<Box<dyn Exporter>, InterchangeError> {
    new(out, options, true)
}

fn new(
    out: &Path,
    options: &ExportOptions,
    min: bool,
) -> Result<Box<dyn Exporter>, InterchangeError> {
    Ok(Box::new(LabelStudioExporter {
        file: AtomicFile::create(out)?,
        options: options.clone(),
        min,
        tasks: 0,
        annotations: 0,
    }))
}

struct LabelStudioExporter {
    file: AtomicFile,
    options: ExportOptions,
    min: bool,
    tasks: u64,
    annotations: u64,
}

impl Exporter for LabelStudioExporter {
    fn write(
        &mut self,
        annotation: &Annotation,
        _report: &mut Report,
    ) -> Result<(), InterchangeError> {
        let items = if self.min {
            min_rows(annotation, &self.options, self.tasks + 1)
        } else {
            vec![task_json(
                annotation,
                &self.options,
                self.tasks + 1,
                &mut self.annotations,
            )]
        };
        for item in items {
            self.tasks += 1;
            let separator: &[u8] = if self.tasks == 1 { b"[\n" } else { b",\n" };
            self.file.write_all(separator)?;
            self.file.write_all(item.to_string().as_bytes())?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>, _report: &mut Report) -> Result<(), InterchangeError> {
        let end: &[u8] = if self.tasks == 0 { b"[]\n" } else { b"\n]\n" };
        self.file.write_all(end)?;
        self.file.commit()
    }
}

/// The spans grouped by annotator (the span's, else the document's), in order of first
/// appearance; one empty group for a document without spans.
fn groups(annotation: &Annotation) -> Vec<(Option<String>, Vec<&Span>)> {
    let mut groups: Vec<(Option<String>, Vec<&Span>)> = Vec::new();
    for span in annotation.spans() {
        let who = span
            .annotator
            .clone()
            .or_else(|| annotation.annotator().map(str::to_owned));
        match groups.iter_mut().find(|(name, _)| *name == who) {
            Some((_, spans)) => spans.push(span),
            None => groups.push((who, vec![span])),
        }
    }
    if groups.is_empty() {
        groups.push((annotation.annotator().map(str::to_owned), Vec::new()));
    }
    groups
}

fn result_item(annotation: &Annotation, span: &Span, options: &ExportOptions, min: bool) -> Value {
    let index = annotation.document().char_index();
    // Spans lie within the text (Annotation guarantees it), so both conversions succeed.
    let start = index.cp_to_utf16(span.start).unwrap_or_default();
    let end = index.cp_to_utf16(span.end).unwrap_or_default();
    let mut value = json!({
        "start": start,
        "end": end,
        "text": annotation.span_text(span),
        "labels": [options.tag_for(annotation.labels(), &span.label)],
    });
    if !min {
        value = json!({
            "id": format!("q{}", span.id.0),
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": value,
        });
    }
    if let (Some(note), Value::Object(object)) = (&span.note, &mut value) {
        object.insert("meta".into(), json!({ "text": [note] }));
    }
    value
}

/// One document as a Label Studio task numbered `task_id`; annotation ids continue from
/// `annotation_ids`.
pub fn task_json(
    annotation: &Annotation,
    options: &ExportOptions,
    task_id: u64,
    annotation_ids: &mut u64,
) -> Value {
    let document = annotation.document();
    let mut annotations = Vec::new();
    let mut predictions = Vec::new();
    for (who, spans) in groups(annotation) {
        *annotation_ids += 1;
        let result: Vec<Value> = spans
            .iter()
            .map(|span| result_item(annotation, span, options, false))
            .collect();
        match who
            .as_deref()
            .and_then(|name| name.strip_prefix(PREDICTION_PREFIX))
        {
            Some(model) => predictions.push(json!({
                "id": *annotation_ids,
                "model_version": model,
                "result": result,
            })),
            None => {
                let mut item = Map::new();
                item.insert("id".into(), json!(*annotation_ids));
                if let Some(name) = who {
                    item.insert("completed_by".into(), json!({ "email": name }));
                }
                item.insert("result".into(), Value::Array(result));
                item.insert("was_cancelled".into(), json!(false));
                item.insert("ground_truth".into(), json!(false));
                annotations.push(Value::Object(item));
            }
        }
    }
    let mut task = Map::new();
    task.insert("id".into(), json!(task_id));
    task.insert(
        "data".into(),
        json!({ "text": document.text(), "document": document.id }),
    );
    if !document.metadata.is_empty() {
        task.insert("meta".into(), Value::Object(document.metadata.clone()));
    }
    task.insert("annotations".into(), Value::Array(annotations));
    task.insert("predictions".into(), Value::Array(predictions));
    Value::Object(task)
}

/// The JSON_MIN rows of one document (one per annotator group), numbered from `first_id`.
fn min_rows(annotation: &Annotation, options: &ExportOptions, first_id: u64) -> Vec<Value> {
    let document = annotation.document();
    groups(annotation)
        .into_iter()
        .zip(first_id..)
        .map(|((who, spans), id)| {
            let label: Vec<Value> = spans
                .iter()
                .map(|span| result_item(annotation, span, options, true))
                .collect();
            let mut row = Map::new();
            row.insert("id".into(), json!(id));
            row.insert("document".into(), json!(document.id));
            row.insert("text".into(), json!(document.text()));
            row.insert("label".into(), Value::Array(label));
            if let Some(name) = who {
                row.insert("annotator".into(), json!(name));
            }
            if !document.metadata.is_empty() {
                row.insert("meta".into(), Value::Object(document.metadata.clone()));
            }
            Value::Object(row)
        })
        .collect()
}

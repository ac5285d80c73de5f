//! Reading Label Studio tasks (full JSON or JSON_MIN, detected per task).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::PREDICTION_PREFIX;
use crate::interchange::standoff::{
    DraftDoc, DraftSpan, Lines, TagMap, build, file_stem, id_text, import_entry, read_text,
    span_ref, trailing_number,
};
use crate::interchange::{Action, ImportOptions, Imported, InterchangeError, Location, Report};
use crate::model::CharIndex;

type Fields<'a> = BTreeMap<String, &'a RawValue>;

/// Imports a Label Studio JSON file (a list of tasks, or one task).
pub fn import(path: &Path, options: &ImportOptions) -> Result<Imported, InterchangeError> {
    let input = read_text(path)?;
    import_str(&input, path, options)
}

struct Reader<'a> {
    path: &'a Path,
    lines: Lines,
    options: &'a ImportOptions,
    tags: TagMap,
    report: Report,
    drafts: Vec<DraftDoc>,
}

/// Imports Label Studio JSON text read from `path` (used for ids and report locations).
pub fn import_str(
    input: &str,
    path: &Path,
    options: &ImportOptions,
) -> Result<Imported, InterchangeError> {
    let malformed = |error: serde_json::Error| {
        InterchangeError::malformed(
            path,
            error.line(),
            format!("not Label Studio JSON: {error}"),
        )
    };
    let tasks: Vec<&RawValue> = if input.trim_start().starts_with('[') {
        serde_json::from_str(input).map_err(malformed)?
    } else {
        vec![serde_json::from_str(input).map_err(malformed)?]
    };
    let mut reader = Reader {
        path,
        lines: Lines::new(input),
        options,
        tags: TagMap::new(options),
        report: Report::default(),
        drafts: Vec::new(),
    };
    let stem = file_stem(path);
    for (index, task) in tasks.into_iter().enumerate() {
        let at = reader.at(task);
        let fallback = format!("{stem}-{}", index + 1);
        match serde_json::from_str::<Fields<'_>>(task.get()) {
            Ok(fields) => reader.task(fields, &fallback, &at),
            Err(_) => reader.report.push(import_entry(
                &fallback,
                &at,
                None,
                Action::Dropped,
                "the task is not a JSON object",
            )),
        }
    }
    let labels = reader.tags.into_labels();
    let documents = build(reader.drafts, &labels, chrono::Utc::now(), path)?;
    Ok(Imported {
        documents,
        report: reader.report,
    })
}

fn parse<T: serde::de::DeserializeOwned>(raw: Option<&&RawValue>) -> Option<T> {
    raw.and_then(|raw| serde_json::from_str(raw.get()).ok())
}

/// The annotator named by `completed_by` / `annotator`: a number, a string, or an object with
/// `email` (else first and last name, else id).
fn annotator_name(value: &Value) -> Option<String> {
    match value {
        Value::Object(user) => user
            .get("email")
            .and_then(Value::as_str)
            .filter(|email| !email.is_empty())
            .map(str::to_owned)
            .or_else(|| {
                let name = ["first_name", "last_name"]
                    .iter()
                    .filter_map(|key| user.get(*key).and_then(Value::as_str))
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                (!name.is_empty()).then_some(name)
            })
            .or_else(|| user.get("id").and_then(id_text)),
        other => id_text(other),
    }
}

impl Reader<'_> {
    fn at(&self, raw: &RawValue) -> Location {
        Location {
            file: self.path.to_owned(),
            line: self.lines.line_of_slice(raw.get()),
        }
    }

    fn task(&mut self, mut fields: Fields<'_>, fallback: &str, at: &Location) {
        let task_id: Option<String> = parse::<Value>(fields.get("id")).and_then(|id| id_text(&id));
        let mut metadata: Map<String, Value> = parse(fields.get("meta")).unwrap_or_default();
        let min = !fields.contains_key("data");
        let (text, id) = if min {
            let text: Option<String> = parse(fields.get("text"));
            let id: Option<String> = parse(fields.get("document"));
            (text, id)
        } else {
            let mut data: Map<String, Value> = parse(fields.get("data")).unwrap_or_default();
            let id = match data.remove("document") {
                Some(Value::String(id)) => Some(id),
                Some(other) => {
                    data.insert("document".into(), other);
                    None
                }
                None => None,
            };
            let text = match data.remove("text") {
                Some(Value::String(text)) => Some(text),
                _ => data
                    .values()
                    .find_map(|value| value.as_str().map(str::to_owned)),
            };
            for (key, value) in data {
                metadata.entry(key).or_insert(value);
            }
            (text, id)
        };
        let id = id
            .or_else(|| task_id.map(|task| format!("task-{task}")))
            .unwrap_or_else(|| fallback.to_owned());
        let Some(text) = text else {
            self.report.push(import_entry(
                &id,
                at,
                None,
                Action::Dropped,
                "the task has no text: skipped",
            ));
            return;
        };
        let index = CharIndex::new(&text);
        let doc = Doc {
            id: &id,
            text: &text,
            index: &index,
            metadata: &metadata,
        };
        if min {
            let who = parse::<Value>(fields.get("annotator")).and_then(|who| annotator_name(&who));
            let mut spans = Vec::new();
            for (key, raw) in &fields {
                if ["text", "document", "annotator", "meta", "id"].contains(&key.as_str()) {
                    continue;
                }
                let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(raw.get()) else {
                    continue;
                };
                for item in items {
                    let Ok(value) = serde_json::from_str::<Map<String, Value>>(item.get()) else {
                        continue;
                    };
                    if value.contains_key("start") {
                        let at = self.at(item);
                        spans.extend(self.region(&doc, &value, None, &who, &at));
                    }
                }
            }
            self.push(&doc, who, spans);
            return;
        }
        let annotations: Vec<&RawValue> = fields
            .remove("annotations")
            .and_then(|raw| serde_json::from_str(raw.get()).ok())
            .unwrap_or_default();
        let predictions: Vec<&RawValue> = fields
            .remove("predictions")
            .and_then(|raw| serde_json::from_str(raw.get()).ok())
            .unwrap_or_default();
        let mut any = false;
        for (raw, prediction) in annotations
            .iter()
            .map(|raw| (raw, false))
            .chain(predictions.iter().map(|raw| (raw, true)))
        {
            any = true;
            let at = self.at(raw);
            let Ok(item) = serde_json::from_str::<Fields<'_>>(raw.get()) else {
                self.report.push(import_entry(
                    &id,
                    &at,
                    None,
                    Action::Dropped,
                    "annotation is not an object",
                ));
                continue;
            };
            let who = if prediction {
                let model = parse::<Value>(item.get("model_version"))
                    .and_then(|model| id_text(&model))
                    .filter(|model| !model.is_empty())
                    .unwrap_or_else(|| "model".to_owned());
                Some(format!("{PREDICTION_PREFIX}{model}"))
            } else {
                parse::<Value>(item.get("completed_by")).and_then(|who| annotator_name(&who))
            };
            if let Some(wanted) = &self.options.annotator
                && who.as_deref() != Some(wanted.as_str())
            {
                continue;
            }
            if parse::<bool>(item.get("was_cancelled")) == Some(true) {
                self.report.push(import_entry(
                    &id,
                    &at,
                    None,
                    Action::Dropped,
                    "cancelled annotation skipped",
                ));
                continue;
            }
            if prediction {
                self.report.push(import_entry(
                    &id,
                    &at,
                    None,
                    Action::Noted,
                    format!(
                        "prediction imported as annotator «{}»",
                        who.as_deref().unwrap_or_default()
                    ),
                ));
            }
            let results: Vec<&RawValue> = parse_raw_list(item.get("result"));
            let mut spans = Vec::new();
            for result in results {
                let at = self.at(result);
                spans.extend(self.result(&doc, result, &who, &at));
            }
            self.push(&doc, who, spans);
        }
        if !any && self.options.annotator.is_none() {
            self.push(&doc, None, Vec::new());
        }
    }

    fn push(&mut self, doc: &Doc<'_>, annotator: Option<String>, spans: Vec<DraftSpan>) {
        self.drafts.push(DraftDoc {
            id: doc.id.to_owned(),
            text: doc.text.to_owned(),
            metadata: doc.metadata.clone(),
            annotator,
            spans,
        });
    }

    fn result(
        &mut self,
        doc: &Doc<'_>,
        raw: &RawValue,
        who: &Option<String>,
        at: &Location,
    ) -> Vec<DraftSpan> {
        let Ok(mut item) = serde_json::from_str::<Map<String, Value>>(raw.get()) else {
            self.report.push(import_entry(
                doc.id,
                at,
                None,
                Action::Dropped,
                "result item is not an object",
            ));
            return Vec::new();
        };
        let kind = item
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        if kind != "labels" {
            self.report.push(import_entry(
                doc.id,
                at,
                None,
                Action::Dropped,
                format!("result of type «{kind}» not imported: Qalam keeps labelled spans only"),
            ));
            return Vec::new();
        }
        let id = item
            .get("id")
            .and_then(Value::as_str)
            .and_then(trailing_number);
        let mut value = match item.remove("value") {
            Some(Value::Object(value)) => value,
            _ => Map::new(),
        };
        if let Some(meta) = item.remove("meta") {
            value.insert("meta".into(), meta);
        }
        self.region(doc, &value, id, who, at)
    }

    /// The spans of one region `{"start", "end", "text", "labels", "meta"}` (UTF-16 offsets).
    fn region(
        &mut self,
        doc: &Doc<'_>,
        value: &Map<String, Value>,
        id: Option<u64>,
        who: &Option<String>,
        at: &Location,
    ) -> Vec<DraftSpan> {
        let claimed = value.get("text").and_then(Value::as_str);
        let labels: Vec<String> = value
            .get("labels")
            .and_then(Value::as_array)
            .map(|labels| {
                labels
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let first = labels.first().cloned().unwrap_or_default();
        let units = |key: &str| {
            value
                .get(key)
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
        };
        let (Some(start16), Some(end16)) = (units("start"), units("end")) else {
            self.report.push(import_entry(
                doc.id,
                at,
                Some(span_ref(0, 0, claimed.unwrap_or_default(), &first)),
                Action::Dropped,
                "bad offsets: start and end must be whole numbers",
            ));
            return Vec::new();
        };
        let drop = |reader: &mut Self, reason: String| {
            reader.report.push(import_entry(
                doc.id,
                at,
                Some(span_ref(
                    start16,
                    end16,
                    claimed.unwrap_or_default(),
                    &first,
                )),
                Action::Dropped,
                reason,
            ));
            Vec::new()
        };
        let len16 = doc.index.utf16_len();
        if start16 >= end16 || end16 > len16 {
            let what = if start16 == end16 {
                "empty span".to_owned()
            } else if start16 > end16 {
                "start is after end".to_owned()
            } else {
                format!("out of range: the text has {len16} UTF-16 units")
            };
            return drop(self, what);
        }
        let (Some(start), Some(end)) =
            (doc.index.utf16_to_cp(start16), doc.index.utf16_to_cp(end16))
        else {
            return drop(
                self,
                "offset falls inside a surrogate pair (an emoji or other astral character)"
                    .to_owned(),
            );
        };
        if labels.is_empty() {
            return drop(self, "region without a label".to_owned());
        }
        let actual: String = doc.text.chars().skip(start).take(end - start).collect();
        if let Some(claimed) = claimed
            && claimed != actual
        {
            self.report.push(import_entry(
                doc.id,
                at,
                Some(span_ref(start, end, &actual, &first)),
                Action::Noted,
                format!("text mismatch: the file says «{claimed}»; kept at the offsets"),
            ));
        }
        let note = value
            .get("meta")
            .and_then(|meta| meta.get("text"))
            .and_then(|text| match text {
                Value::Array(parts) => {
                    let parts: Vec<&str> = parts.iter().filter_map(Value::as_str).collect();
                    (!parts.is_empty()).then(|| parts.join("\n"))
                }
                Value::String(text) => Some(text.clone()),
                _ => None,
            });
        labels
            .iter()
            .enumerate()
            .map(|(n, tag)| DraftSpan {
                id: id.filter(|_| n == 0),
                start,
                end,
                label: self.tags.label_for(tag, doc.id, at, &mut self.report),
                note: note.clone(),
                annotator: who.clone(),
            })
            .collect()
    }
}

fn parse_raw_list<'a>(raw: Option<&&'a RawValue>) -> Vec<&'a RawValue> {
    raw.and_then(|raw| serde_json::from_str(raw.get()).ok())
        .unwrap_or_default()
}

struct Doc<'a> {
    id: &'a str,
    text: &'a str,
    index: &'a CharIndex,
    metadata: &'a Map<String, Value>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotators_come_from_numbers_emails_or_names() {
        assert_eq!(annotator_name(&serde_json::json!(4)).as_deref(), Some("4"));
        let named =
            serde_json::json!({"id": 2, "email": "", "first_name": "سارة", "last_name": "علي"});
        assert_eq!(annotator_name(&named).as_deref(), Some("سارة علي"));
        assert_eq!(
            annotator_name(&serde_json::json!({"id": 9})).as_deref(),
            Some("9")
        );
    }

    #[test]
    fn a_single_json_min_row_imports_with_its_annotator_and_line() {
        let input = "{\"text\": \"😀 موسكو\",\n \"annotator\": 3,\n \"label\": [\n{\"start\": 3, \"end\": 8, \"text\": \"موسكو\", \"labels\": [\"GPE\"]},\n{\"start\": 0, \"end\": 1, \"labels\": [\"GPE\"]}]}";
        let imported = import_str(input, Path::new("min.json"), &ImportOptions::default()).unwrap();
        let document = &imported.documents[0];
        assert_eq!(document.annotator(), Some("3"));
        assert_eq!(document.spans().len(), 1);
        assert_eq!(document.span_text(&document.spans()[0]), "موسكو");
        let entry = &imported.report.entries[0];
        assert_eq!(entry.location.as_ref().map(|at| at.line), Some(5));
        assert!(entry.reason.contains("surrogate pair"), "{entry}");
    }

    /// Found by the `label_studio` fuzz target: a region id ending in 18446744073709551615 made
    /// the next fresh span id overflow (a panic in debug builds, a repeated id in release).
    #[test]
    fn regression_fuzz_region_id_u64_max_overflowed_the_next_span_id() {
        let region = |id: &str, start: u32, end: u32| {
            serde_json::json!({"id": id, "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": start, "end": end, "labels": ["PERSON"]}})
        };
        let input = serde_json::json!([{"id": 1, "data": {"text": "زار بوتين روسيا"},
        "annotations": [{"result": [
            region("b0000018446744073709551615", 0, 3),
            region("x", 4, 9),
            region("y", 10, 15),
        ]}]}])
        .to_string();
        let imported =
            import_str(&input, Path::new("max-id.json"), &ImportOptions::default()).unwrap();
        let mut ids: Vec<u64> = imported.documents[0]
            .spans()
            .iter()
            .map(|span| span.id.0)
            .collect();
        ids.sort_unstable();
        assert_eq!(ids, [1, 2, u64::MAX]);
    }
}

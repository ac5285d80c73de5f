//! Reading Prodigy JSONL: one task per line, accepted tasks become documents, everything that
//! cannot be kept exactly is reported with file and line.

use std::path::Path;

use serde_json::{Map, Value};

use super::{ACCEPT, ANNOTATOR_KEY};
use crate::interchange::standoff::{
    DraftDoc, DraftSpan, TagMap, build, file_stem, id_text, import_entry, range_problem, read_text,
    span_ref,
};
use crate::interchange::{Action, ImportOptions, Imported, InterchangeError, Location, Report};
use crate::model::{Annotation, CharIndex};

/// Imports a Prodigy JSONL file.
pub fn import(path: &Path, options: &ImportOptions) -> Result<Imported, InterchangeError> {
    let input = read_text(path)?;
    import_str(&input, path, options)
}

/// Imports Prodigy JSONL text read from `path` (used for ids and report locations).
pub fn import_str(
    input: &str,
    path: &Path,
    options: &ImportOptions,
) -> Result<Imported, InterchangeError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut reader = Reader {
        tags: TagMap::new(options),
        report: Report::default(),
    };
    let mut drafts = Vec::new();
    let mut fields = Vec::new();
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
        let problem = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(object)) => {
                if let Some((draft, own)) = reader.task(object, &fallback_id, &at) {
                    drafts.push(draft);
                    fields.push(own);
                }
                continue;
            }
            Ok(_) => "the line is not a JSON object".to_owned(),
            Err(error) => format!("the line is not JSON: {error}"),
        };
        reader.report.push(import_entry(
            &fallback_id,
            &at,
            None,
            Action::Dropped,
            problem,
        ));
    }
    let labels = reader.tags.into_labels();
    let documents = build(drafts, &labels, chrono::Utc::now(), path)?
        .into_iter()
        .zip(fields)
        .map(|(annotation, own)| own.apply(annotation, path))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Imported {
        documents,
        report: reader.report,
    })
}

/// The document fields `meta` may hold besides the id (a [`DraftDoc`] has none of them).
#[derive(Debug, Default)]
struct DocumentFields {
    title: Option<String>,
    source: Option<String>,
    language: Option<String>,
}

impl DocumentFields {
    fn apply(self, annotation: Annotation, path: &Path) -> Result<Annotation, InterchangeError> {
        if self.title.is_none() && self.source.is_none() && self.language.is_none() {
            return Ok(annotation);
        }
        let mut parts = annotation.into_parts();
        if let Some(title) = self.title {
            parts.document.title = title;
        }
        parts.document.source = self.source;
        parts.document.language = self.language;
        Annotation::from_parts(parts)
            .map_err(|error| InterchangeError::malformed(path, 0, error.to_string()))
    }
}

/// A token of the file: its code-point range, checked against the text.
#[derive(Debug, Clone, Copy)]
struct FileToken {
    start: usize,
    end: usize,
}

struct Reader {
    tags: TagMap,
    report: Report,
}

impl Reader {
    fn task(
        &mut self,
        mut object: Map<String, Value>,
        fallback_id: &str,
        at: &Location,
    ) -> Option<(DraftDoc, DocumentFields)> {
        let mut meta = match object.remove("meta") {
            Some(Value::Object(meta)) => meta,
            Some(other) => Map::from_iter([("meta".to_owned(), other)]),
            None => Map::new(),
        };
        let id = meta
            .remove("id")
            .and_then(|id| id_text(&id))
            .or_else(|| object.remove("id").and_then(|id| id_text(&id)))
            .unwrap_or_else(|| fallback_id.to_owned());
        match object.remove("answer") {
            None => {}
            Some(Value::String(answer)) if answer == ACCEPT => {}
            Some(Value::String(answer)) if answer == "reject" || answer == "ignore" => {
                self.drop_task(&id, at, format!("answer «{answer}»: task skipped"));
                return None;
            }
            Some(other) => {
                self.drop_task(
                    &id,
                    at,
                    format!("answer {other} is not accept, reject or ignore: task skipped"),
                );
                return None;
            }
        }
        let Some(Value::String(text)) = object.remove("text") else {
            self.drop_task(&id, at, "no \"text\" string: task skipped".to_owned());
            return None;
        };
        let index = CharIndex::new(&text);
        let slice = |start: usize, end: usize| {
            index
                .cp_range_to_bytes(start..end)
                .and_then(|bytes| text.get(bytes))
        };
        let tokens = object
            .remove("tokens")
            .and_then(|tokens| self.tokens(tokens, &id, at, &slice));
        let mut spans = Vec::new();
        if let Some(items) = object.remove("spans") {
            for item in as_array(items) {
                if let Some(span) =
                    self.span(item, &id, at, index.char_len(), tokens.as_deref(), &slice)
                {
                    spans.push(span);
                }
            }
        }
        let annotator = match object.remove(ANNOTATOR_KEY) {
            Some(Value::String(name)) if !name.is_empty() => Some(name),
            Some(other) => {
                object.insert(ANNOTATOR_KEY.to_owned(), other);
                None
            }
            None => None,
        };
        let mut own = DocumentFields::default();
        for (key, field) in [
            ("title", &mut own.title),
            ("source", &mut own.source),
            ("language", &mut own.language),
        ] {
            if let Some(Value::String(value)) = meta.get(key) {
                *field = Some(value.clone());
                meta.remove(key);
            }
        }
        let mut metadata = meta;
        for (key, value) in object {
            if metadata.contains_key(&key) {
                self.report.push(import_entry(
                    &id,
                    at,
                    None,
                    Action::Noted,
                    format!("«{key}» is in meta and at the top level: the top-level value kept"),
                ));
            }
            metadata.insert(key, value);
        }
        let draft = DraftDoc {
            id,
            text,
            metadata,
            annotator,
            spans,
        };
        Some((draft, own))
    }

    fn drop_task(&mut self, id: &str, at: &Location, reason: String) {
        self.report
            .push(import_entry(id, at, None, Action::Dropped, reason));
    }

    /// The task's tokens, if every one is an object whose `start`/`end` lie in the text and
    /// whose `text` (when given) is the text there; else the first bad one is noted and the
    /// tokens are not used.
    fn tokens<'t>(
        &mut self,
        tokens: Value,
        id: &str,
        at: &Location,
        slice: &impl Fn(usize, usize) -> Option<&'t str>,
    ) -> Option<Vec<FileToken>> {
        let items = as_array(tokens);
        let mut result = Vec::with_capacity(items.len());
        for (n, item) in items.iter().enumerate() {
            let start = item.get("start").and_then(offset);
            let end = item.get("end").and_then(offset);
            let problem = match (start, end) {
                (Some(start), Some(end)) => match slice(start, end) {
                    None => Some(format!("[{start}, {end}) is not a range of the text")),
                    Some(covered) => match item.get("text").and_then(Value::as_str) {
                        Some(claimed) if claimed != covered => Some(format!(
                            "is «{claimed}» but the text at [{start}, {end}) is «{covered}»"
                        )),
                        _ => {
                            result.push(FileToken { start, end });
                            None
                        }
                    },
                },
                _ => Some("has no whole-number \"start\" and \"end\"".to_owned()),
            };
            if let Some(problem) = problem {
                self.report.push(import_entry(
                    id,
                    at,
                    None,
                    Action::Noted,
                    format!("token {n} {problem}: the tokens are not used"),
                ));
                return None;
            }
        }
        Some(result)
    }

    fn span<'t>(
        &mut self,
        item: Value,
        id: &str,
        at: &Location,
        len: usize,
        tokens: Option<&[FileToken]>,
        slice: &impl Fn(usize, usize) -> Option<&'t str>,
    ) -> Option<DraftSpan> {
        let Value::Object(span) = item else {
            self.report.push(import_entry(
                id,
                at,
                None,
                Action::Dropped,
                format!("span {item} is not an object"),
            ));
            return None;
        };
        let Some(tag) = span
            .get("label")
            .and_then(Value::as_str)
            .filter(|tag| !tag.is_empty())
        else {
            self.report.push(import_entry(
                id,
                at,
                None,
                Action::Dropped,
                format!("span {} has no label", Value::Object(span.clone())),
            ));
            return None;
        };
        let token_range = match (span.get("token_start"), span.get("token_end")) {
            (Some(first), Some(last)) => offset(first).zip(offset(last)),
            _ => None,
        };
        let by_tokens = token_range.and_then(|(first, last)| {
            let tokens = tokens?;
            Some((tokens.get(first)?.start, tokens.get(last)?.end))
        });
        let (start, end) = match (span.get("start"), span.get("end")) {
            (None, None) => match by_tokens {
                Some(range) => range,
                None => {
                    self.report.push(import_entry(
                        id,
                        at,
                        Some(span_ref(0, 0, "", tag)),
                        Action::Dropped,
                        "no \"start\"/\"end\" offsets (and no tokens to place token_start/token_end)",
                    ));
                    return None;
                }
            },
            (start, end) => match (start.and_then(offset), end.and_then(offset)) {
                (Some(start), Some(end)) => (start, end),
                _ => {
                    let show =
                        |value: Option<&Value>| value.map_or("none".to_owned(), Value::to_string);
                    self.report.push(import_entry(
                        id,
                        at,
                        Some(span_ref(0, 0, "", tag)),
                        Action::Dropped,
                        format!(
                            "bad offsets {}, {}: not whole numbers",
                            show(start),
                            show(end)
                        ),
                    ));
                    return None;
                }
            },
        };
        if let Some(problem) = range_problem(start, end, len) {
            self.report.push(import_entry(
                id,
                at,
                Some(span_ref(start, end, "", tag)),
                Action::Dropped,
                problem,
            ));
            return None;
        }
        let covered = slice(start, end).unwrap_or_default();
        if let (Some((first, last)), Some(_)) = (token_range, tokens)
            && by_tokens != Some((start, end))
        {
            let shown = match by_tokens {
                Some((a, b)) => format!("[{a}, {b}) «{}»", slice(a, b).unwrap_or_default()),
                None => "no tokens of the task".to_owned(),
            };
            self.report.push(import_entry(
                id,
                at,
                Some(span_ref(start, end, covered, tag)),
                Action::Noted,
                format!(
                    "token_start {first} / token_end {last} cover {shown}, not the offsets; kept at the offsets"
                ),
            ));
        }
        if let Some(claimed) = span.get("text").and_then(Value::as_str)
            && claimed != covered
        {
            self.report.push(import_entry(
                id,
                at,
                Some(span_ref(start, end, covered, tag)),
                Action::Noted,
                format!("text mismatch: the file says «{claimed}»; kept at the offsets"),
            ));
        }
        let note = span.get("note").and_then(Value::as_str).map(str::to_owned);
        let label = self.tags.label_for(tag, id, at, &mut self.report);
        Some(DraftSpan {
            id: None,
            start,
            end,
            label,
            note,
            annotator: None,
        })
    }
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

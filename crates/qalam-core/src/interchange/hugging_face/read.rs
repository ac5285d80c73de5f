//! Import of a Hugging Face token-classification folder (or one of its JSONL files): the card's
//! `ClassLabel` names turn `ner_tags` ids back into tags (rows may also hold tag strings), rows
//! with the same `document` in a row are one document, whose text is the tokens joined by one
//! space, sentences by a line break. Tags are decoded with
//! [`decode`](crate::tokenize::tags::decode) (IOB2, BIOES, IOB1); each repaired tag is reported.

use std::path::{Path, PathBuf};

use chrono::Utc;
use serde_json::Value;

use super::card;
use crate::interchange::report::{Action, Entry, Location, SpanRef};
use crate::interchange::{ImportOptions, Imported, InterchangeError, Report};
use crate::model::label_colors::most_distinct_color;
use crate::model::{Annotation, AnnotationParts, Document, Label, LabelSet, Span, SpanId};
use crate::tokenize::tags::decode;

/// Imports the folder `path` (its card and data files) or a single JSONL file of one (the card
/// beside it gives the names).
pub fn import(path: &Path, options: &ImportOptions) -> Result<Imported, InterchangeError> {
    let (folder, files) = if path.is_dir() {
        (path.to_path_buf(), None)
    } else {
        let folder = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        (folder, Some(vec![path.to_path_buf()]))
    };
    let readme = folder.join("README.md");
    let card = match std::fs::read_to_string(&readme) {
        Ok(text) => {
            let card = card::parse(&text);
            if let Some(card) = &card {
                check_data_files(card, &text, &readme)?;
            }
            card
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(InterchangeError::io(&readme, error)),
    };
    let files = files.unwrap_or_else(|| match &card {
        Some(card) if !card.data_files.is_empty() => card
            .data_files
            .iter()
            .map(|(_, file)| folder.join(file))
            .collect(),
        _ => card::SPLITS
            .iter()
            .map(|name| folder.join(format!("{name}.jsonl")))
            .filter(|file| file.is_file())
            .collect(),
    });
    let tags = card.map(|card| card.tags).unwrap_or_default();
    let mut builder = Builder::new(options);
    for file in files {
        let text =
            std::fs::read_to_string(&file).map_err(|error| InterchangeError::io(&file, error))?;
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let row: Value = serde_json::from_str(line).map_err(|error| {
                InterchangeError::malformed(&file, index + 1, format!("not a JSON object: {error}"))
            })?;
            builder.row(&row, &tags, &file, index + 1)?;
        }
    }
    builder.flush();
    Ok(Imported {
        documents: builder.documents,
        report: builder.report,
    })
}

/// Refuses a card whose data files are not inside its folder (an absolute path, a drive or a
/// `..` step): an import reads only the folder it was given. The error names the card's line.
fn check_data_files(card: &card::Card, text: &str, readme: &Path) -> Result<(), InterchangeError> {
    for (_, file) in &card.data_files {
        if is_inside(file) {
            continue;
        }
        let line = text
            .lines()
            .position(|line| {
                line.trim()
                    .strip_prefix("path:")
                    .is_some_and(|value| value.contains(file.as_str()))
            })
            .map_or(0, |index| index + 1);
        return Err(InterchangeError::malformed(
            readme,
            line,
            format!(
                "data file «{file}» is outside the dataset folder: only relative paths without `..` are read"
            ),
        ));
    }
    Ok(())
}

/// Whether `file` is a non-empty relative path that stays inside its folder.
fn is_inside(file: &str) -> bool {
    use std::path::Component;
    !file.is_empty()
        && !file.starts_with(['/', '\\'])
        && !file.contains(':')
        && Path::new(file)
            .components()
            .all(|part| matches!(part, Component::Normal(_) | Component::CurDir))
        && !file.split(['/', '\\']).any(|part| part == "..")
}

/// One document being read: its sentences' tokens and tags.
struct Pending {
    id: String,
    rows: Vec<(Vec<String>, Vec<String>, Location)>,
}

struct Builder<'a> {
    options: &'a ImportOptions,
    labels: LabelSet,
    pending: Option<Pending>,
    documents: Vec<Annotation>,
    report: Report,
    rows_without_document: usize,
}

impl<'a> Builder<'a> {
    fn new(options: &'a ImportOptions) -> Self {
        let labels = options.labels.clone().unwrap_or_else(|| LabelSet {
            labels: Vec::new(),
            ..LabelSet::default()
        });
        Self {
            options,
            labels,
            pending: None,
            documents: Vec::new(),
            report: Report::default(),
            rows_without_document: 0,
        }
    }

    fn row(
        &mut self,
        row: &Value,
        names: &[String],
        file: &Path,
        line: usize,
    ) -> Result<(), InterchangeError> {
        let malformed = |message: &str| InterchangeError::malformed(file, line, message);
        let tokens: Vec<String> = row
            .get("tokens")
            .and_then(Value::as_array)
            .ok_or_else(|| malformed("no `tokens` list"))?
            .iter()
            .map(|token| {
                token
                    .as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| malformed("a token is not a string"))
            })
            .collect::<Result<_, _>>()?;
        let raw = row
            .get("ner_tags")
            .and_then(Value::as_array)
            .ok_or_else(|| malformed("no `ner_tags` list"))?;
        if raw.len() != tokens.len() {
            return Err(malformed(&format!(
                "{} tokens but {} ner_tags",
                tokens.len(),
                raw.len()
            )));
        }
        let mut tags = Vec::with_capacity(raw.len());
        for tag in raw {
            let tag = match tag {
                Value::String(text) => text.clone(),
                Value::Number(number) => {
                    let id = number.as_u64().and_then(|id| usize::try_from(id).ok());
                    match id.and_then(|id| names.get(id)) {
                        Some(name) => name.clone(),
                        None => {
                            return Err(malformed(&format!(
                                "tag id {number} has no name in the card's class_label names"
                            )));
                        }
                    }
                }
                _ => return Err(malformed("a tag is neither a number nor a string")),
            };
            tags.push(tag);
        }
        let id = match row.get("document").and_then(Value::as_str) {
            Some(id) => id.to_owned(),
            None => {
                self.rows_without_document += 1;
                let stem = file
                    .file_stem()
                    .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
                format!("{stem}-{}", self.rows_without_document)
            }
        };
        if self
            .pending
            .as_ref()
            .is_some_and(|pending| pending.id != id)
        {
            self.flush();
        }
        let pending = self.pending.get_or_insert_with(|| Pending {
            id,
            rows: Vec::new(),
        });
        pending.rows.push((
            tokens,
            tags,
            Location {
                file: file.to_path_buf(),
                line,
            },
        ));
        Ok(())
    }

    /// Turns the pending rows into a document.
    fn flush(&mut self) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        let mut text = String::new();
        let mut at = 0usize;
        let mut found: Vec<(usize, usize, String, Location)> = Vec::new();
        for (sentence, (tokens, tags, location)) in pending.rows.iter().enumerate() {
            if sentence > 0 {
                text.push('\n');
                at += 1;
            }
            let mut starts = Vec::with_capacity(tokens.len());
            let mut ends = Vec::with_capacity(tokens.len());
            for (index, token) in tokens.iter().enumerate() {
                if index > 0 {
                    text.push(' ');
                    at += 1;
                }
                starts.push(at);
                text.push_str(token);
                at += token.chars().count();
                ends.push(at);
            }
            let (entities, repairs) = decode(tags.iter().map(String::as_str));
            for repair in repairs {
                self.report.push(Entry {
                    document: pending.id.clone(),
                    location: Some(location.clone()),
                    span: Some(SpanRef {
                        start: starts[repair.token],
                        end: ends[repair.token],
                        text: tokens[repair.token].clone(),
                        label: repair.tag.clone(),
                    }),
                    action: Action::Noted,
                    reason: format!("`{}` {}", repair.tag, repair.reason),
                });
            }
            for entity in entities {
                found.push((
                    starts[entity.tokens.start],
                    ends[entity.tokens.end - 1],
                    entity.label,
                    location.clone(),
                ));
            }
        }
        let now = Utc::now();
        let mut spans = Vec::with_capacity(found.len());
        for (index, (start, end, tag, location)) in found.into_iter().enumerate() {
            let label = self.label_for(&tag, &pending.id, &location, start, end, &text);
            spans.push(Span::new(SpanId(index as u64 + 1), start, end, &label, now));
        }
        let parts = AnnotationParts {
            document: Document::new(pending.id.clone(), text),
            labels: self.labels.clone(),
            spans,
            ..Annotation::new_at(Document::new("", ""), now).into_parts()
        };
        match Annotation::from_parts(parts) {
            Ok(annotation) => self.documents.push(annotation),
            Err(error) => self.report.push(Entry {
                document: pending.id,
                location: None,
                span: None,
                action: Action::Dropped,
                reason: format!("the document could not be built: {error}"),
            }),
        }
    }

    /// The label a tag maps to: a label of that name or export tag, else a new one (reported).
    fn label_for(
        &mut self,
        tag: &str,
        document: &str,
        location: &Location,
        start: usize,
        end: usize,
        text: &str,
    ) -> String {
        if let Some(label) = self
            .labels
            .labels
            .iter()
            .find(|label| label.name == tag)
            .or_else(|| {
                self.labels
                    .labels
                    .iter()
                    .find(|label| label.export_name() == tag)
            })
        {
            return label.name.clone();
        }
        let used: Vec<_> = self.labels.labels.iter().map(|label| label.color).collect();
        self.labels
            .labels
            .push(Label::new(tag, most_distinct_color(&used), None));
        if self.options.labels.is_some() {
            self.report.push(Entry {
                document: document.to_owned(),
                location: Some(location.clone()),
                span: Some(SpanRef {
                    start,
                    end,
                    text: text.chars().skip(start).take(end - start).collect(),
                    label: tag.to_owned(),
                }),
                action: Action::Noted,
                reason: format!("unknown tag `{tag}`: added as a new label"),
            });
        }
        tag.to_owned()
    }
}

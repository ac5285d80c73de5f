//! Reading CoNLL columns into annotations (see the [module docs](super) for the mapping).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::Utc;
use serde_json::{Map, Value};

use super::{FIRST_TAG_KEY, METADATA_KEY};
use crate::interchange::report::{Action, Entry, Location, SpanRef};
use crate::interchange::{ImportOptions, Imported, InterchangeError, Report};
use crate::model::label_colors::most_distinct_color;
use crate::model::{Annotation, Document, Label, LabelSet, Span, SpanId};
use crate::tokenize::tags::decode;
use crate::tokenize::{TOKENIZER_KEY, Tokenizer};

/// One token line of the current sentence.
struct Line<'a> {
    /// 1-based line number.
    number: usize,
    start: usize,
    end: usize,
    tags: Vec<&'a str>,
}

/// An entity read from a tag column.
struct Found {
    start: usize,
    end: usize,
    /// The tag type (`PERS`).
    tag: String,
    /// 1-based line of its first token.
    line: usize,
    /// Whether its first tag was `I-` (repaired as `B-`); kept so the export writes it back.
    starts_with_i: bool,
}

/// The document being read.
#[derive(Default)]
struct Building<'a> {
    text: String,
    len: usize,
    sentence: Vec<Line<'a>>,
    /// Every entity found so far.
    entities: Vec<Found>,
    /// Fewest tag columns on a token line, and whether a tab separated fields.
    min_columns: Option<usize>,
    tabs: bool,
    /// Whether any line was seen (a segment with only blank lines is empty).
    seen: bool,
}

/// Parses CoNLL `input` read from `file` (used in report locations and document ids).
pub fn parse(
    input: &str,
    file: &Path,
    options: &ImportOptions,
) -> Result<Imported, InterchangeError> {
    let stem = file
        .file_name()
        .and_then(|n| n.to_str())
        .map_or("conll", |n| n.split('.').next().unwrap_or(n))
        .to_owned();
    let input = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    let mut report = Report::default();
    let mut finished: Vec<Building> = Vec::new();
    let mut current = Building::default();
    for (index, raw) in input.split('\n').enumerate() {
        let number = index + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let mut fields = line.split([' ', '\t']).filter(|f| !f.is_empty());
        let Some(token) = fields.next() else {
            current.end_sentence(&stem, file, &mut report);
            continue;
        };
        if token == "-DOCSTART-" {
            current.end_sentence(&stem, file, &mut report);
            let done = std::mem::take(&mut current);
            if done.seen || !finished.is_empty() {
                finished.push(done);
            }
            // A separator line itself counts as seen: the next segment is a document even if empty.
            current.seen = true;
            continue;
        }
        current.seen = true;
        let tags: Vec<&str> = fields.collect();
        if tags.is_empty() {
            report.push(Entry {
                document: stem.clone(),
                location: Some(Location {
                    file: file.to_owned(),
                    line: number,
                }),
                span: None,
                action: Action::Noted,
                reason: format!("the token «{token}» has no tag column; read as O"),
            });
        }
        current.tabs |= line.contains('\t');
        current.min_columns = Some(
            current
                .min_columns
                .map_or(tags.len(), |m| m.min(tags.len())),
        );
        if !current.sentence.is_empty() {
            current.text.push(' ');
            current.len += 1;
        } else if current.len > 0 {
            current.text.push('\n');
            current.len += 1;
        }
        let start = current.len;
        current.text.push_str(token);
        current.len += token.chars().count();
        current.sentence.push(Line {
            number,
            start,
            end: current.len,
            tags,
        });
    }
    current.end_sentence(&stem, file, &mut report);
    if current.seen || finished.is_empty() {
        finished.push(current);
    }
    let many = finished.len() > 1;
    let mut labels = Labels::new(options);
    let mut documents = Vec::with_capacity(finished.len());
    for (n, building) in finished.into_iter().enumerate() {
        let id = if many {
            format!("{stem}-{}", n + 1)
        } else {
            stem.clone()
        };
        documents.push(building.into_annotation(id, file, &mut labels, &mut report)?);
    }
    Ok(Imported { documents, report })
}

impl Building<'_> {
    /// Decodes each tag column of the sentence read so far into entities.
    fn end_sentence(&mut self, document: &str, file: &Path, report: &mut Report) {
        if self.sentence.is_empty() {
            return;
        }
        let columns = self
            .sentence
            .iter()
            .map(|l| l.tags.len())
            .max()
            .unwrap_or(0);
        for column in 0..columns {
            let tags = self
                .sentence
                .iter()
                .map(|line| line.tags.get(column).copied().unwrap_or("O"));
            let (entities, repairs) = decode(tags);
            let mut starts_with_i = Vec::new();
            for repair in repairs {
                if repair.tag.starts_with("I-") {
                    starts_with_i.push(repair.token);
                }
                let line = &self.sentence[repair.token];
                report.push(Entry {
                    document: document.to_owned(),
                    location: Some(Location {
                        file: file.to_owned(),
                        line: line.number,
                    }),
                    span: Some(SpanRef {
                        start: line.start,
                        end: line.end,
                        text: self.text_of(line.start, line.end),
                        label: repair.tag.clone(),
                    }),
                    action: Action::Noted,
                    reason: format!(
                        "tag column {}: {} {}",
                        column + 1,
                        repair.tag,
                        repair.reason
                    ),
                });
            }
            for entity in entities {
                let first = &self.sentence[entity.tokens.start];
                let last = &self.sentence[entity.tokens.end - 1];
                self.entities.push(Found {
                    start: first.start,
                    end: last.end,
                    tag: entity.label,
                    line: first.number,
                    starts_with_i: starts_with_i.contains(&entity.tokens.start),
                });
            }
        }
        self.sentence.clear();
    }

    /// The text of `[start, end)` (code points) of the text built so far.
    fn text_of(&self, start: usize, end: usize) -> String {
        self.text.chars().skip(start).take(end - start).collect()
    }

    fn into_annotation(
        self,
        id: String,
        file: &Path,
        labels: &mut Labels,
        report: &mut Report,
    ) -> Result<Annotation, InterchangeError> {
        let now = Utc::now();
        let mut document = Document::new(id.clone(), self.text);
        document.source = Some(file.display().to_string());
        document.metadata.insert(
            TOKENIZER_KEY.to_owned(),
            Tokenizer::Whitespace.name().into(),
        );
        let mut layout = Map::new();
        if let Some(columns) = self.min_columns.filter(|&c| c > 1) {
            layout.insert("columns".to_owned(), columns.into());
        }
        if self.tabs {
            layout.insert("separator".to_owned(), "\t".into());
        }
        if !layout.is_empty() {
            document
                .metadata
                .insert(METADATA_KEY.to_owned(), Value::Object(layout));
        }
        let mut spans = Vec::with_capacity(self.entities.len());
        for (index, found) in self.entities.into_iter().enumerate() {
            let label = labels.label_for(&found.tag, &id, file, found.line, report);
            let mut span = Span::new(
                SpanId(index as u64 + 1),
                found.start,
                found.end,
                &label,
                now,
            );
            if found.starts_with_i {
                span.extra
                    .insert(FIRST_TAG_KEY.to_owned(), Value::String("I".to_owned()));
            }
            spans.push(span);
        }
        let mut parts = Annotation::new_at(document, now).into_parts();
        parts.labels = labels.set.clone();
        parts.spans = spans;
        Annotation::from_parts(parts)
            .map_err(|e| InterchangeError::malformed(file, 0, e.to_string()))
    }
}

/// The label set being built and the tag → label name map.
struct Labels {
    set: LabelSet,
    by_tag: BTreeMap<String, String>,
    /// Whether tags not in a given set are reported.
    report_unknown: bool,
}

impl Labels {
    fn new(options: &ImportOptions) -> Self {
        let report_unknown = options.labels.is_some();
        let mut set = options.labels.clone().unwrap_or_else(|| LabelSet {
            labels: Vec::new(),
            allow_overlaps: true,
            extra: Map::new(),
        });
        // Nested columns are overlapping spans.
        set.allow_overlaps = true;
        let mut by_tag = BTreeMap::new();
        for label in &set.labels {
            by_tag.insert(label.export_name().to_owned(), label.name.clone());
        }
        for label in &set.labels {
            by_tag.insert(label.name.clone(), label.name.clone());
        }
        Self {
            set,
            by_tag,
            report_unknown,
        }
    }

    /// The label for tag type `tag`, adding (and, with a given set, reporting) a new one.
    fn label_for(
        &mut self,
        tag: &str,
        document: &str,
        file: &Path,
        line: usize,
        report: &mut Report,
    ) -> String {
        if let Some(name) = self.by_tag.get(tag) {
            return name.clone();
        }
        let used: Vec<_> = self.set.labels.iter().map(|l| l.color).collect();
        self.set
            .labels
            .push(Label::new(tag, most_distinct_color(&used), None));
        self.by_tag.insert(tag.to_owned(), tag.to_owned());
        if self.report_unknown {
            report.push(Entry {
                document: document.to_owned(),
                location: Some(Location {
                    file: file.to_owned(),
                    line,
                }),
                span: None,
                action: Action::Noted,
                reason: format!("the tag {tag} matches no label; added as a new label"),
            });
        }
        tag.to_owned()
    }
}

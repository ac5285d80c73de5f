//! Pieces shared by the character-offset formats (doccano, Label Studio, brat, Prodigy): mapping
//! tags back to labels on import, checking offsets, building validated annotations from what a
//! file held, finding the line of a JSON value, and writing an output file atomically.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use super::{Action, Entry, ImportOptions, InterchangeError, Location, Report, SpanRef};
use crate::model::label_colors::most_distinct_color;
use crate::model::{
    Annotation, AnnotationParts, DocStatus, Document, Label, LabelSet, Span, SpanId,
};

/// Maps the tags found in an input to label names, adding a label for every tag the label set
/// does not know (reported once per tag as [`Action::Noted`] when a label set was given).
#[derive(Debug)]
pub struct TagMap {
    set: LabelSet,
    given: bool,
    reported: HashSet<String>,
}

impl TagMap {
    /// Starts from the import's label set, or from an empty one (overlaps allowed).
    pub fn new(options: &ImportOptions) -> Self {
        let set = options.labels.clone().unwrap_or_else(|| LabelSet {
            labels: Vec::new(),
            ..LabelSet::default()
        });
        Self {
            set,
            given: options.labels.is_some(),
            reported: HashSet::new(),
        }
    }

    /// The label for `tag`: the label of that name, else the label exporting that tag, else a
    /// new label named `tag`.
    pub fn label_for(
        &mut self,
        tag: &str,
        document: &str,
        at: &Location,
        report: &mut Report,
    ) -> String {
        if self.set.get(tag).is_some() {
            return tag.to_owned();
        }
        if let Some(label) = self
            .set
            .labels
            .iter()
            .find(|label| label.export_name() == tag)
        {
            return label.name.clone();
        }
        let used: Vec<_> = self.set.labels.iter().map(|label| label.color).collect();
        self.set
            .labels
            .push(Label::new(tag, most_distinct_color(&used), None));
        if self.given && self.reported.insert(tag.to_owned()) {
            report.push(Entry {
                document: document.to_owned(),
                location: Some(at.clone()),
                span: None,
                action: Action::Noted,
                reason: format!("unknown tag «{tag}» added as a new label"),
            });
        }
        tag.to_owned()
    }

    /// The label set with every tag seen.
    pub fn into_labels(self) -> LabelSet {
        self.set
    }
}

/// A span as read from a file, before it becomes a [`Span`].
#[derive(Debug, Clone, PartialEq)]
pub struct DraftSpan {
    /// The id the file gave it, if it is a number Qalam can keep.
    pub id: Option<u64>,
    /// Start, code points.
    pub start: usize,
    /// End (exclusive), code points.
    pub end: usize,
    /// Label name (already mapped by [`TagMap`]).
    pub label: String,
    /// Note.
    pub note: Option<String>,
    /// Who made it.
    pub annotator: Option<String>,
}

/// A document as read from a file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DraftDoc {
    /// Document id.
    pub id: String,
    /// The text.
    pub text: String,
    /// Metadata kept from the file.
    pub metadata: Map<String, Value>,
    /// The document's annotator.
    pub annotator: Option<String>,
    /// Its spans, checked to lie within the text.
    pub spans: Vec<DraftSpan>,
}

/// Turns drafts into annotations that all share `labels`, stamped `now`. File ids are kept
/// where they are unique; the rest get fresh ids.
pub fn build(
    drafts: Vec<DraftDoc>,
    labels: &LabelSet,
    now: DateTime<Utc>,
    file: &Path,
) -> Result<Vec<Annotation>, InterchangeError> {
    drafts
        .into_iter()
        .map(|draft| build_one(draft, labels, now, file))
        .collect()
}

fn build_one(
    draft: DraftDoc,
    labels: &LabelSet,
    now: DateTime<Utc>,
    file: &Path,
) -> Result<Annotation, InterchangeError> {
    let mut document = Document::new(draft.id, draft.text);
    document.metadata = draft.metadata;
    let mut taken: HashSet<u64> = HashSet::new();
    let wanted: Vec<Option<u64>> = draft
        .spans
        .iter()
        .map(|span| span.id.filter(|&id| id > 0 && taken.insert(id)))
        .collect();
    let mut next = taken.iter().max().copied().unwrap_or(0);
    // One more than the largest id so far; once the file has used the largest possible id,
    // the smallest free one.
    let mut fresh = || match next.checked_add(1) {
        Some(id) => {
            next = id;
            id
        }
        None => {
            let id = (1..u64::MAX).find(|id| !taken.contains(id)).unwrap_or(1);
            taken.insert(id);
            id
        }
    };
    let spans = draft
        .spans
        .into_iter()
        .zip(wanted)
        .map(|(draft_span, id)| {
            let id = id.unwrap_or_else(&mut fresh);
            Span {
                note: draft_span.note,
                annotator: draft_span.annotator,
                ..Span::new(
                    SpanId(id),
                    draft_span.start,
                    draft_span.end,
                    &draft_span.label,
                    now,
                )
            }
        })
        .collect();
    let parts = AnnotationParts {
        document,
        labels: labels.clone(),
        spans,
        status: DocStatus::InProgress,
        annotator: draft.annotator,
        created: now,
        modified: now,
        extra: Map::new(),
    };
    Annotation::from_parts(parts)
        .map_err(|error| InterchangeError::malformed(file, 0, error.to_string()))
}

/// Why `[start, end)` cannot be a span of a text of `len` code points, if it cannot.
pub fn range_problem(start: usize, end: usize, len: usize) -> Option<String> {
    if start == end {
        Some("empty span".to_owned())
    } else if start > end {
        Some("start is after end".to_owned())
    } else if end > len {
        Some(format!("out of range: the text has {len} code points"))
    } else {
        None
    }
}

/// An import entry at `file:line`.
pub fn import_entry(
    document: &str,
    at: &Location,
    span: Option<SpanRef>,
    action: Action,
    reason: impl Into<String>,
) -> Entry {
    Entry {
        document: document.to_owned(),
        location: Some(at.clone()),
        span,
        action,
        reason: reason.into(),
    }
}

/// A span reference for a report.
pub fn span_ref(start: usize, end: usize, text: &str, label: &str) -> SpanRef {
    SpanRef {
        start,
        end,
        text: text.to_owned(),
        label: label.to_owned(),
    }
}

/// The file stem of `path` (`data` for `data.jsonl`), for document ids.
pub fn file_stem(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .map(|name| match name.split_once('.') {
            Some((stem, _)) if !stem.is_empty() => stem.to_owned(),
            _ => name,
        })
        .unwrap_or_else(|| "document".to_owned())
}

/// A JSON id (string or number) as text.
pub fn id_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// The number after a non-digit prefix (`T12` → 12, `q7` → 7, `12` → 12).
pub fn trailing_number(id: &str) -> Option<u64> {
    let digits = id.trim_start_matches(|c: char| !c.is_ascii_digit());
    digits.parse().ok()
}

/// Line numbers of byte offsets into one input text.
#[derive(Debug)]
pub struct Lines {
    starts: Vec<usize>,
    base: usize,
}

impl Lines {
    /// The line starts of `input`.
    pub fn new(input: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(input.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Self {
            starts,
            base: input.as_ptr() as usize,
        }
    }

    /// The 1-based line of byte offset `byte`.
    pub fn line_of(&self, byte: usize) -> usize {
        self.starts.partition_point(|&start| start <= byte)
    }

    /// The 1-based line where `slice` (a part of the input this was built from) starts.
    pub fn line_of_slice(&self, slice: &str) -> usize {
        self.line_of((slice.as_ptr() as usize).saturating_sub(self.base))
    }
}

/// An output file written to a temporary file beside it and moved into place by
/// [`AtomicFile::commit`] (the io layer's [`crate::io::atomic::AtomicFile`], with errors that
/// name the file); dropped without commit, it leaves the target untouched.
#[derive(Debug)]
pub struct AtomicFile(crate::io::atomic::AtomicFile);

impl AtomicFile {
    /// Starts writing `path` (its folder must exist).
    pub fn create(path: &Path) -> Result<Self, InterchangeError> {
        crate::io::atomic::AtomicFile::create(path)
            .map(Self)
            .map_err(|error| InterchangeError::io(path, error))
    }

    /// Writes bytes.
    pub fn write_all(&mut self, bytes: &[u8]) -> Result<(), InterchangeError> {
        self.0
            .write_all(bytes)
            .map_err(|error| InterchangeError::io(self.0.path(), error))
    }

    /// Flushes the file and moves it over the target.
    pub fn commit(self) -> Result<(), InterchangeError> {
        let path = self.0.path().to_owned();
        self.0
            .commit()
            .map_err(|error| InterchangeError::io(path, error))
    }
}

/// Reads a whole UTF-8 file.
pub fn read_text(path: &Path) -> Result<String, InterchangeError> {
    let bytes = std::fs::read(path).map_err(|error| InterchangeError::io(path, error))?;
    String::from_utf8(bytes).map_err(|error| {
        let before = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        InterchangeError::malformed(path, line, "not UTF-8")
    })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    #[test]
    fn tags_map_to_names_then_export_tags_then_new_labels() {
        let options = ImportOptions {
            labels: Some(LabelSet::default()),
            ..ImportOptions::default()
        };
        let mut tags = TagMap::new(&options);
        let mut report = Report::default();
        let at = Location {
            file: PathBuf::from("a.jsonl"),
            line: 2,
        };
        assert_eq!(tags.label_for("GPE", "d", &at, &mut report), "COUNTRY");
        assert_eq!(tags.label_for("PERSON", "d", &at, &mut report), "PERSON");
        assert!(report.is_empty());
        assert_eq!(tags.label_for("MISC", "d", &at, &mut report), "MISC");
        assert_eq!(tags.label_for("MISC", "d", &at, &mut report), "MISC");
        assert_eq!(report.counts(), (0, 0, 1), "reported once");
        assert!(tags.into_labels().get("MISC").is_some());
    }

    #[test]
    fn ranges_are_checked_and_lines_found() {
        assert_eq!(range_problem(3, 3, 9).as_deref(), Some("empty span"));
        assert!(range_problem(4, 2, 9).is_some());
        assert!(range_problem(4, 10, 9).unwrap().contains("out of range"));
        assert_eq!(range_problem(0, 9, 9), None);
        let input = "a\nbb\nccc";
        let lines = Lines::new(input);
        assert_eq!(lines.line_of(0), 1);
        assert_eq!(lines.line_of(2), 2);
        assert_eq!(lines.line_of_slice(&input[6..]), 3);
        assert_eq!(trailing_number("T12"), Some(12));
        assert_eq!(file_stem(Path::new("x/news.v2.jsonl")), "news");
    }
}

//! A model's predictions as suggestions: any file Qalam can import (doccano, Label Studio with
//! its `predictions`, spaCy, CoNLL, brat, Hugging Face, Prodigy) is read through
//! [`interchange::import`](crate::interchange::import), so a team's own model can pre-annotate
//! without Qalam knowing anything about the model.
//!
//! The open document is found among the imported documents by **identical text**; every
//! document with that text contributes its spans (Label Studio gives one document per
//! prediction). When none has the text, [`Predictions::for_text`] says so, naming a document
//! with the same id whose text differs if there is one.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::{Suggestion, SuggestionSource};
use crate::interchange::{self, Format, ImportOptions, InterchangeError, Report};
use crate::model::{Annotation, LabelSet};

/// Why predictions could not be loaded or used.
#[derive(Debug, Error)]
pub enum PredictionsError {
    /// The format could not be told from the file name.
    #[error(
        "{0}: cannot tell the format from the name (.jsonl, .json, .spacy, .conll, a brat or Hugging Face folder)"
    )]
    UnknownFormat(PathBuf),
    /// The import failed.
    #[error("{path}: {source}")]
    Import {
        /// The file.
        path: PathBuf,
        /// The error.
        source: InterchangeError,
    },
    /// No imported document has the open document's text.
    #[error("{0}")]
    TextDiffers(String),
}

/// The documents of one predictions file, by text.
#[derive(Debug, Clone, Default)]
pub struct Predictions {
    /// The file's name, as shown to the user and in [`SuggestionSource::Prediction`].
    pub name: String,
    /// Each distinct text with the spans predicted on it.
    by_text: HashMap<String, Vec<(usize, usize, String)>>,
    /// Document ids with their texts, to explain a mismatch.
    ids: Vec<(String, String)>,
    /// What the import reported.
    pub report: Report,
}

/// The format of `path` guessed from its name: `.jsonl` doccano, `.json` Label Studio,
/// `.spacy` spaCy, `.conll`/`.iob`/`.bioes` CoNLL, a folder with `.ann` files brat, another
/// folder a Hugging Face dataset.
pub fn guess_format(path: &Path) -> Option<Format> {
    if path.is_dir() {
        let has_ann = std::fs::read_dir(path)
            .ok()?
            .flatten()
            .any(|entry| entry.path().extension().and_then(|e| e.to_str()) == Some("ann"));
        return Some(if has_ann {
            Format::Brat
        } else {
            Format::HuggingFace
        });
    }
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    let extension = name.rsplit_once('.')?.1;
    Some(match extension {
        "jsonl" => Format::Doccano,
        "json" => Format::LabelStudio,
        "spacy" => Format::Spacy,
        "conll" | "iob" | "bioes" => Format::Conll,
        _ => return None,
    })
}

impl Predictions {
    /// Imports `path` as `format` (guessed from the name when `None`; a `.jsonl` that is not
    /// doccano is tried as Prodigy), mapping tags onto `labels` when given.
    pub fn load(
        path: &Path,
        format: Option<Format>,
        labels: Option<&LabelSet>,
    ) -> Result<Self, PredictionsError> {
        let options = ImportOptions {
            labels: labels.cloned(),
            annotator: None,
        };
        let guessed = format.is_none();
        let format = format
            .or_else(|| guess_format(path))
            .ok_or_else(|| PredictionsError::UnknownFormat(path.to_owned()))?;
        let imported = match interchange::import(format, path, &options) {
            Err(_) if guessed && format == Format::Doccano => {
                interchange::import(Format::Prodigy, path, &options)
            }
            other => other,
        }
        .map_err(|source| PredictionsError::Import {
            path: path.to_owned(),
            source,
        })?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        Ok(Self::from_annotations(
            name,
            &imported.documents,
            imported.report,
        ))
    }

    /// Predictions from already imported documents.
    pub fn from_annotations(name: String, documents: &[Annotation], report: Report) -> Self {
        let mut by_text: HashMap<String, Vec<(usize, usize, String)>> = HashMap::new();
        let mut ids = Vec::with_capacity(documents.len());
        for ann in documents {
            let text = ann.document().text();
            let spans = by_text.entry(text.to_owned()).or_default();
            spans.extend(
                ann.spans()
                    .iter()
                    .map(|s| (s.start, s.end, s.label.clone())),
            );
            ids.push((ann.document().id.clone(), text.to_owned()));
        }
        for spans in by_text.values_mut() {
            spans.sort();
            spans.dedup();
        }
        Self {
            name,
            by_text,
            ids,
            report,
        }
    }

    /// Number of documents read.
    pub fn documents(&self) -> usize {
        self.ids.len()
    }

    /// The suggestions for the document `id` with `text`, or why there are none.
    pub fn for_text(&self, id: &str, text: &str) -> Result<Vec<Suggestion>, PredictionsError> {
        let Some(spans) = self.by_text.get(text) else {
            let same_id = self.ids.iter().find(|(other, _)| other == id);
            let message = match same_id {
                Some((_, other)) => format!(
                    "{}: document «{id}» has a different text there ({} code points, here {})",
                    self.name,
                    other.chars().count(),
                    text.chars().count()
                ),
                None => format!(
                    "{}: none of its {} documents has this document's text",
                    self.name,
                    self.ids.len()
                ),
            };
            return Err(PredictionsError::TextDiffers(message));
        };
        Ok(spans
            .iter()
            .map(|(start, end, label)| Suggestion {
                start: *start,
                end: *end,
                label: label.clone(),
                source: SuggestionSource::Prediction(self.name.clone()),
            })
            .collect())
    }
}

//! Label Studio: the full JSON task export and JSON_MIN, offsets in UTF-16 code units.
//!
//! Full export: a JSON list of tasks, one per document,
//! `{"id", "data": {"text", "document"}, "meta", "annotations": [...], "predictions": [...]}`.
//! The spans of a document are grouped by annotator (the span's, else the document's): each
//! group is one annotation with `completed_by: {"email": NAME}` (left out when nobody is named),
//! or, for annotators named `prediction:MODEL`, one prediction with `model_version: MODEL`.
//! Each span is a result `{"id": "qID", "from_name": "label", "to_name": "text", "type":
//! "labels", "value": {"start", "end", "text", "labels": [TAG]}}`, its note in `meta.text`.
//! JSON_MIN writes one row per group: `{"id", "document", "text", "label": [{"start", "end",
//! "text", "labels"}], "annotator"}`.
//!
//! Import reads either shape, task by task: one document per annotation (or only those by
//! [`ImportOptions::annotator`](super::ImportOptions::annotator)), annotator from
//! `completed_by` (a user number, or an object with `email`), predictions as annotator
//! `prediction:MODEL` (reported as noted). Offsets inside a surrogate pair or past the text,
//! result types other than `labels`, and `value.text` that differs from the text at the
//! offsets are reported with file and line.

mod export;
mod import;

pub use export::{exporter, exporter_min, task_json};
pub use import::{import, import_str};

/// Prefix of the annotator name given to imported predictions (`prediction:MODEL`); export
/// writes such annotators back as predictions.
pub const PREDICTION_PREFIX: &str = "prediction:";

//! Prodigy JSONL: one annotation task per line, offsets in code points (Prodigy is Python).
//!
//! Export writes each document as an accepted `ner_manual`-style task:
//!
//! ```json
//! {"text": TEXT, "meta": {"id": DOC, ...}, "tokens": [{"text", "start", "end", "id", "ws"}],
//!  "spans": [{"start", "end", "token_start", "token_end", "label"}], "answer": "accept"}
//! ```
//!
//! Tokens are Qalam's ([`tokenize_for_export`](super::tokens::tokenize_for_export), the
//! export's [`BoundaryPolicy`](super::BoundaryPolicy)) with spaCy's whitespace convention
//! ([`spaced_tokens`](super::tokens::spaced_tokens)): `ws` is true when one space follows, and any
//! other gap is a whitespace token of its own, so joining the tokens gives back the text and
//! every span's `text[start:end]` is its tokens joined. `token_end` is inclusive, as in
//! Prodigy. A widened, trimmed or dropped span is reported; a span that overlaps a longer or
//! earlier one is written and noted (Prodigy's `spans.*` recipes take overlaps, `ner.*` ones do
//! not). `meta` holds the document id, its title (when it is not the id), source and language
//! and the document metadata; metadata keys starting with `_` (Prodigy's `_input_hash`,
//! `_task_hash`, `_view_id`, … kept by an import) are written at the top level, and the
//! document's annotator as `_annotator_id`. A span note is the span's `note`.
//!
//! Import ([`import`]) reads such lines with or without `tokens`: `answer` `reject` and
//! `ignore` tasks are skipped and reported; spans are read by their character offsets (by
//! `token_start`/`token_end` when a span has no offsets but the task has tokens); offsets that
//! are not whole numbers or lie outside the text, spans without a label, tokens that do not
//! match the text, token indices or span `text` that disagree with the offsets, and lines that
//! are not JSON objects are reported with file and line.

mod export;
mod import;

pub use export::{exporter, to_line, write_task};
pub use import::{import, import_str};

/// The `answer` of an accepted task.
pub const ACCEPT: &str = "accept";
/// The top-level key of the annotator (Prodigy's `DATASET-SESSION` name).
pub const ANNOTATOR_KEY: &str = "_annotator_id";
/// The `meta` keys that hold the document's own fields.
pub const DOCUMENT_KEYS: [&str; 4] = ["id", "title", "source", "language"];

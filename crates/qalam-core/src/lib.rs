//! Qalam's core: everything about annotations that needs no window.
//!
//! - [`model`]: documents, labels, spans, edits with exact inverses, history, the span notation.
//! - [`io`]: the `.qalam.json` format v1 with full diagnostics, atomic saving, plain-text import,
//!   file-name rules, label templates and recovery files.
//! - [`editing`]: the editing rules behind the app's span commands (tag, relabel, delete,
//!   resize by a letter or a word, next/previous) as pure functions from state to [`model::Edit`].
//! - [`tokenize`]: the Arabic-aware default tokenizer, sentences, span↔token alignment and
//!   IOB2/BIOES tags.
//! - [`interchange`]: dataset formats (doccano, Label Studio, brat, CoNLL, spaCy, Hugging Face,
//!   Prodigy), export and import with a report of every span that could not be kept exactly.
//! - [`corpus`]: a folder of articles as a corpus: the `qalam-corpus.json` file, per-annotator
//!   file names, the parallel scan that groups files by text.
//! - [`search`]: Arabic-aware search (harakat, tatweel, alef/hamza, ya, ta marbuta, digits,
//!   proclitics) on a normalised copy with an exact map back to the stored text.
//! - [`suggest`]: suggestions from a gazetteer (corpus spans, a user list) and from model
//!   predictions in any importable format; accepting and rejecting them as edits.
//! - [`stats`]: label counts, spans per document, documents by status, progress per annotator.
//!
//! This crate depends on no GUI crate (no egui, eframe, winit, parley or swash); the app crate
//! `qalam` depends on it, never the other way round.

pub mod compare;
pub mod corpus;
pub mod editing;
pub mod interchange;
pub mod io;
pub mod model;
pub mod search;
pub mod stats;
pub mod suggest;
pub mod tokenize;

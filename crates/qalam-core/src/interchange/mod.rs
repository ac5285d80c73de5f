//! Dataset formats: export Qalam annotations to the files trainers and other annotation tools
//! read, and import theirs as [`Annotation`](crate::model::Annotation)s.
//!
//! Every format lives in its own module and offers the same two entry points:
//! - an exporter implementing [`Exporter`], fed one document at a time (streaming: memory does
//!   not grow with the corpus) and finished once;
//! - an import function returning [`Imported`]: the documents and a [`Report`].
//!
//! Nothing changes silently. Every span an export widens, splits, moves or drops, and every
//! problem an import finds (bad offsets, text mismatches, unknown labels, things Qalam cannot
//! hold), is a [`report::Entry`] naming the document, the offsets, the text and the reason, and,
//! for imports, the file and line.
//!
//! Offsets in each format use the unit that format's own tools use ([`OffsetUnit`]); the
//! conversion goes through [`CharIndex`](crate::model::CharIndex) and is exact.

pub mod batch;
pub mod brat;
pub mod conll;
pub mod doccano;
pub mod error;
pub mod format;
pub mod hugging_face;
pub mod job;
pub mod label_studio;
pub mod options;
pub mod prodigy;
pub mod rejected;
pub mod report;
pub mod spacy;
pub mod standoff;
pub mod tokens;

pub use error::InterchangeError;
pub use format::{Format, OffsetUnit};
pub use options::{BoundaryPolicy, ExportOptions, ImportOptions, TagScheme};
pub use report::{Action, Entry, Location, Report, SpanRef};

use crate::model::Annotation;

/// Writes documents in one format. Created by a format module's `exporter` function for an
/// output path (a file, or a folder for formats with one file per document or per split).
pub trait Exporter {
    /// Writes one document, recording in `report` every span that had to change or be dropped.
    fn write(
        &mut self,
        annotation: &Annotation,
        report: &mut Report,
    ) -> Result<(), InterchangeError>;

    /// Completes the output (closing brackets, split files, dataset card) and flushes it. Output
    /// files are written atomically: until `finish` succeeds, nothing at the output path changes.
    fn finish(self: Box<Self>, report: &mut Report) -> Result<(), InterchangeError>;
}

/// What an import produced: documents in input order and what could not be kept exactly.
#[derive(Debug, Default)]
pub struct Imported {
    /// One annotation per document found in the input.
    pub documents: Vec<Annotation>,
    /// Problems and changes, with file and line.
    pub report: Report,
}

/// An exporter of `format` writing to `out` (a file, or a folder when
/// [`Format::writes_folder`]). Unless [`ExportOptions::include_rejected`], it is wrapped in a
/// [`rejected::RejectedFilter`], so spans rejected in review stay out of every format (each one
/// reported).
///
/// Each format module offers `pub fn exporter(out: &Path, options: &ExportOptions) ->
/// Result<Box<dyn Exporter>, InterchangeError>` and `pub fn import(path: &Path, options:
/// &ImportOptions) -> Result<Imported, InterchangeError>`; this function and [`import`] only
/// dispatch to them.
pub fn exporter(
    format: Format,
    out: &std::path::Path,
    options: &ExportOptions,
) -> Result<Box<dyn Exporter>, InterchangeError> {
    let inner = match format {
        Format::Conll => conll::exporter(out, options),
        Format::Spacy => spacy::exporter(out, options),
        Format::HuggingFace => hugging_face::exporter(out, options),
        Format::Doccano => doccano::exporter(out, options),
        Format::LabelStudio => label_studio::exporter(out, options),
        Format::LabelStudioMin => label_studio::exporter_min(out, options),
        Format::Brat => brat::exporter(out, options),
        Format::Prodigy => prodigy::exporter(out, options),
    }?;
    if options.include_rejected {
        Ok(inner)
    } else {
        Ok(Box::new(rejected::RejectedFilter::new(inner)))
    }
}

/// Imports `path` (a file, or a folder for folder formats) as `format`.
pub fn import(
    format: Format,
    path: &std::path::Path,
    options: &ImportOptions,
) -> Result<Imported, InterchangeError> {
    match format {
        Format::Conll => conll::import(path, options),
        Format::Spacy => spacy::import(path, options),
        Format::HuggingFace => hugging_face::import(path, options),
        Format::Doccano => doccano::import(path, options),
        Format::LabelStudio | Format::LabelStudioMin => label_studio::import(path, options),
        Format::Brat => brat::import(path, options),
        Format::Prodigy => prodigy::import(path, options),
    }
}

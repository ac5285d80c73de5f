//! CoNLL-style columns: one token per line, `TOKEN TAG [TAG ...]`, nested entities as extra tag
//! columns in the layout of the Wojood corpus, a blank line between sentences and a
//! `-DOCSTART- -X- O O` line between documents.
//!
//! # Export
//!
//! Each document is cut with its tokenizer ([`Tokenizer::for_document`]: the default Arabic-aware
//! one, or whitespace words and lines for documents imported from a token file) and its spans
//! placed with the export's boundary policy and in layers (see
//! [`tokenize::align`](crate::tokenize::align)): layer 0 (the first tag column) holds the
//! outermost spans, each further column the spans nested one level deeper. As in Wojood, a line
//! has only as many tag columns as it needs (`TOKEN B-ORG` or `TOKEN I-ORG B-PERS`: no trailing
//! `O` columns, no trailing spaces), unless the document came from a file whose every line had
//! at least N tag columns (then at least N are written). Tags are IOB2 or BIOES
//! ([`TagScheme`](super::TagScheme)), typed with each label's export tag
//! ([`ExportOptions::tag_for`]). Sentences are separated by one blank line; documents by the
//! block `-DOCSTART- -X- O O` (with a blank line on both sides) *between* them, so a file of one
//! document has none. The file ends with the last token line's newline.
//!
//! # Import
//!
//! Lines are split at spaces and tabs; the first field is the token, every further field a tag
//! column. A line starting `-DOCSTART-` starts a new document (an empty leading segment, as in
//! CoNLL-2003 files, is skipped); blank lines end sentences. Each column is decoded per
//! sentence ([`tokenize::tags::decode`](crate::tokenize::tags::decode): IOB2, BIOES and IOB1
//! alike); invalid sequences (`I-X` without `B-X`) are repaired as `B-X` and reported with file
//! and line. The span remembers the `I-` (`extra["conll_first_tag"] = "I"`), and an IOB2
//! export writes it back where the token before it in that column is not of the same type, so
//! even Wojood's one such line (`الفرنسي I-FAC` opening a sentence of `train.txt`) comes back.
//!
//! The document's text is its tokens joined by single spaces, each sentence ending with `\n`
//! (the last without), and it is marked `metadata["tokenizer"] = "whitespace"`, so exporting it
//! gives back the same tokens and sentences. Wojood's `$#$` tokens (its segment markers, tag
//! always `O`, which also stand mid-sentence and in runs) are tokens of the corpus and stay in
//! the text as written. When every line had at least two tag columns, that number is kept in
//! `metadata["conll"]["columns"]`; a tab separator in `metadata["conll"]["separator"]`. So
//! importing a Wojood file and exporting it again gives the file back line for line.
//!
//! Tags map to labels by name or export tag of [`ImportOptions::labels`](super::ImportOptions);
//! other tags become new labels (reported as noted when a label set was given).
//!
//! Tests: `crates/qalam-core/tests/integration/interchange/conll.rs` (Wojood round trips, golden
//! files in `tests/fixtures/conll/`, property tests).

mod read;
mod write;

use std::path::Path;

use super::{ExportOptions, Exporter, ImportOptions, Imported, InterchangeError};
#[cfg(doc)]
use crate::tokenize::Tokenizer;

pub use read::parse;
pub use write::{ConllExporter, write_document};

/// The line written between documents.
pub const DOCSTART: &str = "-DOCSTART- -X- O O";

/// The metadata key of what an import remembers about the file's layout.
pub const METADATA_KEY: &str = "conll";

/// The span field (in its `extra` map) remembering that the file wrote the entity's first tag
/// as `I-` rather than `B-` (an invalid IOB2 start, repaired on import): an IOB2 export writes
/// `I-` again where that cannot join it to a preceding entity of the same type.
pub const FIRST_TAG_KEY: &str = "conll_first_tag";

/// An exporter writing one CoNLL file at `out` (atomically, when finished).
pub fn exporter(
    out: &Path,
    options: &ExportOptions,
) -> Result<Box<dyn Exporter>, InterchangeError> {
    Ok(Box::new(ConllExporter::create(out, options.clone())?))
}

/// Imports the CoNLL file at `path`.
pub fn import(path: &Path, options: &ImportOptions) -> Result<Imported, InterchangeError> {
    let bytes = std::fs::read(path).map_err(|e| InterchangeError::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        InterchangeError::malformed(
            path,
            0,
            format!(
                "is not UTF-8 (invalid byte at {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    parse(&text, path, options)
}

//! Writing CoNLL columns: one document at a time into a temporary file beside the output,
//! renamed over it in `finish`.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{DOCSTART, FIRST_TAG_KEY, METADATA_KEY};
use crate::interchange::TagScheme;
use crate::interchange::tokens::tokenize_for_export;
use crate::interchange::{ExportOptions, Exporter, InterchangeError, Report};
use crate::io::atomic::AtomicFile;
use crate::model::Annotation;
use crate::tokenize::tags::{Prefix, layer_tags};

/// Streams documents into one CoNLL file.
pub struct ConllExporter {
    path: PathBuf,
    writer: AtomicFile,
    options: ExportOptions,
    /// Whether a block (sentence or separator) has been written, so the next needs a blank line.
    wrote_block: bool,
    documents: usize,
}

impl ConllExporter {
    /// Opens a temporary file in `path`'s folder; nothing at `path` changes until `finish`.
    pub fn create(path: &Path, options: ExportOptions) -> Result<Self, InterchangeError> {
        let writer = AtomicFile::create(path).map_err(|e| InterchangeError::io(path, e))?;
        Ok(Self {
            path: path.to_owned(),
            writer,
            options,
            wrote_block: false,
            documents: 0,
        })
    }
}

impl Exporter for ConllExporter {
    fn write(
        &mut self,
        annotation: &Annotation,
        report: &mut Report,
    ) -> Result<(), InterchangeError> {
        if self.documents > 0 {
            let blank = if self.wrote_block { "\n" } else { "" };
            writeln!(self.writer, "{blank}{DOCSTART}")
                .map_err(|e| InterchangeError::io(&self.path, e))?;
            self.wrote_block = true;
        }
        self.documents += 1;
        let mut wrote = self.wrote_block;
        write_document(
            &mut self.writer,
            annotation,
            &self.options,
            report,
            &mut wrote,
        )
        .map_err(|e| InterchangeError::io(&self.path, e))?;
        self.wrote_block = wrote;
        Ok(())
    }

    fn finish(self: Box<Self>, _report: &mut Report) -> Result<(), InterchangeError> {
        let path = self.path;
        self.writer
            .commit()
            .map_err(|e| InterchangeError::io(&path, e))
    }
}

/// Writes the sentences of one document (no separator) to `out`; `wrote_block` says whether a
/// block precedes (then a blank line comes first) and is set when one is written.
pub fn write_document(
    out: &mut impl Write,
    annotation: &Annotation,
    options: &ExportOptions,
    report: &mut Report,
    wrote_block: &mut bool,
) -> std::io::Result<()> {
    let tokenized = tokenize_for_export(annotation, options, None, report);
    let alignment = &tokenized.alignment;
    let layout = annotation.document().metadata.get(METADATA_KEY);
    let min_columns = layout
        .and_then(|l| l.get("columns"))
        .and_then(|c| c.as_u64())
        .map_or(1, |c| c.max(1) as usize);
    let separator = layout
        .and_then(|l| l.get("separator"))
        .and_then(|s| s.as_str())
        .filter(|s| *s == "\t")
        .unwrap_or(" ");
    let layers: Vec<_> = (0..alignment.layer_count)
        .map(|layer| layer_tags(alignment, layer, options.scheme))
        .collect();
    let mut line = String::with_capacity(128);
    for sentence in &tokenized.sentences {
        if *wrote_block {
            out.write_all(b"\n")?;
        }
        *wrote_block = true;
        for k in sentence.clone() {
            line.clear();
            line.push_str(tokenized.token_text(annotation, k));
            let used = layers
                .iter()
                .rposition(|tags| tags[k].is_some())
                .map_or(0, |last| last + 1);
            for column in 0..used.max(min_columns) {
                line.push_str(separator);
                match layers.get(column).and_then(|tags| tags[k]) {
                    None => line.push('O'),
                    Some(tag) => {
                        let span = alignment.entities[tag.entity].span;
                        let kind = &tokenized.span_tags[span];
                        let joins_previous = k > sentence.start
                            && layers[column][k - 1].is_some_and(|previous| {
                                let other = alignment.entities[previous.entity].span;
                                &tokenized.span_tags[other] == kind
                            });
                        let keep_i = tag.prefix == Prefix::B
                            && options.scheme == TagScheme::Iob2
                            && !joins_previous
                            && annotation.spans()[span]
                                .extra
                                .get(FIRST_TAG_KEY)
                                .is_some_and(|v| v == "I");
                        line.push_str(if keep_i { "I" } else { tag.prefix.as_str() });
                        line.push('-');
                        line.push_str(kind);
                    }
                }
            }
            line.push('\n');
            out.write_all(line.as_bytes())?;
        }
    }
    Ok(())
}

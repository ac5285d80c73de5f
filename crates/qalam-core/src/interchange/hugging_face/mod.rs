//! A Hugging Face token-classification dataset folder: `README.md` (the dataset card, whose YAML
//! metadata declares `ner_tags` as a sequence of `ClassLabel` with the tag names) and one JSONL
//! file per split (`train.jsonl`, and `validation.jsonl`/`test.jsonl` when
//! [`ExportOptions::splits`] asks), one row per sentence:
//! `{"id": "0", "document": "DOC", "tokens": [...], "ner_tags": [0, 3, ...]}`.
//! `datasets.load_dataset(FOLDER)` loads it with the names.
//!
//! Tags are IOB2 or BIOES ([`ExportOptions::scheme`]) over the outermost non-overlapping layer
//! of spans aligned to tokens ([`tokenize_for_export`] with one layer); nested and overlapping
//! spans beyond it are reported as dropped. A document goes whole to one split, chosen by a hash of its id against
//! the fractions, so the assignment is stable and streaming. Import reads the card and the
//! data files back ([`read`]).

pub mod card;
pub mod read;

use std::io::Write;

use crate::io::atomic::AtomicFile;
use std::path::{Path, PathBuf};

use super::tokens::tokenize_for_export;
use super::{ExportOptions, Exporter, InterchangeError, Report, TagScheme};
use crate::model::Annotation;
use crate::tokenize::tags::layer_tags;

pub use read::import;

/// An exporter writing the dataset folder `out` (created if missing).
pub fn exporter(
    out: &Path,
    options: &ExportOptions,
) -> Result<Box<dyn Exporter>, InterchangeError> {
    if let Some(fractions) = options.splits {
        let sum: f64 = fractions.iter().sum();
        if fractions.iter().any(|f| !(0.0..=1.0).contains(f)) || (sum - 1.0).abs() > 1e-6 {
            return Err(InterchangeError::Options(format!(
                "split fractions {fractions:?} must be between 0 and 1 and add up to 1"
            )));
        }
    }
    std::fs::create_dir_all(out).map_err(|error| InterchangeError::io(out, error))?;
    let mut files = Vec::new();
    for name in card::SPLITS {
        let path = out.join(format!("{name}.jsonl"));
        let file = AtomicFile::create(&path).map_err(|error| InterchangeError::io(&path, error))?;
        files.push(SplitFile {
            writer: file,
            rows: 0,
        });
    }
    Ok(Box::new(HuggingFaceExporter {
        out: out.to_path_buf(),
        options: options.clone(),
        tags: vec!["O".to_owned()],
        files,
        line: String::new(),
    }))
}

struct SplitFile {
    writer: AtomicFile,
    rows: usize,
}

struct HuggingFaceExporter {
    out: PathBuf,
    options: ExportOptions,
    /// `ClassLabel` names; index = tag id. Grows as labels are met.
    tags: Vec<String>,
    files: Vec<SplitFile>,
    line: String,
}

impl HuggingFaceExporter {
    fn tag_id(&mut self, tag: String) -> usize {
        match self.tags.iter().position(|known| *known == tag) {
            Some(id) => id,
            None => {
                self.tags.push(tag);
                self.tags.len() - 1
            }
        }
    }

    /// The split a document goes to: FNV-1a of its id, as a fraction, against the cumulative
    /// fractions.
    fn split_of(&self, id: &str) -> usize {
        let Some(fractions) = self.options.splits else {
            return 0;
        };
        let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        let at = (hash % 1_000_000) as f64 / 1_000_000.0;
        let mut reached = 0.0;
        for (index, fraction) in fractions.iter().enumerate() {
            reached += fraction;
            if at < reached {
                return index;
            }
        }
        fractions.iter().rposition(|f| *f > 0.0).unwrap_or(0)
    }
}

impl Exporter for HuggingFaceExporter {
    fn write(
        &mut self,
        annotation: &Annotation,
        report: &mut Report,
    ) -> Result<(), InterchangeError> {
        let tokenized = tokenize_for_export(annotation, &self.options, Some(1), report);
        let alignment = &tokenized.alignment;
        let labels = annotation.labels();
        // Tag ids follow the label set's order, B before I (before E, S).
        let prefixes: &[&str] = match self.options.scheme {
            TagScheme::Iob2 => &["B", "I"],
            TagScheme::Bioes => &["B", "I", "E", "S"],
        };
        for label in &labels.labels {
            let tag = self.options.tag_for(labels, &label.name).to_owned();
            for prefix in prefixes {
                self.tag_id(format!("{prefix}-{tag}"));
            }
        }
        let spans = annotation.spans();
        let mut tags = Vec::with_capacity(alignment.tokens.len());
        for tag in layer_tags(alignment, 0, self.options.scheme) {
            tags.push(match tag {
                None => 0,
                Some(tag) => {
                    let span = &spans[alignment.entities[tag.entity].span];
                    let name = self.options.tag_for(labels, &span.label);
                    let name = format!("{}-{name}", tag.prefix.as_str());
                    self.tag_id(name)
                }
            });
        }
        let split = self.split_of(&annotation.document().id);
        for sentence in &tokenized.sentences {
            let file = &mut self.files[split];
            self.line.clear();
            let tokens: Vec<&str> = sentence
                .clone()
                .map(|token| tokenized.token_text(annotation, token))
                .collect();
            let row = serde_json::json!({
                "id": file.rows.to_string(),
                "document": annotation.document().id,
                "tokens": tokens,
                "ner_tags": &tags[sentence.clone()],
            });
            self.line.push_str(&row.to_string());
            self.line.push('\n');
            file.writer
                .write_all(self.line.as_bytes())
                .map_err(|error| InterchangeError::io(&self.out, error))?;
            file.rows += 1;
        }
        Ok(())
    }

    fn finish(self: Box<Self>, _report: &mut Report) -> Result<(), InterchangeError> {
        let out = self.out;
        let mut present = Vec::new();
        for (index, file) in self.files.into_iter().enumerate() {
            let name = card::SPLITS[index];
            // `train` is always written; the other splits only when they hold rows.
            if file.rows == 0 && index > 0 {
                continue;
            }
            let path = out.join(format!("{name}.jsonl"));
            file.writer
                .commit()
                .map_err(|error| InterchangeError::io(&path, error))?;
            present.push(name);
        }
        let title = out.file_name().map_or_else(
            || "Qalam export".to_owned(),
            |name| name.to_string_lossy().into_owned(),
        );
        let text = card::write(&title, &self.tags, &present);
        let readme = out.join("README.md");
        crate::io::atomic::write_atomically(&readme, |file| file.write_all(text.as_bytes()))
            .map_err(|error| InterchangeError::io(&readme, error))
    }
}

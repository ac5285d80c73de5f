//! Writing Prodigy tasks, one JSON line per document, streamed into an atomic file.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use serde_json::Value;

use super::{ACCEPT, ANNOTATOR_KEY, DOCUMENT_KEYS};
use crate::interchange::report::{Action, Entry, SpanRef};
use crate::interchange::standoff::AtomicFile;
use crate::interchange::tokens::{spaced_tokens, tokenize_for_export};
use crate::interchange::{ExportOptions, Exporter, InterchangeError, Report};
use crate::model::Annotation;

/// A Prodigy exporter writing the JSONL file `out`.
pub fn exporter(
    out: &Path,
    options: &ExportOptions,
) -> Result<Box<dyn Exporter>, InterchangeError> {
    Ok(Box::new(ProdigyExporter {
        file: AtomicFile::create(out)?,
        options: options.clone(),
        line: String::new(),
    }))
}

struct ProdigyExporter {
    file: AtomicFile,
    options: ExportOptions,
    /// The line being written, kept to reuse its allocation.
    line: String,
}

impl Exporter for ProdigyExporter {
    fn write(
        &mut self,
        annotation: &Annotation,
        report: &mut Report,
    ) -> Result<(), InterchangeError> {
        self.line.clear();
        write_task(&mut self.line, annotation, &self.options, report);
        self.line.push('\n');
        self.file.write_all(self.line.as_bytes())
    }

    fn finish(self: Box<Self>, _report: &mut Report) -> Result<(), InterchangeError> {
        self.file.commit()
    }
}

/// One document as a Prodigy JSON line (without the newline), recording in `report` every span
/// that was changed, dropped or is worth a note.
pub fn to_line(annotation: &Annotation, options: &ExportOptions, report: &mut Report) -> String {
    let mut line = String::new();
    write_task(&mut line, annotation, options, report);
    line
}

/// Appends one document as a Prodigy JSON line (without the newline) to `out`, recording in
/// `report` every span that was changed, dropped or is worth a note.
pub fn write_task(
    out: &mut String,
    annotation: &Annotation,
    options: &ExportOptions,
    report: &mut Report,
) {
    let document = annotation.document();
    let text = document.text();
    let spans = annotation.spans();

    // Alignment changes other than notes (widened, trimmed, dropped) are reported as they are;
    // the tag-layer notes of crossing spans do not apply (Prodigy has one list of spans) and
    // are replaced by the overlap notes below.
    let mut aligned = Report::default();
    let tokenized = tokenize_for_export(annotation, options, None, &mut aligned);
    report.entries.extend(
        aligned
            .entries
            .into_iter()
            .filter(|entry| entry.action != Action::Noted),
    );
    let alignment = &tokenized.alignment;
    let words: Vec<Range<usize>> = alignment.tokens.iter().map(|token| token.range()).collect();
    let (tokens, word_token) = spaced_tokens(document, &words);

    out.push_str("{\"text\":");
    push_json_str(out, text);
    out.push_str(",\"meta\":");
    write_meta(out, annotation, report);

    out.push_str(",\"tokens\":[");
    for (id, token) in tokens.iter().enumerate() {
        if id > 0 {
            out.push(',');
        }
        out.push_str("{\"text\":");
        push_json_str(
            out,
            document.slice(token.start, token.end).unwrap_or_default(),
        );
        out.push_str(",\"start\":");
        push_number(out, token.start);
        out.push_str(",\"end\":");
        push_number(out, token.end);
        out.push_str(",\"id\":");
        push_number(out, id);
        out.push_str(if token.space {
            ",\"ws\":true}"
        } else {
            ",\"ws\":false}"
        });
    }

    out.push_str("],\"spans\":[");
    for (n, entity) in alignment.entities.iter().enumerate() {
        let span = &spans[entity.span];
        let range = alignment.char_range(&entity.tokens);
        let first = word_token[entity.tokens.start];
        let last = word_token[entity.tokens.end - 1];
        if n > 0 {
            out.push(',');
        }
        out.push_str("{\"start\":");
        push_number(out, range.start);
        out.push_str(",\"end\":");
        push_number(out, range.end);
        out.push_str(",\"token_start\":");
        push_number(out, first);
        out.push_str(",\"token_end\":");
        push_number(out, last);
        out.push_str(",\"label\":");
        push_json_str(out, options.tag_for(annotation.labels(), &span.label));
        if let Some(note) = &span.note {
            out.push_str(",\"note\":");
            push_json_str(out, note);
        }
        out.push('}');
        if entity.layer > 0 {
            report.push(Entry {
                document: document.id.clone(),
                location: None,
                span: Some(SpanRef {
                    start: span.start,
                    end: span.end,
                    text: annotation.span_text(span).to_owned(),
                    label: span.label.clone(),
                }),
                action: Action::Noted,
                reason: "overlaps a longer or earlier span (Prodigy's spans.* recipes take \
                         overlaps, ner.* ones do not)"
                    .to_owned(),
            });
        }
    }
    out.push_str("],\"answer\":");
    push_json_str(out, ACCEPT);
    if let Some(annotator) = annotation.annotator() {
        out.push_str(",\"");
        out.push_str(ANNOTATOR_KEY);
        out.push_str("\":");
        push_json_str(out, annotator);
    }
    for (key, value) in &document.metadata {
        if key.starts_with('_') && (key != ANNOTATOR_KEY || annotation.annotator().is_none()) {
            out.push(',');
            push_json_str(out, key);
            out.push(':');
            write_value(out, value);
        }
    }
    out.push('}');
}

/// `meta`: the document's id, title (when not the id), source and language, then its metadata
/// (keys not starting with `_`). A metadata key named like one of the document's fields is left
/// out and noted.
fn write_meta(out: &mut String, annotation: &Annotation, report: &mut Report) {
    let document = annotation.document();
    out.push_str("{\"id\":");
    push_json_str(out, &document.id);
    let fields = [
        (
            "title",
            Some(&document.title).filter(|title| **title != document.id),
        ),
        ("source", document.source.as_ref()),
        ("language", document.language.as_ref()),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            out.push_str(",\"");
            out.push_str(key);
            out.push_str("\":");
            push_json_str(out, value);
        }
    }
    for (key, value) in &document.metadata {
        if key.starts_with('_') {
            continue;
        }
        if DOCUMENT_KEYS.contains(&key.as_str()) {
            report.push(Entry {
                document: document.id.clone(),
                location: None,
                span: None,
                action: Action::Dropped,
                reason: format!(
                    "metadata «{key}» not written: meta.{key} holds the document's own {key}"
                ),
            });
            continue;
        }
        out.push(',');
        push_json_str(out, key);
        out.push(':');
        write_value(out, value);
    }
    out.push('}');
}

fn write_value(out: &mut String, value: &Value) {
    // Writing to a String cannot fail.
    let _ = write!(out, "{value}");
}

/// Appends the decimal digits of `number` with `itoa` (already built for serde_json), which is
/// much faster than `write!` here: numbers are most of a token's JSON.
fn push_number(out: &mut String, number: usize) {
    out.push_str(itoa::Buffer::new().format(number));
}

/// Appends `text` as a JSON string literal: `"` and `\` escaped, control characters as
/// `\n`, `\r`, `\t` or `\u00XX`, everything else as it is (UTF-8).
fn push_json_str(out: &mut String, text: &str) {
    out.push('"');
    if !text
        .bytes()
        .any(|byte| byte == b'"' || byte == b'\\' || byte < 0x20)
    {
        out.push_str(text);
        out.push('"');
        return;
    }
    let mut from = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[from..at]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{byte:04x}");
        } else {
            out.push_str(escape);
        }
        from = at + 1;
    }
    out.push_str(&text[from..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_in_decimal() {
        for number in [0, 7, 10, 1_234_567_890, usize::MAX] {
            let mut out = String::new();
            push_number(&mut out, number);
            assert_eq!(out, number.to_string());
        }
    }

    #[test]
    fn strings_are_escaped_as_json_reads_them() {
        for text in ["", "زار \"بوتين\"\r\n\t\\ \u{1}😀", "\u{1f}x\u{7f}"] {
            let mut out = String::new();
            push_json_str(&mut out, text);
            let back: String = serde_json::from_str(&out).unwrap();
            assert_eq!(back, text, "{out}");
        }
    }
}

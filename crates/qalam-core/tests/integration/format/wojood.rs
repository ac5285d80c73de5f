//! Test helper (not the product importer): converts the Wojood CoNLL sample into text and spans
//! for the first nesting layer. Tokens are joined with single spaces, sentences with `\n`;
//! `$#$` segment markers are dropped. Also used by `benches/io.rs` through `#[path]`.

use chrono::{TimeZone, Utc};
use qalam_core::model::{Annotation, Document, Label, LabelSet, Rgb, Span, SpanId};

/// Text plus `(start, end, tag)` spans in code points, sorted by start.
pub struct Converted {
    /// Tokens joined by spaces, sentences by newlines.
    pub text: String,
    /// Entities of the first tag column.
    pub spans: Vec<(usize, usize, String)>,
}

/// Converts CoNLL `token TAG [TAG...]` lines (IOB2) to text and first-layer spans.
pub fn convert(conll: &str) -> Converted {
    let mut text = String::new();
    let mut len = 0usize;
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    let mut open: Option<(usize, usize, String)> = None;
    let mut at_sentence_start = true;
    for line in conll.lines() {
        let mut columns = line.split_whitespace();
        let (Some(token), tag) = (columns.next(), columns.next()) else {
            spans.extend(open.take());
            if !at_sentence_start {
                text.push('\n');
                len += 1;
                at_sentence_start = true;
            }
            continue;
        };
        if token == "$#$" {
            continue;
        }
        if !at_sentence_start {
            text.push(' ');
            len += 1;
        }
        at_sentence_start = false;
        let start = len;
        text.push_str(token);
        len += token.chars().count();
        let tag = tag.unwrap_or("O");
        match (tag.split_once('-'), open.as_mut()) {
            (Some(("I", kind)), Some(current)) if current.2 == kind => current.1 = len,
            (Some((_, kind)), _) => {
                spans.extend(open.take());
                open = Some((start, len, kind.to_owned()));
            }
            (None, _) => spans.extend(open.take()),
        }
    }
    spans.extend(open);
    Converted { text, spans }
}

/// An annotation of the converted text with one label per tag (in first-seen order), fixed
/// timestamps and span ids 1, 2, 3… in text order.
pub fn to_annotation(id: &str, converted: &Converted) -> Annotation {
    let time = Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0).unwrap();
    let mut annotation =
        Annotation::new_at(Document::new(id, converted.text.clone()), time).into_parts();
    let mut labels: Vec<Label> = Vec::new();
    for (_, _, tag) in &converted.spans {
        if !labels.iter().any(|label| &label.name == tag) {
            let shade = (labels.len() * 37 % 200) as u8;
            labels.push(Label::new(
                tag.clone(),
                Rgb([shade, 120, 200 - shade]),
                None,
            ));
        }
    }
    annotation.labels = LabelSet {
        labels,
        allow_overlaps: true,
        extra: Default::default(),
    };
    annotation.spans = converted
        .spans
        .iter()
        .enumerate()
        .map(|(index, (start, end, tag))| Span {
            id: SpanId(index as u64 + 1),
            start: *start,
            end: *end,
            label: tag.clone(),
            note: None,
            annotator: Some("wojood".to_owned()),
            created: time,
            modified: time,
            review: None,
            adjudication: None,
            extra: Default::default(),
        })
        .collect();
    Annotation::from_parts(annotation).expect("the converted Wojood spans are valid")
}

/// Path of a Wojood fixture file. The fixtures live in the repository's top-level
/// `tests/fixtures/wojood/` (the app's tests and benches read them too), found from whichever
/// package includes this module.
pub fn fixture(name: &str) -> std::path::PathBuf {
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest
        .ancestors()
        .find(|dir| dir.join("tests/fixtures/wojood").is_dir())
        .expect("tests/fixtures/wojood in the repository");
    root.join("tests/fixtures/wojood").join(name)
}

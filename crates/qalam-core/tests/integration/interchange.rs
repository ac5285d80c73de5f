//! Dataset formats end to end, one module per format: golden files, imports with every
//! reported problem, and property-tested round trips on text where bytes, code points and
//! UTF-16 units differ. The shared helpers below serve the offset formats.

pub mod brat;
mod conll;
pub mod doccano;
mod hugging_face;
pub mod label_studio;
mod prodigy;
mod rejected;
mod spacy;
mod trainer_support;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use qalam_core::interchange::{self, ExportOptions, Format, ImportOptions, Report};
use qalam_core::model::{Annotation, AnnotationParts, Document, LabelSet, Span, SpanId};

/// A span for [`annotation`]: start, end, label, note, annotator.
pub type SpanSpec<'a> = (usize, usize, &'a str, Option<&'a str>, Option<&'a str>);

/// What must survive a round trip: the text and each span's bounds, label and note.
pub type Essence = (String, Vec<(usize, usize, String, Option<String>)>);

/// A fixture under `tests/fixtures/interchange/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/interchange")
        .join(name)
}

/// An annotation of `text` with the default labels and `(start, end, label, note, annotator)`
/// spans, ids 1, 2, … in order.
pub fn annotation(id: &str, text: &str, spans: &[SpanSpec<'_>]) -> Annotation {
    let time = DateTime::<Utc>::UNIX_EPOCH;
    let spans = spans
        .iter()
        .zip(1..)
        .map(|(&(start, end, label, note, who), n)| Span {
            note: note.map(str::to_owned),
            annotator: who.map(str::to_owned),
            ..Span::new(SpanId(n), start, end, label, time)
        })
        .collect();
    Annotation::from_parts(AnnotationParts {
        spans,
        ..Annotation::new_at(Document::new(id, text), time).into_parts()
    })
    .unwrap()
}

/// The sample: `زار [بوتين|PERSON] ل[روسيا|COUNTRY]` with an emoji, harakat and a CRLF, so
/// that UTF-16 offsets differ from code points after the emoji.
pub fn sample() -> Annotation {
    // "😀 زارَ بوتين لروسيا\r\nقمة"
    let text = "😀 زارَ بوتين لروسيا\r\nقمة";
    annotation(
        "summit",
        text,
        &[
            (7, 12, "PERSON", Some("الرئيس"), None),
            (14, 19, "COUNTRY", None, None),
            (21, 24, "EVENT", None, None),
        ],
    )
}

/// Exports `documents` as `format` into a temporary folder; returns the folder and output path.
pub fn export(
    format: Format,
    documents: &[Annotation],
    options: &ExportOptions,
) -> (tempfile::TempDir, PathBuf, Report) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(if format.writes_folder() {
        "out"
    } else {
        "out.json"
    });
    let mut report = Report::default();
    let mut exporter = interchange::exporter(format, &out, options).unwrap();
    for document in documents {
        exporter.write(document, &mut report).unwrap();
    }
    exporter.finish(&mut report).unwrap();
    (dir, out, report)
}

/// Imports `path` as `format` with the default label set.
pub fn import(format: Format, path: &Path) -> interchange::Imported {
    let options = ImportOptions {
        labels: Some(LabelSet::default()),
        ..ImportOptions::default()
    };
    interchange::import(format, path, &options).unwrap()
}

/// What must survive a round trip: text and spans (bounds, label, note).
pub fn essence(annotation: &Annotation) -> Essence {
    let spans = annotation
        .spans()
        .iter()
        .map(|s| (s.start, s.end, s.label.clone(), s.note.clone()))
        .collect();
    (annotation.document().text().to_owned(), spans)
}

/// Random text of Arabic letters, harakat, tatweel, emoji, Latin, spaces and CRLF, with up to
/// six random non-empty spans over the default labels.
pub fn arb_annotation() -> impl Strategy<Value = Annotation> {
    let pieces = prop::sample::select(vec![
        "ب", "ر", "و", "َ", "ّ", "ـ", "😀", "👍🏽", "a", " ", "\r\n", "\n", "،", "1",
    ]);
    prop::collection::vec(pieces, 1..40).prop_flat_map(|pieces| {
        let text: String = pieces.concat();
        let len = text.chars().count();
        let span = (0..len, 1..=len, 0..4usize).prop_map(|(a, b, l)| (a, b, l));
        prop::collection::vec(span, 0..6).prop_map(move |raw| {
            let labels = ["PERSON", "COUNTRY", "ORGANIZATION", "EVENT"];
            let spans: Vec<SpanSpec<'_>> = raw
                .into_iter()
                .filter(|(a, b, _)| a < b)
                .map(|(a, b, l)| (a, b, labels[l], None, None))
                .collect();
            annotation("random", &text, &spans)
        })
    })
}

/// Asserts that `actual` equals the golden fixture `name`; with `QALAM_BLESS=1` in the
/// environment it (re)writes the fixture instead, to be reviewed before committing.
pub fn assert_golden(name: &str, actual: &str) {
    let path = fixture(name);
    if std::env::var_os("QALAM_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(actual, expected, "golden file {name}");
}

#[test]
fn an_unfinished_export_leaves_the_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    for format in [
        Format::Doccano,
        Format::LabelStudio,
        Format::LabelStudioMin,
        Format::Brat,
        Format::Prodigy,
    ] {
        let out = dir.path().join(format.name());
        if format.writes_folder() {
            std::fs::create_dir(&out).unwrap();
        } else {
            std::fs::write(&out, "old").unwrap();
        }
        let mut report = Report::default();
        let mut exporter = interchange::exporter(format, &out, &ExportOptions::default()).unwrap();
        exporter.write(&sample(), &mut report).unwrap();
        drop(exporter);
        if format.writes_folder() {
            assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0, "{format:?}");
        } else {
            assert_eq!(std::fs::read_to_string(&out).unwrap(), "old", "{format:?}");
        }
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        left.len(),
        5,
        "no temporary files or folders left: {left:?}"
    );
}

/// Regression: exports went through bare temporary files, so a new CoNLL or Hugging Face file
/// was created `rw-------` (unreadable to the rest of a team sharing the folder).
#[cfg(unix)]
#[test]
fn regression_new_export_files_are_readable_by_others_like_saved_files() {
    use std::os::unix::fs::PermissionsExt;
    for format in Format::ALL {
        let (_dir, out, _report) = export(format, &[sample()], &ExportOptions::default());
        let files: Vec<PathBuf> = if out.is_dir() {
            std::fs::read_dir(&out)
                .unwrap()
                .map(|entry| entry.unwrap().path())
                .collect()
        } else {
            vec![out.clone()]
        };
        assert!(!files.is_empty(), "{format:?} wrote nothing");
        for file in files {
            let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o644, "{format:?}: {} is {mode:o}", file.display());
        }
    }
}

//! Speed of the dataset exports: the Wojood sample (train + val + test, ≈ 26k tokens, 4.2k
//! entities with the nested ones) exported to CoNLL and to the JSONL formats, tokenizing and
//! aligning included. Target: ≤ 12 ms each.
//!
//! - `conll_export/wojood_default_tokenizer`: the documents as Qalam text (the Arabic-aware
//!   default tokenizer cuts them, as for any document annotated in Qalam);
//! - `conll_export/wojood_as_imported`: the documents as imported from CoNLL (whitespace tokens);
//! - `conll_import/wojood`: parsing the three files back into annotations;
//! - `prodigy_export/wojood_default_tokenizer`: the documents as Prodigy JSONL (tokens with
//!   `ws`, spans with token indices), default tokenizer; target ≤ 12 ms;
//! - `doccano_export/wojood`: the documents as doccano JSONL (no tokens).

#[path = "../tests/integration/format/wojood.rs"]
#[allow(dead_code)]
mod wojood;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use qalam_core::interchange::conll::{parse, write_document};
use qalam_core::interchange::{ExportOptions, ImportOptions, Report};
use qalam_core::interchange::{doccano, prodigy};
use qalam_core::model::Annotation;
use qalam_core::tokenize::TOKENIZER_KEY;

/// The three Wojood files as (name, contents).
fn files() -> Vec<(&'static str, String)> {
    ["train.txt", "val.txt", "test.txt"]
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(wojood::fixture(name)).expect("fixture");
            (name, text)
        })
        .collect()
}

fn import_all(files: &[(&str, String)]) -> Vec<Annotation> {
    files
        .iter()
        .flat_map(|(name, text)| {
            parse(text, Path::new(name), &ImportOptions::default())
                .expect("import")
                .documents
        })
        .collect()
}

fn export_all(documents: &[Annotation], out: &mut Vec<u8>) -> Report {
    out.clear();
    let mut report = Report::default();
    let mut wrote = false;
    for document in documents {
        write_document(
            out,
            document,
            &ExportOptions::default(),
            &mut report,
            &mut wrote,
        )
        .expect("write");
    }
    report
}

fn prodigy_all(documents: &[Annotation], out: &mut String) -> Report {
    out.clear();
    let mut report = Report::default();
    for document in documents {
        prodigy::write_task(out, document, &ExportOptions::default(), &mut report);
        out.push('\n');
    }
    report
}

fn doccano_all(documents: &[Annotation], out: &mut String) {
    out.clear();
    for document in documents {
        out.push_str(&doccano::to_line(document, &ExportOptions::default()));
        out.push('\n');
    }
}

fn interchange(c: &mut Criterion) {
    let files = files();
    let imported = import_all(&files);
    let plain: Vec<Annotation> = imported
        .iter()
        .map(|annotation| {
            let mut parts = annotation.clone().into_parts();
            parts.document.metadata.remove(TOKENIZER_KEY);
            Annotation::from_parts(parts).expect("valid")
        })
        .collect();
    let tokens: usize = files
        .iter()
        .map(|(_, text)| text.lines().filter(|l| !l.trim().is_empty()).count())
        .sum();
    let entities: usize = imported.iter().map(|a| a.spans().len()).sum();
    let mut out = Vec::with_capacity(1 << 20);
    let report = export_all(&plain, &mut out);
    eprintln!(
        "wojood: {tokens} token lines, {entities} entities; default tokenizer: {} bytes, {} report entries",
        out.len(),
        report.entries.len()
    );
    c.bench_function("conll_export/wojood_default_tokenizer", |b| {
        b.iter(|| black_box(export_all(black_box(&plain), &mut out)))
    });
    c.bench_function("conll_export/wojood_as_imported", |b| {
        b.iter(|| black_box(export_all(black_box(&imported), &mut out)))
    });
    c.bench_function("conll_import/wojood", |b| {
        b.iter(|| black_box(import_all(black_box(&files))))
    });
    let mut jsonl = String::with_capacity(1 << 22);
    let report = prodigy_all(&plain, &mut jsonl);
    eprintln!(
        "wojood as Prodigy JSONL: {} bytes, {} report entries",
        jsonl.len(),
        report.entries.len()
    );
    c.bench_function("prodigy_export/wojood_default_tokenizer", |b| {
        b.iter(|| black_box(prodigy_all(black_box(&plain), &mut jsonl)))
    });
    c.bench_function("doccano_export/wojood", |b| {
        b.iter(|| doccano_all(black_box(&plain), &mut jsonl))
    });
}

criterion_group!(benches, interchange);
criterion_main!(benches);

//! Streaming export of a large folder: about 100 MB of `.qalam.json` files (400 documents of
//! ≈ 250 KB, Wojood text with a span on every fifth token) exported through
//! `interchange::batch::export_files`, reading, tokenizing and writing included.
//! Target: ≥ 50 MB/s (criterion prints the throughput in MiB/s of files read), with memory that
//! does not grow with the corpus: the peak resident size before and after the run is printed.

#[path = "../tests/integration/format/wojood.rs"]
#[allow(dead_code)]
mod wojood;

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use qalam_core::interchange::batch::export_files;
use qalam_core::interchange::{ExportOptions, Format};
use qalam_core::model::{Annotation, Document};

const DOCUMENTS: usize = 400;
const TEXT_BYTES: usize = 130_000;

/// Wojood tokens, in order.
fn tokens() -> Vec<String> {
    let raw = std::fs::read_to_string(wojood::fixture("train.txt")).expect("fixture");
    raw.lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|token| *token != "$#$")
        .map(str::to_owned)
        .collect()
}

/// One document of about `TEXT_BYTES` of text, starting at token `first`.
fn document(id: usize, tokens: &[String], first: usize) -> Annotation {
    let mut text = String::with_capacity(TEXT_BYTES + 64);
    let mut spans = Vec::new();
    let mut cp = 0;
    let mut n = 0;
    while text.len() < TEXT_BYTES {
        let token = &tokens[(first + n) % tokens.len()];
        if n > 0 {
            text.push(if n % 40 == 0 { '\n' } else { ' ' });
            cp += 1;
        }
        let len = token.chars().count();
        if n % 5 == 0 {
            spans.push((
                cp,
                cp + len,
                ["PERSON", "COUNTRY", "ORGANIZATION", "EVENT"][n % 4],
            ));
        }
        text.push_str(token);
        cp += len;
        n += 1;
    }
    Annotation::with_spans_unchecked(Document::new(format!("doc{id:04}"), text), &spans)
}

/// Peak resident set size of this process, from /proc (Linux), in MB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn folder_export(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("temp dir");
    let tokens = tokens();
    let mut files: Vec<PathBuf> = Vec::with_capacity(DOCUMENTS);
    let mut bytes = 0u64;
    for id in 0..DOCUMENTS {
        let path = folder.path().join(format!("doc{id:04}.qalam.json"));
        let annotation = document(id, &tokens, id * 997);
        qalam_core::io::save_path(&path, &annotation, None, false).expect("save");
        bytes += std::fs::metadata(&path).expect("metadata").len();
        files.push(path);
    }
    let before = peak_rss_mb();
    eprintln!(
        "folder: {DOCUMENTS} files, {:.1} MB on disk; peak RSS before exporting {before:.0?} MB",
        bytes as f64 / 1e6
    );
    let out = folder.path().join("out");
    let mut group = c.benchmark_group("folder_export");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    for format in [Format::Conll, Format::HuggingFace] {
        group.bench_function(format.name(), |b| {
            b.iter(|| {
                let summary = export_files(
                    format,
                    &files,
                    &out.with_extension(format.name()),
                    &ExportOptions::default(),
                    &mut |_| true,
                )
                .expect("export");
                black_box(summary.documents)
            })
        });
    }
    group.finish();
    eprintln!("peak RSS after exporting {:.0?} MB", peak_rss_mb());
}

criterion_group!(benches, folder_export);
criterion_main!(benches);

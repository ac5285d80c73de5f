//! Speed of saving and loading a large annotation: 20 000 spans over the Wojood sample text
//! repeated. Targets: save ≤ 30 ms, load ≤ 50 ms.

#[path = "../tests/integration/format/wojood.rs"]
#[allow(dead_code)]
mod wojood;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use qalam_core::io::{from_json_str, load_path, save_path, to_json_string};

const SPANS: usize = 20_000;

/// The Wojood sample (all three files) repeated until it has at least `SPANS` spans, cut there.
fn large_annotation() -> qalam_core::model::Annotation {
    let mut conll = String::new();
    for name in ["train.txt", "val.txt", "test.txt"] {
        conll.push_str(&std::fs::read_to_string(wojood::fixture(name)).expect("fixture"));
        conll.push('\n');
    }
    let per_copy = wojood::convert(&conll).spans.len();
    let copies = SPANS.div_ceil(per_copy);
    let mut converted = wojood::convert(&conll.repeat(copies));
    converted.spans.truncate(SPANS);
    wojood::to_annotation("wojood-large", &converted)
}

fn io(c: &mut Criterion) {
    let annotation = large_annotation();
    assert_eq!(annotation.spans().len(), SPANS);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.qalam.json");
    let state = save_path(&path, &annotation, None, false).expect("save");
    let json = to_json_string(&annotation);
    eprintln!(
        "document: {} code points, {} spans, file {} bytes",
        annotation.document().char_len(),
        annotation.spans().len(),
        json.len()
    );

    c.bench_function("to_json_string 20k spans", |b| {
        b.iter(|| black_box(to_json_string(black_box(&annotation))))
    });
    c.bench_function("save_path 20k spans", |b| {
        b.iter(|| save_path(&path, black_box(&annotation), None, false).expect("save"))
    });
    c.bench_function("save_path 20k spans with conflict check", |b| {
        b.iter(|| save_path(&path, black_box(&annotation), Some(&state), false).expect("save"))
    });
    // What saving costs besides serialising: hashing the bytes for the disk state, writing
    // them, and flushing them to the disk (fsync), reported separately.
    c.bench_function("sha256 of the 20k-span file", |b| {
        b.iter(|| qalam_core::io::DiskState::from_bytes(black_box(json.as_bytes()), None))
    });
    let plain = dir.path().join("plain.qalam.json");
    c.bench_function("write the 20k-span file without fsync", |b| {
        b.iter(|| std::fs::write(&plain, black_box(json.as_bytes())).expect("write"))
    });
    c.bench_function("write the 20k-span file with fsync", |b| {
        b.iter(|| {
            let mut file = std::fs::File::create(&plain).expect("create");
            std::io::Write::write_all(&mut file, black_box(json.as_bytes())).expect("write");
            file.sync_all().expect("fsync");
        })
    });
    c.bench_function("from_json_str 20k spans", |b| {
        b.iter(|| from_json_str(black_box(&json), Path::new("large.qalam.json")).expect("valid"))
    });
    c.bench_function("load_path 20k spans", |b| {
        b.iter(|| load_path(black_box(&path)).expect("load"))
    });
}

criterion_group!(benches, io);
criterion_main!(benches);

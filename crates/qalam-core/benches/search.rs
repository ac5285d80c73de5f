//! Speed of Arabic-aware search over 1 MB of Arabic (the bundled sample article repeated, with
//! harakat and tatweel sprinkled in). Targets: normalise + search ≤ 10 ms; one keystroke (compile
//! the query, search the cached normalised copy) ≤ 16 ms.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use qalam_core::search::{NormalizeOptions, Normalized, Query, WordMode};

const SAMPLE: &str = include_str!("../../../assets/kim-lavrov-wonsan.ar.txt");

/// About 1 MB of Arabic: the sample repeated, every 7th copy with a fatha after each `م` and a
/// tatweel after each `ل`, so the folds have work to do.
fn megabyte() -> String {
    let mut text = String::with_capacity(1 << 20);
    let mut copy = 0;
    while text.len() < 1 << 20 {
        if copy % 7 == 3 {
            for c in SAMPLE.chars() {
                text.push(c);
                match c {
                    'م' => text.push('\u{064E}'),
                    'ل' => text.push('\u{0640}'),
                    _ => {}
                }
            }
        } else {
            text.push_str(SAMPLE);
        }
        text.push('\n');
        copy += 1;
    }
    text
}

fn search(c: &mut Criterion) {
    let text = megabyte();
    let options = NormalizeOptions::default();
    let query = Query::plain("لافروف").words(WordMode::Clitics);
    let matcher = query.compile().expect("query");
    let found = matcher.find_in(&text).len();
    assert!(found > 100, "the sample names Lavrov: {found}");

    c.bench_function("search/normalize_1mb", |b| {
        b.iter(|| black_box(Normalized::new(black_box(&text), &options)))
    });
    c.bench_function("search/normalize_and_search_1mb", |b| {
        b.iter(|| {
            let normalized = Normalized::new(black_box(&text), &options);
            black_box(matcher.find(&normalized).len())
        })
    });
    let normalized = Normalized::new(&text, &options);
    c.bench_function("search/keystroke_cached_1mb", |b| {
        b.iter(|| {
            let matcher = black_box(&query).compile().expect("query");
            black_box(matcher.find(&normalized).len())
        })
    });
    // The worst keystroke: the first letter typed, a single common letter inside words.
    let one_letter = Query::plain("ا").words(WordMode::Inside);
    c.bench_function("search/keystroke_one_letter_1mb", |b| {
        b.iter(|| {
            let matcher = black_box(&one_letter).compile().expect("query");
            black_box(matcher.find(&normalized).len())
        })
    });
    let regex = Query::regex(r"كوريا\s+\S+").words(WordMode::Whole);
    c.bench_function("search/keystroke_regex_1mb", |b| {
        b.iter(|| {
            let matcher = black_box(&regex).compile().expect("query");
            black_box(matcher.find(&normalized).len())
        })
    });
}

criterion_group!(benches, search);
criterion_main!(benches);

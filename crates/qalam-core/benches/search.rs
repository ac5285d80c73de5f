//! Speed of Arabic-aware search over 1 MB of Arabic (the bundled sample article repeated, with
//! harakat and tatweel sprinkled in). Targets: normalise + search ≤ 10 ms; one keystroke (compile
//! the query, search the cached normalised copy) ≤ 16 ms.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use qalam_core::search::{NormalizeOptions, Normalized, Query, WordMode};

#[path = "support/arabic_megabyte.rs"]
mod arabic_megabyte;
use arabic_megabyte::megabyte;

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

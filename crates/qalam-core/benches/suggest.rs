//! Speed of gazetteer suggestions: 10,000 names matched over 1 MB of Arabic (the bundled sample
//! article repeated, with harakat and tatweel sprinkled in). Target: ≤ 50 ms, normalising
//! included; also the match alone on the cached normalised copy (what a recompute after an
//! edit costs) and building the automaton. Then a document's own names: 1 MB with 20,000
//! spans and no gazetteer, where every recompute builds the names it has tagged and matches
//! them (what each edit of a well-tagged long document costs on the background thread).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use qalam_core::model::{Annotation, Document};
use qalam_core::search::{NormalizeOptions, Normalized};
use qalam_core::suggest::{Gazetteer, suggestions};

#[path = "support/arabic_megabyte.rs"]
mod arabic_megabyte;
use arabic_megabyte::{SAMPLE, megabyte};

const LETTERS: &[char] = &[
    'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ',
    'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي',
];

/// 10,000 names: every pair of neighbouring words of the sample (names that occur, many
/// times over), then made-up names of 2–3 words of 3–7 letters (a deterministic generator) that
/// mostly do not.
fn names() -> Vec<(String, &'static str)> {
    let words: Vec<&str> = SAMPLE
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() > 2)
        .collect();
    let mut names: Vec<String> = words.windows(2).map(|w| w.join(" ")).collect();
    names.sort();
    names.dedup();
    names.truncate(2000);
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % n
    };
    while names.len() < 10_000 {
        let parts = 2 + next(2);
        let name: Vec<String> = (0..parts)
            .map(|_| {
                (0..3 + next(5))
                    .map(|_| LETTERS[next(LETTERS.len())])
                    .collect()
            })
            .collect();
        names.push(name.join(" "));
    }
    let labels = ["PERSON", "ORG", "COUNTRY", "CITY"];
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| (name, labels[i % labels.len()]))
        .collect()
}

fn suggest(c: &mut Criterion) {
    let text = megabyte();
    let names = names();
    let gazetteer = Gazetteer::from_entries(names.iter().map(|(n, l)| (n.as_str(), *l)));
    assert!(gazetteer.len() >= 9_900, "{} names", gazetteer.len());
    let found = gazetteer.find_in(&text).len();
    assert!(found > 10_000, "the sample's word pairs occur: {found}");

    let options = NormalizeOptions::default();
    c.bench_function("suggest/gazetteer_10k_names_1mb", |b| {
        b.iter(|| {
            let normalized = Normalized::new(black_box(&text), &options);
            black_box(gazetteer.find(&normalized).len())
        })
    });
    let normalized = Normalized::new(&text, &options);
    c.bench_function("suggest/gazetteer_10k_names_1mb_cached", |b| {
        b.iter(|| black_box(gazetteer.find(black_box(&normalized)).len()))
    });
    c.bench_function("suggest/build_10k_names", |b| {
        b.iter(|| {
            black_box(Gazetteer::from_entries(
                names.iter().map(|(n, l)| (n.as_str(), *l)),
            ))
        })
    });
}

/// The 1 MB text with a span on every 4th word of more than two letters, 20,000 of them.
fn tagged_megabyte() -> Annotation {
    let text = megabyte();
    let labels = ["PERSON", "ORG", "COUNTRY", "CITY"];
    let mut spans: Vec<(usize, usize, &str)> = Vec::new();
    let (mut start, mut words) = (None, 0usize);
    for (at, c) in text.chars().chain(std::iter::once(' ')).enumerate() {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(at),
            (false, Some(first)) => {
                start = None;
                if at - first > 2 {
                    words += 1;
                    if words % 4 == 0 && spans.len() < 20_000 {
                        spans.push((first, at, labels[spans.len() % labels.len()]));
                    }
                }
            }
            _ => {}
        }
    }
    assert_eq!(spans.len(), 20_000);
    Annotation::with_spans_unchecked(Document::new("megabyte", text), &spans)
}

fn own_names(c: &mut Criterion) {
    let ann = tagged_megabyte();
    let normalized = Normalized::new(ann.document().text(), &NormalizeOptions::default());
    let empty = Gazetteer::default();
    let found = suggestions(&ann, &empty, &normalized, &[]).len();
    assert!(
        found > 10_000,
        "untagged occurrences of tagged words: {found}"
    );
    c.bench_function("suggest/own_names_1mb_20k_spans_cached", |b| {
        b.iter(|| black_box(suggestions(black_box(&ann), &empty, &normalized, &[]).len()))
    });
}

criterion_group!(benches, suggest, own_names);
criterion_main!(benches);

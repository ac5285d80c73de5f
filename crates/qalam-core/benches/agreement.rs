//! Speed of comparing annotations. Targets: agreement (span F1, Cohen's kappa, Fleiss, alpha,
//! confusion) over 1,000 document pairs of about 1 KB of Arabic and 20 spans each ≤ 200 ms;
//! the diff of two 1 MB documents with 20,000 spans each ≤ 20 ms.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use qalam_core::compare::{AnnotatedDocument, Version, diff, merge};
use qalam_core::model::{Annotation, Document};
use qalam_core::stats::agreement::agreement;

/// A text of `count` clauses and the range of the name in each.
fn clauses(count: usize, prefix: &str) -> (String, Vec<(usize, usize)>) {
    let mut text = String::from(prefix);
    let mut at = text.chars().count();
    let mut names = Vec::with_capacity(count);
    for index in 0..count {
        let head = format!("في {index} زار ");
        let name = "الرئيس";
        let start = at + head.chars().count();
        names.push((start, start + name.chars().count()));
        text.push_str(&head);
        text.push_str(name);
        let tail = " العاصمة والوفد. ";
        text.push_str(tail);
        at = start + name.chars().count() + tail.chars().count();
    }
    (text, names)
}

/// Two annotators' versions of one text: the second relabels every 5th name, drops every 7th
/// and widens every 9th by the space and word before it.
fn pair(text: &str, names: &[(usize, usize)]) -> (Annotation, Annotation) {
    let label = |k: usize| {
        if k.is_multiple_of(2) {
            "PERSON"
        } else {
            "COUNTRY"
        }
    };
    let a: Vec<(usize, usize, &str)> = names
        .iter()
        .enumerate()
        .map(|(k, &(s, e))| (s, e, label(k)))
        .collect();
    let b: Vec<(usize, usize, &str)> = names
        .iter()
        .enumerate()
        .filter(|(k, _)| k % 7 != 3)
        .map(|(k, &(s, e))| {
            let label = if k % 5 == 1 { "ORGANIZATION" } else { label(k) };
            let start = if k % 9 == 2 { s - 4 } else { s };
            (start, e, label)
        })
        .collect();
    (
        Annotation::with_spans_unchecked(Document::new("d", text), &a),
        Annotation::with_spans_unchecked(Document::new("d", text), &b),
    )
}

fn agreement_bench(c: &mut Criterion) {
    let documents: Vec<AnnotatedDocument> = (0..1000)
        .map(|index| {
            let (text, names) = clauses(20, &format!("الوثيقة رقم {index} من المجموعة. "));
            let (a, b) = pair(&text, &names);
            let version = |who: &str, annotation| Version {
                annotator: who.to_owned(),
                path: Default::default(),
                annotation,
            };
            AnnotatedDocument {
                name: format!("doc{index:04}"),
                versions: vec![version("Amal", a), version("Omar", b)],
            }
        })
        .collect();
    let bytes: usize = documents
        .iter()
        .map(|d| d.versions[0].annotation.document().text().len())
        .sum();
    eprintln!(
        "agreement: 1000 document pairs, {} bytes of text each on average",
        bytes / 1000
    );
    let annotators = vec!["Amal".to_owned(), "Omar".to_owned()];
    c.bench_function(
        "agreement of 1000 document pairs (1 KB, 20 spans)",
        |bench| bench.iter(|| black_box(agreement(black_box(&documents), &annotators))),
    );
}

fn diff_bench(c: &mut Criterion) {
    let (text, names) = clauses(20_000, "");
    eprintln!("diff: {} bytes, {} spans", text.len(), names.len());
    let (a, b) = pair(&text, &names);
    c.bench_function("diff of two 1 MB documents, 20000 spans each", |bench| {
        bench.iter(|| black_box(diff(black_box(a.spans()), black_box(b.spans()))))
    });
    c.bench_function("merge of the same two documents", |bench| {
        bench.iter(|| black_box(merge(&[a.spans(), b.spans()])))
    });
}

criterion_group!(benches, agreement_bench, diff_bench);
criterion_main!(benches);

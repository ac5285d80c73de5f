//! `qalam agree PATH...`: inter-annotator agreement of corpus folders or files (files of the
//! same text are one document, whoever's they are; core [`qalam_core::compare::collect`] and
//! [`qalam_core::stats::agreement`]). Tables, or one JSON object with `--json`; `--matrix` adds
//! every compared document's token tags per annotator (the reliability matrix) to the JSON.
//!
//! Exit codes: 0 agreement computed, 1 scan problems or no document with two annotators,
//! 2 usage or an unreadable path.

use std::io::Write;
use std::path::PathBuf;

use qalam_core::compare::collect;
use qalam_core::stats::agreement::{AgreementReport, Confusion, SpanMatch, Summary, agreement};
use serde_json::{Value, json};

use super::stats::{problem_lines, scan_all};
use super::table::{Align, render};
use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE};

/// Prints the agreement of `paths` to `out` (problems on `err`).
pub fn agree(
    paths: &[PathBuf],
    as_json: bool,
    with_matrix: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let corpora = match scan_all(paths, err) {
        Ok(corpora) => corpora,
        Err(code) => return code,
    };
    let collected = collect(&corpora);
    let mut problems = problem_lines(&corpora);
    problems.extend(collected.problems.iter().map(ToString::to_string));
    let report = agreement(&collected.documents, &collected.annotators);
    let written = if as_json {
        let mut value = agree_json(&report, with_matrix);
        value["problems"] = json!(problems);
        writeln!(out, "{value:#}")
    } else {
        for problem in &problems {
            let _ = writeln!(err, "{problem}");
        }
        out.write_all(agree_text(&report).as_bytes())
    };
    if written.is_err() {
        return EXIT_USAGE;
    }
    if report.compared().next().is_none() {
        let _ = writeln!(
            err,
            "qalam: no document has files of two or more annotators"
        );
        return EXIT_PROBLEMS;
    }
    if problems.is_empty() {
        EXIT_OK
    } else {
        EXIT_PROBLEMS
    }
}

/// A figure with three decimals, `—` when undefined.
fn figure(value: Option<f64>) -> String {
    value.map_or("—".to_owned(), |v| format!("{v:.3}"))
}

/// `Amal – Omar`.
fn pair_name(report: &AgreementReport, a: usize, b: usize) -> String {
    format!("{} – {}", report.annotators[a], report.annotators[b])
}

/// The report as tables.
fn agree_text(report: &AgreementReport) -> String {
    let compared = report.compared().count();
    let mut text = format!(
        "{} annotators ({}); {} documents, {} annotated by two or more\n\n",
        report.annotators.len(),
        report.annotators.join(", "),
        report.documents.len(),
        compared
    );
    let corpus = &report.corpus;
    let pairs: Vec<Vec<String>> = corpus
        .pairs
        .iter()
        .map(|p| {
            vec![
                pair_name(report, p.a, p.b),
                p.documents.to_string(),
                format!("{}/{}", p.exact.a(), p.exact.b()),
                p.exact.matched().to_string(),
                figure(Some(p.exact.f1())),
                figure(Some(p.overlap.f1())),
                p.tokens.to_string(),
                figure(p.kappa),
            ]
        })
        .collect();
    text.push_str(&render(
        &[
            ("pair", Align::Left),
            ("documents", Align::Right),
            ("spans", Align::Right),
            ("exact", Align::Right),
            ("exact F1", Align::Right),
            ("overlap F1", Align::Right),
            ("tokens", Align::Right),
            ("Cohen's kappa", Align::Right),
        ],
        &pairs,
    ));
    if let (Some(exact), Some(overlap)) = (corpus.added(|p| &p.exact), corpus.added(|p| &p.overlap))
    {
        text.push('\n');
        text.push_str(&label_table(&exact, &overlap));
    }
    text.push('\n');
    text.push_str(&format!(
        "Fleiss' kappa: {} ({} tokens of the {} document(s) every annotator annotated)\n",
        figure(corpus.fleiss),
        corpus.fleiss_tokens,
        corpus.fleiss_documents
    ));
    text.push_str(&format!(
        "Krippendorff's alpha (nominal): {} ({} pairable token tags)\n\n",
        figure(corpus.alpha),
        corpus.alpha_values
    ));
    let documents: Vec<Vec<String>> = report
        .documents
        .iter()
        .map(|doc| {
            let s = &doc.summary;
            let compared = s.annotators.len() >= 2;
            vec![
                doc.name.clone(),
                s.annotators.len().to_string(),
                if compared {
                    doc.tokens.to_string()
                } else {
                    "—".to_owned()
                },
                figure(s.exact_f1()),
                figure(s.overlap_f1()),
                figure(s.kappa()),
                figure(s.alpha),
            ]
        })
        .collect();
    text.push_str(&render(
        &[
            ("document", Align::Left),
            ("annotators", Align::Right),
            ("tokens", Align::Right),
            ("exact F1", Align::Right),
            ("overlap F1", Align::Right),
            ("kappa", Align::Right),
            ("alpha", Align::Right),
        ],
        &documents,
    ));
    if let Some(confusion) = corpus.confusion() {
        text.push('\n');
        text.push_str(&confusion_text(&confusion));
    }
    text
}

/// Per label, all pairs added up.
fn label_table(exact: &SpanMatch, overlap: &SpanMatch) -> String {
    let rows: Vec<Vec<String>> = exact
        .labels
        .iter()
        .zip(&overlap.labels)
        .map(|(e, o)| {
            vec![
                e.label.clone(),
                format!("{}/{}", e.a, e.b),
                e.matched.to_string(),
                figure(e.f1()),
                figure(o.f1()),
            ]
        })
        .collect();
    render(
        &[
            ("label", Align::Left),
            ("spans", Align::Right),
            ("exact", Align::Right),
            ("exact F1", Align::Right),
            ("overlap F1", Align::Right),
        ],
        &rows,
    )
}

/// The confusion matrix over the labels that occur, and its mix-ups.
fn confusion_text(confusion: &Confusion) -> String {
    let size = confusion.counts.len();
    let used: Vec<usize> = (0..size)
        .filter(|&i| (0..size).any(|j| confusion.counts[i][j] > 0 || confusion.counts[j][i] > 0))
        .collect();
    let name = |i: usize| confusion.label(i).unwrap_or("—").to_owned();
    let names: Vec<String> = used.iter().map(|&i| name(i)).collect();
    let mut header: Vec<(&str, Align)> = vec![("", Align::Left)];
    header.extend(names.iter().map(|n| (n.as_str(), Align::Right)));
    let rows: Vec<Vec<String>> = used
        .iter()
        .map(|&i| {
            let mut row = vec![name(i)];
            row.extend(used.iter().map(|&j| confusion.counts[i][j].to_string()));
            row
        })
        .collect();
    let mut text = String::from(
        "label confusion (rows: the first annotator of each pair, columns: the second; — no span)\n",
    );
    text.push_str(&render(&header, &rows));
    let mix_ups: Vec<String> = confusion
        .mix_ups()
        .iter()
        .map(|&(x, y, count)| format!("{} → {} {count}", name(x), name(y)))
        .collect();
    if !mix_ups.is_empty() {
        text.push_str(&format!("mix-ups: {}\n", mix_ups.join(", ")));
    }
    text
}

/// Counts and F1 of one side of a pair, per label.
fn match_json(counts: &SpanMatch) -> Value {
    json!({
        "a": counts.a(),
        "b": counts.b(),
        "matched": counts.matched(),
        "f1": counts.f1(),
        "labels": counts.labels.iter().map(|l| json!({
            "label": l.label, "a": l.a, "b": l.b, "matched": l.matched, "f1": l.f1(),
        })).collect::<Vec<_>>(),
    })
}

fn confusion_json(confusion: &Confusion) -> Value {
    let mut labels: Vec<Value> = confusion.labels.iter().map(|l| json!(l)).collect();
    labels.push(Value::Null);
    json!({"labels": labels, "counts": confusion.counts})
}

fn summary_json(report: &AgreementReport, summary: &Summary) -> Value {
    json!({
        "annotators": summary.annotators.iter().map(|&k| &report.annotators[k]).collect::<Vec<_>>(),
        "exact_f1": summary.exact_f1(),
        "overlap_f1": summary.overlap_f1(),
        "kappa": summary.kappa(),
        "fleiss_kappa": summary.fleiss,
        "fleiss_tokens": summary.fleiss_tokens,
        "fleiss_documents": summary.fleiss_documents,
        "krippendorff_alpha": summary.alpha,
        "alpha_values": summary.alpha_values,
        "pairs": summary.pairs.iter().map(|p| json!({
            "a": report.annotators[p.a],
            "b": report.annotators[p.b],
            "documents": p.documents,
            "exact": match_json(&p.exact),
            "overlap": match_json(&p.overlap),
            "tokens": p.tokens,
            "cohen_kappa": p.kappa,
            "confusion": confusion_json(&p.confusion),
        })).collect::<Vec<_>>(),
        "confusion": summary.confusion().map(|c| confusion_json(&c)),
    })
}

/// The report as JSON (without `"problems"`); `with_matrix` adds `"matrix"`.
fn agree_json(report: &AgreementReport, with_matrix: bool) -> Value {
    let mut value = json!({
        "annotators": report.annotators,
        "labels": report.labels,
        "corpus": summary_json(report, &report.corpus),
        "documents": report.documents.iter().map(|doc| {
            let mut value = summary_json(report, &doc.summary);
            value["document"] = json!(doc.name);
            value["tokens"] = json!(doc.tokens);
            value
        }).collect::<Vec<_>>(),
    });
    if with_matrix {
        value["matrix"] = json!({
            "tags": report.tags,
            "annotators": report.annotators,
            "documents": report.compared().map(|doc| json!({
                "document": doc.name,
                "tokens": doc.tokens,
                "codes": doc.codes,
            })).collect::<Vec<_>>(),
        });
    }
    value
}

//! `qalam stats PATH...`: statistics of one or more corpus folders (or files) taken together,
//! as tables or, with `--json`, one JSON object.

use std::io::Write;
use std::path::PathBuf;

use qalam_core::corpus::{Corpus, ScanError, scan};
use qalam_core::io::qalam_json::schema::status_name;
use qalam_core::stats::{CorpusStats, corpus_stats};
use serde_json::{Value, json};

use super::table::{Align, render};
use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE};

/// Scans every path. An unreadable path is a usage error (exit 2) and an invalid corpus file a
/// problem (exit 1), both reported on `err`; `Err` carries the exit code.
pub fn scan_all(paths: &[PathBuf], err: &mut dyn Write) -> Result<Vec<Corpus>, u8> {
    let mut corpora = Vec::with_capacity(paths.len());
    let mut code = EXIT_OK;
    for path in paths {
        match scan(path) {
            Ok(corpus) => corpora.push(corpus),
            Err(error @ ScanError::Io { .. }) => {
                let _ = writeln!(err, "qalam: {error}");
                code = code.max(EXIT_USAGE);
            }
            Err(error @ ScanError::CorpusFile(_)) => {
                let _ = writeln!(err, "{error}");
                code = code.max(EXIT_PROBLEMS);
            }
        }
    }
    if code == EXIT_OK {
        Ok(corpora)
    } else {
        Err(code)
    }
}

/// Every scan problem as `ROOT/path: problem`, in order.
pub fn problem_lines(corpora: &[Corpus]) -> Vec<String> {
    corpora
        .iter()
        .flat_map(|corpus| {
            corpus
                .problems
                .iter()
                .map(move |problem| format!("{}/{problem}", corpus.root.display()))
        })
        .collect()
}

/// Prints the statistics of `paths` to `out` (problems on `err`). Exit code 1 if the scan
/// reported problems (files whose text differs from their namesakes, labels that disagree
/// with the corpus, unreadable files).
pub fn stats(paths: &[PathBuf], as_json: bool, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let corpora = match scan_all(paths, err) {
        Ok(corpora) => corpora,
        Err(code) => return code,
    };
    let stats = corpus_stats(&corpora);
    let problems = problem_lines(&corpora);
    let written = if as_json {
        let mut value = stats_json(&stats);
        value["problems"] = json!(problems);
        writeln!(out, "{value:#}")
    } else {
        for problem in &problems {
            let _ = writeln!(err, "{problem}");
        }
        out.write_all(stats_text(&stats).as_bytes())
    };
    if written.is_err() {
        return EXIT_USAGE;
    }
    if problems.is_empty() {
        EXIT_OK
    } else {
        EXIT_PROBLEMS
    }
}

/// The statistics as JSON (without `"problems"`).
pub fn stats_json(stats: &CorpusStats) -> Value {
    json!({
        "documents": stats.documents,
        "annotation_files": stats.annotation_files,
        "spans": stats.total_spans(),
        "labels": stats.label_counts.iter().map(|(label, count)| json!({"label": label, "spans": count})).collect::<Vec<_>>(),
        "by_status": stats.by_status.iter().map(|(status, count)| (status_name(*status).to_owned(), json!(count))).collect::<serde_json::Map<_, _>>(),
        "annotators": stats.annotators.iter().map(|p| json!({"name": p.name, "done": p.done, "started": p.started, "total": p.total})).collect::<Vec<_>>(),
        "documents_spans": stats.spans_per_document.iter().map(|(name, spans)| json!({"document": name, "spans": spans})).collect::<Vec<_>>(),
    })
}

/// The statistics as tables.
fn stats_text(stats: &CorpusStats) -> String {
    let mut text = format!(
        "{} documents, {} annotation files, {} spans\n\n",
        stats.documents,
        stats.annotation_files,
        stats.total_spans()
    );
    let labels: Vec<Vec<String>> = stats
        .label_counts
        .iter()
        .map(|(label, count)| vec![label.clone(), count.to_string()])
        .collect();
    text.push_str(&render(
        &[("label", Align::Left), ("spans", Align::Right)],
        &labels,
    ));
    text.push('\n');
    let statuses: Vec<Vec<String>> = stats
        .by_status
        .iter()
        .map(|(status, count)| vec![status_name(*status).to_owned(), count.to_string()])
        .collect();
    text.push_str(&render(
        &[("status", Align::Left), ("documents", Align::Right)],
        &statuses,
    ));
    text.push('\n');
    text.push_str(&progress_table(stats));
    text.push('\n');
    let documents: Vec<Vec<String>> = stats
        .spans_per_document
        .iter()
        .map(|(name, spans)| vec![name.clone(), spans.to_string()])
        .collect();
    text.push_str(&render(
        &[("document", Align::Left), ("spans", Align::Right)],
        &documents,
    ));
    text
}

/// The per-annotator progress table.
pub fn progress_table(stats: &CorpusStats) -> String {
    let rows: Vec<Vec<String>> = stats
        .annotators
        .iter()
        .map(|p| {
            vec![
                p.name.clone(),
                p.done.to_string(),
                p.started.to_string(),
                p.total.to_string(),
                format!("{:.0}%", p.fraction() * 100.0),
            ]
        })
        .collect();
    render(
        &[
            ("annotator", Align::Left),
            ("done", Align::Right),
            ("started", Align::Right),
            ("total", Align::Right),
            ("progress", Align::Right),
        ],
        &rows,
    )
}

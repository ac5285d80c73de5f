//! `qalam status PATH`: the progress of a corpus, per document (its status and each
//! annotator's) and per annotator (done / total), as tables or, with `--json`, one JSON object.

use std::io::Write;
use std::path::Path;

use qalam_core::corpus::{Corpus, CorpusDocument};
use qalam_core::io::qalam_json::schema::status_name;
use qalam_core::model::DocStatus;
use qalam_core::stats::corpus_stats;
use serde_json::{Value, json};

use super::stats::{problem_lines, progress_table, scan_all};
use super::table::{Align, render};
use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE};

/// Prints the progress of the corpus at `path` to `out` (problems on `err`). Exit code 1 if the
/// scan reported problems.
pub fn status(path: &Path, as_json: bool, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let corpora = match scan_all(&[path.to_owned()], err) {
        Ok(corpora) => corpora,
        Err(code) => return code,
    };
    let Some(corpus) = corpora.first() else {
        return EXIT_USAGE;
    };
    let problems = problem_lines(&corpora);
    let written = if as_json {
        let mut value = status_json(corpus);
        value["problems"] = json!(problems);
        writeln!(out, "{value:#}")
    } else {
        for problem in &problems {
            let _ = writeln!(err, "{problem}");
        }
        out.write_all(status_text(&corpora).as_bytes())
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

/// Each annotator with their assignment mask (see [`Corpus::assignment_mask`]).
fn assignments(corpus: &Corpus) -> Vec<(String, Vec<bool>)> {
    corpus
        .annotators()
        .into_iter()
        .map(|name| {
            let mask = corpus.assignment_mask(&name);
            (name, mask)
        })
        .collect()
}

/// What `annotator` has for `doc`: their file's status, `missing` (assigned, no file yet) or
/// `not assigned`.
fn cell_text(doc: &CorpusDocument, annotator: &str, assigned: bool) -> String {
    match doc.status_of(annotator) {
        Some(status) => status_name(status).to_owned(),
        None if assigned => "missing".to_owned(),
        None => "not assigned".to_owned(),
    }
}

/// The progress as JSON (without `"problems"`).
fn status_json(corpus: &Corpus) -> Value {
    let annotators = assignments(corpus);
    let stats = corpus_stats(std::slice::from_ref(corpus));
    let documents: Vec<Value> = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(index, doc)| {
            let per_annotator: serde_json::Map<String, Value> = annotators
                .iter()
                .map(|(name, mask)| (name.clone(), json!(cell_text(doc, name, mask[index]))))
                .collect();
            json!({
                "name": doc.name,
                "paths": doc.files.iter().map(|f| f.display_path()).collect::<Vec<_>>(),
                "status": status_name(doc.status()),
                "annotators": per_annotator,
                "spans": doc.span_count(),
                "last_change": doc.last_change().map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            })
        })
        .collect();
    let done = corpus
        .documents
        .iter()
        .filter(|doc| matches!(doc.status(), DocStatus::Done | DocStatus::Reviewed))
        .count();
    json!({
        "documents": documents,
        "annotators": stats.annotators.iter().map(|p| json!({"name": p.name, "done": p.done, "started": p.started, "total": p.total})).collect::<Vec<_>>(),
        "done": done,
        "total": corpus.documents.len(),
    })
}

/// The progress as tables: one row per document, then one per annotator.
fn status_text(corpora: &[Corpus]) -> String {
    let Some(corpus) = corpora.first() else {
        return String::new();
    };
    let annotators = assignments(corpus);
    let mut header: Vec<(&str, Align)> = vec![("document", Align::Left), ("status", Align::Left)];
    header.extend(
        annotators
            .iter()
            .map(|(name, _)| (name.as_str(), Align::Left)),
    );
    header.push(("spans", Align::Right));
    header.push(("last change", Align::Left));
    let rows: Vec<Vec<String>> = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(index, doc)| {
            let mut row = vec![doc.name.clone(), status_name(doc.status()).to_owned()];
            row.extend(
                annotators
                    .iter()
                    .map(|(name, mask)| cell_text(doc, name, mask[index])),
            );
            row.push(doc.span_count().to_string());
            row.push(doc.last_change().map_or_else(
                || "-".to_owned(),
                |t| t.format("%Y-%m-%d %H:%M UTC").to_string(),
            ));
            row
        })
        .collect();
    let done = corpus
        .documents
        .iter()
        .filter(|doc| matches!(doc.status(), DocStatus::Done | DocStatus::Reviewed))
        .count();
    let mut text = render(&header, &rows);
    text.push('\n');
    text.push_str(&progress_table(&corpus_stats(corpora)));
    text.push_str(&format!(
        "\ncorpus: {done}/{} documents done\n",
        corpus.documents.len()
    ));
    text
}

//! The document list of a corpus, without a GUI: which documents show (filtered by status,
//! label and annotator, searched by name), in which order, each row's status as the annotator
//! sees it, the progress bar's numbers, and moving to the next or previous (unfinished)
//! document of the list.
//!
//! The *viewer* is the annotator whose work the list shows (see [`ListQuery::viewer`]): with a
//! viewer a row's status is the status of the viewer's own file (`todo` without one), so "next
//! unfinished" means "next document I have not finished"; without one it is the document's
//! status ([`CorpusDocument::status`]: the least advanced of its files).

use chrono::{DateTime, Utc};

use super::document::{CorpusDocument, is_finished, status_rank};
use super::scan::Corpus;
use crate::model::DocStatus;

/// The column the list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListSort {
    /// By document name (folders first by path, `/` between folders).
    #[default]
    Name,
    /// By status in workflow order (`todo` first), then name.
    Status,
    /// By span count, then name.
    Spans,
    /// By last change (documents without one first), then name.
    LastChange,
}

impl ListSort {
    /// Every sort, in the order the list offers them.
    pub const ALL: [ListSort; 4] = [
        ListSort::Name,
        ListSort::Status,
        ListSort::Spans,
        ListSort::LastChange,
    ];

    /// The column's title.
    pub fn title(self) -> &'static str {
        match self {
            ListSort::Name => "Name",
            ListSort::Status => "Status",
            ListSort::Spans => "Spans",
            ListSort::LastChange => "Last change",
        }
    }
}

/// What the list shows: sort, filters and search.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListQuery {
    /// The sort column.
    pub sort: ListSort,
    /// Reverse the order.
    pub descending: bool,
    /// Only documents with this status (as the viewer sees it).
    pub status: Option<DocStatus>,
    /// Only documents with at least one span of this label.
    pub label: Option<String>,
    /// Only documents this annotator has a file for or is assigned.
    pub annotator: Option<String>,
    /// Only documents whose name contains this text (case-insensitive); empty: all.
    pub search: String,
    /// Whose statuses the rows show (`None`: the documents' own; see the module docs).
    pub viewer: Option<String>,
}

/// The status of `doc` as `viewer` sees it (see the module docs).
pub fn row_status(doc: &CorpusDocument, viewer: Option<&str>) -> DocStatus {
    match viewer {
        Some(name) => doc.status_of(name).unwrap_or(DocStatus::Todo),
        None => doc.status(),
    }
}

/// Whether `doc` has a span of `label` in one of its annotation files.
fn has_label(doc: &CorpusDocument, label: &str) -> bool {
    doc.annotation_files().any(|(_, info)| {
        info.label_counts
            .iter()
            .any(|(name, count)| name == label && *count > 0)
    })
}

/// Indices into `corpus.documents` of the rows `query` shows, in display order.
pub fn list_rows(corpus: &Corpus, query: &ListQuery) -> Vec<usize> {
    let viewer = query.viewer.as_deref();
    let assigned = query.annotator.as_deref().map(|name| {
        (
            name,
            corpus.assignment_mask(name),
            has_assignments(corpus, name),
        )
    });
    let needle = query.search.trim().to_lowercase();
    let mut rows: Vec<usize> = corpus
        .documents
        .iter()
        .enumerate()
        .filter(|(index, doc)| {
            query
                .status
                .is_none_or(|status| row_status(doc, viewer) == status)
                && query
                    .label
                    .as_deref()
                    .is_none_or(|label| has_label(doc, label))
                && assigned.as_ref().is_none_or(|(name, mask, explicit)| {
                    doc.annotators().contains(name) || (*explicit && mask[*index])
                })
                && (needle.is_empty() || doc.name.to_lowercase().contains(&needle))
        })
        .map(|(index, _)| index)
        .collect();
    let docs = &corpus.documents;
    let by_name = |a: usize, b: usize| docs[a].name.cmp(&docs[b].name).then(a.cmp(&b));
    match query.sort {
        // Documents come sorted by name from the scan; a stable sort keeps it for ties.
        ListSort::Name => rows.sort_by(|&a, &b| by_name(a, b)),
        ListSort::Status => {
            let mut keyed: Vec<(usize, usize)> = rows
                .iter()
                .map(|&i| (status_rank(row_status(&docs[i], viewer)), i))
                .collect();
            keyed.sort_by(|x, y| x.0.cmp(&y.0).then(by_name(x.1, y.1)));
            rows = keyed.into_iter().map(|(_, i)| i).collect();
        }
        ListSort::Spans => {
            let mut keyed: Vec<(usize, usize)> =
                rows.iter().map(|&i| (docs[i].span_count(), i)).collect();
            keyed.sort_by(|x, y| x.0.cmp(&y.0).then(by_name(x.1, y.1)));
            rows = keyed.into_iter().map(|(_, i)| i).collect();
        }
        ListSort::LastChange => {
            let mut keyed: Vec<(Option<DateTime<Utc>>, usize)> =
                rows.iter().map(|&i| (docs[i].last_change(), i)).collect();
            keyed.sort_by(|x, y| x.0.cmp(&y.0).then(by_name(x.1, y.1)));
            rows = keyed.into_iter().map(|(_, i)| i).collect();
        }
    }
    if query.descending {
        rows.reverse();
    }
    rows
}

/// Whether the corpus file lists assignments for `annotator`.
fn has_assignments(corpus: &Corpus, annotator: &str) -> bool {
    corpus
        .file
        .as_ref()
        .is_some_and(|file| file.assigned_to(annotator).is_some())
}

/// Which way to move in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Down the list.
    Next,
    /// Up the list.
    Previous,
}

/// The row to go to from document `current` (an index into `corpus.documents`, `None`: no
/// corpus document open) among `rows` (from [`list_rows`]), one `step` away; with
/// `unfinished`, the nearest row in that direction whose status (as `viewer` sees it) is not
/// done or reviewed, wrapping around the list once. `None` when there is no such row.
pub fn step_row(
    corpus: &Corpus,
    rows: &[usize],
    current: Option<usize>,
    step: Step,
    unfinished: bool,
    viewer: Option<&str>,
) -> Option<usize> {
    if rows.is_empty() {
        return None;
    }
    let here = current.and_then(|doc| rows.iter().position(|&row| row == doc));
    let count = rows.len();
    let wanted =
        |row: usize| !unfinished || !is_finished(row_status(&corpus.documents[row], viewer));
    if !unfinished {
        let at = match (here, step) {
            (None, Step::Next) => 0,
            (None, Step::Previous) => count - 1,
            (Some(at), Step::Next) => (at + 1).min(count - 1),
            (Some(at), Step::Previous) => at.saturating_sub(1),
        };
        return Some(rows[at]).filter(|&row| Some(row) != current);
    }
    // From the row after (before) the current one, around the list, the current row last.
    let start = match (here, step) {
        (None, Step::Next) => 0,
        (None, Step::Previous) => count - 1,
        (Some(at), Step::Next) => (at + 1) % count,
        (Some(at), Step::Previous) => (at + count - 1) % count,
    };
    (0..count)
        .map(|offset| match step {
            Step::Next => (start + offset) % count,
            Step::Previous => (start + count - offset) % count,
        })
        .map(|at| rows[at])
        .find(|&row| Some(row) != current && wanted(row))
}

/// The progress bar's numbers: documents finished and in all, over the documents the viewer
/// is to annotate (every document without a viewer, counting a document finished when all its
/// files are).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListProgress {
    /// Documents done or reviewed.
    pub done: usize,
    /// Documents in all.
    pub total: usize,
}

impl ListProgress {
    /// `done / total` in `[0, 1]` (0 for an empty corpus).
    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            0.0
        } else {
            self.done as f32 / self.total as f32
        }
    }
}

/// The progress of `viewer` (see [`ListProgress`]).
pub fn list_progress(corpus: &Corpus, viewer: Option<&str>) -> ListProgress {
    match viewer {
        Some(name) => {
            let mine = corpus.documents_of(name);
            ListProgress {
                done: mine
                    .iter()
                    .filter(|doc| doc.status_of(name).is_some_and(is_finished))
                    .count(),
                total: mine.len(),
            }
        }
        None => ListProgress {
            done: corpus
                .documents
                .iter()
                .filter(|doc| is_finished(doc.status()))
                .count(),
            total: corpus.documents.len(),
        },
    }
}

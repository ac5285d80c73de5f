//! Progress per annotator: of the documents assigned to them (every document when the corpus
//! file assigns them nothing), how many their own file marks done or reviewed.

use crate::corpus::Corpus;
use crate::corpus::document::is_finished;
use crate::model::DocStatus;

/// One annotator's progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotatorProgress {
    /// The annotator.
    pub name: String,
    /// Documents finished (their file is `done` or `reviewed`).
    pub done: usize,
    /// Documents started but not finished (`in_progress`, or `todo` with a file).
    pub started: usize,
    /// Documents they are to annotate.
    pub total: usize,
}

impl AnnotatorProgress {
    /// `done / total` in `[0, 1]` (1 for no documents).
    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.done as f64 / self.total as f64
        }
    }
}

/// The progress of every annotator of `corpora`, summed over the corpora.
pub fn annotator_progress(corpora: &[Corpus]) -> Vec<AnnotatorProgress> {
    let mut out: Vec<AnnotatorProgress> = Vec::new();
    for corpus in corpora {
        for name in corpus.annotators() {
            let docs = corpus.documents_of(&name);
            let statuses: Vec<Option<DocStatus>> =
                docs.iter().map(|doc| doc.status_of(&name)).collect();
            let done = statuses
                .iter()
                .flatten()
                .filter(|s| is_finished(**s))
                .count();
            let started = statuses.iter().flatten().count() - done;
            let entry = match out.iter().position(|p| p.name == name) {
                Some(index) => &mut out[index],
                None => {
                    out.push(AnnotatorProgress {
                        name: name.clone(),
                        done: 0,
                        started: 0,
                        total: 0,
                    });
                    let last = out.len() - 1;
                    &mut out[last]
                }
            };
            entry.done += done;
            entry.started += started;
            entry.total += docs.len();
        }
    }
    out
}

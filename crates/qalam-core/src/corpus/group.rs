//! Grouping scanned files into documents: every file holding the same text (same SHA-256) is
//! one document, whatever its name. Reports, without changing anything, a file whose text
//! differs from the other files of its name, and an annotation file whose labels are not the
//! corpus label set.

use std::collections::{BTreeSet, HashMap};

use super::corpus_file::CorpusFile;
use super::document::{CorpusDocument, ScanProblem, ScannedFile};

/// Groups `files` (sorted by path) into documents sorted by name, with the problems found.
pub fn group_files(
    files: Vec<ScannedFile>,
    corpus: Option<&CorpusFile>,
) -> (Vec<CorpusDocument>, Vec<ScanProblem>) {
    let mut problems = name_clashes(&files);
    if let Some(corpus) = corpus {
        problems.extend(files.iter().filter_map(|file| label_problem(file, corpus)));
    }
    let mut by_text: HashMap<String, usize> = HashMap::with_capacity(files.len());
    let mut documents: Vec<CorpusDocument> = Vec::new();
    for file in files {
        match by_text.get(&file.text_sha256) {
            Some(&index) => documents[index].files.push(file),
            None => {
                by_text.insert(file.text_sha256.clone(), documents.len());
                documents.push(CorpusDocument {
                    name: file.stem.clone(),
                    text_sha256: file.text_sha256.clone(),
                    files: vec![file],
                });
            }
        }
    }
    for doc in &mut documents {
        if let Some(text) = doc.files.iter().find(|file| file.annotation.is_none()) {
            doc.name = text.stem.clone();
        }
    }
    documents.sort_by(|a, b| a.name.cmp(&b.name).then(a.text_sha256.cmp(&b.text_sha256)));
    (documents, problems)
}

/// Files whose text differs from the other files of the same stem. The reference text is the
/// `.txt` file's if there is one, else the one most files of that stem share (the first on a
/// tie).
fn name_clashes(files: &[ScannedFile]) -> Vec<ScanProblem> {
    let mut by_stem: HashMap<&str, Vec<&ScannedFile>> = HashMap::new();
    for file in files {
        by_stem.entry(file.stem.as_str()).or_default().push(file);
    }
    let mut problems = Vec::new();
    for group in by_stem.values() {
        let Some(first) = group.first() else {
            continue;
        };
        if group
            .iter()
            .all(|file| file.text_sha256 == first.text_sha256)
        {
            continue;
        }
        let reference = group
            .iter()
            .find(|file| file.annotation.is_none())
            .copied()
            .unwrap_or_else(|| most_shared(group));
        for file in group {
            if file.text_sha256 != reference.text_sha256 {
                problems.push(ScanProblem::TextDiffers {
                    path: file.path.clone(),
                    other: reference.path.clone(),
                });
            }
        }
    }
    problems
}

/// The first file whose text most files of `group` share.
fn most_shared<'a>(group: &[&'a ScannedFile]) -> &'a ScannedFile {
    let count = |sha: &str| group.iter().filter(|f| f.text_sha256 == sha).count();
    let mut best = group[0];
    for file in group {
        if count(&file.text_sha256) > count(&best.text_sha256) {
            best = file;
        }
    }
    best
}

/// The problem with an annotation file whose label names are not the corpus's.
pub(crate) fn label_problem(file: &ScannedFile, corpus: &CorpusFile) -> Option<ScanProblem> {
    let info = file.annotation.as_ref()?;
    let own: BTreeSet<&str> = info.label_names.iter().map(String::as_str).collect();
    let shared: BTreeSet<&str> = corpus
        .labels
        .labels
        .iter()
        .map(|label| label.name.as_str())
        .collect();
    if own == shared {
        return None;
    }
    Some(ScanProblem::LabelsDisagree {
        path: file.path.clone(),
        not_in_corpus: own.difference(&shared).map(|s| (*s).to_owned()).collect(),
        missing: shared.difference(&own).map(|s| (*s).to_owned()).collect(),
    })
}

//! Keeping a scanned [`Corpus`] true while a document of it is edited: the window records the
//! open annotation into its document after every change, so the list, the progress bar and the
//! statistics show unsaved work at once, without scanning again.

use std::path::Path;

use super::document::{AnnotationInfo, ScanProblem, ScannedFile, slash_path};
use super::group::label_problem;
use super::naming::parse_file_name;
use super::scan::Corpus;
use crate::model::Annotation;

impl Corpus {
    /// Records `ann` as the annotation file `path` (absolute under the root, or relative to
    /// it) of document `doc` (an index into [`Corpus::documents`]), written by `annotator`:
    /// the file's summary is replaced, or the file is added to the document if it is new. The
    /// file's label-set disagreement with the corpus is worked out again. Returns whether
    /// anything changed (`false` also for an index out of range or a path outside the root).
    pub fn record_annotation(
        &mut self,
        doc: usize,
        path: &Path,
        ann: &Annotation,
        annotator: Option<&str>,
    ) -> bool {
        let relative = path.strip_prefix(&self.root).unwrap_or(path).to_owned();
        if relative.is_absolute() {
            return false;
        }
        let Some(document) = self.documents.get_mut(doc) else {
            return false;
        };
        let file_name = relative
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let gold = parse_file_name(&file_name, &[""; 0]).is_some_and(|parsed| parsed.gold);
        let mut info = AnnotationInfo::of(ann, annotator.filter(|_| !gold).map(str::to_owned));
        info.gold = gold;
        let modified = Some(ann.modified());
        match document.files.iter_mut().find(|file| file.path == relative) {
            Some(file) => {
                if file.annotation.as_ref() == Some(&info) && file.modified == modified {
                    return false;
                }
                file.annotation = Some(info);
                file.modified = modified;
            }
            None => {
                let name = relative
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let known: Vec<&str> = annotator.into_iter().collect();
                let stem_name = parse_file_name(&name, &known).map_or(name, |parsed| parsed.stem);
                let file = ScannedFile {
                    path: relative.clone(),
                    stem: slash_path(&relative.with_file_name(stem_name)),
                    text_sha256: document.text_sha256.clone(),
                    modified,
                    annotation: Some(info),
                };
                let at = document
                    .files
                    .partition_point(|other| other.path < file.path);
                document.files.insert(at, file);
            }
        }
        if let Some(corpus_file) = &self.file {
            let problem = document
                .files
                .iter()
                .find(|file| file.path == relative)
                .and_then(|file| label_problem(file, corpus_file));
            self.problems.retain(|old| {
                !(matches!(old, ScanProblem::LabelsDisagree { .. }) && old.path() == relative)
            });
            if let Some(problem) = problem {
                let at = self
                    .problems
                    .partition_point(|old| old.path() < problem.path());
                self.problems.insert(at, problem);
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::corpus::scan;
    use crate::model::notation::Case;
    use crate::model::{DocStatus, Edit, LabelSet};

    fn fixture() -> Corpus {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
        scan(&root).expect("scan")
    }

    #[test]
    fn a_new_file_joins_its_document_and_counts() {
        let mut corpus = fixture();
        let c = corpus
            .documents
            .iter()
            .position(|doc| doc.name == "c")
            .expect("c");
        assert_eq!(corpus.documents[c].status_of("Omar"), None);
        let mut ann = Case::parse("نص [لم|PERSON] يبدأ بعد.")
            .expect("notation")
            .annotation();
        ann.apply(Edit::SetStatus(DocStatus::Done)).expect("status");
        let path = corpus.root.join("c.Omar.qalam.json");
        assert!(corpus.record_annotation(c, &path, &ann, Some("Omar")));
        let doc = &corpus.documents[c];
        assert_eq!(doc.status_of("Omar"), Some(DocStatus::Done));
        assert_eq!(doc.span_count(), 1);
        assert_eq!(doc.files.len(), 2);
        assert_eq!(doc.files[1].stem, "c");
        // The notation's labels are the default set, not the corpus's two: reported.
        assert!(corpus.problems.iter().any(|p| matches!(
            p, ScanProblem::LabelsDisagree { path, .. } if path == Path::new("c.Omar.qalam.json")
        )));
        // Recording the same state again changes nothing.
        assert!(!corpus.record_annotation(c, &path, &ann, Some("Omar")));
    }

    #[test]
    fn an_edited_file_replaces_its_summary_and_its_problem_goes() {
        let mut corpus = fixture();
        let labels = corpus.file.as_ref().expect("corpus file").labels.clone();
        let mut parts = Case::parse("التقى [كيم جونغ أون|PERSON] في [بيونغ يانغ|COUNTRY].")
            .expect("notation")
            .annotation()
            .into_parts();
        parts.labels = labels;
        let ann = Annotation::from_parts(parts).expect("valid");
        let b = corpus
            .documents
            .iter()
            .position(|doc| doc.name == "news/b")
            .expect("b");
        assert!(corpus.record_annotation(
            b,
            Path::new("news/b.Amal.qalam.json"),
            &ann,
            Some("Amal")
        ));
        assert_eq!(corpus.documents[b].span_count(), 2);
        assert_eq!(corpus.documents[b].files.len(), 2);
        assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
        let mut other = ann.clone().into_parts();
        other.labels = LabelSet::default();
        let other = Annotation::from_parts(other).expect("valid");
        assert!(corpus.record_annotation(
            b,
            Path::new("news/b.Amal.qalam.json"),
            &other,
            Some("Amal")
        ));
        assert_eq!(corpus.problems.len(), 1);
        assert!(!corpus.record_annotation(99, Path::new("x.qalam.json"), &ann, None));
        assert!(!corpus.record_annotation(b, Path::new("/elsewhere/x.qalam.json"), &ann, None));
    }
}

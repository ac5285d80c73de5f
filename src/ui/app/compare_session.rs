//! The open comparison: the annotators' annotations of one text, the core
//! [`AdjudicationSession`] over them, which disagreement shows, and the views of the compare
//! view (the merged view and one per annotator). The gold annotation itself is an ordinary
//! open document (found by its save path), so saving, undo and hand edits are the usual ones.

use std::path::PathBuf;

use qalam_core::compare::GroupKind;
use qalam_core::compare::adjudication::AdjudicationSession;
use qalam_core::model::{
    Annotation, AnnotationParts, DocStatus, Label, LabelSet, Rgb, Span, SpanId,
};

use crate::ui::document_view::DocumentView;

/// One annotator's file in the comparison.
pub struct ComparedVersion {
    /// Whose it is.
    pub annotator: String,
    /// The file.
    pub path: PathBuf,
    /// Its annotation.
    pub annotation: Annotation,
    /// Its read-only view in the side-by-side columns.
    pub view: DocumentView,
}

/// The categories of groups, in legend order, with their names and colours.
pub const CATEGORIES: [(GroupKind, &str, Rgb); 4] = [
    (GroupKind::Agree, "agreed", Rgb([0x7a, 0x86, 0x8c])),
    (GroupKind::Label, "label", Rgb([0xe6, 0x7e, 0x00])),
    (GroupKind::Boundary, "boundary", Rgb([0x8e, 0x44, 0xad])),
    (GroupKind::Partial, "only some", Rgb([0xd0, 0x21, 0x2d])),
];

/// The name of a group category in the legend and the merged view.
pub fn category_name(kind: GroupKind) -> &'static str {
    CATEGORIES
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map_or("?", |(_, name, _)| name)
}

/// The comparison shown in the compare view.
pub struct CompareSession {
    /// The annotators' files, in the session's annotator order.
    pub versions: Vec<ComparedVersion>,
    /// The adjudication.
    pub session: AdjudicationSession,
    /// The gold file: the open document saving there is the gold annotation.
    pub gold_path: PathBuf,
    /// The disagreement shown, if any.
    pub current: Option<usize>,
    /// One column per annotator instead of the merged view.
    pub side_by_side: bool,
    /// A gold span is being edited by hand: the label hotkeys act, not the compare keys.
    pub editing: bool,
    /// Every group as a span labelled with its category, for the merged view (span id = group
    /// index + 1).
    pub merged: Annotation,
    /// The merged view.
    pub merged_view: DocumentView,
    /// The corpus document compared, if it came from the corpus.
    pub corpus_document: Option<usize>,
}

impl CompareSession {
    /// A comparison of `versions` (at least two, of one text) whose gold goes to `gold_path`.
    pub fn new(versions: Vec<(String, PathBuf, Annotation)>, gold_path: PathBuf) -> Self {
        let annotators: Vec<String> = versions.iter().map(|(name, _, _)| name.clone()).collect();
        let refs: Vec<&Annotation> = versions.iter().map(|(_, _, ann)| ann).collect();
        let session = AdjudicationSession::new(annotators, &refs);
        let merged = merged_annotation(&session, refs.first().copied());
        Self {
            versions: versions
                .into_iter()
                .map(|(annotator, path, annotation)| ComparedVersion {
                    annotator,
                    path,
                    annotation,
                    view: DocumentView::new(),
                })
                .collect(),
            session,
            gold_path,
            current: None,
            side_by_side: false,
            editing: false,
            merged,
            merged_view: DocumentView::new(),
            corpus_document: None,
        }
    }

    /// The annotations, in annotator order.
    pub fn annotations(&self) -> Vec<&Annotation> {
        self.versions.iter().map(|v| &v.annotation).collect()
    }

    /// The merged view's span of disagreement `index`.
    pub fn merged_span_of(&self, index: usize) -> Option<SpanId> {
        self.session
            .disagreements()
            .get(index)
            .map(|d| SpanId(d.group as u64 + 1))
    }
}

/// The text of `first` with every group of `session` as a span labelled by its category.
fn merged_annotation(session: &AdjudicationSession, first: Option<&Annotation>) -> Annotation {
    let Some(first) = first else {
        return Annotation::new(qalam_core::model::Document::new("merged", ""));
    };
    let labels = LabelSet {
        labels: CATEGORIES
            .iter()
            .map(|(_, name, color)| Label::new(*name, *color, None))
            .collect(),
        allow_overlaps: true,
        extra: serde_json::Map::new(),
    };
    let at = first.modified();
    let spans = session
        .groups()
        .iter()
        .enumerate()
        .map(|(index, group)| {
            Span::new(
                SpanId(index as u64 + 1),
                group.start,
                group.end,
                category_name(group.kind()),
                at,
            )
        })
        .collect();
    let parts = AnnotationParts {
        document: first.document().clone(),
        labels,
        spans,
        status: DocStatus::InProgress,
        annotator: None,
        created: at,
        modified: at,
        extra: serde_json::Map::new(),
    };
    // Groups lie within the text (their variants do) and are labelled with the categories.
    Annotation::from_parts(parts).unwrap_or_else(|_| Annotation::new(first.document().clone()))
}

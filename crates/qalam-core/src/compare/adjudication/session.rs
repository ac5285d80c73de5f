//! The adjudication session: the groups, the disagreements among them, each one's decision,
//! and the edits that carry a decision into the gold annotation.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::gold::gold_labels;
use super::provenance::provenance_of;
use crate::compare::{Group, GroupKind, merge};
use crate::model::{Annotation, AnnotationParts, DocStatus, Edit, Resolution, Span, SpanId};

/// How to resolve a disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Choice {
    /// Annotator *i*'s variant (none, if they had nothing there).
    Take(usize),
    /// Every distinct variant.
    All,
    /// No span.
    Neither,
    /// One variant (the decision's span if there is one, else the first annotator's) to edit
    /// by hand; recorded as `edited`.
    Edit,
}

impl Choice {
    /// The decision in words, for lists and messages: `took amal`, `took all`, `took neither`,
    /// `edited`.
    pub fn describe(self, annotators: &[String]) -> String {
        match self {
            Choice::Take(i) => format!("took {}", annotators.get(i).map_or("?", String::as_str)),
            Choice::All => "took all".to_owned(),
            Choice::Neither => "took neither".to_owned(),
            Choice::Edit => "edited".to_owned(),
        }
    }
}

/// A decided disagreement: the choice and the gold spans it added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// What was chosen.
    pub choice: Choice,
    /// The gold spans the decision added (they may since have been edited or deleted).
    pub spans: Vec<SpanId>,
}

/// A group the annotators do not all agree on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Disagreement {
    /// Index into [`AdjudicationSession::groups`].
    pub group: usize,
    /// Label, boundary or partial (only some have it).
    pub kind: GroupKind,
}

/// A decision ready to apply: apply `edit` to the gold annotation through its history, then
/// give this back to [`AdjudicationSession::commit`] with the new revision.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The edit (a `Group`) that carries the decision into the gold annotation.
    pub edit: Edit,
    /// Which disagreement.
    pub disagreement: usize,
    /// The decision.
    pub decision: Decision,
}

impl Prepared {
    /// The gold span to select after applying (the first one added), if any.
    pub fn first_span(&self) -> Option<SpanId> {
        self.decision.spans.first().copied()
    }
}

/// Why a decision could not be prepared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AdjudicationError {
    /// There is no disagreement with this index.
    #[error("there is no disagreement {0}")]
    NoSuchDisagreement(usize),
    /// There is no annotator with this index.
    #[error("there is no annotator {0} (there are {1})")]
    NoSuchAnnotator(usize, usize),
}

/// The adjudication of one text (see the [module docs](super)).
#[derive(Debug, Clone)]
pub struct AdjudicationSession {
    annotators: Vec<String>,
    groups: Vec<Group>,
    disagreements: Vec<Disagreement>,
    decisions: Vec<Option<Decision>>,
    /// Decisions as they were at each revision of the gold history seen.
    seen: HashMap<u64, Vec<Option<Decision>>>,
}

impl AdjudicationSession {
    /// A session over the annotations `versions` of one text, by `annotators` (same order).
    pub fn new(annotators: Vec<String>, versions: &[&Annotation]) -> Self {
        let lists: Vec<&[Span]> = versions.iter().map(|ann| ann.spans()).collect();
        let groups = merge(&lists);
        let disagreements: Vec<Disagreement> = groups
            .iter()
            .enumerate()
            .filter_map(|(group, g)| {
                let kind = g.kind();
                (kind != GroupKind::Agree).then_some(Disagreement { group, kind })
            })
            .collect();
        let decisions = vec![None; disagreements.len()];
        let mut seen = HashMap::new();
        seen.insert(0, decisions.clone());
        Self {
            annotators,
            groups,
            disagreements,
            decisions,
            seen,
        }
    }

    /// The annotators, in the order of every group's variants.
    pub fn annotators(&self) -> &[String] {
        &self.annotators
    }

    /// Every group, agreed ones included, sorted by position.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// The groups to resolve, in text order.
    pub fn disagreements(&self) -> &[Disagreement] {
        &self.disagreements
    }

    /// The group of disagreement `index`.
    pub fn group_of(&self, index: usize) -> Option<&Group> {
        self.disagreements
            .get(index)
            .and_then(|d| self.groups.get(d.group))
    }

    /// The decision on disagreement `index`, if it is decided.
    pub fn decision(&self, index: usize) -> Option<&Decision> {
        self.decisions.get(index).and_then(Option::as_ref)
    }

    /// How many disagreements are decided.
    pub fn decided(&self) -> usize {
        self.decisions.iter().flatten().count()
    }

    /// The disagreement after (`forward`) or before `from` (from the start or the end when
    /// `None`), not wrapping; `None` past the last (first).
    pub fn step(&self, from: Option<usize>, forward: bool) -> Option<usize> {
        let count = self.disagreements.len();
        match (from, forward) {
            (None, true) => (count > 0).then_some(0),
            (None, false) => count.checked_sub(1),
            (Some(i), true) => (i + 1 < count).then_some(i + 1),
            (Some(i), false) => i.checked_sub(1),
        }
    }

    /// The disagreement containing code point `cp` (the first one), if any.
    pub fn at(&self, cp: usize) -> Option<usize> {
        self.disagreements.iter().position(|d| {
            let group = &self.groups[d.group];
            group.start <= cp && cp < group.end
        })
    }

    /// The gold annotation to start from: the text of `versions[0]`, the union of the label
    /// sets, every agreed group as a span decided `agreed` by `decided_by` at `now`, with
    /// every annotator as a source; status in progress. `versions` are the ones given to
    /// [`AdjudicationSession::new`].
    pub fn gold(
        &self,
        versions: &[&Annotation],
        decided_by: &str,
        now: DateTime<Utc>,
    ) -> Annotation {
        let sets: Vec<_> = versions.iter().map(|ann| ann.labels()).collect();
        let document = versions
            .first()
            .map(|ann| ann.document().clone())
            .unwrap_or_else(|| crate::model::Document::new("gold", ""));
        let mut spans = Vec::new();
        for group in &self.groups {
            if group.kind() != GroupKind::Agree {
                continue;
            }
            let Some(first) = group.present().next() else {
                continue;
            };
            let mut span = Span::new(
                SpanId(spans.len() as u64 + 1),
                first.start,
                first.end,
                &first.label,
                now,
            );
            span.annotator = Some(decided_by.to_owned());
            span.adjudication = Some(provenance_of(
                group,
                &self.annotators,
                (first.start, first.end, &first.label),
                Resolution::Agreed,
                decided_by,
                now,
            ));
            spans.push(span);
        }
        let parts = AnnotationParts {
            document,
            labels: gold_labels(&sets),
            spans,
            status: DocStatus::InProgress,
            annotator: Some(decided_by.to_owned()),
            created: now,
            modified: now,
            extra: serde_json::Map::new(),
        };
        // The spans are the annotators' own, inside the same text, with labels of the union.
        Annotation::from_parts_unchecked(parts)
    }

    /// The edit that resolves disagreement `index` with `choice` in `gold`, by `decided_by` at
    /// `now`: removes the gold spans the previous decision added (those still there) and adds
    /// the chosen ones, as one `Group`. Apply it, then [`commit`](Self::commit) it.
    pub fn resolve(
        &self,
        index: usize,
        choice: Choice,
        gold: &Annotation,
        decided_by: &str,
        now: DateTime<Utc>,
    ) -> Result<Prepared, AdjudicationError> {
        let group = self
            .group_of(index)
            .ok_or(AdjudicationError::NoSuchDisagreement(index))?;
        if let Choice::Take(i) = choice
            && i >= self.annotators.len()
        {
            return Err(AdjudicationError::NoSuchAnnotator(i, self.annotators.len()));
        }
        let previous: Vec<SpanId> = self
            .decision(index)
            .map(|d| d.spans.clone())
            .unwrap_or_default();
        let mut edits: Vec<Edit> = previous
            .iter()
            .filter(|id| gold.span(**id).is_some())
            .map(|id| Edit::RemoveSpan(*id))
            .collect();
        // Edit keeps the decision's own span, if it is the only one left.
        let kept: Vec<&Span> = previous.iter().filter_map(|id| gold.span(*id)).collect();
        let (chosen, resolution): (Vec<(usize, usize, String)>, Resolution) = match choice {
            Choice::Take(i) => (
                group.variants[i]
                    .iter()
                    .map(|v| (v.start, v.end, v.label.clone()))
                    .collect(),
                Resolution::Took,
            ),
            Choice::All => {
                let mut all: Vec<(usize, usize, String)> = Vec::new();
                for v in group.present() {
                    let key = (v.start, v.end, v.label.clone());
                    if !all.contains(&key) {
                        all.push(key);
                    }
                }
                (all, Resolution::Both)
            }
            Choice::Neither => (Vec::new(), Resolution::Took),
            Choice::Edit => match kept.as_slice() {
                [only] => (
                    (vec![(only.start, only.end, only.label.clone())]),
                    Resolution::Edited,
                ),
                _ => (
                    group
                        .present()
                        .next()
                        .map(|v| (v.start, v.end, v.label.clone()))
                        .into_iter()
                        .collect(),
                    Resolution::Edited,
                ),
            },
        };
        let first = gold.next_span_id().0;
        let mut added = Vec::new();
        for (next, (start, end, label)) in (first..).zip(chosen) {
            let id = SpanId(next);
            let mut span = Span::new(id, start, end, &label, now);
            span.annotator = Some(decided_by.to_owned());
            span.adjudication = Some(provenance_of(
                group,
                &self.annotators,
                (start, end, &label),
                resolution,
                decided_by,
                now,
            ));
            edits.push(Edit::AddSpan(span));
            added.push(id);
        }
        Ok(Prepared {
            edit: Edit::Group(edits),
            disagreement: index,
            decision: Decision {
                choice,
                spans: added,
            },
        })
    }

    /// Takes over the decisions an earlier session left in `gold` (a gold file opened again):
    /// a disagreement is decided when a gold span inside its group records a decision other
    /// than `agreed`, with the choice that provenance names (`took` with one source: that
    /// annotator; `both`: all; `edited`: edit). The decisions count as those of revision 0.
    pub fn adopt(&mut self, gold: &Annotation) {
        for (index, d) in self.disagreements.iter().enumerate() {
            let group = &self.groups[d.group];
            let mut spans = Vec::new();
            let mut choice = None;
            for span in gold.spans_in(group.start..group.end) {
                if span.start < group.start || span.end > group.end {
                    continue;
                }
                let Some(provenance) = &span.adjudication else {
                    continue;
                };
                let this = match provenance.resolution {
                    Resolution::Agreed => continue,
                    Resolution::Both => Choice::All,
                    Resolution::Edited => Choice::Edit,
                    Resolution::Took => provenance
                        .sources
                        .first()
                        .and_then(|who| self.annotators.iter().position(|a| a == who))
                        .map_or(Choice::Edit, Choice::Take),
                };
                choice.get_or_insert(this);
                spans.push(span.id);
            }
            if let Some(choice) = choice {
                self.decisions[index] = Some(Decision { choice, spans });
            }
        }
        self.seen.clear();
        self.seen.insert(0, self.decisions.clone());
    }

    /// Records `prepared` as applied, the gold history now at `revision`.
    pub fn commit(&mut self, prepared: Prepared, revision: u64) {
        if let Some(slot) = self.decisions.get_mut(prepared.disagreement) {
            *slot = Some(prepared.decision);
        }
        self.seen.insert(revision, self.decisions.clone());
    }

    /// Follows the gold history to `revision`: the decisions of that revision if it was seen
    /// (after an undo or redo), else the current ones, remembered for it (an ordinary edit).
    pub fn observe(&mut self, revision: u64) {
        match self.seen.get(&revision) {
            Some(decisions) => {
                if *decisions != self.decisions {
                    self.decisions = decisions.clone();
                }
            }
            None => {
                self.seen.insert(revision, self.decisions.clone());
            }
        }
    }
}

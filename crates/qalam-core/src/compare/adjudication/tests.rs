//! Adjudication in notation: the gold annotation after each decision, undo and redo through
//! the history, and each gold span's provenance.

use chrono::{DateTime, TimeZone, Utc};

use super::*;
use crate::compare::GroupKind;
use crate::model::notation::{Case, assert_notation};
use crate::model::{Adjudication, AdjudicationVariant, Annotation, History, Resolution};

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 3, 12, 0, 0).unwrap()
}

fn ann(notation: &str) -> Annotation {
    Case::parse(notation).expect("notation").annotation()
}

/// A session over the notations, named `amal`, `bilal`, `dina`…, its gold, and the gold's
/// history.
struct Bench {
    session: AdjudicationSession,
    gold: Annotation,
    history: History,
}

impl Bench {
    fn new(notations: &[&str]) -> Self {
        let names = ["amal", "bilal", "dina"];
        let versions: Vec<Annotation> = notations.iter().map(|n| ann(n)).collect();
        let refs: Vec<&Annotation> = versions.iter().collect();
        let annotators = names[..notations.len()]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let session = AdjudicationSession::new(annotators, &refs);
        let gold = session.gold(&refs, "judge", at());
        Self {
            session,
            gold,
            history: History::new(),
        }
    }

    fn resolve(&mut self, index: usize, choice: Choice) {
        let prepared = self
            .session
            .resolve(index, choice, &self.gold, "judge", at())
            .expect("resolve");
        self.history
            .apply_at(&mut self.gold, prepared.edit.clone(), at())
            .expect("apply");
        self.session.commit(prepared, self.history.revision());
    }

    fn undo(&mut self) {
        assert!(self.history.undo(&mut self.gold));
        self.session.observe(self.history.revision());
    }

    fn redo(&mut self) {
        assert!(self.history.redo(&mut self.gold));
        self.session.observe(self.history.revision());
    }

    fn assert_gold(&self, expected: &str) {
        assert_notation(&self.gold, None, None, expected);
    }

    fn provenance_at(&self, start: usize, label: &str) -> Adjudication {
        let span = self
            .gold
            .spans()
            .iter()
            .find(|s| s.start == start && s.label == label)
            .expect("gold span");
        span.adjudication.clone().expect("provenance")
    }
}

const AMAL: &str = "زار [بوتين|PERSON] ل[روسيا|COUNTRY] في [موسكو|PERSON] اليوم";
const BILAL: &str = "زار [بوتين|PERSON] [لروسيا|COUNTRY] في [موسكو|ORGANIZATION] [اليوم|EVENT]";

#[test]
fn agreed_spans_are_pre_filled_and_the_rest_listed_in_text_order() {
    let bench = Bench::new(&[AMAL, BILAL]);
    bench.assert_gold("زار [بوتين|PERSON] لروسيا في موسكو اليوم");
    let kinds: Vec<GroupKind> = bench
        .session
        .disagreements()
        .iter()
        .map(|d| d.kind)
        .collect();
    assert_eq!(
        kinds,
        [GroupKind::Boundary, GroupKind::Label, GroupKind::Partial]
    );
    let agreed = bench.provenance_at(4, "PERSON");
    assert_eq!(agreed.sources, ["amal", "bilal"]);
    assert!(agreed.variants.is_empty());
    assert_eq!(agreed.resolution, Resolution::Agreed);
    assert_eq!(agreed.decided_by, "judge");
}

#[test]
fn take_b_records_sources_and_the_other_variant() {
    let mut bench = Bench::new(&[AMAL, BILAL]);
    bench.resolve(1, Choice::Take(1));
    bench.assert_gold("زار [بوتين|PERSON] لروسيا في [موسكو|ORGANIZATION] اليوم");
    let took = bench.provenance_at(20, "ORGANIZATION");
    assert_eq!(took.sources, ["bilal"]);
    assert_eq!(
        took.variants,
        [AdjudicationVariant {
            annotator: "amal".into(),
            start: 20,
            end: 25,
            label: "PERSON".into()
        }]
    );
    assert_eq!(took.resolution, Resolution::Took);
    assert_eq!(bench.session.decided(), 1);
}

#[test]
fn deciding_again_replaces_the_previous_decision() {
    let mut bench = Bench::new(&[AMAL, BILAL]);
    bench.resolve(0, Choice::Take(0));
    bench.assert_gold("زار [بوتين|PERSON] ل[روسيا|COUNTRY] في موسكو اليوم");
    bench.resolve(0, Choice::All);
    bench.assert_gold("زار [بوتين|PERSON] [ل[روسيا|COUNTRY]|COUNTRY] في موسكو اليوم");
    assert_eq!(
        bench.provenance_at(10, "COUNTRY").resolution,
        Resolution::Both
    );
    bench.resolve(0, Choice::Neither);
    bench.assert_gold("زار [بوتين|PERSON] لروسيا في موسكو اليوم");
    assert_eq!(
        bench.session.decision(0).map(|d| d.choice),
        Some(Choice::Neither)
    );
}

#[test]
fn taking_someone_who_had_nothing_leaves_no_span() {
    let mut bench = Bench::new(&[AMAL, BILAL]);
    bench.resolve(2, Choice::Take(0));
    bench.assert_gold("زار [بوتين|PERSON] لروسيا في موسكو اليوم");
    bench.resolve(2, Choice::Take(1));
    bench.assert_gold("زار [بوتين|PERSON] لروسيا في موسكو [اليوم|EVENT]");
    let only = bench.provenance_at(26, "EVENT");
    assert_eq!(only.sources, ["bilal"]);
    assert!(
        only.variants.is_empty(),
        "amal had nothing: in neither list"
    );
}

#[test]
fn undo_and_redo_take_the_decisions_along() {
    let mut bench = Bench::new(&[AMAL, BILAL]);
    bench.resolve(1, Choice::Take(0));
    bench.resolve(1, Choice::Take(1));
    bench.undo();
    bench.assert_gold("زار [بوتين|PERSON] لروسيا في [موسكو|PERSON] اليوم");
    assert_eq!(
        bench.session.decision(1).map(|d| d.choice),
        Some(Choice::Take(0))
    );
    bench.undo();
    bench.assert_gold("زار [بوتين|PERSON] لروسيا في موسكو اليوم");
    assert_eq!(bench.session.decision(1), None);
    bench.redo();
    bench.redo();
    bench.assert_gold("زار [بوتين|PERSON] لروسيا في [موسكو|ORGANIZATION] اليوم");
    assert_eq!(
        bench.session.decision(1).map(|d| d.choice),
        Some(Choice::Take(1))
    );
}

#[test]
fn an_ordinary_edit_of_the_gold_keeps_the_decisions() {
    let mut bench = Bench::new(&[AMAL, BILAL]);
    bench.resolve(1, Choice::Edit);
    let id = bench.session.decision(1).expect("decided").spans[0];
    bench
        .history
        .apply_at(
            &mut bench.gold,
            crate::model::Edit::Relabel {
                id,
                label: "COUNTRY".into(),
            },
            at(),
        )
        .expect("relabel");
    bench.session.observe(bench.history.revision());
    bench.assert_gold("زار [بوتين|PERSON] لروسيا في [موسكو|COUNTRY] اليوم");
    let edited = bench.provenance_at(20, "COUNTRY");
    assert_eq!(edited.resolution, Resolution::Edited);
    assert!(edited.sources.is_empty(), "the adjudicator's own span");
    let had: Vec<&str> = edited.variants.iter().map(|v| v.label.as_str()).collect();
    assert_eq!(had, ["PERSON", "ORGANIZATION"], "amal's, bilal's");
    assert!(bench.session.decision(1).is_some());
    // Deciding again removes the edited span, as it was this decision's.
    bench.resolve(1, Choice::Take(0));
    bench.assert_gold("زار [بوتين|PERSON] لروسيا في [موسكو|PERSON] اليوم");
}

#[test]
fn three_annotators_take_the_third() {
    let dina = "زار [بوتين|PERSON] ل[روسيا|COUNTRY] في [موسكو|EVENT] اليوم";
    let mut bench = Bench::new(&[AMAL, BILAL, dina]);
    let label = bench
        .session
        .disagreements()
        .iter()
        .position(|d| bench.session.groups()[d.group].start == 20)
        .expect("the موسكو group");
    bench.resolve(label, Choice::Take(2));
    let took = bench.provenance_at(20, "EVENT");
    assert_eq!(took.sources, ["dina"]);
    let others: Vec<&str> = took.variants.iter().map(|v| v.annotator.as_str()).collect();
    assert_eq!(others, ["amal", "bilal"]);
    assert_eq!(
        bench
            .session
            .resolve(label, Choice::Take(3), &bench.gold, "j", at()),
        Err(AdjudicationError::NoSuchAnnotator(3, 3))
    );
}

#[test]
fn stepping_does_not_wrap_and_at_finds_the_group_under_a_point() {
    let bench = Bench::new(&[AMAL, BILAL]);
    let s = &bench.session;
    assert_eq!(s.step(None, true), Some(0));
    assert_eq!(s.step(Some(0), true), Some(1));
    assert_eq!(s.step(Some(2), true), None);
    assert_eq!(s.step(None, false), Some(2));
    assert_eq!(s.step(Some(0), false), None);
    assert_eq!(s.at(22), Some(1));
    assert_eq!(s.at(5), None, "agreed groups are not disagreements");
}

#[test]
fn gold_labels_are_the_union_with_overlaps_allowed() {
    let a = crate::model::LabelSet {
        allow_overlaps: false,
        ..crate::model::LabelSet::default()
    };
    let mut b = crate::model::LabelSet::default();
    b.labels.push(crate::model::Label::new(
        "CITY",
        crate::model::Rgb([1, 2, 3]),
        Some('P'),
    ));
    let union = gold_labels(&[&a, &b]);
    let names: Vec<&str> = union.labels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        ["PERSON", "COUNTRY", "ORGANIZATION", "EVENT", "CITY"]
    );
    assert_eq!(union.labels[4].hotkey, None, "P is PERSON's");
    assert!(union.allow_overlaps);
}

#[test]
fn a_gold_file_opened_again_keeps_its_decisions() {
    let mut bench = Bench::new(&[AMAL, BILAL]);
    bench.resolve(1, Choice::Take(1));
    bench.resolve(0, Choice::All);
    let versions = [ann(AMAL), ann(BILAL)];
    let refs: Vec<&Annotation> = versions.iter().collect();
    let mut again = AdjudicationSession::new(vec!["amal".into(), "bilal".into()], &refs);
    again.adopt(&bench.gold);
    assert_eq!(again.decision(0).map(|d| d.choice), Some(Choice::All));
    assert_eq!(again.decision(0).map(|d| d.spans.len()), Some(2));
    assert_eq!(again.decision(1).map(|d| d.choice), Some(Choice::Take(1)));
    assert_eq!(again.decision(2), None);
    // Deciding again replaces the adopted spans.
    let prepared = again
        .resolve(0, Choice::Take(0), &bench.gold, "judge", at())
        .expect("resolve");
    bench
        .history
        .apply_at(&mut bench.gold, prepared.edit, at())
        .expect("apply");
    bench.assert_gold("زار [بوتين|PERSON] ل[روسيا|COUNTRY] في [موسكو|ORGANIZATION] اليوم");
}

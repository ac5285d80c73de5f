//! Adjudication: choosing the gold annotation of a text from two or more annotators' files.
//!
//! An [`AdjudicationSession`] is built over [`merge`](super::merge())'s groups. Groups every
//! annotator agrees on are pre-filled into the gold annotation ([`AdjudicationSession::gold`]:
//! same text, the union of the label sets, resolution `agreed`, every annotator a source); each
//! other group is a [`Disagreement`] (label, boundary, or only some have it) to resolve with a
//! [`Choice`]: take annotator *i*'s variant, take all variants, take none, or take one to edit.
//!
//! Every resolution is an [`Edit`](crate::model::Edit) on the gold annotation (a `Group`:
//! remove what the previous decision of that group added, add the chosen spans), applied by
//! the caller through the gold document's [`History`](crate::model::History), so undo and redo
//! work as for any edit. The session follows undo and redo through the history's revision
//! numbers ([`AdjudicationSession::observe`]): it keeps its decisions for every revision it has
//! seen, and a revision it has not seen (an ordinary edit of the gold) keeps the decisions.
//!
//! Each gold span records its provenance in its [`adjudication`](crate::model::Adjudication)
//! field ([`provenance_of`]): the annotators who had exactly this span, the other annotators'
//! variants, who decided and how.
//!
//! ```
//! use qalam_core::compare::adjudication::{AdjudicationSession, Choice};
//! use qalam_core::model::notation::{assert_notation, Case};
//! use qalam_core::model::History;
//!
//! let amal = Case::parse("زار [بوتين|PERSON] ل[روسيا|COUNTRY]").unwrap().annotation();
//! let bilal = Case::parse("زار [بوتين|PERSON] ل[روسيا|ORGANIZATION]").unwrap().annotation();
//! let mut session = AdjudicationSession::new(vec!["amal".into(), "bilal".into()], &[&amal, &bilal]);
//! let now = amal.modified();
//! let mut gold = session.gold(&[&amal, &bilal], "dina", now);
//! assert_notation(&gold, None, None, "زار [بوتين|PERSON] لروسيا");
//! let mut history = History::new();
//! let edit = session.resolve(0, Choice::Take(1), &gold, "dina", now).unwrap();
//! history.apply_at(&mut gold, edit.edit.clone(), now).unwrap();
//! session.commit(edit, history.revision());
//! assert_notation(&gold, None, None, "زار [بوتين|PERSON] ل[روسيا|ORGANIZATION]");
//! history.undo(&mut gold);
//! session.observe(history.revision());
//! assert_eq!(session.decision(0), None);
//! ```

mod files;
mod gold;
mod provenance;
mod session;
#[cfg(test)]
mod tests;

pub use files::{annotator_files, gold_path_for, stem_and_name};
pub use gold::{GOLD_ANNOTATOR_FALLBACK, gold_labels};
pub use provenance::provenance_of;
pub use session::{
    AdjudicationError, AdjudicationSession, Choice, Decision, Disagreement, Prepared,
};

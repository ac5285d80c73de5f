//! Suggestions: likely entities pre-marked in a document, never saved as annotations until the
//! annotator accepts them.
//!
//! - [`gazetteer`]: names → label ([`Gazetteer`]), built from accepted spans of a corpus or an
//!   annotation set and from a user list, matched with Aho–Corasick over the normalised text of
//!   [`crate::search::normalize`] (clitic-aware like search: `روسيا` is found in `لروسيا`),
//!   leftmost-longest, mapped back to original code points.
//! - [`user_list`]: reading a `.txt` / `.csv` list of `name<TAB>label` or `name,label` lines,
//!   with file and line in every error.
//! - [`corpus`]: the gazetteer of a scanned corpus (spans of its finished documents).
//! - [`predictions`]: a model's output in any importable format (doccano, Label Studio, spaCy,
//!   CoNLL, …) as suggestions for the open document, matched by identical text.
//! - [`rejections`]: what the annotator rejected in a document (a suggestion, or every
//!   suggestion of a name), kept in the annotation file's top-level `suggestions_rejected`
//!   field, so it travels with the file and undo works.
//! - [`review`]: accepting (one, or all of a name) as edits that add real spans, rejecting as
//!   edits of the rejections.
//! - [`job`]: computing a document's suggestions on a background thread, returned with the
//!   annotation's change stamp so a stale result is dropped.
//!
//! [`suggestions`] puts it together: predictions first, then gazetteer matches that overlap no
//! prediction, then the names the document itself has tagged ([`own_names`]: `روسيا` tagged
//! once is suggested where it comes again untagged) where neither suggests anything; every
//! suggestion that overlaps an existing span or was rejected is dropped.
//!
//! ```
//! use qalam_core::model::notation::Case;
//! use qalam_core::search::{NormalizeOptions, Normalized};
//! use qalam_core::suggest::{Gazetteer, suggestions};
//!
//! let ann = Case::parse("زار [بوتين|PERSON] لروسيا ثم بوتين").unwrap().annotation();
//! let gazetteer = Gazetteer::from_entries([("بوتين", "PERSON"), ("روسيا", "COUNTRY")]);
//! let normalized = Normalized::new(ann.document().text(), &NormalizeOptions::default());
//! let found = suggestions(&ann, &gazetteer, &normalized, &[]);
//! let texts: Vec<(&str, &str)> = found
//!     .iter()
//!     .map(|s| (ann.document().slice(s.start, s.end).unwrap(), s.label.as_str()))
//!     .collect();
//! assert_eq!(texts, [("روسيا", "COUNTRY"), ("بوتين", "PERSON")]);
//! ```

pub mod corpus;
pub mod gazetteer;
pub mod job;
pub mod predictions;
pub mod rejections;
pub mod review;
#[cfg(test)]
mod tests;
pub mod user_list;

use std::ops::Range;

pub use gazetteer::{Gazetteer, GazetteerBuilder, name_key};
pub use job::{SuggestInput, SuggestJob, SuggestResult};
pub use predictions::{Predictions, PredictionsError};
pub use rejections::{REJECTED_KEY, Rejections};
pub use user_list::{UserListError, read_user_list};

use crate::model::Annotation;
use crate::search::Normalized;

/// Where a suggestion comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SuggestionSource {
    /// The gazetteer (corpus spans and the user's list).
    Gazetteer,
    /// A predictions file (its file name, as shown to the user).
    Prediction(String),
    /// A name the document has tagged elsewhere ([`own_names`]).
    ThisDocument,
}

/// A likely entity: the code-point range `[start, end)` of the stored text and its label.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Suggestion {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The label it would get.
    pub label: String,
    /// Where it comes from.
    pub source: SuggestionSource,
}

impl Suggestion {
    /// The range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether it overlaps `[start, end)`.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }
}

/// The suggestions for `ann`: `predictions` (for this document, see [`Predictions::for_text`]),
/// then the gazetteer's matches in `normalized` (the document text normalised with the
/// gazetteer's options) that overlap no prediction, then the matches of the document's own
/// names ([`own_names`]) that overlap neither; those overlapping an existing span or rejected
/// in the document ([`Rejections`]) are dropped. Sorted by `(start, end)`.
pub fn suggestions(
    ann: &Annotation,
    gazetteer: &Gazetteer,
    normalized: &Normalized,
    predictions: &[Suggestion],
) -> Vec<Suggestion> {
    let mut merged: Vec<Suggestion> = predictions.to_vec();
    let own_matches: Vec<Suggestion> = own_names(ann)
        .find(normalized)
        .into_iter()
        .map(|s| Suggestion {
            source: SuggestionSource::ThisDocument,
            ..s
        })
        .collect();
    // Each source fills only what the ones before it left free.
    for next in [gazetteer.find(normalized), own_matches] {
        let covered = merged_ranges(merged.iter().map(Suggestion::range));
        merged.extend(
            next.into_iter()
                .filter(|s| !overlaps_any(&covered, s.range())),
        );
    }
    merged.sort_by(|a, b| (a.start, a.end, &a.label).cmp(&(b.start, b.end, &b.label)));
    merged.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.label == b.label);
    retain_open(ann, &mut merged);
    merged
}

/// The names `ann` has tagged, each with the label its spans give it most often: every span
/// that would feed a corpus gazetteer from a finished file ([`corpus::is_settled`]), i.e. all
/// but those rejected in review (and not changed since). What the annotator tagged once is
/// then suggested wherever it comes again, with its proclitics (`لروسيا`) and harakat.
pub fn own_names(ann: &Annotation) -> Gazetteer {
    let mut builder = GazetteerBuilder::new();
    for span in ann.spans() {
        if corpus::is_settled(span, true) {
            builder.add(ann.span_text(span), &span.label);
        }
    }
    builder.build()
}

/// Drops from `found` what no longer belongs on screen: suggestions overlapping a span of `ann`
/// and those its [`Rejections`] reject. Cheap: the app runs it on a stale list while a fresh
/// one is computed.
pub fn retain_open(ann: &Annotation, found: &mut Vec<Suggestion>) {
    let spans = merged_ranges(ann.spans().iter().map(|s| s.range()));
    let rejections = Rejections::of(ann);
    let text = ann.document();
    found.retain(|s| {
        !overlaps_any(&spans, s.range())
            && !rejections.rejects(s, || {
                text.slice(s.start, s.end).map(name_key).unwrap_or_default()
            })
    });
}

/// `ranges` sorted and merged into disjoint, non-touching ranges.
fn merged_ranges(ranges: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let mut all: Vec<Range<usize>> = ranges.filter(|r| r.start < r.end).collect();
    all.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for range in all {
        match merged.last_mut() {
            Some(last) if range.start < last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// Whether `range` overlaps one of the disjoint sorted `merged` ranges.
fn overlaps_any(merged: &[Range<usize>], range: Range<usize>) -> bool {
    let after = merged.partition_point(|r| r.end <= range.start);
    merged.get(after).is_some_and(|r| r.start < range.end)
}

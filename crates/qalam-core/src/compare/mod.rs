//! Comparing annotations of the same text: which spans two or more annotators agree on, and
//! where and how they differ. The basis of `qalam diff`, of the agreement statistics
//! ([`crate::stats::agreement`]) and of adjudication (choosing the gold span of each group).
//!
//! - [`diff`]: two span lists aligned pair by pair, each pair or lone span classified as
//!   [`DiffKind::Agree`], [`DiffKind::Label`] (same range, other label), [`DiffKind::Boundary`]
//!   (overlapping, not the same range) or only on one side.
//! - [`merge`]: the spans of N annotators gathered into [`Group`]s, one per entity, each with
//!   every annotator's variant (or none), classified as [`GroupKind`].
//! - [`adjudication`]: choosing the gold annotation group by group, each decision an undoable
//!   edit of the gold file, each gold span with its provenance.
//! - [`collect`]: the annotation files of scanned corpora loaded and grouped by text, one
//!   [`AnnotatedDocument`] per text with one annotation per annotator.
//!
//! # How spans are paired
//!
//! Every span is paired at most once, in three rounds ([`matching`]):
//!
//! 1. identical spans (same `[start, end)` and label);
//! 2. the same range with another label;
//! 3. overlapping spans (sharing at least one code point): pairs with the same label first,
//!    then by the largest overlap relative to their union (Jaccard: `|a ∩ b| / |a ∪ b|`), ties
//!    by position (earlier start of the first list, then of the second, then list order).
//!
//! Nested spans pair with their counterparts, not with the span around them, because identical
//! ranges are taken before overlaps and a closer overlap before a wider one:
//!
//! ```
//! use qalam_core::compare::{diff, DiffKind};
//! use qalam_core::model::notation::Case;
//!
//! let a = Case::parse("زار [[بوتين|PERSON] روسيا|EVENT]").unwrap().annotation();
//! let b = Case::parse("زار [بوتين|ORG] [روسيا|COUNTRY]").unwrap().annotation();
//! let kinds: Vec<DiffKind> = diff(a.spans(), b.spans()).iter().map(|e| e.kind).collect();
//! // PERSON [4, 9) vs ORG [4, 9): same range; EVENT [4, 15) ~ COUNTRY [10, 15): overlap.
//! assert_eq!(kinds, [DiffKind::Label, DiffKind::Boundary]);
//! ```

pub mod adjudication;
pub mod collect;
pub mod diff;
pub mod matching;
pub mod merge;

pub use collect::{AnnotatedDocument, Collected, Version, collect};
pub use diff::{DiffEntry, DiffKind, DiffSummary, diff, summarize};
pub use merge::{Group, GroupKind, Variant, merge};

//! Arabic-aware search: the same name written with or without harakat, with tatweel, with
//! another alef or hamza form, or glued to a proclitic is found as one.
//!
//! - [`normalize`]: [`NormalizeOptions`] (each fold a switch) and [`Normalized`], the normalised
//!   copy of a text with the exact map back to original code points.
//! - [`query`]: [`Query`] (plain or regex, whole words / inside words / with proclitics) compiled
//!   to a [`Matcher`] that returns [`Match`]es in original code points.
//! - [`annotate_all`]: every other occurrence of a span's text as candidates in context, and
//!   the chosen ones as one grouped edit (one undo step).
//! - [`corpus_search`]: every document of a scanned corpus read and normalised once, then
//!   searched together, each match with its document and context.
//! - [`words`]: word edges as the tokenizer sees them and the proclitics.
//!
//! Search runs on the normalised copy; every match maps back to whole letter + harakat clusters
//! of the stored text, so a match highlights and tags exactly the original code points. The
//! normalised copy depends only on the text and the options: a caller that searches the same
//! document again (each keystroke) keeps it.
//!
//! ```
//! use qalam_core::search::{NormalizeOptions, Normalized, Query, WordMode};
//!
//! let text = "قال مُحَمَّد إنّ محمـــد والأردن والاردن";
//! let normalized = Normalized::new(text, &NormalizeOptions::default());
//! let matcher = Query::plain("محمد").compile().unwrap();
//! let found: Vec<&str> = matcher
//!     .find(&normalized)
//!     .iter()
//!     .map(|m| &text[byte(text, m.start)..byte(text, m.end)])
//!     .collect();
//! assert_eq!(found, ["مُحَمَّد", "محمـــد"]);
//!
//! let matcher = Query::plain("الأردن").words(WordMode::Clitics).compile().unwrap();
//! assert_eq!(matcher.find(&normalized).len(), 2);
//! # fn byte(text: &str, cp: usize) -> usize {
//! #     text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b)
//! # }
//! ```

pub mod annotate_all;
pub mod corpus_search;
pub mod normalize;
pub mod query;
#[cfg(test)]
mod tests;
pub mod words;

pub use normalize::{NormalizeOptions, Normalized, NormalizedCache, is_haraka};
pub use query::{Match, Matcher, PatternKind, Query, QueryError, WordMode};

//! A search query and its matches in original code points.
//!
//! A [`Query`] is compiled once ([`Query::compile`]) into a [`Matcher`], which then finds its
//! matches in any [`Normalized`] text. Plain patterns are normalised with the query's options
//! and searched literally; regex patterns have their Arabic folds applied (harakat and tatweel
//! deleted, alef/ya/ta marbuta/digit folds: they are literal characters in a pattern) and run
//! case-insensitively when the options ignore case, so `\W`, `\D` and friends keep their meaning.
//!
//! ```
//! use qalam_core::search::{Match, Query, WordMode};
//!
//! let text = "زار بوتين لروسيا ثم روسيا، وعاد إلى الروسية.";
//! let query = Query::plain("روسيا").words(WordMode::Clitics);
//! let found = query.compile().unwrap().find_in(text);
//! assert_eq!(found, [Match { start: 11, end: 16 }, Match { start: 20, end: 25 }]);
//! ```

use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::normalize::{NormalizeOptions, Normalized};
use super::words::{after_proclitic, is_edge};

/// How the pattern is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatternKind {
    /// The pattern is text.
    #[default]
    Plain,
    /// The pattern is a regular expression (the `regex` crate's syntax).
    Regex,
}

/// Where a match may start and end relative to words ([`super::words`] has the rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WordMode {
    /// Anywhere, inside words too.
    Inside,
    /// Whole words only: the match starts and ends at word edges.
    #[default]
    Whole,
    /// Whole words, or the rest of a word after a proclitic (`روسيا` in `لروسيا`, `والروسيا`…):
    /// the match ends at a word edge and starts at one or right after a proclitic.
    Clitics,
}

/// A search: the pattern, how to read it, where it may match, and what to ignore.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Query {
    /// The pattern as typed.
    pub pattern: String,
    /// Plain text or regex.
    pub kind: PatternKind,
    /// Where matches may start and end.
    pub words: WordMode,
    /// The folds applied to the text and the pattern.
    pub options: NormalizeOptions,
}

/// A query that cannot be compiled.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QueryError {
    /// The pattern is empty once normalised (e.g. only harakat).
    #[error("the search pattern is empty")]
    Empty,
    /// The regex does not parse.
    #[error("invalid regular expression: {0}")]
    Regex(String),
}

/// One match: the original code-point range `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Match {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

impl Match {
    /// The range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl Query {
    /// A plain, whole-word query with the default folds.
    pub fn plain(pattern: impl Into<String>) -> Self {
        Self {
            pattern: pattern.into(),
            ..Self::default()
        }
    }

    /// A regex, whole-word query with the default folds.
    pub fn regex(pattern: impl Into<String>) -> Self {
        Self {
            pattern: pattern.into(),
            kind: PatternKind::Regex,
            ..Self::default()
        }
    }

    /// The same query with another word mode.
    pub fn words(mut self, words: WordMode) -> Self {
        self.words = words;
        self
    }

    /// The same query with other folds.
    pub fn options(mut self, options: NormalizeOptions) -> Self {
        self.options = options;
        self
    }

    /// Compiles the query.
    pub fn compile(&self) -> Result<Matcher, QueryError> {
        let regex = match self.kind {
            PatternKind::Plain => {
                let normalized = self.options.apply(&self.pattern);
                if normalized.is_empty() {
                    return Err(QueryError::Empty);
                }
                Regex::new(&regex::escape(&normalized))
            }
            PatternKind::Regex => {
                let folds = NormalizeOptions {
                    ignore_case: false,
                    ..self.options
                };
                let normalized = folds.apply(&self.pattern);
                if normalized.is_empty() {
                    return Err(QueryError::Empty);
                }
                RegexBuilder::new(&normalized)
                    .case_insensitive(self.options.ignore_case)
                    .build()
            }
        }
        .map_err(|e| QueryError::Regex(e.to_string()))?;
        Ok(Matcher {
            regex,
            words: self.words,
            options: self.options,
        })
    }
}

/// A compiled [`Query`].
#[derive(Debug, Clone)]
pub struct Matcher {
    regex: Regex,
    words: WordMode,
    options: NormalizeOptions,
}

impl Matcher {
    /// The folds the text must be normalised with.
    pub fn options(&self) -> &NormalizeOptions {
        &self.options
    }

    /// The matches in `text` (normalised here; to search the same text again, normalise it once
    /// and use [`Matcher::find`]).
    pub fn find_in(&self, text: &str) -> Vec<Match> {
        self.find(&Normalized::new(text, &self.options))
    }

    /// The matches in a normalised text, in order, not overlapping, none empty, as original
    /// code-point ranges. A text normalised with other options than the query's gives no matches
    /// (see [`Matcher::options`]).
    pub fn find(&self, normalized: &Normalized) -> Vec<Match> {
        let mut found = Vec::new();
        self.for_each(normalized, |m| {
            found.push(m);
            true
        });
        found
    }

    /// Calls `visit` with each match in order until it returns `false`.
    pub fn for_each(&self, normalized: &Normalized, mut visit: impl FnMut(Match) -> bool) {
        if normalized.options() != &self.options {
            return;
        }
        let text = normalized.text();
        let mut at = 0;
        while at <= text.len() {
            let Some(m) = self.regex.find_at(text, at) else {
                break;
            };
            let (start, end) = (m.start(), m.end());
            if start < end && self.accepts(text, start, end) {
                let range = normalized.original_range(start..end);
                if !visit(Match {
                    start: range.start,
                    end: range.end,
                }) {
                    return;
                }
                at = end;
            } else {
                // Rejected (or empty): look again one character further, so an overlapping
                // later candidate is not missed.
                at = start + text[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }

    /// Whether the normalised match `[start, end)` sits where the word mode allows.
    fn accepts(&self, text: &str, start: usize, end: usize) -> bool {
        match self.words {
            WordMode::Inside => true,
            WordMode::Whole => is_edge(text, start) && is_edge(text, end),
            WordMode::Clitics => {
                is_edge(text, end) && (is_edge(text, start) || after_proclitic(text, start))
            }
        }
    }
}

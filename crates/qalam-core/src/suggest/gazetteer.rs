//! A gazetteer: names, each with one label, found in a text with one Aho–Corasick automaton.
//!
//! Names are kept normalised ([`name_key`]: the default folds of [`crate::search`], so
//! `مُحَمَّد` and `محمد` are one name) and matched over the document's [`Normalized`] copy. A
//! match must end at a word edge and start at one or right after a proclitic (`روسيا` in
//! `لروسيا`), as search's [`WordMode::Clitics`](crate::search::WordMode::Clitics) does; of
//! overlapping matches the leftmost wins, then the longest (`الأمم المتحدة` over `الأمم`). Every
//! match maps back to whole letter + harakat clusters of the stored text.
//!
//! A name given several labels (by different spans of a corpus) gets the one given most often,
//! the first seen on a tie; a label set with [`GazetteerBuilder::set`] (the user's own list)
//! wins over counted ones.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{Suggestion, SuggestionSource};
use crate::search::words::{after_proclitic, is_edge};
use crate::search::{NormalizeOptions, Normalized};

/// The key of a name: normalised with the default folds, outer whitespace trimmed and inner
/// whitespace runs made one space.
pub fn name_key(name: &str) -> String {
    let folded = NormalizeOptions::default().apply(name);
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The votes for one name's label.
#[derive(Debug, Clone, Default)]
struct Votes {
    /// Labels with their counts, in the order first seen.
    counts: Vec<(String, usize)>,
    /// A label that wins whatever the counts.
    fixed: Option<String>,
}

impl Votes {
    fn winner(self) -> Option<String> {
        if self.fixed.is_some() {
            return self.fixed;
        }
        let mut best: Option<(String, usize)> = None;
        for (label, count) in self.counts {
            if best.as_ref().is_none_or(|(_, most)| count > *most) {
                best = Some((label, count));
            }
        }
        best.map(|(label, _)| label)
    }
}

/// Collects names and labels, then [builds](GazetteerBuilder::build) a [`Gazetteer`].
#[derive(Debug, Clone, Default)]
pub struct GazetteerBuilder {
    names: HashMap<String, Votes>,
    order: Vec<String>,
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    fn votes(&mut self, name: &str) -> Option<&mut Votes> {
        let key = name_key(name);
        if key.is_empty() {
            return None;
        }
        if !self.names.contains_key(&key) {
            self.order.push(key.clone());
        }
        Some(self.names.entry(key).or_default())
    }

    /// Counts one occurrence of `name` labelled `label` (a span of the corpus). Names that are
    /// empty once normalised are ignored.
    pub fn add(&mut self, name: &str, label: &str) {
        if label.is_empty() {
            return;
        }
        if let Some(votes) = self.votes(name) {
            match votes.counts.iter_mut().find(|(l, _)| l == label) {
                Some((_, count)) => *count += 1,
                None => votes.counts.push((label.to_owned(), 1)),
            }
        }
    }

    /// Gives `name` the label `label` whatever the counts (the user's own list; the last one
    /// set wins).
    pub fn set(&mut self, name: &str, label: &str) {
        if label.is_empty() {
            return;
        }
        if let Some(votes) = self.votes(name) {
            votes.fixed = Some(label.to_owned());
        }
    }

    /// Number of distinct names so far.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether no name was added.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The gazetteer.
    pub fn build(mut self) -> Gazetteer {
        let mut entries = Vec::with_capacity(self.order.len());
        for key in self.order {
            if let Some(label) = self.names.remove(&key).and_then(Votes::winner) {
                entries.push((key, label));
            }
        }
        Gazetteer::from_normalized(entries)
    }
}

/// Names with their labels and the automaton that finds them (see the [module docs](self)).
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// `(name key, label)` in automaton pattern order.
    entries: Vec<(String, String)>,
    automaton: Option<AhoCorasick>,
}

impl Gazetteer {
    /// A gazetteer of `(name, label)` pairs; a name listed twice keeps its first label.
    pub fn from_entries<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut builder = GazetteerBuilder::new();
        for (name, label) in entries {
            builder.add(name, label);
        }
        builder.build()
    }

    fn from_normalized(entries: Vec<(String, String)>) -> Self {
        let automaton = if entries.is_empty() {
            None
        } else {
            // Standard semantics: every match is reported by the overlapping search, so a
            // match refused at a word edge never hides a shorter one that is accepted.
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(entries.iter().map(|(name, _)| name.as_str()))
                .ok()
        };
        Self { entries, automaton }
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it has no names.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The label of `name` (any spelling the folds make equal), if it is listed.
    pub fn label_of(&self, name: &str) -> Option<&str> {
        let key = name_key(name);
        self.entries
            .iter()
            .find(|(n, _)| *n == key)
            .map(|(_, label)| label.as_str())
    }

    /// The names with their labels (names normalised), in no particular order.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(n, l)| (n.as_str(), l.as_str()))
    }

    /// The folds the text must be normalised with (the defaults).
    pub fn options(&self) -> NormalizeOptions {
        NormalizeOptions::default()
    }

    /// The matches in `text` (normalised here).
    pub fn find_in(&self, text: &str) -> Vec<Suggestion> {
        self.find(&Normalized::new(text, &self.options()))
    }

    /// The matches in a normalised text, in order, not overlapping, as original code-point
    /// ranges. A text normalised with other options gives no matches.
    pub fn find(&self, normalized: &Normalized) -> Vec<Suggestion> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        if normalized.options() != &self.options() {
            return Vec::new();
        }
        let text = normalized.text();
        let mut candidates: Vec<(usize, usize, usize)> = automaton
            .find_overlapping_iter(text)
            .filter(|m| {
                let (start, end) = (m.start(), m.end());
                start < end
                    && is_edge(text, end)
                    && (is_edge(text, start) || after_proclitic(text, start))
            })
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        candidates.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut found = Vec::new();
        let mut reached = 0;
        for (start, end, pattern) in candidates {
            if start < reached {
                continue;
            }
            reached = end;
            let Some((_, label)) = self.entries.get(pattern) else {
                continue;
            };
            let range = normalized.original_range(start..end);
            found.push(Suggestion {
                start: range.start,
                end: range.end,
                label: label.clone(),
                source: SuggestionSource::Gazetteer,
            });
        }
        found
    }
}

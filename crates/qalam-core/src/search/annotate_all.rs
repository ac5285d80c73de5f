//! "Annotate all": from a span or a selection, every other occurrence of its text in the
//! document as candidates in context, then the chosen ones as one [`Edit::Group`] of added spans
//! (one undo step).
//!
//! Occurrences are found with a [`Query`] of the source text (plain, by default clitic-aware with
//! the default folds), so `روسيا` also finds the name inside `لروسيا` or `والروسيا` and tags only
//! the name. The source range itself is never a candidate, nor a range that already has a span
//! with the same label; occurrences that overlap an existing span are left out unless
//! [`AnnotateAllOptions::include_overlapping`] asks for them (they are then marked, and only
//! allowed where the label set allows overlaps).
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use qalam_core::model::notation::{assert_notation, Case};
//! use qalam_core::search::annotate_all::{annotate_all_edit, occurrences, AnnotateAllOptions};
//!
//! let mut ann = Case::parse("زار [بوتين|PERSON] ثم لبوتين").unwrap().annotation();
//! let source = ann.spans()[0].range();
//! let found = occurrences(&ann, source, "PERSON", &AnnotateAllOptions::default(), None).unwrap();
//! assert_eq!(found.len(), 1);
//! let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
//! let edit = annotate_all_edit(&ann, "PERSON", found.iter().map(|o| o.range()), now);
//! ann.apply_at(edit, now).unwrap();
//! assert_notation(&ann, None, None, "زار [بوتين|PERSON] ثم ل[بوتين|PERSON]");
//! ```

use std::ops::Range;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::normalize::{NormalizeOptions, Normalized};
use super::query::{Match, PatternKind, Query, QueryError, WordMode};
use crate::model::{Annotation, Edit, Span, SpanId};

/// How occurrences are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnnotateAllOptions {
    /// Where occurrences may sit in words (default: whole words after a proclitic too).
    pub words: WordMode,
    /// The folds (default: all of them).
    pub normalize: NormalizeOptions,
    /// Also offer occurrences that overlap an existing span (not identical ones with the label).
    pub include_overlapping: bool,
    /// Code points of context on each side of an occurrence.
    pub context_chars: usize,
}

impl Default for AnnotateAllOptions {
    fn default() -> Self {
        Self {
            words: WordMode::Clitics,
            normalize: NormalizeOptions::default(),
            include_overlapping: false,
            context_chars: 30,
        }
    }
}

/// One candidate occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The occurrence with text around it.
    pub context: Context,
    /// Whether it overlaps an existing span (only with `include_overlapping`).
    pub overlaps: bool,
}

impl Occurrence {
    /// The range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A range of a text with some text on each side, cut at whole characters and kept on one line
/// (line breaks become spaces).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Context {
    /// Up to the requested number of code points before, from the start of its line.
    pub before: String,
    /// The range's own text.
    pub text: String,
    /// Up to the requested number of code points after, to the end of its line.
    pub after: String,
}

/// The context of `range` in `chars` (the text's characters), `width` code points each side,
/// not crossing line breaks.
pub fn context(chars: &[char], range: Range<usize>, width: usize) -> Context {
    let end = range.end.min(chars.len());
    let start = range.start.min(end);
    let is_break = |c: &char| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
    let mut from = start.saturating_sub(width);
    if let Some(line) = chars[from..start].iter().rposition(is_break) {
        from += line + 1;
    }
    let mut to = (end + width).min(chars.len());
    if let Some(line) = chars[end..to].iter().position(is_break) {
        to = end + line;
    }
    let one_line = |s: &[char]| -> String {
        s.iter()
            .map(|c| if c.is_control() { ' ' } else { *c })
            .collect()
    };
    Context {
        before: one_line(&chars[from..start]),
        text: one_line(&chars[start..end]),
        after: one_line(&chars[end..to]),
    }
}

/// The query that finds the text at `source` (a span's or a selection's range, trimmed of
/// surrounding whitespace) under `options`.
pub fn source_query(
    ann: &Annotation,
    source: Range<usize>,
    options: &AnnotateAllOptions,
) -> Result<Query, QueryError> {
    let pattern = ann
        .document()
        .slice(source.start, source.end)
        .ok_or(QueryError::Empty)?;
    Ok(Query {
        pattern: pattern.trim().to_owned(),
        kind: PatternKind::Plain,
        words: options.words,
        options: options.normalize,
    })
}

/// The other occurrences of the text at `source` (a span's or a selection's range) that could
/// be tagged `label`, in text order. `normalized` is the document text normalised with
/// `options.normalize`, if the caller keeps one (otherwise it is made here).
pub fn occurrences(
    ann: &Annotation,
    source: Range<usize>,
    label: &str,
    options: &AnnotateAllOptions,
    normalized: Option<&Normalized>,
) -> Result<Vec<Occurrence>, QueryError> {
    let matcher = source_query(ann, source.clone(), options)?.compile()?;
    let owned;
    let normalized = match normalized {
        Some(n) if n.options() == &options.normalize => n,
        _ => {
            owned = Normalized::new(ann.document().text(), &options.normalize);
            &owned
        }
    };
    let matches = matcher.find(normalized);
    Ok(candidates(ann, &matches, Some(source), label, options))
}

/// The matches (of any query, e.g. the search bar's) that could be tagged `label`: not the
/// `source` range, not where a span with that label and range already is, and not overlapping
/// a span unless `options.include_overlapping`; each with its context.
pub fn candidates(
    ann: &Annotation,
    matches: &[Match],
    source: Option<Range<usize>>,
    label: &str,
    options: &AnnotateAllOptions,
) -> Vec<Occurrence> {
    let chars: Vec<char> = ann.document().text().chars().collect();
    let mut found = Vec::new();
    for m in matches {
        let range = m.range();
        if range.is_empty()
            || range.end > chars.len()
            || source
                .as_ref()
                .is_some_and(|s| range.start < s.end && s.start < range.end)
        {
            continue;
        }
        let mut overlapping = ann.spans_in(range.clone()).peekable();
        let overlaps = overlapping.peek().is_some();
        if overlaps {
            let already = overlapping.any(|span| span.range() == range && span.label == label);
            if already || !options.include_overlapping {
                continue;
            }
        }
        found.push(Occurrence {
            start: range.start,
            end: range.end,
            context: context(&chars, range, options.context_chars),
            overlaps,
        });
    }
    found
}

/// One edit adding a `label` span over each of `ranges` (fresh ids, stamped `now`): a single
/// undo step. Empty ranges are skipped; an empty list gives an empty group.
pub fn annotate_all_edit(
    ann: &Annotation,
    label: &str,
    ranges: impl IntoIterator<Item = Range<usize>>,
    now: DateTime<Utc>,
) -> Edit {
    let first = ann.next_span_id().0;
    let edits = ranges
        .into_iter()
        .filter(|range| range.start < range.end)
        .enumerate()
        .map(|(k, range)| {
            let template = ann.new_span_at(range.start, range.end, label, now);
            Edit::AddSpan(Span {
                id: SpanId(first.saturating_add(k as u64)),
                ..template
            })
        })
        .collect();
    Edit::Group(edits)
}

/// The label annotators already gave these occurrences: the most frequent label among the spans
/// that cover exactly one of `matches` (ties go to the label listed first in the label set), or
/// `None` when no match is tagged yet. "Annotate all" from search results offers it, so that
/// tagging every `روسيا` after one was tagged COUNTRY does not default to the first label.
pub fn likely_label(ann: &Annotation, matches: &[Match]) -> Option<String> {
    let mut counts: Vec<(usize, usize)> = Vec::new(); // (position in the label set, count)
    for found in matches {
        for span in ann.spans_in(found.range()) {
            if span.range() != found.range() {
                continue;
            }
            let Some(position) = ann
                .labels()
                .labels
                .iter()
                .position(|l| l.name == span.label)
            else {
                continue;
            };
            match counts.iter_mut().find(|(p, _)| *p == position) {
                Some((_, count)) => *count += 1,
                None => counts.push((position, 1)),
            }
        }
    }
    let (position, _) = counts
        .into_iter()
        .max_by(|(pa, ca), (pb, cb)| ca.cmp(cb).then(pb.cmp(pa)))?;
    Some(ann.labels().labels[position].name.clone())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::model::notation::{Case, assert_notation};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
    }

    /// Annotate all from the first span of `before` (every occurrence chosen), as notation.
    fn annotate_all_from_first_span(before: &str, options: AnnotateAllOptions) -> Annotation {
        let mut ann = Case::parse(before).expect("notation").annotation();
        let source = ann.spans()[0].clone();
        let found = occurrences(&ann, source.range(), &source.label, &options, None).unwrap();
        let edit = annotate_all_edit(
            &ann,
            &source.label,
            found.iter().map(Occurrence::range),
            now(),
        );
        ann.apply_at(edit, now()).expect("the group applies");
        ann
    }

    #[test]
    fn tags_the_name_inside_clitics_and_harakat() {
        let ann = annotate_all_from_first_span(
            "زار [روسيا|COUNTRY] ثم لروسيا وبِروسيا والروسيا ومروسيا روسياها",
            AnnotateAllOptions::default(),
        );
        assert_notation(
            &ann,
            None,
            None,
            "زار [روسيا|COUNTRY] ثم ل[روسيا|COUNTRY] وبِ[روسيا|COUNTRY] وال[روسيا|COUNTRY] ومروسيا روسياها",
        );
    }

    #[test]
    fn skips_overlaps_and_already_tagged_unless_asked() {
        let before = "[بوتين|PERSON] و[بوتين|PERSON] و[الرئيس بوتين|PERSON] بوتين";
        let ann = annotate_all_from_first_span(before, AnnotateAllOptions::default());
        assert_notation(
            &ann,
            None,
            None,
            "[بوتين|PERSON] و[بوتين|PERSON] و[الرئيس بوتين|PERSON] [بوتين|PERSON]",
        );
    }

    #[test]
    fn overlapping_occurrences_are_offered_and_marked_when_asked() {
        let ann = Case::parse("[بوتين|PERSON] [الرئيس بوتين|TITLE] [بوتين|PERSON]")
            .unwrap()
            .annotation();
        let options = AnnotateAllOptions {
            include_overlapping: true,
            ..AnnotateAllOptions::default()
        };
        let found = occurrences(&ann, ann.spans()[0].range(), "PERSON", &options, None).unwrap();
        assert_eq!(found.len(), 1);
        assert!(found[0].overlaps);
        assert_eq!(found[0].context.text, "بوتين");
    }

    #[test]
    fn the_group_is_one_undo_step() {
        let mut ann = Case::parse("[بوتين|PERSON] لبوتين وبوتين")
            .unwrap()
            .annotation();
        let before = ann.clone();
        let found =
            occurrences(&ann, 0..5, "PERSON", &AnnotateAllOptions::default(), None).unwrap();
        assert_eq!(found.len(), 2);
        let edit = annotate_all_edit(&ann, "PERSON", found.iter().map(Occurrence::range), now());
        let inverse = ann.apply_at(edit, now()).unwrap();
        assert_notation(
            &ann,
            None,
            None,
            "[بوتين|PERSON] ل[بوتين|PERSON] و[بوتين|PERSON]",
        );
        ann.apply_at(inverse, now()).unwrap();
        assert_eq!(ann, before);
    }

    #[test]
    fn a_selection_works_like_a_span() {
        let ann = Case::parse("زار بوتين ثم بوتين").unwrap().annotation();
        let found =
            occurrences(&ann, 4..9, "PERSON", &AnnotateAllOptions::default(), None).unwrap();
        let ranges: Vec<(usize, usize)> = found.iter().map(|o| (o.start, o.end)).collect();
        assert_eq!(ranges, [(13, 18)]);
        assert_eq!(found[0].context.before, "زار بوتين ثم ");
    }

    #[test]
    fn context_stays_on_its_line() {
        let chars: Vec<char> = "سطر أول\nزار بوتين اليوم\nسطر".chars().collect();
        let c = context(&chars, 12..17, 20);
        assert_eq!(
            (c.before.as_str(), c.text.as_str(), c.after.as_str()),
            ("زار ", "بوتين", " اليوم")
        );
    }

    #[test]
    fn the_likely_label_is_the_one_most_occurrences_already_have() {
        let ann = Case::parse(
            "[روسيا|PERSON] و[روسيا|COUNTRY] ل[روسيا|COUNTRY] روسيا [موسكو|ORGANIZATION]",
        )
        .expect("notation")
        .annotation();
        let matcher = Query::plain("روسيا")
            .words(WordMode::Clitics)
            .compile()
            .unwrap();
        let matches = matcher.find_in(ann.document().text());
        assert_eq!(matches.len(), 4);
        assert_eq!(likely_label(&ann, &matches).as_deref(), Some("COUNTRY"));
        // A tie goes to the label listed first in the label set (PERSON before COUNTRY).
        assert_eq!(likely_label(&ann, &matches[..2]).as_deref(), Some("PERSON"));
        // Untagged occurrences, or spans not exactly on a match, suggest nothing.
        assert_eq!(likely_label(&ann, &matches[3..]), None);
        let wider = Case::parse("[روسيا و|COUNTRY]موسكو").unwrap().annotation();
        let found = matcher.find_in(wider.document().text());
        assert_eq!(likely_label(&wider, &found), None);
    }
}

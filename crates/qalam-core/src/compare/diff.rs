//! Two span lists of the same text aligned pair by pair (pairing rules in the
//! [module docs](super#how-spans-are-paired)), each entry classified.

use super::matching::{Item, Rule, pair};
use crate::model::Span;

/// How the two sides of a [`DiffEntry`] relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DiffKind {
    /// The same range and label on both sides.
    Agree,
    /// The same range, another label.
    Label,
    /// Overlapping ranges that are not the same (the labels may differ too).
    Boundary,
    /// A span only the first list has.
    OnlyA,
    /// A span only the second list has.
    OnlyB,
}

impl DiffKind {
    /// Every kind, in the order of [`DiffSummary`].
    pub const ALL: [DiffKind; 5] = [
        DiffKind::Agree,
        DiffKind::Label,
        DiffKind::Boundary,
        DiffKind::OnlyA,
        DiffKind::OnlyB,
    ];

    /// The name used in reports and JSON: `agree`, `label`, `boundary`, `only_a`, `only_b`.
    pub fn name(self) -> &'static str {
        match self {
            DiffKind::Agree => "agree",
            DiffKind::Label => "label",
            DiffKind::Boundary => "boundary",
            DiffKind::OnlyA => "only_a",
            DiffKind::OnlyB => "only_b",
        }
    }
}

/// One pair, or one span without a counterpart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiffEntry {
    /// How the sides relate.
    pub kind: DiffKind,
    /// Index of the span in the first list, if that side has one.
    pub a: Option<usize>,
    /// Index of the span in the second list, if that side has one.
    pub b: Option<usize>,
}

/// Aligns `a` with `b`: every span of each list is in exactly one entry. Entries are sorted by
/// the range they cover together (`(start, end)` of the union), then by `a`, then by `b`.
pub fn diff(a: &[Span], b: &[Span]) -> Vec<DiffEntry> {
    let left = items(a);
    let right = items(b);
    let pairs = pair(&left, &right, a.len(), b.len(), Rule::Any);
    let mut paired_a = vec![false; a.len()];
    let mut paired_b = vec![false; b.len()];
    let mut entries = Vec::with_capacity(a.len() + b.len() - pairs.len());
    for (i, j) in pairs {
        paired_a[i] = true;
        paired_b[j] = true;
        let (x, y) = (&a[i], &b[j]);
        let kind = if (x.start, x.end) != (y.start, y.end) {
            DiffKind::Boundary
        } else if x.label != y.label {
            DiffKind::Label
        } else {
            DiffKind::Agree
        };
        entries.push(DiffEntry {
            kind,
            a: Some(i),
            b: Some(j),
        });
    }
    entries.extend((0..a.len()).filter(|&i| !paired_a[i]).map(|i| DiffEntry {
        kind: DiffKind::OnlyA,
        a: Some(i),
        b: None,
    }));
    entries.extend((0..b.len()).filter(|&j| !paired_b[j]).map(|j| DiffEntry {
        kind: DiffKind::OnlyB,
        a: None,
        b: Some(j),
    }));
    let range = |entry: &DiffEntry| {
        let sides = entry
            .a
            .map(|i| &a[i])
            .into_iter()
            .chain(entry.b.map(|j| &b[j]));
        sides.fold((usize::MAX, 0), |(s, e), span| {
            (s.min(span.start), e.max(span.end))
        })
    };
    entries.sort_by_cached_key(|entry| (range(entry), entry.a, entry.b));
    entries
}

/// The spans of a list as pairing items (owner = index).
pub(crate) fn items(spans: &[Span]) -> Vec<Item<'_>> {
    spans
        .iter()
        .enumerate()
        .map(|(owner, span)| Item {
            start: span.start,
            end: span.end,
            label: &span.label,
            owner,
        })
        .collect()
}

/// Number of entries of each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DiffSummary {
    /// Identical pairs.
    pub agree: usize,
    /// Same range, other label.
    pub label: usize,
    /// Overlapping, other range.
    pub boundary: usize,
    /// Only in the first list.
    pub only_a: usize,
    /// Only in the second list.
    pub only_b: usize,
}

impl DiffSummary {
    /// Entries that are not agreements.
    pub fn disagreements(&self) -> usize {
        self.label + self.boundary + self.only_a + self.only_b
    }

    /// The count of `kind`.
    pub fn count(&self, kind: DiffKind) -> usize {
        match kind {
            DiffKind::Agree => self.agree,
            DiffKind::Label => self.label,
            DiffKind::Boundary => self.boundary,
            DiffKind::OnlyA => self.only_a,
            DiffKind::OnlyB => self.only_b,
        }
    }
}

/// Counts the entries of each kind.
pub fn summarize(entries: &[DiffEntry]) -> DiffSummary {
    let mut summary = DiffSummary::default();
    for entry in entries {
        *match entry.kind {
            DiffKind::Agree => &mut summary.agree,
            DiffKind::Label => &mut summary.label,
            DiffKind::Boundary => &mut summary.boundary,
            DiffKind::OnlyA => &mut summary.only_a,
            DiffKind::OnlyB => &mut summary.only_b,
        } += 1;
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::notation::Case;

    fn spans(notation: &str) -> Vec<Span> {
        Case::parse(notation)
            .expect("notation")
            .annotation()
            .spans()
            .to_vec()
    }

    /// The diff as `kind a-text b-text` strings, for readable assertions.
    fn show(a: &str, b: &str) -> Vec<String> {
        let (sa, sb) = (spans(a), spans(b));
        let side = |span: Option<&Span>| {
            span.map_or("—".to_owned(), |s| {
                format!("{}-{}:{}", s.start, s.end, s.label)
            })
        };
        diff(&sa, &sb)
            .iter()
            .map(|e| {
                format!(
                    "{} {} {}",
                    e.kind.name(),
                    side(e.a.map(|i| &sa[i])),
                    side(e.b.map(|j| &sb[j]))
                )
            })
            .collect()
    }

    #[test]
    fn identical_lists_agree_everywhere() {
        let n = "زار [بوتين|PERSON] ل[روسيا|COUNTRY]";
        assert_eq!(
            show(n, n),
            [
                "agree 4-9:PERSON 4-9:PERSON",
                "agree 11-16:COUNTRY 11-16:COUNTRY"
            ]
        );
    }

    #[test]
    fn every_kind_of_disagreement() {
        let a = "[زار|EVENT] [بوتين|PERSON] ل[روسيا|COUNTRY] في [موسكو|CITY] اليوم";
        let b = "زار [بوتين|ORG] [لروسيا|COUNTRY] في موسكو [اليوم|DATE]";
        assert_eq!(
            show(a, b),
            [
                "only_a 0-3:EVENT —",
                "label 4-9:PERSON 4-9:ORG",
                "boundary 11-16:COUNTRY 10-16:COUNTRY",
                "only_a 20-25:CITY —",
                "only_b — 26-31:DATE",
            ]
        );
        let entries = diff(&spans(a), &spans(b));
        let summary = summarize(&entries);
        assert_eq!((summary.agree, summary.label, summary.boundary), (0, 1, 1));
        assert_eq!(
            (summary.only_a, summary.only_b, summary.disagreements()),
            (2, 1, 5)
        );
    }

    #[test]
    fn nested_spans_pair_with_their_counterparts() {
        let a = "[[كيم|PERSON] جونغ أون|PERSON] في [وونسان|CITY] اليوم";
        let b = "[كيم جونغ أون|PERSON] في [[وونسان|CITY] اليوم|EVENT]";
        assert_eq!(
            show(a, b),
            [
                "only_a 0-3:PERSON —",
                "agree 0-12:PERSON 0-12:PERSON",
                "agree 16-22:CITY 16-22:CITY",
                "only_b — 16-28:EVENT",
            ]
        );
    }

    #[test]
    fn empty_lists() {
        assert!(diff(&[], &[]).is_empty());
        assert_eq!(show("[أ|X]", "أ"), ["only_a 0-1:X —"]);
    }
}

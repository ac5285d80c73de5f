//! The spans of N annotators of one text gathered into groups, one group per entity, each
//! holding every annotator's variant of it (or none): what an adjudicator looks at, and what a
//! gold file is chosen from.
//!
//! Annotators are taken in order. The first annotator's spans each open a group; each next
//! annotator's spans are paired with the groups by the rules in the
//! [module docs](super#how-spans-are-paired), a group being a candidate through any of its
//! variants so far, and taking at most one span of each annotator. A span paired with no group
//! opens a new one. For two annotators the groups are exactly the entries of
//! [`diff`](super::diff()).

use super::diff::items;
use super::matching::{Item, Rule, pair};
use crate::model::Span;

/// One annotator's span in a [`Group`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Index of the span in that annotator's span list.
    pub span: usize,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The label.
    pub label: String,
}

/// One entity as every annotator marked it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// First code point of any variant.
    pub start: usize,
    /// One past the last code point of any variant.
    pub end: usize,
    /// One entry per annotator (in the order given to [`merge`]): their variant, or `None`.
    pub variants: Vec<Option<Variant>>,
}

/// How the variants of a [`Group`] relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupKind {
    /// Every annotator has the same range and label.
    Agree,
    /// Every annotator has the same range; the labels differ.
    Label,
    /// Every annotator has a span, not all of the same range.
    Boundary,
    /// Some annotators have no span here.
    Partial,
}

impl GroupKind {
    /// The name used in reports and JSON: `agree`, `label`, `boundary`, `partial`.
    pub fn name(self) -> &'static str {
        match self {
            GroupKind::Agree => "agree",
            GroupKind::Label => "label",
            GroupKind::Boundary => "boundary",
            GroupKind::Partial => "partial",
        }
    }
}

impl Group {
    /// The variants present.
    pub fn present(&self) -> impl Iterator<Item = &Variant> + '_ {
        self.variants.iter().flatten()
    }

    /// How the variants relate.
    pub fn kind(&self) -> GroupKind {
        if self.variants.iter().any(Option::is_none) {
            return GroupKind::Partial;
        }
        let mut present = self.present();
        let Some(first) = present.next() else {
            return GroupKind::Partial;
        };
        let mut kind = GroupKind::Agree;
        for variant in present {
            if (variant.start, variant.end) != (first.start, first.end) {
                return GroupKind::Boundary;
            }
            if variant.label != first.label {
                kind = GroupKind::Label;
            }
        }
        kind
    }
}

/// Gathers the span lists of `annotators` (one list each, of the same text) into groups
/// sorted by `(start, end)`, then by the first annotator having a variant and its span.
pub fn merge(annotators: &[&[Span]]) -> Vec<Group> {
    let count = annotators.len();
    let mut groups: Vec<Group> = Vec::new();
    for (k, spans) in annotators.iter().enumerate() {
        let left: Vec<Item<'_>> = groups
            .iter()
            .enumerate()
            .flat_map(|(owner, group)| {
                group.present().map(move |v| Item {
                    start: v.start,
                    end: v.end,
                    label: &v.label,
                    owner,
                })
            })
            .collect();
        let right = items(spans);
        let pairs = pair(&left, &right, groups.len(), spans.len(), Rule::Any);
        let owners: Vec<(usize, usize)> = pairs.iter().map(|&(l, r)| (left[l].owner, r)).collect();
        drop(left);
        let mut paired = vec![false; spans.len()];
        for (owner, r) in owners {
            paired[r] = true;
            let group = &mut groups[owner];
            let span = &spans[r];
            group.start = group.start.min(span.start);
            group.end = group.end.max(span.end);
            group.variants[k] = Some(variant(r, span));
        }
        for (r, span) in spans.iter().enumerate().filter(|(r, _)| !paired[*r]) {
            let mut variants = vec![None; count];
            variants[k] = Some(variant(r, span));
            groups.push(Group {
                start: span.start,
                end: span.end,
                variants,
            });
        }
    }
    groups.sort_by_cached_key(|group| {
        let first = group
            .variants
            .iter()
            .enumerate()
            .find_map(|(k, v)| v.as_ref().map(|v| (k, v.span)));
        (group.start, group.end, first)
    });
    groups
}

fn variant(index: usize, span: &Span) -> Variant {
    Variant {
        span: index,
        start: span.start,
        end: span.end,
        label: span.label.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::diff;
    use crate::model::notation::Case;

    fn spans(notation: &str) -> Vec<Span> {
        Case::parse(notation)
            .expect("notation")
            .annotation()
            .spans()
            .to_vec()
    }

    /// Each group as `kind: variant | variant | …` (`start-end:LABEL` or `—`).
    fn show(notations: &[&str]) -> Vec<String> {
        let lists: Vec<Vec<Span>> = notations.iter().map(|n| spans(n)).collect();
        let refs: Vec<&[Span]> = lists.iter().map(Vec::as_slice).collect();
        merge(&refs)
            .iter()
            .map(|g| {
                let sides: Vec<String> = g
                    .variants
                    .iter()
                    .map(|v| {
                        v.as_ref().map_or("—".to_owned(), |v| {
                            format!("{}-{}:{}", v.start, v.end, v.label)
                        })
                    })
                    .collect();
                format!("{}: {}", g.kind().name(), sides.join(" | "))
            })
            .collect()
    }

    #[test]
    fn three_annotators_with_who_had_what() {
        let amal = "زار [بوتين|PERSON] ل[روسيا|COUNTRY] في [موسكو|CITY]";
        let omar = "زار [بوتين|PERSON] [لروسيا|COUNTRY] في [موسكو|COUNTRY]";
        let sara = "زار [بوتين|PERSON] ل[روسيا|COUNTRY] في موسكو";
        assert_eq!(
            show(&[amal, omar, sara]),
            [
                "agree: 4-9:PERSON | 4-9:PERSON | 4-9:PERSON",
                "boundary: 11-16:COUNTRY | 10-16:COUNTRY | 11-16:COUNTRY",
                "partial: 20-25:CITY | 20-25:COUNTRY | —",
            ]
        );
    }

    #[test]
    fn a_later_annotator_joins_a_group_through_any_variant() {
        // Sara's span overlaps only Omar's variant of the group Amal opened.
        let amal = "[كيم|PERSON] جونغ أون";
        let omar = "[كيم جونغ|PERSON] أون";
        let sara = "كيم [جونغ أون|PERSON]";
        assert_eq!(
            show(&[amal, omar, sara]),
            ["boundary: 0-3:PERSON | 0-8:PERSON | 4-12:PERSON"]
        );
    }

    #[test]
    fn two_annotators_give_the_diff() {
        let a = spans("[زار|EVENT] [بوتين|PERSON] ل[روسيا|COUNTRY] [في|X]");
        let b = spans("زار [بوتين|ORG] [لروسيا|COUNTRY] [في|X]");
        let groups = merge(&[&a, &b]);
        let entries = diff(&a, &b);
        assert_eq!(groups.len(), entries.len());
        for (group, entry) in groups.iter().zip(&entries) {
            let sides: Vec<Option<usize>> = group
                .variants
                .iter()
                .map(|v| v.as_ref().map(|v| v.span))
                .collect();
            assert_eq!(sides, [entry.a, entry.b]);
        }
    }

    #[test]
    fn nobody_has_spans() {
        assert!(merge(&[&[], &[], &[]]).is_empty());
        assert!(merge(&[]).is_empty());
    }
}

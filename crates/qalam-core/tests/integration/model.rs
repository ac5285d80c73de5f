//! Property tests of the annotation model through its public API: random edit sequences on
//! random Unicode text (Arabic, harakat, emoji, CRLF) undo and redo exactly, failed edits change
//! nothing, invariants hold after every edit, and span notation round-trips.

use std::cmp::Reverse;

use proptest::prelude::*;
use qalam_core::model::notation::{self, NotatedSpan};
use qalam_core::model::{Annotation, DocStatus, Document, Edit, History, Label, Rgb};

/// Characters the random texts are made of: Arabic letters, harakat U+064B–U+0652, emoji
/// (including a skin-tone modifier and ZWJ, separate code points), CR, LF, spaces, Latin, and
/// the notation's special characters.
const ALPHABET: &[char] = &[
    'ا',
    'ب',
    'ت',
    'ر',
    'س',
    'ل',
    'م',
    'ن',
    'و',
    'ي',
    'ة',
    'ء',
    '\u{064B}',
    '\u{064C}',
    '\u{064D}',
    '\u{064E}',
    '\u{064F}',
    '\u{0650}',
    '\u{0651}',
    '\u{0652}',
    '😀',
    '👍',
    '\u{1F3FD}',
    '\u{200D}',
    '\r',
    '\n',
    ' ',
    'a',
    'Z',
    '7',
    '[',
    ']',
    '|',
    '\\',
];

fn text_strategy(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..max)
        .prop_map(|chars| chars.into_iter().collect())
}

/// An edit described by small numbers, turned into a concrete [`Edit`] against the current
/// annotation (indices wrap around), so that most generated edits are meaningful while some
/// are still invalid.
#[derive(Debug, Clone)]
enum Op {
    Add {
        start: usize,
        len: usize,
        label: usize,
    },
    Remove {
        span: usize,
    },
    Relabel {
        span: usize,
        label: usize,
    },
    SetBounds {
        span: usize,
        start: usize,
        len: usize,
    },
    SetNote {
        span: usize,
        note: Option<String>,
    },
    Status(usize),
    AddLabel {
        index: usize,
        name: usize,
        hotkey: Option<char>,
    },
    RemoveLabel {
        index: usize,
    },
    RenameLabel {
        index: usize,
        name: usize,
    },
    MoveLabel {
        from: usize,
        to: usize,
    },
    AllowOverlaps(bool),
    Review {
        span: usize,
        decision: Option<usize>,
    },
    Group(Vec<Op>),
}

const NAMES: &[&str] = &["PERSON", "COUNTRY", "شخص", "دولة", "MISC", "", " "];

fn leaf_op() -> impl Strategy<Value = Op> {
    let n = 0..40usize;
    prop_oneof![
        8 => (n.clone(), 0..8usize, n.clone()).prop_map(|(start, len, label)| Op::Add { start, len, label }),
        2 => n.clone().prop_map(|span| Op::Remove { span }),
        2 => (n.clone(), n.clone()).prop_map(|(span, label)| Op::Relabel { span, label }),
        2 => (n.clone(), n.clone(), 0..8usize)
            .prop_map(|(span, start, len)| Op::SetBounds { span, start, len }),
        1 => (n.clone(), prop::option::of(text_strategy(6)))
            .prop_map(|(span, note)| Op::SetNote { span, note }),
        1 => n.clone().prop_map(Op::Status),
        1 => (n.clone(), n.clone(), prop::option::of(prop::sample::select(vec!['P', 'x', 'M', 'ش'])))
            .prop_map(|(index, name, hotkey)| Op::AddLabel { index, name, hotkey }),
        1 => n.clone().prop_map(|index| Op::RemoveLabel { index }),
        1 => (n.clone(), n.clone()).prop_map(|(index, name)| Op::RenameLabel { index, name }),
        1 => (n.clone(), n.clone()).prop_map(|(from, to)| Op::MoveLabel { from, to }),
        1 => any::<bool>().prop_map(Op::AllowOverlaps),
        2 => (n, prop::option::of(0..3usize))
            .prop_map(|(span, decision)| Op::Review { span, decision }),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => leaf_op(),
        1 => prop::collection::vec(leaf_op(), 0..4).prop_map(Op::Group),
    ]
}

/// Picks the `n`-th element of a list, wrapping around; `None` if the list is empty.
fn pick(n: usize, len: usize) -> Option<usize> {
    (len > 0).then(|| n % len)
}

/// Turns `op` into an edit for `ann`.
fn concretise(ann: &Annotation, op: &Op) -> Edit {
    let span_id = |n: usize| {
        pick(n, ann.spans().len()).map_or(qalam_core::model::SpanId(999), |i| ann.spans()[i].id)
    };
    let label_name = |n: usize| {
        pick(n, ann.labels().labels.len())
            .map_or("NONE".to_owned(), |i| ann.labels().labels[i].name.clone())
    };
    let len = ann.document().char_len() + 1;
    match op {
        Op::Add {
            start,
            len: l,
            label,
        } => {
            let start = start % len;
            Edit::AddSpan(ann.new_span(start, start + l, &label_name(*label)))
        }
        Op::Remove { span } => Edit::RemoveSpan(span_id(*span)),
        Op::Relabel { span, label } => Edit::Relabel {
            id: span_id(*span),
            label: label_name(*label),
        },
        Op::SetBounds {
            span,
            start,
            len: l,
        } => {
            let start = start % len;
            Edit::SetBounds {
                id: span_id(*span),
                start,
                end: start + l,
            }
        }
        Op::SetNote { span, note } => Edit::SetNote {
            id: span_id(*span),
            note: note.clone(),
        },
        Op::Status(n) => Edit::SetStatus(DocStatus::ALL[n % DocStatus::ALL.len()]),
        Op::AddLabel {
            index,
            name,
            hotkey,
        } => Edit::AddLabel {
            index: index % (ann.labels().labels.len() + 2),
            label: Label::new(NAMES[name % NAMES.len()], Rgb([9, 9, 9]), *hotkey),
        },
        Op::RemoveLabel { index } => Edit::RemoveLabel {
            index: index % (ann.labels().labels.len() + 1),
        },
        Op::RenameLabel { index, name } => {
            let index = index % (ann.labels().labels.len() + 1);
            let mut label = ann
                .labels()
                .labels
                .get(index)
                .cloned()
                .unwrap_or_else(|| Label::new("X", Rgb([0; 3]), None));
            label.name = NAMES[name % NAMES.len()].to_owned();
            Edit::UpdateLabel { index, label }
        }
        Op::MoveLabel { from, to } => {
            let n = ann.labels().labels.len() + 1;
            Edit::MoveLabel {
                from: from % n,
                to: to % n,
            }
        }
        Op::AllowOverlaps(allow) => Edit::SetAllowOverlaps(*allow),
        Op::Review { span, decision } => Edit::SetReview {
            id: span_id(*span),
            review: decision.map(|n| {
                qalam_core::model::Review::new(
                    "sara",
                    qalam_core::model::ReviewDecision::ALL[n % 3],
                    (n == 1).then(|| "سبب".to_owned()),
                    ann.modified(),
                )
            }),
        },
        Op::Group(ops) => {
            // Each member refers to the state the previous members leave behind.
            let mut scratch = ann.clone();
            let mut edits = Vec::with_capacity(ops.len());
            for op in ops {
                let edit = concretise(&scratch, op);
                let _ = scratch.apply(edit.clone());
                edits.push(edit);
            }
            Edit::Group(edits)
        }
    }
}

/// Everything [`Annotation::apply`] promises to keep true.
fn check_invariants(ann: &Annotation) -> Result<(), TestCaseError> {
    let keys: Vec<_> = ann.spans().iter().map(|s| s.sort_key()).collect();
    prop_assert!(
        keys.windows(2).all(|w| w[0] < w[1]),
        "spans sorted with unique ids: {keys:?}"
    );
    let mut ids: Vec<_> = ann.spans().iter().map(|s| s.id).collect();
    ids.sort_unstable();
    ids.dedup();
    prop_assert_eq!(ids.len(), ann.spans().len());
    for span in ann.spans() {
        prop_assert!(span.start < span.end && span.end <= ann.document().char_len());
        prop_assert!(
            ann.labels().get(&span.label).is_some(),
            "unknown label {}",
            span.label
        );
        prop_assert_eq!(ann.span_text(span).chars().count(), span.end - span.start);
        if !ann.labels().allow_overlaps {
            prop_assert_eq!(
                ann.spans_in(span.range()).count(),
                1,
                "overlap with {:?}",
                span.id
            );
        }
    }
    let mut names: Vec<_> = ann
        .labels()
        .labels
        .iter()
        .map(|l| l.name.as_str())
        .collect();
    prop_assert!(names.iter().all(|n| !n.trim().is_empty()));
    names.sort_unstable();
    names.dedup();
    prop_assert_eq!(names.len(), ann.labels().labels.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_edits_undo_to_start_and_redo_to_end(
        text in text_strategy(40),
        ops in prop::collection::vec(op(), 0..30),
    ) {
        let mut ann = Annotation::new(Document::new("d", text));
        let start = ann.clone();
        let mut history = History::new();
        let initial_revision = history.revision();
        let mut applied = 0;
        for op in &ops {
            let edit = concretise(&ann, op);
            let before = ann.clone();
            match history.apply(&mut ann, edit) {
                Ok(()) => applied += 1,
                Err(error) => {
                    prop_assert_eq!(&ann, &before, "failed edit changed the annotation: {}", error);
                    prop_assert!(!error.to_string().is_empty());
                }
            }
            check_invariants(&ann)?;
        }
        let end = ann.clone();
        let mut undone = 0;
        while history.undo(&mut ann) {
            undone += 1;
            check_invariants(&ann)?;
        }
        prop_assert_eq!(undone, applied);
        prop_assert_eq!(&ann, &start);
        prop_assert!(!history.is_dirty());
        prop_assert_eq!(history.revision(), initial_revision);
        let mut redone = 0;
        while history.redo(&mut ann) {
            redone += 1;
        }
        prop_assert_eq!(redone, applied);
        prop_assert_eq!(&ann, &end);
        prop_assert_eq!(history.is_dirty(), applied > 0);
    }

    /// Without History: the inverses `apply` returns, applied in reverse through `apply` itself
    /// (all checks on), lead back to the start. Starting from a valid state, no inverse is
    /// refused.
    #[test]
    fn apply_inverses_in_reverse_restore_the_start(
        text in text_strategy(40),
        ops in prop::collection::vec(op(), 0..30),
    ) {
        let mut ann = Annotation::new(Document::new("d", text));
        let start = ann.clone();
        let mut inverses = Vec::new();
        for op in &ops {
            if let Ok(inverse) = ann.apply(concretise(&ann, op)) {
                inverses.push(inverse);
            }
        }
        while let Some(inverse) = inverses.pop() {
            let described = inverse.describe();
            ann.apply(inverse).map_err(|e| TestCaseError::fail(format!("{described}: {e}")))?;
        }
        prop_assert_eq!(ann, start);
    }

    #[test]
    fn notation_round_trips_properly_nested_spans(
        text in text_strategy(30),
        raw in prop::collection::vec((0..31usize, 1..10usize, 0..NAMES.len()), 0..8),
    ) {
        let len = text.chars().count();
        let mut spans: Vec<NotatedSpan> = Vec::new();
        for (start, l, name) in raw {
            let (start, end) = (start, start + l);
            let label = NAMES[name].to_owned() + "|]";
            let nests = spans.iter().all(|&(s, e, _)| e <= start || end <= s || (s <= start && end <= e) || (start <= s && e <= end));
            if end <= len && nests {
                spans.push((start, end, label));
            }
        }
        let rendered = notation::try_render(&text, &spans).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let (back, parsed) = notation::parse(&rendered).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, text);
        let mut expected = spans;
        expected.sort_by_key(|&(start, end, _)| (start, Reverse(end)));
        prop_assert_eq!(parsed, expected);
    }

    #[test]
    fn render_keeps_text_and_coverage_even_for_crossing_spans(
        text in text_strategy(20),
        raw in prop::collection::vec((0..21usize, 1..8usize), 0..6),
    ) {
        let len = text.chars().count();
        let spans: Vec<NotatedSpan> = raw
            .into_iter()
            .enumerate()
            .map(|(i, (start, l))| (start, start + l, format!("L{i}")))
            .collect();
        let (back, pieces) = notation::parse(&notation::render(&text, &spans))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, text);
        for cp in 0..len {
            let labels_at = |list: &[NotatedSpan]| {
                let mut labels: Vec<String> = list.iter().filter(|s| s.0 <= cp && cp < s.1 && s.1 <= len).map(|s| s.2.clone()).collect();
                labels.sort();
                labels
            };
            prop_assert_eq!(labels_at(&pieces), labels_at(&spans), "code point {}", cp);
        }
    }

    #[test]
    fn parse_then_render_is_stable_on_any_input(input in text_strategy(30)) {
        if let Ok((text, spans)) = notation::parse(&input) {
            let rendered = notation::try_render(&text, &spans).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(notation::parse(&rendered), Ok((text, spans)));
        }
    }
}

//! Alignment and tag tests, written in the span notation.

use super::align::{ChangeKind, align};
use super::tags::{Prefix, decode, layer_tags};
use super::tokenize;
use crate::interchange::{BoundaryPolicy, TagScheme};
use crate::model::notation;

/// Aligns the notation `case` and renders each layer as `token/TAG` words, and the changes.
fn run(
    case: &str,
    policy: BoundaryPolicy,
    scheme: TagScheme,
    max: Option<usize>,
) -> (Vec<String>, Vec<ChangeKind>) {
    let (text, spans) = notation::parse(case).expect("valid notation");
    let ranges: Vec<(usize, usize)> = spans.iter().map(|(s, e, _)| (*s, *e)).collect();
    let alignment = align(tokenize(&text), &ranges, policy, max);
    let layers = (0..alignment.layer_count)
        .map(|layer| {
            let tags = layer_tags(&alignment, layer, scheme);
            let words: Vec<String> = alignment
                .tokens
                .iter()
                .zip(&tags)
                .map(|(token, tag)| match tag {
                    None => format!("{}/O", token.slice(&text)),
                    Some(tag) => {
                        let label = &spans[alignment.entities[tag.entity].span].2;
                        format!("{}/{}-{label}", token.slice(&text), tag.prefix.as_str())
                    }
                })
                .collect();
            words.join(" ")
        })
        .collect();
    (
        layers,
        alignment.changes.into_iter().map(|c| c.kind).collect(),
    )
}

#[test]
fn split_cuts_the_token_at_the_span_boundary_and_changes_nothing() {
    let (layers, changes) = run(
        "زار [بوتين|PERSON] ل[روسيا|COUNTRY]",
        BoundaryPolicy::Split,
        TagScheme::Iob2,
        None,
    );
    assert_eq!(layers, ["زار/O بوتين/B-PERSON ل/O روسيا/B-COUNTRY"]);
    assert!(changes.is_empty());
}

#[test]
fn widen_takes_the_whole_token_and_reports_it() {
    let (text, spans) = notation::parse("زار ل[روسيا|COUNTRY] اليوم").unwrap();
    let alignment = align(
        tokenize(&text),
        &[(spans[0].0, spans[0].1)],
        BoundaryPolicy::Widen,
        None,
    );
    assert_eq!(alignment.changes.len(), 1);
    let change = &alignment.changes[0];
    assert_eq!(change.kind, ChangeKind::Widened);
    assert_eq!(
        &text.chars().collect::<Vec<_>>()[change.start..change.end]
            .iter()
            .collect::<String>(),
        "لروسيا"
    );
    assert_eq!(alignment.entities[0].tokens, 1..2);
}

#[test]
fn spans_with_whitespace_edges_are_trimmed_and_spaces_alone_dropped() {
    let (_, changes) = run(
        "زار[ بوتين |PERSON]و[ |X]روسيا",
        BoundaryPolicy::Split,
        TagScheme::Iob2,
        None,
    );
    assert_eq!(changes, [ChangeKind::Trimmed, ChangeKind::NoToken]);
}

#[test]
fn nested_spans_go_to_further_layers_like_wojood_columns() {
    let (layers, changes) = run(
        "في [مجلس [الأمن|ORG] ضد [الأسد|PERS]|ORG] و[لبنان|GPE]",
        BoundaryPolicy::Split,
        TagScheme::Iob2,
        None,
    );
    assert_eq!(
        layers,
        [
            "في/O مجلس/B-ORG الأمن/I-ORG ضد/I-ORG الأسد/I-ORG و/O لبنان/B-GPE",
            "في/O مجلس/O الأمن/B-ORG ضد/O الأسد/B-PERS و/O لبنان/O"
        ]
    );
    assert!(changes.is_empty());
}

#[test]
fn bioes_marks_single_and_end_tokens() {
    let (layers, _) = run(
        "[كيم جونغ أون|PERSON] في [موسكو|CITY]",
        BoundaryPolicy::Split,
        TagScheme::Bioes,
        None,
    );
    assert_eq!(
        layers,
        ["كيم/B-PERSON جونغ/I-PERSON أون/E-PERSON في/O موسكو/S-CITY"]
    );
}

#[test]
fn crossing_spans_go_to_another_layer_or_are_dropped() {
    // [0, 2) and [1, 3) in tokens cross.
    let (text, _) = notation::parse("أ ب ج د").unwrap();
    let spans = [(0, 3), (2, 5)];
    let alignment = align(tokenize(&text), &spans, BoundaryPolicy::Split, None);
    assert_eq!(alignment.layer_count, 2);
    assert_eq!(
        alignment.changes[0].kind,
        ChangeKind::Crossing { other: 0, layer: 1 }
    );
    let one = align(tokenize(&text), &spans, BoundaryPolicy::Split, Some(1));
    assert_eq!(one.entities.len(), 1);
    assert_eq!(one.changes[0].kind, ChangeKind::NoLayer { other: 0 });
    assert!(one.changes[0].kind.is_dropped());
}

#[test]
fn identical_and_widened_onto_one_token_spans_take_separate_layers() {
    let (layers, changes) = run(
        "[ل|A][روسيا|B] زار",
        BoundaryPolicy::Widen,
        TagScheme::Iob2,
        None,
    );
    assert_eq!(layers, ["لروسيا/B-A زار/O", "لروسيا/B-B زار/O"]);
    assert_eq!(changes, [ChangeKind::Widened, ChangeKind::Widened]);
}

#[test]
fn decode_reads_iob2_and_bioes_and_repairs_i_without_b() {
    let (entities, repairs) = decode([
        "B-ORG", "I-ORG", "O", "I-PER", "I-PER", "B-GPE", "S-LOC", "B-X", "E-X", "E-Y",
    ]);
    let got: Vec<(std::ops::Range<usize>, &str)> = entities
        .iter()
        .map(|e| (e.tokens.clone(), e.label.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (0..2, "ORG"),
            (3..5, "PER"),
            (5..6, "GPE"),
            (6..7, "LOC"),
            (7..9, "X"),
            (9..10, "Y")
        ]
    );
    assert_eq!(repairs.len(), 2);
    assert_eq!(repairs[0].token, 3);
    assert!(
        repairs[0].reason.contains("read as B-PER"),
        "{}",
        repairs[0].reason
    );
    assert_eq!(repairs[1].token, 9);
}

#[test]
fn decode_reads_bare_and_malformed_tags_with_repairs() {
    let (entities, repairs) = decode(["PER", "PER", "B-", "O"]);
    assert_eq!(entities.len(), 1);
    assert_eq!(entities[0].tokens, 0..2);
    assert_eq!(repairs.len(), 3);
    assert_eq!(Prefix::E.as_str(), "E");
}

//! Token-level tags for kappa and alpha: one tag per token per annotator, as codes.
//!
//! The document is cut with its tokenizer ([`Tokenizer::for_document`]), then every token is
//! split where any annotator's span starts or ends inside it
//! ([`split_tokens`]), so all annotators share one token list and no disagreement inside a
//! word is hidden. Each annotator's spans are placed on those tokens
//! ([`align`], [`BoundaryPolicy::Split`]) and the outermost layer is written in IOB2
//! ([`layer_tags`]); nested spans inside another are not tagged (span F1 counts them). Codes:
//! `0` is `O`, `1 + 2l` is `B-` and `2 + 2l` is `I-` of label `l` (see [`tag_names`]).

use std::collections::HashMap;

use crate::interchange::{BoundaryPolicy, TagScheme};
use crate::model::{Document, Span};
use crate::tokenize::Tokenizer;
use crate::tokenize::align::{align, split_tokens};
use crate::tokenize::tags::{Prefix, layer_tags};

/// The tag names of the codes for `labels`: `O`, `B-L0`, `I-L0`, `B-L1`, …
pub fn tag_names(labels: &[String]) -> Vec<String> {
    let mut names = vec!["O".to_owned()];
    for label in labels {
        names.push(format!("B-{label}"));
        names.push(format!("I-{label}"));
    }
    names
}

/// The shared tokens of `document` and each annotator's tag codes on them (see the module
/// docs); `index` maps label names to their index (spans of other labels are left out).
pub fn tag_codes(
    document: &Document,
    annotators: &[&[Span]],
    index: &HashMap<&str, usize>,
) -> (usize, Vec<Vec<u32>>) {
    let text = document.text();
    let tokenizer = Tokenizer::for_document(document);
    let kept = |spans: &'_ [Span]| -> Vec<(usize, usize, u32)> {
        spans
            .iter()
            .filter_map(|s| {
                index
                    .get(s.label.as_str())
                    .map(|&l| (s.start, s.end, l as u32))
            })
            .collect()
    };
    let lists: Vec<Vec<(usize, usize, u32)>> = annotators.iter().map(|spans| kept(spans)).collect();
    let boundaries: Vec<(usize, usize)> = lists
        .iter()
        .flatten()
        .map(|&(start, end, _)| (start, end))
        .collect();
    let tokens = split_tokens(tokenizer.tokenize(text), &boundaries);
    let codes = lists
        .iter()
        .map(|spans| {
            let ranges: Vec<(usize, usize)> = spans.iter().map(|&(s, e, _)| (s, e)).collect();
            let alignment = align(tokens.clone(), &ranges, BoundaryPolicy::Split, None);
            layer_tags(&alignment, 0, TagScheme::Iob2)
                .into_iter()
                .map(|tag| match tag {
                    None => 0,
                    Some(tag) => {
                        let label = spans[alignment.entities[tag.entity].span].2;
                        match tag.prefix {
                            Prefix::B | Prefix::S => 1 + 2 * label,
                            Prefix::I | Prefix::E => 2 + 2 * label,
                        }
                    }
                })
                .collect()
        })
        .collect();
    (tokens.len(), codes)
}

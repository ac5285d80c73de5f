//! Character spans ↔ tokens: which tokens each span covers under a [`BoundaryPolicy`], and in
//! which layer (tag column) each one goes.
//!
//! [`align`] takes the tokens of a text and the spans (`(start, end)` code points, any order)
//! and returns an [`Alignment`]:
//!
//! - **Split** (lossless): every token that a span starts or ends inside is split there, so
//!   `لروسيا` with a span on `روسيا` becomes the tokens `ل` + `روسيا`. The token list changes;
//!   the spans do not (except for separators at their edges, which no token covers: such a
//!   span is trimmed and reported).
//! - **Widen** (the ANERcorp/Wojood convention): the tokens stay; a span is widened to the whole
//!   tokens it touches (`لروسيا`), and reported.
//!
//! A span that covers no token at all (only whitespace) is dropped and reported.
//!
//! **Layers** (the tag columns of nested CoNLL, one `doc.ents`…): entities are taken outermost
//! first (by first token, longest first) and each goes into the first layer where it overlaps
//! nothing. Layer 0 holds the outermost spans, layer 1 the spans nested in them, and so on, as
//! Wojood's extra columns. A span that *crosses* another (they overlap, neither contains the
//! other) lands in a further layer, where it overlaps nothing, and is reported; when
//! `max_layers` leaves no such layer, it is dropped and reported.
//!
//! ```
//! use qalam_core::interchange::BoundaryPolicy;
//! use qalam_core::model::notation;
//! use qalam_core::tokenize::align::{align, ChangeKind};
//! use qalam_core::tokenize::tokenize;
//!
//! let (text, spans) = notation::parse("زار [بوتين|PERSON] ل[روسيا|COUNTRY]").unwrap();
//! let ranges: Vec<(usize, usize)> = spans.iter().map(|(s, e, _)| (*s, *e)).collect();
//!
//! let split = align(tokenize(&text), &ranges, BoundaryPolicy::Split, None);
//! let words: Vec<&str> = split.tokens.iter().map(|t| t.slice(&text)).collect();
//! assert_eq!(words, ["زار", "بوتين", "ل", "روسيا"]);
//! assert_eq!(split.entities[1].tokens, 3..4);
//! assert!(split.changes.is_empty());
//!
//! let widen = align(tokenize(&text), &ranges, BoundaryPolicy::Widen, None);
//! assert_eq!(widen.tokens.len(), 3);
//! assert_eq!(widen.entities[1].tokens, 2..3);
//! assert_eq!(widen.changes[0].kind, ChangeKind::Widened);
//! assert_eq!((widen.changes[0].start, widen.changes[0].end), (10, 16));
//! ```

use std::ops::Range;

use super::Token;
use crate::interchange::BoundaryPolicy;

/// One span placed on tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenEntity {
    /// Index of the span in the input slice.
    pub span: usize,
    /// The tokens it covers (indices into [`Alignment::tokens`]), non-empty.
    pub tokens: Range<usize>,
    /// Its layer (tag column), 0 = outermost.
    pub layer: usize,
}

/// What happened to a span that could not be kept exactly as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeKind {
    /// Widened to whole tokens (it started or ended inside a token); may also be trimmed.
    Widened,
    /// Trimmed: its edges were separators (whitespace) that no token covers.
    Trimmed,
    /// Dropped: it covers no token.
    NoToken,
    /// Kept, but it crosses the span with index `other`, so it went to layer `layer`.
    Crossing {
        /// The span it crosses (index in the input).
        other: usize,
        /// The layer it went to.
        layer: usize,
    },
    /// Dropped: every allowed layer already holds a span it overlaps (`other`, in the last).
    NoLayer {
        /// A span it overlaps.
        other: usize,
    },
}

impl ChangeKind {
    /// Whether the span is left out of the output.
    pub fn is_dropped(&self) -> bool {
        matches!(self, ChangeKind::NoToken | ChangeKind::NoLayer { .. })
    }
}

/// A change to one span, with the character range it now has (its old range for drops).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Index of the span in the input slice.
    pub span: usize,
    /// What happened.
    pub kind: ChangeKind,
    /// New start in code points (the old one when dropped).
    pub start: usize,
    /// New end in code points (the old one when dropped).
    pub end: usize,
}

/// Tokens with spans placed on them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Alignment {
    /// The tokens (split at span boundaries under [`BoundaryPolicy::Split`]).
    pub tokens: Vec<Token>,
    /// The spans that were kept, sorted by `(first token, last token descending, span)`.
    pub entities: Vec<TokenEntity>,
    /// Number of layers used (0 when there are no entities).
    pub layer_count: usize,
    /// Every span that was changed, moved to a layer because it crosses another, or dropped,
    /// in input order of discovery.
    pub changes: Vec<Change>,
}

impl Alignment {
    /// The entities of `layer`, in token order.
    pub fn layer(&self, layer: usize) -> impl Iterator<Item = &TokenEntity> + '_ {
        self.entities.iter().filter(move |e| e.layer == layer)
    }

    /// The character range `[start, end)` covered by the token range `tokens`.
    pub fn char_range(&self, tokens: &Range<usize>) -> Range<usize> {
        self.tokens[tokens.start].start..self.tokens[tokens.end - 1].end
    }
}

/// Places `spans` (`(start, end)` in code points) on `tokens` (sorted, disjoint, as the
/// tokenizers return them) with `policy`, in at most `max_layers` layers (`None`: as many as
/// needed). See the [module docs](self).
pub fn align(
    tokens: Vec<Token>,
    spans: &[(usize, usize)],
    policy: BoundaryPolicy,
    max_layers: Option<usize>,
) -> Alignment {
    let tokens = match policy {
        BoundaryPolicy::Split => split_tokens(tokens, spans),
        BoundaryPolicy::Widen => tokens,
    };
    let mut changes = Vec::new();
    let mut placed: Vec<(usize, Range<usize>)> = Vec::with_capacity(spans.len());
    for (index, &(start, end)) in spans.iter().enumerate() {
        let first = tokens.partition_point(|t| t.end <= start);
        let last = tokens.partition_point(|t| t.start < end);
        if first >= last {
            changes.push(Change {
                span: index,
                kind: ChangeKind::NoToken,
                start,
                end,
            });
            continue;
        }
        let (new_start, new_end) = (tokens[first].start, tokens[last - 1].end);
        if (new_start, new_end) != (start, end) {
            let widened = new_start < start || new_end > end;
            changes.push(Change {
                span: index,
                kind: if widened {
                    ChangeKind::Widened
                } else {
                    ChangeKind::Trimmed
                },
                start: new_start,
                end: new_end,
            });
        }
        placed.push((index, first..last));
    }
    placed.sort_by(|(a, ra), (b, rb)| {
        (ra.start, std::cmp::Reverse(ra.end), a).cmp(&(rb.start, std::cmp::Reverse(rb.end), b))
    });
    let mut entities = Vec::with_capacity(placed.len());
    // The last entity of each layer (its span and token range): layers are disjoint and filled
    // in order of first token, so only the last one can overlap a new entity.
    let mut last_of_layer: Vec<(usize, Range<usize>)> = Vec::new();
    for (span, range) in placed {
        let free = last_of_layer
            .iter()
            .position(|(_, last)| last.end <= range.start);
        let layer = free.unwrap_or(last_of_layer.len());
        let crossed = last_of_layer[..layer.min(last_of_layer.len())]
            .iter()
            .find(|(_, last)| last.end > range.start && last.end < range.end);
        if max_layers.is_some_and(|max| layer >= max) {
            let other = last_of_layer.last().map_or(span, |(other, _)| *other);
            let (start, end) = spans[span];
            changes.push(Change {
                span,
                kind: ChangeKind::NoLayer { other },
                start,
                end,
            });
            continue;
        }
        if let Some((other, _)) = crossed {
            let (start, end) = spans[span];
            changes.push(Change {
                span,
                kind: ChangeKind::Crossing {
                    other: *other,
                    layer,
                },
                start,
                end,
            });
        }
        if layer == last_of_layer.len() {
            last_of_layer.push((span, range.clone()));
        } else {
            last_of_layer[layer] = (span, range.clone());
        }
        entities.push(TokenEntity {
            span,
            tokens: range,
            layer,
        });
    }
    Alignment {
        tokens,
        entities,
        layer_count: last_of_layer.len(),
        changes,
    }
}

/// Splits every token that a span boundary (`start` or `end` of `spans`) falls strictly inside,
/// as [`BoundaryPolicy::Split`] does; tokens already cut there are kept. Splitting by the
/// boundaries of several annotators' spans gives one token list on which each annotator's
/// spans then align without further splits.
pub fn split_tokens(tokens: Vec<Token>, spans: &[(usize, usize)]) -> Vec<Token> {
    let mut cuts: Vec<usize> = spans.iter().flat_map(|&(s, e)| [s, e]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    if cuts.is_empty() {
        return tokens;
    }
    let mut result = Vec::with_capacity(tokens.len() + cuts.len());
    for token in tokens {
        let from = cuts.partition_point(|&c| c <= token.start);
        let mut start = token.start;
        for &cut in cuts[from..].iter().take_while(|&&c| c < token.end) {
            result.push(Token { start, end: cut });
            start = cut;
        }
        result.push(Token {
            start,
            end: token.end,
        });
    }
    result
}

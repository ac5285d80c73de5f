//! IOB2 and BIOES tag sequences: from the entities of one layer to one tag per token, and back
//! from tag strings (any of IOB2, BIOES, IOB1) to entities, repairing invalid sequences.

use std::ops::Range;

use super::align::{Alignment, TokenEntity};
use crate::interchange::TagScheme;

/// The position of a token in its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefix {
    /// Begins an entity (IOB2: every entity; BIOES: entities of two tokens or more).
    B,
    /// Inside an entity.
    I,
    /// Ends an entity of two tokens or more (BIOES).
    E,
    /// A single-token entity (BIOES).
    S,
}

impl Prefix {
    /// `"B"`, `"I"`, `"E"` or `"S"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Prefix::B => "B",
            Prefix::I => "I",
            Prefix::E => "E",
            Prefix::S => "S",
        }
    }
}

/// One token's tag: its prefix and the entity (index into [`Alignment::entities`]); `None` in
/// a tag sequence is `O`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag {
    /// Where the token is in the entity.
    pub prefix: Prefix,
    /// Index of the entity in [`Alignment::entities`].
    pub entity: usize,
}

/// One tag per token of `alignment` for the entities of `layer`, in `scheme`.
pub fn layer_tags(alignment: &Alignment, layer: usize, scheme: TagScheme) -> Vec<Option<Tag>> {
    let mut tags = vec![None; alignment.tokens.len()];
    for (entity, TokenEntity { tokens, .. }) in alignment
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.layer == layer)
    {
        for (offset, token) in tokens.clone().enumerate() {
            let prefix = match (scheme, offset, tokens.len()) {
                (TagScheme::Bioes, _, 1) => Prefix::S,
                (_, 0, _) => Prefix::B,
                (TagScheme::Bioes, o, n) if o + 1 == n => Prefix::E,
                _ => Prefix::I,
            };
            tags[token] = Some(Tag { prefix, entity });
        }
    }
    tags
}

/// An entity read from a tag sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// Token indices.
    pub tokens: Range<usize>,
    /// The tag's type (`PERS` of `B-PERS`).
    pub label: String,
}

/// A tag that did not fit the sequence and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    /// Index of the token.
    pub token: usize,
    /// The tag as found.
    pub tag: String,
    /// What was wrong and what was done, as a sentence fragment in lower case.
    pub reason: String,
}

/// Reads entities from one tag per token (`O`, `B-X`, `I-X`, `E-X`, `S-X`; IOB2, BIOES and IOB1
/// alike). Invalid sequences are repaired by the usual convention and each repair listed: `I-X`
/// or `E-X` that does not continue an `X` entity starts one (as `B-X`); a tag without a prefix
/// (`X`) is read as `I-X`; a malformed tag (`B-`, `Q-X`) is read as `O`.
pub fn decode<'a>(tags: impl IntoIterator<Item = &'a str>) -> (Vec<Decoded>, Vec<Repair>) {
    let mut entities = Vec::new();
    let mut repairs = Vec::new();
    let mut open: Option<Decoded> = None;
    for (token, tag) in tags.into_iter().enumerate() {
        if tag == "O" {
            entities.extend(open.take());
            continue;
        }
        let (prefix, label) = match tag.split_once('-') {
            Some((p, l)) if !l.is_empty() && matches!(p, "B" | "I" | "E" | "S") => (p, l),
            None if !tag.is_empty() => ("I", tag),
            _ => {
                repairs.push(Repair {
                    token,
                    tag: tag.to_owned(),
                    reason: "is not a tag (O, B-X, I-X, E-X or S-X); read as O".to_owned(),
                });
                entities.extend(open.take());
                continue;
            }
        };
        if tag.split_once('-').is_none() {
            repairs.push(Repair {
                token,
                tag: tag.to_owned(),
                reason: format!("has no B-/I- prefix; read as I-{label}"),
            });
        }
        let continues = open.as_ref().is_some_and(|o| o.label == label);
        match prefix {
            "I" | "E" if continues => {
                if let Some(current) = open.as_mut() {
                    current.tokens.end = token + 1;
                }
            }
            _ => {
                if matches!(prefix, "I" | "E") && tag.contains('-') {
                    repairs.push(Repair {
                        token,
                        tag: tag.to_owned(),
                        reason: format!("does not continue a {label} entity; read as B-{label}"),
                    });
                }
                entities.extend(open.take());
                open = Some(Decoded {
                    tokens: token..token + 1,
                    label: label.to_owned(),
                });
            }
        }
        if matches!(prefix, "E" | "S") {
            entities.extend(open.take());
        }
    }
    entities.extend(open);
    (entities, repairs)
}

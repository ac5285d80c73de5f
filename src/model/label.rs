//! Labels (entity types) and the label set a document is annotated with.

use serde_json::{Map, Value};

/// An sRGB colour, serialised as `"#rrggbb"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub [u8; 3]);

/// One entity type, e.g. `COUNTRY`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Unique name within the set, used by spans (e.g. `PERSON`).
    pub name: String,
    /// Highlight colour.
    pub color: Rgb,
    /// Letter hotkey (e.g. `P`); digit hotkeys 1–9 follow the label's position in the set.
    pub hotkey: Option<char>,
    /// Tag written by exporters when it differs from the name (e.g. `GPE` for `COUNTRY`).
    pub export_tag: Option<String>,
    /// Fields of this label in the file that Qalam does not know; written back unchanged.
    pub extra: Map<String, Value>,
}

/// The ordered set of labels a document uses, and its overlap policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelSet {
    /// Labels in palette order.
    pub labels: Vec<Label>,
    /// When false, spans may not overlap or nest.
    pub allow_overlaps: bool,
}

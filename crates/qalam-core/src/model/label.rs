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
    /// Fields of the file's `labels` object that Qalam does not know; written back unchanged.
    pub extra: Map<String, Value>,
}

impl Label {
    /// A label with a name, colour and letter hotkey, exported under its own name.
    pub fn new(name: impl Into<String>, color: Rgb, hotkey: Option<char>) -> Self {
        Self {
            name: name.into(),
            color,
            hotkey,
            export_tag: None,
            extra: Map::new(),
        }
    }

    /// The tag exporters write: `export_tag` if set, else the name.
    pub fn export_name(&self) -> &str {
        self.export_tag.as_deref().unwrap_or(&self.name)
    }
}

impl Default for LabelSet {
    /// PERSON (P, 1), COUNTRY (C, 2, exported as GPE), ORGANIZATION (O, 3), EVENT (E, 4);
    /// overlaps allowed.
    fn default() -> Self {
        let mut country = Label::new("COUNTRY", Rgb([0x4e, 0x9a, 0x06]), Some('C'));
        country.export_tag = Some("GPE".to_owned());
        Self {
            labels: vec![
                Label::new("PERSON", Rgb([0x34, 0x65, 0xa4]), Some('P')),
                country,
                Label::new("ORGANIZATION", Rgb([0xce, 0x5c, 0x00]), Some('O')),
                Label::new("EVENT", Rgb([0x75, 0x50, 0x7b]), Some('E')),
            ],
            allow_overlaps: true,
            extra: Map::new(),
        }
    }
}

impl LabelSet {
    /// The label with this name, if any.
    pub fn get(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|label| label.name == name)
    }

    /// Position of the label with this name in palette order.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.labels.iter().position(|label| label.name == name)
    }
}

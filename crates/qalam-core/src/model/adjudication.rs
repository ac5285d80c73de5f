//! How a gold span was decided: [`Adjudication`] (the span's `adjudication` field, written only
//! in gold files made by adjudicating several annotators' files of one text).

use chrono::{DateTime, Utc};

/// How a gold span was decided (format field `adjudication`, only in gold files).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adjudication {
    /// Annotators whose files had this span exactly (same range and label), sorted.
    pub sources: Vec<String>,
    /// Annotators who had a different variant (other label or boundaries). Annotators in
    /// neither list had nothing here.
    pub variants: Vec<AdjudicationVariant>,
    /// Who decided.
    pub decided_by: String,
    /// How it was decided.
    pub resolution: Resolution,
    /// When.
    pub at: DateTime<Utc>,
}

/// One annotator's differing version of an adjudicated span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdjudicationVariant {
    /// Whose version.
    pub annotator: String,
    /// Its start (code points).
    pub start: usize,
    /// Its end (code points, exclusive).
    pub end: usize,
    /// Its label.
    pub label: String,
}

/// How an adjudicator resolved a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// Every annotator had it (`"agreed"`).
    Agreed,
    /// One annotator's version was chosen (`"took"`).
    Took,
    /// Two differing versions were both kept (`"both"`).
    Both,
    /// The adjudicator edited it (`"edited"`).
    Edited,
}

impl Resolution {
    /// Every resolution.
    pub const ALL: [Resolution; 4] = [
        Resolution::Agreed,
        Resolution::Took,
        Resolution::Both,
        Resolution::Edited,
    ];

    /// The name in the file: `agreed`, `took`, `both` or `edited`.
    pub fn name(self) -> &'static str {
        match self {
            Resolution::Agreed => "agreed",
            Resolution::Took => "took",
            Resolution::Both => "both",
            Resolution::Edited => "edited",
        }
    }

    /// The resolution with this file name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|resolution| resolution.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_names_round_trip() {
        for resolution in Resolution::ALL {
            assert_eq!(Resolution::parse(resolution.name()), Some(resolution));
        }
        assert_eq!(Resolution::parse("merged"), None);
    }
}

//! Options shared by exporters and importers.

use std::collections::BTreeMap;

use crate::model::LabelSet;

/// What to do with a span that starts or ends inside a token (`روسيا` inside `لروسيا`) in a
/// token-based format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BoundaryPolicy {
    /// Split the token at the span boundary (`ل` + `روسيا`): lossless, the tokens change.
    #[default]
    Split,
    /// Widen the span to whole tokens (`لروسيا B-GPE`, the ANERcorp/Wojood convention); every
    /// widened span is reported.
    Widen,
}

/// Tagging scheme of token-based formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TagScheme {
    /// `B-` on every entity start, `I-` inside.
    #[default]
    Iob2,
    /// `B-`, `I-`, `E-` (end) and `S-` (single-token entity).
    Bioes,
}

/// How to export.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Label name → tag, overriding each label's export tag (`COUNTRY` → `LOC`).
    pub tag_overrides: BTreeMap<String, String>,
    /// Spans inside tokens, for token-based formats.
    pub boundary: BoundaryPolicy,
    /// IOB2 or BIOES, for token-based formats.
    pub scheme: TagScheme,
    /// The `doc.spans` key for spaCy (default `sc`).
    pub spans_key: Option<String>,
    /// Train/validation/test fractions for formats that split (Hugging Face); `None` writes
    /// one `train` split.
    pub splits: Option<[f64; 3]>,
    /// doccano: write the newer `entities` form (`start_offset`, `end_offset`, `relations`)
    /// instead of the default `label: [[start, end, "TAG"]]` form.
    pub doccano_entities: bool,
    /// Also export spans rejected in review (and unchanged since). By default they are left
    /// out, each one a report entry (see [`super::rejected`]).
    pub include_rejected: bool,
}

impl ExportOptions {
    /// The tag written for `label` of `labels`: an override, else the label's export tag, else
    /// its name (for a label missing from the set, the name itself).
    pub fn tag_for<'a>(&'a self, labels: &'a LabelSet, label: &'a str) -> &'a str {
        if let Some(tag) = self.tag_overrides.get(label) {
            return tag;
        }
        labels.get(label).map_or(label, |known| known.export_name())
    }
}

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The label set to import into. Tags that match a label's name or export tag map to it;
    /// others are added as new labels and reported as unknown. `None`: every tag found becomes
    /// a label (named after the tag).
    pub labels: Option<LabelSet>,
    /// Which annotator to take where a format holds several (Label Studio); `None` takes all,
    /// one document per annotation.
    pub annotator: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_comes_from_override_then_export_tag_then_name() {
        let labels = LabelSet::default();
        let mut options = ExportOptions::default();
        assert_eq!(options.tag_for(&labels, "COUNTRY"), "GPE");
        assert_eq!(options.tag_for(&labels, "PERSON"), "PERSON");
        assert_eq!(options.tag_for(&labels, "MISSING"), "MISSING");
        options
            .tag_overrides
            .insert("COUNTRY".to_owned(), "LOC".to_owned());
        assert_eq!(options.tag_for(&labels, "COUNTRY"), "LOC");
    }
}

//! Why an edit was refused. Messages are whole sentences for the annotator: the app shows them
//! in the window as they are.

use super::SpanId;

/// Why an edit was refused. The annotation is unchanged when an edit fails.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No span has this id.
    #[error("There is no span {0}; it may have been removed.")]
    NoSuchSpan(SpanId),
    /// A span range is empty, reversed or reaches past the end of the text.
    #[error(
        "The range [{start}, {end}) is not a valid span: a span must cover at least one \
         character and end within the text ({len} characters)."
    )]
    InvalidRange {
        /// Requested start.
        start: usize,
        /// Requested end (exclusive).
        end: usize,
        /// Length of the text in code points.
        len: usize,
    },
    /// A span names a label that is not in the label set.
    #[error("There is no label named “{0}” in this document's label set.")]
    UnknownLabel(String),
    /// A new span's id is already used by another span.
    #[error("A span with id {0} already exists.")]
    DuplicateId(SpanId),
    /// Overlaps are forbidden and the span would intersect another one.
    #[error(
        "This would overlap the {with_label} span {with}, and this label set does not allow \
         overlapping spans."
    )]
    Overlap {
        /// The span it would overlap.
        with: SpanId,
        /// That span's label.
        with_label: String,
    },
    /// Another span already has the same range and label.
    #[error("An identical {label} span ({with}) already covers this text.")]
    DuplicateSpan {
        /// The existing span.
        with: SpanId,
        /// The shared label.
        label: String,
    },
    /// Overlaps cannot be forbidden while these two spans overlap.
    #[error(
        "Spans {first} and {second} overlap; remove or shorten one of them before forbidding \
         overlapping spans."
    )]
    ExistingOverlap {
        /// One span of the overlapping pair.
        first: SpanId,
        /// The other span.
        second: SpanId,
    },
    /// A label cannot be removed while spans use it.
    #[error(
        "The label {label} is used by {count} span(s); relabel or remove them before removing \
         the label."
    )]
    LabelInUse {
        /// The label's name.
        label: String,
        /// How many spans use it.
        count: usize,
    },
    /// Another label already has this name.
    #[error("A label named “{0}” already exists.")]
    DuplicateLabel(String),
    /// A label name is empty or only whitespace.
    #[error("A label needs a name that is not blank.")]
    EmptyLabelName,
    /// Another label already uses this letter hotkey.
    #[error("The hotkey {hotkey} is already used by the label {label}.")]
    DuplicateHotkey {
        /// The hotkey (compared case-insensitively).
        hotkey: char,
        /// The label that has it.
        label: String,
    },
    /// A label position is out of range.
    #[error("There is no label at position {index}; the set has {len} label(s).")]
    NoSuchLabel {
        /// The requested position.
        index: usize,
        /// Number of labels in the set.
        len: usize,
    },
}

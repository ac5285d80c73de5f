//! Text engine: parley layout of document paragraphs, bidi, hit-testing, painting through egui,
//! and conversions between code points, UTF-8 bytes and UTF-16 units.
//!
//! - [`fonts`]: the embedded fonts and the font stack.
//! - [`CharIndex`]: code point ↔ byte ↔ UTF-16, re-exported from the core (one converter for
//!   the model and the engine).
//! - [`paragraphs`]: splitting a text into paragraphs with exact offsets.
//! - [`engine`]: [`engine::TextEngine`], lays out and paints.
//! - [`paragraph`]: [`paragraph::ParagraphLayout`], geometry queries in code points.
//! - [`line_order`]: each line's visual order by UAX #9 with rule L1 (parley lacks L1).
//! - [`geometry`]: cluster boxes per line (carets, hit-testing, highlights, painting positions).
//! - [`atlas`]: the glyph atlas texture.
//! - [`field_layout`]: [`FieldLayout`], an editable field's text (one line or stacked
//!   paragraphs) with carets, selection boxes and hit-testing, for `bidi_text_edit`.
//! - [`layout_dump`]: the visual order of every line as JSON lines (for tests and the CLI).
//! - [`label`]: [`bidi_label_ui`], a short bidi-correct single-line label.
//! - [`paragraph_label`]: wrapped bidi-correct paragraphs of interface text, with faux bold.

pub mod atlas;
pub mod engine;
pub mod field_layout;
pub mod fonts;
pub mod geometry;
pub mod label;
pub mod layout_dump;
pub mod line_order;
pub mod paragraph;
pub mod paragraph_label;
pub mod paragraphs;

pub use engine::{TextEngine, shared_engine};
pub use field_layout::FieldLayout;
pub use label::bidi_label_ui;
pub use paragraph::{ParagraphLayout, TextDirection, VisualLine};
pub use paragraphs::{ParagraphRange, split_paragraphs};
pub use qalam_core::model::CharIndex;

//! Qalam: hand-labelling named entities in articles, right-to-left text first.
//!
//! - [`model`]: documents, labels, spans, edits and history (no GUI, no files).
//! - [`io`]: the `.qalam.json` format, validation, atomic saving, plain-text import.
//! - [`text`]: text layout with parley, bidi, hit-testing, offset conversions.
//! - [`ui`]: the eframe app, one file per panel, commands.
//! - [`cli`]: the command line.

pub mod cli;
pub mod io;
pub mod model;
pub mod text;
pub mod ui;

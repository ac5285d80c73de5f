//! The eframe app: one file per panel, and the command enum every action goes through.
pub mod commands;
pub mod document_view;
pub mod label_palette;
pub mod label_template;
pub mod span_commands;
pub mod span_text;
pub mod word_boundaries;

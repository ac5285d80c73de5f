//! The eframe app: one file per panel, and the command enum every action goes through.
pub mod commands;
pub mod document_view;
pub mod label_palette;
pub mod label_template;
pub mod span_commands;
pub mod span_text;
pub mod word_boundaries;
pub mod app;
pub mod dialogs;
pub mod files;
pub mod menu_bar;
pub mod messages;
pub mod open_document;
pub mod recovery;
pub mod run;
pub mod settings;
pub mod shortcut_overlay;
pub mod status_bar;

pub use app::QalamApp;
pub use run::run;

//! The eframe app: one file per panel, and the command enum every action goes through.

pub mod app;
pub mod commands;
pub mod dialogs;
pub mod document_view;
pub mod files;
pub mod label_editor;
pub mod label_palette;
pub mod label_template;
pub mod labelling_panels;
pub mod menu_bar;
pub mod messages;
pub mod note_editor;
pub mod open_document;
pub mod recovery;
pub mod run;
pub mod settings;
pub mod shortcut_overlay;
pub mod span_commands;
pub mod span_list;
pub mod span_text;
pub mod status_bar;
pub mod word_boundaries;

pub use app::QalamApp;
pub use run::run;

//! The eframe app, grouped by job:
//!
//! - [`app`]: the app state, frame layout, applying commands, file actions, settings, start-up.
//! - [`commands`]: every user action as a [`commands::Command`], internal
//!   [`commands::AppMessage`]s, the frame's queue, shortcuts, and span commands.
//! - [`panels`]: the panels around the document (menu bar, label palette, span list, status bar).
//! - [`windows`]: windows and dialogs (label editor, note editor, shortcut overlay, prompts).
//! - [`widgets`]: small shared pieces (bidi-correct labels, messages, native file dialogs).
//! - [`document_view`]: the widget that shows and selects the document text.

pub mod app;
pub mod commands;
pub mod document_view;
pub mod panels;
pub mod widgets;
pub mod windows;

pub use app::QalamApp;
pub use app::run::run;

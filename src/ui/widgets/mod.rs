//! Small pieces shared by panels and windows: bidi-correct labels and text fields for Arabic, the message
//! banner and notices, and the native file dialogs.

pub mod bidi_text;
pub mod bidi_text_edit;
pub mod file_dialogs;
pub mod messages;

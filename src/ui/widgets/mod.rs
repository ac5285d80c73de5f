//! Small pieces shared by panels and windows: bidi-correct labels for Arabic, the message
//! banner and notices, and the native file dialogs.

pub mod bidi_text;
pub mod file_dialogs;
pub mod messages;

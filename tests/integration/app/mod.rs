//! The app shell end to end in egui_kittest, one file per job.

mod acceptance;
mod adjudicate;
mod bidi_field;
mod closing;
mod corpus;
mod datasets;
mod editing;
mod files;
mod large_files;
mod pointer;
mod recovery;
mod review;
mod search;
mod settings_file;
mod suggestions;
mod sync;
mod templates;
mod unwritable;
mod window;

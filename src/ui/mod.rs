//! The eframe app: one file per panel, and the command enum every action goes through.

pub mod document_view;

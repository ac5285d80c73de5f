//! The panels around the document: the menu bar, the label palette, the span list (with its
//! text index), the corpus's document list, the review bar, the status bar, the search bar,
//! and the one entry point that draws the labelling panels.

pub mod document_list;
pub mod label_palette;
pub mod labelling_panels;
pub mod menu_bar;
pub mod review_bar;
pub mod search_bar;
pub mod span_list;
pub mod span_text;
pub mod status_bar;

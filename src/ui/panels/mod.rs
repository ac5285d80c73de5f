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

/// A count with its noun in the singular for one, else the plural: `1 match`, `3 matches`,
/// `0 documents`.
pub fn counted(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(1, "match", "matches"), "1 match");
        assert_eq!(counted(0, "match", "matches"), "0 matches");
        assert_eq!(counted(2, "document", "documents"), "2 documents");
    }
}

//! Plain-text tables for the terminal: columns padded to their widest cell (counted in
//! characters), numbers right-aligned, two spaces between columns.

/// How a column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text: padded on the right.
    Left,
    /// Numbers: padded on the left.
    Right,
}

/// Renders `header` and `rows` as lines (each ending in `\n`, trailing spaces trimmed).
pub fn render(header: &[(&str, Align)], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|(h, _)| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: Vec<&str>| {
        let mut text = String::new();
        for (index, ((cell, width), (_, align))) in
            cells.iter().zip(&widths).zip(header).enumerate()
        {
            if index > 0 {
                text.push_str("  ");
            }
            let pad = " ".repeat(width.saturating_sub(cell.chars().count()));
            match align {
                Align::Left => {
                    text.push_str(cell);
                    text.push_str(&pad);
                }
                Align::Right => {
                    text.push_str(&pad);
                    text.push_str(cell);
                }
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(header.iter().map(|(h, _)| *h).collect());
    for row in rows {
        line(row.iter().map(String::as_str).collect());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_padded_to_the_widest_cell() {
        let text = render(
            &[("label", Align::Left), ("spans", Align::Right)],
            &[
                vec!["PERSON".into(), "3".into()],
                vec!["شخص".into(), "12".into()],
            ],
        );
        assert_eq!(text, "label   spans\nPERSON      3\nشخص        12\n");
    }
}

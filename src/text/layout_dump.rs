//! The layout dump: every visual line of a text as one JSON object per line,
//! `{"paragraph", "line", "direction", "chars"}`, with `chars` the document code-point indices
//! in left-to-right display order. Used by tests and the command line to check bidi ordering
//! without a screen.

use std::io::Write;

use serde::Serialize;

use super::engine::TextEngine;
use super::paragraphs::split_paragraphs;

/// Font size (points) the dump lays text out at; line breaks depend on it.
pub const DUMP_FONT_SIZE: f32 = 16.0;

/// One line of the dump.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DumpLine {
    /// Index of the paragraph in the text.
    pub paragraph: usize,
    /// Index of the visual line inside the paragraph, top to bottom.
    pub line: usize,
    /// `"rtl"` or `"ltr"`: the paragraph's base direction.
    pub direction: &'static str,
    /// Document code-point indices of the line's characters, left to right as displayed.
    pub chars: Vec<usize>,
}

/// Lays out `text` (split into paragraphs) at [`DUMP_FONT_SIZE`], wrapped at `width` points,
/// and returns its visual lines.
pub fn dump_lines(engine: &mut TextEngine, text: &str, width: f32) -> Vec<DumpLine> {
    let mut lines = Vec::new();
    for (paragraph_index, paragraph) in split_paragraphs(text).iter().enumerate() {
        let layout = engine.layout_paragraph(&text[paragraph.bytes()], DUMP_FONT_SIZE, width);
        for (line_index, line) in layout.visual_lines().into_iter().enumerate() {
            lines.push(DumpLine {
                paragraph: paragraph_index,
                line: line_index,
                direction: line.direction.as_str(),
                chars: line.chars.iter().map(|cp| cp + paragraph.start).collect(),
            });
        }
    }
    lines
}

/// Writes the dump of `text` wrapped at `width` points to `out`, one JSON object per line.
pub fn dump_jsonl(text: &str, width: f32, out: &mut dyn Write) -> std::io::Result<()> {
    let mut engine = TextEngine::new();
    for line in dump_lines(&mut engine, text, width) {
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

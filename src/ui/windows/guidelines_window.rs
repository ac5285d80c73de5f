//! The guidelines window (F3): the corpus's Markdown guidelines (headings, paragraphs, lists,
//! bold), every paragraph through the bidi-correct text engine so Arabic reads right to left.
//! Layouts are kept between frames and made again only when the width or the text changes.

use std::hash::{Hash, Hasher};
use std::ops::Range;

use qalam_core::corpus::guidelines::Block;

use crate::text::paragraph::ParagraphLayout;
use crate::text::paragraph_label::{layout_label_paragraph, paragraph_ui};
use crate::text::shared_engine;

/// One laid-out block.
#[derive(Debug)]
enum Laid {
    Text {
        layout: Box<ParagraphLayout>,
        bold: Vec<Range<usize>>,
        indent: f32,
        space_before: f32,
    },
    Rule,
}

/// The window's state between frames.
#[derive(Debug, Default)]
pub struct GuidelinesWindow {
    /// (width, text hash, body size) the layouts were made for, and the layouts.
    cache: Option<((u32, u64, u32), Vec<Laid>)>,
}

/// Text size of a heading of `level`, relative to the body size.
fn heading_scale(level: u8) -> f32 {
    match level {
        1 => 1.6,
        2 => 1.35,
        3 => 1.15,
        _ => 1.0,
    }
}

/// The text of a block as drawn (list items with their bullet or number) and its bold
/// code-point ranges.
pub fn block_text(block: &Block) -> (String, Vec<Range<usize>>) {
    let mut text = match block {
        Block::Item {
            number: Some(n), ..
        } => format!("{n}. "),
        Block::Item { number: None, .. } => "• ".to_owned(),
        _ => String::new(),
    };
    let mut bold = Vec::new();
    let whole_bold = matches!(block, Block::Heading { .. });
    let mut at = text.chars().count();
    for run in block.inlines() {
        let len = run.text.chars().count();
        if run.bold || whole_bold {
            bold.push(at..at + len);
        }
        text.push_str(&run.text);
        at += len;
    }
    (text, bold)
}

impl GuidelinesWindow {
    /// Draws the window while `open`; `blocks` are the guidelines (empty: none).
    pub fn ui(&mut self, ctx: &egui::Context, open: &mut bool, blocks: &[Block]) {
        egui::Window::new("Guidelines")
            .open(open)
            .default_width(460.0)
            .default_height(520.0)
            .show(ctx, |ui| {
                if blocks.is_empty() {
                    ui.label(
                        "This corpus has no guidelines. Name a Markdown file beside \
                         qalam-corpus.json in its \"guidelines\" field.",
                    );
                    return;
                }
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| self.blocks_ui(ui, blocks));
            });
    }

    fn blocks_ui(&mut self, ui: &mut egui::Ui, blocks: &[Block]) {
        let width = ui.available_width().max(50.0);
        let body = egui::TextStyle::Body.resolve(ui.style()).size;
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        blocks.hash(&mut hasher);
        let key = (width.to_bits(), hasher.finish(), body.to_bits());
        if self.cache.as_ref().is_none_or(|(cached, _)| *cached != key) {
            self.cache = Some((key, lay_out(ui.ctx(), blocks, width, body)));
        }
        let Some((_, laid)) = &self.cache else {
            return;
        };
        let color = ui.visuals().text_color();
        let strong = ui.visuals().strong_text_color();
        for block in laid {
            match block {
                Laid::Rule => {
                    ui.separator();
                }
                Laid::Text {
                    layout,
                    bold,
                    indent,
                    space_before,
                } => {
                    ui.add_space(*space_before);
                    let color = if layout.font_size() > body {
                        strong
                    } else {
                        color
                    };
                    if *indent > 0.0 {
                        // Items indent from the side their text starts on.
                        let direction = if layout.is_rtl() {
                            egui::Layout::right_to_left(egui::Align::Min)
                        } else {
                            egui::Layout::left_to_right(egui::Align::Min)
                        };
                        ui.allocate_ui_with_layout(
                            egui::vec2(ui.available_width(), layout.size().y),
                            direction,
                            |ui| {
                                ui.add_space(*indent);
                                paragraph_ui(ui, layout, color, bold);
                            },
                        );
                    } else {
                        paragraph_ui(ui, layout, color, bold);
                    }
                }
            }
        }
    }
}

fn lay_out(ctx: &egui::Context, blocks: &[Block], width: f32, body: f32) -> Vec<Laid> {
    let engine = shared_engine(ctx);
    let mut engine = match engine.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    blocks
        .iter()
        .map(|block| {
            let (size, indent, space_before) = match block {
                Block::Rule => return Laid::Rule,
                Block::Heading { level, .. } => (body * heading_scale(*level), 0.0, body * 0.6),
                Block::Paragraph(_) => (body, 0.0, body * 0.4),
                Block::Item { depth, .. } => (body, 12.0 + 16.0 * *depth as f32, 0.0),
            };
            let (text, bold) = block_text(block);
            let layout = layout_label_paragraph(&mut engine, &text, size, width - indent);
            Laid::Text {
                layout: Box::new(layout),
                bold,
                indent,
                space_before,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use qalam_core::corpus::guidelines::parse_markdown;

    #[test]
    fn items_get_their_marker_and_bold_ranges_count_code_points() {
        let blocks = parse_markdown("- اسم **علم** هنا\n3. two\n## عنوان");
        let (text, bold) = block_text(&blocks[0]);
        assert_eq!(text, "• اسم علم هنا");
        assert_eq!((bold.len(), bold.first()), (1, Some(&(6..9))));
        assert_eq!(block_text(&blocks[1]).0, "3. two");
        let (heading, bold) = block_text(&blocks[2]);
        assert_eq!((heading.as_str(), bold.first()), ("عنوان", Some(&(0..5))));
    }
}

//! The corpus guidelines: a Markdown file beside `qalam-corpus.json` (its name in the corpus
//! file's `"guidelines"`), read into [`Block`]s for the window to draw, and each label's
//! definition for the palette's tooltips.
//!
//! The Markdown understood is the small part guidelines need: ATX headings (`#` … `######`),
//! paragraphs (consecutive lines joined), bullet (`-`, `*`, `+`) and numbered (`1.`, `1)`) list
//! items with their indentation, thematic breaks (`---`), and `**bold**` / `__bold__` inline.
//! Anything else is shown as the text it is.
//!
//! A label's definition comes from the corpus file (a `"definition"` string on the label, kept
//! in its `extra` fields) or else from the guidelines section whose heading is the label's
//! name (`## PERSON`, also `## PERSON — people`): the text of that section up to the next
//! heading of the same or a higher level.

use std::collections::BTreeMap;

use crate::model::LabelSet;

/// A run of inline text, bold or not.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Inline {
    /// The text, without the Markdown markers.
    pub text: String,
    /// Whether it was between `**` or `__`.
    pub bold: bool,
}

/// One block of a Markdown document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Block {
    /// `# …` (level 1) to `###### …` (level 6).
    Heading {
        /// 1–6.
        level: u8,
        /// The heading's text.
        text: Vec<Inline>,
    },
    /// Consecutive text lines.
    Paragraph(Vec<Inline>),
    /// A list item.
    Item {
        /// Nesting depth (0 for a top-level item), from the indentation (two spaces a level).
        depth: usize,
        /// `Some(n)` for a numbered item, `None` for a bullet.
        number: Option<u64>,
        /// The item's text (continuation lines joined).
        text: Vec<Inline>,
    },
    /// `---`, `***` or `___`.
    Rule,
}

impl Block {
    /// The block's inline runs (none for a rule).
    pub fn inlines(&self) -> &[Inline] {
        match self {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Item { text, .. } => text,
            Block::Rule => &[],
        }
    }

    /// The block's text without markers.
    pub fn plain_text(&self) -> String {
        self.inlines().iter().map(|run| run.text.as_str()).collect()
    }
}

/// What a line of the source starts.
enum Line<'a> {
    Blank,
    Heading(u8, &'a str),
    Rule,
    Item(usize, Option<u64>, &'a str),
    Text(&'a str),
}

fn classify(line: &str) -> Line<'_> {
    let trimmed = line.trim_end();
    let content = trimmed.trim_start();
    if content.is_empty() {
        return Line::Blank;
    }
    let indent = trimmed.len() - content.len();
    let hashes = content.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && indent < 4 {
        let rest = &content[hashes..];
        if rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t') {
            return Line::Heading(hashes as u8, rest.trim().trim_end_matches('#').trim_end());
        }
    }
    let compact: String = content.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() >= 3
        && ["-", "*", "_"]
            .iter()
            .any(|mark| compact.chars().all(|c| c.to_string() == *mark))
    {
        return Line::Rule;
    }
    let depth = indent / 2;
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = content.strip_prefix(bullet) {
            return Line::Item(depth, None, rest.trim());
        }
    }
    let digits = content.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &content[digits..];
        if let Some(text) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") "))
            && let Ok(number) = content[..digits].parse()
        {
            return Line::Item(depth, Some(number), text.trim());
        }
    }
    Line::Text(content)
}

/// A paragraph or list item being collected: the item's depth and number (`None`: a
/// paragraph) and its text so far.
type OpenBlock = Option<(Option<(usize, Option<u64>)>, String)>;

/// Parses `markdown` into blocks (see the module docs for what is understood).
pub fn parse_markdown(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    // The text of the paragraph or item being collected.
    let mut open: OpenBlock = None;
    let close = |open: &mut OpenBlock, blocks: &mut Vec<Block>| {
        if let Some((item, text)) = open.take() {
            let text = inlines(&text);
            blocks.push(match item {
                Some((depth, number)) => Block::Item {
                    depth,
                    number,
                    text,
                },
                None => Block::Paragraph(text),
            });
        }
    };
    for line in markdown.lines() {
        match classify(line) {
            Line::Blank => close(&mut open, &mut blocks),
            Line::Heading(level, text) => {
                close(&mut open, &mut blocks);
                blocks.push(Block::Heading {
                    level,
                    text: inlines(text),
                });
            }
            Line::Rule => {
                close(&mut open, &mut blocks);
                blocks.push(Block::Rule);
            }
            Line::Item(depth, number, text) => {
                close(&mut open, &mut blocks);
                open = Some((Some((depth, number)), text.to_owned()));
            }
            Line::Text(text) => match &mut open {
                Some((_, collected)) => {
                    collected.push(' ');
                    collected.push_str(text);
                }
                None => open = Some((None, text.to_owned())),
            },
        }
    }
    close(&mut open, &mut blocks);
    blocks
}

/// Splits `text` into plain and bold runs at `**` / `__` pairs; an unpaired marker stays text.
pub fn inlines(text: &str) -> Vec<Inline> {
    let mut runs = Vec::new();
    let mut rest = text;
    let mut plain = String::new();
    while !rest.is_empty() {
        let marker = ["**", "__"]
            .iter()
            .filter_map(|m| rest.find(m).map(|at| (at, *m)))
            .min_by_key(|(at, _)| *at);
        let Some((at, marker)) = marker else {
            plain.push_str(rest);
            break;
        };
        let after = &rest[at + 2..];
        match after.find(marker) {
            Some(end) if end > 0 => {
                plain.push_str(&rest[..at]);
                if !plain.is_empty() {
                    runs.push(Inline {
                        text: std::mem::take(&mut plain),
                        bold: false,
                    });
                }
                runs.push(Inline {
                    text: after[..end].to_owned(),
                    bold: true,
                });
                rest = &after[end + 2..];
            }
            _ => {
                plain.push_str(&rest[..at + 2]);
                rest = after;
            }
        }
    }
    if !plain.is_empty() {
        runs.push(Inline {
            text: plain,
            bold: false,
        });
    }
    runs
}

/// The name a heading gives a section: its first word, without backticks or a trailing `:`.
fn heading_name(text: &str) -> &str {
    let first = text.split_whitespace().next().unwrap_or("");
    first.trim_matches('`').trim_end_matches(':')
}

/// Each label's definition (see the module docs), by label name; labels without one are not
/// listed. `guidelines` is the Markdown text, if there is one.
pub fn label_definitions(labels: &LabelSet, guidelines: Option<&str>) -> BTreeMap<String, String> {
    let mut definitions = BTreeMap::new();
    let blocks = guidelines.map(parse_markdown).unwrap_or_default();
    for label in &labels.labels {
        let from_file = label
            .extra
            .get("definition")
            .and_then(|value| value.as_str())
            .map(str::trim)
            .filter(|text| !text.is_empty());
        let definition = match from_file {
            Some(text) => Some(text.to_owned()),
            None => section_text(&blocks, &label.name),
        };
        if let Some(text) = definition {
            definitions.insert(label.name.clone(), text);
        }
    }
    definitions
}

/// The text of the section headed by `name` (case-insensitive), blocks joined by line breaks.
fn section_text(blocks: &[Block], name: &str) -> Option<String> {
    let start = blocks.iter().position(|block| {
        matches!(block, Block::Heading { .. })
            && heading_name(&block.plain_text()).eq_ignore_ascii_case(name)
    })?;
    let Block::Heading { level, .. } = blocks[start] else {
        return None;
    };
    let mut lines = Vec::new();
    for block in &blocks[start + 1..] {
        match block {
            Block::Heading { level: next, .. } if *next <= level => break,
            Block::Rule => {}
            Block::Item { number, .. } => lines.push(match number {
                Some(n) => format!("{n}. {}", block.plain_text()),
                None => format!("• {}", block.plain_text()),
            }),
            _ => lines.push(block.plain_text()),
        }
    }
    let text = lines.join("\n").trim().to_owned();
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Label, Rgb};

    fn plain(text: &str) -> Inline {
        Inline {
            text: text.to_owned(),
            bold: false,
        }
    }

    fn bold(text: &str) -> Inline {
        Inline {
            text: text.to_owned(),
            bold: true,
        }
    }

    #[test]
    fn headings_paragraphs_items_and_rules() {
        let blocks = parse_markdown(
            "# إرشادات\n\nنص أول\nيتابع هنا.\n\n- بند **مهم**\n  - فرعي\n2) ثان\n---\n## PERSON ##\n",
        );
        assert_eq!(
            blocks,
            [
                Block::Heading {
                    level: 1,
                    text: vec![plain("إرشادات")]
                },
                Block::Paragraph(vec![plain("نص أول يتابع هنا.")]),
                Block::Item {
                    depth: 0,
                    number: None,
                    text: vec![plain("بند "), bold("مهم")]
                },
                Block::Item {
                    depth: 1,
                    number: None,
                    text: vec![plain("فرعي")]
                },
                Block::Item {
                    depth: 0,
                    number: Some(2),
                    text: vec![plain("ثان")]
                },
                Block::Rule,
                Block::Heading {
                    level: 2,
                    text: vec![plain("PERSON")]
                },
            ]
        );
    }

    #[test]
    fn unpaired_markers_stay_text() {
        assert_eq!(inlines("a ** b"), [plain("a ** b")]);
        assert_eq!(
            inlines("**x** and __y__"),
            [bold("x"), plain(" and "), bold("y")]
        );
        assert_eq!(inlines("#hashtag"), [plain("#hashtag")]);
        assert_eq!(
            parse_markdown("#hashtag"),
            [Block::Paragraph(vec![plain("#hashtag")])]
        );
    }

    #[test]
    fn definitions_come_from_the_corpus_file_then_the_sections() {
        let mut labels = LabelSet::default();
        labels.labels.truncate(2);
        let (first, second) = (labels.labels[0].name.clone(), labels.labels[1].name.clone());
        let guidelines = format!(
            "# Guide\n\n## {first} — people\n\nA named **person**.\n\n- not titles\n\n### Notes\n\nmore\n\n## {second}\n\nfrom the guide\n"
        );
        let defs = label_definitions(&labels, Some(&guidelines));
        assert_eq!(
            defs.get(&first).map(String::as_str),
            Some("A named person.\n• not titles\nNotes\nmore")
        );
        assert_eq!(
            defs.get(&second).map(String::as_str),
            Some("from the guide")
        );

        labels.labels[1]
            .extra
            .insert("definition".to_owned(), "from the file".into());
        let defs = label_definitions(&labels, Some(&guidelines));
        assert_eq!(defs.get(&second).map(String::as_str), Some("from the file"));
        assert_eq!(label_definitions(&labels, None).len(), 1);

        let one = LabelSet {
            labels: vec![Label::new("EVENT", Rgb([1, 2, 3]), None)],
            ..LabelSet::default()
        };
        assert!(label_definitions(&one, Some(&guidelines)).is_empty());
    }
}

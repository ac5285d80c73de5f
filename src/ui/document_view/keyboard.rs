//! Keyboard caret movement in the document view: Left/Right visually (in RTL text Left moves
//! forward), Ctrl+Left/Right by words, Up/Down by lines keeping the caret's x, Home/End to the
//! line's logical start/end, Ctrl+Home/End to the document's, Ctrl+A to select all; Shift
//! extends the selection. Plain Left/Right with a non-empty selection collapses it to its edge
//! on that side of the screen, as text editors do. Crossing paragraph boundaries works in every
//! direction.

use std::ops::Range;

use egui::{Event, Key, Modifiers, Vec2};

use super::{DocumentView, ScrollRequest};

impl DocumentView {
    /// Applies this frame's key presses to the caret (the view has focus).
    pub(super) fn keyboard_ui(&mut self, ui: &egui::Ui, text: &str) {
        let keys: Vec<(Key, Modifiers)> = ui.input(|input| {
            input
                .events
                .iter()
                .filter_map(|event| match event {
                    Event::Key {
                        key,
                        pressed: true,
                        modifiers,
                        ..
                    } => Some((*key, *modifiers)),
                    _ => None,
                })
                .collect()
        });
        let mut moved = false;
        for (key, modifiers) in keys {
            moved |= self.apply_key(key, modifiers, text);
        }
        if moved {
            self.scroll_request = Some(ScrollRequest {
                cp: self.selection.caret,
                always: false,
            });
            ui.ctx().request_repaint();
        }
    }

    /// Moves the caret for one key press; returns whether the key was one of ours.
    fn apply_key(&mut self, key: Key, modifiers: Modifiers, text: &str) -> bool {
        let caret = self.selection.caret;
        let extend = modifiers.shift;
        let by_word = modifiers.command || modifiers.ctrl || modifiers.alt;
        let target = match key {
            Key::ArrowLeft | Key::ArrowRight => {
                self.selection.preferred_x = None;
                let to_right = key == Key::ArrowRight;
                match self.selection.range() {
                    Some(range) if !extend && !by_word => self.edge_on_side(range, to_right, text),
                    _ => self.move_horizontal(caret, to_right, by_word, text),
                }
            }
            Key::ArrowUp | Key::ArrowDown => self.move_line(caret, key == Key::ArrowDown, text),
            Key::Home if modifiers.command || modifiers.ctrl => Some(0),
            Key::End if modifiers.command || modifiers.ctrl => Some(self.char_len),
            Key::Home | Key::End => {
                self.selection.preferred_x = None;
                self.line_edge(caret, key == Key::End, text)
            }
            Key::A if modifiers.command || modifiers.ctrl => {
                self.selection.select(0..self.char_len);
                return true;
            }
            _ => return false,
        };
        if let Some(target) = target {
            self.selection.move_caret(target, extend);
        }
        true
    }

    /// The end of the selected `range` on the left or right side of the screen: in a
    /// right-to-left paragraph (that of the caret) the right side is the logical start, in a
    /// left-to-right one the end. Where the selection's text mixes directions this follows the
    /// paragraph direction, as the crossing between paragraphs does.
    fn edge_on_side(&mut self, range: Range<usize>, to_right: bool, text: &str) -> Option<usize> {
        let (index, _) = self.cache.locate(self.selection.caret)?;
        self.cache.ensure(&mut self.engine, text, index);
        let forward = to_right != self.cache.get(index)?.is_rtl();
        Some(if forward { range.end } else { range.start })
    }

    /// One grapheme (or word) to the left or right on screen, continuing into the next or
    /// previous paragraph at a paragraph's edge.
    fn move_horizontal(
        &mut self,
        cp: usize,
        to_right: bool,
        by_word: bool,
        text: &str,
    ) -> Option<usize> {
        let (index, local) = self.cache.locate(cp)?;
        self.cache.ensure(&mut self.engine, text, index);
        let chars = self.cache.chars(index);
        let layout = self.cache.get(index)?;
        if let Some(next) = layout.move_visual(local, to_right, by_word) {
            return Some(chars.start + next);
        }
        let forward = to_right != layout.is_rtl();
        let paragraphs = self.cache.paragraphs().len();
        if forward && index + 1 < paragraphs {
            Some(self.cache.chars(index + 1).start)
        } else if !forward && index > 0 {
            Some(self.cache.chars(index - 1).end)
        } else {
            None
        }
    }

    /// The caret one visual line up or down at the remembered x, crossing paragraphs.
    fn move_line(&mut self, cp: usize, down: bool, text: &str) -> Option<usize> {
        let (index, local) = self.cache.locate(cp)?;
        self.cache.ensure(&mut self.engine, text, index);
        let layout = self.cache.get(index)?;
        let caret = layout.caret_rect(local);
        let x = *self.selection.preferred_x.get_or_insert(caret.center().x);
        let lines = layout.visual_lines();
        let current = lines
            .iter()
            .position(|line| line.rect.y_range().contains(caret.center().y))
            .unwrap_or(0);
        let (target_index, line_y) = if down && current + 1 < lines.len() {
            (index, lines[current + 1].rect.center().y)
        } else if !down && current > 0 {
            (index, lines[current - 1].rect.center().y)
        } else if down && index + 1 < self.cache.paragraphs().len() {
            self.cache.ensure(&mut self.engine, text, index + 1);
            let first = self.cache.get(index + 1)?.visual_lines();
            (
                index + 1,
                first.first().map_or(0.0, |line| line.rect.center().y),
            )
        } else if !down && index > 0 {
            self.cache.ensure(&mut self.engine, text, index - 1);
            let last = self.cache.get(index - 1)?.visual_lines();
            (
                index - 1,
                last.last().map_or(0.0, |line| line.rect.center().y),
            )
        } else {
            return Some(if down {
                self.cache.chars(index).end
            } else {
                self.cache.chars(index).start
            });
        };
        let chars = self.cache.chars(target_index);
        let layout = self.cache.get(target_index)?;
        Some(chars.start + layout.hit_test(Vec2::new(x, line_y)).min(chars.len()))
    }

    /// The logical start or end of the visual line holding the caret.
    fn line_edge(&mut self, cp: usize, end: bool, text: &str) -> Option<usize> {
        let (index, local) = self.cache.locate(cp)?;
        self.cache.ensure(&mut self.engine, text, index);
        let chars = self.cache.chars(index);
        let layout = self.cache.get(index)?;
        let caret = layout.caret_rect(local);
        let lines = layout.visual_lines();
        let line = lines
            .iter()
            .find(|line| line.rect.y_range().contains(caret.center().y))
            .or(lines.first())?;
        let first = line.chars.iter().min().copied()?;
        let last = line.chars.iter().max().copied()?;
        Some(
            chars.start
                + if end {
                    (last + 1).min(chars.len())
                } else {
                    first
                },
        )
    }
}

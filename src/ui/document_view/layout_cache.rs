//! Per-paragraph layouts of the document, built only when a paragraph is needed and kept
//! between frames.
//!
//! A layout is shaped once; when the view width changes it is re-broken (not re-shaped) the
//! next time it is needed. A text-size change drops all layouts. Layouts not used for a while
//! are dropped when more than [`MAX_CACHED_LAYOUTS`] are alive, so memory stays bounded on long
//! documents; their measured heights stay. Counters tell tests and benches how much work a
//! frame did.

use std::ops::Range;

use super::heights::{HeightEstimate, ParagraphHeights};
use crate::text::engine::TextEngine;
use crate::text::paragraph::ParagraphLayout;
use crate::text::paragraphs::{ParagraphRange, paragraph_of, split_paragraphs};

/// Upper bound on paragraph layouts kept alive at once.
pub const MAX_CACHED_LAYOUTS: usize = 400;

/// Line height as a multiple of the font size, used by the height estimate.
const ESTIMATED_LINE_HEIGHT: f32 = 1.8;
/// Average advance of one character as a multiple of the font size, used by the estimate.
const ESTIMATED_ADVANCE: f32 = 0.42;
/// Space below every paragraph as a multiple of the font size.
pub const PARAGRAPH_GAP: f32 = 0.6;

/// Identifies the text a cache was built for without comparing the whole text every frame.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct TextKey {
    address: usize,
    byte_len: usize,
    head: Vec<u8>,
    tail: Vec<u8>,
}

impl TextKey {
    fn of(text: &str) -> Self {
        let bytes = text.as_bytes();
        let probe = bytes.len().min(64);
        Self {
            address: text.as_ptr() as usize,
            byte_len: bytes.len(),
            head: bytes[..probe].to_vec(),
            tail: bytes[bytes.len() - probe..].to_vec(),
        }
    }
}

struct CachedLayout {
    layout: ParagraphLayout,
    width: f32,
    last_used: u64,
}

/// What changed when the cache was synchronised with the frame's text, size and width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SyncOutcome {
    /// A different text: everything was rebuilt.
    pub text_changed: bool,
    /// Same text, new width or font size: heights were re-estimated.
    pub geometry_changed: bool,
}

/// Work counters of the current frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FrameWork {
    /// Paragraphs shaped and broken from scratch.
    pub shaped: usize,
    /// Cached paragraphs re-broken at a new width.
    pub rebroken: usize,
}

/// Paragraphs of one text with their lazily built layouts and their heights.
pub struct LayoutCache {
    key: TextKey,
    paragraphs: Vec<ParagraphRange>,
    layouts: Vec<Option<CachedLayout>>,
    alive: usize,
    heights: ParagraphHeights,
    font_size: f32,
    width: f32,
    frame: u64,
    work: FrameWork,
}

impl Default for LayoutCache {
    fn default() -> Self {
        Self {
            key: TextKey::default(),
            paragraphs: Vec::new(),
            layouts: Vec::new(),
            alive: 0,
            heights: ParagraphHeights::default(),
            font_size: 0.0,
            width: 0.0,
            frame: 0,
            work: FrameWork::default(),
        }
    }
}

impl LayoutCache {
    /// Starts a frame: rebuilds for a new text, re-estimates heights for a new width or size.
    pub fn sync(&mut self, text: &str, font_size: f32, width: f32) -> SyncOutcome {
        self.frame += 1;
        self.work = FrameWork::default();
        let mut outcome = SyncOutcome::default();
        let key = TextKey::of(text);
        if key != self.key {
            self.key = key;
            self.paragraphs = split_paragraphs(text);
            self.layouts = (0..self.paragraphs.len()).map(|_| None).collect();
            self.alive = 0;
            outcome.text_changed = true;
        }
        if font_size != self.font_size {
            self.layouts.iter_mut().for_each(|slot| *slot = None);
            self.alive = 0;
        }
        if outcome.text_changed || font_size != self.font_size || width != self.width {
            outcome.geometry_changed = !outcome.text_changed;
            self.font_size = font_size;
            self.width = width;
            let lens: Vec<usize> = self.paragraphs.iter().map(|p| p.char_len()).collect();
            self.heights = ParagraphHeights::estimated(&lens, self.estimate());
        }
        outcome
    }

    fn estimate(&self) -> HeightEstimate {
        HeightEstimate {
            avg_advance: self.font_size * ESTIMATED_ADVANCE,
            line_height: self.font_size * ESTIMATED_LINE_HEIGHT,
            width: self.width,
            paragraph_gap: self.font_size * PARAGRAPH_GAP,
        }
    }

    /// Work done so far in this frame.
    pub fn work(&self) -> FrameWork {
        self.work
    }

    /// The wrap width of the current frame, in points.
    pub fn width(&self) -> f32 {
        self.width
    }

    /// Number of paragraph layouts alive.
    pub fn alive(&self) -> usize {
        self.alive
    }

    /// The paragraphs (code-point and byte ranges into the whole text).
    pub fn paragraphs(&self) -> &[ParagraphRange] {
        &self.paragraphs
    }

    /// Heights of the paragraphs, read-only.
    pub fn heights_ref(&self) -> &ParagraphHeights {
        &self.heights
    }

    /// Heights and tops of the paragraphs.
    pub fn heights(&mut self) -> &mut ParagraphHeights {
        &mut self.heights
    }

    /// The paragraph holding code point boundary `cp` (a separator belongs to the paragraph
    /// before it), and `cp` relative to that paragraph, clamped to its content.
    pub fn locate(&self, cp: usize) -> Option<(usize, usize)> {
        let index = paragraph_of(&self.paragraphs, cp);
        let paragraph = self.paragraphs.get(index)?;
        Some((index, cp.min(paragraph.end) - paragraph.start))
    }

    /// The layout of paragraph `index` if it is cached at the current width.
    pub fn get(&self, index: usize) -> Option<&ParagraphLayout> {
        self.layouts
            .get(index)?
            .as_ref()
            .filter(|cached| cached.width == self.width)
            .map(|cached| &cached.layout)
    }

    /// Makes sure paragraph `index` is laid out at the current width, recording its height.
    /// Returns the change of its height (0 when it was already measured at this width).
    pub fn ensure(&mut self, engine: &mut TextEngine, text: &str, index: usize) -> f32 {
        let Some(paragraph) = self.paragraphs.get(index) else {
            return 0.0;
        };
        let width = self.width;
        let frame = self.frame;
        let slot = &mut self.layouts[index];
        match slot {
            Some(cached) if cached.width == width => {
                cached.last_used = frame;
                return 0.0;
            }
            Some(cached) => {
                cached.layout.rebreak(width);
                cached.width = width;
                cached.last_used = frame;
                self.work.rebroken += 1;
            }
            None => {
                let content = text.get(paragraph.bytes()).unwrap_or_default();
                let layout = engine.layout_paragraph(content, self.font_size, width);
                *slot = Some(CachedLayout {
                    layout,
                    width,
                    last_used: frame,
                });
                self.alive += 1;
                self.work.shaped += 1;
            }
        }
        let height = slot
            .as_ref()
            .map_or(0.0, |cached| cached.layout.size().y)
            .max(self.font_size * ESTIMATED_LINE_HEIGHT)
            + self.font_size * PARAGRAPH_GAP;
        self.heights.set_measured(index, height)
    }

    /// Drops the least recently used layouts (never one used in this frame) while more than
    /// [`MAX_CACHED_LAYOUTS`] are alive.
    pub fn evict(&mut self) {
        if self.alive <= MAX_CACHED_LAYOUTS + MAX_CACHED_LAYOUTS / 8 {
            return;
        }
        let mut ages: Vec<(u64, usize)> = self
            .layouts
            .iter()
            .enumerate()
            .filter_map(|(i, slot)| slot.as_ref().map(|cached| (cached.last_used, i)))
            .filter(|&(used, _)| used != self.frame)
            .collect();
        ages.sort_unstable();
        let excess = self.alive.saturating_sub(MAX_CACHED_LAYOUTS);
        for &(_, index) in ages.iter().take(excess) {
            self.layouts[index] = None;
            self.alive -= 1;
        }
    }

    /// Code-point range (into the whole text) of paragraph `index`.
    pub fn chars(&self, index: usize) -> Range<usize> {
        self.paragraphs.get(index).map_or(0..0, |p| p.chars())
    }
}

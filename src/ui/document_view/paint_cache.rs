//! Painted paragraphs kept between frames, as tessellated meshes.
//!
//! Painting a paragraph (selection, span highlights, the glyphs, bars, outline, label tags)
//! costs a glyph-atlas lookup per glyph, a highlight-box query per span and egui's tessellation
//! of every rectangle. None of it changes while the view only scrolls, so a painted paragraph is
//! recorded once ([`Recorder`]), tessellated into one mesh on the glyph atlas's texture
//! (highlights sample its white square, so they need no texture of their own) and, on later
//! frames, moved to its new place by a whole number of pixels. A cached paragraph is dropped when its spans change
//! ([`PaintCache::invalidate`]), and repainted when its selection, outlined or dragged span
//! differs ([`ParagraphKey`]); everything is dropped when the style (colours, sizes, labels,
//! glyph atlas) changes ([`PaintStyle`]).

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use egui::epaint::{Mesh, Tessellator};
use egui::{Color32, CornerRadius, Pos2, Rect, Shape, Stroke, StrokeKind, TextureId, Vec2};

use super::span_index::SpanChanges;
use crate::text::engine::ShapeSink;
use crate::text::paragraphs::{ParagraphRange, paragraph_of};
use qalam_core::model::{Annotation, SpanId};

/// Painted paragraphs kept at most; the least recently used go first.
const MAX_CACHED_PAINTS: usize = 256;
/// Paragraphs with more lines are painted every frame (only their visible lines), not cached.
pub(super) const MAX_CACHED_LINES: usize = 64;
/// A move of a cached paragraph within this fraction of a whole pixel counts as whole.
const PIXEL_TOLERANCE: f32 = 0.1;

/// Everything that affects how every paragraph is painted.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PaintStyle {
    /// Physical pixels per point.
    pub pixels_per_point: f32,
    /// Text size in points.
    pub text_size: f32,
    /// Wrap width in points.
    pub width: f32,
    /// x of the text column on screen.
    pub origin_x: f32,
    /// Text, selection and outline colours.
    pub colors: [Color32; 3],
    /// How often the glyph atlas was cleared (cached meshes point into it).
    pub atlas_resets: u64,
    /// Names and colours of the labels, in order.
    pub labels: Vec<(String, [u8; 3])>,
}

impl PaintStyle {
    /// Whether everything but the labels is the same as in `other`.
    pub fn same_except_labels(&self, other: &PaintStyle) -> bool {
        self.pixels_per_point == other.pixels_per_point
            && self.text_size == other.text_size
            && self.width == other.width
            && self.origin_x == other.origin_x
            && self.colors == other.colors
            && self.atlas_resets == other.atlas_resets
    }

    /// Whether the labels of `ann` are the ones recorded, without allocating.
    pub fn same_labels(&self, ann: &Annotation) -> bool {
        let labels = &ann.labels().labels;
        labels.len() == self.labels.len()
            && labels
                .iter()
                .zip(&self.labels)
                .all(|(label, (name, color))| label.name == *name && label.color.0 == *color)
    }

    /// Names and colours of `ann`'s labels.
    pub fn labels_of(ann: &Annotation) -> Vec<(String, [u8; 3])> {
        ann.labels()
            .labels
            .iter()
            .map(|label| (label.name.clone(), label.color.0))
            .collect()
    }
}

/// What a paragraph's painting depends on besides its spans and the style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ParagraphKey {
    /// The part of the selection drawn in this paragraph.
    pub selection: Option<Range<usize>>,
    /// The outlined span, if it is in this paragraph.
    pub outlined: Option<SpanId>,
    /// The span whose edge is being dragged and its previewed bounds, if in this paragraph.
    pub preview: Option<(SpanId, (usize, usize))>,
    /// The search matches in this paragraph: the list's generation, their indices, and the
    /// current match if it is one of them.
    pub search: Option<(u64, Range<usize>, Option<usize>)>,
}

struct CachedPaint {
    key: ParagraphKey,
    /// Where the meshes are now: the origin they were painted at, plus the moves since.
    origin: Pos2,
    meshes: Vec<Arc<Mesh>>,
    last_used: u64,
}

/// The painted paragraphs of one text.
#[derive(Default)]
pub(super) struct PaintCache {
    style: Option<PaintStyle>,
    entries: HashMap<usize, CachedPaint>,
    frame: u64,
    /// Paragraphs painted from the cache in the last frame.
    hits: usize,
}

impl PaintCache {
    /// Starts a frame; drops everything if the style changed. `labels` is checked against the
    /// annotation by the caller ([`PaintStyle::same_labels`]) so no list is built every frame.
    pub fn begin(&mut self, style: impl FnOnce(Option<&PaintStyle>) -> Option<PaintStyle>) {
        self.frame += 1;
        self.hits = 0;
        if let Some(changed) = style(self.style.as_ref()) {
            self.entries.clear();
            self.style = Some(changed);
        }
    }

    /// Forgets every painted paragraph (e.g. for a new text).
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Paragraphs painted from the cache in this frame.
    pub fn hits(&self) -> usize {
        self.hits
    }

    /// Drops the paragraphs whose spans changed.
    pub fn invalidate(&mut self, changes: SpanChanges, paragraphs: &[ParagraphRange]) {
        match changes {
            SpanChanges::None => {}
            SpanChanges::All => self.entries.clear(),
            SpanChanges::Ranges(ranges) => {
                for range in ranges {
                    let first = paragraph_of(paragraphs, range.start);
                    let last = paragraph_of(paragraphs, range.end.max(range.start + 1) - 1);
                    for index in first..=last {
                        self.entries.remove(&index);
                    }
                }
            }
        }
    }

    /// The shapes of paragraph `index` painted at `origin`, if cached with the same key and
    /// a whole number of pixels away.
    pub fn get(&mut self, index: usize, key: &ParagraphKey, origin: Pos2) -> Option<Vec<Shape>> {
        let ppp = self.style.as_ref()?.pixels_per_point;
        let entry = self.entries.get_mut(&index)?;
        if entry.key != *key || entry.origin.x != origin.x {
            return None;
        }
        let pixels = (origin.y - entry.origin.y) * ppp;
        if (pixels - pixels.round()).abs() > PIXEL_TOLERANCE {
            return None;
        }
        entry.last_used = self.frame;
        self.hits += 1;
        let delta = Vec2::new(0.0, pixels.round() / ppp);
        if delta.y != 0.0 {
            // In place: last frame's shapes were dropped after tessellation, so the meshes are
            // not shared (if they are, `make_mut` copies).
            for mesh in &mut entry.meshes {
                Arc::make_mut(mesh).translate(delta);
            }
            entry.origin.y += delta.y;
        }
        Some(
            entry
                .meshes
                .iter()
                .map(|mesh| Shape::Mesh(mesh.clone()))
                .collect(),
        )
    }

    /// Tessellates `shapes` (paragraph `index` painted at `origin`), keeps them, and returns
    /// them ready to add.
    /// `white` is the glyph atlas's texture and the coordinates of its white square.
    pub fn store(
        &mut self,
        ctx: &egui::Context,
        index: usize,
        key: ParagraphKey,
        origin: Pos2,
        shapes: Vec<Shape>,
        white: (TextureId, Pos2),
    ) -> Vec<Shape> {
        let meshes = tessellate(ctx, shapes, white);
        let out = meshes
            .iter()
            .map(|mesh| Shape::Mesh(mesh.clone()))
            .collect();
        self.entries.insert(
            index,
            CachedPaint {
                key,
                origin,
                meshes,
                last_used: self.frame,
            },
        );
        out
    }

    /// Drops the least recently used paragraphs (never one used in this frame) while more
    /// than [`MAX_CACHED_PAINTS`] are kept.
    pub fn evict(&mut self) {
        if self.entries.len() <= MAX_CACHED_PAINTS + MAX_CACHED_PAINTS / 8 {
            return;
        }
        let mut ages: Vec<(u64, usize)> = self
            .entries
            .iter()
            .filter(|(_, entry)| entry.last_used != self.frame)
            .map(|(&index, entry)| (entry.last_used, index))
            .collect();
        ages.sort_unstable();
        let excess = self.entries.len().saturating_sub(MAX_CACHED_PAINTS);
        for &(_, index) in ages.iter().take(excess) {
            self.entries.remove(&index);
        }
    }
}

/// Meshes of `shapes` in painting order: consecutive shapes with the same texture share one.
/// Untextured shapes are moved onto `white` (a texture and the coordinates of a white texel in
/// it), so that highlights and glyphs of the atlas end up in a single mesh.
fn tessellate(ctx: &egui::Context, shapes: Vec<Shape>, white: (TextureId, Pos2)) -> Vec<Arc<Mesh>> {
    let options = ctx.tessellation_options(|options| *options);
    let font_size = ctx.fonts(|fonts| fonts.font_image_size());
    let mut tessellator = Tessellator::new(ctx.pixels_per_point(), options, font_size, Vec::new());
    let mut meshes: Vec<Mesh> = Vec::new();
    for shape in shapes {
        let mesh = match shape {
            Shape::Mesh(mesh) => Arc::unwrap_or_clone(mesh),
            other => {
                let mut mesh = Mesh::default();
                tessellator.tessellate_shape(other, &mut mesh);
                if mesh.texture_id == TextureId::default() {
                    mesh.texture_id = white.0;
                    mesh.vertices.iter_mut().for_each(|v| v.uv = white.1);
                }
                mesh
            }
        };
        if mesh.is_empty() {
            continue;
        }
        match meshes.last_mut() {
            Some(last) if last.texture_id == mesh.texture_id => last.append(mesh),
            _ => meshes.push(mesh),
        }
    }
    meshes.into_iter().map(Arc::new).collect()
}

/// Collects shapes in painting order, with the methods of [`egui::Painter`] the view paints
/// with, so a paragraph can be painted once and its shapes kept.
pub(super) struct Recorder {
    clip: Rect,
    shapes: RefCell<Vec<Shape>>,
}

impl Recorder {
    /// An empty recorder; lines of text wholly outside `clip` may be left out.
    pub fn new(clip: Rect) -> Self {
        Self {
            clip,
            shapes: RefCell::new(Vec::new()),
        }
    }

    /// The shapes recorded, in order.
    pub fn into_shapes(self) -> Vec<Shape> {
        self.shapes.into_inner()
    }

    /// As [`egui::Painter::rect_filled`].
    pub fn rect_filled(
        &self,
        rect: Rect,
        corner_radius: impl Into<CornerRadius>,
        fill_color: impl Into<Color32>,
    ) {
        self.add_shape(Shape::rect_filled(rect, corner_radius, fill_color));
    }

    /// As [`egui::Painter::rect_stroke`].
    pub fn rect_stroke(
        &self,
        rect: Rect,
        corner_radius: impl Into<CornerRadius>,
        stroke: impl Into<Stroke>,
        stroke_kind: StrokeKind,
    ) {
        self.add_shape(Shape::rect_stroke(rect, corner_radius, stroke, stroke_kind));
    }
}

impl ShapeSink for Recorder {
    fn clip_rect(&self) -> Rect {
        self.clip
    }

    fn add_shape(&self, shape: Shape) {
        self.shapes.borrow_mut().push(shape);
    }
}

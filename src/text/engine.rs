//! [`TextEngine`]: the fonts, parley's layout scratch space and the glyph atlas, in one value
//! that lays out paragraphs and paints them through egui.
//!
//! One engine can be shared by every widget of a window through [`shared_engine`], which keeps
//! it in egui's temporary data as an `Arc<Mutex<TextEngine>>`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use parley::{FontContext, LayoutContext, LineHeight, PositionedLayoutItem, StyleProperty};

use super::geometry::{LineBoxes, parley_clusters};

use super::atlas::{GlyphAtlas, GlyphKey, GlyphLookup, SUBPIXEL_STEPS};
use super::fonts;
use super::label::LABEL_LINE_HEIGHT_FACTOR;
use super::paragraph::ParagraphLayout;

/// Line height as a multiple of the font size: generous, so Arabic marks above and below the
/// letters of adjacent lines never collide.
pub const LINE_HEIGHT_FACTOR: f32 = 1.8;

/// Lays out and paints text with the embedded fonts.
pub struct TextEngine {
    font_cx: FontContext,
    layout_cx: LayoutContext<()>,
    atlas: GlyphAtlas,
    /// Single-line label layouts by (text, size bits), see [`Self::paint_label`].
    labels: HashMap<(String, u32), ParagraphLayout>,
}

/// Where [`TextEngine::paint`] puts its mesh: an egui painter, or a recorder that keeps the
/// shapes (the document view caches painted paragraphs).
pub trait ShapeSink {
    /// Lines wholly outside this rectangle may be left out.
    fn clip_rect(&self) -> egui::Rect;
    /// Adds a shape on top of those added before.
    fn add_shape(&self, shape: egui::Shape);
}

impl ShapeSink for egui::Painter {
    fn clip_rect(&self) -> egui::Rect {
        egui::Painter::clip_rect(self)
    }

    fn add_shape(&self, shape: egui::Shape) {
        self.add(shape);
    }
}

/// Label layouts kept at most; the cache is emptied when it grows past this.
const MAX_CACHED_LABELS: usize = 1024;

impl Default for TextEngine {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for TextEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextEngine")
            .field("cached_glyphs", &self.atlas.len())
            .finish_non_exhaustive()
    }
}

impl TextEngine {
    /// An engine with the embedded fonts registered (no system fonts) and an empty atlas.
    pub fn new() -> Self {
        Self {
            font_cx: fonts::embedded_font_context(),
            layout_cx: LayoutContext::new(),
            atlas: GlyphAtlas::new(),
            labels: HashMap::new(),
        }
    }

    /// The glyph atlas (for statistics).
    pub fn atlas(&self) -> &GlyphAtlas {
        &self.atlas
    }

    /// The glyph atlas's texture, created if needed.
    pub fn atlas_texture(&mut self, ctx: &egui::Context) -> egui::TextureId {
        self.atlas.texture_id(ctx)
    }

    /// Lays out one paragraph (no `'\n'` inside; `'\r'` stripped by the caller) at `font_size`
    /// points, wrapped at `max_width` points, right to left or left to right from the first
    /// strong character (UAX #9 P2/P3, left to right when there is none), aligned to its start
    /// side (right-to-left paragraphs right-aligned).
    pub fn layout_paragraph(
        &mut self,
        text: &str,
        font_size: f32,
        max_width: f32,
    ) -> ParagraphLayout {
        self.layout_with_line_height(text, font_size, max_width, LINE_HEIGHT_FACTOR)
    }

    /// Like [`Self::layout_paragraph`] with line height `line_height_factor` × `font_size`.
    pub fn layout_with_line_height(
        &mut self,
        text: &str,
        font_size: f32,
        max_width: f32,
        line_height_factor: f32,
    ) -> ParagraphLayout {
        let font_size = if font_size.is_finite() && font_size > 0.0 {
            font_size
        } else {
            14.0
        };
        let mut builder = self
            .layout_cx
            .ranged_builder(&mut self.font_cx, text, 1.0, false);
        builder.push_default(StyleProperty::FontFamily(parley::FontFamily::Source(
            fonts::FONT_STACK.into(),
        )));
        builder.push_default(StyleProperty::FontSize(font_size));
        builder.push_default(StyleProperty::LineHeight(LineHeight::FontSizeRelative(
            line_height_factor,
        )));
        let layout = builder.build(text);
        ParagraphLayout::new(layout, text.to_owned(), font_size, max_width)
    }

    /// Lays out (or finds in the cache) `text` as one unwrapped line; line breaks become spaces.
    fn cached_label(&mut self, text: &str, size: f32) -> ParagraphLayout {
        let key = (text.to_owned(), size.to_bits());
        if let Some(layout) = self.labels.remove(&key) {
            return layout;
        }
        let single_line: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let mut layout =
            self.layout_with_line_height(&single_line, size, f32::MAX, LABEL_LINE_HEIGHT_FACTOR);
        layout.rebreak_unwrapped();
        layout
    }

    fn store_label(&mut self, text: &str, size: f32, layout: ParagraphLayout) {
        if self.labels.len() >= MAX_CACHED_LABELS {
            self.labels.clear();
        }
        self.labels
            .insert((text.to_owned(), size.to_bits()), layout);
    }

    /// Size in points of `text` drawn as a single-line label at `size` points.
    pub fn label_size(&mut self, text: &str, size: f32) -> egui::Vec2 {
        let layout = self.cached_label(text, size);
        let result = layout.size();
        self.store_label(text, size, layout);
        result
    }

    /// Paints `text` as a single-line label at `size` points with its top-left at `origin`.
    pub fn paint_label(
        &mut self,
        ctx: &egui::Context,
        painter: &impl ShapeSink,
        text: &str,
        size: f32,
        origin: egui::Pos2,
        color: egui::Color32,
    ) {
        let layout = self.cached_label(text, size);
        self.paint(ctx, painter, &layout, origin, color);
        self.store_label(text, size, layout);
    }

    /// Paints a laid-out paragraph with its top-left at `origin`, in `color`.
    pub fn paint(
        &mut self,
        ctx: &egui::Context,
        painter: &impl ShapeSink,
        layout: &ParagraphLayout,
        origin: egui::Pos2,
        color: egui::Color32,
    ) {
        // A full atlas is cleared once and the mesh rebuilt; a second reset would mean one
        // paragraph needs more than the whole atlas, so give up on the rest then.
        for _attempt in 0..2 {
            if let Some(mesh) = self.build_mesh(ctx, painter.clip_rect(), layout, origin, color) {
                if !mesh.is_empty() {
                    painter.add_shape(egui::Shape::mesh(mesh));
                }
                return;
            }
        }
    }

    /// One textured quad per glyph on a line that meets `clip`; `None` if the atlas was reset
    /// meanwhile.
    fn build_mesh(
        &mut self,
        ctx: &egui::Context,
        clip: egui::Rect,
        layout: &ParagraphLayout,
        origin: egui::Pos2,
        color: egui::Color32,
    ) -> Option<egui::epaint::Mesh> {
        let pixels_per_point = ctx.pixels_per_point();
        let texture_id = self.atlas.texture_id(ctx);
        let uv_scale = 1.0 / self.atlas.texture_size() as f32;
        let mut mesh = egui::epaint::Mesh::with_texture(texture_id);
        // Marks may overflow the line box; keep lines that are just outside the clip rectangle.
        let margin = layout.font_size();
        for (line, boxes) in layout.parley().lines().zip(layout.line_boxes()) {
            let metrics = line.metrics();
            if origin.y + metrics.block_max_coord + margin < clip.min.y
                || origin.y + metrics.block_min_coord - margin > clip.max.y
            {
                continue;
            }
            // The run whose font coordinates are in `coords`.
            let mut coords_run = None;
            let mut coords: Vec<i16> = Vec::new();
            for (cluster, glyph) in positioned_glyphs(&line, boxes) {
                let run = cluster.run();
                let font = run.font();
                if coords_run != Some(run.index()) {
                    coords_run = Some(run.index());
                    coords.clear();
                    coords.extend(run.normalized_coords().iter().map(|c| c.to_bits()));
                }
                let size_px = run.font_size() * pixels_per_point;
                let x_px = (origin.x + glyph.x) * pixels_per_point;
                let y_px = ((origin.y + glyph.y) * pixels_per_point).round();
                let x_floor = x_px.floor();
                let subpixel = (((x_px - x_floor) * SUBPIXEL_STEPS).round() as u8).min(3);
                let key = GlyphKey {
                    font_blob: font.data.id(),
                    font_index: font.index,
                    glyph_id: glyph.id,
                    size_bits: size_px.to_bits(),
                    subpixel_x: subpixel,
                };
                let image = match self.atlas.glyph(ctx, font, &coords, key) {
                    GlyphLookup::Ready(image) => image,
                    GlyphLookup::Reset => return None,
                };
                if image.size[0] == 0 {
                    continue;
                }
                let left = x_floor + image.left as f32;
                let top = y_px - image.top as f32;
                let rect = egui::Rect::from_min_size(
                    egui::pos2(left / pixels_per_point, top / pixels_per_point),
                    egui::vec2(
                        image.size[0] as f32 / pixels_per_point,
                        image.size[1] as f32 / pixels_per_point,
                    ),
                );
                let uv = egui::Rect::from_min_size(
                    egui::pos2(
                        image.atlas_pos[0] as f32 * uv_scale,
                        image.atlas_pos[1] as f32 * uv_scale,
                    ),
                    egui::vec2(
                        image.size[0] as f32 * uv_scale,
                        image.size[1] as f32 * uv_scale,
                    ),
                );
                mesh.add_rect_with_uv(rect, uv, color);
            }
        }
        Some(mesh)
    }
}

/// The glyphs of one line with their positions relative to the paragraph's top-left, each with
/// the cluster it belongs to (its run has the font and size), placed in the line's display order `boxes` (UAX #9 with
/// rule L1) rather than parley's: each cluster's glyphs start at its [`LineBoxes::paint_x`].
/// The glyphs of a ligature belong to its first grapheme and cover all of its graphemes, which
/// stay together, so a right-to-left one is drawn leftwards from that grapheme's right edge.
pub(crate) fn positioned_glyphs<'a>(
    line: &parley::Line<'a, ()>,
    boxes: &'a LineBoxes,
) -> impl Iterator<Item = (parley::Cluster<'a, ()>, parley::Glyph)> + use<'a> {
    // One style per paragraph, so one baseline per line.
    let baseline = line
        .items()
        .find_map(|item| match item {
            PositionedLayoutItem::GlyphRun(run) => Some(run.baseline()),
            PositionedLayoutItem::InlineBox(_) => None,
        })
        .unwrap_or(line.metrics().baseline);
    parley_clusters(line)
        .zip(boxes.paint_x.iter().copied())
        .flat_map(move |(cluster, x0)| {
            let glyph_advance: f32 = cluster.glyphs().map(|glyph| glyph.advance).sum();
            let mut pen = if cluster.is_rtl() {
                x0 + cluster.advance() - glyph_advance
            } else {
                x0
            };
            cluster.glyphs().map(move |mut glyph| {
                glyph.x += pen;
                glyph.y += baseline;
                pen += glyph.advance;
                (cluster, glyph)
            })
        })
}

/// The window's shared engine, created on first use and kept in `ctx`'s temporary data as an
/// `Arc<Mutex<TextEngine>>`; clones of the `Arc` are cheap. Lock it only for the duration of a
/// layout or paint call.
pub fn shared_engine(ctx: &egui::Context) -> Arc<Mutex<TextEngine>> {
    let id = egui::Id::unique("qalam::text::shared_engine");
    ctx.data_mut(|data| {
        data.get_temp_mut_or_insert_with(id, || Arc::new(Mutex::new(TextEngine::new())))
            .clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyph id, x and y of every glyph of every line, as parley positions them.
    fn parley_glyphs(layout: &ParagraphLayout) -> Vec<(u32, f32, f32)> {
        let mut glyphs = Vec::new();
        for line in layout.parley().lines() {
            for item in line.items() {
                if let PositionedLayoutItem::GlyphRun(run) = item {
                    glyphs.extend(run.positioned_glyphs().map(|g| (g.id, g.x, g.y)));
                }
            }
        }
        glyphs
    }

    /// Glyph id, x, y and the cluster's first byte of every glyph the painter draws.
    fn painted_glyphs(layout: &ParagraphLayout) -> Vec<(u32, f32, f32, usize)> {
        let mut glyphs = Vec::new();
        for (line, boxes) in layout.parley().lines().zip(layout.line_boxes()) {
            for (cluster, g) in positioned_glyphs(&line, boxes) {
                glyphs.push((g.id, g.x, g.y, cluster.text_range().start));
            }
        }
        glyphs
    }

    #[test]
    fn glyphs_sit_where_parley_puts_them_when_rule_l1_changes_nothing() {
        let mut engine = TextEngine::new();
        let long_arabic = "زار الرئيس الروسي فلاديمير بوتين لأمريكا يوم الثلاثاء في زيارة رسمية \
                           هي الأولى منذ سنوات، والتقى نظيره في العاصمة.";
        let cases = [
            ("مَرْحَبًا بِكُمْ في لأمريكا", 10_000.0),
            ("قالت BBC 2024 إن (رئيس) الوزراء", 10_000.0),
            ("The word لروسيا means to Russia.", 10_000.0),
            ("😀 hello مرحبا 👍🏽", 10_000.0),
            (long_arabic, 160.0),
        ];
        for (text, width) in cases {
            let layout = engine.layout_paragraph(text, 16.0, width);
            let ours: Vec<(u32, f32, f32)> = painted_glyphs(&layout)
                .into_iter()
                .map(|(id, x, y, _)| (id, x, y))
                .collect();
            let theirs = parley_glyphs(&layout);
            assert_eq!(ours.len(), theirs.len(), "{text}");
            for (a, b) in ours.iter().zip(&theirs) {
                assert_eq!(a.0, b.0, "{text}: glyph order");
                assert!(
                    (a.1 - b.1).abs() < 0.01 && (a.2 - b.2).abs() < 1e-3,
                    "{text}: {a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn trailing_space_of_an_arabic_run_is_painted_at_the_line_end() {
        let text = "NATO Secretary General Mark Rutte said: \"لن نتراجع\" before leaving Brussels.";
        let quote = text.find('"').expect("quote");
        let (lam, nun, space) = (quote + 1, quote + 3, quote + 5);
        let mut engine = TextEngine::new();
        let mut layout = engine.layout_paragraph(text, 16.0, 100.0);
        let width = (100..900)
            .find(|&width| {
                layout.rebreak(width as f32);
                layout.parley().lines().next().map(|l| l.text_range().end) == Some(space + 1)
            })
            .expect("a width breaking after the first Arabic word");
        layout.rebreak(width as f32);
        let first_line = layout.parley().lines().next().expect("line").text_range();
        let glyphs: Vec<_> = painted_glyphs(&layout)
            .into_iter()
            .filter(|g| first_line.contains(&g.3))
            .collect();
        let span = |bytes: &[usize]| {
            let mine = glyphs.iter().filter(|g| bytes.contains(&g.3));
            let x0 = mine.clone().map(|g| g.1).fold(f32::MAX, f32::min);
            let x1 = mine.map(|g| g.1).fold(f32::MIN, f32::max);
            (x0, x1)
        };
        let right_end = glyphs.iter().map(|g| g.1).fold(f32::MIN, f32::max);
        let (quote_x, _) = span(&[quote]);
        let (word_x0, word_x1) = span(&[lam, nun]);
        let (space_x, _) = span(&[space]);
        assert!(
            quote_x < word_x0 && word_x1 < space_x,
            "{quote_x} {word_x0} {word_x1} {space_x}"
        );
        assert_eq!(
            space_x, right_end,
            "the space is the last glyph on the line"
        );
        // parley alone draws the space between the quote and the word.
        let parley_space = parley_glyphs(&layout)
            .into_iter()
            .zip(painted_glyphs(&layout))
            .find(|(_, ours)| ours.3 == space)
            .map(|(theirs, _)| theirs.1)
            .expect("space glyph");
        assert!(
            parley_space < word_x0,
            "parley: {parley_space}, word at {word_x0}"
        );
    }
}

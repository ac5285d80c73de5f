//! [`GlyphAtlas`]: glyphs rasterised with swash into one egui texture, shelf-packed, cached by
//! font, glyph, pixel size and quarter-pixel horizontal offset.
//!
//! The texture is created on first use with [`egui::Context::load_texture`]; each new glyph is
//! uploaded with [`egui::TextureHandle::set_partial`]. When the texture is full the atlas is
//! cleared and refilled (glyphs already painted this frame may then show wrong pixels for one
//! frame, so a repaint is requested — but not when the previous frame reset too, so a frame that
//! needs more glyphs than fit can never cause a busy repaint loop). 2048 × 2048 holds about 2000
//! glyphs of 36 px (18 pt at 2× scale).

use std::collections::HashMap;

use swash::scale::{Render, ScaleContext, Source, image::Content};
use swash::zeno::{Format, Vector};

/// Side of the square atlas texture in pixels.
const ATLAS_SIZE: usize = 2048;

/// Empty pixels kept around each glyph so linear filtering never bleeds between glyphs.
const PADDING: usize = 1;

/// Side of the opaque white square kept in the atlas (see [`GlyphAtlas::white_uv`]).
const WHITE_SIZE: usize = 3;

/// Horizontal sub-pixel positions per pixel (offsets are quantised to 1/4 px).
pub const SUBPIXEL_STEPS: f32 = 4.0;

/// Identifies one rasterised glyph image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GlyphKey {
    /// Blob id of the font data ([`parley::FontData::data`]).
    pub font_blob: u64,
    /// Index of the face inside the font file.
    pub font_index: u32,
    /// Glyph id in that face.
    pub glyph_id: u32,
    /// Size in physical pixels per em, as `f32` bits.
    pub size_bits: u32,
    /// Horizontal sub-pixel offset, in `1 / SUBPIXEL_STEPS` pixel steps (`0..SUBPIXEL_STEPS`).
    pub subpixel_x: u8,
}

/// Where a cached glyph lives in the texture and how to place it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GlyphImage {
    /// Top-left pixel in the atlas texture.
    pub atlas_pos: [usize; 2],
    /// Width and height in pixels (0 for blank glyphs such as spaces).
    pub size: [usize; 2],
    /// Offset of the image's left edge from the glyph origin, in pixels (rightwards).
    pub left: i32,
    /// Offset of the image's top edge above the baseline, in pixels (upwards).
    pub top: i32,
}

/// Result of asking the atlas for a glyph.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GlyphLookup {
    /// The glyph is in the texture (or blank).
    Ready(GlyphImage),
    /// The texture was full and has been cleared: everything looked up before is gone.
    /// Start the current paint over.
    Reset,
}

/// The glyph cache and its texture.
pub struct GlyphAtlas {
    scale_cx: ScaleContext,
    texture: Option<egui::TextureHandle>,
    glyphs: HashMap<GlyphKey, GlyphImage>,
    /// Packing cursor: x of the next glyph in the current shelf.
    cursor_x: usize,
    /// Top of the current shelf.
    shelf_y: usize,
    /// Height of the current shelf (tallest glyph so far).
    shelf_height: usize,
    /// How many times the atlas has been cleared because it was full.
    resets: u64,
    /// egui frame number of the last reset.
    last_reset_frame: Option<u64>,
    /// Top-left of the white square, packed first and kept across clears.
    white: [usize; 2],
}

impl Default for GlyphAtlas {
    fn default() -> Self {
        Self::new()
    }
}

impl GlyphAtlas {
    /// An empty atlas; the texture is created on first paint.
    pub fn new() -> Self {
        let mut atlas = Self {
            scale_cx: ScaleContext::new(),
            texture: None,
            glyphs: HashMap::new(),
            cursor_x: 0,
            shelf_y: 0,
            shelf_height: 0,
            resets: 0,
            last_reset_frame: None,
            white: [0, 0],
        };
        atlas.clear();
        atlas
    }

    /// Texture coordinates of the middle of an opaque white square in the texture: untextured
    /// shapes (highlights) can use it to share one mesh, and one texture, with the glyphs.
    pub fn white_uv(&self) -> egui::Pos2 {
        let middle = |at: usize| (at as f32 + WHITE_SIZE as f32 / 2.0) / ATLAS_SIZE as f32;
        egui::pos2(middle(self.white[0]), middle(self.white[1]))
    }

    /// The egui texture, creating it if needed.
    pub fn texture_id(&mut self, ctx: &egui::Context) -> egui::TextureId {
        self.texture(ctx).id()
    }

    fn texture(&mut self, ctx: &egui::Context) -> &mut egui::TextureHandle {
        let white = self.white;
        self.texture.get_or_insert_with(|| {
            let mut image =
                egui::ColorImage::filled([ATLAS_SIZE, ATLAS_SIZE], egui::Color32::TRANSPARENT);
            for y in white[1]..white[1] + WHITE_SIZE {
                for x in white[0]..white[0] + WHITE_SIZE {
                    image[(x, y)] = egui::Color32::WHITE;
                }
            }
            ctx.load_texture("qalam-glyph-atlas", image, egui::TextureOptions::LINEAR)
        })
    }

    /// Side of the (square) texture in pixels.
    pub fn texture_size(&self) -> usize {
        ATLAS_SIZE
    }

    /// Number of cached glyph images.
    pub fn len(&self) -> usize {
        self.glyphs.len()
    }

    /// Whether no glyph is cached.
    pub fn is_empty(&self) -> bool {
        self.glyphs.is_empty()
    }

    /// How many times the atlas was cleared because it was full.
    pub fn resets(&self) -> u64 {
        self.resets
    }

    /// Looks a glyph up, rasterising and uploading it if needed.
    ///
    /// `font` is the face's data, `size_px` its size in physical pixels, `coords` its variation
    /// coordinates. Glyphs the font cannot render come back blank.
    pub fn glyph(
        &mut self,
        ctx: &egui::Context,
        font: &parley::FontData,
        coords: &[i16],
        key: GlyphKey,
    ) -> GlyphLookup {
        if let Some(image) = self.glyphs.get(&key) {
            return GlyphLookup::Ready(*image);
        }
        let size_px = f32::from_bits(key.size_bits);
        let Some(font_ref) = swash::FontRef::from_index(font.data.data(), font.index as usize)
        else {
            return GlyphLookup::Ready(blank());
        };
        let mut scaler = self
            .scale_cx
            .builder(font_ref)
            .size(size_px)
            .hint(false)
            .normalized_coords(coords)
            .build();
        let offset = Vector::new(f32::from(key.subpixel_x) / SUBPIXEL_STEPS, 0.0);
        let Ok(glyph_id) = u16::try_from(key.glyph_id) else {
            return GlyphLookup::Ready(blank());
        };
        let Some(rendered) = Render::new(&[Source::Outline])
            .format(Format::Alpha)
            .offset(offset)
            .render(&mut scaler, glyph_id)
        else {
            self.glyphs.insert(key, blank());
            return GlyphLookup::Ready(blank());
        };
        let width = rendered.placement.width as usize;
        let height = rendered.placement.height as usize;
        if width == 0 || height == 0 || rendered.content != Content::Mask {
            self.glyphs.insert(key, blank());
            return GlyphLookup::Ready(blank());
        }
        let Some(atlas_pos) = self.allocate(width, height) else {
            self.clear();
            self.resets += 1;
            let frame = ctx.cumulative_frame_nr();
            let thrashing = self
                .last_reset_frame
                .is_some_and(|last| frame.saturating_sub(last) <= 1);
            if !thrashing {
                ctx.request_repaint();
            }
            self.last_reset_frame = Some(frame);
            return GlyphLookup::Reset;
        };
        let pixels = rendered
            .data
            .iter()
            .map(|&coverage| egui::Color32::from_white_alpha(coverage))
            .collect();
        let image = egui::ColorImage::new([width, height], pixels);
        self.texture(ctx)
            .set_partial(atlas_pos, image, egui::TextureOptions::LINEAR);
        let glyph = GlyphImage {
            atlas_pos,
            size: [width, height],
            left: rendered.placement.left,
            top: rendered.placement.top,
        };
        self.glyphs.insert(key, glyph);
        GlyphLookup::Ready(glyph)
    }

    /// Forgets every glyph and starts packing from the top-left again (after the white
    /// square, which stays where it is).
    pub fn clear(&mut self) {
        self.glyphs.clear();
        self.cursor_x = 0;
        self.shelf_y = 0;
        self.shelf_height = 0;
        self.white = self.allocate(WHITE_SIZE, WHITE_SIZE).unwrap_or([0, 0]);
    }

    /// Finds room for a `width` × `height` image (plus padding); `None` when full.
    fn allocate(&mut self, width: usize, height: usize) -> Option<[usize; 2]> {
        let padded_w = width + 2 * PADDING;
        let padded_h = height + 2 * PADDING;
        if padded_w > ATLAS_SIZE || padded_h > ATLAS_SIZE {
            return None;
        }
        if self.cursor_x + padded_w > ATLAS_SIZE {
            self.shelf_y += self.shelf_height;
            self.cursor_x = 0;
            self.shelf_height = 0;
        }
        if self.shelf_y + padded_h > ATLAS_SIZE {
            return None;
        }
        let pos = [self.cursor_x + PADDING, self.shelf_y + PADDING];
        self.cursor_x += padded_w;
        self.shelf_height = self.shelf_height.max(padded_h);
        Some(pos)
    }
}

/// The image of a glyph that draws nothing.
fn blank() -> GlyphImage {
    GlyphImage {
        atlas_pos: [0, 0],
        size: [0, 0],
        left: 0,
        top: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shelves_never_overlap_and_full_atlas_reports_none() {
        let mut atlas = GlyphAtlas::new();
        let mut placed: Vec<([usize; 2], [usize; 2])> = Vec::new();
        loop {
            let size = [17 + placed.len() % 5, 23 + placed.len() % 7];
            match atlas.allocate(size[0], size[1]) {
                Some(pos) => placed.push((pos, size)),
                None => break,
            }
        }
        assert!(placed.len() > 4000, "only {} glyphs fit", placed.len());
        for (i, (a, sa)) in placed.iter().enumerate() {
            assert!(a[0] + sa[0] <= ATLAS_SIZE && a[1] + sa[1] <= ATLAS_SIZE);
            for (b, sb) in &placed[i + 1..] {
                let disjoint = a[0] + sa[0] <= b[0]
                    || b[0] + sb[0] <= a[0]
                    || a[1] + sa[1] <= b[1]
                    || b[1] + sb[1] <= a[1];
                assert!(disjoint, "{a:?}{sa:?} overlaps {b:?}{sb:?}");
            }
        }
    }
}

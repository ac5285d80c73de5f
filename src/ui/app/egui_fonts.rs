//! egui's own fonts (menus, panels, status bar, text fields) with the bundled Arabic and emoji
//! fonts as fallbacks, so Arabic and emoji in labels never show as missing glyphs. The document
//! itself is drawn by the text engine with parley.

use std::sync::Arc;

use crate::text::fonts::{ARABIC_FAMILY, EMOJI_FAMILY, NOTO_EMOJI, NOTO_NASKH_ARABIC};

/// egui's default fonts followed by the bundled Noto Naskh Arabic and then Noto Emoji, in every
/// family.
pub fn font_definitions() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    for (name, data) in [
        (ARABIC_FAMILY, NOTO_NASKH_ARABIC),
        (EMOJI_FAMILY, NOTO_EMOJI),
    ] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(egui::FontData::from_static(data)));
    }
    for family in fonts.families.values_mut() {
        family.push(ARABIC_FAMILY.to_owned());
        family.push(EMOJI_FAMILY.to_owned());
    }
    fonts
}

/// Installs [`font_definitions`] in `ctx`.
pub fn install_egui_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_then_emoji_font_are_fallbacks_of_every_family() {
        let fonts = font_definitions();
        assert!(fonts.font_data.contains_key(ARABIC_FAMILY));
        assert!(fonts.font_data.contains_key(EMOJI_FAMILY));
        for (family, names) in &fonts.families {
            let tail: Vec<&str> = names
                .iter()
                .rev()
                .take(2)
                .rev()
                .map(String::as_str)
                .collect();
            assert_eq!(tail, [ARABIC_FAMILY, EMOJI_FAMILY], "{family:?}");
            assert!(names.len() > 2, "{family:?} keeps egui's fonts first");
        }
    }

    /// A glyph's box in egui's font atlas: its top-left and bottom-right texels.
    type TexelBox = ([u16; 2], [u16; 2]);

    /// The atlas boxes (texel corners) of the glyphs egui draws with ink for `text` in the proportional font,
    /// after [`install_egui_fonts`], and whether egui has a glyph for every character.
    fn inked_glyphs(text: &str) -> (Vec<TexelBox>, bool) {
        let ctx = egui::Context::default();
        install_egui_fonts(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let font = egui::FontId::proportional(14.0);
        ctx.fonts_mut(|fonts| {
            let covered = fonts.has_glyphs(&font, text);
            let galley = fonts.layout_no_wrap(text.to_owned(), font, egui::Color32::WHITE);
            let inked = galley
                .rows
                .iter()
                .flat_map(|row| &row.glyphs)
                .map(|glyph| glyph.uv_rect)
                .filter(|uv| !uv.is_nothing())
                .map(|uv| (uv.min, uv.max))
                .collect();
            (inked, covered)
        })
    }

    #[test]
    fn egui_draws_emoji_and_a_zwj_family_as_one_glyph() {
        let (wave, covered) = inked_glyphs("👋👨👩👧");
        assert!(
            covered,
            "every emoji has a glyph, none is the replacement box"
        );
        assert_eq!(wave.len(), 4);
        let (man, _) = inked_glyphs("👨");
        // 👨 ZWJ 👩 ZWJ 👧: one ligature glyph, not the man followed by two more.
        let (family, _) = inked_glyphs("👨\u{200D}👩\u{200D}👧");
        assert_eq!(family.len(), 1);
        assert_ne!(family, man);
    }
}

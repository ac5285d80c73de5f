//! egui's own fonts (menus, panels, status bar) with the bundled Arabic font as a fallback, so
//! Arabic in labels never shows as missing glyphs. The document itself is drawn by the text
//! engine with parley.

use std::sync::Arc;

use crate::text::fonts::{ARABIC_FAMILY, NOTO_NASKH_ARABIC};

/// egui's default fonts followed by the bundled Noto Naskh Arabic in every family.
pub fn font_definitions() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        ARABIC_FAMILY.to_owned(),
        Arc::new(egui::FontData::from_static(NOTO_NASKH_ARABIC)),
    );
    for family in fonts.families.values_mut() {
        family.push(ARABIC_FAMILY.to_owned());
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
    fn arabic_font_is_a_fallback_of_every_family() {
        let fonts = font_definitions();
        assert!(fonts.font_data.contains_key(ARABIC_FAMILY));
        for (family, names) in &fonts.families {
            assert_eq!(
                names.last().map(String::as_str),
                Some(ARABIC_FAMILY),
                "{family:?}"
            );
            assert!(names.len() > 1, "{family:?} keeps egui's fonts first");
        }
    }
}

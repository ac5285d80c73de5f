//! The embedded fonts (Noto Naskh Arabic + Noto Sans, SIL OFL 1.1, see `assets/fonts/OFL.txt`;
//! the monochrome Noto Emoji, SIL OFL 1.1, see `assets/fonts/NotoEmoji-OFL.txt`) and their
//! registration with parley. No system fonts are used, so the app looks the same on every machine.

/// Noto Naskh Arabic Regular: Arabic letters, marks, Arabic-Indic digits and punctuation.
pub const NOTO_NASKH_ARABIC: &[u8] =
    include_bytes!("../../assets/fonts/NotoNaskhArabic-Regular.ttf");

/// Noto Sans Regular: Latin, Greek and Cyrillic letters, ASCII digits and punctuation.
pub const NOTO_SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");

/// Noto Emoji Regular (monochrome outlines): every emoji, with ZWJ sequences, flags and keycaps
/// as one ligature glyph each (skin-tone modifiers are absorbed into the base glyph).
pub const NOTO_EMOJI: &[u8] = include_bytes!("../../assets/fonts/NotoEmoji-Regular.ttf");

/// Every embedded font file, in fallback order.
pub const FONT_DATA: &[&[u8]] = &[NOTO_NASKH_ARABIC, NOTO_SANS, NOTO_EMOJI];

/// Family name of the Arabic face, as stored in the font's `name` table.
pub const ARABIC_FAMILY: &str = "Noto Naskh Arabic";

/// Family name of the Latin face, as stored in the font's `name` table.
pub const LATIN_FAMILY: &str = "Noto Sans";

/// Family name of the emoji face, as stored in the font's `name` table.
pub const EMOJI_FAMILY: &str = "Noto Emoji";

/// The font stack every layout uses: Arabic first (article text is mostly Arabic, so spaces and
/// punctuation inside Arabic come from the Arabic face), then Latin for everything the Arabic face
/// lacks, then emoji last (the emoji face also has digits, `#` and space, which must keep coming
/// from the text faces). parley shapes a whole grapheme with one face, so an emoji sequence joined
/// by ZWJ goes to the emoji face in one piece and becomes its single ligature glyph. Characters
/// none covers (CJK, Hebrew) are drawn as the `.notdef` box ("tofu").
pub const FONT_STACK: &str = "\"Noto Naskh Arabic\", \"Noto Sans\", \"Noto Emoji\"";

/// Registers every embedded font with `font_cx`, and the emoji face as the generic `emoji`
/// family (which parley appends to the stack of every emoji cluster).
///
/// Call once per [`parley::FontContext`]; registering twice only adds duplicates.
pub fn register_fonts(font_cx: &mut parley::FontContext) {
    for data in FONT_DATA {
        let blob = parley::fontique::Blob::new(std::sync::Arc::new(*data));
        font_cx.collection.register_fonts(blob, None);
    }
    if let Some(emoji) = font_cx.collection.family_id(EMOJI_FAMILY) {
        font_cx.collection.set_generic_families(
            parley::fontique::GenericFamily::Emoji,
            std::iter::once(emoji),
        );
    }
}

/// A font context holding only the embedded fonts (no system fonts).
pub fn embedded_font_context() -> parley::FontContext {
    let mut font_cx = parley::FontContext {
        collection: parley::fontique::Collection::new(parley::fontique::CollectionOptions {
            shared: false,
            system_fonts: false,
        }),
        source_cache: parley::fontique::SourceCache::default(),
    };
    register_fonts(&mut font_cx);
    font_cx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_is_registered_under_its_name() {
        let mut font_cx = embedded_font_context();
        let names: Vec<String> = font_cx
            .collection
            .family_names()
            .map(str::to_owned)
            .collect();
        assert!(names.iter().any(|n| n == ARABIC_FAMILY), "{names:?}");
        assert!(names.iter().any(|n| n == LATIN_FAMILY), "{names:?}");
        assert!(names.iter().any(|n| n == EMOJI_FAMILY), "{names:?}");
    }

    #[test]
    fn the_emoji_face_is_the_generic_emoji_family() {
        let mut font_cx = embedded_font_context();
        let emoji = font_cx.collection.family_id(EMOJI_FAMILY);
        let generic: Vec<_> = font_cx
            .collection
            .generic_families(parley::fontique::GenericFamily::Emoji)
            .collect();
        assert!(emoji.is_some());
        assert_eq!(generic, emoji.into_iter().collect::<Vec<_>>());
    }
}

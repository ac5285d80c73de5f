//! Emoji in the text engine: drawn with the bundled emoji face (real glyphs, real ink), a ZWJ
//! sequence shaped as one glyph in one cluster and stepped over as one caret stop, in bidi order
//! inside Arabic, and highlighted as whole clusters.

use qalam::text::fonts::NOTO_EMOJI;
use qalam::text::{CharIndex, ParagraphLayout, TextEngine};

const SIZE: f32 = 16.0;

/// Arabic with a waving hand and the three-person family (5 code points: 👨 ZWJ 👩 ZWJ 👧).
const TEXT: &str = "مرحبا 👋 👨‍👩‍👧 عالم";
const WAVE: usize = 6;
const FAMILY: std::ops::Range<usize> = 8..13;

/// The four-person family, 7 code points: 👨 ZWJ 👩 ZWJ 👧 ZWJ 👦.
const FAMILY_OF_FOUR: &str = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}";

fn layout(text: &str) -> ParagraphLayout {
    TextEngine::new().layout_paragraph(text, SIZE, 1000.0)
}

fn byte(text: &str, cp: usize) -> usize {
    CharIndex::new(text)
        .cp_to_byte(cp)
        .expect("code point in range")
}

/// The glyph ids of the cluster starting at code point `cp`, its byte range, and whether its run
/// was shaped with the bundled emoji face.
fn cluster_at(paragraph: &ParagraphLayout, cp: usize) -> (Vec<u32>, std::ops::Range<usize>, bool) {
    let at = byte(paragraph.text(), cp);
    let cluster = parley::Cluster::from_byte_index(paragraph.parley(), at).expect("cluster");
    let glyphs = cluster.glyphs().map(|g| g.id).collect();
    let run = cluster.run();
    let font = run.font();
    let emoji_face = font.data.data() == NOTO_EMOJI;
    (glyphs, cluster.text_range(), emoji_face)
}

#[test]
fn emoji_inside_arabic_are_real_glyphs_of_the_emoji_face() {
    let paragraph = layout(TEXT);
    let (wave, wave_bytes, wave_emoji) = cluster_at(&paragraph, WAVE);
    assert!(wave_emoji, "👋 is shaped with Noto Emoji");
    assert_eq!(wave.len(), 1);
    assert_ne!(wave[0], 0, "👋 is not .notdef");
    assert_eq!(wave_bytes, byte(TEXT, WAVE)..byte(TEXT, WAVE + 1));
    // The Arabic around them keeps the Arabic face.
    let (_, _, arabic_emoji) = cluster_at(&paragraph, 0);
    assert!(!arabic_emoji, "Arabic letters stay in Noto Naskh Arabic");
}

#[test]
fn a_zwj_family_is_one_cluster_with_one_glyph() {
    let paragraph = layout(TEXT);
    let (family, family_bytes, family_emoji) = cluster_at(&paragraph, FAMILY.start);
    assert!(family_emoji);
    assert_eq!(family.len(), 1, "👨‍👩‍👧 is one ligature glyph: {family:?}");
    assert_ne!(family[0], 0);
    assert_eq!(
        family_bytes,
        byte(TEXT, FAMILY.start)..byte(TEXT, FAMILY.end)
    );
    let four = format!("عائلة {FAMILY_OF_FOUR} سعيدة");
    let paragraph = layout(&four);
    let (glyphs, bytes, _) = cluster_at(&paragraph, 6);
    assert_eq!(glyphs.len(), 1, "{glyphs:?}");
    assert_ne!(glyphs[0], 0);
    assert_eq!(bytes, byte(&four, 6)..byte(&four, 13));
}

#[test]
fn emoji_paint_one_inked_quad_each_about_an_em_wide() {
    let ctx = egui::Context::default();
    let mut engine = TextEngine::new();
    let paragraph = engine.layout_paragraph("👋👨‍👩‍👧", SIZE, 300.0);
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        engine.paint(
            ui.ctx(),
            ui.painter(),
            &paragraph,
            egui::pos2(0.0, 0.0),
            egui::Color32::WHITE,
        );
    });
    output.textures_delta.clear();
    let quads: Vec<egui::Rect> = output
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Mesh(mesh) => Some(mesh.vertices.chunks(4).map(|quad| {
                egui::Rect::from_points(&quad.iter().map(|v| v.pos).collect::<Vec<_>>())
            })),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(quads.len(), 2, "one glyph each for 👋 and 👨‍👩‍👧: {quads:?}");
    for quad in &quads {
        assert!(
            quad.width() > 0.6 * SIZE && quad.height() > 0.6 * SIZE,
            "{quad:?} is an emoji, not a thin box"
        );
    }
}

#[test]
fn the_caret_steps_over_a_zwj_family_in_one_move() {
    let text = format!("عائلة {FAMILY_OF_FOUR} سعيدة");
    let paragraph = layout(&text);
    let (start, end) = (6, 13);
    // Right to left: visually left is logically forward.
    assert_eq!(paragraph.move_visual(start, false, false), Some(end));
    assert_eq!(paragraph.move_visual(end, true, false), Some(start));
    // The family is one glyph wide: its two caret stops are about an em apart.
    let width = paragraph.caret_rect(start).center().x - paragraph.caret_rect(end).center().x;
    assert!(
        width > 0.7 * SIZE && width < 1.6 * SIZE,
        "family is {width} wide at {SIZE} pt"
    );
    // A click anywhere on it lands on one of its two ends.
    for step in 1..10 {
        let x = paragraph.caret_rect(end).center().x + width * step as f32 / 10.0;
        let y = paragraph.caret_rect(start).center().y;
        let hit = paragraph.hit_test(egui::vec2(x, y));
        assert!(hit == start || hit == end, "click at {x} gave {hit}");
    }
}

#[test]
fn emoji_keep_their_bidi_place_inside_arabic() {
    let lines = layout(TEXT).visual_lines();
    assert_eq!(lines.len(), 1);
    // Neutral emoji between Arabic words take the right-to-left direction: the whole line is
    // the logical order reversed.
    let expected: Vec<usize> = (0..TEXT.chars().count()).rev().collect();
    assert_eq!(lines[0].chars, expected);
    // Between a Latin word and an Arabic one in a right-to-left paragraph they also go right to
    // left (UAX #9 N2): "قالت BBC 👋 اليوم" shows as "اليوم 👋 BBC قالت" read from the left.
    let mixed = layout("قالت BBC 👋 اليوم").visual_lines();
    let order = &mixed[0].chars;
    let pos = |cp: usize| order.iter().position(|&c| c == cp).expect("on the line");
    assert!(pos(9) < pos(5), "👋 left of BBC: {order:?}");
    assert!(pos(5) < pos(7), "BBC stays left to right: {order:?}");
    assert!(pos(11) < pos(9), "اليوم left of 👋: {order:?}");
}

#[test]
fn highlights_cover_whole_emoji_clusters() {
    let paragraph = layout(TEXT);
    let family = paragraph.range_rects(FAMILY);
    assert_eq!(family.len(), 1, "{family:?}");
    let caret_x = |cp: usize| paragraph.caret_rect(cp).center().x;
    assert!((family[0].right() - caret_x(FAMILY.start)).abs() < 2.0);
    assert!((family[0].left() - caret_x(FAMILY.end)).abs() < 2.0);
    // Part of the sequence highlights the whole glyph, never a slice of it.
    assert_eq!(
        paragraph.range_rects(FAMILY.start + 2..FAMILY.start + 3),
        family
    );
    // A span from the waving hand through the family is one piece, right of the family's left
    // edge and left of the hand's right edge.
    let span = paragraph.range_rects(WAVE..FAMILY.end);
    assert_eq!(span.len(), 1, "{span:?}");
    assert_eq!(span[0].left(), family[0].left());
    let wave = paragraph.range_rects(WAVE..WAVE + 1);
    assert_eq!(span[0].right(), wave[0].right());
    assert!(
        wave[0].width() > 0.7 * SIZE,
        "👋 is {} wide",
        wave[0].width()
    );
}

//! Integration tests of the text engine: bidi visual order against the `unicode-bidi` crate,
//! wrapping, hit-testing, highlight geometry, caret movement, the layout dump, offsets and
//! painting into an egui mesh.

use proptest::prelude::*;
use qalam::text::layout_dump::{dump_jsonl, dump_lines};
use qalam::text::{CharIndex, ParagraphLayout, TextEngine, split_paragraphs};
use unicode_bidi::BidiInfo;

const SIZE: f32 = 16.0;

fn layout(text: &str, width: f32) -> ParagraphLayout {
    TextEngine::new().layout_paragraph(text, SIZE, width)
}

/// Visual order of a one-line paragraph by UAX #9 as implemented by `unicode-bidi`, in code
/// points, each character of a right-to-left run listed separately (rule L2).
fn reference_visual_order(text: &str) -> Vec<usize> {
    let info = BidiInfo::new(text, None);
    if info.paragraphs.is_empty() {
        return Vec::new();
    }
    let para = &info.paragraphs[0];
    let (levels, runs) = info.visual_runs(para, para.range.clone());
    let index = CharIndex::new(text);
    let mut order = Vec::new();
    for run in runs {
        let first = index.byte_to_cp(run.start).unwrap();
        let last = index.byte_to_cp(run.end).unwrap();
        if levels[run.start].is_rtl() {
            order.extend((first..last).rev());
        } else {
            order.extend(first..last);
        }
    }
    order
}

fn engine_visual_order(text: &str) -> Vec<usize> {
    let lines = layout(text, 10_000.0).visual_lines();
    assert_eq!(lines.len(), 1, "{text:?} should fit on one line");
    lines[0].chars.clone()
}

#[test]
fn mixed_line_visual_order_matches_unicode_bidi() {
    let samples = [
        "قالت BBC 2024 إن",
        "في عام ٢٠٢٤ قال",
        "قال (رئيس) الوزراء",
        "ارتفع بنسبة 45% من",
        "راجع https://example.com/a?b=1 الآن",
        "The word لروسيا means to Russia.",
        "(مرحبا)",
        "نهاية الجملة.",
        "BBC قالت",
        "2024",
        "",
        "قالت BBC ",
        "BBC قالت ",
        "بلغ 1,234.5 دولار و-5 درجات",
        "اتصل على +966 11 123 4567 الآن",
        "a (b) ج [د] e",
        "«الحرية» و\"العدالة\"",
    ];
    for text in samples {
        assert_eq!(
            engine_visual_order(text),
            reference_visual_order(text),
            "visual order of {text:?}"
        );
    }
}

#[test]
fn rtl_paragraph_is_right_aligned_and_ltr_left_aligned() {
    let rtl = layout("مرحبا", 500.0);
    assert!(rtl.is_rtl());
    let rect = rtl.visual_lines()[0].rect;
    assert!((rect.max.x - 500.0).abs() < 1.0, "{rect:?}");
    let ltr = layout("hello مرحبا", 500.0);
    assert!(!ltr.is_rtl());
    assert!(ltr.visual_lines()[0].rect.min.x.abs() < 1.0);
}

const LONG_ARABIC: &str = "قالت وزارة الخارجية الروسية في بيان اليوم إن وزير الخارجية سيرغي لافروف \
سيزور كوريا الشمالية الأسبوع المقبل لإجراء محادثات مع نظيره حول التعاون الثنائي والأوضاع في \
شبه الجزيرة الكورية، وذلك بعد زيارة مماثلة قام بها الزعيم كيم جونغ أون إلى روسيا العام الماضي.";

#[test]
fn wrapped_rtl_paragraph_reads_top_to_bottom() {
    let paragraph = layout(LONG_ARABIC, 300.0);
    let lines = paragraph.visual_lines();
    assert!(
        lines.len() >= 3,
        "expected wrapping, got {} lines",
        lines.len()
    );
    assert!(
        lines[0].chars.contains(&0),
        "first line holds the first character"
    );
    let mut seen: Vec<usize> = Vec::new();
    for pair in lines.windows(2) {
        assert!(pair[0].rect.max.y <= pair[1].rect.min.y + 0.01);
        assert!(pair[0].range.end <= pair[1].range.start);
        let max_above = pair[0].chars.iter().max().unwrap();
        let min_below = pair[1].chars.iter().min().unwrap();
        assert!(max_above < min_below, "line order is logical order");
    }
    for line in &lines {
        seen.extend(&line.chars);
        // Within an Arabic line, logical order runs right to left.
        assert!(line.chars.first() > line.chars.last());
    }
    seen.sort_unstable();
    assert_eq!(seen, (0..paragraph.char_len()).collect::<Vec<_>>());
}

#[test]
fn entity_after_proclitic_gets_one_highlight_box() {
    let paragraph = layout("لروسيا", 500.0);
    let rects = paragraph.range_rects(1..6);
    assert_eq!(rects.len(), 1, "{rects:?}");
    let lam = paragraph.range_rects(0..1);
    assert_eq!(lam.len(), 1);
    assert!(rects[0].max.x <= lam[0].min.x + 0.5, "روسيا lies left of ل");
    // Hitting the boundary between ل and ر gives code point 1 (grapheme precision).
    let boundary = egui::vec2(lam[0].min.x + 0.1, lam[0].center().y);
    assert_eq!(paragraph.hit_test(boundary), 1);
}

#[test]
fn lam_alef_ligature_regression_entity_after_lam_is_selectable() {
    // Noto Naskh draws لأ as lam + a zero-advance alef: both boundaries used to share one x.
    let paragraph = layout("لأمريكا", 500.0);
    let carets: Vec<f32> = (0..=7)
        .map(|cp| paragraph.caret_rect(cp).center().x)
        .collect();
    for pair in carets.windows(2) {
        assert!(
            pair[0] > pair[1] + 0.5,
            "carets strictly right to left: {carets:?}"
        );
    }
    for cp in 0..=7 {
        let caret = paragraph.caret_rect(cp);
        assert_eq!(paragraph.hit_test(caret.center().to_vec2()), cp);
    }
    let entity = paragraph.range_rects(1..7);
    assert_eq!(entity.len(), 1);
    assert!(
        entity[0].max.x > carets[2] + 0.5,
        "the alef is inside the highlight"
    );
}

#[test]
fn mixed_range_crossing_direction_change_gives_several_boxes() {
    let text = "قالت BBC 2024 إن";
    let paragraph = layout(text, 500.0);
    // From inside "قالت" into "BBC": two visually separate pieces.
    let rects = paragraph.range_rects(2..7);
    assert_eq!(rects.len(), 2, "{rects:?}");
}

#[test]
fn caret_hit_test_round_trip_arabic_and_latin() {
    for (text, width) in [
        (LONG_ARABIC, 280.0),
        ("The quick brown fox jumps over the lazy dog", 120.0),
    ] {
        let paragraph = layout(text, width);
        for cp in 0..=paragraph.char_len() {
            let caret = paragraph.caret_rect(cp);
            assert!(
                caret.is_finite() && caret.height() > 0.0,
                "caret {cp}: {caret:?}"
            );
            let back = paragraph.hit_test(caret.center().to_vec2());
            assert_eq!(
                back, cp,
                "{text:?}: caret of {cp} at {caret:?} hit-tests to {back}"
            );
        }
    }
}

#[test]
fn visual_movement_follows_display_direction() {
    let arabic = layout("مرحبا بكم", 500.0);
    assert_eq!(
        arabic.move_visual(0, false, false),
        Some(1),
        "left in RTL is forward"
    );
    assert_eq!(
        arabic.move_visual(0, true, false),
        None,
        "right edge of an RTL paragraph"
    );
    assert_eq!(
        arabic.move_visual(0, false, true),
        Some(5),
        "by word: to the end of the word"
    );
    let latin = layout("abc def", 500.0);
    assert_eq!(latin.move_visual(0, true, false), Some(1));
    assert_eq!(latin.move_visual(7, true, false), None);
    assert_eq!(latin.move_visual(0, false, false), None);
}

#[test]
fn vertical_movement_changes_line_and_stops_at_edges() {
    let paragraph = layout(LONG_ARABIC, 300.0);
    let lines = paragraph.visual_lines();
    let below = paragraph.move_vertical(0, true).expect("a line below");
    assert!(
        lines[1].range.contains(&below),
        "{below} not on line 1 {:?}",
        lines[1].range
    );
    assert_eq!(paragraph.move_vertical(0, false), None);
    assert_eq!(paragraph.move_vertical(paragraph.char_len(), true), None);
    let up = paragraph.move_vertical(below, false).unwrap();
    assert!(lines[0].range.contains(&up) || up == lines[0].range.end);
}

#[test]
fn word_range_follows_uax29() {
    let paragraph = layout("قالت BBC لروسيا", 500.0);
    assert_eq!(paragraph.word_range(1), 0..4);
    assert_eq!(paragraph.word_range(5), 5..8);
    assert_eq!(paragraph.word_range(11), 9..15, "لروسيا is one word");
    assert_eq!(paragraph.word_range(15), 9..15);
}

#[test]
fn emoji_and_empty_text_do_not_panic_and_take_space() {
    let paragraph = layout("قال 😀 ok", 500.0);
    let emoji = paragraph.range_rects(4..5);
    assert_eq!(emoji.len(), 1);
    assert!(emoji[0].width() > 1.0, "the emoji has a width");
    let empty = layout("", 500.0);
    assert_eq!(empty.char_len(), 0);
    assert!(empty.size().y > 0.0);
    assert_eq!(empty.hit_test(egui::vec2(10.0, 10.0)), 0);
    assert!(empty.caret_rect(0).is_finite());
}

#[test]
fn rebreak_changes_lines_without_losing_characters() {
    let mut paragraph = layout(LONG_ARABIC, 1000.0);
    let wide_lines = paragraph.line_count();
    paragraph.rebreak(200.0);
    assert!(paragraph.line_count() > wide_lines);
    assert_eq!(paragraph.size().x, 200.0);
    let total: usize = paragraph.visual_lines().iter().map(|l| l.chars.len()).sum();
    assert_eq!(total, paragraph.char_len());
}

#[test]
fn dump_covers_every_non_separator_code_point_once() {
    let text = "قالت BBC 2024 إن\r\nسطر ثان\n\nThird (ثالث) line";
    let mut out = Vec::new();
    dump_jsonl(text, 400.0, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    let mut seen = Vec::new();
    let mut paragraphs = std::collections::BTreeSet::new();
    for line in out.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        paragraphs.insert(value["paragraph"].as_u64().unwrap());
        assert!(value["line"].is_u64());
        let direction = value["direction"].as_str().unwrap();
        assert!(direction == "rtl" || direction == "ltr");
        seen.extend(
            value["chars"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_u64().unwrap() as usize),
        );
    }
    assert_eq!(paragraphs.len(), 4);
    seen.sort_unstable();
    let expected: Vec<usize> = split_paragraphs(text)
        .iter()
        .flat_map(|p| p.chars())
        .collect();
    assert_eq!(seen, expected);
    let mut engine = TextEngine::new();
    let lines = dump_lines(&mut engine, text, 400.0);
    assert_eq!(lines[0].direction, "rtl");
    assert_eq!(lines.last().unwrap().direction, "ltr");
    // The last paragraph starts at code point 27: 16 + "\r\n" + 7 + "\n" + "" + "\n".
    assert_eq!(lines.last().unwrap().chars[0], 27);
}

#[test]
fn paint_emits_one_textured_quad_per_inked_glyph() {
    let ctx = egui::Context::default();
    let mut engine = TextEngine::new();
    let paragraph = engine.layout_paragraph("قالت BBC", SIZE, 300.0);
    let output = ctx.run_ui(egui::RawInput::default(), |ui| {
        engine.paint(
            ui.ctx(),
            ui.painter(),
            &paragraph,
            egui::pos2(10.0, 20.0),
            egui::Color32::RED,
        );
    });
    let meshes: Vec<&egui::epaint::Mesh> = output
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Mesh(mesh) => Some(mesh.as_ref()),
            _ => None,
        })
        .collect();
    assert_eq!(meshes.len(), 1);
    let quads = meshes[0].vertices.len() / 4;
    // 4 Arabic letters + 3 Latin letters are inked; the space is not.
    assert_eq!(quads, 7);
    assert!(
        meshes[0]
            .vertices
            .iter()
            .all(|v| v.color == egui::Color32::RED)
    );
    let bounds = egui::Rect::from_min_size(egui::pos2(10.0, 20.0), paragraph.size()).expand(4.0);
    assert!(meshes[0].vertices.iter().all(|v| bounds.contains(v.pos)));
    let mut output = output;
    assert!(!output.textures_delta.set.is_empty(), "glyphs uploaded");
    output.textures_delta.clear();
}

#[test]
fn bidi_label_allocates_its_size_and_is_accessible() {
    let ctx = egui::Context::default();
    let mut response_rect = egui::Rect::NOTHING;
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        let response = qalam::text::bidi_label_ui(ui, "روسيا BBC", 14.0, egui::Color32::WHITE);
        response_rect = response.rect;
    });
    output.textures_delta.clear();
    assert!(
        response_rect.width() > 20.0 && response_rect.height() > 14.0,
        "{response_rect:?}"
    );
}

fn naive_cp_to_byte(text: &str, cp: usize) -> Option<usize> {
    if cp == text.chars().count() {
        return Some(text.len());
    }
    text.char_indices().nth(cp).map(|(b, _)| b)
}

proptest! {
    #[test]
    fn char_index_matches_naive_conversions(text in "[a-z ٠-٩ا-ي😀-😃é\u{064B}]{0,40}", probe in 0usize..200) {
        let index = CharIndex::new(&text);
        let chars = text.chars().count();
        prop_assert_eq!(index.char_len(), chars);
        prop_assert_eq!(index.utf16_len(), text.encode_utf16().count());
        prop_assert_eq!(index.cp_to_byte(probe), naive_cp_to_byte(&text, probe));
        let naive_byte_to_cp = if probe <= text.len() && text.is_char_boundary(probe) {
            Some(text[..probe].chars().count())
        } else {
            None
        };
        prop_assert_eq!(index.byte_to_cp(probe), naive_byte_to_cp);
        let naive_cp_to_utf16 = (probe <= chars).then(|| text.chars().take(probe).map(char::len_utf16).sum::<usize>());
        prop_assert_eq!(index.cp_to_utf16(probe), naive_cp_to_utf16);
        if let Some(unit) = naive_cp_to_utf16 {
            prop_assert_eq!(index.utf16_to_cp(unit), Some(probe));
        }
        for cp in 0..=chars {
            let byte = index.cp_to_byte(cp).unwrap();
            prop_assert_eq!(index.byte_to_cp(byte), Some(cp));
            prop_assert_eq!(index.byte_to_cp_floor(byte), cp);
        }
    }
}

/// Glyph ids drawn for the cluster starting at byte `byte`.
fn glyphs_at(paragraph: &ParagraphLayout, byte: usize) -> Vec<u32> {
    let layout = paragraph.parley();
    let cluster = parley::Cluster::from_byte_index(layout, byte).expect("cluster");
    cluster.glyphs().map(|g| g.id).collect()
}

#[test]
fn brackets_in_rtl_are_mirrored_glyphs() {
    let rtl = layout("(مرحبا)", 500.0);
    let ltr = layout("(abc)", 500.0);
    let ltr_open = glyphs_at(&ltr, 0);
    let ltr_close = glyphs_at(&ltr, 4);
    assert_ne!(ltr_open, ltr_close);
    // UAX #9 L4: in a right-to-left run "(" is drawn with the ")" glyph, and vice versa.
    assert_eq!(glyphs_at(&rtl, 0), ltr_close);
    assert_eq!(glyphs_at(&rtl, rtl.text().len() - 1), ltr_open);
}

#[test]
fn hit_test_never_splits_a_letter_from_its_harakat() {
    let text = "مَرْحَبًا بِكُمْ";
    let paragraph = layout(text, 500.0);
    let graphemes: Vec<usize> = {
        use unicode_segmentation::UnicodeSegmentation;
        let index = CharIndex::new(text);
        let mut bounds: Vec<usize> = text
            .grapheme_indices(true)
            .map(|(b, _)| index.byte_to_cp(b).unwrap())
            .collect();
        bounds.push(index.char_len());
        bounds
    };
    let line = &paragraph.visual_lines()[0];
    let mut x = line.rect.min.x - 5.0;
    while x < line.rect.max.x + 5.0 {
        let cp = paragraph.hit_test(egui::vec2(x, line.rect.center().y));
        assert!(graphemes.contains(&cp), "x={x}: {cp} is inside a grapheme");
        x += 0.5;
    }
    for &cp in &graphemes {
        let caret = paragraph.caret_rect(cp);
        assert_eq!(paragraph.hit_test(caret.center().to_vec2()), cp);
    }
}

#[test]
fn wrapped_mixed_lines_match_unicode_bidi_per_line() {
    let text = "قالت هيئة BBC في تقرير نشر يوم 12 أيار 2024 إن نسبة المشاركة بلغت 45% \
في العاصمة (موسكو) وفق موقع https://example.com/report وأضافت أن ٢٠٢٤ كان عاما صعبا على New York Times.";
    let paragraph = layout(text, 220.0);
    let info = BidiInfo::new(text, None);
    let para = &info.paragraphs[0];
    let index = CharIndex::new(text);
    let lines = paragraph.visual_lines();
    assert!(lines.len() >= 4);
    for line in &lines {
        let bytes = index.cp_range_to_bytes(line.range.clone()).unwrap();
        let (levels, runs) = info.visual_runs(para, bytes);
        let mut expected = Vec::new();
        for run in runs {
            let first = index.byte_to_cp(run.start).unwrap();
            let last = index.byte_to_cp(run.end).unwrap();
            if levels[run.start].is_rtl() {
                expected.extend((first..last).rev());
            } else {
                expected.extend(first..last);
            }
        }
        assert_eq!(line.chars, expected, "line {:?}", line.range);
    }
}

#[test]
fn full_atlas_resets_without_panic_and_keeps_painting() {
    let ctx = egui::Context::default();
    let mut engine = TextEngine::new();
    // Huge glyphs: far more than one 2048 × 2048 atlas holds.
    let huge = engine.layout_paragraph(LONG_ARABIC, 400.0, 20_000.0);
    let small = engine.layout_paragraph("قالت BBC", SIZE, 300.0);
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        engine.paint(
            ui.ctx(),
            ui.painter(),
            &huge,
            egui::Pos2::ZERO,
            egui::Color32::WHITE,
        );
    });
    output.textures_delta.clear();
    assert!(engine.atlas().resets() >= 1);
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        engine.paint(
            ui.ctx(),
            ui.painter(),
            &small,
            egui::Pos2::ZERO,
            egui::Color32::WHITE,
        );
    });
    output.textures_delta.clear();
    let quads: usize = output
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Mesh(mesh) => Some(mesh.vertices.len() / 4),
            _ => None,
        })
        .sum();
    assert_eq!(quads, 7);
}

#[test]
fn click_past_end_of_wrapped_line_stays_on_that_line() {
    for (text, width) in [
        (LONG_ARABIC, 300.0),
        (
            "The quick brown fox jumps over the lazy dog again and again",
            150.0,
        ),
    ] {
        let paragraph = layout(text, width);
        let lines = paragraph.visual_lines();
        let first = &lines[0];
        // Past the logical end of the first line: left of it for RTL, right of it for LTR.
        let x = if paragraph.is_rtl() {
            first.rect.min.x - 20.0
        } else {
            first.rect.max.x + 20.0
        };
        let cp = paragraph.hit_test(egui::vec2(x, first.rect.center().y));
        assert!(first.range.contains(&cp), "{cp} outside {:?}", first.range);
        assert_eq!(paragraph.line_of(cp), 0);
        assert_eq!(cp, first.range.end - 1, "before the trailing space");
    }
}

//! Every wrapped line against UAX #9 as `unicode-bidi` implements it, on the engine's own break
//! points: rule L1 (whitespace at a line's end back at the paragraph level) on soft breaks too,
//! for the layout, the layout dump, hit-testing geometry and highlights.

use qalam::text::layout_dump::dump_lines;
use qalam::text::paragraph::CARET_WIDTH;
use qalam::text::{CharIndex, ParagraphLayout, TextEngine};
use unicode_bidi::BidiInfo;

const SIZE: f32 = 16.0;

/// The sentence: wrapped after `لن`, the space after it belongs at the line's end.
const NATO: &str = "NATO Secretary General Mark Rutte said: \"لن نتراجع\" before leaving Brussels.";

/// Mixed Arabic/Latin paragraphs: quotes, parentheses, numbers (Western and Arabic-Indic),
/// percentages, times, a tab; both paragraph directions.
const PARAGRAPHS: &[&str] = &[
    NATO,
    "قال الأمين العام لحلف الناتو مارك روته إن \"NATO will not back down now\" قبل مغادرته بروكسل.",
    "ارتفعت الأسعار بنسبة 12.5% في عام 2024 مقارنة بـ 9% في 2023 (حسب تقرير World Bank Economic \
     Report 2024) وفق ما نشرته وكالة Reuters أمس.",
    "The ministers met in Riyadh (الرياض) on 12 May 2024 and said \"سنواصل العمل معا من أجل \
     السلام\" before the press conference ended at 5:30 pm.",
    "أعلنت شركة Apple Inc. عن أرباح بلغت 94.8 مليار دولار في الربع الثاني، بينما قالت Microsoft \
     Corporation إن مبيعاتها ارتفعت بنسبة ٧٪ خلال الفترة نفسها.",
    "Between 2019 and 2023 the population of عمّان grew from ٤٫٠ to ٤٫٣ million, according to \
     دائرة الإحصاءات العامة في الأردن (DoS) and the UN.",
    "زار الرئيس إيمانويل ماكرون (Emmanuel Macron) العاصمة الرياض يوم 3 كانون الأول 2024، والتقى \
     ولي العهد قبل أن يغادر إلى Paris عبر London.",
    "قائمة المصادر:\tBBC News\tالجزيرة نت\tReuters\tوكالة الأنباء",
];

/// Logical code points of `line` (code points of `text`) in display order, by `unicode-bidi`:
/// levels with rule L1 for exactly that line, runs reordered by L2, each right-to-left run listed
/// character by character, reversed.
fn reference_line_order(
    info: &BidiInfo,
    index: &CharIndex,
    line: std::ops::Range<usize>,
) -> Vec<usize> {
    let para = &info.paragraphs[0];
    let bytes = index
        .cp_range_to_bytes(line)
        .expect("line range inside the text");
    let (levels, runs) = info.visual_runs(para, bytes);
    let mut order = Vec::new();
    for run in runs {
        let first = index.byte_to_cp(run.start).expect("run start");
        let last = index.byte_to_cp(run.end).expect("run end");
        if levels[run.start].is_rtl() {
            order.extend((first..last).rev());
        } else {
            order.extend(first..last);
        }
    }
    order
}

/// Whether `line` ends in whitespace that a run of the other direction would hold without rule
/// L1 (the case the issue is about).
fn l1_moves_trailing_space(info: &BidiInfo, text: &str, index: &CharIndex, end: usize) -> bool {
    let Some(last) = end.checked_sub(1) else {
        return false;
    };
    let byte = index.cp_to_byte(last).expect("byte of the last code point");
    let is_space = text[byte..].chars().next().is_some_and(char::is_whitespace);
    is_space && info.levels[byte] != info.paragraphs[0].level
}

fn layout(text: &str, width: f32) -> ParagraphLayout {
    TextEngine::new().layout_paragraph(text, SIZE, width)
}

#[test]
fn every_wrapped_line_matches_unicode_bidi_reorder_line() {
    let mut engine = TextEngine::new();
    let mut lines_checked = 0;
    let mut l1_lines = 0;
    for text in PARAGRAPHS {
        let info = BidiInfo::new(text, None);
        let index = CharIndex::new(text);
        let mut paragraph = engine.layout_paragraph(text, SIZE, 180.0);
        for width in (180..=700).step_by(20) {
            paragraph.rebreak(width as f32);
            let lines = paragraph.visual_lines();
            let covered: usize = lines.iter().map(|line| line.range.len()).sum();
            assert_eq!(
                covered,
                index.char_len(),
                "{text:?} at {width}: lines cover the text"
            );
            for line in &lines {
                let expected = reference_line_order(&info, &index, line.range.clone());
                assert_eq!(
                    line.chars, expected,
                    "{text:?} at width {width}, line {:?}",
                    line.range
                );
                lines_checked += 1;
                let soft_break = line.range.end < index.char_len();
                if soft_break && l1_moves_trailing_space(&info, text, &index, line.range.end) {
                    l1_lines += 1;
                }
            }
        }
    }
    assert!(lines_checked > 500, "{lines_checked} lines");
    // The set must exercise rule L1 at soft breaks, or it proves nothing about it.
    assert!(
        l1_lines >= 4,
        "only {l1_lines} lines end in a space L1 moves"
    );
}

#[test]
fn layout_dump_lines_match_unicode_bidi_per_line() {
    // The dump (`qalam layout`) of several paragraphs at once: offsets into the whole text.
    let text = PARAGRAPHS.join("\n");
    let mut engine = TextEngine::new();
    for width in (180..=700).step_by(40) {
        let dump = dump_lines(&mut engine, &text, width as f32);
        let mut start = 0;
        for (number, paragraph) in PARAGRAPHS.iter().enumerate() {
            let info = BidiInfo::new(paragraph, None);
            let index = CharIndex::new(paragraph);
            let mut line_start = 0;
            for line in dump.iter().filter(|line| line.paragraph == number) {
                let line_end = line_start + line.chars.len();
                let expected: Vec<usize> =
                    reference_line_order(&info, &index, line_start..line_end)
                        .into_iter()
                        .map(|cp| cp + start)
                        .collect();
                assert_eq!(line.chars, expected, "paragraph {number} at {width}");
                line_start = line_end;
            }
            assert_eq!(line_start, index.char_len());
            start += index.char_len() + 1;
        }
    }
}

#[test]
fn highlight_boxes_and_hit_testing_follow_the_line_order() {
    for text in PARAGRAPHS {
        let index = CharIndex::new(text);
        for width in (180..=700).step_by(60) {
            let paragraph = layout(text, width as f32);
            for line in paragraph.visual_lines() {
                // Each character's highlight box lies left of the next one's in display order
                // (characters of one cluster share a box).
                let boxes: Vec<egui::Rect> = line
                    .chars
                    .iter()
                    .map(|&cp| {
                        let rects = paragraph.range_rects(cp..cp + 1);
                        assert_eq!(rects.len(), 1, "{text:?} at {width}: one box for {cp}");
                        rects[0]
                    })
                    .collect();
                for pair in boxes.windows(2) {
                    assert!(
                        pair[0].max.x <= pair[1].min.x + 0.01 || pair[0] == pair[1],
                        "{text:?} at {width}, line {:?}: boxes out of order {pair:?}",
                        line.range
                    );
                }
                // A click in the middle of a character's box lands on one of its boundaries.
                for (&cp, rect) in line.chars.iter().zip(&boxes) {
                    if rect.width() < 1.0 {
                        continue;
                    }
                    let left = paragraph.hit_test(egui::vec2(
                        rect.min.x + 0.25 * rect.width(),
                        rect.center().y,
                    ));
                    let right = paragraph.hit_test(egui::vec2(
                        rect.max.x - 0.25 * rect.width(),
                        rect.center().y,
                    ));
                    let near = |boundary: usize| {
                        boundary.abs_diff(cp) <= 2 || boundary.abs_diff(cp + 1) <= 2
                    };
                    assert!(
                        near(left) && near(right),
                        "{text:?} at {width}: clicks in the box of {cp} gave {left} and {right} \
                         (text length {})",
                        index.char_len()
                    );
                }
            }
        }
    }
}

/// A width at which the first line of `text` ends right after `prefix` (soft break).
fn width_breaking_after(text: &str, prefix: &str) -> (ParagraphLayout, usize) {
    let break_at = prefix.chars().count();
    let mut paragraph = layout(text, 100.0);
    for width in 100..=900 {
        paragraph.rebreak(width as f32);
        if paragraph.visual_lines()[0].range.end == break_at {
            return (paragraph, break_at);
        }
    }
    panic!("no width breaks {text:?} after {prefix:?}");
}

#[test]
fn regression_l1_trailing_space_at_soft_break_goes_to_line_end() {
    let prefix = "NATO Secretary General Mark Rutte said: \"لن ";
    let (paragraph, break_at) = width_breaking_after(NATO, prefix);
    let first = &paragraph.visual_lines()[0];
    let quote = prefix.chars().position(|c| c == '"').expect("quote");
    let (lam, nun, space) = (quote + 1, quote + 2, quote + 3);
    assert_eq!(space + 1, break_at);
    // Display order `said: "نل ` (UAX #9 L1), not `said: " نل`: the quote touches the Arabic word
    // and the space ends the line.
    assert_eq!(
        &first.chars[first.chars.len() - 4..],
        &[quote, nun, lam, space],
        "{:?}",
        first.chars
    );
    let rect = |range: std::ops::Range<usize>| {
        let rects = paragraph.range_rects(range);
        assert_eq!(rects.len(), 1, "{rects:?}");
        rects[0]
    };
    let quote_box = rect(quote..quote + 1);
    let word_box = rect(lam..nun + 1);
    let space_box = rect(space..space + 1);
    assert!(
        (quote_box.max.x - word_box.min.x).abs() < 0.01,
        "{quote_box:?} {word_box:?}"
    );
    assert!(
        (word_box.max.x - space_box.min.x).abs() < 0.01,
        "{word_box:?} {space_box:?}"
    );
    assert!(
        (space_box.max.x - first.rect.max.x).abs() < 0.01,
        "space at the line's end"
    );
    // The caret before the space sits right of the word, where the space starts (moved in by
    // its width when that is past the paragraph's right edge).
    let caret = paragraph.caret_rect(space);
    assert!(
        caret.min.x <= space_box.min.x + 0.01
            && caret.min.x >= space_box.min.x - CARET_WIDTH - 0.01,
        "{caret:?} {space_box:?}"
    );
    // A click past the end of the line stays on it, before the space.
    let past_end = paragraph.hit_test(egui::vec2(first.rect.max.x + 20.0, first.rect.center().y));
    assert_eq!(past_end, space);
}

#[test]
fn regression_l1_in_rtl_paragraph_latin_run_space_goes_to_left_end() {
    // In a right-to-left paragraph the space after a Latin word at a soft break belongs at the
    // line's left end, not between the Latin run and the Arabic before it.
    let text = PARAGRAPHS[1];
    let prefix = "قال الأمين العام لحلف الناتو مارك روته إن \"NATO will ";
    let (paragraph, _) = width_breaking_after(text, prefix);
    let first = &paragraph.visual_lines()[0];
    let space = prefix.chars().count() - 1;
    assert_eq!(first.chars[0], space, "{:?}", first.chars);
    let space_box = paragraph.range_rects(space..space + 1)[0];
    assert!((space_box.min.x - first.rect.min.x).abs() < 0.01);
}

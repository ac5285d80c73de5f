//! Criterion benches of the text engine: shaping + breaking a ~600-character Arabic paragraph,
//! re-breaking it at a new width, hit-testing, highlight boxes, painting it into an egui mesh, and
//! the code-point index; one egui pass with a focused Arabic text field (`BidiTextEdit`) against
//! the same pass with egui's plain field.

use criterion::{Criterion, criterion_group, criterion_main};
use qalam::text::{CharIndex, FieldLayout, TextEngine};
use qalam::ui::widgets::bidi_text_edit::BidiTextEdit;
use std::hint::black_box;

/// A ~600-character Arabic news paragraph with Latin and digits mixed in.
fn arabic_paragraph() -> String {
    let sentence = "قالت وزارة الخارجية الروسية في بيان اليوم إن وزير الخارجية سيرغي لافروف \
سيزور كوريا الشمالية الأسبوع المقبل، وفق ما نقلت BBC في 12 أيار 2024، لإجراء محادثات ";
    let mut text = String::new();
    while text.chars().count() < 600 {
        text.push_str(sentence);
    }
    text.chars().take(600).collect()
}

fn bench_text(c: &mut Criterion) {
    let text = arabic_paragraph();
    let mut engine = TextEngine::new();
    c.bench_function("layout_paragraph_600_chars_arabic", |b| {
        b.iter(|| black_box(engine.layout_paragraph(black_box(&text), 18.0, 700.0)))
    });
    let mut paragraph = engine.layout_paragraph(&text, 18.0, 700.0);
    let mut wide = false;
    c.bench_function("rebreak_600_chars_arabic", |b| {
        b.iter(|| {
            wide = !wide;
            paragraph.rebreak(if wide { 900.0 } else { 500.0 });
            black_box(paragraph.line_count())
        })
    });
    paragraph.rebreak(700.0);
    let size = paragraph.size();
    let points: Vec<egui::Vec2> = (0..64)
        .map(|i| {
            egui::vec2(
                (i * 37 % 100) as f32 / 100.0 * size.x,
                (i * 53 % 100) as f32 / 100.0 * size.y,
            )
        })
        .collect();
    c.bench_function("hit_test_64_points", |b| {
        b.iter(|| {
            for point in &points {
                black_box(paragraph.hit_test(*point));
            }
        })
    });
    c.bench_function("range_rects_200_chars", |b| {
        b.iter(|| black_box(paragraph.range_rects(black_box(150..350))))
    });
    let ctx = egui::Context::default();
    c.bench_function("paint_600_chars_warm_atlas_incl_egui_pass", |b| {
        b.iter(|| {
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
            black_box(output.shapes.len())
        })
    });
    c.bench_function("empty_egui_pass_baseline", |b| {
        b.iter(|| {
            let mut output = ctx.run_ui(egui::RawInput::default(), |_ui| {});
            output.textures_delta.clear();
            black_box(output.shapes.len())
        })
    });
    let document: String = std::iter::repeat_n(text.as_str(), 100)
        .collect::<Vec<_>>()
        .join("\n");
    c.bench_function("char_index_new_60k_chars", |b| {
        b.iter(|| black_box(CharIndex::new(black_box(&document))))
    });
}

/// One headless egui pass showing a focused one-line field with `text`, through
/// [`BidiTextEdit`] or egui's own `TextEdit`.
fn field_pass(ctx: &egui::Context, text: &mut String, bidi: bool) -> usize {
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        let id = ui.make_persistent_id(egui::IdSalt::new("bench_field"));
        ui.memory_mut(|m| m.request_focus(id));
        if bidi {
            ui.add(BidiTextEdit::singleline(text).id_salt("bench_field"));
        } else {
            ui.add(egui::TextEdit::singleline(text).id(id));
        }
    });
    output.textures_delta.clear();
    output.shapes.len()
}

fn bench_fields(c: &mut Criterion) {
    let pattern = "وزير الخارجية الروسي سيرغي لافروف";
    let mut engine = TextEngine::new();
    c.bench_function("field_layout_33_chars_arabic", |b| {
        b.iter(|| {
            black_box(FieldLayout::new(
                &mut engine,
                black_box(pattern),
                14.0,
                1.5,
                None,
            ))
        })
    });
    let ctx = egui::Context::default();
    qalam::ui::app::egui_fonts::install_egui_fonts(&ctx);
    let mut arabic = pattern.to_owned();
    c.bench_function("field_pass_bidi_text_edit_arabic", |b| {
        b.iter(|| black_box(field_pass(&ctx, &mut arabic, true)))
    });
    c.bench_function("field_pass_plain_text_edit_arabic", |b| {
        b.iter(|| black_box(field_pass(&ctx, &mut arabic, false)))
    });
}

criterion_group!(benches, bench_text, bench_fields);
criterion_main!(benches);

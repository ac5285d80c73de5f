//! Criterion benches of the text engine: shaping + breaking a ~600-character Arabic paragraph,
//! re-breaking it at a new width, hit-testing, highlight boxes, painting it into an egui mesh, and
//! the code-point index.

use criterion::{Criterion, criterion_group, criterion_main};
use qalam::text::{CharIndex, TextEngine};
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

criterion_group!(benches, bench_text);
criterion_main!(benches);

//! One search keystroke in the app, end to end: the search bar's query changes (typing or
//! deleting a letter of `لافروف`), [`SearchBar::refresh`] searches the document's cached
//! normalised text and hands the highlights to the view, and the view draws the next frame
//! (run + tessellate), headless, on 1 MiB of Arabic (the bundled sample repeated) with all folds
//! on. Target: ≤ 16 ms, within one frame. Percentiles are printed to stderr.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Pos2, RawInput, Rect, Vec2};
use qalam::ui::app::SAMPLE_TEXT;
use qalam::ui::app::open_document::OpenDocument;
use qalam::ui::panels::search_bar::SearchBar;
use qalam_core::model::{Annotation, Document};

fn megabyte() -> Annotation {
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 {
        text.push_str(SAMPLE_TEXT);
        text.push('\n');
    }
    Annotation::new(Document::new("bench", text))
}

fn input(time: f64) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1000.0, 800.0))),
        time: Some(time),
        ..Default::default()
    }
}

fn keystroke(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut doc = OpenDocument::new(megabyte(), None, None);
    let mut bar = SearchBar::default();
    bar.open(None);
    let mut time = 0.0;
    let mut frame = |doc: &mut OpenDocument| {
        time += 1.0 / 60.0;
        let (view, ann) = doc.view_and_annotation();
        let mut output = ctx.run_ui(input(time), |ui| {
            view.ui(ui, ann, None);
        });
        // No renderer: the glyph atlas's uploads are dropped.
        output.textures_delta.clear();
        let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
    };
    // The first search normalises the document (once per document and options).
    bar.pattern = "لافروف".to_owned();
    bar.refresh(&mut doc);
    frame(&mut doc);
    frame(&mut doc);
    assert!(bar.matches().len() > 100, "{}", bar.matches().len());
    let patterns = ["لافرو", "لافروف"];
    let mut all = Vec::new();
    let mut n = 0usize;
    c.bench_function("search_frame/keystroke_1mb", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                bar.pattern = patterns[n % 2].to_owned();
                let start = Instant::now();
                bar.refresh(&mut doc);
                frame(&mut doc);
                let t = start.elapsed();
                all.push(t);
                total += t;
            }
            total
        })
    });
    all.sort_unstable();
    if !all.is_empty() {
        let at = |q: f64| all[((all.len() as f64 - 1.0) * q) as usize].as_secs_f64() * 1e3;
        eprintln!(
            "search_frame/keystroke_1mb: {} frames, p50 {:.3} ms, p99 {:.3} ms",
            all.len(),
            at(0.5),
            at(0.99)
        );
    }
}

criterion_group!(benches, keystroke);
criterion_main!(benches);

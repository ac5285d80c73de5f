//! Benchmarks of the document view, headless through a bare `egui::Context`:
//! - first frame of a 1 MB Arabic document with 20k spans (target ≤ 150 ms),
//! - steady scrolling frames of that document and of a 10 KB one (target ≤ 4 ms at p99, and
//!   independent of the document's length),
//! - a drag frame: hit-test plus selection highlight update (target ≤ 2 ms).
//!
//! The text is built by repeating the tokens of the Wojood sample into paragraphs. Percentiles
//! of per-frame times are printed to stderr next to criterion's report.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Modifiers, PointerButton, Pos2, RawInput, Rect, Vec2};
use qalam::ui::document_view::DocumentView;
use qalam_core::model::{Annotation, Document};

const SCREEN: Vec2 = Vec2::new(1000.0, 800.0);
const LABELS: [&str; 4] = ["PERSON", "COUNTRY", "ORGANIZATION", "EVENT"];

/// Tokens of the Wojood sample, in order.
fn wojood_tokens() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/wojood/train.txt"
    );
    let raw = std::fs::read_to_string(path).expect("Wojood fixture");
    raw.lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|token| *token != "$#$")
        .map(str::to_owned)
        .collect()
}

/// About `bytes` of text: paragraphs of 60 tokens; `spans` one-token spans spread evenly, one in
/// ten wrapped in a three-token outer span (nesting).
fn document(bytes: usize, spans: usize) -> Annotation {
    let tokens = wojood_tokens();
    let mut text = String::with_capacity(bytes + 1024);
    let mut token_starts = Vec::new();
    let mut cp = 0;
    let mut i = 0;
    while text.len() < bytes {
        let token = &tokens[i % tokens.len()];
        if i > 0 {
            text.push(if i % 60 == 0 { '\n' } else { ' ' });
            cp += 1;
        }
        token_starts.push((cp, token.chars().count()));
        text.push_str(token);
        cp += token.chars().count();
        i += 1;
    }
    let step = (token_starts.len() / spans.max(1)).max(1);
    let mut list: Vec<(usize, usize, &str)> = Vec::with_capacity(spans);
    for (n, k) in (0..token_starts.len()).step_by(step).enumerate() {
        let (start, len) = token_starts[k];
        list.push((start, start + len, LABELS[n % 4]));
        if n % 10 == 0 && k + 2 < token_starts.len() && list.len() < spans {
            let (last_start, last_len) = token_starts[k + 2];
            list.push((start, last_start + last_len, "ORGANIZATION"));
        }
        if list.len() >= spans {
            break;
        }
    }
    Annotation::with_spans_unchecked(Document::new("bench", text), &list)
}

fn input(time: f64, events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
        time: Some(time),
        events,
        ..Default::default()
    }
}

/// A headless window showing one document view.
struct Bench {
    ctx: egui::Context,
    view: DocumentView,
    ann: Annotation,
    time: f64,
}

impl Bench {
    fn new(ann: Annotation) -> Self {
        Self {
            ctx: egui::Context::default(),
            view: DocumentView::new(),
            ann,
            time: 0.0,
        }
    }

    fn frame(&mut self, events: Vec<Event>) -> Duration {
        self.time += 1.0 / 60.0;
        let start = Instant::now();
        let (view, ann) = (&mut self.view, &self.ann);
        let output = self.ctx.run_ui(input(self.time, events), |ui| {
            view.ui(ui, ann, None);
        });
        // Tessellation is part of a real frame's cost.
        let _ = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        start.elapsed()
    }
}

fn percentiles(name: &str, mut times: Vec<Duration>) {
    if times.is_empty() {
        return; // filtered out
    }
    times.sort_unstable();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize];
    eprintln!(
        "{name}: {} frames, p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        times.len(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3
    );
}

fn first_frame(c: &mut Criterion) {
    let ann = document(1_000_000, 20_000);
    eprintln!(
        "1 MB document: {} bytes, {} code points, {} spans",
        ann.document().text().len(),
        ann.document().char_len(),
        ann.spans().len()
    );
    let mut group = c.benchmark_group("view");
    group.sample_size(10);
    group.bench_function("first_frame_1mb_20k_spans", |b| {
        b.iter_batched(
            || Bench::new(ann.clone()),
            |mut bench| bench.frame(Vec::new()),
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// Scrolls 60 points per frame, back to the top every `wrap_every` frames (2000: through
/// fresh paragraphs of the 1 MB text; 25: over the same 1500 points, all layouts cached).
fn scrolling(c: &mut Criterion, name: &str, ann: Annotation, wrap_every: u64) {
    let mut bench = Bench::new(ann);
    bench.frame(Vec::new());
    bench.frame(Vec::new());
    let mut all = Vec::new();
    let mut frames = 0u64;
    let mut group = c.benchmark_group("view");
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                frames += 1;
                if frames.is_multiple_of(wrap_every) {
                    bench.view.scroll_to(0);
                } else {
                    bench.view.scroll_by(60.0);
                }
                let t = bench.frame(Vec::new());
                all.push(t);
                total += t;
            }
            total
        })
    });
    group.finish();
    percentiles(name, all);
}

fn scroll_frames(c: &mut Criterion) {
    scrolling(c, "scroll_frame_1mb", document(1_000_000, 20_000), 2000);
    scrolling(
        c,
        "scroll_frame_1mb_cached_window",
        document(1_000_000, 20_000),
        25,
    );
    scrolling(
        c,
        "scroll_frame_10kb_cached_window",
        document(10_000, 200),
        25,
    );
}

/// Press in the view, then move the pointer every frame: hit-test plus selection highlight.
fn drag_frames(c: &mut Criterion) {
    let mut bench = Bench::new(document(1_000_000, 20_000));
    bench.view.scroll_to(500_000);
    bench.frame(Vec::new());
    bench.frame(Vec::new());
    let press = Pos2::new(SCREEN.x * 0.8, SCREEN.y * 0.3);
    bench.frame(vec![Event::PointerMoved(press)]);
    bench.frame(vec![Event::PointerButton {
        pos: press,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    }]);
    let mut all = Vec::new();
    let mut step = 0u32;
    let mut group = c.benchmark_group("view");
    group.bench_function("drag_select_frame_1mb", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                step = step.wrapping_add(1);
                let x = SCREEN.x * (0.1 + 0.8 * ((step % 37) as f32 / 37.0));
                let y = SCREEN.y * (0.3 + 0.4 * ((step % 11) as f32 / 11.0));
                let t = bench.frame(vec![Event::PointerMoved(Pos2::new(x, y))]);
                all.push(t);
                total += t;
            }
            total
        })
    });
    group.finish();
    assert!(
        bench.view.selection().is_some(),
        "dragging selected something"
    );
    percentiles("drag_select_frame_1mb", all);
}

criterion_group!(benches, first_frame, scroll_frames, drag_frames);
criterion_main!(benches);

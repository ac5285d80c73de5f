//! Benchmarks of the document view, headless through a bare `egui::Context`:
//! - first frame of a 1 MB Arabic document with 20k spans (target ≤ 150 ms),
//! - steady scrolling frames of that document and of a 10 KB one (target ≤ 4 ms at p99, and
//!   independent of the document's length),
//! - a drag frame: hit-test plus selection highlight update (target ≤ 2 ms),
//! - for comparison, in the same run: a plain egui `Label` of the same text in a `ScrollArea`
//!   (no bidi, no spans) scrolled the same way; the view's scrolling frame must cost no more
//!   than the label's on the 1 MB text, and ≤ 0.1 ms on the 10 KB text,
//! - tagging actions through the public API: select a visible word and `History::apply` an
//!   `Edit::AddSpan`, relabel a visible span, delete a visible span, each followed by the next
//!   view frame (run + tessellate), at 1 MB/20k spans, 1 MB/200 spans and 20 KB/200 spans
//!   (target ≤ 1 ms at 1 MB/20k spans, roughly independent of the number of spans).
//!
//! The text is built by repeating the tokens of the Wojood sample into paragraphs. Percentiles
//! of per-frame times are printed to stderr next to criterion's report.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Modifiers, PointerButton, Pos2, RawInput, Rect, Vec2};
use qalam::ui::document_view::DocumentView;
use qalam_core::model::{Annotation, Document, Edit, History, SpanId};

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
    /// Time of the last frame's `run_ui` alone (without tessellation).
    last_run: Duration,
}

impl Bench {
    fn new(ann: Annotation) -> Self {
        Self {
            ctx: egui::Context::default(),
            view: DocumentView::new(),
            ann,
            time: 0.0,
            last_run: Duration::ZERO,
        }
    }

    fn frame(&mut self, events: Vec<Event>) -> Duration {
        self.time += 1.0 / 60.0;
        let start = Instant::now();
        let (view, ann) = (&mut self.view, &self.ann);
        let output = self.ctx.run_ui(input(self.time, events), |ui| {
            view.ui(ui, ann, None);
        });
        self.last_run = start.elapsed();
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
        all.is_empty() || bench.view.selection().is_some(),
        "dragging selected something"
    );
    percentiles("drag_select_frame_1mb", all);
}

/// A headless window showing the text as one plain egui `Label` in a `ScrollArea`: what egui
/// itself costs for the same text, without bidi or spans.
struct LabelBench {
    ctx: egui::Context,
    text: String,
    offset: f32,
    time: f64,
}

impl LabelBench {
    fn frame(&mut self) -> Duration {
        self.time += 1.0 / 60.0;
        let start = Instant::now();
        let (text, offset) = (&self.text, self.offset);
        let output = self.ctx.run_ui(input(self.time, Vec::new()), |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .vertical_scroll_offset(offset)
                .show(ui, |ui| {
                    ui.label(text.as_str());
                });
        });
        let _ = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        start.elapsed()
    }
}

/// The plain label scrolled as [`scrolling`] scrolls the view.
fn label_scrolling(c: &mut Criterion, name: &str, text: String, wrap_every: u64) {
    let mut bench = LabelBench {
        ctx: egui::Context::default(),
        text,
        offset: 0.0,
        time: 0.0,
    };
    bench.frame();
    bench.frame();
    let mut all = Vec::new();
    let mut frames = 0u64;
    let mut group = c.benchmark_group("view");
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                frames += 1;
                if frames.is_multiple_of(wrap_every) {
                    bench.offset = 0.0;
                } else {
                    bench.offset += 60.0;
                }
                let t = bench.frame();
                all.push(t);
                total += t;
            }
            total
        })
    });
    group.finish();
    percentiles(name, all);
}

fn label_frames(c: &mut Criterion) {
    let text = |bytes| document(bytes, 0).document().text().to_owned();
    label_scrolling(c, "plain_label_scroll_frame_1mb", text(1_000_000), 2000);
    label_scrolling(
        c,
        "plain_label_scroll_frame_1mb_cached_window",
        text(1_000_000),
        25,
    );
    label_scrolling(
        c,
        "plain_label_scroll_frame_10kb_cached_window",
        text(10_000),
        25,
    );
}

/// A tagging action of the bench: what is timed, and how to return to the state before.
#[derive(Clone, Copy, Debug)]
enum Action {
    /// Select an untagged visible word and add a span over it.
    Tag,
    /// Relabel a visible span (to another label, then back on the next run).
    Relabel,
    /// Delete a visible span (undone, untimed, after each run).
    Delete,
}

/// Visible words (code-point ranges) around the middle of the text: untagged ones and tagged
/// ones (with their span id).
fn words_near(ann: &Annotation, around: usize) -> (Vec<(usize, usize)>, Vec<SpanId>) {
    let text = ann.document().text();
    let mut free = Vec::new();
    let mut tagged = Vec::new();
    let mut word_start = None;
    for (cp, ch) in text.chars().enumerate() {
        let is_space = ch.is_whitespace();
        if !is_space && word_start.is_none() {
            word_start = Some(cp);
        }
        if is_space && let Some(start) = word_start.take() {
            if start >= around {
                match ann.spans_in(start..cp).next() {
                    None => free.push((start, cp)),
                    Some(span) if span.start == start && span.end == cp => {
                        tagged.push(span.id);
                    }
                    Some(_) => {}
                }
            }
            if free.len() >= 20 && tagged.len() >= 20 {
                break;
            }
        }
    }
    (free, tagged)
}

/// One tagging action per iteration, timed from the edit to the end of the next frame.
fn tagging(c: &mut Criterion, name: &str, ann: Annotation, action: Action) {
    let around = ann.document().char_len() / 2;
    let (free, tagged) = words_near(&ann, around);
    assert!(
        !free.is_empty() && !tagged.is_empty(),
        "words to tag near {around}"
    );
    let mut bench = Bench::new(ann);
    bench.view.scroll_to(around);
    bench.frame(Vec::new());
    bench.frame(Vec::new());
    bench.frame(Vec::new());
    let mut history = History::new();
    let mut all = Vec::new();
    let mut edits = Vec::new();
    let mut runs = Vec::new();
    let mut step = 0usize;
    let mut group = c.benchmark_group("view");
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                step += 1;
                let start = Instant::now();
                let edit = match action {
                    Action::Tag => {
                        let (s, e) = free[step % free.len()];
                        bench.view.set_selection(Some(s..e));
                        Edit::AddSpan(bench.ann.new_span(s, e, LABELS[step % 4]))
                    }
                    Action::Relabel => Edit::Relabel {
                        id: tagged[step % tagged.len()],
                        label: LABELS[step % 4].to_owned(),
                    },
                    Action::Delete => Edit::RemoveSpan(tagged[step % tagged.len()]),
                };
                // A relabel to the label the span already has is refused: skip it.
                let applied = history.apply(&mut bench.ann, edit).is_ok();
                let elapsed = start.elapsed();
                let t = elapsed + bench.frame(Vec::new());
                if applied {
                    edits.push(elapsed);
                    runs.push(bench.last_run);
                    all.push(t);
                    total += t;
                } else {
                    total += t;
                }
                if applied && !matches!(action, Action::Relabel) {
                    history.undo(&mut bench.ann);
                    bench.view.set_selection(None);
                    bench.frame(Vec::new());
                }
            }
            total
        })
    });
    group.finish();
    percentiles(name, all);
    percentiles(&format!("{name} (History::apply alone)"), edits);
    percentiles(&format!("{name} (run_ui alone)"), runs);
}

fn tagging_actions(c: &mut Criterion) {
    let cases = [
        ("1mb_20k_spans", 1_000_000, 20_000),
        ("1mb_200_spans", 1_000_000, 200),
        ("20kb_200_spans", 20_000, 200),
    ];
    for (suffix, bytes, spans) in cases {
        let ann = document(bytes, spans);
        tagging(c, &format!("tag_{suffix}"), ann.clone(), Action::Tag);
        tagging(
            c,
            &format!("relabel_{suffix}"),
            ann.clone(),
            Action::Relabel,
        );
        tagging(c, &format!("delete_{suffix}"), ann, Action::Delete);
    }
}

criterion_group!(
    benches,
    first_frame,
    scroll_frames,
    label_frames,
    drag_frames,
    tagging_actions
);
criterion_main!(benches);

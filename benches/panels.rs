//! Frame time of the span list with 20k spans (sorted by position and by label): the list must
//! stay interactive on long, densely annotated articles.

use criterion::{Criterion, criterion_group, criterion_main};
use qalam::ui::panels::span_list::{SpanListState, SpanSort, span_list_ui, visible_rows};
use qalam_core::model::{Annotation, Document, Span, SpanId};

fn annotation_with_spans(count: usize) -> Annotation {
    let text = "زار بوتين لروسيا ".repeat(count);
    let mut parts = Annotation::new(Document::new("bench", text)).into_parts();
    let labels = ["PERSON", "COUNTRY", "ORGANIZATION", "EVENT"];
    let template = Span::new(SpanId(1), 0, 1, "PERSON", parts.created);
    parts.spans = (0..count)
        .map(|i| Span {
            id: SpanId(i as u64 + 1),
            start: i * 17 + 4,
            end: i * 17 + 9,
            label: labels[i % labels.len()].to_owned(),
            ..template.clone()
        })
        .collect();
    Annotation::from_parts(parts).expect("valid bench spans")
}

fn span_list_frame(c: &mut Criterion) {
    let ann = annotation_with_spans(20_000);
    for (name, sort) in [
        ("span_list_20k_by_position", SpanSort::Position),
        ("span_list_20k_by_label", SpanSort::Label),
    ] {
        let ctx = egui::Context::default();
        let mut state = SpanListState::default();
        state.sort = sort;
        let selected = ann.spans().get(10_000).map(|s| s.id);
        c.bench_function(name, |b| {
            b.iter(|| {
                let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                    let commands = span_list_ui(ui, &mut state, &ann, selected);
                    std::hint::black_box(commands);
                });
                output.textures_delta.clear();
            });
        });
    }
}

fn row_order(c: &mut Criterion) {
    let ann = annotation_with_spans(20_000);
    c.bench_function("visible_rows_20k_by_label", |b| {
        b.iter(|| visible_rows(&ann, SpanSort::Label, None));
    });
}

criterion_group!(benches, span_list_frame, row_order);
criterion_main!(benches);

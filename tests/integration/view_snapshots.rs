//! Image snapshots of the document view (cargo feature `snapshots`: rendered with wgpu on
//! Mesa's software Vulkan): the bundled sample article with nested and sub-word spans and a
//! selected span, and a mixed-direction text with Latin, digits, brackets and a URL.
//! Images live in `tests/snapshots/`; `UPDATE_SNAPSHOTS=1` rewrites them.

use egui::Vec2;
use egui_kittest::Harness;
use qalam::ui::document_view::DocumentView;
use qalam_core::model::{Annotation, Document, SpanId};

/// Code-point range of the `nth` occurrence of `needle` in `text`.
fn find(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (byte, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in text"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn annotation(text: &str, spans: &[((usize, usize), &str)]) -> Annotation {
    let spans: Vec<(usize, usize, &str)> = spans
        .iter()
        .map(|&((start, end), label)| (start, end, label))
        .collect();
    Annotation::with_spans_unchecked(Document::new("snapshot", text), &spans)
}

fn snapshot(name: &str, ann: Annotation, selected: Option<SpanId>, size: Vec2) {
    let mut view = DocumentView::new();
    view.set_text_size(22.0);
    let mut harness = Harness::builder().with_size(size).build_ui_state(
        move |ui, view: &mut DocumentView| {
            view.ui(ui, &ann, selected);
        },
        view,
    );
    harness.run();
    harness.snapshot(name);
}

#[test]
fn snapshot_sample_article_with_spans() {
    let text = include_str!("../../assets/kim-lavrov-wonsan.ar.txt");
    let ann = annotation(
        text,
        &[
            (find(text, "بيونغ يانغ", 0), "COUNTRY"),
            (find(text, "موسكو", 0), "COUNTRY"),
            (find(text, "كيم جونغ أون", 0), "PERSON"),
            // The entity after the proclitic ل: letters must stay joined.
            (find(text, "روسيا", 0), "COUNTRY"),
            (find(text, "أوكرانيا", 0), "COUNTRY"),
            // Nested: ORGANIZATION around COUNTRY.
            (find(text, "وزير الخارجية الروسي", 0), "ORGANIZATION"),
            (find(text, "الروسي", 0), "COUNTRY"),
            (find(text, "سيرغي لافروف", 0), "PERSON"),
            (find(text, "لافروف", 1), "PERSON"),
            (find(text, "كورسك", 0), "EVENT"),
        ],
    );
    // The selected span is drawn with an outline.
    snapshot(
        "view_sample_article",
        ann,
        Some(SpanId(8)),
        Vec2::new(720.0, 560.0),
    );
}

#[test]
fn snapshot_mixed_direction_text() {
    let text = "قالت BBC في 2024 إن 45% من (المشاركين) زاروا https://example.com/a?b=1 وعددهم ٢٠٢٤.\n\
                The report by الجزيرة (Al Jazeera) cites كيم جونغ أون twice, in 2023 and 2024.\n\
                رقم الهاتف +1 (555) 123-4567، والبريد info@example.org.";
    let ann = annotation(
        text,
        &[
            (find(text, "BBC", 0), "ORGANIZATION"),
            (find(text, "الجزيرة", 0), "ORGANIZATION"),
            (find(text, "Al Jazeera", 0), "ORGANIZATION"),
            (find(text, "كيم جونغ أون", 0), "PERSON"),
        ],
    );
    snapshot(
        "view_mixed_direction",
        ann,
        Some(SpanId(2)),
        Vec2::new(640.0, 320.0),
    );
}

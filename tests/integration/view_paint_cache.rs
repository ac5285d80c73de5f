//! The document view keeps painted paragraphs between frames and moves them when scrolling.
//! These tests check that what it paints from that cache is exactly what a fresh view paints:
//! after scrolling away and back, and after each kind of span edit made through the history
//! (tag, relabel, resize, delete, nest, undo), with the selection and the outlined span
//! changing too. Frames run headless through a bare `egui::Context` and are compared after
//! tessellation, vertex by vertex (positions and colours; texture coordinates differ between
//! two views' glyph atlases), leaving out the scroll bar at the right edge (its handle depends
//! on how many paragraphs each view has measured).

use egui::{Pos2, RawInput, Rect, Vec2};
use qalam::ui::document_view::DocumentView;
use qalam_core::model::notation::parse;
use qalam_core::model::{Annotation, Document, Edit, History, SpanId};

const SCREEN: Vec2 = Vec2::new(700.0, 500.0);
/// Vertices right of this are the scroll bar's (the text column ends 12 points from the edge).
const SCROLL_BAR_X: f32 = SCREEN.x - 11.0;

/// One view in its own headless window.
struct Window {
    ctx: egui::Context,
    view: DocumentView,
    time: f64,
}

/// What one frame drew: per clipped primitive, its vertices' positions and colours.
type Drawn = Vec<Vec<(Pos2, egui::Color32)>>;

impl Window {
    fn new() -> Self {
        Self {
            ctx: egui::Context::default(),
            view: DocumentView::new(),
            time: 0.0,
        }
    }

    fn frame(&mut self, ann: &Annotation, selected: Option<SpanId>) -> Drawn {
        self.time += 0.05;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
            time: Some(self.time),
            ..Default::default()
        };
        let view = &mut self.view;
        let mut output = self.ctx.run_ui(input, |ui| {
            view.ui(ui, ann, selected);
        });
        output.textures_delta.clear(); // no renderer here
        self.ctx
            .tessellate(output.shapes, output.pixels_per_point)
            .into_iter()
            .map(|clipped| match clipped.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh
                    .vertices
                    .iter()
                    .filter(|v| v.pos.x < SCROLL_BAR_X)
                    .map(|v| (v.pos, v.color))
                    .collect(),
                egui::epaint::Primitive::Callback(_) => Vec::new(),
            })
            .collect()
    }
}

/// What a view that never painted before draws for `ann` at the top, with `selection`.
fn fresh(
    ann: &Annotation,
    selection: Option<std::ops::Range<usize>>,
    selected: Option<SpanId>,
) -> Drawn {
    let mut window = Window::new();
    window.view.set_selection(selection);
    window.frame(ann, selected);
    window.frame(ann, selected)
}

#[track_caller]
fn assert_same(step: &str, got: &Drawn, expected: &Drawn) {
    assert_eq!(got.len(), expected.len(), "{step}: number of primitives");
    for (i, (a, b)) in got.iter().zip(expected).enumerate() {
        assert_eq!(a.len(), b.len(), "{step}: vertices of primitive {i}");
        assert!(a == b, "{step}: primitive {i} differs");
    }
}

/// Sixty short paragraphs, `زار [بوتين|PERSON] ل[روسيا|COUNTRY]` style, some spans nested.
fn article() -> Annotation {
    let paragraph = "زار [بوتين|PERSON] ل[روسيا|COUNTRY] واجتمع مع [وزير [الخارجية|ORGANIZATION]|PERSON] في [موسكو|COUNTRY] يوم الاثنين";
    let notation = vec![paragraph; 60].join("\n");
    let (text, spans) = parse(&notation).expect("notation");
    let spans: Vec<(usize, usize, &str)> = spans
        .iter()
        .map(|(start, end, label)| (*start, *end, label.as_str()))
        .collect();
    Annotation::with_spans_unchecked(Document::new("cache", text), &spans)
}

#[test]
fn scrolling_away_and_back_repaints_exactly_what_a_fresh_view_paints() {
    let ann = article();
    let mut window = Window::new();
    window.frame(&ann, None);
    let at_top = window.frame(&ann, None);
    assert_same("first frames", &at_top, &fresh(&ann, None, None));
    for _ in 0..5 {
        window.view.scroll_by(60.0);
        window.frame(&ann, None);
        window.frame(&ann, None);
        assert_eq!(window.view.paragraphs_shaped_last_frame(), 0);
        assert!(
            window.view.paragraphs_reused_last_frame() > 0,
            "a scrolled frame moves painted paragraphs"
        );
    }
    window.view.scroll_to(0);
    window.frame(&ann, None);
    let back = window.frame(&ann, None);
    assert!(window.view.paragraphs_reused_last_frame() > 0);
    assert_same("scrolled back to the top", &back, &fresh(&ann, None, None));
}

#[test]
fn every_span_edit_repaints_what_a_fresh_view_paints() {
    let mut ann = article();
    let mut history = History::new();
    let mut window = Window::new();
    window.frame(&ann, None);
    window.frame(&ann, None);
    let word = |ann: &Annotation, needle: &str, nth: usize| {
        let text = ann.document().text();
        let (byte, _) = text.match_indices(needle).nth(nth).expect("word in text");
        let start = text[..byte].chars().count();
        start..start + needle.chars().count()
    };

    // Tag: select a word, add a span over it.
    let range = word(&ann, "واجتمع", 1);
    window.view.set_selection(Some(range.clone()));
    let span = ann.new_span(range.start, range.end, "EVENT");
    let tagged = span.id;
    history.apply(&mut ann, Edit::AddSpan(span)).expect("tag");
    let drawn = window.frame(&ann, None);
    assert!(
        window.view.paragraphs_reused_last_frame() > 0,
        "untouched paragraphs are reused"
    );
    assert_same("tag", &drawn, &fresh(&ann, Some(range.clone()), None));

    // The new span gets selected (outlined), the text selection goes.
    window.view.set_selection(None);
    let drawn = window.frame(&ann, Some(tagged));
    assert_same("outline", &drawn, &fresh(&ann, None, Some(tagged)));

    let edits = [
        (
            "relabel",
            Edit::Relabel {
                id: tagged,
                label: "PERSON".to_owned(),
            },
        ),
        (
            "resize",
            Edit::SetBounds {
                id: tagged,
                start: range.start,
                end: range.end + 3,
            },
        ),
        (
            "nest",
            Edit::AddSpan(ann.new_span(range.start + 1, range.start + 4, "COUNTRY")),
        ),
        ("delete other", Edit::RemoveSpan(SpanId(2))),
        ("delete", Edit::RemoveSpan(tagged)),
    ];
    for (step, edit) in edits {
        history.apply(&mut ann, edit).expect(step);
        let drawn = window.frame(&ann, Some(tagged));
        assert_same(step, &drawn, &fresh(&ann, None, Some(tagged)));
    }
    while history.undo(&mut ann) {
        let drawn = window.frame(&ann, None);
        assert_same("undo", &drawn, &fresh(&ann, None, None));
    }
}

/// A fresh view showing `ann` with these search highlights.
fn fresh_with_search(
    ann: &Annotation,
    matches: &[std::ops::Range<usize>],
    current: Option<usize>,
) -> Drawn {
    let mut window = Window::new();
    window.view.set_search_matches(matches.to_vec(), current);
    window.frame(ann, None);
    window.frame(ann, None)
}

#[test]
fn search_highlights_are_painted_and_their_changes_repaint_exactly() {
    let ann = article();
    // The first eight بوتين of the article.
    let text = ann.document().text();
    let matches: Vec<std::ops::Range<usize>> = text
        .match_indices("بوتين")
        .take(8)
        .map(|(byte, _)| {
            let start = text[..byte].chars().count();
            start..start + 5
        })
        .collect();
    let mut window = Window::new();
    window.frame(&ann, None);
    let plain = window.frame(&ann, None);

    window.view.set_search_matches(matches.clone(), Some(0));
    let highlighted = window.frame(&ann, None);
    assert!(highlighted != plain, "the matches are painted");
    assert_same(
        "matches",
        &highlighted,
        &fresh_with_search(&ann, &matches, Some(0)),
    );

    // Stepping repaints only what changed, exactly as a fresh view would paint it.
    window.view.set_search_current(Some(3));
    let stepped = window.frame(&ann, None);
    assert!(window.view.paragraphs_reused_last_frame() > 0);
    assert!(stepped != highlighted, "the current match moved");
    assert_same(
        "current",
        &stepped,
        &fresh_with_search(&ann, &matches, Some(3)),
    );

    window.view.set_search_matches(Vec::new(), None);
    let cleared = window.frame(&ann, None);
    assert_same("cleared", &cleared, &plain);
}

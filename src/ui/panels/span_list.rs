//! The span list (side panel): every span with its text, label, `[start, end)` position and
//! review decision (once there is one),
//! sortable by position or label and filterable by label. Clicking a row selects the span and
//! scrolls the document to it. Only visible rows are drawn (`ScrollArea::show_rows`), so 20k
//! spans stay fast.

use egui::{Align, Layout, Role, Sense, UiBuilder, Vec2, WidgetInfo};

use qalam_core::model::{Annotation, ReviewState, Span, SpanId};

use crate::ui::commands::AppMessage;
use crate::ui::panels::label_palette::label_color;
use crate::ui::panels::span_text::{span_excerpt, span_text_ui};

/// Order of the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SpanSort {
    /// Text order: by start, then end.
    #[default]
    Position,
    /// Grouped by label in palette order, then text order.
    Label,
}

/// State the span list keeps between frames.
#[derive(Debug, Default)]
pub struct SpanListState {
    /// Row order.
    pub sort: SpanSort,
    /// Show only spans with this label (`None`: all).
    pub filter: Option<String>,
    last_selected: Option<SpanId>,
    /// Scroll offset and height of the list's viewport in the last frame.
    viewport: (f32, f32),
}

/// The accessible name of a span's row: its excerpt, label and position, e.g.
/// `روسيا — COUNTRY [11, 16)`, and its review state once reviewed:
/// `روسيا — COUNTRY [11, 16) — rejected`.
pub fn span_row_label(excerpt: &str, span: &Span) -> String {
    let row = format!("{excerpt} — {} [{}, {})", span.label, span.start, span.end);
    match span.review_state() {
        ReviewState::Undecided => row,
        state => format!("{row} — {}", state.title()),
    }
}

/// The short word a reviewed row shows, and its hover text (who decided, and why).
fn review_word(span: &Span) -> Option<(&'static str, String)> {
    let review = span.review.as_ref()?;
    let word = match span.review_state() {
        ReviewState::Undecided => return None,
        ReviewState::Accepted => "accepted",
        ReviewState::Rejected => "rejected",
        ReviewState::Fixed => "fixed",
        ReviewState::ChangedSinceReview => "changed",
    };
    let mut hover = format!("{} by {}", review.decision.name(), review.reviewer);
    if let Some(reason) = &review.reason {
        hover.push_str(": ");
        hover.push_str(reason);
    }
    if span.review_state() == ReviewState::ChangedSinceReview {
        hover.push_str(" (changed since: awaiting re-review)");
    }
    Some((word, hover))
}

/// Indices into `ann.spans` of the rows to show, in display order.
pub fn visible_rows(ann: &Annotation, sort: SpanSort, filter: Option<&str>) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..ann.spans().len())
        .filter(|&i| filter.is_none_or(|label| ann.spans()[i].label == label))
        .collect();
    if sort == SpanSort::Label {
        // Sort by (label position, span index): spans are in text order, so ties stay in text
        // order. Each label is looked up once per span, not once per comparison.
        let mut keyed: Vec<(usize, usize)> = rows
            .iter()
            .map(|&i| {
                let label = &ann.spans()[i].label;
                (ann.labels().position(label).unwrap_or(usize::MAX), i)
            })
            .collect();
        keyed.sort_unstable();
        rows = keyed.into_iter().map(|(_, i)| i).collect();
    }
    rows
}

/// Draws the span list and returns `SelectSpan` for a clicked row.
pub fn span_list_ui(
    ui: &mut egui::Ui,
    state: &mut SpanListState,
    ann: &Annotation,
    selected: Option<SpanId>,
) -> Vec<AppMessage> {
    let mut messages = Vec::new();
    ui.heading("Spans");
    controls_ui(ui, state, ann);
    if state
        .filter
        .as_deref()
        .is_some_and(|label| ann.labels().get(label).is_none())
    {
        state.filter = None;
    }

    let rows = visible_rows(ann, state.sort, state.filter.as_deref());
    ui.weak(format!("{} of {} spans", rows.len(), ann.spans().len()));
    ui.separator();

    let text_size = ui.text_style_height(&egui::TextStyle::Body);
    let row_height = text_size + 6.0;
    let spacing = ui.spacing().item_spacing.y;
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt("span list")
        .auto_shrink([false, false]);
    let row_stride = row_height + spacing;
    if selected != state.last_selected {
        state.last_selected = selected;
        if let Some(row) =
            selected.and_then(|id| rows.iter().position(|&i| ann.spans()[i].id == id))
        {
            let top = row as f32 * row_stride;
            let (offset, height) = state.viewport;
            if top < offset || top + row_height > offset + height {
                // Bring the row into view a few rows below the top, without scrolling past
                // the end (which would spring back over several frames).
                let content_height = rows.len() as f32 * row_stride - spacing;
                let max_offset = (content_height - ui.available_height()).max(0.0);
                let wanted = top - 3.0 * row_stride;
                scroll = scroll.vertical_scroll_offset(wanted.clamp(0.0, max_offset));
            }
        }
    }
    let output = scroll.show_rows(ui, row_height, rows.len(), |ui, visible| {
        for &index in &rows[visible] {
            let span = &ann.spans()[index];
            if span_row_ui(ui, ann, span, selected == Some(span.id), row_height) {
                messages.push(AppMessage::SelectSpan(Some(span.id)));
            }
        }
    });
    state.viewport = (output.state.clamped_offset().y, output.inner_rect.height());
    messages
}

fn controls_ui(ui: &mut egui::Ui, state: &mut SpanListState, ann: &Annotation) {
    ui.horizontal(|ui| {
        ui.label("Sort:");
        ui.selectable_value(&mut state.sort, SpanSort::Position, "By position");
        ui.selectable_value(&mut state.sort, SpanSort::Label, "By label");
    });
    let shown = match &state.filter {
        Some(label) => format!("Only {label}"),
        None => "All labels".to_owned(),
    };
    // A caption before the selector, as "Sort:" has: after it, egui's label read as a button.
    ui.horizontal(|ui| {
        let caption = ui.label("Show:");
        egui::ComboBox::from_id_salt("span_list_filter")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter, None, "All labels");
                for label in &ann.labels().labels {
                    let name = Some(label.name.clone());
                    ui.selectable_value(&mut state.filter, name, format!("Only {}", label.name));
                }
            })
            .response
            .labelled_by(caption.id);
    });
}

/// One clickable row; returns whether it was clicked.
fn span_row_ui(
    ui: &mut egui::Ui,
    ann: &Annotation,
    span: &Span,
    is_selected: bool,
    row_height: f32,
) -> bool {
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(ui.available_width(), row_height), Sense::click());
    let excerpt = span_excerpt(ann.document(), span.start..span.end);
    let visuals = ui.style().interact_selectable(&response, is_selected);
    if is_selected || response.hovered() {
        ui.painter().rect_filled(rect, 3.0, visuals.weak_bg_fill);
    }
    let color = ann
        .labels()
        .get(&span.label)
        .map_or(ui.visuals().weak_text_color(), label_color);
    let swatch = egui::Rect::from_min_size(
        rect.min + Vec2::new(2.0, 3.0),
        Vec2::new(4.0, rect.height() - 6.0),
    );
    ui.painter().rect_filled(swatch, 1.0, color);

    let mut child = ui.new_child(
        UiBuilder::new()
            .max_rect(rect.shrink2(Vec2::new(10.0, 0.0)))
            .layout(Layout::right_to_left(Align::Center)),
    );
    let plain = |text: egui::RichText| egui::Label::new(text).selectable(false);
    child.add(plain(
        egui::RichText::new(format!("[{}, {})", span.start, span.end)).weak(),
    ));
    child.add(plain(egui::RichText::new(&span.label)));
    if let Some((word, hover)) = review_word(span) {
        let text = egui::RichText::new(word);
        let text = if word == "rejected" {
            text.color(ui.visuals().error_fg_color).strikethrough()
        } else {
            text.weak()
        };
        child.add(plain(text)).on_hover_text(hover);
    }
    if span.note.is_some() {
        child
            .add(plain(egui::RichText::new("note").weak()))
            .on_hover_text("This span has a note");
    }
    child.with_layout(Layout::left_to_right(Align::Center), |ui| {
        let size = ui.text_style_height(&egui::TextStyle::Body);
        span_text_ui(ui, &excerpt, size, visuals.text_color());
    });

    response.widget_info(|| {
        WidgetInfo::selected(
            Role::ListBoxOption,
            true,
            is_selected,
            span_row_label(&excerpt, span),
        )
    });
    response.clicked()
}

#[cfg(test)]
mod tests {
    use super::*;
    use qalam_core::model::Document;

    fn annotation() -> Annotation {
        let mut ann = Annotation::new(Document::new("t", "abcdefghij"));
        for (start, end, label) in [
            (0, 1, "EVENT"),
            (2, 3, "PERSON"),
            (4, 5, "EVENT"),
            (6, 7, "COUNTRY"),
        ] {
            let span = ann.new_span(start, end, label);
            ann.apply(qalam_core::model::Edit::AddSpan(span)).unwrap();
        }
        ann
    }

    #[test]
    fn rows_sort_by_label_in_palette_order_then_position() {
        let ann = annotation();
        let starts = |rows: Vec<usize>| {
            rows.iter()
                .map(|&i| ann.spans()[i].start)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            starts(visible_rows(&ann, SpanSort::Position, None)),
            vec![0, 2, 4, 6]
        );
        assert_eq!(
            starts(visible_rows(&ann, SpanSort::Label, None)),
            vec![2, 6, 0, 4]
        );
        assert_eq!(
            starts(visible_rows(&ann, SpanSort::Position, Some("EVENT"))),
            vec![0, 4]
        );
    }

    #[test]
    fn row_label_names_text_label_and_position() {
        let ann = annotation();
        assert_eq!(span_row_label("c", &ann.spans()[1]), "c — PERSON [2, 3)");
    }
}

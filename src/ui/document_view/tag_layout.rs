//! Where the label tags of a paragraph's spans go, so each is readable in full and none covers
//! another tag or the line above.
//!
//! A tag sits at its span's start side, at the top of the span's box on its line: inside its
//! own line box, so it never reaches down over the boxes and underline bars of the line above.
//! It may be wider than a short span (a tag on `مصر` still reads `COUNTRY`) and then extends in
//! the span's reading direction. Tags are placed in reading order: one that would overlap an
//! already placed tag on the same line moves along, in its reading direction, past it. Only a
//! tag that then runs out of column is given a width to be shortened to.

use egui::{Color32, CornerRadius, Rect, Vec2, pos2};

use crate::text::engine::TextEngine;
use crate::text::label::fit_label;
use qalam_core::model::SpanId;

/// Horizontal room kept between two tags on a line, in points.
pub const TAG_GAP: f32 = 2.0;

/// One tag to place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TagRequest {
    /// The span's box on the line of its start (lane inset applied), in screen points.
    pub run_box: Rect,
    /// The run reads right to left: the tag hangs from the box's right edge and extends left.
    pub rtl: bool,
    /// The tag's size with its whole name.
    pub size: Vec2,
}

/// Where one tag goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TagPlacement {
    /// The tag's rectangle on screen.
    pub rect: Rect,
    /// Whether the whole name fits in `rect`; otherwise the name must be shortened to its
    /// width.
    pub full: bool,
}

/// A span's tag waiting to be placed and painted.
#[derive(Debug, Clone)]
pub struct PendingTag {
    /// The span.
    pub id: SpanId,
    /// Its label's whole name.
    pub name: String,
    /// Its label's colour (the tag's background).
    pub color: Color32,
    /// Where it would like to go.
    pub request: TagRequest,
}

/// One paragraph's tags with what placing and painting them needs.
#[derive(Debug, Clone)]
pub struct PendingTags {
    /// The tags.
    pub tags: Vec<PendingTag>,
    /// The horizontal range tags must stay in (the view's width).
    pub column: egui::Rangef,
    /// The paragraph reads right to left.
    pub rtl: bool,
    /// Font size of the tags' text.
    pub font_size: f32,
}

/// A tag as painted in the last frame (for tests and tooltips).
#[derive(Debug, Clone, PartialEq)]
pub struct PaintedTag {
    /// The span it labels.
    pub id: SpanId,
    /// The text shown (the label's name, or its shortened form with "…").
    pub text: String,
    /// Its rectangle on screen.
    pub rect: Rect,
}

/// Places one paragraph's tags ([`place_tags`]) and paints them, each a rounded box in its
/// label's colour with the name in white; records them in `painted`.
pub(super) fn paint_tags(
    engine: &mut TextEngine,
    painted: &mut Vec<PaintedTag>,
    ctx: &egui::Context,
    painter: &super::paint_cache::Recorder,
    pending: PendingTags,
) {
    let requests: Vec<TagRequest> = pending.tags.iter().map(|tag| tag.request).collect();
    let placements = place_tags(&requests, pending.column, pending.rtl);
    for (tag, placement) in pending.tags.into_iter().zip(placements) {
        let margin = (tag.request.size.x - engine.label_size(&tag.name, pending.font_size).x) / 2.0;
        let text = if placement.full {
            tag.name
        } else {
            let room = placement.rect.width() - 2.0 * margin;
            fit_label(engine, &tag.name, pending.font_size, room)
        };
        let rect = placement.rect;
        if rect.width() <= 2.0 * margin {
            continue;
        }
        painter.rect_filled(rect, CornerRadius::same(3), tag.color);
        let text_size = engine.label_size(&text, pending.font_size);
        let offset = Vec2::new(margin, (rect.height() - text_size.y) / 2.0);
        engine.paint_label(
            ctx,
            painter,
            &text,
            pending.font_size,
            rect.min + offset,
            Color32::WHITE,
        );
        painted.push(PaintedTag {
            id: tag.id,
            text,
            rect,
        });
    }
}

/// Places `requests` (one paragraph's tags, in any order) within the horizontal range
/// `column`, in the reading order of a paragraph that is right to left when `rtl`; returns one
/// placement per request, in the same order.
pub fn place_tags(requests: &[TagRequest], column: egui::Rangef, rtl: bool) -> Vec<TagPlacement> {
    let mut order: Vec<usize> = (0..requests.len()).collect();
    // Line by line from the top; on a line in reading order.
    let reading = |request: &TagRequest| {
        if rtl {
            -start_x(request)
        } else {
            start_x(request)
        }
    };
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&requests[a], &requests[b]);
        ra.run_box
            .top()
            .total_cmp(&rb.run_box.top())
            .then_with(|| reading(ra).total_cmp(&reading(rb)))
    });
    let mut placed: Vec<Option<TagPlacement>> = vec![None; requests.len()];
    let mut on_line: Vec<Rect> = Vec::new();
    let mut line_top = f32::NAN;
    for index in order {
        let request = &requests[index];
        let top = request.run_box.top();
        if (top - line_top).abs() > request.size.y * 0.5 || line_top.is_nan() {
            // Tags of different lines never meet: each stays in its own line box.
            on_line.clear();
            line_top = top;
        }
        let placement = place_one(request, &on_line, column);
        on_line.push(placement.rect);
        placed[index] = Some(placement);
    }
    placed
        .into_iter()
        .zip(requests)
        .map(|(placement, request)| {
            placement.unwrap_or(TagPlacement {
                rect: at_start(request, start_x(request)),
                full: true,
            })
        })
        .collect()
}

/// The x of the span box's start side.
fn start_x(request: &TagRequest) -> f32 {
    if request.rtl {
        request.run_box.right()
    } else {
        request.run_box.left()
    }
}

/// The tag hanging from x `start` (its right edge for right-to-left, else its left edge), at
/// the top of the span's box.
fn at_start(request: &TagRequest, start: f32) -> Rect {
    let x = if request.rtl {
        start - request.size.x
    } else {
        start
    };
    Rect::from_min_size(pos2(x, request.run_box.top()), request.size)
}

/// Whether two tags of one line are closer than [`TAG_GAP`] (or overlap) horizontally.
fn crowds(a: &Rect, b: &Rect) -> bool {
    const EPSILON: f32 = 0.01;
    a.left() < b.right() + TAG_GAP - EPSILON && b.left() < a.right() + TAG_GAP - EPSILON
}

fn place_one(request: &TagRequest, others: &[Rect], column: egui::Rangef) -> TagPlacement {
    let dir = if request.rtl { -1.0 } else { 1.0 };
    // Not past the column's far end: pulled back towards the span's start when needed.
    let mut start = start_x(request);
    let end = start + dir * request.size.x;
    if request.rtl && end < column.min {
        start += column.min - end;
    } else if !request.rtl && end > column.max {
        start -= end - column.max;
    }
    let mut rect = at_start(request, start);
    // Past every tag it would overlap, in reading direction.
    let mut moved = true;
    while moved {
        moved = false;
        for other in others {
            if crowds(&rect, other) {
                start = if request.rtl {
                    other.left() - TAG_GAP
                } else {
                    other.right() + TAG_GAP
                };
                rect = at_start(request, start);
                moved = true;
            }
        }
    }
    if rect.left() >= column.min - 0.5 && rect.right() <= column.max + 0.5 {
        return TagPlacement { rect, full: true };
    }
    // Pushed out of the column: shortened to what is left of it from where it starts.
    let width = if request.rtl {
        start - column.min
    } else {
        column.max - start
    }
    .max(0.0);
    let x = if request.rtl { start - width } else { start };
    TagPlacement {
        rect: Rect::from_min_size(
            pos2(x, request.run_box.top()),
            Vec2::new(width, request.size.y),
        ),
        full: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMN: egui::Rangef = egui::Rangef {
        min: 0.0,
        max: 400.0,
    };

    /// A right-to-left span box from `x0` to `x1` on the line whose top is `top`, tagged with a
    /// name `width` points wide.
    fn rtl(x0: f32, x1: f32, top: f32, width: f32) -> TagRequest {
        TagRequest {
            run_box: Rect::from_x_y_ranges(x0..=x1, top..=top + 36.0),
            rtl: true,
            size: Vec2::new(width, 10.0),
        }
    }

    #[test]
    fn a_tag_wider_than_its_short_span_keeps_its_whole_name() {
        let placed = place_tags(&[rtl(300.0, 320.0, 0.0, 50.0)], COLUMN, true);
        assert!(placed[0].full);
        assert_eq!(
            placed[0].rect.right(),
            320.0,
            "hangs from the span's start (right)"
        );
        assert_eq!(placed[0].rect.width(), 50.0);
        assert_eq!(placed[0].rect.top(), 0.0, "inside its own line box");
    }

    #[test]
    fn neighbouring_short_spans_get_whole_tags_that_do_not_overlap() {
        // Two 25-point spans 8 points apart, both tagged COUNTRY (50 points).
        let requests = [rtl(267.0, 292.0, 0.0, 50.0), rtl(300.0, 325.0, 0.0, 50.0)];
        let placed = place_tags(&requests, COLUMN, true);
        assert!(placed.iter().all(|p| p.full), "{placed:?}");
        assert!(!placed[0].rect.intersects(placed[1].rect), "{placed:?}");
        // The first in reading order (the right one) stays; the left one moves left past it,
        // still over part of its span.
        assert_eq!(placed[1].rect.right(), 325.0);
        assert!(placed[0].rect.right() <= placed[1].rect.left() - TAG_GAP + 0.01);
        assert!(
            placed[0]
                .rect
                .x_range()
                .intersection(requests[0].run_box.x_range())
                .span()
                > 0.0
        );
    }

    #[test]
    fn tags_on_different_lines_do_not_push_each_other() {
        let requests = [rtl(300.0, 320.0, 0.0, 50.0), rtl(300.0, 320.0, 36.0, 50.0)];
        let placed = place_tags(&requests, COLUMN, true);
        assert_eq!(placed[0].rect.right(), 320.0);
        assert_eq!(placed[1].rect.right(), 320.0);
        assert_eq!(placed[1].rect.top(), 36.0);
    }

    #[test]
    fn a_tag_at_the_columns_end_is_pulled_back_inside() {
        let placed = place_tags(&[rtl(5.0, 30.0, 0.0, 50.0)], COLUMN, true);
        assert!(placed[0].full);
        assert_eq!(placed[0].rect.left(), 0.0);
    }

    #[test]
    fn a_tag_pushed_out_of_the_column_is_shortened_to_the_room_left() {
        // Near the line's end, a long tag on the first span leaves the second little room.
        let requests = [rtl(20.0, 60.0, 0.0, 45.0), rtl(2.0, 12.0, 0.0, 50.0)];
        let placed = place_tags(&requests, COLUMN, true);
        assert!(placed[0].full);
        assert!(!placed[1].full, "{placed:?}");
        assert!(!placed[0].rect.intersects(placed[1].rect));
        assert!(placed[1].rect.left() >= 0.0);
    }

    #[test]
    fn left_to_right_tags_extend_rightwards_in_reading_order() {
        let ltr = |x0: f32, x1: f32| TagRequest {
            rtl: false,
            ..rtl(x0, x1, 0.0, 50.0)
        };
        let placed = place_tags(&[ltr(100.0, 120.0), ltr(80.0, 95.0)], COLUMN, false);
        assert_eq!(placed[1].rect.left(), 80.0, "first in reading order stays");
        assert!(placed[0].rect.left() >= placed[1].rect.right() + TAG_GAP - 0.01);
        assert!(placed.iter().all(|p| p.full));
    }
}

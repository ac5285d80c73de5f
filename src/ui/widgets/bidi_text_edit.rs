//! [`BidiTextEdit`]: an `egui::TextEdit` that shows right-to-left text correctly.
//!
//! egui has no bidi algorithm and no Arabic shaping, so Arabic typed into a plain `TextEdit`
//! shows as isolated letters left to right. This widget keeps the `TextEdit` for everything it
//! does well (focus, IME, keyboard editing, clipboard, undo, the accessible node) and, while the
//! text holds a right-to-left character:
//!
//! - paints the `TextEdit`'s own text, selection and caret invisibly (a transparent text colour
//!   and, for this one widget, transparent `selection` and `text_cursor` visuals; the focus
//!   outline, which egui draws in the selection stroke, is drawn again by us);
//! - paints over the field the engine's layout of the same text ([`FieldLayout`]: shaped, each
//!   paragraph's direction from its first strong character, lines in UAX #9 order), clipped to
//!   the field, with the selection boxes and the caret from the engine's geometry at the visual
//!   position of the logical index;
//! - maps mouse presses, drags and double-clicks with the engine's hit-testing and stores the
//!   result in the `TextEditState` (egui's own mapping uses its unordered galley);
//! - moves the caret with ←/→ visually (Ctrl/Alt: by word, Shift: extending the selection).
//!
//! Plain left-to-right text is shown by the `TextEdit` exactly as without this widget. When an
//! edit changes which of the two it is, the pass is discarded and drawn again, so the wrong
//! rendering never reaches the screen.
//!
//! Limitations: one-line text wider than its field is scrolled by this widget (keeping the
//! caret visible; right-to-left text is right-aligned, and shows its beginning when not
//! focused); the caret does not blink; text being composed in an input method is not
//! underlined (egui's underline is hidden with its text); a
//! multi-line field's wrapping is the engine's, so its height is raised to fit the engine's
//! lines (measured at the width of the previous frame).

use std::sync::Arc;

use egui::text::{CCursor, CCursorRange};
use egui::{Color32, Id, Key, Rect, Response, Stroke, StrokeKind, Ui};

use super::bidi_text::has_right_to_left;
use crate::text::label::LABEL_LINE_HEIGHT_FACTOR;
use crate::text::{FieldLayout, TextEngine, shared_engine};

/// What the overlay of one field showed in the last pass that drew it (for tests: the engine's
/// visual order, where the caret and selection were painted).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldOverlay {
    /// `Id::value()` of the field: the same number as its accessibility node id.
    pub id: u64,
    /// The pass (`Context::cumulative_pass_nr`) that painted it.
    pub pass: u64,
    /// The field's rectangle on screen.
    pub rect: Rect,
    /// Each visual line's code points, left to right as painted.
    pub visual_chars: Vec<Vec<usize>>,
    /// Where the text's top-left was painted.
    pub origin: egui::Pos2,
    /// The caret as painted, when the field has focus.
    pub caret: Option<Rect>,
    /// The selection boxes as painted.
    pub selection: Vec<Rect>,
}

/// The overlay painted for the field whose accessibility node id is `node_id` in the latest
/// pass, if it was drawn through the engine in that pass.
pub fn painted_overlay(ctx: &egui::Context, node_id: u64) -> Option<FieldOverlay> {
    let pass = ctx.cumulative_pass_nr();
    ctx.data(|d| d.get_temp::<FieldOverlay>(overlay_key(node_id)))
        .filter(|overlay| overlay.pass + 1 >= pass)
}

fn overlay_key(node_id: u64) -> Id {
    Id::unique(("qalam::bidi_text_edit::overlay", node_id))
}

/// A text field whose right-to-left text is drawn by the engine. Build it with
/// [`Self::singleline`] or [`Self::multiline`] and add it with `ui.add`.
pub struct BidiTextEdit<'t> {
    text: &'t mut String,
    multiline: bool,
    hint_text: Option<String>,
    desired_width: Option<f32>,
    desired_rows: Option<usize>,
    min_size: egui::Vec2,
    id_salt: Option<egui::IdSalt>,
}

impl<'t> BidiTextEdit<'t> {
    /// A one-line field (as `egui::TextEdit::singleline`).
    pub fn singleline(text: &'t mut String) -> Self {
        Self {
            text,
            multiline: false,
            hint_text: None,
            desired_width: None,
            desired_rows: None,
            min_size: egui::Vec2::ZERO,
            id_salt: None,
        }
    }

    /// A multi-line field (as `egui::TextEdit::multiline`); paragraphs wrap at its width.
    pub fn multiline(text: &'t mut String) -> Self {
        Self {
            multiline: true,
            ..Self::singleline(text)
        }
    }

    /// The greyed text shown while the field is empty (also its accessible placeholder).
    pub fn hint_text(mut self, hint: impl Into<String>) -> Self {
        self.hint_text = Some(hint.into());
        self
    }

    /// Width of the field in points (`f32::INFINITY`: all available).
    pub fn desired_width(mut self, width: f32) -> Self {
        self.desired_width = Some(width);
        self
    }

    /// Rows a multi-line field shows at least.
    pub fn desired_rows(mut self, rows: usize) -> Self {
        self.desired_rows = Some(rows);
        self
    }

    /// The smallest size of the field (as `egui::TextEdit::min_size`).
    pub fn min_size(mut self, size: egui::Vec2) -> Self {
        self.min_size = size;
        self
    }

    /// A stable id for the field's state, `ui.make_persistent_id(IdSalt::new(salt))`
    /// (otherwise the next automatic id of `ui`).
    pub fn id_salt(mut self, salt: impl egui::AsIdSalt) -> Self {
        self.id_salt = Some(egui::IdSalt::new(salt));
        self
    }

    fn show(self, ui: &mut Ui) -> Response {
        let id = match self.id_salt {
            Some(salt) => ui.make_persistent_id(salt),
            None => {
                let id = ui.next_auto_id();
                ui.skip_ahead_auto_ids(1);
                id
            }
        };
        let style = FieldStyle::of(ui, self.multiline);
        let rtl_before = has_right_to_left(self.text);
        let memory = FieldMemory::load(ui.ctx(), id);
        let engine = shared_engine(ui.ctx());

        if rtl_before && ui.memory(|m| m.has_focus(id)) {
            let layout = style.layout(ui.ctx(), id, &engine, self.text, memory.wrap_width);
            move_caret_visually(ui, id, &layout);
        }

        // A multi-line field grows to the engine's lines (measured at last frame's width).
        let min_height = (rtl_before && self.multiline && memory.wrap_width.is_some()).then(|| {
            let layout = style.layout(ui.ctx(), id, &engine, self.text, memory.wrap_width);
            layout.size().y + ui.spacing().button_padding.y * 2.0
        });
        let mut edit = if self.multiline {
            egui::TextEdit::multiline(self.text)
        } else {
            egui::TextEdit::singleline(self.text)
        }
        .id(id)
        .min_size(self.min_size);
        if let Some(hint) = &self.hint_text {
            edit = edit.hint_text(hint.as_str());
        }
        if let Some(width) = self.desired_width {
            edit = edit.desired_width(width);
        }
        if let Some(rows) = self.desired_rows {
            edit = edit.desired_rows(rows);
        }
        let saved = ui.visuals().clone();
        if rtl_before {
            edit = edit.text_color(Color32::TRANSPARENT);
            if let Some(height) = min_height {
                edit = edit.min_size(egui::vec2(self.min_size.x, height.max(self.min_size.y)));
            }
            let visuals = ui.visuals_mut();
            visuals.selection.bg_fill = Color32::TRANSPARENT;
            visuals.selection.stroke.color = Color32::TRANSPARENT;
            visuals.text_cursor.stroke.color = Color32::TRANSPARENT;
            visuals.text_cursor.preview = false;
            // egui underlines text being composed where its own galley has it.
            visuals.ime_composition.active_underline_stroke.color = Color32::TRANSPARENT;
            visuals.ime_composition.inactive_underline_stroke.color = Color32::TRANSPARENT;
        }
        let output = edit.show(ui);
        *ui.visuals_mut() = saved;
        let response = output.response.response.clone();

        let rtl_after = has_right_to_left(self.text);
        if rtl_after != rtl_before {
            // This pass painted the text the wrong way: draw it again.
            ui.ctx()
                .request_discard("a text field's text changed direction");
            ui.ctx().request_repaint();
        }
        if !rtl_before || !rtl_after {
            return response;
        }
        let overlay = Overlay {
            id,
            style,
            // egui's text rectangle is only as wide as its own galley: use the field's inside.
            inner: response
                .rect
                .shrink2(ui.spacing().button_padding)
                .intersect(response.rect.shrink(1.0)),
            state: output.state,
            memory,
        };
        overlay.show(ui, &engine, self.text, &response);
        response
    }
}

impl egui::Widget for BidiTextEdit<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        self.show(ui)
    }
}

fn lock(engine: &std::sync::Mutex<TextEngine>) -> std::sync::MutexGuard<'_, TextEngine> {
    match engine.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}

/// Font and line height of the field's text.
#[derive(Clone, Copy, Debug)]
struct FieldStyle {
    font_size: f32,
    line_height_factor: f32,
    multiline: bool,
}

impl FieldStyle {
    fn of(ui: &Ui, multiline: bool) -> Self {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let line_height_factor = if multiline {
            // Rows as high as egui's, so the field's own height fits the engine's lines.
            let row = ui.fonts_mut(|f| f.row_height(&font));
            (row / font.size.max(1.0)).max(1.0)
        } else {
            LABEL_LINE_HEIGHT_FACTOR
        };
        Self {
            font_size: font.size,
            line_height_factor,
            multiline,
        }
    }

    /// The field's layout of `text`, kept between frames (per field) until the text, the
    /// style or the wrap width changes.
    fn layout(
        &self,
        ctx: &egui::Context,
        id: Id,
        engine: &std::sync::Mutex<TextEngine>,
        text: &str,
        wrap_width: Option<f32>,
    ) -> Arc<FieldLayout> {
        let wrap = if self.multiline {
            Some(wrap_width.unwrap_or(f32::MAX))
        } else {
            None
        };
        let key = LayoutKey {
            text: text.to_owned(),
            font_size: self.font_size.to_bits(),
            line_height_factor: self.line_height_factor.to_bits(),
            wrap: wrap.map(f32::to_bits),
        };
        let cache_id = id.with("qalam::bidi_text_edit::layout");
        let cached: Option<(LayoutKey, Arc<FieldLayout>)> = ctx.data(|d| d.get_temp(cache_id));
        if let Some((cached_key, layout)) = cached
            && cached_key == key
        {
            return layout;
        }
        let layout = Arc::new(FieldLayout::new(
            &mut lock(engine),
            text,
            self.font_size,
            self.line_height_factor,
            wrap,
        ));
        ctx.data_mut(|d| d.insert_temp(cache_id, (key, Arc::clone(&layout))));
        layout
    }
}

/// What a field's cached layout was made from.
#[derive(Clone, Debug, PartialEq, Eq)]
struct LayoutKey {
    text: String,
    font_size: u32,
    line_height_factor: u32,
    wrap: Option<u32>,
}

/// What the widget remembers between frames, beside egui's `TextEditState`.
#[derive(Clone, Copy, Debug, Default)]
struct FieldMemory {
    /// Horizontal scroll of a one-line field's content, in points (positive: moved right).
    offset: f32,
    /// The wrap width of a multi-line field in the last frame.
    wrap_width: Option<f32>,
}

impl FieldMemory {
    fn key(id: Id) -> Id {
        id.with("qalam::bidi_text_edit::memory")
    }

    fn load(ctx: &egui::Context, id: Id) -> Self {
        ctx.data(|d| d.get_temp(Self::key(id))).unwrap_or_default()
    }

    fn store(self, ctx: &egui::Context, id: Id) {
        ctx.data_mut(|d| d.insert_temp(Self::key(id), self));
    }
}

/// Takes ←/→ presses meant for the focused field and moves its caret visually in `layout`.
fn move_caret_visually(ui: &mut Ui, id: Id, layout: &FieldLayout) {
    let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), id) else {
        return;
    };
    let Some(mut range) = state.cursor.char_range() else {
        return;
    };
    let mut moved = false;
    ui.input_mut(|input| {
        input.events.retain(|event| {
            let egui::Event::Key {
                key: key @ (Key::ArrowLeft | Key::ArrowRight),
                pressed: true,
                modifiers,
                ..
            } = event
            else {
                return true;
            };
            if modifiers.command && !modifiers.ctrl {
                // Cmd+←/→ on a Mac: line start/end, left to egui.
                return true;
            }
            let to_right = *key == Key::ArrowRight;
            let by_word = modifiers.ctrl || modifiers.alt;
            let [low, high] = range.sorted_cursors().map(|c| c.index.0);
            let from = range.primary.index.0;
            let target = if !modifiers.shift && low != high {
                // Collapse a selection to its visual side.
                let (low_x, high_x) = (
                    layout.caret_rect(low).center().x,
                    layout.caret_rect(high).center().x,
                );
                if (low_x < high_x) == to_right {
                    high
                } else {
                    low
                }
            } else {
                layout.move_visual(from, to_right, by_word).unwrap_or(from)
            };
            let caret = CCursor::new(target);
            range = if modifiers.shift {
                CCursorRange::two(range.secondary, caret)
            } else {
                CCursorRange::one(caret)
            };
            moved = true;
            false
        });
    });
    if moved {
        state.cursor.set_char_range(Some(range));
        egui::TextEdit::store_state(ui.ctx(), id, state);
    }
}

/// One pass of the engine's drawing over a field that holds right-to-left text.
struct Overlay {
    id: Id,
    style: FieldStyle,
    inner: Rect,
    state: egui::text_edit::TextEditState,
    memory: FieldMemory,
}

impl Overlay {
    fn show(
        mut self,
        ui: &Ui,
        engine: &std::sync::Mutex<TextEngine>,
        text: &str,
        response: &Response,
    ) {
        let wrap_width = self.style.multiline.then_some(self.inner.width().max(1.0));
        let layout = self
            .style
            .layout(ui.ctx(), self.id, engine, text, wrap_width);
        let mut engine = lock(engine);
        self.memory.wrap_width = wrap_width;
        let has_focus = ui.memory(|m| m.has_focus(self.id));

        // Where the text sits before scrolling.
        let natural = if self.style.multiline {
            self.inner.min
        } else {
            let x = if layout.is_rtl() {
                self.inner.right() - layout.size().x
            } else {
                self.inner.left()
            };
            egui::pos2(x, self.inner.center().y - layout.size().y / 2.0)
        };
        // A click maps through the offset of the frame the user saw.
        self.pointer(
            ui,
            response,
            &layout,
            natural + egui::vec2(self.memory.offset, 0.0),
        );
        let range = self.state.cursor.char_range();
        if !self.style.multiline {
            self.memory.offset = self.scroll(&layout, natural, range, has_focus);
        }
        let origin = natural + egui::vec2(self.memory.offset, 0.0);

        let clip = Rect::from_x_y_ranges(
            self.inner.x_range().expand(1.0),
            response.rect.y_range().shrink(1.0),
        );
        let painter = ui.painter_at(clip);
        let visuals = ui.visuals();
        let mut selection = Vec::new();
        let mut caret = None;
        if has_focus && let Some(range) = range {
            let [a, b] = range.sorted_cursors().map(|c| c.index.0);
            selection = layout
                .selection_rects(a..b)
                .into_iter()
                .map(|r| r.translate(origin.to_vec2()))
                .collect();
            for rect in &selection {
                painter.rect_filled(*rect, 0.0, visuals.selection.bg_fill);
            }
            caret = Some(
                layout
                    .caret_rect(range.primary.index.0)
                    .translate(origin.to_vec2()),
            );
        }
        let color = visuals
            .override_text_color
            .unwrap_or_else(|| visuals.widgets.inactive.text_color());
        layout.paint(&mut engine, ui.ctx(), &painter, origin, color);
        if let Some(rect) = caret {
            let stroke = visuals.text_cursor.stroke;
            let x = rect.center().x;
            painter.line_segment(
                [egui::pos2(x, rect.top()), egui::pos2(x, rect.bottom())],
                Stroke::new(stroke.width.max(1.0), stroke.color),
            );
        }
        if let Some(rect) = caret
            && ui.memory(|m| m.owns_ime_events(self.id))
        {
            // The input method's candidate window goes by our caret, not egui's.
            let to_global = ui
                .ctx()
                .layer_transform_to_global(ui.layer_id())
                .unwrap_or_default();
            ui.output_mut(|o| {
                if let Some(ime) = o.ime.as_mut() {
                    ime.cursor_rect = to_global * rect;
                }
            });
        }
        if has_focus {
            // egui drew its focus outline in the (transparent) selection stroke.
            ui.painter().rect_stroke(
                response.rect,
                visuals.widgets.active.corner_radius,
                visuals.selection.stroke,
                StrokeKind::Inside,
            );
        }

        let pass = ui.ctx().cumulative_pass_nr();
        let overlay = FieldOverlay {
            id: self.id.value(),
            pass,
            rect: response.rect,
            visual_chars: layout.visual_chars(),
            origin,
            caret,
            selection,
        };
        ui.ctx()
            .data_mut(|d| d.insert_temp(overlay_key(self.id.value()), overlay));
        self.memory.store(ui.ctx(), self.id);
    }

    /// Presses, drags and double-clicks on the field, mapped with the engine's hit-testing
    /// (text drawn from `origin`) and stored in the field's state.
    fn pointer(&mut self, ui: &Ui, response: &Response, layout: &FieldLayout, origin: egui::Pos2) {
        let Some(pos) = response.interact_pointer_pos() else {
            return;
        };
        let hit = CCursor::new(layout.hit_test(pos - origin));
        let shift = ui.input(|i| i.modifiers.shift);
        let current = self.state.cursor.char_range();
        let new_range = if response.double_clicked() && !shift {
            let word = layout.word_range(hit.index.0);
            CCursorRange::two(CCursor::new(word.start), CCursor::new(word.end))
        } else if response.triple_clicked() && !shift {
            return;
        } else if response.hovered() && ui.input(|i| i.pointer.any_pressed()) {
            match current {
                Some(range) if shift => CCursorRange::two(range.secondary, hit),
                _ => CCursorRange::one(hit),
            }
        } else if ui.ctx().is_being_dragged(response.id) {
            match current {
                Some(range) => CCursorRange::two(range.secondary, hit),
                None => CCursorRange::one(hit),
            }
        } else {
            return;
        };
        self.state.cursor.set_char_range(Some(new_range));
        self.state.clone().store(ui.ctx(), self.id);
    }

    /// The horizontal offset of a one-line field's content that keeps the caret visible, moved
    /// as little as possible from the last frame's; 0 when the text fits or the field is not
    /// focused (the beginning of the text shows).
    fn scroll(
        &self,
        layout: &FieldLayout,
        natural: egui::Pos2,
        range: Option<CCursorRange>,
        has_focus: bool,
    ) -> f32 {
        let overflow = layout.size().x - self.inner.width();
        let (Some(range), true, true) = (range, has_focus, overflow > 0.0) else {
            return 0.0;
        };
        let caret = natural.x + layout.caret_rect(range.primary.index.0).center().x;
        let mut offset = self.memory.offset;
        let x = caret + offset;
        if x < self.inner.left() {
            offset += self.inner.left() - x;
        } else if x > self.inner.right() {
            offset -= x - self.inner.right();
        }
        // Never leave empty room inside the field on the side the text overflows.
        if layout.is_rtl() {
            offset.clamp(0.0, overflow)
        } else {
            offset.clamp(-overflow, 0.0)
        }
    }
}

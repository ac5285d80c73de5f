//! Short texts that may hold Arabic (file names, selection excerpts, messages quoting them) in
//! egui widgets. egui shapes Arabic but does not reorder it, so a multi-word right-to-left run
//! comes out in reverse word order; texts with right-to-left characters go through
//! [`bidi_label_ui`] instead, plain left-to-right texts stay ordinary egui labels (which wrap).

use crate::text::{bidi_label_ui, shared_engine};

/// Whether `text` holds a right-to-left character (Hebrew, Arabic, Syriac, Thaana, NKo, ...,
/// and their presentation forms), i.e. whether egui alone would draw it in the wrong order.
pub fn has_right_to_left(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c,
            '\u{0590}'..='\u{08FF}'
            | '\u{FB1D}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
            | '\u{10800}'..='\u{10FFF}'
            | '\u{1E800}'..='\u{1EFFF}')
    })
}

/// Body text size of `ui`'s style, in points.
fn body_size(ui: &egui::Ui) -> f32 {
    egui::TextStyle::Body.resolve(ui.style()).size
}

/// A label for `text` in `color` (the normal text color when `None`): an egui label for
/// left-to-right text, [`bidi_label_ui`] (one line) when it holds right-to-left characters.
/// Either way the accessible name is `text`.
pub fn text_label_ui(
    ui: &mut egui::Ui,
    text: &str,
    color: Option<egui::Color32>,
) -> egui::Response {
    if has_right_to_left(text) {
        let color = color.unwrap_or_else(|| ui.visuals().text_color());
        bidi_label_ui(ui, text, body_size(ui), color)
    } else {
        match color {
            Some(color) => ui.label(egui::RichText::new(text).color(color)),
            None => ui.label(text),
        }
    }
}

/// A one-line label for `text` that never runs past the width left in the row: a text too long
/// is cut with "…" (its end, in logical order) and shown whole on hover. Right-to-left text goes
/// through [`bidi_label_ui`] as in [`text_label_ui`]. The accessible name is the shown text.
pub fn fitted_text_label_ui(ui: &mut egui::Ui, text: &str) -> egui::Response {
    let available = ui.available_width();
    if !has_right_to_left(text) {
        let response = ui.add(egui::Label::new(text).truncate());
        return if response.rect.width() + 0.5 < text_width(ui, text) {
            response.on_hover_text(text)
        } else {
            response
        };
    }
    let size = body_size(ui);
    let shown = {
        let engine = shared_engine(ui.ctx());
        let mut engine = match engine.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        fitted_prefix(text, available, |candidate| {
            engine.label_size(candidate, size).x
        })
    };
    let color = ui.visuals().text_color();
    let response = bidi_label_ui(ui, &shown, size, color);
    if shown == text {
        response
    } else {
        response.on_hover_text(text)
    }
}

/// Width of `text` as one line in egui's body font.
fn text_width(ui: &egui::Ui, text: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.fonts_mut(|fonts| {
        fonts
            .layout_no_wrap(text.to_owned(), font, egui::Color32::WHITE)
            .size()
            .x
    })
}

/// `text`, or its longest prefix followed by "…" whose `width` fits in `available` (at least
/// "…" alone).
fn fitted_prefix(text: &str, available: f32, mut width: impl FnMut(&str) -> f32) -> String {
    if width(text) <= available {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let cut = |n: usize| chars[..n].iter().collect::<String>() + "…";
    let (mut fits, mut too_long) = (0, chars.len());
    while too_long - fits > 1 {
        let middle = (fits + too_long) / 2;
        if width(&cut(middle)) <= available {
            fits = middle;
        } else {
            too_long = middle;
        }
    }
    cut(fits)
}

/// A selectable label (as [`egui::Ui::selectable_label`]) whose text may be right-to-left.
/// One widget, accessible as a button named `text`.
pub fn selectable_text_ui(ui: &mut egui::Ui, selected: bool, text: &str) -> egui::Response {
    if !has_right_to_left(text) {
        return ui.selectable_label(selected, text);
    }
    let size = body_size(ui);
    let engine = shared_engine(ui.ctx());
    let mut engine = match engine.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    let padding = ui.spacing().button_padding;
    let text_size = engine.label_size(text, size);
    let (rect, response) = ui.allocate_exact_size(text_size + 2.0 * padding, egui::Sense::click());
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() || response.has_focus() {
            ui.painter()
                .rect_filled(rect, visuals.corner_radius, visuals.weak_bg_fill);
        }
        engine.paint_label(
            ui.ctx(),
            ui.painter(),
            text,
            size,
            rect.min + padding,
            visuals.text_color(),
        );
    }
    let name = text.to_owned();
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_and_hebrew_are_right_to_left_latin_and_digits_are_not() {
        assert!(has_right_to_left("كيم.qalam.json"));
        assert!(has_right_to_left("שלום"));
        assert!(has_right_to_left("\u{FEFB}"), "presentation form");
        assert!(!has_right_to_left("putin.qalam.json"));
        assert!(!has_right_to_left("Selection [4, 9): 123 «»"));
    }

    /// Ten points per character.
    fn width(text: &str) -> f32 {
        text.chars().count() as f32 * 10.0
    }

    #[test]
    fn a_text_that_fits_is_kept_whole() {
        assert_eq!(fitted_prefix("حفظ الملف", 90.0, width), "حفظ الملف");
    }

    #[test]
    fn a_long_text_keeps_the_longest_prefix_that_fits_with_an_ellipsis() {
        assert_eq!(fitted_prefix("حفظ الملف", 60.0, width), "حفظ ا…");
        assert_eq!(fitted_prefix("حفظ الملف", 3.0, width), "…");
    }
}

//! The agreement window (Review → Agreement…): over the open corpus, the exact and overlap
//! span F1 per label as bars (egui_plot, as the statistics window draws its charts), the label
//! confusion matrix of all annotator pairs as a heat map (painted cells with their counts), and
//! the documents with the most disagreement first; a click opens one in the compare view. The
//! numbers come from `qalam_core::stats::agreement`, computed when the window opens or on
//! Refresh (it loads every annotation file of the corpus).

use egui::{Color32, Sense, vec2};
use egui_plot::{Bar, BarChart, Legend, Plot};

use qalam_core::compare::collect;
use qalam_core::corpus::Corpus;
use qalam_core::stats::agreement::{AgreementReport, agreement};

use crate::ui::commands::{AppMessage, CommandQueue};
use crate::ui::widgets::bidi_text::selectable_text_ui;

/// Height of the F1 chart, in points.
const CHART_HEIGHT: f32 = 170.0;
/// Height and narrowest width of one heat-map cell, in points.
const CELL: f32 = 34.0;
/// Widest heat-map column, in points (longer label names are shortened with "…").
const MAX_COLUMN: f32 = 110.0;

/// The agreement window's state: open or not, and the report last computed.
#[derive(Debug, Default)]
pub struct AgreementWindow {
    /// The window shows.
    pub open: bool,
    /// The report and, per compared document in disagreement order, its corpus index, name
    /// and exact F1.
    report: Option<Computed>,
}

#[derive(Debug)]
struct Computed {
    report: AgreementReport,
    documents: Vec<(Option<usize>, String, Option<f64>)>,
}

impl AgreementWindow {
    /// Shows or hides the window; showing computes the report again.
    pub fn toggle(&mut self) {
        self.open ^= true;
        if self.open {
            self.report = None;
        }
    }

    /// Draws the window while open (`corpus` is `None` while none is open or read).
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        corpus: Option<&Corpus>,
        commands: &mut CommandQueue,
    ) {
        if !self.open {
            return;
        }
        let mut open = self.open;
        egui::Window::new("Agreement")
            .open(&mut open)
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(super::first_position(ctx, 40.0))
            // Room for the heat map of five columns as wide as "ORGANIZATION".
            .default_width(600.0)
            .default_height(620.0)
            .show(ctx, |ui| {
                let Some(corpus) = corpus else {
                    ui.label("Open a folder (File → Open folder…) to see its agreement.");
                    return;
                };
                if ui.button("Refresh").clicked() {
                    self.report = None;
                }
                let computed = self.report.get_or_insert_with(|| compute(corpus));
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| report_ui(ui, computed, commands));
            });
        self.open = open;
    }
}

fn compute(corpus: &Corpus) -> Computed {
    let collected = collect(std::slice::from_ref(corpus));
    let report = agreement(&collected.documents, &collected.annotators);
    let documents = report
        .by_disagreement()
        .into_iter()
        .map(|doc| {
            let index = corpus.documents.iter().position(|d| d.name == doc.name);
            (index, doc.name.clone(), doc.summary.exact_f1())
        })
        .collect();
    Computed { report, documents }
}

fn report_ui(ui: &mut egui::Ui, computed: &Computed, commands: &mut CommandQueue) {
    let report = &computed.report;
    let corpus = &report.corpus;
    let f1 = |v: Option<f64>| v.map_or("—".to_owned(), |v| format!("{v:.3}"));
    ui.label(format!(
        "{} annotators, {} documents compared; span F1 exact {}, overlap {}; kappa {}",
        report.annotators.len(),
        report.compared().count(),
        f1(corpus.exact_f1()),
        f1(corpus.overlap_f1()),
        f1(corpus.kappa())
    ));
    ui.add_space(6.0);
    ui.strong("Span F1 per label");
    f1_chart_ui(ui, report);
    ui.add_space(6.0);
    ui.strong("Confusion matrix (rows: first annotator of each pair, columns: second)");
    match corpus.confusion() {
        Some(confusion) => heat_map_ui(ui, &confusion.labels, &confusion.counts),
        None => {
            ui.weak("No two annotators share a document yet.");
        }
    }
    ui.add_space(6.0);
    ui.strong("Documents, most disagreement first (click to compare)");
    for (index, name, exact) in &computed.documents {
        let text = format!("{name}: exact F1 {}", f1(*exact));
        let response = selectable_text_ui(ui, false, &text);
        if response.clicked()
            && let Some(index) = index
        {
            commands.push(AppMessage::CompareDocument(*index));
        }
    }
}

/// Exact and overlap F1 bars side by side for every label.
fn f1_chart_ui(ui: &mut egui::Ui, report: &AgreementReport) {
    let exact = report.corpus.added(|pair| &pair.exact);
    let overlap = report.corpus.added(|pair| &pair.overlap);
    let (Some(exact), Some(overlap)) = (exact, overlap) else {
        ui.weak("nothing yet");
        return;
    };
    let names: Vec<String> = exact.labels.iter().map(|l| l.label.clone()).collect();
    let bars = |counts: &[qalam_core::stats::agreement::LabelCounts], shift: f64| -> Vec<Bar> {
        counts
            .iter()
            .enumerate()
            .map(|(x, l)| {
                Bar::new(x as f64 + shift, l.f1().unwrap_or(0.0))
                    .name(&l.label)
                    .width(0.35)
            })
            .collect()
    };
    let exact_bars = bars(&exact.labels, -0.2);
    let overlap_bars = bars(&overlap.labels, 0.2);
    let axis_names = names.clone();
    Plot::new("agreement f1")
        .height(CHART_HEIGHT)
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(1.0)
        .x_axis_formatter(move |mark, _| {
            let at = mark.value.round();
            if (mark.value - at).abs() > 1e-6 || at < 0.0 {
                return String::new();
            }
            axis_names.get(at as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new("exact", exact_bars).color(Color32::from_rgb(0x34, 0x65, 0xa4)),
            );
            plot.bar_chart(
                BarChart::new("overlap", overlap_bars).color(Color32::from_rgb(0x4e, 0x9a, 0x06)),
            );
        });
    ui.horizontal_wrapped(|ui| {
        for (e, o) in exact.labels.iter().zip(&overlap.labels) {
            let show = |v: Option<f64>| v.map_or("—".to_owned(), |v| format!("{v:.2}"));
            // One unit per label: wrapping never splits "CITY: 0.67 / 0.67".
            let text = format!("{}: {} / {}", e.label, show(e.f1()), show(o.f1()));
            ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend));
        }
    });
}

/// The confusion matrix as painted cells, darker for larger counts, each with its count in
/// black or white, whichever reads better on the cell. Columns are as wide as the longest
/// label name (within [`MAX_COLUMN`]), so the column headers never run into each other.
fn heat_map_ui(ui: &mut egui::Ui, labels: &[String], counts: &[Vec<usize>]) {
    let names: Vec<String> = labels
        .iter()
        .cloned()
        .chain(std::iter::once("none".to_owned()))
        .collect();
    let max = counts.iter().flatten().copied().max().unwrap_or(0).max(1);
    let text_color = ui.visuals().text_color();
    let background = ui.visuals().window_fill();
    let font = egui::FontId::proportional(11.0);
    let measure = ui.painter().clone();
    let width_of = |text: &str| {
        measure
            .layout_no_wrap(text.to_owned(), font.clone(), text_color)
            .size()
            .x
    };
    let widest = names.iter().map(|n| width_of(n)).fold(0.0, f32::max);
    let column = (widest + 8.0).clamp(CELL, MAX_COLUMN);
    let header = widest + 8.0;
    let top_row = 22.0;
    let size = vec2(
        header + column * names.len() as f32,
        top_row + CELL * names.len() as f32,
    );
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(rect);
    for (y, row_name) in names.iter().enumerate() {
        let top = rect.top() + top_row + CELL * y as f32;
        painter.text(
            egui::pos2(rect.left() + header - 4.0, top + CELL / 2.0),
            egui::Align2::RIGHT_CENTER,
            row_name,
            font.clone(),
            text_color,
        );
        for (x, count) in counts.get(y).into_iter().flatten().enumerate() {
            let left = rect.left() + header + column * x as f32;
            let cell =
                egui::Rect::from_min_size(egui::pos2(left, top), vec2(column, CELL)).shrink(1.0);
            let strength = *count as f32 / max as f32;
            let base = if x == y {
                Color32::from_rgb(0x4e, 0x9a, 0x06)
            } else {
                Color32::from_rgb(0xd0, 0x21, 0x2d)
            };
            let (fill, number) = if *count == 0 {
                (ui.visuals().faint_bg_color, ui.visuals().weak_text_color())
            } else {
                let fill = base.gamma_multiply(0.25 + 0.75 * strength);
                (fill, readable_on(fill, background))
            };
            painter.rect_filled(cell, 2.0, fill);
            painter.text(
                cell.center(),
                egui::Align2::CENTER_CENTER,
                count.to_string(),
                font.clone(),
                number,
            );
        }
    }
    for (x, name) in names.iter().enumerate() {
        let left = rect.left() + header + column * x as f32;
        let mut shown = name.clone();
        while width_of(&shown) > column - 4.0 && shown.chars().count() > 1 {
            shown.pop();
            shown.pop();
            shown.push('…');
        }
        painter.text(
            egui::pos2(left + column / 2.0, rect.top() + top_row / 2.0),
            egui::Align2::CENTER_CENTER,
            shown,
            font.clone(),
            text_color,
        );
    }
}

/// Black or white, whichever contrasts more with the translucent `fill` painted over
/// `background`.
fn readable_on(fill: Color32, background: Color32) -> Color32 {
    let alpha = f32::from(fill.a()) / 255.0;
    let channel = |f: u8, b: u8| (f32::from(f) + f32::from(b) * (1.0 - alpha)).min(255.0) / 255.0;
    let [r, g, b] = [
        channel(fill.r(), background.r()),
        channel(fill.g(), background.g()),
        channel(fill.b(), background.b()),
    ];
    let linear = |c: f32| {
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    // Contrast with black (L + 0.05) / 0.05 against white 1.05 / (L + 0.05): equal at L ≈ 0.18.
    if luminance > 0.179 {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_black_on_bright_cells_and_white_on_dark_ones() {
        let green = Color32::from_rgb(0x4e, 0x9a, 0x06);
        let red = Color32::from_rgb(0xd0, 0x21, 0x2d);
        let dark = Color32::from_gray(27);
        let light = Color32::from_gray(248);
        // The strongest diagonal cell: bright green, in either theme.
        assert_eq!(readable_on(green, dark), Color32::BLACK);
        assert_eq!(readable_on(green, light), Color32::BLACK);
        // A faint red cell over the dark theme's window is dark: white reads.
        assert_eq!(readable_on(red.gamma_multiply(0.3), dark), Color32::WHITE);
        // The same over the light theme is a pale pink: black reads.
        assert_eq!(readable_on(red.gamma_multiply(0.3), light), Color32::BLACK);
    }
}

//! The statistics window (F6): charts (egui_plot bar charts) of the corpus's label counts, spans
//! per document (as a histogram), documents by status and progress per annotator, each with
//! its numbers written under it. The numbers come from `qalam_core::stats`, renewed as the
//! open document is edited.

use egui_plot::{Bar, BarChart, Plot};

use qalam_core::stats::CorpusStats;

/// Height of one chart, in points.
const CHART_HEIGHT: f32 = 150.0;

/// One bar of a chart: its name on the axis and its height.
pub type Entry = (String, f64);

/// Buckets of a spans-per-document histogram: `(first, last)` span counts (inclusive) and the
/// number of documents in each, at most `buckets` of equal width covering 0 to the largest
/// count.
pub fn span_histogram(counts: &[usize], buckets: usize) -> Vec<((usize, usize), usize)> {
    let max = counts.iter().copied().max().unwrap_or(0);
    let buckets = buckets.max(1);
    let width = (max + 1).div_ceil(buckets).max(1);
    let mut out: Vec<((usize, usize), usize)> = (0..=max / width)
        .map(|i| ((i * width, i * width + width - 1), 0))
        .collect();
    for &count in counts {
        out[count / width].1 += 1;
    }
    out
}

/// The statistics as the entries of the four charts: labels, spans per document (histogram),
/// statuses, and annotators' finished documents.
pub fn chart_entries(stats: &CorpusStats) -> [(&'static str, Vec<Entry>); 4] {
    let labels = stats
        .label_counts
        .iter()
        .map(|(name, count)| (name.clone(), *count as f64))
        .collect();
    let counts: Vec<usize> = stats.spans_per_document.iter().map(|(_, n)| *n).collect();
    let histogram = span_histogram(&counts, 12)
        .into_iter()
        .map(|((first, last), docs)| {
            let name = if first == last {
                first.to_string()
            } else {
                format!("{first}–{last}")
            };
            (name, docs as f64)
        })
        .collect();
    let statuses = stats
        .by_status
        .iter()
        .map(|(status, count)| (status.title().to_owned(), *count as f64))
        .collect();
    let annotators = stats
        .annotators
        .iter()
        .map(|a| (a.name.clone(), a.done as f64))
        .collect();
    [
        ("Spans per label", labels),
        ("Documents per span count", histogram),
        ("Documents by status", statuses),
        ("Documents done per annotator", annotators),
    ]
}

/// Draws the window while `open` (`stats` is `None` while the corpus is being read).
pub fn statistics_window_ui(ctx: &egui::Context, open: &mut bool, stats: Option<&CorpusStats>) {
    egui::Window::new("Statistics")
        .open(open)
        .default_width(480.0)
        .default_height(560.0)
        .show(ctx, |ui| {
            let Some(stats) = stats else {
                ui.label("Open a folder (File → Open folder…) to see its statistics.");
                return;
            };
            ui.label(format!(
                "{} documents, {} annotation files, {} spans",
                stats.documents,
                stats.annotation_files,
                stats.total_spans()
            ));
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for (index, (title, entries)) in chart_entries(stats).into_iter().enumerate() {
                        chart_ui(ui, index, title, &entries);
                        if index == 3 {
                            for annotator in &stats.annotators {
                                ui.label(format!(
                                    "{}: {} done, {} started, {} assigned",
                                    annotator.name,
                                    annotator.done,
                                    annotator.started,
                                    annotator.total
                                ));
                            }
                        }
                    }
                });
        });
}

/// One titled bar chart with its numbers as text under it.
fn chart_ui(ui: &mut egui::Ui, index: usize, title: &str, entries: &[Entry]) {
    ui.add_space(6.0);
    ui.strong(title);
    let bars: Vec<Bar> = entries
        .iter()
        .enumerate()
        .map(|(x, (name, value))| Bar::new(x as f64, *value).name(name).width(0.7))
        .collect();
    let names: Vec<String> = entries.iter().map(|(name, _)| name.clone()).collect();
    let color = ui.visuals().selection.bg_fill;
    Plot::new(("statistics chart", index))
        .height(CHART_HEIGHT)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_grid([false, true])
        .include_y(0.0)
        .x_axis_formatter(move |mark, _| {
            let at = mark.value.round();
            if (mark.value - at).abs() > 1e-6 || at < 0.0 {
                return String::new();
            }
            names.get(at as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(title, bars).color(color));
        });
    if entries.is_empty() {
        ui.weak("nothing yet");
    } else {
        ui.horizontal_wrapped(|ui| {
            for (name, value) in entries {
                ui.label(format!("{name}: {value}"));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_cover_zero_to_the_largest_count() {
        assert_eq!(
            span_histogram(&[0, 1, 1, 3], 12),
            [((0, 0), 1), ((1, 1), 2), ((2, 2), 0), ((3, 3), 1)]
        );
        // 0..=23 in 12 buckets of two.
        let wide = span_histogram(&[0, 5, 23, 22], 12);
        assert_eq!(wide.len(), 12);
        assert_eq!(wide[0], ((0, 1), 1));
        assert_eq!(wide[2], ((4, 5), 1));
        assert_eq!(wide[11], ((22, 23), 2));
        assert_eq!(span_histogram(&[], 12), [((0, 0), 0)]);
    }
}

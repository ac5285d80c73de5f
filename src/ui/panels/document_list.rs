//! The corpus's document list (left side panel): the progress bar (the viewer's, and one per
//! annotator), sort, filters by status, label and annotator, search by name, and one row per
//! document with its name, status, annotators, span count and last change. A click opens the
//! document; its context menu compares the annotators or opens one annotator's own file for
//! review ("Review NAME's file"). Only visible rows are drawn (`ScrollArea::show_rows`), so 10,000 documents stay
//! fluid; while the folder is still being read, the files read so far are listed under a
//! progress bar. Which rows show and in which order is decided by `qalam_core::corpus::list`.

use egui::{Align, Layout, Role, Sense, UiBuilder, Vec2, WidgetInfo};

use qalam_core::corpus::{CorpusDocument, ListSort, annotator_files, row_status};
use qalam_core::model::DocStatus;

use crate::text::label::fitted_bidi_label_ui;
use crate::ui::app::corpus_session::CorpusSession;
use crate::ui::commands::{AppMessage, CommandQueue};
use crate::ui::widgets::bidi_text_edit::BidiTextEdit;

/// Room a document row keeps around its two lines, in points (above, between and below them),
/// so one row's details never touch the next row's name.
const ROW_PADDING: f32 = 18.0;

/// The accessible name of a document's row: `a — In progress — 2 spans — Amal, Omar`.
pub fn document_row_label(doc: &CorpusDocument, status: DocStatus) -> String {
    let spans = span_count_text(doc.span_count());
    let annotators = doc.annotators();
    let who = if annotators.is_empty() {
        "no annotator".to_owned()
    } else {
        annotators.join(", ")
    };
    format!("{} — {} — {spans} — {who}", doc.name, status.title())
}

/// A span count in words: `1 span`, `0 spans`, `12 spans`.
pub fn span_count_text(count: usize) -> String {
    super::counted(count, "span", "spans")
}

/// The text of a progress bar: `1 / 3 done`.
pub fn progress_text(done: usize, total: usize) -> String {
    format!("{done} / {total} done")
}

/// Draws the document list; `current` is the corpus document shown. A clicked row queues
/// [`AppMessage::OpenCorpusDocument`].
pub fn document_list_ui(
    ui: &mut egui::Ui,
    session: &mut CorpusSession,
    current: Option<usize>,
    commands: &mut CommandQueue,
) {
    ui.heading("Corpus");
    let root = session
        .root()
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| session.root().display().to_string());
    let size = ui.text_style_height(&egui::TextStyle::Body);
    let weak = ui.visuals().weak_text_color();
    fitted_bidi_label_ui(ui, &root, size, weak);
    if let Some((done, total)) = session.scan_progress() {
        scanning_ui(ui, session, done, total);
        return;
    }
    progress_ui(ui, session);
    ui.separator();
    controls_ui(ui, session);
    let rows = session.rows().to_vec();
    let Some(corpus) = session.corpus() else {
        return;
    };
    ui.weak(format!(
        "{} of {} documents",
        rows.len(),
        corpus.documents.len()
    ));
    ui.separator();
    let viewer = session.query.viewer.as_deref();
    let row_height = 2.0 * size + ROW_PADDING;
    egui::ScrollArea::vertical()
        .id_salt("document list")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len(), |ui, visible| {
            for &index in &rows[visible] {
                let doc = &corpus.documents[index];
                let status = row_status(doc, viewer);
                let response = document_row_ui(ui, doc, status, current == Some(index), row_height);
                if response.clicked() {
                    commands.push(AppMessage::OpenCorpusDocument(index));
                }
                let reviewable = annotator_files(doc);
                let comparable = doc.annotation_files().count() >= 2;
                if comparable || !reviewable.is_empty() {
                    response.context_menu(|ui| {
                        if comparable && ui.button("Compare annotators…").clicked() {
                            commands.push(AppMessage::CompareDocument(index));
                            ui.close();
                        }
                        for (name, _) in &reviewable {
                            if ui.button(format!("Review {name}'s file")).clicked() {
                                commands.push(AppMessage::ReviewCorpusFile {
                                    document: index,
                                    annotator: name.clone(),
                                });
                                ui.close();
                            }
                        }
                    });
                }
            }
        });
}

/// The progress bar of the running scan and the files read so far.
fn scanning_ui(ui: &mut egui::Ui, session: &CorpusSession, done: usize, total: usize) {
    let fraction = if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    };
    ui.add(egui::ProgressBar::new(fraction).text(format!("Reading {done} / {total} files")));
    let files = session.scanned_so_far();
    let size = ui.text_style_height(&egui::TextStyle::Body);
    let row_height = size + 6.0;
    let color = ui.visuals().weak_text_color();
    egui::ScrollArea::vertical()
        .id_salt("document list scanning")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, files.len(), |ui, visible| {
            for file in &files[visible] {
                fitted_bidi_label_ui(ui, &file.display_path(), size, color);
            }
        });
}

/// The viewer's progress bar and, with several annotators, one per annotator.
fn progress_ui(ui: &mut egui::Ui, session: &mut CorpusSession) {
    let progress = session.progress();
    let caption = match &session.query.viewer {
        Some(name) => format!("Your progress ({name})"),
        None => "Progress".to_owned(),
    };
    ui.label(caption);
    ui.add(
        egui::ProgressBar::new(progress.fraction())
            .text(progress_text(progress.done, progress.total)),
    );
    let annotators = session.annotator_progress().to_vec();
    if annotators.len() > 1 {
        egui::CollapsingHeader::new("Per annotator")
            .default_open(true)
            .show(ui, |ui| {
                for annotator in annotators {
                    ui.add(
                        egui::ProgressBar::new(annotator.fraction() as f32).text(format!(
                            "{}: {}",
                            annotator.name,
                            progress_text(annotator.done, annotator.total)
                        )),
                    );
                }
            });
    }
}

/// Sort, filters and search.
fn controls_ui(ui: &mut egui::Ui, session: &mut CorpusSession) {
    let file_labels: Option<Vec<String>> = session
        .corpus()
        .and_then(|corpus| corpus.file.as_ref())
        .map(|file| file.labels.labels.iter().map(|l| l.name.clone()).collect());
    let labels = match file_labels {
        Some(labels) => labels,
        None => session
            .stats()
            .map(|stats| stats.label_counts.iter().map(|(l, _)| l.clone()).collect())
            .unwrap_or_default(),
    };
    let annotators = session.annotators().to_vec();
    let query = &mut session.query;
    ui.add(
        BidiTextEdit::singleline(&mut query.search)
            .hint_text("Search by name")
            .desired_width(f32::INFINITY),
    );
    egui::Grid::new("document list controls")
        .num_columns(2)
        .show(ui, |ui| {
            let caption = ui.label("Sort:");
            ui.horizontal(|ui| {
                egui::ComboBox::from_id_salt("document_list_sort")
                    .selected_text(query.sort.title())
                    .show_ui(ui, |ui| {
                        for sort in ListSort::ALL {
                            ui.selectable_value(&mut query.sort, sort, sort.title());
                        }
                    })
                    .response
                    .labelled_by(caption.id);
                let arrow = if query.descending { "⬇" } else { "⬆" };
                if ui
                    .button(arrow)
                    .on_hover_text("Reverse the order")
                    .clicked()
                {
                    query.descending = !query.descending;
                }
            });
            ui.end_row();

            let caption = ui.label("Status:");
            let shown = query.status.map_or("Any status", DocStatus::title);
            egui::ComboBox::from_id_salt("document_list_status")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut query.status, None, "Any status");
                    for status in DocStatus::ALL {
                        ui.selectable_value(&mut query.status, Some(status), status.title());
                    }
                })
                .response
                .labelled_by(caption.id);
            ui.end_row();

            let caption = ui.label("Label:");
            let shown = query
                .label
                .clone()
                .unwrap_or_else(|| "Any label".to_owned());
            egui::ComboBox::from_id_salt("document_list_label")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut query.label, None, "Any label");
                    for label in labels {
                        let text = label.clone();
                        ui.selectable_value(&mut query.label, Some(label), text);
                    }
                })
                .response
                .labelled_by(caption.id);
            ui.end_row();

            let caption = ui.label("Annotator:");
            let shown = query
                .annotator
                .clone()
                .unwrap_or_else(|| "Anyone".to_owned());
            egui::ComboBox::from_id_salt("document_list_annotator")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut query.annotator, None, "Anyone");
                    for name in annotators {
                        let text = name.clone();
                        ui.selectable_value(&mut query.annotator, Some(name), text);
                    }
                })
                .response
                .labelled_by(caption.id);
            ui.end_row();
        });
}

/// One clickable row of two lines (its context menu compares a document's annotators).
fn document_row_ui(
    ui: &mut egui::Ui,
    doc: &CorpusDocument,
    status: DocStatus,
    is_current: bool,
    row_height: f32,
) -> egui::Response {
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(ui.available_width(), row_height), Sense::click());
    let visuals = ui.style().interact_selectable(&response, is_current);
    if is_current || response.hovered() {
        ui.painter().rect_filled(rect, 3.0, visuals.weak_bg_fill);
    }
    let mut child = ui.new_child(
        UiBuilder::new()
            .max_rect(rect.shrink2(Vec2::new(6.0, 5.0)))
            .layout(Layout::top_down(Align::Min)),
    );
    let size = child.text_style_height(&egui::TextStyle::Body);
    child.horizontal(|ui| {
        let status_text = egui::RichText::new(status.title()).color(status_color(ui, status));
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.add(egui::Label::new(status_text).selectable(false));
            ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                fitted_bidi_label_ui(ui, &doc.name, size, visuals.text_color());
            });
        });
    });
    let annotators = doc.annotators();
    let mut details = format!(
        "{} · {}",
        span_count_text(doc.span_count()),
        if annotators.is_empty() {
            "no annotator".to_owned()
        } else {
            annotators.join(", ")
        }
    );
    if let Some(time) = doc.last_change() {
        let local = time.with_timezone(&chrono::Local);
        details.push_str(&format!(" · {}", local.format("%Y-%m-%d %H:%M")));
    }
    child.horizontal(|ui| {
        let weak = ui.visuals().weak_text_color();
        fitted_bidi_label_ui(ui, &details, size * 0.9, weak);
    });
    response.widget_info(|| {
        WidgetInfo::selected(
            Role::ListBoxOption,
            true,
            is_current,
            document_row_label(doc, status),
        )
    });
    response
}

/// The colour a status is shown in.
fn status_color(ui: &egui::Ui, status: DocStatus) -> egui::Color32 {
    match status {
        DocStatus::Todo => ui.visuals().weak_text_color(),
        DocStatus::InProgress => ui.visuals().warn_fg_color,
        DocStatus::Done | DocStatus::Reviewed => egui::Color32::from_rgb(0x4e, 0x9a, 0x06),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_counts_are_singular_only_for_one() {
        assert_eq!(span_count_text(0), "0 spans");
        assert_eq!(span_count_text(1), "1 span");
        assert_eq!(span_count_text(2), "2 spans");
        assert_eq!(span_count_text(11), "11 spans");
    }
}

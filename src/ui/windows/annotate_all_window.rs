//! "Annotate all…": a preview of the occurrences to tag (each in context, bidi-correct, with a
//! checkbox), the label to give them, and whether occurrences overlapping spans are offered.
//! OK emits one `Edit::Group` of added spans (`qalam_core::search::annotate_all`), so one Ctrl+Z
//! undoes all of it.

use std::collections::BTreeSet;
use std::ops::Range;

use chrono::{DateTime, Utc};
use qalam_core::model::Annotation;
use qalam_core::search::Match;
use qalam_core::search::annotate_all::{
    AnnotateAllOptions, Occurrence, annotate_all_edit, candidates,
};
use qalam_core::search::corpus_search::CorpusMatch;

use crate::ui::commands::AppMessage;
use crate::ui::widgets::bidi_text::text_label_ui;

/// Accessible name of the button that tags the checked occurrences.
pub const TAG_CHECKED: &str = "Tag checked";

/// What the window previews.
#[derive(Debug, Clone)]
struct Preview {
    /// The annotation it belongs to (document id and creation time).
    owner: (String, DateTime<Utc>),
    /// What was searched, for the title.
    what: String,
    /// The span or selection it started from (never a candidate).
    source: Option<Range<usize>>,
    /// Every match of the search.
    matches: Vec<Match>,
    label: String,
    include_overlapping: bool,
    /// Occurrences the user unchecked, by range.
    unchecked: BTreeSet<(usize, usize)>,
    /// The candidates for `label`/`include_overlapping` at `stamp`.
    occurrences: Vec<Occurrence>,
    computed_for: Option<(String, bool, u64)>,
}

/// What the window previews over a corpus (the search bar's "All documents" results).
#[derive(Debug, Clone)]
struct CorpusPreview {
    what: String,
    rows: Vec<CorpusMatch>,
    label: String,
    include_overlapping: bool,
    /// Rows the user unchecked, by document and range.
    unchecked: BTreeSet<(usize, usize, usize)>,
}

/// The window's state between frames.
#[derive(Debug, Default)]
pub struct AnnotateAllWindow {
    preview: Option<Preview>,
    corpus: Option<CorpusPreview>,
}

fn owner_of(ann: &Annotation) -> (String, DateTime<Utc>) {
    (ann.document().id.clone(), ann.created())
}

impl AnnotateAllWindow {
    /// Opens the preview of `matches` (from the search bar or the source's own text) to tag
    /// `label`, leaving out `source`.
    pub fn open(
        &mut self,
        ann: &Annotation,
        what: String,
        source: Option<Range<usize>>,
        matches: Vec<Match>,
        label: String,
    ) {
        self.preview = Some(Preview {
            owner: owner_of(ann),
            what,
            source,
            matches,
            label,
            include_overlapping: false,
            unchecked: BTreeSet::new(),
            occurrences: Vec::new(),
            computed_for: None,
        });
    }

    /// Opens the preview of corpus matches (the search bar's "All documents" results) to tag
    /// `label` in their documents.
    pub fn open_corpus(&mut self, what: String, rows: Vec<CorpusMatch>, label: String) {
        self.preview = None;
        self.corpus = Some(CorpusPreview {
            what,
            rows,
            label,
            include_overlapping: false,
            unchecked: BTreeSet::new(),
        });
    }

    /// Whether the window shows.
    pub fn is_open(&self) -> bool {
        self.preview.is_some() || self.corpus.is_some()
    }

    /// Closes the window.
    pub fn close(&mut self) {
        self.preview = None;
        self.corpus = None;
    }

    /// The corpus matches offered (corpus mode).
    pub fn corpus_rows(&self) -> &[CorpusMatch] {
        self.corpus.as_ref().map_or(&[], |c| &c.rows)
    }

    /// The occurrences offered (as of the last frame).
    pub fn occurrences(&self) -> &[Occurrence] {
        self.preview.as_ref().map_or(&[], |p| &p.occurrences)
    }

    /// Draws the window while open; OK returns the grouped edit.
    pub fn ui(&mut self, ctx: &egui::Context, ann: &Annotation) -> Vec<AppMessage> {
        if self.corpus.is_some() {
            return self.corpus_ui(ctx, ann);
        }
        let Some(preview) = self.preview.as_mut() else {
            return Vec::new();
        };
        if preview.owner != owner_of(ann) {
            // Another document is showing.
            self.preview = None;
            return Vec::new();
        }
        let key = (
            preview.label.clone(),
            preview.include_overlapping,
            ann.change_stamp(),
        );
        if preview.computed_for.as_ref() != Some(&key) {
            let options = AnnotateAllOptions {
                include_overlapping: preview.include_overlapping,
                ..AnnotateAllOptions::default()
            };
            preview.occurrences = candidates(
                ann,
                &preview.matches,
                preview.source.clone(),
                &preview.label,
                &options,
            );
            preview.computed_for = Some(key);
        }
        let mut messages = Vec::new();
        let mut open = true;
        let mut close = false;
        egui::Window::new("Annotate all")
            .open(&mut open)
            .collapsible(false)
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(super::first_position(ctx, 90.0))
            .default_width(520.0)
            .show(ctx, |ui| {
                text_label_ui(ui, &format!("Occurrences of «{}»", preview.what), None);
                label_and_overlap_ui(
                    ui,
                    ann,
                    &mut preview.label,
                    &mut preview.include_overlapping,
                );
                let total = preview.occurrences.len();
                let checked: Vec<Range<usize>> = preview
                    .occurrences
                    .iter()
                    .filter(|o| !preview.unchecked.contains(&(o.start, o.end)))
                    .map(Occurrence::range)
                    .collect();
                ui.label(format!("{} of {total} checked", checked.len()));
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for (n, occurrence) in preview.occurrences.iter().enumerate() {
                            ui.horizontal(|ui| {
                                let key = (occurrence.start, occurrence.end);
                                opt_out_checkbox_ui(ui, n, key, &mut preview.unchecked);
                                let c = &occurrence.context;
                                let mark = if occurrence.overlaps {
                                    " (overlaps)"
                                } else {
                                    ""
                                };
                                text_label_ui(
                                    ui,
                                    &format!("{}[{}]{}{mark}", c.before, c.text, c.after),
                                    None,
                                );
                            });
                        }
                    });
                ui.horizontal(|ui| {
                    let tag = ui.add_enabled(!checked.is_empty(), egui::Button::new(TAG_CHECKED));
                    if tag.clicked() {
                        let count = checked.len();
                        let edit = annotate_all_edit(ann, &preview.label, checked, Utc::now());
                        messages.push(AppMessage::ApplyEdit(edit));
                        messages.push(AppMessage::ReportInfo(format!(
                            "Tagged {count} {} with {} (one undo step)",
                            if count == 1 {
                                "occurrence"
                            } else {
                                "occurrences"
                            },
                            preview.label
                        )));
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            });
        if close || !open {
            self.preview = None;
        }
        messages
    }
}

impl AnnotateAllWindow {
    /// The corpus preview: every match with its document and context, a checkbox each, the
    /// label (from the current document's set) and the overlap switch; OK asks the app to tag
    /// the checked ones document by document.
    fn corpus_ui(&mut self, ctx: &egui::Context, ann: &Annotation) -> Vec<AppMessage> {
        let Some(preview) = self.corpus.as_mut() else {
            return Vec::new();
        };
        let mut messages = Vec::new();
        let mut open = true;
        let mut close = false;
        egui::Window::new("Annotate all in the corpus")
            .open(&mut open)
            .collapsible(false)
            .pivot(egui::Align2::CENTER_TOP)
            // Below the search bar's corpus results too.
            .default_pos(super::first_position(ctx, 250.0))
            .default_width(560.0)
            .show(ctx, |ui| {
                text_label_ui(ui, &format!("Occurrences of «{}»", preview.what), None);
                label_and_overlap_ui(
                    ui,
                    ann,
                    &mut preview.label,
                    &mut preview.include_overlapping,
                );
                ui.label(
                    "Each document is opened and changed as one undo step there; nothing is \
                     saved. Occurrences that overlap spans are skipped (unless allowed above).",
                );
                let key = |m: &CorpusMatch| (m.document, m.found.start, m.found.end);
                let checked: Vec<&CorpusMatch> = preview
                    .rows
                    .iter()
                    .filter(|m| !preview.unchecked.contains(&key(m)))
                    .collect();
                ui.label(format!(
                    "{} of {} checked",
                    checked.len(),
                    preview.rows.len()
                ));
                let mut targets: Vec<(usize, Vec<Match>)> = Vec::new();
                for m in &checked {
                    match targets.last_mut() {
                        Some((document, found)) if *document == m.document => found.push(m.found),
                        _ => targets.push((m.document, vec![m.found])),
                    }
                }
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for (n, row) in preview.rows.iter().enumerate() {
                            ui.horizontal(|ui| {
                                opt_out_checkbox_ui(ui, n, key(row), &mut preview.unchecked);
                                let c = &row.context;
                                text_label_ui(
                                    ui,
                                    &format!("{}: {}[{}]{}", row.name, c.before, c.text, c.after),
                                    None,
                                );
                            });
                        }
                    });
                ui.horizontal(|ui| {
                    let tag = ui.add_enabled(!targets.is_empty(), egui::Button::new(TAG_CHECKED));
                    if tag.clicked() {
                        messages.push(AppMessage::AnnotateCorpus {
                            label: preview.label.clone(),
                            include_overlapping: preview.include_overlapping,
                            targets: std::mem::take(&mut targets),
                        });
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            });
        if close || !open {
            self.corpus = None;
        }
        messages
    }
}

/// The preview's label choice (from `ann`'s label set) and its "also where spans overlap" switch.
fn label_and_overlap_ui(
    ui: &mut egui::Ui,
    ann: &Annotation,
    label: &mut String,
    include_overlapping: &mut bool,
) {
    ui.horizontal(|ui| {
        egui::ComboBox::from_label("Label")
            .selected_text(label.clone())
            .show_ui(ui, |ui| {
                for choice in &ann.labels().labels {
                    ui.selectable_value(label, choice.name.clone(), choice.name.as_str());
                }
            });
        ui.checkbox(include_overlapping, "Also where spans overlap");
    });
}

/// Row `n`'s checkbox (`#n+1`): unticking it puts `key` into `unchecked`, ticking takes it out.
fn opt_out_checkbox_ui<K: Ord>(ui: &mut egui::Ui, n: usize, key: K, unchecked: &mut BTreeSet<K>) {
    let mut on = !unchecked.contains(&key);
    if ui.checkbox(&mut on, format!("#{}", n + 1)).changed() {
        if on {
            unchecked.remove(&key);
        } else {
            unchecked.insert(key);
        }
    }
}

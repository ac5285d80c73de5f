//! The dataset window (File → Export dataset… / Import dataset…): the format and its options,
//! what to convert, a progress bar with Cancel while the conversion runs on a background
//! thread, and the report of every span that was changed or dropped.
//!
//! The window only collects choices and shows results; the conversion itself is the core's
//! [`Job`] (`qalam_core::interchange::job`).

mod form;
mod report_view;

use std::path::PathBuf;

use qalam_core::interchange::job::{Job, JobOutcome, JobRequest};
use qalam_core::interchange::{
    BoundaryPolicy, ExportOptions, Format, ImportOptions, InterchangeError, Report, TagScheme,
};
use qalam_core::model::Annotation;

use crate::ui::commands::AppMessage;

/// Export or import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatasetMode {
    /// Write documents in a dataset format.
    Export,
    /// Read a dataset format into `.qalam.json` files.
    Import,
}

/// What an export converts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportSource {
    /// The document shown (with unsaved changes).
    CurrentDocument,
    /// Every open document (with unsaved changes).
    OpenDocuments,
    /// Every `.qalam.json` under a folder.
    Folder,
}

/// The finished conversion, for the report view.
#[derive(Debug)]
struct Finished {
    summary: String,
    report: Report,
}

/// State of the dataset window between frames.
#[derive(Debug)]
pub struct DatasetWindow {
    mode: DatasetMode,
    format: Format,
    scheme: TagScheme,
    boundary: BoundaryPolicy,
    spans_key: String,
    tag_overrides: String,
    split: bool,
    include_rejected: bool,
    source: ExportSource,
    input: String,
    output: String,
    annotator: String,
    job: Option<Job>,
    finished: Option<Finished>,
    error: Option<String>,
    open: bool,
}

impl DatasetWindow {
    /// A closed window.
    pub fn new() -> Self {
        Self {
            mode: DatasetMode::Export,
            format: Format::Conll,
            scheme: TagScheme::Iob2,
            boundary: BoundaryPolicy::Split,
            spans_key: "sc".to_owned(),
            tag_overrides: String::new(),
            split: false,
            include_rejected: false,
            source: ExportSource::CurrentDocument,
            input: String::new(),
            output: String::new(),
            annotator: String::new(),
            job: None,
            finished: None,
            error: None,
            open: false,
        }
    }

    /// Opens the window for `mode`, keeping the choices made last time.
    pub fn show(&mut self, mode: DatasetMode) {
        if self.job.is_none() {
            self.mode = mode;
            self.finished = None;
            self.error = None;
        }
        self.open = true;
    }

    /// Whether the window is showing (label hotkeys are off meanwhile).
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Closes the window (a running conversion is cancelled first).
    pub fn close(&mut self) {
        if let Some(job) = &self.job {
            job.cancel();
        } else {
            self.open = false;
        }
    }

    /// Whether a conversion is running.
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// Draws the window while open. `current` and `open_documents` are what an export of the
    /// shown or of all open documents converts; `native_dialogs` offers Browse… buttons. Returns messages for the app (files to open
    /// after an import).
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        current: Option<&Annotation>,
        open_documents: &[&Annotation],
        native_dialogs: bool,
    ) -> Vec<AppMessage> {
        let mut messages = Vec::new();
        if !self.open {
            return messages;
        }
        if let Some(outcome) = self.job.as_mut().and_then(Job::try_finish) {
            self.job = None;
            messages.extend(self.finish(outcome));
        }
        let title = match self.mode {
            DatasetMode::Export => "Export dataset",
            DatasetMode::Import => "Import dataset",
        };
        let mut open = self.open;
        let mut start = None;
        egui::Window::new(title)
            .id(egui::Id::unique("dataset_window"))
            .open(&mut open)
            .collapsible(false)
            .default_width(520.0)
            .show(ctx, |ui| {
                if let Some(job) = &self.job {
                    progress_ui(ui, job);
                    ctx.request_repaint_after(std::time::Duration::from_millis(100));
                    return;
                }
                start = self.form_ui(ui, current, open_documents, native_dialogs);
                if let Some(error) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                }
                if let Some(finished) = &self.finished {
                    ui.separator();
                    report_view::report_ui(ui, &finished.summary, &finished.report);
                }
            });
        if let Some(request) = start {
            self.start(request);
        }
        // Closing the window does not stop a running conversion silently: it is cancelled.
        if !open && let Some(job) = &self.job {
            job.cancel();
        }
        self.open = open || self.job.is_some();
        messages
    }

    /// Starts a job for `request` with the window's options, or shows what is wrong.
    fn start(&mut self, request: Result<JobRequest, String>) {
        self.finished = None;
        self.error = None;
        match request.and_then(|request| Ok((request, self.export_options()?))) {
            Ok((request, export_options)) => {
                let import_options = ImportOptions {
                    labels: None,
                    annotator: Some(self.annotator.trim().to_owned()).filter(|a| !a.is_empty()),
                };
                self.job = Some(Job::spawn(request, export_options, import_options));
            }
            Err(message) => self.error = Some(message),
        }
    }

    fn export_options(&self) -> Result<ExportOptions, String> {
        let mut options = ExportOptions {
            scheme: self.scheme,
            boundary: self.boundary,
            spans_key: Some(self.spans_key.trim().to_owned()).filter(|k| !k.is_empty()),
            splits: self.split.then_some([0.8, 0.1, 0.1]),
            include_rejected: self.include_rejected,
            ..ExportOptions::default()
        };
        for pair in self
            .tag_overrides
            .split([',', '\n'])
            .map(str::trim)
            .filter(|pair| !pair.is_empty())
        {
            let (label, tag) = pair
                .split_once('=')
                .map(|(label, tag)| (label.trim(), tag.trim()))
                .filter(|(label, tag)| !label.is_empty() && !tag.is_empty())
                .ok_or_else(|| format!("Tag override {pair:?}: write LABEL=TAG"))?;
            options
                .tag_overrides
                .insert(label.to_owned(), tag.to_owned());
        }
        Ok(options)
    }

    fn finish(&mut self, outcome: Result<JobOutcome, InterchangeError>) -> Vec<AppMessage> {
        match outcome {
            Ok(JobOutcome::Exported(summary)) => {
                let (changed, dropped, _) = summary.report.counts();
                let mut text = format!(
                    "Exported {} documents ({} spans) as {} to {}: {changed} spans changed, {dropped} dropped.",
                    summary.documents,
                    summary.spans,
                    self.format.name(),
                    self.output.trim()
                );
                for (file, reason) in &summary.unreadable {
                    text.push_str(&format!("\nSkipped {}: {reason}", file.display()));
                }
                self.finished = Some(Finished {
                    summary: text,
                    report: summary.report,
                });
                Vec::new()
            }
            Ok(JobOutcome::Imported { imported, files }) => {
                let (changed, dropped, noted) = imported.report.counts();
                let spans: usize = imported.documents.iter().map(|a| a.spans().len()).sum();
                let summary = format!(
                    "Imported {} documents ({spans} spans) into {}: {changed} spans changed, {dropped} dropped, {noted} notes. The first {} are open.",
                    files.len(),
                    self.output.trim(),
                    files.len().min(OPEN_AFTER_IMPORT)
                );
                self.finished = Some(Finished {
                    summary,
                    report: imported.report,
                });
                files
                    .into_iter()
                    .take(OPEN_AFTER_IMPORT)
                    .map(AppMessage::OpenFile)
                    .collect()
            }
            Err(InterchangeError::Cancelled) => {
                self.error = Some("Cancelled: nothing was written.".to_owned());
                Vec::new()
            }
            Err(error) => {
                self.error = Some(error.to_string());
                Vec::new()
            }
        }
    }
}

impl Default for DatasetWindow {
    fn default() -> Self {
        Self::new()
    }
}

/// How many imported documents are opened in the window (the rest are saved only).
const OPEN_AFTER_IMPORT: usize = 10;

fn progress_ui(ui: &mut egui::Ui, job: &Job) {
    let (done, total, bytes) = job.progress();
    let fraction = if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    };
    ui.label(format!(
        "Converting… {done} of {total} files, {:.1} MB of text",
        bytes as f64 / 1e6
    ));
    ui.add(egui::ProgressBar::new(fraction).show_percentage());
    if ui.button("Cancel").clicked() {
        job.cancel();
    }
}

/// The paths typed in a field: one per line or separated by `;`.
fn paths_in(text: &str) -> Vec<PathBuf> {
    text.split(['\n', ';'])
        .map(str::trim)
        .filter(|path| !path.is_empty())
        .map(PathBuf::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_overrides_are_label_equals_tag_pairs() {
        let mut window = DatasetWindow::new();
        window.tag_overrides = "COUNTRY=LOC, PERSON = PER".to_owned();
        let options = window.export_options().unwrap();
        assert_eq!(options.tag_overrides["COUNTRY"], "LOC");
        assert_eq!(options.tag_overrides["PERSON"], "PER");
        window.tag_overrides = "COUNTRY".to_owned();
        assert!(window.export_options().unwrap_err().contains("LABEL=TAG"));
    }

    #[test]
    fn several_paths_split_on_lines_and_semicolons() {
        assert_eq!(
            paths_in(" a.jsonl ;b.jsonl\n\n c "),
            [
                PathBuf::from("a.jsonl"),
                PathBuf::from("b.jsonl"),
                PathBuf::from("c")
            ]
        );
    }
}

//! Opening large files without freezing the window: a file of at least
//! [`LARGE_FILE_BYTES`](qalam_core::io::load_job::LARGE_FILE_BYTES) is read and validated by a
//! core [`LoadJob`] on its own thread, while a small window shows its progress with a Cancel
//! button; the document is added once the job ends. Smaller files open at once, as before.

use std::path::{Path, PathBuf};
use std::time::Duration;

use qalam_core::io::file_names;
use qalam_core::io::load_job::{LARGE_FILE_BYTES, LoadJob, is_cancelled};

use super::QalamApp;
use super::open_document::OpenDocument;
use crate::ui::commands::AppMessage;
use crate::ui::widgets::bidi_text::text_label_ui;

/// A file being opened in the background.
pub(super) struct PendingOpen {
    job: LoadJob,
    /// The text file the user asked for, when its annotation file is what opens.
    instead_of: Option<PathBuf>,
}

/// Whether `path` is large enough to be opened in the background.
pub(super) fn is_large(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|metadata| metadata.len() >= LARGE_FILE_BYTES)
}

impl QalamApp {
    /// Starts opening `path` in the background if it is large (or is already being opened);
    /// returns whether it did.
    pub(super) fn open_in_background(&mut self, path: &Path, instead_of: Option<PathBuf>) -> bool {
        if self
            .loading
            .iter()
            .any(|pending| pending.job.path() == path)
        {
            return true;
        }
        if !is_large(path) {
            return false;
        }
        self.loading.push(PendingOpen {
            job: LoadJob::spawn(path),
            instead_of,
        });
        true
    }

    /// Whether a file is being opened in the background (tests wait for it to end).
    pub fn is_loading(&self) -> bool {
        !self.loading.is_empty()
    }

    /// Adds the documents whose background load has ended.
    pub(super) fn poll_loading(&mut self, ctx: &egui::Context) {
        if self.loading.is_empty() {
            return;
        }
        ctx.request_repaint_after(Duration::from_millis(50));
        let mut index = 0;
        while index < self.loading.len() {
            let Some(result) = self.loading[index].job.try_finish() else {
                index += 1;
                continue;
            };
            let pending = self.loading.remove(index);
            let path = pending.job.path().to_owned();
            match result {
                Err(error) if is_cancelled(&error) => self.messages.info(format!(
                    "Opening {} was cancelled",
                    file_names::display_name(&path)
                )),
                result => {
                    let loaded = result.map(|loaded| {
                        OpenDocument::new(loaded.annotation, Some(path.clone()), Some(loaded.disk))
                    });
                    self.add_opened(&path, pending.instead_of.as_deref(), loaded);
                }
            }
            ctx.request_repaint();
        }
    }

    /// Asks the background load of `path` to stop.
    pub(super) fn cancel_opening(&mut self, path: &Path) {
        if let Some(pending) = self.loading.iter().find(|p| p.job.path() == path) {
            pending.job.cancel();
        }
    }

    /// The "Opening…" window: each file's name, a progress bar and Cancel.
    pub(super) fn loading_window_ui(&mut self, ctx: &egui::Context) {
        if self.loading.is_empty() {
            return;
        }
        let mut messages = Vec::new();
        egui::Window::new("Opening")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                for pending in &self.loading {
                    let path = pending.job.path();
                    let progress = pending.job.progress();
                    let name = file_names::display_name(path);
                    let step = if progress.parsing {
                        format!("Checking {name}…")
                    } else {
                        format!(
                            "Reading {name}: {} of {} MB",
                            progress.read >> 20,
                            progress.total >> 20
                        )
                    };
                    text_label_ui(ui, &step, None);
                    ui.add(egui::ProgressBar::new(progress.fraction()).show_percentage());
                    if ui.button("Cancel opening").clicked() {
                        messages.push(AppMessage::CancelOpening(path.to_owned()));
                    }
                }
            });
        for message in messages {
            self.commands.push(message);
        }
    }
}

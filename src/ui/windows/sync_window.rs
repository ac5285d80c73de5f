//! The sync window (File → Sync…): runs `qalam_core::corpus::sync` for the git repository of
//! the current document's folder on a background thread ([`SyncJob`]), shows its step while it
//! runs, then what was committed, what was left alone, what came in, each annotator's progress
//! and what was pushed, or why it stopped, in words. Esc closes it when no sync runs; label
//! hotkeys are off while it is open.

use std::path::PathBuf;

use qalam_core::corpus::sync::{SyncError, SyncJob, SyncOptions, SyncOutcome};

use crate::ui::commands::{Command, CommandQueue};
use crate::ui::widgets::bidi_text::text_label_ui;

/// State of the sync window between frames.
#[derive(Debug, Default)]
pub struct SyncWindow {
    open: bool,
    folder: Option<PathBuf>,
    annotator: String,
    /// What the app did first (documents saved, or not included).
    notes: Vec<String>,
    job: Option<SyncJob>,
    outcome: Option<Result<SyncOutcome, SyncError>>,
    /// Why no sync was started.
    refused: Option<String>,
}

impl SyncWindow {
    /// A closed window.
    pub fn new() -> Self {
        Self::default()
    }

    /// Opens the window and starts syncing `folder` as `annotator` (unless a sync runs);
    /// `notes` say what was done first (saved documents).
    pub fn start(&mut self, folder: PathBuf, annotator: String, notes: Vec<String>) {
        self.open = true;
        if self.job.is_some() {
            return;
        }
        self.outcome = None;
        self.refused = None;
        self.notes = notes;
        self.job = Some(SyncJob::spawn(SyncOptions {
            folder: folder.clone(),
            annotator: annotator.clone(),
            dry_run: false,
        }));
        self.folder = Some(folder);
        self.annotator = annotator;
    }

    /// Opens the window with the reason no sync could start.
    pub fn refuse(&mut self, reason: String) {
        self.open = true;
        if self.job.is_none() {
            self.outcome = None;
            self.refused = Some(reason);
        }
    }

    /// Whether the window is showing (label hotkeys are off meanwhile).
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Whether a sync is running (the window then stays open).
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// Closes the window, unless a sync runs.
    pub fn close(&mut self) {
        if self.job.is_none() {
            self.open = false;
        }
    }

    /// Draws the window while open; "Sync again" queues [`Command::Sync`].
    pub fn ui(&mut self, ctx: &egui::Context, commands: &mut CommandQueue) {
        if !self.open {
            return;
        }
        if let Some(outcome) = self.job.as_mut().and_then(SyncJob::try_finish) {
            self.job = None;
            self.outcome = Some(outcome);
        }
        let mut open = self.open;
        let mut close = false;
        egui::Window::new("Sync with git")
            .id(egui::Id::unique("sync_window"))
            .open(&mut open)
            .collapsible(false)
            .default_width(480.0)
            .show(ctx, |ui| close = self.contents_ui(ui, commands));
        self.open = (open && !close) || self.job.is_some();
    }

    /// The window's contents; returns whether Close was clicked.
    fn contents_ui(&self, ui: &mut egui::Ui, commands: &mut CommandQueue) -> bool {
        if let Some(folder) = &self.folder {
            text_label_ui(ui, &format!("Folder: {}", folder.display()), None);
            text_label_ui(ui, &format!("As: {}", self.annotator), None);
        }
        for note in &self.notes {
            text_label_ui(ui, note, None);
        }
        ui.separator();
        if let Some(job) = &self.job {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(job.step().describe());
            });
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
            return false;
        }
        let error = ui.visuals().error_fg_color;
        if let Some(reason) = &self.refused {
            text_label_ui(ui, reason, Some(error));
        }
        match &self.outcome {
            Some(Ok(outcome)) => outcome_ui(ui, outcome),
            Some(Err(stopped)) => {
                text_label_ui(ui, &format!("Not synced: {stopped}"), Some(error));
            }
            None => {}
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button("Sync again").clicked() {
                commands.push(Command::Sync);
            }
            ui.button("Close").clicked()
        })
        .inner
    }
}

/// What a finished sync did, line by line.
fn outcome_ui(ui: &mut egui::Ui, outcome: &SyncOutcome) {
    let subject = outcome.message.lines().next().unwrap_or("");
    match (&outcome.commit, outcome.committed.len()) {
        (Some(hash), n) => {
            text_label_ui(ui, &format!("Committed {n} of your files ({hash}):"), None);
            text_label_ui(ui, subject, None);
        }
        _ => {
            ui.label("Nothing of yours to commit.");
        }
    }
    if !outcome.left_alone.is_empty() {
        ui.collapsing(
            format!(
                "Left alone: {} changed files that are not yours",
                outcome.left_alone.len()
            ),
            |ui| {
                for file in &outcome.left_alone {
                    text_label_ui(ui, &format!("{} ({})", file.path, file.reason), None);
                }
            },
        );
    }
    let incoming = &outcome.incoming;
    if incoming.commits > 0 {
        ui.label(format!(
            "Came in: {} from colleagues",
            if incoming.commits == 1 {
                "1 commit".to_owned()
            } else {
                format!("{} commits", incoming.commits)
            }
        ));
        if !incoming.new_documents.is_empty() {
            text_label_ui(
                ui,
                &format!("New documents: {}", incoming.new_documents.join(", ")),
                None,
            );
        }
        for (annotator, files) in incoming.by_annotator() {
            text_label_ui(ui, &format!("{annotator}: {files} annotation files"), None);
        }
        if incoming.corpus_file {
            ui.label("The corpus file changed (labels, annotators or assignments).");
        }
        for change in &outcome.progress {
            let before = change
                .before
                .as_ref()
                .map_or_else(|| "-".to_owned(), |p| format!("{}/{}", p.done, p.total));
            text_label_ui(
                ui,
                &format!(
                    "{}: {}/{} done (before the pull: {before})",
                    change.after.name, change.after.done, change.after.total
                ),
                None,
            );
        }
    } else if outcome.stopped.is_none() {
        ui.label("Nothing new from colleagues.");
    }
    match &outcome.stopped {
        Some(stopped) => {
            text_label_ui(
                ui,
                &format!("Stopped: {stopped}"),
                Some(ui.visuals().error_fg_color),
            );
        }
        None => {
            let upstream = outcome.upstream.as_deref().unwrap_or("the remote");
            ui.label(match outcome.pushed {
                0 => "Nothing to push.".to_owned(),
                1 => format!("Pushed 1 commit to {upstream}."),
                n => format!("Pushed {n} commits to {upstream}."),
            });
        }
    }
}

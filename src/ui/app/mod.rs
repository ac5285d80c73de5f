//! The Qalam app: its state and open documents. One frame's drawing is in `frame.rs`, applying
//! what it queued in `apply.rs` (the current document's part in `document_dispatch.rs`), file and
//! template actions in their own files, search and "Annotate all" in `search_actions.rs`.

use std::path::{Path, PathBuf};

use qalam_core::model::{Annotation, Document};

mod apply;
mod compare_actions;
pub mod compare_session;
mod corpus_actions;
pub mod corpus_session;
pub mod document_dispatch;
pub mod egui_fonts;
mod file_actions;
mod frame;
mod loading;
pub mod open_document;
mod review_dispatch;
pub mod run;
mod search_actions;
pub mod settings;
pub mod side_panels;
mod suggestion_actions;
pub mod suggestions;
mod sync_actions;
mod template_actions;

use crate::ui::app::compare_session::CompareSession;
use crate::ui::app::corpus_session::CorpusSession;
use crate::ui::app::open_document::{FrameTime, OpenDocument};
use crate::ui::app::settings::{Settings, SettingsProblem, settings_path, write_settings};
use crate::ui::app::side_panels::SidePanels;
use crate::ui::app::suggestions::SuggestionSession;
use crate::ui::commands::{AppMessage, Command, CommandQueue};
use crate::ui::panels::labelling_panels::LabellingPanels;
use crate::ui::panels::search_bar::SearchBar;
use crate::ui::widgets::messages::Messages;
use crate::ui::windows::agreement_window::AgreementWindow;
use crate::ui::windows::annotate_all_window::AnnotateAllWindow;
use crate::ui::windows::dataset_window::DatasetWindow;
use crate::ui::windows::dialogs::Dialog;
use crate::ui::windows::guidelines_window::GuidelinesWindow;
use crate::ui::windows::sync_window::SyncWindow;
use chrono::{DateTime, Utc};
use qalam_core::io::recovery::RecoveryStore;

/// The sample article shown when Qalam starts without files.
pub const SAMPLE_TEXT: &str = include_str!("../../../assets/kim-lavrov-wonsan.ar.txt");

/// File name of the bundled sample.
pub const SAMPLE_NAME: &str = "kim-lavrov-wonsan.ar.txt";

/// Which corpus windows are open, and the guidelines' layouts.
#[derive(Debug, Default)]
pub struct CorpusWindows {
    /// The guidelines window shows.
    pub guidelines: bool,
    /// The statistics window shows.
    pub statistics: bool,
    /// The guidelines window's state.
    pub guidelines_window: GuidelinesWindow,
}

/// The application state.
pub struct QalamApp {
    documents: Vec<OpenDocument>,
    current: usize,
    settings: Settings,
    /// The settings file, and the settings last written to it (or read from it): written again
    /// only when they differ.
    settings_file: PathBuf,
    saved_settings: Settings,
    recovery: RecoveryStore,
    dialogs: Vec<Dialog>,
    messages: Messages,
    commands: CommandQueue,
    show_shortcuts: bool,
    panels: LabellingPanels,
    side_panels: SidePanels,
    dataset: DatasetWindow,
    sync: SyncWindow,
    search: SearchBar,
    annotate_all: AnnotateAllWindow,
    corpus: Option<CorpusSession>,
    corpus_windows: CorpusWindows,
    compare: Option<CompareSession>,
    agreement: AgreementWindow,
    /// Large files being opened on background threads.
    loading: Vec<loading::PendingOpen>,
    close_confirmed: bool,
    applied_theme: Option<bool>,
    title: String,
    now: FrameTime,
    clock: fn() -> DateTime<Utc>,
    native_file_dialogs: bool,
    suggestions: SuggestionSession,
}

impl QalamApp {
    /// An app with `paths` open (the bundled sample when empty), recovery files under
    /// `data_dir`, and `settings`. Problems opening files are shown in the window.
    pub fn new(paths: Vec<PathBuf>, data_dir: &Path, settings: Settings) -> Self {
        let mut app = Self {
            documents: Vec::new(),
            current: 0,
            settings_file: settings_path(data_dir),
            saved_settings: settings.clone(),
            settings,
            recovery: RecoveryStore::new(data_dir),
            dialogs: Vec::new(),
            messages: Messages::default(),
            commands: CommandQueue::new(),
            show_shortcuts: false,
            panels: LabellingPanels::new(),
            side_panels: SidePanels::default(),
            dataset: DatasetWindow::new(),
            sync: SyncWindow::new(),
            search: SearchBar::default(),
            annotate_all: AnnotateAllWindow::default(),
            corpus: None,
            corpus_windows: CorpusWindows::default(),
            compare: None,
            agreement: AgreementWindow::default(),
            loading: Vec::new(),
            close_confirmed: false,
            applied_theme: None,
            title: String::new(),
            now: FrameTime {
                input: 0.0,
                wall: Utc::now(),
            },
            clock: Utc::now,
            native_file_dialogs: true,
            suggestions: SuggestionSession::default(),
        };
        if paths.is_empty() {
            let mut document = Document::new(SAMPLE_NAME.trim_end_matches(".txt"), SAMPLE_TEXT);
            document.title = SAMPLE_NAME.to_owned();
            let annotation = Annotation::new(document);
            app.documents
                .push(OpenDocument::new(annotation, None, None));
        }
        for path in paths {
            app.open_file(&path);
        }
        app.current = 0;
        let (entries, problems) = app.recovery.list();
        for problem in problems {
            app.messages.error(problem.to_string());
        }
        if !entries.is_empty() {
            app.dialogs.push(Dialog::Restore { entries });
        }
        if app.settings.annotator.is_empty() && !app.settings.annotator_asked {
            // Asked once: skipping (or quitting) does not bring the question back.
            app.settings.annotator_asked = true;
            app.dialogs.push(Dialog::Settings {
                annotator: String::new(),
                first_start: true,
            });
        }
        app
    }

    /// The open documents.
    pub fn documents(&self) -> &[OpenDocument] {
        &self.documents
    }

    /// The document being shown, if any.
    pub fn current_document(&self) -> Option<&OpenDocument> {
        self.documents.get(self.current)
    }

    /// The document being shown, mutably (tests set the view's selection through it).
    pub fn current_document_mut(&mut self) -> Option<&mut OpenDocument> {
        self.documents.get_mut(self.current)
    }

    /// Replaces the wall clock that stamps edits (the system clock by default), so tests can
    /// check the exact timestamps an edit stores.
    pub fn set_clock(&mut self, clock: fn() -> DateTime<Utc>) {
        self.clock = clock;
    }

    /// The settings (written to the settings file by [`Self::save_settings`]).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Writes the settings file (atomically) if the settings changed since it was last read or
    /// written; a failure is shown in the window and tried again at the next save.
    pub fn save_settings(&mut self) {
        if self.settings == self.saved_settings {
            return;
        }
        match write_settings(&self.settings_file, &self.settings) {
            Ok(()) => self.saved_settings = self.settings.clone(),
            Err(error) => self.messages.error(format!("Settings not saved: {error}")),
        }
    }

    /// Shows that the settings file could not be read (the defaults are in use).
    pub fn report_settings_problem(&mut self, problem: &SettingsProblem) {
        self.messages.error(problem.to_string());
    }

    /// Errors and messages shown to the user.
    pub fn messages(&self) -> &Messages {
        &self.messages
    }

    /// The search bar (its query, matches and current match).
    pub fn search_bar(&self) -> &SearchBar {
        &self.search
    }

    /// The "Annotate all" preview window.
    pub fn annotate_all_window(&self) -> &AnnotateAllWindow {
        &self.annotate_all
    }

    /// The gazetteer and its sources.
    pub fn suggestion_session(&self) -> &SuggestionSession {
        &self.suggestions
    }

    /// The dialogs waiting for the user, the front one shown.
    pub fn dialogs(&self) -> &[Dialog] {
        &self.dialogs
    }

    /// Whether Open, Save as and the label-template commands try the native file dialog
    /// before the path field (default on). Tests turn it off so no dialog can block them.
    pub fn set_native_file_dialogs(&mut self, on: bool) {
        self.native_file_dialogs = on;
    }

    /// `pick()` (a native file dialog) when native dialogs are on, else `None` (the caller
    /// then shows its path field).
    fn native_dialog<T>(&self, pick: impl FnOnce() -> Option<T>) -> Option<T> {
        if self.native_file_dialogs {
            pick()
        } else {
            None
        }
    }

    /// Queues a command to apply at the end of the next frame, as a menu click would.
    pub fn queue_command(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Queues an internal message to apply at the end of the next frame, as a panel would.
    pub fn queue_message(&mut self, message: AppMessage) {
        self.commands.push(message);
    }

    /// The window title: "Qalam — <file name>", with "•" when there are unsaved changes.
    pub fn window_title(&self) -> String {
        match self.current_document() {
            Some(doc) if doc.is_dirty() => format!("Qalam — {} •", doc.display_name()),
            Some(doc) => format!("Qalam — {}", doc.display_name()),
            None => "Qalam".to_owned(),
        }
    }
}

impl eframe::App for QalamApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app_ui(ui);
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.save_settings();
    }
}

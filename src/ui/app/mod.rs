//! The Qalam app: open documents, the frame layout (menu bar, error banner, document selector,
//! status bar, side panels, document view), and applying the frame's commands and messages after
//! drawing (the current document's part in `document_dispatch.rs`).

use std::path::{Path, PathBuf};

use qalam_core::model::{Annotation, Document, Edit};

pub mod document_dispatch;
pub mod egui_fonts;
mod file_actions;
pub mod open_document;
pub mod run;
pub mod settings;
mod template_actions;

use crate::ui::app::document_dispatch::DocumentDispatch;
use crate::ui::app::open_document::{FrameTime, OpenDocument};
use crate::ui::app::settings::{Settings, TEXT_SIZE_STEP};
use crate::ui::commands::{
    AppMessage, Command, CommandQueue, Queued, consume_shortcuts, fixed_shortcuts,
};
use crate::ui::panels::labelling_panels::LabellingPanels;
use crate::ui::panels::menu_bar::{MenuContext, menu_bar_ui};
use crate::ui::panels::status_bar::{StatusContext, status_bar_ui};
use crate::ui::widgets::bidi_text::{selectable_text_ui, text_label_ui};
use crate::ui::widgets::file_dialogs;
use crate::ui::widgets::messages::Messages;
use crate::ui::windows::dialogs::{Dialog, PathPurpose, dialog_ui};
use crate::ui::windows::shortcut_overlay::shortcut_overlay_ui;
use chrono::{DateTime, Utc};
use qalam_core::io::recovery::RecoveryStore;

/// The sample article shown when Qalam starts without files.
pub const SAMPLE_TEXT: &str = include_str!("../../../assets/kim-lavrov-wonsan.ar.txt");

/// File name of the bundled sample.
pub const SAMPLE_NAME: &str = "kim-lavrov-wonsan.ar.txt";

/// The application state.
pub struct QalamApp {
    documents: Vec<OpenDocument>,
    current: usize,
    settings: Settings,
    recovery: RecoveryStore,
    dialogs: Vec<Dialog>,
    messages: Messages,
    commands: CommandQueue,
    show_shortcuts: bool,
    panels: LabellingPanels,
    close_confirmed: bool,
    applied_theme: Option<bool>,
    title: String,
    now: FrameTime,
    clock: fn() -> DateTime<Utc>,
    native_file_dialogs: bool,
}

impl QalamApp {
    /// An app with `paths` open (the bundled sample when empty), recovery files under
    /// `data_dir`, and `settings`. Problems opening files are shown in the window.
    pub fn new(paths: Vec<PathBuf>, data_dir: &Path, settings: Settings) -> Self {
        let mut app = Self {
            documents: Vec::new(),
            current: 0,
            settings,
            recovery: RecoveryStore::new(data_dir),
            dialogs: Vec::new(),
            messages: Messages::default(),
            commands: CommandQueue::new(),
            show_shortcuts: false,
            panels: LabellingPanels::new(),
            close_confirmed: false,
            applied_theme: None,
            title: String::new(),
            now: FrameTime {
                input: 0.0,
                wall: Utc::now(),
            },
            clock: Utc::now,
            native_file_dialogs: true,
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

    /// The settings (stored by [`eframe::App::save`]).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Errors and messages shown to the user.
    pub fn messages(&self) -> &Messages {
        &self.messages
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

    /// Draws one frame and then applies the commands it produced.
    pub fn app_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.now = FrameTime {
            input: ui.input(|i| i.time),
            wall: (self.clock)(),
        };
        self.apply_theme(&ctx);
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        self.handle_dropped_files(&ctx);
        self.handle_close_request(&ctx);
        if self.dialogs.is_empty() {
            let text_has_focus = ctx.text_edit_focused();
            let bindings = fixed_shortcuts(self.documents.len());
            let pressed = ctx.input_mut(|i| consume_shortcuts(i, &bindings, text_has_focus));
            self.commands.extend(pressed);
        }

        self.panels_ui(ui);

        if let Some(doc) = self.documents.get(self.current) {
            if self.dialogs.is_empty() {
                let selection = doc.view.selection();
                let hotkeys = self.panels.hotkey_commands(
                    &ctx,
                    doc.annotation(),
                    selection.as_ref(),
                    doc.selected_span,
                );
                self.commands.extend(hotkeys);
            }
            let window_commands = self.panels.windows_ui(&ctx, doc.annotation());
            self.commands.extend(window_commands);
        }
        self.dialog_ui(&ctx);
        let labels = self
            .documents
            .get(self.current)
            .map(|doc| doc.annotation().labels());
        shortcut_overlay_ui(&ctx, &mut self.show_shortcuts, labels);

        let mut applied_any = false;
        for item in self.commands.take() {
            self.apply_queued(&ctx, item);
            applied_any = true;
        }
        if applied_any {
            // Commands are applied after drawing: draw again so their effect (a new span, an
            // opened window) shows now, not on the next input event.
            ctx.request_repaint();
        }
        self.write_recovery_files(&ctx);
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.settings.dark_theme) {
            ctx.set_theme(if self.settings.dark_theme {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            self.applied_theme = Some(self.settings.dark_theme);
        }
    }

    fn panels_ui(&mut self, ui: &mut egui::Ui) {
        let mut commands = std::mem::take(&mut self.commands);
        self.panels_with_queue_ui(ui, &mut commands);
        commands.extend(self.commands.take());
        self.commands = commands;
    }

    fn panels_with_queue_ui(&mut self, ui: &mut egui::Ui, commands: &mut CommandQueue) {
        let menus = MenuContext {
            labels: self.current_document().map(|d| d.annotation().labels()),
            documents: self
                .documents
                .iter()
                .map(OpenDocument::display_name)
                .collect(),
            current: self.current,
            recent_files: &self.settings.recent_files,
            undo: self
                .current_document()
                .and_then(|d| d.history().undo_description())
                .map(|what| format!("Undo {what}")),
            redo: self
                .current_document()
                .and_then(|d| d.history().redo_description())
                .map(|what| format!("Redo {what}")),
        };
        egui::Panel::top("menu_bar").show(ui, |ui| {
            menu_bar_ui(ui, &menus, commands);
        });
        if !self.messages.errors().is_empty() {
            egui::Panel::top("error_banner").show(ui, |ui| self.messages.error_banner_ui(ui));
        }
        if self.documents.len() > 1 {
            egui::Panel::top("document_selector").show(ui, |ui| self.document_selector_ui(ui));
        }
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        if let Some(doc) = self.documents.get(self.current) {
            let selection = doc.view.selection();
            let panels = &mut self.panels;
            egui::Panel::left("label_palette")
                .resizable(true)
                .default_size(180.0)
                .show(ui, |ui| {
                    commands.extend(panels.label_palette_ui(
                        ui,
                        doc.annotation(),
                        selection.as_ref(),
                        doc.selected_span,
                    ));
                });
            egui::Panel::right("span_list")
                .resizable(true)
                .default_size(280.0)
                .show(ui, |ui| {
                    commands.extend(panels.span_list_ui(ui, doc.annotation(), doc.selected_span));
                });
        }
        let text_size = self.settings.text_size;
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(doc) = self.documents.get_mut(self.current) else {
                no_document_ui(ui, commands);
                return;
            };
            if doc.view.text_size() != text_size {
                doc.view.set_text_size(text_size);
            }
            let selected_span = doc.selected_span;
            let (view, annotation) = doc.view_and_annotation();
            let response = view.ui(ui, annotation, selected_span);
            if let Some(id) = response.clicked_span {
                commands.push(AppMessage::SelectSpan(Some(id)));
            }
            if let Some((id, start, end)) = response.span_edge_drag {
                commands.push(AppMessage::ApplyEdit(Edit::SetBounds { id, start, end }));
            }
        });
    }

    fn document_selector_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            ui.label("Documents:");
            for (index, doc) in self.documents.iter().enumerate() {
                let name = if doc.is_dirty() {
                    format!("{} •", doc.display_name())
                } else {
                    doc.display_name()
                };
                if selectable_text_ui(ui, index == self.current, &name).clicked() {
                    self.commands.push(Command::SelectDocument(index));
                }
            }
        });
    }

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        let Some(doc) = self.documents.get(self.current) else {
            let text = self
                .messages
                .info_text()
                .unwrap_or("Open a .txt or .qalam.json file to start");
            text_label_ui(ui, text, None);
            return;
        };
        let status = StatusContext {
            annotation: doc.annotation(),
            selection: doc.view.selection(),
            dirty: doc.is_dirty(),
            message: self.messages.info_text(),
        };
        status_bar_ui(ui, &status, &mut self.commands);
    }

    fn dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = self.dialogs.first_mut() else {
            return;
        };
        let (keep_open, action) = dialog_ui(ctx, dialog);
        if !keep_open {
            self.dialogs.remove(0);
        }
        if let Some(action) = action {
            self.apply_dialog_action(ctx, action);
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        self.commands
            .extend(dropped.into_iter().map(AppMessage::OpenFile));
    }

    /// Applies one queued item: the current document's part through [`DocumentDispatch`], the
    /// rest (and everything while no document is open) here.
    fn apply_queued(&mut self, ctx: &egui::Context, item: Queued) {
        let left = match self.documents.get_mut(self.current) {
            Some(doc) => DocumentDispatch {
                doc,
                panels: &mut self.panels,
                messages: &mut self.messages,
                annotator: self.settings.annotator_name(),
                now: self.now,
            }
            .apply(item),
            None => vec![item],
        };
        for item in left {
            match item {
                Queued::Command(command) => self.apply_command(ctx, command),
                Queued::Message(message) => self.apply_message(message),
            }
        }
    }

    /// Applies a command that is not the current document's (or any command while no document
    /// is open).
    fn apply_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Open => {
                let folder = self.settings.last_folder.clone();
                match self.native_dialog(|| file_dialogs::pick_file_to_open(folder.as_deref())) {
                    Some(path) => self.open_file(&path),
                    None => self.show_path_dialog(PathPurpose::Open),
                }
            }
            Command::OpenPath => self.show_path_dialog(PathPurpose::Open),
            Command::Save => {
                self.save_current();
            }
            Command::SaveAs => self.save_as(self.current),
            Command::CloseDocument => self.close_document(self.current, false),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Settings => self.dialogs.push(Dialog::Settings {
                annotator: self.settings.annotator.clone(),
            }),
            // The document's commands (see `DocumentDispatch`) get here only with no document.
            Command::Undo | Command::Redo => self.messages.info("No document is open"),
            Command::SetStatus(_) | Command::ClearSelection => {}
            Command::SaveLabelTemplate => self.save_label_template(),
            Command::LoadLabelTemplate => self.load_label_template(),
            Command::TagSelection(_)
            | Command::RelabelSpan(_)
            | Command::DeleteSpan
            | Command::ResizeSpan(_)
            | Command::NextSpan
            | Command::PrevSpan
            | Command::EditNote
            | Command::EditLabels => self.messages.info("Open a document first"),
            Command::TextBigger => self.settings.change_text_size(TEXT_SIZE_STEP),
            Command::TextSmaller => self.settings.change_text_size(-TEXT_SIZE_STEP),
            Command::ToggleTheme => self.settings.dark_theme = !self.settings.dark_theme,
            Command::SelectDocument(index) => {
                if index < self.documents.len() {
                    self.current = index;
                }
            }
            Command::ShowShortcuts => self.show_shortcuts = !self.show_shortcuts,
        }
    }

    /// Applies a message that is not the current document's (or any message while no document
    /// is open).
    fn apply_message(&mut self, message: AppMessage) {
        match message {
            AppMessage::OpenFile(path) => self.open_file(&path),
            AppMessage::ReportError(message) => self.messages.error(message),
            AppMessage::ReportInfo(message) => self.messages.info(message),
            // The document's messages (see `DocumentDispatch`): nothing to do without one.
            AppMessage::ApplyEdit(_) | AppMessage::SelectSpan(_) | AppMessage::ClearSelection => {}
        }
    }

    fn show_path_dialog(&mut self, purpose: PathPurpose) {
        let text = self
            .settings
            .last_folder
            .as_ref()
            .map(|folder| format!("{}/", folder.display()))
            .unwrap_or_default();
        self.dialogs.push(Dialog::Path { purpose, text });
    }

    /// Applies `edit` to document `index` through its history (refusals are shown); returns
    /// whether it was applied. For the app's own edits (label templates); the current
    /// document's commands go through `DocumentDispatch`.
    fn apply_edit_to(&mut self, index: usize, edit: Edit) -> bool {
        let annotator = self.settings.annotator_name();
        let Some(doc) = self.documents.get_mut(index) else {
            return false;
        };
        match doc.apply_user_edit(edit, self.now, annotator) {
            Ok(()) => true,
            Err(e) => {
                self.messages.error(format!("The change was refused: {e}"));
                false
            }
        }
    }
}

fn no_document_ui(ui: &mut egui::Ui, commands: &mut CommandQueue) {
    ui.vertical_centered(|ui| {
        ui.add_space(40.0);
        ui.heading("No document open");
        if ui.button(Command::Open.name()).clicked() {
            commands.push(Command::Open);
        }
        if ui.button(Command::OpenPath.name()).clicked() {
            commands.push(Command::OpenPath);
        }
        ui.label("or drop a .txt or .qalam.json file here");
    });
}

impl eframe::App for QalamApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.store(storage);
    }
}

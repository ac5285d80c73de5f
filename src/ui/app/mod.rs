//! The Qalam app: open documents, the frame layout (menu bar, error banner, document selector,
//! status bar, side panels, document view), and applying the frame's commands after drawing.

use std::path::{Path, PathBuf};

use qalam_core::model::{Annotation, Document, Edit};

pub mod egui_fonts;
mod file_actions;
pub mod open_document;
pub mod run;
pub mod settings;
mod template_actions;

use crate::ui::app::open_document::OpenDocument;
use crate::ui::app::settings::{Settings, TEXT_SIZE_STEP};
use crate::ui::commands::{Command, CommandQueue, consume_shortcuts, fixed_shortcuts};
use crate::ui::panels::labelling_panels::LabellingPanels;
use crate::ui::panels::menu_bar::{MenuContext, menu_bar_ui};
use crate::ui::panels::status_bar::{StatusContext, status_bar_ui};
use crate::ui::widgets::bidi_text::{selectable_text_ui, text_label_ui};
use crate::ui::widgets::file_dialogs;
use crate::ui::widgets::messages::Messages;
use crate::ui::windows::dialogs::{Dialog, PathPurpose, dialog_ui};
use crate::ui::windows::shortcut_overlay::shortcut_overlay_ui;
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
    now: f64,
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
            now: 0.0,
            native_file_dialogs: true,
        };
        if paths.is_empty() {
            let mut annotation = Annotation::new(Document::new(
                SAMPLE_NAME.trim_end_matches(".txt"),
                SAMPLE_TEXT,
            ));
            annotation.document.title = SAMPLE_NAME.to_owned();
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
        self.now = ui.input(|i| i.time);
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
                    &doc.annotation,
                    selection.as_ref(),
                    doc.selected_span,
                );
                self.commands.extend(hotkeys);
            }
            let window_commands = self.panels.windows_ui(&ctx, &doc.annotation);
            self.commands.extend(window_commands);
        }
        self.dialog_ui(&ctx);
        let labels = self
            .documents
            .get(self.current)
            .map(|doc| &doc.annotation.labels);
        shortcut_overlay_ui(&ctx, &mut self.show_shortcuts, labels);

        let mut applied_any = false;
        for command in self.commands.take() {
            self.apply_command(&ctx, command);
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
            labels: self.current_document().map(|d| &d.annotation.labels),
            documents: self
                .documents
                .iter()
                .map(OpenDocument::display_name)
                .collect(),
            current: self.current,
            recent_files: &self.settings.recent_files,
            undo: self
                .current_document()
                .and_then(|d| d.history.undo_description())
                .map(|what| format!("Undo {what}")),
            redo: self
                .current_document()
                .and_then(|d| d.history.redo_description())
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
                        &doc.annotation,
                        selection.as_ref(),
                        doc.selected_span,
                    ));
                });
            egui::Panel::right("span_list")
                .resizable(true)
                .default_size(280.0)
                .show(ui, |ui| {
                    commands.extend(panels.span_list_ui(ui, &doc.annotation, doc.selected_span));
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
            let response = doc.view.ui(ui, &doc.annotation, doc.selected_span);
            if let Some(id) = response.clicked_span {
                commands.push(Command::SelectSpan(Some(id)));
            }
            if let Some((id, start, end)) = response.span_edge_drag {
                commands.push(Command::ApplyEdit(Edit::SetBounds { id, start, end }));
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
            annotation: &doc.annotation,
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
            .extend(dropped.into_iter().map(Command::OpenFile));
    }

    fn apply_command(&mut self, ctx: &egui::Context, command: Command) {
        if let Some(doc) = self.documents.get(self.current)
            && let Some(replacements) = self.panels.handle_command(
                &command,
                &doc.annotation,
                doc.view.selection(),
                doc.selected_span,
            )
        {
            for replacement in replacements {
                self.apply_command(ctx, replacement);
            }
            return;
        }
        match command {
            Command::Open => {
                let folder = self.settings.last_folder.clone();
                match self.native_dialog(|| file_dialogs::pick_file_to_open(folder.as_deref())) {
                    Some(path) => self.open_file(&path),
                    None => self.show_path_dialog(PathPurpose::Open),
                }
            }
            Command::OpenPath => self.show_path_dialog(PathPurpose::Open),
            Command::OpenFile(path) => self.open_file(&path),
            Command::Save => {
                self.save_current();
            }
            Command::SaveAs => self.save_as(self.current),
            Command::CloseDocument => self.close_document(self.current, false),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => self.with_document(|doc, now| {
                if !doc.undo(now) {
                    return Err("Nothing to undo".to_owned());
                }
                Ok(())
            }),
            Command::Redo => self.with_document(|doc, now| {
                if !doc.redo(now) {
                    return Err("Nothing to redo".to_owned());
                }
                Ok(())
            }),
            Command::SetStatus(status) => {
                if self
                    .current_document()
                    .is_some_and(|d| d.annotation.status != status)
                {
                    self.apply_edit(Edit::SetStatus(status));
                }
            }
            Command::Settings => self.dialogs.push(Dialog::Settings {
                annotator: self.settings.annotator.clone(),
            }),
            Command::ApplyEdit(edit) => self.apply_edit(edit),
            Command::SaveLabelTemplate => self.save_label_template(),
            Command::LoadLabelTemplate => self.load_label_template(),
            // Handled by the labelling panels above; they need an open document.
            Command::TagSelection(_)
            | Command::RelabelSpan(_)
            | Command::DeleteSpan
            | Command::ResizeSpan(_)
            | Command::NextSpan
            | Command::PrevSpan
            | Command::EditNote
            | Command::EditLabels => self.messages.info("Open a document first"),
            Command::SelectSpan(id) => self.select_span(id),
            Command::ClearSelection => {
                if let Some(doc) = self.current_document_mut() {
                    doc.view.set_selection(None);
                    doc.selected_span = None;
                }
            }
            Command::TextBigger => self.settings.change_text_size(TEXT_SIZE_STEP),
            Command::TextSmaller => self.settings.change_text_size(-TEXT_SIZE_STEP),
            Command::ToggleTheme => self.settings.dark_theme = !self.settings.dark_theme,
            Command::SelectDocument(index) => {
                if index < self.documents.len() {
                    self.current = index;
                }
            }
            Command::ShowShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Command::ReportError(message) => self.messages.error(message),
            Command::ReportInfo(message) => self.messages.info(message),
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

    /// Runs `change` on the current document; an `Err` message goes to the status bar.
    fn with_document(&mut self, change: impl FnOnce(&mut OpenDocument, f64) -> Result<(), String>) {
        let now = self.now;
        let Some(doc) = self.documents.get_mut(self.current) else {
            self.messages.info("No document is open");
            return;
        };
        if let Err(message) = change(doc, now) {
            self.messages.info(message);
        }
    }

    /// Applies `edit` to the current document through its history; refusals are shown.
    /// A new span gets the annotator name from the settings, and the text selection it was
    /// made from is cleared so that the next label hotkey relabels it.
    fn apply_edit(&mut self, edit: Edit) {
        self.apply_edit_to(self.current, edit);
    }

    /// [`Self::apply_edit`] for document `index`; returns whether the edit was applied.
    fn apply_edit_to(&mut self, index: usize, mut edit: Edit) -> bool {
        let now = self.now;
        let annotator = self.settings.annotator_name();
        let Some(doc) = self.documents.get_mut(index) else {
            return false;
        };
        let adds_span = if let Edit::AddSpan(span) = &mut edit {
            if span.annotator.is_none() {
                span.annotator = annotator;
            }
            true
        } else {
            false
        };
        match doc.apply_edit(edit, now) {
            Ok(()) => {
                if adds_span {
                    doc.view.set_selection(None);
                }
                true
            }
            Err(e) => {
                self.messages.error(format!("The change was refused: {e}"));
                false
            }
        }
    }

    fn select_span(&mut self, id: Option<qalam_core::model::SpanId>) {
        let Some(doc) = self.documents.get_mut(self.current) else {
            return;
        };
        doc.selected_span = id;
        if let Some(span) = id.and_then(|id| doc.annotation.span(id)) {
            doc.view.scroll_to(span.start);
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

//! One frame of the app: theme, menu bar, error banner, document selector, status bar, side
//! panels, document view and dialogs; what they produce is queued and applied afterwards.

use std::path::PathBuf;

use qalam_core::model::Edit;

use super::QalamApp;
use super::corpus_session::CorpusSession;
use super::side_panels::{
    DOCUMENT_LIST_ID, DOCUMENT_LIST_WIDTH, FOLDED_STRIP_WIDTH, LABEL_PALETTE_ID,
    LABEL_PALETTE_WIDTH, SPAN_LIST_ID, SPAN_LIST_WIDTH, Shown, SidePanel, fitting,
};
use crate::ui::app::open_document::{FrameTime, OpenDocument};
use crate::ui::commands::{
    AppMessage, Command, CommandQueue, consume_compare_keys, consume_shortcuts, fixed_shortcuts,
    review_shortcuts,
};
use crate::ui::document_view::outlines::Outline;
use crate::ui::panels::document_list::document_list_ui;
use crate::ui::panels::menu_bar::{MenuContext, MenuToggles, menu_bar_ui};
use crate::ui::panels::review_bar::review_bar_ui;
use crate::ui::panels::status_bar::{StatusContext, status_bar_ui};
use crate::ui::widgets::bidi_text::{fitted_text_label_ui, selectable_text_ui};
use crate::ui::windows::compare_view::{
    COMPARE_PANEL_ID, COMPARE_PANEL_WIDTH, merged_ui, panel_ui as compare_panel_ui,
};
use crate::ui::windows::dialogs::dialog_ui;
use crate::ui::windows::shortcut_overlay::shortcut_overlay_ui;
use crate::ui::windows::statistics_window::statistics_window_ui;

impl QalamApp {
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
        self.poll_corpus_scan(&ctx);
        self.poll_suggestions(&ctx);
        self.poll_loading(&ctx);
        self.handle_close_request(&ctx);
        if self.dialogs.is_empty() {
            self.close_window_on_escape(&ctx);
            // The dataset window counts as a text field: keys that would edit text (letters,
            // Delete, arrows) never reach the document while it is open.
            // So does the review bar's reason field, from the frame it opens.
            let text_has_focus = ctx.text_edit_focused()
                || self.dataset.is_open()
                || self.sync.is_open()
                || self.panels.review.is_rejecting();
            let mut bindings = fixed_shortcuts(self.documents.len());
            // The compare view's own single keys win over review mode's while adjudicating.
            if self.panels.review.is_active() && !self.compare_keys_act() {
                bindings.extend(review_shortcuts());
            }
            let pressed = ctx.input_mut(|i| consume_shortcuts(i, &bindings, text_has_focus));
            if let Some(compare) = self.compare.as_mut()
                && compare.editing
                && pressed.contains(&Command::ClearSelection)
            {
                // Esc ends editing a gold span by hand: the compare keys act again.
                compare.editing = false;
            }
            self.commands.extend(pressed);
            if self.compare_keys_act() && !text_has_focus {
                let annotators = self.compare.as_ref().map_or(0, |c| c.versions.len());
                let actions = ctx.input_mut(|i| consume_compare_keys(i, annotators));
                self.commands
                    .extend(actions.into_iter().map(AppMessage::Adjudicate));
            }
        }

        self.panels_ui(ui);

        let compare_keys = self.compare_keys_act();
        if let Some(doc) = self.documents.get(self.current) {
            // While the compare keys act they replace the label hotkeys (same digits and
            // letters).
            if self.dialogs.is_empty()
                && !self.dataset.is_open()
                && !self.sync.is_open()
                && !compare_keys
                && !self.annotate_all.is_open()
            {
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
            let annotate_all = self.annotate_all.ui(&ctx, doc.annotation());
            self.commands.extend(annotate_all);
        }
        self.dataset_window_ui(&ctx);
        self.sync.ui(&ctx, &mut self.commands);
        self.corpus_windows_ui(&ctx);
        self.loading_window_ui(&ctx);
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
        self.observe_gold();
        self.record_corpus_edits();
        self.write_recovery_files(&ctx);
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Esc closes the "Annotate all" preview, the dataset window (unless a conversion runs), the
    /// sync window (unless a sync runs), the shortcut overlay, or else a labelling window (see
    /// [`LabellingPanels::close_window_on_escape`](crate::ui::panels::labelling_panels::LabellingPanels::close_window_on_escape)),
    /// or else the search bar.
    fn close_window_on_escape(&mut self, ctx: &egui::Context) {
        if self.annotate_all.is_open()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.annotate_all.close();
            return;
        }

        if self.dataset.is_open()
            && !self.dataset.is_running()
            && !ctx.text_edit_focused()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.dataset.close();
            return;
        }
        if self.sync.is_open()
            && !self.sync.is_running()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.sync.close();
            return;
        }
        if self.show_shortcuts
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.show_shortcuts = false;
            return;
        }
        if self.panels.close_window_on_escape(ctx) {
            return;
        }
        // Last of all the search bar, before Esc clears the selection (the current match stays
        // selected, so a label key tags it).
        if self.search.is_open()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.search.close();
        }
    }

    pub(super) fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.settings.dark_theme) {
            ctx.set_theme(if self.settings.dark_theme {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            self.applied_theme = Some(self.settings.dark_theme);
        }
    }

    pub(super) fn panels_ui(&mut self, ui: &mut egui::Ui) {
        let mut commands = std::mem::take(&mut self.commands);
        self.panels_with_queue_ui(ui, &mut commands);
        commands.extend(self.commands.take());
        self.commands = commands;
    }

    pub(super) fn panels_with_queue_ui(&mut self, ui: &mut egui::Ui, commands: &mut CommandQueue) {
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
            toggles: MenuToggles {
                label_palette: self.side_panels.is_shown(SidePanel::LabelPalette),
                span_list: self.side_panels.is_shown(SidePanel::SpanList),
                word_snap: self.settings.snap_to_words,
                document_list: self.side_panels.is_shown(SidePanel::DocumentList),
                review_mode: self.panels.review.is_active(),
                suggestions: self.suggestions.show,
            },
            corpus_open: self.corpus.is_some(),
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
        if self.panels.review.is_active()
            && let Some(doc) = self.documents.get(self.current)
        {
            let review = &mut self.panels.review;
            egui::Panel::top("review_bar").show(ui, |ui| {
                review_bar_ui(ui, review, doc.annotation(), doc.selected_span, commands);
            });
        }
        if let Some(doc) = self.documents.get_mut(self.current) {
            self.search.refresh(doc);
        }
        let corpus = self.corpus.as_ref().and_then(CorpusSession::corpus);
        self.search.refresh_corpus(corpus);
        if self.search.is_open() {
            let corpus_open = corpus.is_some();
            egui::Panel::top("search_bar").show(ui, |ui| self.search.ui(ui, corpus_open, commands));
        }
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        let shown = self.decide_side_panels(ui);
        let current_corpus_document = self.current_corpus_document();
        if let Some(session) = self.corpus.as_mut() {
            if shown[2] {
                egui::Panel::left(DOCUMENT_LIST_ID)
                    .resizable(true)
                    .default_size(DOCUMENT_LIST_WIDTH)
                    .show(ui, |ui| {
                        document_list_ui(ui, session, current_corpus_document, commands);
                    });
            } else {
                folded_panel_ui(ui, SidePanel::DocumentList, commands);
            }
        }
        let compare_shows = self.compare_shows();
        if compare_shows
            && let (Some(compare), Some(doc)) =
                (self.compare.as_ref(), self.documents.get(self.current))
        {
            egui::Panel::right(COMPARE_PANEL_ID)
                .resizable(true)
                .default_size(COMPARE_PANEL_WIDTH)
                .show(ui, |ui| {
                    compare_panel_ui(ui, compare, doc.annotation(), commands);
                });
        }
        if let Some(doc) = self.documents.get(self.current) {
            let selection = doc.view.selection();
            let panels = &mut self.panels;
            if shown[0] {
                egui::Panel::left(LABEL_PALETTE_ID)
                    .resizable(true)
                    .default_size(LABEL_PALETTE_WIDTH)
                    .show(ui, |ui| {
                        commands.extend(panels.label_palette_ui(
                            ui,
                            doc.annotation(),
                            selection.as_ref(),
                            doc.selected_span,
                        ));
                    });
            } else {
                folded_panel_ui(ui, SidePanel::LabelPalette, commands);
            }
            if shown[1] {
                egui::Panel::right(SPAN_LIST_ID)
                    .resizable(true)
                    .default_size(SPAN_LIST_WIDTH)
                    .show(ui, |ui| {
                        commands.extend(panels.span_list_ui(
                            ui,
                            doc.annotation(),
                            doc.selected_span,
                        ));
                    });
            } else {
                folded_panel_ui(ui, SidePanel::SpanList, commands);
            }
        }
        let text_size = self.settings.text_size;
        let snap_to_words = self.settings.snap_to_words;
        let corpus_open = self.corpus.is_some();
        let show_suggestions = self.suggestions_active();
        egui::CentralPanel::default().show(ui, |ui| {
            if compare_shows && let Some(compare) = self.compare.as_mut() {
                let height = (ui.available_height() * 0.45).max(80.0);
                ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
                    merged_ui(ui, compare, text_size, commands);
                });
                ui.separator();
                ui.label("Gold (saved as the .gold.qalam.json file)");
            }
            let Some(doc) = self.documents.get_mut(self.current) else {
                no_document_ui(ui, corpus_open, commands);
                return;
            };
            if doc.view.text_size() != text_size {
                doc.view.set_text_size(text_size);
            }
            doc.view.set_word_snap(snap_to_words);
            let selected_span = doc.selected_span;
            let (view, annotation) = doc.view_and_annotation();
            let response = view.ui(ui, annotation, selected_span);
            if show_suggestions {
                let annotation = doc.annotation();
                let visible = doc.view.visible_chars();
                let list = doc.suggestions.list();
                // Sorted by start; a long suggestion may begin a little before the visible part.
                let first = list.partition_point(|s| s.start + 500 < visible.start);
                let current = doc.suggestions.current();
                let outlines = list[first..]
                    .iter()
                    .take_while(|s| s.start < visible.end)
                    .filter(|s| s.end > visible.start)
                    .map(|s| Outline {
                        range: s.range(),
                        color: annotation.labels().get(&s.label).map(|l| l.color),
                        current: current == Some(s),
                    });
                doc.view.paint_outlines(ui, outlines);
            }
            if show_suggestions && response.selection_started {
                // A press inside a suggestion makes it the one the review keys act on.
                commands.push(AppMessage::SelectSuggestionAt(doc.view.caret()));
            }
            if let Some(id) = response.clicked_span {
                commands.push(AppMessage::SelectSpan(Some(id)));
            } else if response.selection_started && selected_span.is_some() {
                // A new caret or text selection: the clicked span is no longer what the
                // label keys act on, and its outline must not frame the new selection.
                commands.push(AppMessage::SelectSpan(None));
            }
            if let Some((id, start, end)) = response.span_edge_drag {
                commands.push(AppMessage::ApplyEdit(Edit::SetBounds { id, start, end }));
            }
        });
    }

    /// This frame's side panels `[label palette, span list, document list]`: the ones the user wants that
    /// leave a usable text column in the space left by the top and bottom bars and, while
    /// comparing, the compare panel (see
    /// [`side_panels`](super::side_panels)), plus those opened by hand although folded.
    fn decide_side_panels(&mut self, ui: &egui::Ui) -> Shown {
        let width_of = |salt: &str, default: f32| {
            egui::containers::panel::PanelState::load(
                ui.ctx(),
                ui.scope_id().with_salt(egui::IdSalt::new(salt)),
            )
            .map_or(default, |state| state.size().x)
        };
        let widths = [
            width_of(LABEL_PALETTE_ID, LABEL_PALETTE_WIDTH),
            width_of(SPAN_LIST_ID, SPAN_LIST_WIDTH),
            width_of(DOCUMENT_LIST_ID, DOCUMENT_LIST_WIDTH),
        ];
        let wanted = [
            self.settings.show_label_palette,
            self.settings.show_span_list,
            self.settings.show_document_list && self.corpus.is_some(),
        ];
        // The compare view's panel is on screen too while comparing: the others fit beside it.
        let compare = if self.compare_shows() {
            width_of(COMPARE_PANEL_ID, COMPARE_PANEL_WIDTH)
        } else {
            0.0
        };
        let fits = fitting(ui.available_width() - compare, widths, wanted);
        self.side_panels.decide(wanted, fits)
    }

    pub(super) fn document_selector_ui(&mut self, ui: &mut egui::Ui) {
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

    pub(super) fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        let now = self.now.input;
        if let Some(left) = self.messages.notice_remaining(now) {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(left));
        }
        let Some(doc) = self.documents.get(self.current) else {
            let text = self
                .messages
                .visible_notice(now, None)
                .unwrap_or("Open a .txt or .qalam.json file to start");
            fitted_text_label_ui(ui, text);
            return;
        };
        let suggestions_active = self.suggestions_active();
        let status = StatusContext {
            annotation: doc.annotation(),
            selection: doc.view.selection(),
            dirty: doc.is_dirty(),
            message: self.messages.visible_notice(now, Some(&doc.recovery_id)),
            annotator: &self.settings.annotator,
            suggestions: suggestions_active
                .then(|| (doc.suggestions.list().len(), doc.suggestions.is_computing())),
            current_suggestion: suggestions_active
                .then(|| doc.suggestions.current())
                .flatten()
                .map(|s| (s.range(), s.label.as_str())),
        };
        status_bar_ui(ui, &status, &mut self.commands);
    }

    /// The export/import window, while open; what it asks for (opening imported files) is queued.
    pub(super) fn dataset_window_ui(&mut self, ctx: &egui::Context) {
        let current = self
            .documents
            .get(self.current)
            .map(OpenDocument::annotation);
        let open: Vec<_> = self
            .documents
            .iter()
            .map(OpenDocument::annotation)
            .collect();
        let messages = self
            .dataset
            .ui(ctx, current, &open, self.native_file_dialogs);
        self.commands.extend(messages);
    }

    /// The guidelines and statistics windows, while open.
    pub(super) fn corpus_windows_ui(&mut self, ctx: &egui::Context) {
        let windows = &mut self.corpus_windows;
        let blocks = self
            .corpus
            .as_ref()
            .map(|session| session.guidelines())
            .unwrap_or_default();
        if windows.guidelines {
            windows
                .guidelines_window
                .ui(ctx, &mut windows.guidelines, blocks);
        }
        if windows.statistics {
            let stats = self.corpus.as_mut().and_then(|session| session.stats());
            statistics_window_ui(ctx, &mut windows.statistics, stats);
        }
        let corpus = self.corpus.as_ref().and_then(|session| session.corpus());
        self.agreement.ui(ctx, corpus, &mut self.commands);
    }

    pub(super) fn dialog_ui(&mut self, ctx: &egui::Context) {
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

    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
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
}

/// The thin strip a folded side panel leaves: one button that opens it again.
fn folded_panel_ui(ui: &mut egui::Ui, panel: SidePanel, commands: &mut CommandQueue) {
    let (side, arrow, command) = match panel {
        SidePanel::LabelPalette => (
            egui::Panel::left("label_palette_folded"),
            ">",
            Command::ToggleLabelPalette,
        ),
        SidePanel::SpanList => (
            egui::Panel::right("span_list_folded"),
            "<",
            Command::ToggleSpanList,
        ),
        SidePanel::DocumentList => (
            egui::Panel::left("document_list_folded"),
            ">",
            Command::ToggleDocumentList,
        ),
    };
    side.resizable(false)
        .exact_size(FOLDED_STRIP_WIDTH)
        .show(ui, |ui| {
            let button = ui.button(arrow);
            let key = command
                .shortcuts()
                .first()
                .map(|key| ui.ctx().format_shortcut(key))
                .unwrap_or_default();
            button.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, command.name())
            });
            if button
                .on_hover_text(format!("{} ({key})", command.name()))
                .clicked()
            {
                commands.push(command);
            }
        });
}

fn no_document_ui(ui: &mut egui::Ui, corpus_open: bool, commands: &mut CommandQueue) {
    ui.vertical_centered(|ui| {
        ui.add_space(40.0);
        ui.heading("No document open");
        if corpus_open {
            let key = Command::NextUnfinished
                .shortcuts()
                .first()
                .map(|key| ui.ctx().format_shortcut(key))
                .unwrap_or_default();
            ui.label(format!(
                "Choose a document in the list, or press {key} for the next unfinished one"
            ));
            if ui.button(Command::NextUnfinished.name()).clicked() {
                commands.push(Command::NextUnfinished);
            }
            return;
        }
        if ui.button(Command::Open.name()).clicked() {
            commands.push(Command::Open);
        }
        if ui.button(Command::OpenPath.name()).clicked() {
            commands.push(Command::OpenPath);
        }
        if ui.button(Command::OpenFolder.name()).clicked() {
            commands.push(Command::OpenFolder);
        }
        ui.label("or drop a .txt or .qalam.json file, or a folder, here");
    });
}

//! The form of the dataset window: format, options, inputs and output.

use std::path::PathBuf;

use qalam_core::interchange::job::JobRequest;
use qalam_core::interchange::{BoundaryPolicy, Format, OffsetUnit, TagScheme};
use qalam_core::model::Annotation;

use super::{DatasetMode, DatasetWindow, ExportSource, paths_in};

impl DatasetWindow {
    /// Draws the form; returns the request when the user pressed Export/Import (or what is
    /// missing).
    pub(super) fn form_ui(
        &mut self,
        ui: &mut egui::Ui,
        current: Option<&Annotation>,
        open_documents: &[&Annotation],
        native_dialogs: bool,
    ) -> Option<Result<JobRequest, String>> {
        egui::Grid::new("dataset_form")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                ui.label("Format:");
                egui::ComboBox::from_id_salt("dataset_format")
                    .selected_text(self.format.name())
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        for format in Format::ALL {
                            ui.selectable_value(&mut self.format, format, format.name())
                                .on_hover_text(format.description());
                        }
                    });
                ui.end_row();
                ui.label("");
                ui.weak(self.format.description());
                ui.end_row();
                self.options_ui(ui);
                match self.mode {
                    DatasetMode::Export => self.export_fields_ui(ui, native_dialogs),
                    DatasetMode::Import => self.import_fields_ui(ui, native_dialogs),
                }
            });
        ui.add_space(6.0);
        let verb = match self.mode {
            DatasetMode::Export => "Export",
            DatasetMode::Import => "Import",
        };
        if !ui.button(verb).clicked() {
            return None;
        }
        Some(self.request(current, open_documents))
    }

    fn options_ui(&mut self, ui: &mut egui::Ui) {
        let token_based = self.format.offset_unit() == OffsetUnit::Tokens
            || matches!(self.format, Format::Spacy | Format::Prodigy);
        if self.format.offset_unit() == OffsetUnit::Tokens {
            ui.label("Tags:");
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.scheme, TagScheme::Iob2, "IOB2");
                ui.radio_value(&mut self.scheme, TagScheme::Bioes, "BIOES");
            });
            ui.end_row();
        }
        if token_based && self.mode == DatasetMode::Export {
            ui.label("Span inside a word:");
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.boundary, BoundaryPolicy::Split, "split the word")
                    .on_hover_text("ل + روسيا: lossless, the tokens change");
                ui.radio_value(&mut self.boundary, BoundaryPolicy::Widen, "widen the span")
                    .on_hover_text("لروسيا B-GPE: the ANERcorp/Wojood convention; each widened span is reported");
            });
            ui.end_row();
        }
        if self.format == Format::Spacy && self.mode == DatasetMode::Export {
            ui.label("doc.spans key:");
            ui.add(egui::TextEdit::singleline(&mut self.spans_key).desired_width(120.0));
            ui.end_row();
        }
        if self.format == Format::HuggingFace && self.mode == DatasetMode::Export {
            ui.label("Splits:");
            ui.checkbox(&mut self.split, "train / validation / test (80 / 10 / 10)");
            ui.end_row();
        }
        if self.mode == DatasetMode::Export {
            ui.label("Review:");
            ui.checkbox(&mut self.include_rejected, "include rejected spans")
                .on_hover_text(
                    "Spans rejected in review (and unchanged since) are left out by default; \
                     each one is listed in the report",
                );
            ui.end_row();
            ui.label("Tag overrides:");
            ui.add(
                egui::TextEdit::singleline(&mut self.tag_overrides)
                    .hint_text("COUNTRY=LOC, PERSON=PER")
                    .desired_width(300.0),
            );
            ui.end_row();
        }
    }

    fn export_fields_ui(&mut self, ui: &mut egui::Ui, native_dialogs: bool) {
        ui.label("Documents:");
        ui.vertical(|ui| {
            ui.radio_value(
                &mut self.source,
                ExportSource::CurrentDocument,
                "the document shown",
            );
            ui.radio_value(
                &mut self.source,
                ExportSource::OpenDocuments,
                "all open documents",
            );
            ui.radio_value(
                &mut self.source,
                ExportSource::Folder,
                "every .qalam.json in a folder",
            );
        });
        ui.end_row();
        if self.source == ExportSource::Folder {
            ui.label("Folder:");
            path_field_ui(ui, &mut self.input, native_dialogs, PickKind::Folder);
            ui.end_row();
        }
        let kind = if self.format.writes_folder() {
            PickKind::Folder
        } else {
            PickKind::SaveFile
        };
        ui.label(if self.format.writes_folder() {
            "Output folder:"
        } else {
            "Output file:"
        });
        path_field_ui(ui, &mut self.output, native_dialogs, kind);
        ui.end_row();
    }

    fn import_fields_ui(&mut self, ui: &mut egui::Ui, native_dialogs: bool) {
        ui.label(if self.format.writes_folder() {
            "Folder:"
        } else {
            "Files or folders:"
        });
        let kind = if self.format.writes_folder() {
            PickKind::Folder
        } else {
            PickKind::OpenFiles
        };
        path_field_ui(ui, &mut self.input, native_dialogs, kind);
        ui.end_row();
        ui.label("Save .qalam.json files in:");
        path_field_ui(ui, &mut self.output, native_dialogs, PickKind::Folder);
        ui.end_row();
        if matches!(self.format, Format::LabelStudio) {
            ui.label("Only annotator:");
            ui.add(
                egui::TextEdit::singleline(&mut self.annotator)
                    .hint_text("all annotators")
                    .desired_width(200.0),
            );
            ui.end_row();
        }
    }

    fn request(
        &self,
        current: Option<&Annotation>,
        open_documents: &[&Annotation],
    ) -> Result<JobRequest, String> {
        let output = PathBuf::from(self.output.trim());
        if self.output.trim().is_empty() {
            return Err(match self.mode {
                DatasetMode::Export => "Choose where to write the export.".to_owned(),
                DatasetMode::Import => "Choose a folder for the .qalam.json files.".to_owned(),
            });
        }
        match self.mode {
            DatasetMode::Import => {
                let paths = paths_in(&self.input);
                if paths.is_empty() {
                    return Err("Choose the files to import.".to_owned());
                }
                Ok(JobRequest::Import {
                    format: self.format,
                    paths,
                    folder: output,
                })
            }
            DatasetMode::Export => match self.source {
                ExportSource::CurrentDocument => {
                    let document = current.ok_or("No document is open.")?;
                    Ok(JobRequest::ExportDocuments {
                        format: self.format,
                        documents: vec![document.clone()],
                        out: output,
                    })
                }
                ExportSource::OpenDocuments => {
                    if open_documents.is_empty() {
                        return Err("No document is open.".to_owned());
                    }
                    Ok(JobRequest::ExportDocuments {
                        format: self.format,
                        documents: open_documents.iter().map(|a| (*a).clone()).collect(),
                        out: output,
                    })
                }
                ExportSource::Folder => {
                    let folders = paths_in(&self.input);
                    if folders.is_empty() {
                        return Err("Choose the folder to export.".to_owned());
                    }
                    let files = qalam_core::interchange::batch::collect_annotation_files(&folders)
                        .map_err(|error| error.to_string())?;
                    if files.is_empty() {
                        return Err("No .qalam.json files in that folder.".to_owned());
                    }
                    Ok(JobRequest::Export {
                        format: self.format,
                        files,
                        out: output,
                    })
                }
            },
        }
    }
}

/// What a Browse… button picks.
#[derive(Debug, Clone, Copy)]
enum PickKind {
    Folder,
    SaveFile,
    OpenFiles,
}

fn path_field_ui(ui: &mut egui::Ui, text: &mut String, native_dialogs: bool, kind: PickKind) {
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(text)
                .desired_width(300.0)
                .hint_text("/path"),
        );
        if native_dialogs && ui.button("Browse…").clicked() {
            let dialog = rfd::FileDialog::new();
            let picked: Vec<PathBuf> = match kind {
                PickKind::Folder => dialog.pick_folder().into_iter().collect(),
                PickKind::SaveFile => dialog.save_file().into_iter().collect(),
                PickKind::OpenFiles => dialog.pick_files().unwrap_or_default(),
            };
            if !picked.is_empty() {
                *text = picked
                    .iter()
                    .map(|path| path.display().to_string())
                    .collect::<Vec<_>>()
                    .join("; ");
            }
        }
    });
}

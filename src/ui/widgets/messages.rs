//! Messages to the user: errors stay in a banner until dismissed; information shows in the
//! status bar until the next message.

use crate::ui::widgets::bidi_text::text_label_ui;

/// Errors and the latest information message.
#[derive(Debug, Default)]
pub struct Messages {
    errors: Vec<String>,
    info: Option<String>,
}

impl Messages {
    /// Adds an error to the banner.
    pub fn error(&mut self, message: impl Into<String>) {
        let message = message.into();
        if !self.errors.contains(&message) {
            self.errors.push(message);
        }
    }

    /// Replaces the status-bar message.
    pub fn info(&mut self, message: impl Into<String>) {
        self.info = Some(message.into());
    }

    /// The errors being shown.
    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    /// The status-bar message.
    pub fn info_text(&self) -> Option<&str> {
        self.info.as_deref()
    }

    /// Draws the error banner (nothing when there are no errors).
    pub fn error_banner_ui(&mut self, ui: &mut egui::Ui) {
        let mut dismissed = None;
        for (index, error) in self.errors.iter().enumerate() {
            ui.horizontal(|ui| {
                let color = ui.visuals().error_fg_color;
                ui.vertical(|ui| {
                    // One line each: validation errors list one problem per line.
                    for (number, line) in error.lines().enumerate() {
                        let text = if number == 0 {
                            format!("Error: {line}")
                        } else {
                            line.to_owned()
                        };
                        text_label_ui(ui, &text, Some(color));
                    }
                });
                if ui.small_button("Dismiss").clicked() {
                    dismissed = Some(index);
                }
            });
        }
        if let Some(index) = dismissed {
            self.errors.remove(index);
        }
    }
}

//! Messages to the user: errors (real failures) stay in a banner until dismissed; notices (what
//! happened, simple slips) show in the status bar, belong to the document they are about, and
//! go away after [`NOTICE_SECONDS`] or at the next notice.

use crate::ui::widgets::bidi_text::text_label_ui;

/// How long a notice stays in the status bar, in seconds of input time.
pub const NOTICE_SECONDS: f64 = 8.0;

/// Errors and the latest notice.
#[derive(Debug, Default)]
pub struct Messages {
    errors: Vec<String>,
    info: Option<Notice>,
}

/// A status-bar notice.
#[derive(Debug, Clone)]
struct Notice {
    text: String,
    /// The open document it is about (its recovery id), or `None` for the whole app.
    document: Option<String>,
    /// Input time when it was first shown.
    shown_at: Option<f64>,
}

impl Messages {
    /// Adds an error to the banner.
    pub fn error(&mut self, message: impl Into<String>) {
        let message = message.into();
        if !self.errors.contains(&message) {
            self.errors.push(message);
        }
    }

    /// Replaces the status-bar notice with one about the whole app.
    pub fn info(&mut self, message: impl Into<String>) {
        self.set_notice(message.into(), None);
    }

    /// Replaces the status-bar notice with one about the open document `document` (its
    /// recovery id): it is not shown while another document is current.
    pub fn info_about(&mut self, document: &str, message: impl Into<String>) {
        self.set_notice(message.into(), Some(document.to_owned()));
    }

    fn set_notice(&mut self, text: String, document: Option<String>) {
        self.info = Some(Notice {
            text,
            document,
            shown_at: None,
        });
    }

    /// The notice to show at input time `now` while `current` (a recovery id) is the current
    /// document: `None` once it has been shown for [`NOTICE_SECONDS`] or when it is about
    /// another document. Its clock starts the first time it is shown.
    pub fn visible_notice(&mut self, now: f64, current: Option<&str>) -> Option<&str> {
        let notice = self.info.as_mut()?;
        if notice.document.is_some() && notice.document.as_deref() != current {
            return None;
        }
        let shown_at = *notice.shown_at.get_or_insert(now);
        (now - shown_at < NOTICE_SECONDS).then_some(notice.text.as_str())
    }

    /// Seconds until the notice shown at `now` goes away, if one is showing (for a repaint).
    pub fn notice_remaining(&self, now: f64) -> Option<f64> {
        let shown_at = self.info.as_ref()?.shown_at?;
        let left = NOTICE_SECONDS - (now - shown_at);
        (left > 0.0).then_some(left)
    }

    /// The errors being shown.
    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    /// The latest notice, shown or not.
    pub fn info_text(&self) -> Option<&str> {
        self.info.as_ref().map(|notice| notice.text.as_str())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_goes_away_after_its_time_and_a_new_one_starts_again() {
        let mut messages = Messages::default();
        messages.info("Nothing to undo");
        assert_eq!(
            messages.visible_notice(100.0, None),
            Some("Nothing to undo")
        );
        assert_eq!(messages.notice_remaining(103.0), Some(NOTICE_SECONDS - 3.0));
        assert_eq!(
            messages.visible_notice(100.0 + NOTICE_SECONDS - 0.1, None),
            Some("Nothing to undo")
        );
        assert_eq!(messages.visible_notice(100.0 + NOTICE_SECONDS, None), None);
        messages.info("Nothing to redo");
        assert_eq!(
            messages.visible_notice(500.0, None),
            Some("Nothing to redo")
        );
    }

    #[test]
    fn a_notice_about_a_document_is_hidden_while_another_is_current() {
        let mut messages = Messages::default();
        messages.info_about("a", "Saved a.qalam.json");
        assert_eq!(messages.visible_notice(1.0, Some("b")), None);
        assert_eq!(messages.visible_notice(1.0, None), None);
        assert_eq!(
            messages.visible_notice(2.0, Some("a")),
            Some("Saved a.qalam.json")
        );
    }

    #[test]
    fn a_notice_about_the_app_shows_with_any_document() {
        let mut messages = Messages::default();
        messages.info("Open a document first");
        assert_eq!(
            messages.visible_notice(1.0, Some("b")),
            Some("Open a document first")
        );
    }
}

//! The review bar (a strip under the menu bar while review mode is on): the span under review
//! with its decision, the counts (accepted / rejected / fixed / undecided), buttons for the
//! review commands, and the reason field a rejection asks for.
//!
//! The reason field takes keyboard focus when it opens; while it is open no hotkey fires (the
//! app treats it as a focused text field). Enter confirms (with an empty reason the field stays
//! open), Esc cancels (see [`ReviewBarState::cancel_on_escape`]). Nothing here changes the
//! annotation: the bar queues commands and a `DecideSpan` message.

use egui::{Key, Modifiers};

use qalam_core::editing::ReviewCounts;
use qalam_core::model::{Annotation, ReviewDecision, ReviewState, SpanId};

use crate::ui::commands::{AppMessage, Command, CommandQueue};
use crate::ui::panels::span_text::{span_excerpt, span_text_ui};
use crate::ui::widgets::bidi_text::text_label_ui;
use crate::ui::widgets::bidi_text_edit::BidiTextEdit;

/// Accessible name (and caption) of the rejection reason field.
pub const REASON_CAPTION: &str = "Reason for rejecting:";

/// Review mode's state between frames.
#[derive(Debug, Default)]
pub struct ReviewBarState {
    active: bool,
    rejecting: Option<Rejecting>,
}

/// A rejection waiting for its reason.
#[derive(Debug)]
struct Rejecting {
    span: SpanId,
    reason: String,
    /// Give the field keyboard focus on its first frame.
    focus: bool,
}

impl ReviewBarState {
    /// Whether review mode is on.
    pub fn is_active(&self) -> bool {
        self.active
    }

    /// Turns review mode on or off (off drops a reason being typed); returns the new state.
    pub fn toggle(&mut self) -> bool {
        self.active = !self.active;
        if !self.active {
            self.rejecting = None;
        }
        self.active
    }

    /// Opens the reason field for rejecting `span`, starting from `reason` (the span's earlier
    /// one, if any), and turns review mode on.
    pub fn start_rejecting(&mut self, span: SpanId, reason: Option<&str>) {
        self.active = true;
        self.rejecting = Some(Rejecting {
            span,
            reason: reason.unwrap_or_default().to_owned(),
            focus: true,
        });
    }

    /// Whether the reason field is open (it counts as a focused text field).
    pub fn is_rejecting(&self) -> bool {
        self.rejecting.is_some()
    }

    /// Closes the reason field, dropping what was typed.
    pub fn stop_rejecting(&mut self) {
        self.rejecting = None;
    }

    /// Esc cancels a rejection; returns whether it did. Call before the frame's shortcuts.
    pub fn cancel_on_escape(&mut self, ctx: &egui::Context) -> bool {
        if self.rejecting.is_some()
            && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape))
        {
            self.rejecting = None;
            return true;
        }
        false
    }
}

/// The counts line: `Accepted 2 · Rejected 1 · Fixed 0 · Undecided 0`.
pub fn counts_text(counts: &ReviewCounts) -> String {
    format!(
        "Accepted {} · Rejected {} · Fixed {} · Undecided {}",
        counts.accepted, counts.rejected, counts.fixed, counts.undecided
    )
}

/// Draws the bar for `ann` with `selected` under review; queues what its buttons and the reason
/// field ask for.
pub fn review_bar_ui(
    ui: &mut egui::Ui,
    state: &mut ReviewBarState,
    ann: &Annotation,
    selected: Option<SpanId>,
    commands: &mut CommandQueue,
) {
    if state
        .rejecting
        .as_ref()
        .is_some_and(|rejecting| ann.span(rejecting.span).is_none())
    {
        state.rejecting = None; // the span went away (undo, another document)
    }
    ui.horizontal(|ui| {
        ui.strong("Review");
        ui.separator();
        match selected.and_then(|id| ann.span(id)) {
            Some(span) => {
                let excerpt = span_excerpt(ann.document(), span.range());
                let size = ui.text_style_height(&egui::TextStyle::Body);
                ui.scope(|ui| {
                    ui.set_max_width(220.0);
                    span_text_ui(ui, &excerpt, size, ui.visuals().strong_text_color());
                });
                ui.label(format!("{} [{}, {})", span.label, span.start, span.end));
                let state_text = match (&span.review, span.review_state()) {
                    (Some(review), ReviewState::Rejected) => match &review.reason {
                        Some(reason) => format!("rejected by {}: {reason}", review.reviewer),
                        None => format!("rejected by {}", review.reviewer),
                    },
                    (Some(review), state) if state != ReviewState::ChangedSinceReview => {
                        format!("{} by {}", state.title(), review.reviewer)
                    }
                    (_, state) => state.title().to_owned(),
                };
                text_label_ui(ui, &state_text, None);
            }
            None => {
                ui.weak("No span selected (N: next undecided)");
            }
        }
        ui.separator();
        ui.label(counts_text(&ReviewCounts::of(ann)));
    });
    ui.horizontal(|ui| {
        for command in [
            Command::AcceptSpan,
            Command::RejectSpan,
            Command::MarkSpanFixed,
            Command::NextUndecided,
            Command::MarkReviewed,
        ] {
            let mut button = egui::Button::new(command.name());
            if let Some(key) = command.shortcuts().first() {
                button = button.shortcut_text(ui.ctx().format_shortcut(key));
            }
            if ui.add(button).on_hover_text(command.tooltip()).clicked() {
                commands.push(command);
            }
        }
    });
    if let Some(rejecting) = &mut state.rejecting {
        let mut done = false;
        ui.horizontal(|ui| {
            let caption = ui.label(REASON_CAPTION);
            let field = ui
                .add(
                    BidiTextEdit::singleline(&mut rejecting.reason)
                        .hint_text("What is wrong with this span?")
                        .desired_width(320.0),
                )
                .labelled_by(caption.id);
            if std::mem::take(&mut rejecting.focus) {
                field.request_focus();
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            let confirmed = ui.button("Reject").clicked() || entered;
            if confirmed && rejecting.reason.trim().is_empty() {
                // Nothing to record yet: keep the field, with the focus back in it.
                rejecting.focus = true;
            } else if confirmed {
                commands.push(AppMessage::DecideSpan {
                    id: rejecting.span,
                    decision: ReviewDecision::Rejected,
                    reason: Some(rejecting.reason.clone()),
                });
                done = true;
            }
            if ui.button("Cancel").clicked() {
                done = true;
            }
        });
        if done {
            state.rejecting = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_off_drops_a_rejection_and_rejecting_turns_review_on() {
        let mut state = ReviewBarState::default();
        state.start_rejecting(SpanId(1), Some("old"));
        assert!(state.is_active() && state.is_rejecting());
        assert!(!state.toggle());
        assert!(!state.is_rejecting());
        assert!(state.toggle());
    }

    #[test]
    fn counts_read_in_one_line() {
        let counts = ReviewCounts {
            accepted: 2,
            rejected: 1,
            fixed: 0,
            undecided: 3,
        };
        assert_eq!(
            counts_text(&counts),
            "Accepted 2 · Rejected 1 · Fixed 0 · Undecided 3"
        );
    }
}

//! What panels and menus ask the app to do: user [`Command`]s (`Copy`, each with a menu entry and
//! keys, all listed in [`Command::ALL`]) and internal [`AppMessage`]s (carrying data: a path, an
//! edit, a span, a message for the user).
//!
//! Panels and menus never change the app directly: while drawing they push commands and messages
//! into a [`CommandQueue`], and the app applies them all once, after drawing the frame.
//!
//! The commands with their texts are in `command.rs` (the enum and its list defined together by
//! `command_list.rs`), the messages in `message.rs`, the queue in `queue.rs`. The keyboard
//! shortcuts (fixed keys, label hotkeys, clash check, consuming key presses) are in
//! `shortcuts.rs`; the span-boundary resizes and their right-to-left key choice in `resize.rs`.
//! Everything is re-exported here, so callers use `ui::commands::…` only.

mod command;
mod command_list;
pub mod compare_keys;
mod message;
mod queue;
mod resize;
mod shortcuts;
pub mod span_commands;

pub use command::Command;
pub use compare_keys::{AdjudicateAction, compare_keys, consume_compare_keys};
pub use message::AppMessage;
pub use queue::{CommandQueue, Queued};

pub use resize::{ResizeDirection, ResizeStep, SpanEdge, SpanResize, resize_shortcut};
pub use shortcuts::{
    consume_shortcuts, fixed_shortcuts, label_shortcuts, letter_key, review_shortcut_clashes,
    review_shortcuts, shortcut_clashes,
};

/// The menu a command lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Menu {
    /// Opening, saving, closing files.
    File,
    /// Undo/redo, labels, status, settings.
    Edit,
    /// Creating and changing spans.
    Span,
    /// Text size, theme, documents.
    View,
    /// The open corpus: document list, next/previous document, guidelines, statistics.
    Corpus,
    /// Reviewing an annotator's spans, comparing annotators, adjudication, agreement.
    Review,
    /// Suggestions from the gazetteer and from predictions.
    Suggestions,
    /// Help.
    Help,
}

impl Menu {
    /// All menus, in menu-bar order.
    pub const ALL: [Menu; 8] = [
        Menu::File,
        Menu::Edit,
        Menu::Span,
        Menu::View,
        Menu::Corpus,
        Menu::Review,
        Menu::Suggestions,
        Menu::Help,
    ];

    /// The menu's title in the menu bar.
    pub fn title(self) -> &'static str {
        match self {
            Menu::File => "File",
            Menu::Edit => "Edit",
            Menu::Span => "Span",
            Menu::View => "View",
            Menu::Corpus => "Corpus",
            Menu::Review => "Review",
            Menu::Suggestions => "Suggestions",
            Menu::Help => "Help",
        }
    }
}

//! The frame's queue: user [`Command`]s and internal [`AppMessage`]s in the order they were
//! pushed, collected while drawing and applied by the app afterwards.

use super::{AppMessage, Command};

/// One queued item: a user command or an internal message.
// An edit (a span with its review and adjudication) is a few hundred bytes; messages live for
// one frame in a short queue, so boxing every edit would buy nothing but an allocation each.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Queued {
    /// A user command (menu, key, button).
    Command(Command),
    /// An internal message carrying data.
    Message(AppMessage),
}

impl From<Command> for Queued {
    fn from(command: Command) -> Self {
        Queued::Command(command)
    }
}

impl From<AppMessage> for Queued {
    fn from(message: AppMessage) -> Self {
        Queued::Message(message)
    }
}

/// Commands and messages collected while drawing a frame, applied by the app afterwards.
#[derive(Debug, Default)]
pub struct CommandQueue {
    queued: Vec<Queued>,
}

impl CommandQueue {
    /// An empty queue.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a command or message to apply after this frame.
    pub fn push(&mut self, item: impl Into<Queued>) {
        self.queued.push(item.into());
    }

    /// Adds several commands or messages.
    pub fn extend<T: Into<Queued>>(&mut self, items: impl IntoIterator<Item = T>) {
        self.queued.extend(items.into_iter().map(Into::into));
    }

    /// Takes everything queued, in order, leaving the queue empty.
    pub fn take(&mut self) -> Vec<Queued> {
        std::mem::take(&mut self.queued)
    }

    /// Whether nothing is queued.
    pub fn is_empty(&self) -> bool {
        self.queued.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_and_messages_come_out_in_push_order() {
        let mut queue = CommandQueue::new();
        queue.push(Command::Undo);
        queue.push(AppMessage::ReportInfo("hi".into()));
        queue.extend([Command::Redo]);
        assert_eq!(
            queue.take(),
            vec![
                Queued::Command(Command::Undo),
                Queued::Message(AppMessage::ReportInfo("hi".into())),
                Queued::Command(Command::Redo),
            ]
        );
        assert!(queue.is_empty());
    }
}

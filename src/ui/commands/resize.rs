//! The keyboard shortcut of each span-boundary resize ([`SpanResize`], defined in the core).
//!
//! The keys are chosen for right-to-left text: with Alt, an arrow moves the *leading* edge in the
//! arrow's direction (Alt+→ moves the start rightwards = grows the start), with Alt+Shift the
//! *trailing* edge (Alt+Shift+→ moves the end rightwards = shrinks the end). Add Ctrl to move by a
//! word. In left-to-right text the same keys keep their logical meaning (start/end), so on screen
//! they act mirrored.

use egui::{Key, KeyboardShortcut, Modifiers};

pub use qalam_core::editing::{ResizeDirection, ResizeStep, SpanEdge, SpanResize};

/// The shortcut: Alt (+Shift for the trailing edge, +Ctrl for a word) and an arrow.
pub fn resize_shortcut(resize: SpanResize) -> KeyboardShortcut {
    // In RTL text the start is on the right: growing it moves it right, shrinking it left;
    // the end is on the left: growing it moves it left, shrinking it right.
    let (shift, key) = match (resize.edge, resize.direction) {
        (SpanEdge::Start, ResizeDirection::Grow) => (false, Key::ArrowRight),
        (SpanEdge::End, ResizeDirection::Grow) => (false, Key::ArrowLeft),
        (SpanEdge::End, ResizeDirection::Shrink) => (true, Key::ArrowRight),
        (SpanEdge::Start, ResizeDirection::Shrink) => (true, Key::ArrowLeft),
    };
    let mut modifiers = Modifiers::ALT;
    if shift {
        modifiers |= Modifiers::SHIFT;
    }
    if resize.step == ResizeStep::Word {
        modifiers |= Modifiers::COMMAND;
    }
    KeyboardShortcut::new(modifiers, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resize_shortcuts_are_distinct_and_word_steps_use_command() {
        let keys: Vec<_> = SpanResize::ALL
            .iter()
            .map(|r| resize_shortcut(*r))
            .collect();
        for (i, a) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(a), "duplicate {a:?}");
        }
        for resize in SpanResize::ALL {
            assert_eq!(
                resize_shortcut(resize).modifiers.command,
                resize.step == ResizeStep::Word
            );
        }
    }
}

//! [`CharIndex`]: the one converter between code-point indices (the model's offsets), UTF-8
//! byte offsets (Rust strings, the layout engine) and UTF-16 code units, over one whole text.
//! Built once in one pass, it then answers code point → byte or UTF-16 in O(1) and the reverse
//! in O(log n). [`Document`](super::Document) keeps one for its text; the app's text engine
//! uses the same type for each paragraph.
//!
//! ```
//! use qalam_core::model::CharIndex;
//!
//! let index = CharIndex::new("aب😀");
//! assert_eq!(index.char_len(), 3);
//! assert_eq!(index.cp_to_byte(2), Some(3)); // ب is two bytes
//! assert_eq!(index.cp_to_utf16(3), Some(4)); // 😀 is two UTF-16 units
//! assert_eq!(index.byte_to_cp(2), None); // inside ب
//! assert_eq!(index.cp_range_to_bytes(1..3), Some(1..7));
//! ```

use std::fmt;
use std::ops::Range;

/// Offset tables for one text. Positions are boundaries: `0..=len` in each unit.
///
/// Every method returns `None` for a position past the end or (for bytes and UTF-16 units) one
/// that falls inside a character.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct CharIndex {
    /// Number of code points.
    char_len: usize,
    /// Number of UTF-8 bytes.
    byte_len: usize,
    /// Number of UTF-16 code units.
    utf16_len: usize,
    /// `byte_of_cp[i]` = byte offset of code point `i`, with `byte_of_cp[char_len] = byte_len`.
    /// Empty when the text is pure ASCII (then every unit is the same).
    byte_of_cp: Vec<usize>,
    /// `utf16_of_cp[i]` = UTF-16 offset of code point `i`, length `char_len + 1`.
    /// Empty when the text has no supplementary-plane characters (then it equals the code point).
    utf16_of_cp: Vec<usize>,
}

impl fmt::Debug for CharIndex {
    /// The lengths only: the tables are as long as the text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CharIndex")
            .field("char_len", &self.char_len)
            .field("byte_len", &self.byte_len)
            .field("utf16_len", &self.utf16_len)
            .finish_non_exhaustive()
    }
}

impl CharIndex {
    /// Builds the tables for `text` (one pass).
    pub fn new(text: &str) -> Self {
        let byte_len = text.len();
        if text.is_ascii() {
            return Self {
                char_len: byte_len,
                byte_len,
                utf16_len: byte_len,
                byte_of_cp: Vec::new(),
                utf16_of_cp: Vec::new(),
            };
        }
        let mut byte_of_cp = Vec::with_capacity(byte_len / 2 + 1);
        let mut utf16_of_cp = Vec::with_capacity(byte_len / 2 + 1);
        let mut utf16 = 0;
        let mut has_astral = false;
        for (byte, ch) in text.char_indices() {
            byte_of_cp.push(byte);
            utf16_of_cp.push(utf16);
            utf16 += ch.len_utf16();
            has_astral |= ch.len_utf16() == 2;
        }
        let char_len = byte_of_cp.len();
        byte_of_cp.push(byte_len);
        utf16_of_cp.push(utf16);
        if !has_astral {
            utf16_of_cp = Vec::new();
        }
        Self {
            char_len,
            byte_len,
            utf16_len: utf16,
            byte_of_cp,
            utf16_of_cp,
        }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Number of UTF-16 code units in the text.
    pub fn utf16_len(&self) -> usize {
        self.utf16_len
    }

    /// Byte offset of code-point boundary `cp` (`None` if `cp > char_len`).
    pub fn cp_to_byte(&self, cp: usize) -> Option<usize> {
        if cp > self.char_len {
            None
        } else if self.byte_of_cp.is_empty() {
            Some(cp)
        } else {
            Some(self.byte_of_cp[cp])
        }
    }

    /// Code-point index of byte offset `byte` (`None` past the end or inside a character).
    pub fn byte_to_cp(&self, byte: usize) -> Option<usize> {
        if byte > self.byte_len {
            None
        } else if self.byte_of_cp.is_empty() {
            Some(byte)
        } else {
            self.byte_of_cp.binary_search(&byte).ok()
        }
    }

    /// Code-point index of the last character boundary at or before `byte`, clamped to the text.
    ///
    /// For offsets that come from a layout engine and are boundaries already this equals
    /// [`Self::byte_to_cp`]; it never fails.
    pub fn byte_to_cp_floor(&self, byte: usize) -> usize {
        let byte = byte.min(self.byte_len);
        if self.byte_of_cp.is_empty() {
            return byte;
        }
        match self.byte_of_cp.binary_search(&byte) {
            Ok(cp) => cp,
            Err(insert_at) => insert_at.saturating_sub(1),
        }
    }

    /// UTF-16 offset of code-point boundary `cp` (`None` if `cp > char_len`).
    pub fn cp_to_utf16(&self, cp: usize) -> Option<usize> {
        if cp > self.char_len {
            None
        } else if self.utf16_of_cp.is_empty() {
            Some(cp)
        } else {
            Some(self.utf16_of_cp[cp])
        }
    }

    /// Code-point index of UTF-16 offset `unit` (`None` past the end or inside a surrogate pair).
    pub fn utf16_to_cp(&self, unit: usize) -> Option<usize> {
        if unit > self.utf16_len {
            None
        } else if self.utf16_of_cp.is_empty() {
            Some(unit)
        } else {
            self.utf16_of_cp.binary_search(&unit).ok()
        }
    }

    /// Byte range of a code-point range (`None` if either end is past the text or the range is
    /// reversed).
    pub fn cp_range_to_bytes(&self, range: Range<usize>) -> Option<Range<usize>> {
        if range.start > range.end {
            return None;
        }
        Some(self.cp_to_byte(range.start)?..self.cp_to_byte(range.end)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_letters_are_two_bytes_and_one_utf16_unit() {
        let index = CharIndex::new("لروسيا");
        assert_eq!(index.char_len(), 6);
        assert_eq!(index.cp_to_byte(6), Some(12));
        assert_eq!(index.cp_to_byte(1), Some(2));
        assert_eq!(index.byte_to_cp(3), None);
        assert_eq!(index.byte_to_cp_floor(3), 1);
        assert_eq!(index.byte_to_cp_floor(99), 6);
        assert_eq!(index.cp_to_utf16(6), Some(6));
        assert_eq!(index.cp_to_byte(7), None);
    }

    #[test]
    fn emoji_is_one_code_point_two_utf16_units() {
        let index = CharIndex::new("a😀b");
        assert_eq!(index.char_len(), 3);
        assert_eq!(index.utf16_len(), 4);
        assert_eq!(index.cp_to_utf16(2), Some(3));
        assert_eq!(index.utf16_to_cp(2), None);
        assert_eq!(index.utf16_to_cp(3), Some(2));
        assert_eq!(index.cp_to_byte(2), Some(5));
    }

    #[test]
    fn ascii_text_uses_identity() {
        let index = CharIndex::new("BBC 2024");
        assert_eq!(index.byte_to_cp(4), Some(4));
        assert_eq!(index.cp_to_utf16(8), Some(8));
        assert_eq!(index.byte_to_cp(9), None);
        let reversed = std::ops::Range { start: 4, end: 2 };
        assert_eq!(index.cp_range_to_bytes(reversed), None);
    }

    #[test]
    fn matches_char_indices_on_mixed_text() {
        let text = "سلامٌ 😀 a\r\n".repeat(40);
        let index = CharIndex::new(&text);
        let expected: Vec<usize> = text
            .char_indices()
            .map(|(byte, _)| byte)
            .chain([text.len()])
            .collect();
        assert_eq!(index.char_len(), expected.len() - 1);
        for (cp, byte) in expected.iter().enumerate() {
            assert_eq!(index.cp_to_byte(cp), Some(*byte), "code point {cp}");
            assert_eq!(index.byte_to_cp(*byte), Some(cp), "byte {byte}");
        }
    }

    #[test]
    fn debug_shows_lengths_not_tables() {
        let debug = format!("{:?}", CharIndex::new(&"ب".repeat(1000)));
        assert!(debug.contains("char_len: 1000"), "{debug}");
        assert!(debug.len() < 100, "{debug}");
    }
}

//! Word edges in a normalised text, as the tokenizer sees words, and Arabic proclitics.
//!
//! Two neighbouring characters are in one word when the second extends the first (a combining
//! mark, ZWJ/ZWNJ, a variation selector) or both are letters of the same script (Arabic letters
//! with tatweel are one script, everything else another, as in [`crate::tokenize`]), or both are
//! digits, or a Latin-like letter is followed by an ASCII digit (`G7`). So `ناتوNATO` is two
//! words and `لروسيا` is one.
//!
//! A **proclitic** ([`is_proclitic`]) is what may stand before a name inside its word: an
//! optional conjunction `و`/`ف`, then an optional preposition `ب`/`ك`/`ل`, then an optional
//! article `ال` (`ل` + `ال` is written `لل`): `و ف ب ك ل وب فل ال وال فال بال كال لل ولل وبال …`.

use crate::tokenize::{Script, is_digit, letter_script};

/// What a character is for word edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A letter of this script.
    Letter(Script),
    /// A decimal digit.
    Digit,
    /// Extends the character before it (marks, joiners, variation selectors).
    Extend,
    /// Not part of a word (space, punctuation, symbols, emoji).
    Other,
}

/// A combining mark or joiner that stays with the character before it.
pub(super) fn is_extender(c: char) -> bool {
    super::normalize::is_haraka(c)
        || matches!(
            c,
            '\u{0300}'..='\u{036F}'
                | '\u{1AB0}'..='\u{1AFF}'
                | '\u{1DC0}'..='\u{1DFF}'
                | '\u{20D0}'..='\u{20FF}'
                | '\u{FE20}'..='\u{FE2F}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{200C}'
                | '\u{200D}'
                | '\u{E0100}'..='\u{E01EF}'
        )
}

fn class(c: char) -> Class {
    if is_extender(c) {
        Class::Extend
    } else if let Some(script) = letter_script(c) {
        Class::Letter(script)
    } else if is_digit(c) {
        Class::Digit
    } else {
        Class::Other
    }
}

/// Whether `a` followed by `b` is inside one word (no word edge between them).
pub(super) fn joined(a: char, b: char) -> bool {
    match (class(a), class(b)) {
        (Class::Other, _) | (_, Class::Other) => false,
        (_, Class::Extend) | (Class::Extend, _) => true,
        (Class::Letter(x), Class::Letter(y)) => x == y,
        (Class::Digit, Class::Digit) => true,
        (Class::Letter(Script::Other), Class::Digit) => b.is_ascii_digit(),
        _ => false,
    }
}

/// Whether byte offset `at` of `text` (a character boundary) is a word edge.
pub fn is_edge(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    match (before, after) {
        (Some(a), Some(b)) => !joined(a, b),
        _ => true,
    }
}

/// The most characters a proclitic has (`وبال`, `فلل`), plus room for marks between them.
const MAX_PREFIX_CHARS: usize = 8;

/// Whether the match starting at byte `at` of `text` starts a word after a proclitic: the word
/// holding `at` starts at most a few characters before it and what stands between is a
/// proclitic ([`is_proclitic`], marks ignored).
pub fn after_proclitic(text: &str, at: usize) -> bool {
    let mut prefix: Vec<char> = Vec::with_capacity(MAX_PREFIX_CHARS);
    let mut chars = text[..at].chars().rev();
    let mut next = match text[at..].chars().next() {
        Some(c) => c,
        None => return false,
    };
    loop {
        match chars.next() {
            Some(c) if joined(c, next) => {
                if prefix.len() == MAX_PREFIX_CHARS {
                    return false;
                }
                prefix.push(c);
                next = c;
            }
            _ => break,
        }
    }
    prefix.retain(|&c| !is_extender(c));
    prefix.reverse();
    !prefix.is_empty() && is_proclitic(&prefix)
}

/// Whether `prefix` (letters, no marks) is a proclitic: `(و|ف)? (ب|ك|ل)? (ال)?` with `ل` + `ال`
/// written `لل`.
pub fn is_proclitic(prefix: &[char]) -> bool {
    let rest = match prefix {
        ['و' | 'ف', rest @ ..] => rest,
        rest => rest,
    };
    matches!(
        rest,
        [] | ['ب' | 'ك' | 'ل'] | ['ا', 'ل'] | ['ب' | 'ك', 'ا', 'ل'] | ['ل', 'ل']
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proclitics() {
        for yes in [
            "و", "ف", "ب", "ك", "ل", "ال", "وال", "بال", "فال", "كال", "لل", "ولل", "وب", "وبال",
        ] {
            let chars: Vec<char> = yes.chars().collect();
            assert!(is_proclitic(&chars), "{yes}");
        }
        for no in ["لال", "م", "بب", "وو", "الل", "سي", "ا"] {
            let chars: Vec<char> = no.chars().collect();
            assert!(!is_proclitic(&chars), "{no}");
        }
    }

    #[test]
    fn word_edges_follow_scripts_and_marks() {
        let text = "ناتوNATO لروسيا G7 ٣٫٥ مُحَمَّد";
        let edge = |s: &str| is_edge(text, text.find(s).unwrap());
        assert!(edge("NATO"));
        assert!(!edge("روسيا"));
        assert!(!edge("7"));
        assert!(edge("G7"));
        assert!(!edge("\u{064F}"));
    }
}

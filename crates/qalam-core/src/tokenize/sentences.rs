//! Sentence splitting over tokens, for column formats (one sentence per block).

use std::ops::Range;

use super::Token;
use super::classify::{closes, ends_sentence, is_line_break};

/// Splits `tokens` of `text` into sentences, as ranges of token indices (non-empty, in order,
/// covering every token).
///
/// A line break between two tokens is a hard break (so are blank lines: no empty sentence is
/// produced). A token `.` `!` `?` `؟` `…` or `۔` ends a sentence, together with any further
/// terminators and closing quotes or brackets right after it (`!?»`). Dots inside numbers, URLs
/// and e-mail addresses are inside their token and end nothing.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut result = Vec::new();
    let mut chars = text.chars();
    // Code point index of the next character `chars` yields.
    let mut at = 0;
    let mut start = 0;
    let mut ended = false;
    for (k, token) in tokens.iter().enumerate() {
        // Walk the gap before the token, looking for a line break.
        let mut line_break = false;
        while at < token.start {
            match chars.next() {
                Some(c) => line_break |= is_line_break(c),
                None => break,
            }
            at += 1;
        }
        let first = chars.next();
        at += 1;
        if token.end > at {
            // Skip the rest of the token (it is not a single character).
            chars.nth(token.end - at - 1);
            at = token.end;
        }
        let single = if token.len() == 1 { first } else { None };
        if k > start {
            let continues_end = ended && single.is_some_and(|c| ends_sentence(c) || closes(c));
            if line_break || (ended && !continues_end) {
                result.push(start..k);
                start = k;
                ended = false;
            }
        }
        if single.is_some_and(ends_sentence) {
            ended = true;
        }
    }
    if start < tokens.len() {
        result.push(start..tokens.len());
    }
    result
}

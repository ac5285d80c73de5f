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
    let chars: Vec<char> = text.chars().collect();
    let single = |token: &Token| -> Option<char> {
        (token.end == token.start + 1)
            .then(|| chars.get(token.start).copied())
            .flatten()
    };
    let mut result = Vec::new();
    let mut start = 0;
    let mut ended = false;
    for (k, token) in tokens.iter().enumerate() {
        if k > start {
            let gap = chars
                .get(tokens[k - 1].end..token.start)
                .unwrap_or_default();
            let line_break = gap.iter().any(|&c| is_line_break(c));
            let continues_end =
                ended && single(token).is_some_and(|c| ends_sentence(c) || closes(c));
            if line_break || (ended && !continues_end) {
                result.push(start..k);
                start = k;
                ended = false;
            }
        }
        if single(token).is_some_and(ends_sentence) {
            ended = true;
        }
    }
    if start < tokens.len() {
        result.push(start..tokens.len());
    }
    result
}

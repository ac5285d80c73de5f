//! Words for token-based formats (CoNLL, Hugging Face, spaCy, Prodigy): the default
//! Arabic-aware tokenizer, sentence splitting, and the alignment of character spans with tokens
//! ([`align`]).
//!
//! Tokens are code-point ranges `[start, end)` into the stored text, never copies: the text is
//! not normalised (no NFKC, harakat and tatweel are kept), so every token maps back exactly.
//!
//! # The default policy ([`tokenize`])
//!
//! - **Separators** (in no token): whitespace, including CR/LF and NBSP; the bidi controls LRM,
//!   RLM, ALM, embeddings and isolates; the zero-width space; the byte-order mark.
//! - **Words** are runs of letters of one script: Arabic letters (with tatweel U+0640) form one
//!   run, any other letters (Latin…) another, so `ناتوNATO` is two tokens. Latin-like runs also
//!   take ASCII digits after the first letter (`G7`, `COVID19`).
//! - **Nothing ends inside a grapheme cluster**: harakat and other combining marks, ZWJ and
//!   ZWNJ, variation selectors and emoji modifiers stay in the token of what they follow
//!   (`مُحَمَّد`, `می‌خواهم` are one token each). A mark right after whitespace (a stray
//!   haraka) belongs to the word after it, never to the whitespace, so no character is lost.
//! - **Numbers** are kept whole: digits (ASCII, `٠`–`٩`, `۰`–`۹`) with `.` `,` `٫` `٬` between
//!   digits (`3.5`, `1,000`, `٣٫٥`) and a directly following `%` `٪` `‰` (`45%`, `٤٥٪`). A
//!   separator not followed by a digit is punctuation (`2024.` is `2024` + `.`).
//! - **URLs** (`http://`, `https://`, `ftp://`, `www.`) run to the next separator, quote,
//!   angle bracket or Arabic comma/semicolon, minus trailing sentence punctuation (a `)` stays
//!   when it closes a `(` of the URL).
//! - **E-mail addresses** `local@domain.tld` (ASCII) are one token.
//! - **Hashtags and mentions**: `#` or `@` followed by letters, digits and `_` of any script
//!   (`#السودان_ينتفض`, `@UN_News`).
//! - **Everything else** is one token per grapheme cluster: punctuation (Arabic `،` `؛` `؟`
//!   `«` `»` too), quotes, brackets, symbols, and each emoji, including ZWJ sequences, flags and
//!   keycaps (`👨‍👩‍👧` is one token).
//!
//! ```
//! use qalam_core::tokenize::{tokenize, Token};
//!
//! let text = "زار بوتين لروسيا، ونما 3.5٪ #قمة_2024";
//! let words: Vec<&str> = tokenize(text).iter().map(|t| t.slice(text)).collect();
//! assert_eq!(words, ["زار", "بوتين", "لروسيا", "،", "ونما", "3.5٪", "#قمة_2024"]);
//! assert_eq!(tokenize("زار")[0], Token { start: 0, end: 3 });
//! ```
//!
//! # Sentences ([`sentences`])
//!
//! Line breaks (and so blank lines) are hard breaks; `.` `!` `?` `؟` `…` `۔` end a sentence with
//! any closing quotes or brackets after them. Dots inside numbers, URLs and addresses are inside
//! a token, so they end nothing.
//!
//! # Documents imported from token files ([`Tokenizer`])
//!
//! A document built from a token file (CoNLL) has its tokens joined by single spaces and its
//! sentences ended by `\n`; it is marked with `metadata["tokenizer"] = "whitespace"`, and
//! [`Tokenizer::for_document`] then splits on whitespace and breaks sentences at line ends only,
//! so the corpus' own tokens and sentences come back exactly on export.

pub mod align;
#[cfg(test)]
mod align_tests;
mod classify;
mod scan;
mod sentences;
pub mod tags;
#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::model::Document;

pub(crate) use classify::{Script, is_digit, letter_script};
pub use scan::tokenize;
pub use sentences::sentences;

/// A token: the code-point range `[start, end)` of the text it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Token {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

impl Token {
    /// The token's range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Number of code points.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the token covers nothing (the tokenizers never produce one).
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The token's text in `text` (the string it was made from); empty if out of range. Walks
    /// the string: for many tokens use the document's [`CharIndex`](crate::model::CharIndex).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        let mut indices = text
            .char_indices()
            .map(|(byte, _)| byte)
            .chain([text.len()]);
        let start = indices.nth(self.start);
        let end = indices.nth(self.len().saturating_sub(1));
        match (start, end) {
            (Some(start), Some(end)) if !self.is_empty() => &text[start..end],
            _ => "",
        }
    }
}

/// The metadata key marking a document whose tokens are its whitespace-separated words.
pub const TOKENIZER_KEY: &str = "tokenizer";

/// Which tokenizer a document is cut with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tokenizer {
    /// [`tokenize`] and [`sentences`]: the Arabic-aware default.
    #[default]
    Default,
    /// Tokens are the words between ASCII whitespace and sentences are lines: for documents built
    /// from token files (see the [module docs](self#documents-imported-from-token-files-tokenizer)).
    Whitespace,
}

impl Tokenizer {
    /// The tokenizer a document asks for in `metadata["tokenizer"]` (`"whitespace"`), else the
    /// default.
    pub fn for_document(document: &Document) -> Self {
        match document
            .metadata
            .get(TOKENIZER_KEY)
            .and_then(|v| v.as_str())
        {
            Some("whitespace") => Tokenizer::Whitespace,
            _ => Tokenizer::Default,
        }
    }

    /// The name stored in `metadata["tokenizer"]`.
    pub fn name(self) -> &'static str {
        match self {
            Tokenizer::Default => "default",
            Tokenizer::Whitespace => "whitespace",
        }
    }

    /// The tokens of `text`.
    pub fn tokenize(self, text: &str) -> Vec<Token> {
        match self {
            Tokenizer::Default => tokenize(text),
            Tokenizer::Whitespace => whitespace_tokens(text),
        }
    }

    /// The sentences of `text` as token index ranges.
    pub fn sentences(self, text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
        match self {
            Tokenizer::Default => sentences(text, tokens),
            Tokenizer::Whitespace => line_sentences(text, tokens),
        }
    }
}

/// The words of `text` separated by ASCII whitespace (space, tab, CR, LF, form feed) as tokens:
/// a token file's tokens may hold any other character (NBSP, ZWNJ…).
pub fn whitespace_tokens(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start = None;
    let mut at = 0;
    for c in text.chars() {
        match (c.is_ascii_whitespace(), start) {
            (true, Some(s)) => {
                tokens.push(Token { start: s, end: at });
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
        at += 1;
    }
    if let Some(s) = start {
        tokens.push(Token { start: s, end: at });
    }
    tokens
}

/// Sentences that end only at line breaks (non-empty token index ranges).
pub fn line_sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut breaks = Vec::new();
    for (at, c) in text.chars().enumerate() {
        if c == '\n' {
            breaks.push(at);
        }
    }
    let mut result = Vec::new();
    let mut start = 0;
    let mut next_break = breaks.iter().peekable();
    for (k, token) in tokens.iter().enumerate() {
        let mut crossed = false;
        while next_break.next_if(|&&b| b < token.start).is_some() {
            crossed = true;
        }
        if crossed && k > start {
            result.push(start..k);
            start = k;
        }
    }
    if start < tokens.len() {
        result.push(start..tokens.len());
    }
    result
}

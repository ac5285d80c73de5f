//! The default tokenizer: one left-to-right pass over the characters, with grapheme cluster
//! boundaries so that no token ends inside a user-perceived character (harakat, ZWJ/ZWNJ,
//! variation selectors, skin tones and emoji ZWJ sequences stay with what they follow).

use unicode_segmentation::UnicodeSegmentation;

use super::Token;
use super::classify::{
    Script, ends_url, is_digit, is_domain, is_email_local, is_number_separator, is_percent,
    is_separator, is_tag_char, letter_script, trails_url,
};

/// The characters of a text with grapheme boundaries, indexed by code point.
struct Chars {
    chars: Vec<char>,
    /// `boundary[i]`: a grapheme cluster starts at code point `i` (and at `chars.len()`).
    boundary: Vec<bool>,
}

impl Chars {
    /// Grapheme boundaries are computed only inside whitespace-separated words that hold a
    /// character which may extend a cluster (marks, joiners, emoji…): every other position is
    /// a boundary anyway, and most Arabic and Latin words have none, which keeps this fast.
    fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let mut boundary = vec![true; chars.len() + 1];
        let mut word_start = 0;
        let mut word_byte = 0;
        let mut complex = false;
        let mut byte = 0;
        for (at, &c) in chars.iter().enumerate() {
            if c.is_whitespace() {
                if c == '\n' && at > 0 && chars[at - 1] == '\r' {
                    boundary[at] = false;
                }
                if complex {
                    mark_graphemes(&text[word_byte..byte], word_start, &mut boundary);
                }
                complex = false;
                word_start = at + 1;
                word_byte = byte + c.len_utf8();
            } else if !complex && !is_simple(c) {
                complex = true;
            }
            byte += c.len_utf8();
        }
        if complex {
            mark_graphemes(&text[word_byte..], word_start, &mut boundary);
        }
        Self { chars, boundary }
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    fn get(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// The first grapheme boundary at or after `i`.
    fn boundary_from(&self, mut i: usize) -> usize {
        while !self.boundary[i] {
            i += 1;
        }
        i
    }

    /// Whether the characters from `i` start with `prefix`, ignoring ASCII case.
    fn starts_with_ignore_case(&self, i: usize, prefix: &str) -> bool {
        let mut at = i;
        for expected in prefix.chars() {
            match self.get(at) {
                Some(c) if c.eq_ignore_ascii_case(&expected) => at += 1,
                _ => return false,
            }
        }
        true
    }
}

/// Whether `c` always starts a grapheme cluster and lets the next character start one: ASCII
/// other than CR, and the common Arabic letters, digits and punctuation.
fn is_simple(c: char) -> bool {
    (c.is_ascii() && c != '\r')
        || matches!(c, '\u{0621}'..='\u{064A}' | '\u{0660}'..='\u{066D}' | '\u{060C}' | '\u{061B}' | '\u{061F}' | '«' | '»' | '“' | '”' | '…')
}

/// Marks the positions inside `word` (starting at code point `start`) that do not start a
/// grapheme cluster.
fn mark_graphemes(word: &str, start: usize, boundary: &mut [bool]) {
    let mut at = start;
    for grapheme in word.graphemes(true) {
        let len = grapheme.chars().count();
        boundary[at + 1..at + len].fill(false);
        at += len;
    }
}

/// Tokenizes `text`; see the [module docs](super) for the policy.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars = Chars::new(text);
    let mut tokens = Vec::with_capacity(chars.len() / 4);
    let mut i = 0;
    while i < chars.len() {
        let c = chars.chars[i];
        if is_separator(c) {
            // Only the separator itself: a mark clustered onto it starts the next token.
            i += 1;
            continue;
        }
        let end = url(&chars, i)
            .or_else(|| email(&chars, i))
            .or_else(|| hashtag(&chars, i))
            .unwrap_or_else(|| {
                if is_digit(c) {
                    number(&chars, i)
                } else if let Some(script) = letter_script(c) {
                    word(&chars, i, script)
                } else {
                    i + 1
                }
            });
        let end = chars.boundary_from(end);
        tokens.push(Token { start: i, end });
        i = end;
    }
    tokens
}

/// A run of letters of one script from `i` (Latin-like runs also take ASCII digits: `G7`).
fn word(chars: &Chars, i: usize, script: Script) -> usize {
    let mut j = i + 1;
    while let Some(c) = chars.get(j) {
        let same = !chars.boundary[j]
            || letter_script(c) == Some(script)
            || (script == Script::Other && c.is_ascii_digit());
        if !same {
            break;
        }
        j += 1;
    }
    j
}

/// Digits with inner separators (`3.5`, `٣٫٥`, `1,000`) and a trailing percent sign.
fn number(chars: &Chars, i: usize) -> usize {
    let mut j = i + 1;
    while let Some(c) = chars.get(j) {
        if is_digit(c) || !chars.boundary[j] {
            j += 1;
        } else if is_number_separator(c) && chars.get(j + 1).is_some_and(is_digit) {
            j += 2;
        } else {
            break;
        }
    }
    if chars.get(j).is_some_and(is_percent) {
        j += 1;
    }
    j
}

/// A URL starting at `i` (`http://`, `https://`, `ftp://` or `www.`), up to a separator, a quote
/// or an angle bracket, without trailing sentence punctuation.
fn url(chars: &Chars, i: usize) -> Option<usize> {
    let prefix = ["https://", "http://", "ftp://", "www."]
        .into_iter()
        .find(|prefix| chars.starts_with_ignore_case(i, prefix))?;
    let body = i + prefix.chars().count();
    let mut j = body;
    while let Some(c) = chars.get(j) {
        if is_separator(c) || ends_url(c) {
            break;
        }
        j += 1;
    }
    while j > body && trails_url(chars.chars[j - 1]) {
        let url = &chars.chars[i..j];
        let balanced =
            url.iter().filter(|&&c| c == '(').count() >= url.iter().filter(|&&c| c == ')').count();
        if chars.chars[j - 1] == ')' && balanced {
            break;
        }
        j -= 1;
    }
    (j > body).then_some(j)
}

/// An e-mail address `local@domain.tld` starting at `i`.
fn email(chars: &Chars, i: usize) -> Option<usize> {
    if !chars.get(i)?.is_ascii_alphanumeric() {
        return None;
    }
    let mut j = i;
    while chars.get(j).is_some_and(is_email_local) {
        j += 1;
    }
    if chars.get(j) != Some('@') {
        return None;
    }
    let domain = j + 1;
    let mut end = domain;
    while chars.get(end).is_some_and(is_domain) {
        end += 1;
    }
    while end > domain && !chars.chars[end - 1].is_ascii_alphanumeric() {
        end -= 1;
    }
    let name = &chars.chars[domain..end];
    let dot = name.iter().position(|&c| c == '.')?;
    (dot > 0).then_some(end)
}

/// A hashtag or mention: `#` or `@` followed by letters, digits and `_` of any script.
fn hashtag(chars: &Chars, i: usize) -> Option<usize> {
    if !matches!(chars.get(i)?, '#' | '@' | '＃') || !chars.get(i + 1).is_some_and(is_tag_char) {
        return None;
    }
    let mut j = i + 1;
    while let Some(c) = chars.get(j) {
        if !is_tag_char(c) && chars.boundary[j] {
            break;
        }
        j += 1;
    }
    Some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Boundaries from the full grapheme segmentation of the whole text.
    fn full_boundaries(text: &str) -> Vec<bool> {
        let mut boundary = vec![false; text.chars().count() + 1];
        let mut at = 0;
        for grapheme in text.graphemes(true) {
            boundary[at] = true;
            at += grapheme.chars().count();
        }
        boundary[at] = true;
        boundary
    }

    fn wojood(name: &str) -> String {
        let path = format!(
            "{}/../../tests/fixtures/wojood/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(path).expect("the Wojood fixture")
    }

    #[test]
    fn fast_boundaries_agree_with_full_grapheme_segmentation() {
        let texts = [
            include_str!("../../../../assets/kim-lavrov-wonsan.ar.txt").to_owned(),
            wojood("train.txt"),
            wojood("val.txt"),
            wojood("test.txt"),
            "مُحَمَّد 👨‍👩‍👧 🇸🇦🇪🇬 1️⃣ می‌خواهم e\u{301} a\r\nb".to_owned(),
        ];
        for text in &texts {
            let fast = Chars::new(text).boundary;
            let full = full_boundaries(text);
            let chars: Vec<char> = text.chars().collect();
            for (at, (a, b)) in fast.iter().zip(&full).enumerate() {
                assert_eq!(
                    a,
                    b,
                    "at {at}: {:?}",
                    &chars[at.saturating_sub(3)..(at + 3).min(chars.len())]
                );
            }
        }
    }
}

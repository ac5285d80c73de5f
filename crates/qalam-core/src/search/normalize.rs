//! The normalised copy of a text that search runs on, with an exact map back to the stored text.
//!
//! Every rule works on one character at a time: a character is either kept (perhaps replaced by
//! its fold, always one character) or deleted (harakat, tatweel). So the normalised text has at
//! most as many characters as the original, and each normalised character comes from exactly one
//! original character.
//!
//! # The map back
//!
//! [`Normalized::original_range`] turns a normalised byte range (what `regex` returns) into the
//! original code-point range. Deleted characters attach to the kept character before them (a
//! haraka or tatweel belongs to the letter it follows), except after whitespace or at the start
//! of the text, where they attach to the kept character after them (as the tokenizer puts a stray
//! haraka into the next word). So a match never starts or ends inside a letter + harakat cluster:
//! `محمد` found in `مُحَمَّد` maps back to the whole word with its harakat, and the original range
//! always normalises to exactly the matched normalised text.
//!
//! ```
//! use qalam_core::search::{NormalizeOptions, Normalized};
//!
//! let text = "زار مُحَمَّد";
//! let normalized = Normalized::new(text, &NormalizeOptions::default());
//! assert_eq!(normalized.text(), "زار محمد");
//! let start = normalized.text().find("محمد").unwrap();
//! assert_eq!(normalized.original_range(start..normalized.text().len()), 4..12);
//! ```

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// Which differences search ignores. Each is one fold; [`Default`] folds everything annotators
/// expect to be the same name, [`NormalizeOptions::exact`] folds nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct NormalizeOptions {
    /// Delete harakat and the other Arabic combining marks ([`is_haraka`]): fathatan to sukun,
    /// shadda, superscript alef, hamza above/below as marks, Quranic annotation marks.
    pub ignore_harakat: bool,
    /// Delete tatweel (kashida, U+0640).
    pub ignore_tatweel: bool,
    /// Fold the alef forms `أ إ آ ٱ ٲ ٳ` to bare alef `ا`.
    pub fold_alef: bool,
    /// Fold alef maqsura `ى` and Farsi yeh `ی` to yeh `ي`.
    pub fold_ya: bool,
    /// Fold ta marbuta `ة` to ha `ه`.
    pub fold_ta_marbuta: bool,
    /// Fold Arabic-Indic `٠`–`٩` and extended Arabic-Indic `۰`–`۹` digits to ASCII `0`–`9`.
    pub fold_digits: bool,
    /// Fold ASCII letters to lower case (`BBC` finds `bbc`).
    pub ignore_case: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        Self {
            ignore_harakat: true,
            ignore_tatweel: true,
            fold_alef: true,
            fold_ya: true,
            fold_ta_marbuta: true,
            fold_digits: true,
            ignore_case: true,
        }
    }
}

impl NormalizeOptions {
    /// No fold at all: the normalised text is the text.
    pub fn exact() -> Self {
        Self {
            ignore_harakat: false,
            ignore_tatweel: false,
            fold_alef: false,
            fold_ya: false,
            fold_ta_marbuta: false,
            fold_digits: false,
            ignore_case: false,
        }
    }

    /// Whether no rule is on.
    pub fn is_exact(&self) -> bool {
        *self == Self::exact()
    }

    /// What `c` becomes: `None` if it is deleted, else its fold (or itself).
    #[inline]
    pub fn fold(&self, c: char) -> Option<char> {
        if c.is_ascii() {
            return Some(if self.ignore_case {
                c.to_ascii_lowercase()
            } else {
                c
            });
        }
        Some(match c {
            '\u{0640}' if self.ignore_tatweel => return None,
            c if self.ignore_harakat && is_haraka(c) => return None,
            'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' if self.fold_alef => 'ا',
            'ى' | 'ی' if self.fold_ya => 'ي',
            'ة' if self.fold_ta_marbuta => 'ه',
            '٠'..='٩' if self.fold_digits => digit(c as u32 - 0x0660),
            '۰'..='۹' if self.fold_digits => digit(c as u32 - 0x06F0),
            c => c,
        })
    }

    /// `s` normalised (without the map), e.g. a search pattern.
    pub fn apply(&self, s: &str) -> String {
        s.chars().filter_map(|c| self.fold(c)).collect()
    }
}

/// Whitespace, for where deleted characters attach (an ASCII test first: most characters).
#[inline]
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t'..='\r')
    } else {
        c.is_whitespace()
    }
}

/// The ASCII digit of value `d` (0–9).
fn digit(d: u32) -> char {
    char::from_digit(d, 10).unwrap_or('0')
}

/// An Arabic combining mark that "ignore harakat" deletes: the Quranic signs U+0610–U+061A,
/// fathatan to sukun and the other marks U+064B–U+065F (hamza above/below among them), the
/// superscript alef U+0670, the Quranic annotation marks U+06D6–U+06ED (except the non-mark
/// U+06DD, U+06DE, U+06E5, U+06E6, U+06E9) and the extended-Arabic marks U+08D3–U+08FF.
pub fn is_haraka(c: char) -> bool {
    matches!(
        c,
        '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06DC}'
            | '\u{06DF}'..='\u{06E4}'
            | '\u{06E7}'..='\u{06E8}'
            | '\u{06EA}'..='\u{06ED}'
            | '\u{08D3}'..='\u{08E1}'
            | '\u{08E3}'..='\u{08FF}'
    )
}

/// A text normalised under some [`NormalizeOptions`], with the map back to the original
/// code points (see the [module docs](self)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    /// `bounds[b]`: the original code-point offset of normalised byte offset `b`, for every
    /// character boundary `b` in `0..=text.len()` (where that boundary falls in the original);
    /// the entries for bytes inside a character are unused.
    bounds: Vec<u32>,
    original_len: usize,
    /// The original text's length in bytes.
    source_bytes: usize,
    options: NormalizeOptions,
}

impl Normalized {
    /// Normalises `text` in one pass. Offsets are kept as `u32`: texts of more than 4 billion
    /// code points are not supported (their offsets wrap).
    pub fn new(text: &str, options: &NormalizeOptions) -> Self {
        // No fold makes a character longer in UTF-8, so the normalised text fits in the
        // original's length; `bounds` is zeroed memory written only at character starts.
        let mut out = String::with_capacity(text.len());
        let mut bounds: Vec<u32> = vec![0; text.len() + 1];
        // Where the boundary before the next kept character falls in the original.
        let mut boundary: u32 = 0;
        // Whether deleted characters now attach forward (after whitespace or at the start).
        let mut attach_forward = true;
        let mut cp: u32 = 0;
        // Unchanged characters are copied in runs: `run` is where the current run starts in
        // `text`; a kept character at byte `i` of the run lands at `out.len() + i - run`.
        let mut run = 0;
        for (i, c) in text.char_indices() {
            cp = cp.wrapping_add(1);
            match options.fold(c) {
                Some(folded) if folded == c => {
                    bounds[out.len() + i - run] = boundary;
                    boundary = cp;
                    attach_forward = is_space(c);
                }
                Some(folded) => {
                    out.push_str(&text[run..i]);
                    run = i + c.len_utf8();
                    bounds[out.len()] = boundary;
                    out.push(folded);
                    boundary = cp;
                    attach_forward = is_space(c);
                }
                None => {
                    out.push_str(&text[run..i]);
                    run = i + c.len_utf8();
                    if !attach_forward {
                        boundary = cp;
                    }
                }
            }
        }
        out.push_str(&text[run..]);
        // Trailing deleted characters after a letter already moved `boundary` past them.
        bounds[out.len()] = boundary;
        bounds.truncate(out.len() + 1);
        Self {
            text: out,
            bounds,
            original_len: cp as usize,
            source_bytes: text.len(),
            options: *options,
        }
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The options it was made with.
    pub fn options(&self) -> &NormalizeOptions {
        &self.options
    }

    /// The original text's length in code points.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// The original code-point offset of normalised byte offset `byte` (clamped to the text).
    pub fn original_offset(&self, byte: usize) -> usize {
        let at = byte.min(self.text.len());
        self.bounds
            .get(at)
            .map_or(self.original_len, |&b| b as usize)
    }

    /// The original code-point range of the normalised byte range `bytes` (clamped to the text):
    /// whole letter + harakat clusters, normalising to exactly `text()[bytes]`.
    pub fn original_range(&self, bytes: Range<usize>) -> Range<usize> {
        let start = self.original_offset(bytes.start);
        let end = self.original_offset(bytes.end).max(start);
        start..end
    }
}

/// The normalised copy of one document's text, kept between searches: made on first use and
/// again only when the options change. A document's text never changes, so one cache belongs
/// to one document (give it the same text every time).
#[derive(Debug, Clone, Default)]
pub struct NormalizedCache {
    cached: Option<Normalized>,
}

impl NormalizedCache {
    /// The normalised `text` under `options`, reused while the options (and the text's length
    /// in bytes, a cheap guard) are the same.
    pub fn get(&mut self, text: &str, options: &NormalizeOptions) -> &Normalized {
        let stale = self
            .cached
            .as_ref()
            .is_some_and(|n| n.options() != options || n.source_bytes != text.len());
        if stale {
            self.cached = None;
        }
        self.cached
            .get_or_insert_with(|| Normalized::new(text, options))
    }
}

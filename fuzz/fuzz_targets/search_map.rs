//! The normalised-search map: for any text, options, word mode and pattern, the normalised copy
//! maps back monotonically and exactly (every normalised character's original range normalises
//! to it), and every match — plain or regex — is an in-order, disjoint range inside the text;
//! a plain match's original text normalises to the normalised pattern.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalam_core::search::{NormalizeOptions, Normalized, Query, WordMode};

fuzz_target!(|data: &[u8]| {
    let [flags, mode, rest @ ..] = data else {
        return;
    };
    let Ok(input) = std::str::from_utf8(rest) else {
        return;
    };
    // The pattern is everything before the first U+0001, the text everything after it.
    let (pattern, text) = input.split_once('\u{1}').unwrap_or(("", input));
    if pattern.len() > 64 {
        return;
    }
    let options = NormalizeOptions {
        ignore_harakat: flags & 1 != 0,
        ignore_tatweel: flags & 2 != 0,
        fold_alef: flags & 4 != 0,
        fold_ya: flags & 8 != 0,
        fold_ta_marbuta: flags & 16 != 0,
        fold_digits: flags & 32 != 0,
        ignore_case: flags & 64 != 0,
    };
    let chars: Vec<char> = text.chars().collect();

    let normalized = Normalized::new(text, &options);
    assert_eq!(normalized.original_len(), chars.len());
    let mut previous = 0;
    for (byte, c) in normalized.text().char_indices() {
        let range = normalized.original_range(byte..byte + c.len_utf8());
        assert!(previous <= range.start && range.end <= chars.len());
        previous = range.end;
        let original: String = chars[range].iter().collect();
        assert_eq!(options.apply(&original), c.to_string());
    }

    let words = match mode & 3 {
        0 => WordMode::Inside,
        1 => WordMode::Whole,
        _ => WordMode::Clitics,
    };
    let regex = mode & 4 != 0;
    let query = if regex {
        Query::regex(pattern)
    } else {
        Query::plain(pattern)
    };
    let Ok(matcher) = query.words(words).options(options).compile() else {
        return;
    };
    let expected = options.apply(pattern);
    let mut previous_end = 0;
    for found in matcher.find(&normalized) {
        assert!(
            previous_end <= found.start && found.start <= found.end && found.end <= chars.len()
        );
        previous_end = found.end;
        if !regex {
            assert!(found.start < found.end);
            let original: String = chars[found.range()].iter().collect();
            assert_eq!(options.apply(&original), expected);
        }
    }
});

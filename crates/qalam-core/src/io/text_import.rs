//! Plain-text import: any UTF-8 text becomes a fresh [`Annotation`] with no spans.
//!
//! Policy (also in `docs/format.md`): a leading byte-order mark U+FEFF is removed (it is an
//! encoding artefact, not content); everything else is kept exactly, including `\r\n` line
//! ends, which count as two code points, so offsets always index the text as stored.

use std::path::Path;

use crate::model::{Annotation, Document};

/// A fresh annotation of `text` read from `path`: id and title are the file stem, source the
/// file name, language guessed from the letters ([`guess_language`]).
pub fn import_text(path: &Path, text: &str) -> Annotation {
    let text = imported_text(text);
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .filter(|stem| !stem.is_empty())
        .unwrap_or_else(|| "document".to_owned());
    let mut document = Document::new(stem, text);
    document.source = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned());
    document.language = guess_language(text).map(str::to_owned);
    Annotation::new(document)
}

/// The text a plain-text file's content becomes: without a leading byte-order mark, otherwise
/// exactly as stored (the policy in the module docs).
pub fn imported_text(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// `ar` if most letters are in the Arabic script, else `en` if most are Latin, else `None`
/// (no letters, or no script has a majority).
pub fn guess_language(text: &str) -> Option<&'static str> {
    let (mut letters, mut arabic, mut latin) = (0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if is_arabic_script(c) {
            arabic += 1;
        } else if is_latin_script(c) {
            latin += 1;
        }
    }
    if arabic * 2 > letters {
        Some("ar")
    } else if latin * 2 > letters {
        Some("en")
    } else {
        None
    }
}

/// Arabic, Arabic Supplement, Extended-A/B/C and the presentation-form blocks.
fn is_arabic_script(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{0870}'..='\u{08FF}'
        | '\u{10EC0}'..='\u{10EFF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}')
}

/// Basic Latin letters, Latin-1 Supplement, Extended-A/B, IPA-free extended additional.
fn is_latin_script(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_majority_script() {
        assert_eq!(guess_language("زار بوتين روسيا (Russia)."), Some("ar"));
        assert_eq!(guess_language("Putin visited روسيا."), Some("en"));
        assert_eq!(guess_language("Москва"), None);
        assert_eq!(guess_language("123 !?"), None);
        assert_eq!(guess_language("abc Москва Київ"), None);
    }

    #[test]
    fn import_uses_stem_and_file_name() {
        let ann = import_text(Path::new("/tmp/news/kim-lavrov.ar.txt"), "خبر");
        assert_eq!(ann.document().id, "kim-lavrov.ar");
        assert_eq!(ann.document().title, "kim-lavrov.ar");
        assert_eq!(ann.document().source.as_deref(), Some("kim-lavrov.ar.txt"));
        assert_eq!(ann.document().language.as_deref(), Some("ar"));
        assert!(ann.spans().is_empty());
    }

    #[test]
    fn bom_is_stripped_and_crlf_kept_exactly() {
        let ann = import_text(Path::new("a.txt"), "\u{feff}سطر\r\nثان");
        assert_eq!(ann.document().text(), "سطر\r\nثان");
        assert_eq!(ann.document().char_len(), 8);
        let second_line: String = ann.document().text().chars().skip(5).collect();
        assert_eq!(second_line, "ثان");
    }
}

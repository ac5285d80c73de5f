//! Character classes the tokenizer works with (no Unicode tables beyond `std` and the grapheme
//! clusters of `unicode-segmentation`).

/// Separates tokens and belongs to none: whitespace, bidi controls (LRM, RLM, ALM, embeddings,
/// isolates), the zero-width space and the byte-order mark.
pub(super) fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
        )
}

/// A decimal digit: ASCII, Arabic-Indic (`٠`–`٩`), extended Arabic-Indic (`۰`–`۹`) or any other
/// Unicode decimal digit.
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
        || (!c.is_ascii() && c.is_numeric() && !c.is_alphabetic())
}

/// A separator that stays inside a number when digits stand on both sides: `.` `,` and the
/// Arabic decimal and thousands separators `٫` `٬`.
pub(super) fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '\u{066B}' | '\u{066C}')
}

/// A percent or per-mille sign that a number keeps (`45%`, `٤٥٪`).
pub(super) fn is_percent(c: char) -> bool {
    matches!(c, '%' | '\u{066A}' | '‰' | '\u{0609}' | '\u{060A}')
}

/// Whether `c` is in one of the Arabic script blocks.
fn in_arabic_block(c: char) -> bool {
    matches!(
        c,
        '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{0870}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFE}'
            | '\u{10E60}'..='\u{10E7F}'
            | '\u{1EE00}'..='\u{1EEFF}'
    )
}

/// The script run a letter belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    /// Arabic letters, tatweel (U+0640) and Arabic presentation forms.
    Arabic,
    /// Any other letter (Latin, Cyrillic, CJK…).
    Other,
}

/// The script of a letter, `None` for anything that is not a letter.
pub(crate) fn letter_script(c: char) -> Option<Script> {
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(Script::Other);
    }
    if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0640}'..='\u{064A}') {
        return Some(Script::Arabic);
    }
    if !c.is_alphabetic() {
        return None;
    }
    Some(if in_arabic_block(c) {
        Script::Arabic
    } else {
        Script::Other
    })
}

/// A character of a hashtag or mention body: any letter or digit, `_`, tatweel.
pub(super) fn is_tag_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Allowed in the local part of an e-mail address.
pub(super) fn is_email_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

/// Allowed in a domain name.
pub(super) fn is_domain(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
}

/// Ends a URL when it reaches one (besides separators): quotes and angle brackets and the
/// Arabic comma and semicolon.
pub(super) fn ends_url(c: char) -> bool {
    matches!(c, '<' | '>' | '"' | '«' | '»' | '“' | '”' | '،' | '؛')
}

/// Trimmed from the end of a URL: sentence punctuation that follows it.
pub(super) fn trails_url(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | '\'' | ')' | ']' | '}' | '؟' | '…' | '،' | '؛'
    )
}

/// Ends a sentence: `.` `!` `?` `؟` `…` and the Arabic full stop `۔`.
pub(super) fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…' | '۔' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Closes a quotation or bracket, so it stays with the sentence a terminator ended (`.»`).
pub(super) fn closes(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '»' | '”' | '’' | '›' | ')' | ']' | '}' | '﴿' | '」' | '』'
    )
}

/// A line or paragraph break: a hard sentence break.
pub(super) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}'
    )
}

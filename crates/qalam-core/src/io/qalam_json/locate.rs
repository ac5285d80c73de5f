//! Finds the line and column of JSON values by their JSON Pointer (RFC 6901) path, by scanning
//! the raw text once. Used only when a file has problems, so valid files pay nothing.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// A 1-based line and column; columns count Unicode code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in code points.
    pub column: usize,
}

/// Positions of every value in a JSON text, keyed by JSON Pointer (`""` is the root,
/// `"/spans/3/start"` a nested value).
#[derive(Debug, Default)]
pub struct ValuePositions {
    by_pointer: HashMap<String, Position>,
}

impl ValuePositions {
    /// Scans `json`, which must already have parsed successfully; on malformed input the scan
    /// stops early and only the values seen so far are located.
    pub fn scan(json: &str) -> Self {
        Self::scan_wanted(json, None)
    }

    /// Like [`ValuePositions::scan`], but records only the values at `pointers` and their
    /// ancestors (what [`ValuePositions::locate`] needs for them): a file with a million spans
    /// and one problem keeps a handful of positions, not ten million.
    pub fn scan_for<'p>(json: &str, pointers: impl IntoIterator<Item = &'p str>) -> Self {
        let mut wanted = HashSet::new();
        for pointer in pointers {
            let mut pointer = pointer;
            loop {
                if !wanted.insert(pointer.to_owned()) {
                    break;
                }
                match pointer.rfind('/') {
                    Some(slash) => pointer = &pointer[..slash],
                    None => break,
                }
            }
        }
        Self::scan_wanted(json, Some(wanted))
    }

    fn scan_wanted(json: &str, wanted: Option<HashSet<String>>) -> Self {
        let mut scanner = Scanner::new(json, false);
        scanner.wanted = wanted;
        scanner.skip_whitespace();
        let _ = scanner.value();
        Self {
            by_pointer: scanner.found,
        }
    }

    /// The position of the value at `pointer`, or of its nearest located ancestor (so a missing
    /// field points at the object that lacks it), or line 1 column 1.
    pub fn locate(&self, pointer: &str) -> Position {
        let mut pointer = pointer;
        loop {
            if let Some(position) = self.by_pointer.get(pointer) {
                return *position;
            }
            match pointer.rfind('/') {
                Some(slash) => pointer = &pointer[..slash],
                None => return Position { line: 1, column: 1 },
            }
        }
    }
}

/// A key that appears more than once in one object (JSON parsers keep one of the values
/// silently, so Qalam's readers refuse the file instead).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// JSON Pointer of the repeated key's value.
    pub pointer: String,
    /// Where the repeated value is.
    pub at: Position,
    /// Where the first value of that key is.
    pub first: Position,
}

/// Every repeated key in `json` (which must already have parsed), in file order. Keeps only
/// one object's keys at a time, so memory stays small for large files.
pub fn duplicate_keys(json: &str) -> Vec<DuplicateKey> {
    let mut scanner = Scanner::new(json, true);
    scanner.skip_whitespace();
    let _ = scanner.value();
    scanner.duplicates
}

/// Appends one reference token to a JSON Pointer, escaping `~` and `/`.
pub fn push_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// `parent` extended by `token`.
pub fn child(parent: &str, token: &str) -> String {
    let mut pointer = parent.to_owned();
    push_token(&mut pointer, token);
    pointer
}

/// The scan stopped: the text is not the JSON it was expected to be.
struct Malformed;

struct Scanner<'a> {
    bytes: &'a [u8],
    index: usize,
    line: usize,
    column: usize,
    pointer: String,
    found: HashMap<String, Position>,
    /// Only these pointers are recorded in `found` (`None`: every value).
    wanted: Option<HashSet<String>>,
    /// Looking for repeated keys instead of recording every value's position.
    check_duplicates: bool,
    duplicates: Vec<DuplicateKey>,
}

impl<'a> Scanner<'a> {
    fn new(json: &'a str, check_duplicates: bool) -> Self {
        Scanner {
            bytes: json.as_bytes(),
            index: 0,
            line: 1,
            column: 1,
            pointer: String::new(),
            found: HashMap::new(),
            wanted: None,
            check_duplicates,
            duplicates: Vec::new(),
        }
    }

    fn position(&self) -> Position {
        Position {
            line: self.line,
            column: self.column,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.index).copied()
    }

    /// Consumes one byte, updating the line and the code-point column.
    fn bump(&mut self) {
        if let Some(byte) = self.peek() {
            self.index += 1;
            if byte == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if byte & 0xc0 != 0x80 {
                self.column += 1;
            }
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), Malformed> {
        if self.peek() == Some(byte) {
            self.bump();
            Ok(())
        } else {
            Err(Malformed)
        }
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn value(&mut self) -> Result<(), Malformed> {
        let record = !self.check_duplicates
            && self
                .wanted
                .as_ref()
                .is_none_or(|wanted| wanted.contains(&self.pointer));
        if record {
            self.found.insert(self.pointer.clone(), self.position());
        }
        match self.peek().ok_or(Malformed)? {
            b'{' => self.object(),
            b'[' => self.array(),
            b'"' => self.string().map(drop),
            _ => {
                while let Some(byte) = self.peek() {
                    if matches!(byte, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.bump();
                }
                Ok(())
            }
        }
    }

    /// Consumes a string literal and returns its raw contents (escapes not yet decoded).
    fn string(&mut self) -> Result<&'a str, Malformed> {
        let bytes = self.bytes;
        self.expect(b'"')?;
        let start = self.index;
        loop {
            match self.peek().ok_or(Malformed)? {
                b'"' => break,
                b'\\' => {
                    self.bump();
                    self.bump();
                }
                _ => self.bump(),
            }
        }
        let raw = std::str::from_utf8(&bytes[start..self.index]).map_err(|_| Malformed)?;
        self.bump();
        Ok(raw)
    }

    fn object(&mut self) -> Result<(), Malformed> {
        self.expect(b'{')?;
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.bump();
            return Ok(());
        }
        // The keys seen in this object (only when looking for repeats), borrowed from the text
        // unless escaped; a list while small, a map for large objects.
        let mut keys: Vec<(Cow<'a, str>, Position)> = Vec::new();
        let mut key_index: HashMap<Cow<'a, str>, Position> = HashMap::new();
        loop {
            let raw_key = self.string()?;
            let key: Cow<'a, str> = if raw_key.contains('\\') {
                Cow::Owned(
                    serde_json::from_str::<String>(&format!("\"{raw_key}\""))
                        .map_err(|_| Malformed)?,
                )
            } else {
                Cow::Borrowed(raw_key)
            };
            self.skip_whitespace();
            self.expect(b':')?;
            self.skip_whitespace();
            let parent_len = self.pointer.len();
            push_token(&mut self.pointer, &key);
            if self.check_duplicates {
                let at = self.position();
                let first = if key_index.is_empty() && keys.len() < 32 {
                    let first = keys.iter().find(|(seen, _)| *seen == key).map(|k| k.1);
                    keys.push((key, at));
                    first
                } else {
                    key_index.extend(keys.drain(..));
                    key_index.get(&key).copied().or_else(|| {
                        key_index.insert(key, at);
                        None
                    })
                };
                if let Some(first) = first {
                    self.duplicates.push(DuplicateKey {
                        pointer: self.pointer.clone(),
                        at,
                        first,
                    });
                }
            }
            let result = self.value();
            self.pointer.truncate(parent_len);
            result?;
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.bump();
                    self.skip_whitespace();
                }
                Some(b'}') => {
                    self.bump();
                    return Ok(());
                }
                _ => return Err(Malformed),
            }
        }
    }

    fn array(&mut self) -> Result<(), Malformed> {
        self.expect(b'[')?;
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.bump();
            return Ok(());
        }
        let mut index = 0usize;
        loop {
            let parent_len = self.pointer.len();
            push_token(&mut self.pointer, &index.to_string());
            let result = self.value();
            self.pointer.truncate(parent_len);
            result?;
            index += 1;
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.bump();
                    self.skip_whitespace();
                }
                Some(b']') => {
                    self.bump();
                    return Ok(());
                }
                _ => return Err(Malformed),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    #[test]
    fn locates_nested_values_with_code_point_columns() {
        let json = "{\n  \"نص\": \"سلام\", \"n\": -1.5e3,\n  \"a\": [true, {\"k\": null}]\n}";
        let positions = ValuePositions::scan(json);
        assert_eq!(positions.locate(""), at(1, 1));
        assert_eq!(positions.locate("/نص"), at(2, 9));
        assert_eq!(positions.locate("/n"), at(2, 22));
        assert_eq!(positions.locate("/a"), at(3, 8));
        assert_eq!(positions.locate("/a/0"), at(3, 9));
        assert_eq!(positions.locate("/a/1/k"), at(3, 21));
    }

    #[test]
    fn missing_value_falls_back_to_nearest_ancestor() {
        let positions = ValuePositions::scan("{\"spans\": [\n {\"id\": 1}\n]}");
        assert_eq!(positions.locate("/spans/0/start"), at(2, 2));
        assert_eq!(positions.locate("/nothing/at/all"), at(1, 1));
    }

    #[test]
    fn escaped_keys_and_strings_do_not_confuse_the_scan() {
        let json = r#"{"a/b~\"": "x\"}y", "next": 2}"#;
        let positions = ValuePositions::scan(json);
        assert_eq!(positions.locate(&child("", "a/b~\"")), at(1, 12));
        assert_eq!(positions.locate("/next"), at(1, 29));
    }

    #[test]
    fn repeated_keys_are_found_with_both_positions() {
        let json = "{\"a\": 1,\n \"b\": {\"x\": 1, \"x\": 2},\n \"a\": 3, \"c\": [{\"a\": 1}]}";
        let duplicates = duplicate_keys(json);
        assert_eq!(
            duplicates,
            [
                DuplicateKey {
                    pointer: "/b/x".into(),
                    at: at(2, 21),
                    first: at(2, 13),
                },
                DuplicateKey {
                    pointer: "/a".into(),
                    at: at(3, 7),
                    first: at(1, 7),
                },
            ]
        );
        assert!(duplicate_keys("{\"a\": {\"a\": 1}, \"b\": [1, 1]}").is_empty());
    }

    #[test]
    fn pointer_tokens_are_escaped() {
        assert_eq!(child("/x", "a/b~c"), "/x/a~1b~0c");
    }
}

//! Collecting validation problems by JSON Pointer while reading, then turning them into
//! positioned [`Diagnostic`]s in file order with one scan of the raw JSON.

use std::path::Path;

use super::locate::ValuePositions;
use crate::io::Diagnostic;

/// One problem: where (a JSON Pointer), what, and optionally where the thing it clashes with is
/// (rendered as `(first at line N)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON Pointer of the offending value (or of the object missing a field).
    pub at: String,
    /// What is wrong.
    pub message: String,
    /// JSON Pointer of an earlier value this one duplicates, if any.
    pub first_at: Option<String>,
}

/// Problems found so far, in the order they were found.
#[derive(Debug, Default)]
pub struct Problems {
    list: Vec<Problem>,
}

impl Problems {
    /// Records a problem at `at`.
    pub fn push(&mut self, at: impl Into<String>, message: impl Into<String>) {
        self.list.push(Problem {
            at: at.into(),
            message: message.into(),
            first_at: None,
        });
    }

    /// Records a duplicate at `at` of the value at `first_at`.
    pub fn push_duplicate(&mut self, at: String, message: String, first_at: String) {
        self.list.push(Problem {
            at,
            message,
            first_at: Some(first_at),
        });
    }

    /// Whether nothing is wrong so far.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The problems recorded so far.
    pub fn list(&self) -> &[Problem] {
        &self.list
    }

    /// Positions every problem in `json` and returns them as diagnostics sorted by line and
    /// column (problems at the same place keep the order they were found in).
    pub fn into_diagnostics(self, json: &str, file: &Path) -> Vec<Diagnostic> {
        let positions = ValuePositions::scan_for(
            json,
            self.list.iter().flat_map(|problem| {
                std::iter::once(problem.at.as_str()).chain(problem.first_at.as_deref())
            }),
        );
        let mut located: Vec<Diagnostic> = self
            .list
            .into_iter()
            .map(|problem| {
                let position = positions.locate(&problem.at);
                let message = match &problem.first_at {
                    Some(first) => format!(
                        "{} (first at line {})",
                        problem.message,
                        positions.locate(first).line
                    ),
                    None => problem.message,
                };
                Diagnostic {
                    file: file.to_owned(),
                    line: position.line,
                    column: position.column,
                    message,
                }
            })
            .collect();
        located.sort_by_key(|diagnostic| (diagnostic.line, diagnostic.column));
        located
    }
}

/// A readable name for the value at a JSON Pointer: `/spans/4/start` → `spans[4].start`.
pub fn display_name(pointer: &str) -> String {
    let mut name = String::new();
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        if !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()) {
            name.push('[');
            name.push_str(&token);
            name.push(']');
        } else {
            if !name.is_empty() {
                name.push('.');
            }
            name.push_str(&token);
        }
    }
    if name.is_empty() {
        "the top-level object".to_owned()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_read_like_code() {
        assert_eq!(display_name("/spans/4/start"), "spans[4].start");
        assert_eq!(display_name("/labels/items/0"), "labels.items[0]");
        assert_eq!(display_name("/a~1b"), "a/b");
        assert_eq!(display_name(""), "the top-level object");
    }

    #[test]
    fn diagnostics_are_positioned_and_sorted() {
        let json = "{\n  \"b\": 1,\n  \"a\": [2, 2]\n}";
        let mut problems = Problems::default();
        problems.push("/a/1", "second");
        problems.push("/b", "first");
        problems.push_duplicate("/a/1".into(), "dup".into(), "/b".into());
        let diagnostics = problems.into_diagnostics(json, Path::new("f.json"));
        let shown: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            vec![
                "f.json:2:8: first",
                "f.json:3:12: second",
                "f.json:3:12: dup (first at line 2)"
            ]
        );
    }
}

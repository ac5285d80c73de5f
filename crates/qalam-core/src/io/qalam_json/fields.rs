//! Typed access to the fields of a JSON object that records a problem, instead of failing, for
//! every missing or mistyped field, so one read reports everything.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use super::locate::child;
use super::problems::{Problems, display_name};
use super::schema::parse_timestamp;

/// Whether a field must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Missing or `null` is a problem.
    Required,
    /// Missing or `null` means "not set".
    Optional,
}

/// A JSON object being read, with its JSON Pointer.
#[derive(Debug, Clone)]
pub struct Fields<'a> {
    map: &'a Map<String, Value>,
    at: String,
}

impl<'a> Fields<'a> {
    /// Reads `value` (at pointer `at`) as an object, recording a problem if it is not one.
    pub fn new(value: &'a Value, at: String, problems: &mut Problems) -> Option<Self> {
        match value {
            Value::Object(map) => Some(Self { map, at }),
            other => {
                let message = if at.is_empty() {
                    format!(
                        "the file must hold a JSON object at the top level, found {}",
                        describe(other)
                    )
                } else {
                    format!(
                        "{} must be a JSON object, found {}",
                        display_name(&at),
                        describe(other)
                    )
                };
                problems.push(at.clone(), message);
                None
            }
        }
    }

    /// The JSON Pointer of this object.
    pub fn at(&self) -> &str {
        &self.at
    }

    /// The JSON Pointer of field `key`.
    pub fn pointer(&self, key: &str) -> String {
        child(&self.at, key)
    }

    /// The raw value of `key`; `None` (with a problem when required) if missing or `null`.
    pub fn value(&self, problems: &mut Problems, key: &str, need: Need) -> Option<&'a Value> {
        match self.map.get(key) {
            Some(Value::Null) | None if need == Need::Optional => None,
            Some(Value::Null) => {
                problems.push(
                    self.pointer(key),
                    format!("{} must not be null", display_name(&self.pointer(key))),
                );
                None
            }
            Some(value) => Some(value),
            None => {
                let owner = if self.at.is_empty() {
                    String::new()
                } else {
                    format!("{}: ", display_name(&self.at))
                };
                problems.push(
                    self.at.clone(),
                    format!("{owner}missing required field \"{key}\""),
                );
                None
            }
        }
    }

    /// A string field.
    pub fn string(&self, problems: &mut Problems, key: &str, need: Need) -> Option<&'a str> {
        match self.value(problems, key, need)? {
            Value::String(text) => Some(text),
            other => self.mistyped(problems, key, "a string", other),
        }
    }

    /// A non-negative integer field (always required).
    pub fn uint(&self, problems: &mut Problems, key: &str) -> Option<u64> {
        let value = self.value(problems, key, Need::Required)?;
        match value.as_u64() {
            Some(number) => Some(number),
            None => self.mistyped(problems, key, "a non-negative integer", value),
        }
    }

    /// A non-negative integer field used as an offset or count.
    pub fn usize(&self, problems: &mut Problems, key: &str) -> Option<usize> {
        let number = self.uint(problems, key)?;
        match usize::try_from(number) {
            Ok(number) => Some(number),
            Err(_) => {
                problems.push(
                    self.pointer(key),
                    format!(
                        "{} is too large: {number}",
                        display_name(&self.pointer(key))
                    ),
                );
                None
            }
        }
    }

    /// A boolean field; `default` when missing or `null`.
    pub fn bool_or(&self, problems: &mut Problems, key: &str, default: bool) -> bool {
        match self.value(problems, key, Need::Optional) {
            None => default,
            Some(Value::Bool(flag)) => *flag,
            Some(other) => self
                .mistyped(problems, key, "true or false", other)
                .unwrap_or(default),
        }
    }

    /// An RFC 3339 timestamp field.
    pub fn timestamp(
        &self,
        problems: &mut Problems,
        key: &str,
        need: Need,
    ) -> Option<DateTime<Utc>> {
        let value = self.value(problems, key, need)?;
        match value.as_str().and_then(parse_timestamp) {
            Some(time) => Some(time),
            None => self.mistyped(
                problems,
                key,
                "an RFC 3339 timestamp such as \"2025-01-31T12:00:00Z\"",
                value,
            ),
        }
    }

    /// A nested object field.
    pub fn object(&self, problems: &mut Problems, key: &str, need: Need) -> Option<Fields<'a>> {
        let value = self.value(problems, key, need)?;
        Fields::new(value, self.pointer(key), problems)
    }

    /// An array field (always required).
    pub fn array(&self, problems: &mut Problems, key: &str) -> Option<&'a [Value]> {
        match self.value(problems, key, Need::Required)? {
            Value::Array(items) => Some(items),
            other => self.mistyped(problems, key, "an array", other),
        }
    }

    /// Fields whose keys are not in `known`, in the map's order.
    pub fn unknown(&self, known: &'a [&'a str]) -> impl Iterator<Item = (&'a String, &'a Value)> {
        self.map
            .iter()
            .filter(move |(key, _)| !known.contains(&key.as_str()))
    }

    /// Fields whose keys are not in `known`, copied into a map.
    pub fn unknown_map(&self, known: &'a [&'a str]) -> Map<String, Value> {
        self.unknown(known)
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect()
    }

    fn mistyped<T>(
        &self,
        problems: &mut Problems,
        key: &str,
        expected: &str,
        found: &Value,
    ) -> Option<T> {
        let at = self.pointer(key);
        problems.push(
            at.clone(),
            format!(
                "{} must be {expected}, found {}",
                display_name(&at),
                describe(found)
            ),
        );
        None
    }
}

/// A short description of a JSON value for messages: `null`, `the number -3`,
/// `the string "abc"`, `an array`, …
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => format!("the number {number}"),
        Value::String(text) => format!("the string {}", quote_short(text)),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// `text` as a JSON string literal, cut to 60 code points with `…`.
pub fn quote_short(text: &str) -> String {
    const LIMIT: usize = 60;
    let mut shown: String = text.chars().take(LIMIT).collect();
    if text.chars().nth(LIMIT).is_some() {
        shown.push('…');
    }
    Value::String(shown).to_string()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn every_missing_or_mistyped_field_is_reported() {
        let value = json!({"a": "x", "n": -1, "t": "soon", "o": 3, "nul": null});
        let mut problems = Problems::default();
        let fields = Fields::new(&value, "/doc".into(), &mut problems).unwrap();
        assert_eq!(fields.string(&mut problems, "a", Need::Required), Some("x"));
        assert_eq!(fields.string(&mut problems, "nul", Need::Optional), None);
        assert_eq!(fields.string(&mut problems, "gone", Need::Optional), None);
        assert!(problems.is_empty());
        assert_eq!(fields.uint(&mut problems, "n"), None);
        assert_eq!(fields.timestamp(&mut problems, "t", Need::Required), None);
        assert!(fields.object(&mut problems, "o", Need::Required).is_none());
        assert_eq!(fields.string(&mut problems, "gone", Need::Required), None);
        assert_eq!(fields.string(&mut problems, "nul", Need::Required), None);
        let messages: Vec<&str> = problems.list().iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "doc.n must be a non-negative integer, found the number -1",
                "doc.t must be an RFC 3339 timestamp such as \"2025-01-31T12:00:00Z\", found the string \"soon\"",
                "doc.o must be a JSON object, found the number 3",
                "doc: missing required field \"gone\"",
                "doc.nul must not be null",
            ]
        );
        assert_eq!(problems.list()[3].at, "/doc");
    }

    #[test]
    fn long_strings_are_cut_in_messages() {
        let long = "ب".repeat(100);
        let shown = quote_short(&long);
        assert_eq!(shown.chars().count(), 60 + 3);
        assert!(shown.ends_with("…\""));
    }
}

//! Reading and checking the `"labels"` object: overlap policy and label definitions.

use std::collections::HashMap;

use serde_json::Value;

use super::fields::{Fields, Need, quote_short};
use super::locate::child;
use super::problems::{Problems, display_name};
use super::schema::{LABEL_KEYS, LABEL_SET_KEYS, parse_color};
use crate::model::{Label, LabelSet};

/// The labels read from a file: the complete definitions, plus every name that appeared (even
/// in a definition with other problems) so spans are not also reported as using unknown labels.
#[derive(Debug, Default)]
pub struct ReadLabels {
    /// Labels without problems, in file order, and the overlap policy.
    pub set: LabelSet,
    /// Every label name given in the file.
    pub names: Vec<String>,
}

/// Reads the `"labels"` object, recording every problem.
pub fn read_labels(labels: &Fields<'_>, problems: &mut Problems) -> ReadLabels {
    let allow_overlaps = labels.bool_or(problems, "allow_overlaps", true);
    let mut read = ReadLabels {
        set: LabelSet {
            labels: Vec::new(),
            allow_overlaps,
            extra: labels.unknown_map(&LABEL_SET_KEYS),
        },
        names: Vec::new(),
    };
    let Some(items) = labels.array(problems, "items") else {
        return read;
    };
    let items_at = labels.pointer("items");
    let mut first_name_at: HashMap<&str, String> = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        let at = child(&items_at, &index.to_string());
        if let Some(label) = read_label(item, at, problems, &mut first_name_at, &mut read.names) {
            read.set.labels.push(label);
        }
    }
    read
}

/// Reads one label definition; `None` if it has any problem.
fn read_label<'a>(
    item: &'a Value,
    at: String,
    problems: &mut Problems,
    first_name_at: &mut HashMap<&'a str, String>,
    names: &mut Vec<String>,
) -> Option<Label> {
    let fields = Fields::new(item, at, problems)?;
    let before = problems.list().len();
    let name = fields.string(problems, "name", Need::Required);
    if let Some(name) = name {
        let name_at = fields.pointer("name");
        if name.trim().is_empty() {
            problems.push(
                name_at.clone(),
                format!("{} must not be empty", display_name(&name_at)),
            );
        } else if let Some(first) = first_name_at.get(name) {
            problems.push_duplicate(
                name_at,
                format!("duplicate label name {}", quote_short(name)),
                first.clone(),
            );
        } else {
            first_name_at.insert(name, name_at);
        }
        names.push(name.to_owned());
    }
    let color = fields
        .string(problems, "color", Need::Required)
        .and_then(|text| {
            let parsed = parse_color(text);
            if parsed.is_none() {
                let at = fields.pointer("color");
                problems.push(
                    at.clone(),
                    format!(
                        "{} must be a colour written #rrggbb, found {}",
                        display_name(&at),
                        quote_short(text)
                    ),
                );
            }
            parsed
        });
    let hotkey = match fields.string(problems, "hotkey", Need::Optional) {
        None => None,
        Some(text) => {
            let mut chars = text.chars();
            match (chars.next(), chars.next()) {
                (Some(key), None) => Some(key),
                _ => {
                    let at = fields.pointer("hotkey");
                    problems.push(
                        at.clone(),
                        format!(
                            "{} must be a single character or null, found {}",
                            display_name(&at),
                            quote_short(text)
                        ),
                    );
                    None
                }
            }
        }
    };
    let export_tag = fields.string(problems, "export_tag", Need::Optional);
    if problems.list().len() > before {
        return None;
    }
    Some(Label {
        name: name?.to_owned(),
        color: color?,
        hotkey,
        export_tag: export_tag.map(str::to_owned),
        extra: fields.unknown_map(&LABEL_KEYS),
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn read(value: Value) -> (ReadLabels, Vec<String>) {
        let mut problems = Problems::default();
        let fields = Fields::new(&value, "/labels".into(), &mut problems).unwrap();
        let read = read_labels(&fields, &mut problems);
        let messages = problems.list().iter().map(|p| p.message.clone()).collect();
        (read, messages)
    }

    #[test]
    fn good_labels_keep_order_and_extra_fields() {
        let (read, messages) = read(json!({"allow_overlaps": false, "items": [
            {"name": "PERSON", "color": "#3465A4", "hotkey": "P", "export_tag": null},
            {"name": "بلد", "color": "#4e9a06", "hotkey": null, "export_tag": "GPE", "x": [1]}
        ]}));
        assert!(messages.is_empty(), "{messages:?}");
        assert!(!read.set.allow_overlaps);
        assert_eq!(read.set.labels[0].hotkey, Some('P'));
        assert_eq!(read.set.labels[1].name, "بلد");
        assert_eq!(read.set.labels[1].export_name(), "GPE");
        assert_eq!(read.set.labels[1].extra["x"], json!([1]));
    }

    #[test]
    fn every_label_problem_is_reported_and_names_still_known() {
        let (read, messages) = read(json!({"items": [
            {"name": "A", "color": "red"},
            {"name": "A", "color": "#000000", "hotkey": "AB"},
            {"name": "", "color": "#000000"},
            {"color": "#000000"}
        ], "extra": 1}));
        assert_eq!(
            messages,
            vec![
                "labels.items[0].color must be a colour written #rrggbb, found \"red\"",
                "duplicate label name \"A\"",
                "labels.items[1].hotkey must be a single character or null, found \"AB\"",
                "labels.items[2].name must not be empty",
                "labels.items[3]: missing required field \"name\"",
            ]
        );
        assert!(read.set.labels.is_empty());
        assert_eq!(read.set.extra["extra"], json!(1));
        assert_eq!(read.names, vec!["A", "A", ""]);
    }
}

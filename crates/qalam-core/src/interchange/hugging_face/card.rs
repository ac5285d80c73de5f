//! The dataset card (`README.md`) of a Hugging Face token-classification folder: YAML metadata
//! that `datasets.load_dataset(FOLDER)` reads for the features (`ner_tags` as a sequence of
//! `ClassLabel` with the tag names) and the data files of each split.

/// Splits in the order they are written and listed.
pub const SPLITS: [&str; 3] = ["train", "validation", "test"];

/// The card for `tags` (the `ClassLabel` names, index = tag id) listing the data files of
/// `splits`. (`dataset_info.splits` is left out: `datasets` wants byte counts there.)
pub fn write(title: &str, tags: &[String], splits: &[&str]) -> String {
    let quoted = |value: &str| serde_json::to_string(value).unwrap_or_else(|_| "\"\"".to_owned());
    let mut card = String::from("---\ndataset_info:\n  features:\n");
    card.push_str("  - name: id\n    dtype: string\n");
    card.push_str("  - name: document\n    dtype: string\n");
    card.push_str("  - name: tokens\n    sequence: string\n");
    card.push_str("  - name: ner_tags\n    sequence:\n      class_label:\n        names:\n");
    for (index, tag) in tags.iter().enumerate() {
        card.push_str(&format!("          '{index}': {}\n", quoted(tag)));
    }
    card.push_str("configs:\n- config_name: default\n  data_files:\n");
    for name in splits {
        card.push_str(&format!("  - split: {name}\n    path: {name}.jsonl\n"));
    }
    card.push_str("---\n\n");
    card.push_str(&format!(
        "# {title}\n\nToken classification data exported by Qalam: one row per sentence, \
         `tokens` and `ner_tags` (a `ClassLabel` sequence; names above), `document` is the \
         Qalam document id.\n"
    ));
    card
}

/// What a card says: the tag names (index = id) and the data files (split, path).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Card {
    /// `ClassLabel` names of `ner_tags`.
    pub tags: Vec<String>,
    /// `(split, path)` of each data file listed under `configs`.
    pub data_files: Vec<(String, String)>,
}

/// Reads the parts of a card Qalam needs: the `names:` of a `class_label` (the `'0': O` map
/// form or the `- O` list form) and the `split:`/`path:` pairs. Returns `None` when the card has
/// no class names.
pub fn parse(card: &str) -> Option<Card> {
    let mut result = Card::default();
    let mut in_names = None::<usize>;
    let mut split = None::<String>;
    for line in card.lines() {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if let Some(names_indent) = in_names {
            let item = indent == names_indent && trimmed.starts_with("- ");
            if (indent > names_indent || item) && !trimmed.is_empty() {
                let value = if let Some(item) = trimmed.strip_prefix("- ") {
                    item
                } else if let Some((_, value)) = trimmed.split_once(": ") {
                    value
                } else {
                    trimmed
                };
                result.tags.push(unquote(value.trim()));
                continue;
            }
            in_names = None;
        }
        if trimmed == "names:" {
            in_names = Some(indent);
        } else if let Some(name) = trimmed.strip_prefix("- split:") {
            split = Some(unquote(name.trim()));
        } else if let Some(path) = trimmed.strip_prefix("path:")
            && let Some(name) = split.take()
        {
            result.data_files.push((name, unquote(path.trim())));
        }
    }
    (!result.tags.is_empty()).then_some(result)
}

/// A YAML scalar without its quotes (`"…"` read as JSON, `'…'` with `''` for a quote).
fn unquote(value: &str) -> String {
    if value.starts_with('"')
        && let Ok(text) = serde_json::from_str::<String>(value)
    {
        return text;
    }
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    value.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_card_parses_back() {
        let tags = vec!["O".to_owned(), "B-GPE".to_owned(), "I-\"x\": y".to_owned()];
        let card = write("t", &tags, &["train", "test"]);
        let parsed = parse(&card).unwrap();
        assert_eq!(parsed.tags, tags);
        assert_eq!(
            parsed.data_files,
            [
                ("train".to_owned(), "train.jsonl".to_owned()),
                ("test".to_owned(), "test.jsonl".to_owned())
            ]
        );
    }

    #[test]
    fn the_list_form_of_names_is_read_too() {
        let card = "---\ndataset_info:\n  features:\n  - name: ner_tags\n    sequence:\n      class_label:\n        names:\n        - O\n        - 'B-PER'\n  - name: x\n---\n";
        assert_eq!(parse(card).unwrap().tags, ["O", "B-PER"]);
    }
}

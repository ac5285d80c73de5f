//! Label-set templates: a document's label set saved as a small `*.labels.json` file, and the one
//! [`Edit::Group`] that makes a document's label set match a template (one undo step).
//!
//! ```json
//! {
//!   "format": "qalam-labels",
//!   "version": 1,
//!   "allow_overlaps": true,
//!   "labels": [
//!     {"name": "PERSON", "color": "#3465a4", "hotkey": "P"},
//!     {"name": "COUNTRY", "color": "#4e9a06", "hotkey": "C", "export_tag": "GPE"}
//!   ]
//! }
//! ```

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::write_atomically;
use super::file_names::{self, is_template_file, with_template_suffix};
use crate::model::{Annotation, Edit, Label, LabelSet, Rgb};

/// The `format` field every template carries.
pub const TEMPLATE_FORMAT: &str = "qalam-labels";
/// The template version this build reads and writes.
pub const TEMPLATE_VERSION: u32 = 1;
/// File name suffix of templates.
pub const TEMPLATE_SUFFIX: &str = ".labels.json";

/// Why a template could not be read or written. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// The file name does not end in [`TEMPLATE_SUFFIX`]; templates are only read from and
    /// written to `*.labels.json` files (see [`with_template_suffix`]).
    #[error(
        "{}: not a label template file name (templates are NAME{TEMPLATE_SUFFIX}, e.g. {})",
        path.display(),
        file_names::display_name(&with_template_suffix(path))
    )]
    NotATemplateName {
        /// The file.
        path: PathBuf,
    },
    /// The file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is not valid JSON or does not have the template's shape.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The label set could not be turned into template JSON (nothing was written).
    #[error("{}: could not write the template: {source}", path.display())]
    Serialize {
        /// The file that was to be written.
        path: PathBuf,
        /// What serde_json reported.
        source: serde_json::Error,
    },
    /// The JSON is well formed but a value is not acceptable (bad colour, duplicate name, …).
    #[error("{}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong, naming the label.
        message: String,
    },
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateFile {
    format: String,
    version: u32,
    #[serde(default = "default_allow_overlaps")]
    allow_overlaps: bool,
    labels: Vec<TemplateLabel>,
}

fn default_allow_overlaps() -> bool {
    true
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateLabel {
    name: String,
    color: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hotkey: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    export_tag: Option<String>,
}

/// The template text for a label set (pretty JSON with a trailing newline), or serde_json's
/// error if the set cannot be serialised.
pub fn template_json(labels: &LabelSet) -> Result<String, serde_json::Error> {
    let file = TemplateFile {
        format: TEMPLATE_FORMAT.to_owned(),
        version: TEMPLATE_VERSION,
        allow_overlaps: labels.allow_overlaps,
        labels: labels
            .labels
            .iter()
            .map(|label| TemplateLabel {
                name: label.name.clone(),
                color: color_hex(label.color),
                hotkey: label.hotkey.map(String::from),
                export_tag: label.export_tag.clone(),
            })
            .collect(),
    };
    let mut json = serde_json::to_string_pretty(&file)?;
    json.push('\n');
    Ok(json)
}

/// Writes `labels` as a template to `path`, atomically (the same writer as saving a document:
/// on any error the file at `path` is left as it was). A name that is not `*.labels.json` is
/// refused ([`TemplateError::NotATemplateName`]); [`with_template_suffix`] makes one.
pub fn save_template(path: &Path, labels: &LabelSet) -> Result<(), TemplateError> {
    check_name(path)?;
    let json = template_json(labels).map_err(|source| TemplateError::Serialize {
        path: path.to_owned(),
        source,
    })?;
    write_atomically(path, |out| out.write_all(json.as_bytes())).map_err(|source| {
        TemplateError::Io {
            path: path.to_owned(),
            source,
        }
    })
}

/// Reads the template at `path`. Like saving, only `*.labels.json` names are accepted
/// ([`TemplateError::NotATemplateName`]), so a template is never read from (say) an annotation
/// file picked by mistake.
pub fn load_template(path: &Path) -> Result<LabelSet, TemplateError> {
    check_name(path)?;
    let text = std::fs::read_to_string(path).map_err(|source| TemplateError::Io {
        path: path.to_owned(),
        source,
    })?;
    parse_template(&text, path)
}

/// The file-name rule shared by saving and loading.
fn check_name(path: &Path) -> Result<(), TemplateError> {
    if is_template_file(path) {
        Ok(())
    } else {
        Err(TemplateError::NotATemplateName {
            path: path.to_owned(),
        })
    }
}

/// Parses template text; `path` is only used in error messages.
pub fn parse_template(text: &str, path: &Path) -> Result<LabelSet, TemplateError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file: TemplateFile = serde_json::from_str(text).map_err(|err| TemplateError::Syntax {
        path: path.to_owned(),
        line: err.line(),
        column: err.column(),
        message: crate::io::qalam_json::read::message_without_position(&err),
    })?;
    let invalid = |message: String| TemplateError::Invalid {
        path: path.to_owned(),
        message,
    };
    if file.format != TEMPLATE_FORMAT {
        return Err(invalid(format!(
            "\"format\" is {:?}, expected {TEMPLATE_FORMAT:?}",
            file.format
        )));
    }
    if file.version != TEMPLATE_VERSION {
        return Err(invalid(format!(
            "template version {} is not supported (this Qalam reads version {TEMPLATE_VERSION})",
            file.version
        )));
    }
    let mut names = HashSet::new();
    let mut hotkeys = HashSet::new();
    let mut labels = Vec::with_capacity(file.labels.len());
    for (index, entry) in file.labels.into_iter().enumerate() {
        let which = format!("label {} ({:?})", index + 1, entry.name);
        if entry.name.trim().is_empty() {
            return Err(invalid(format!("label {} has an empty name", index + 1)));
        }
        if !names.insert(entry.name.clone()) {
            return Err(invalid(format!("{which}: the name is used twice")));
        }
        let color = parse_color(&entry.color)
            .ok_or_else(|| invalid(format!("{which}: colour {:?} is not #rrggbb", entry.color)))?;
        let hotkey = match entry.hotkey.as_deref() {
            None | Some("") => None,
            Some(key) => {
                let letter = single_hotkey(key).ok_or_else(|| {
                    invalid(format!(
                        "{which}: hotkey {key:?} must be one letter or digit"
                    ))
                })?;
                if !hotkeys.insert(letter) {
                    return Err(invalid(format!("{which}: hotkey {letter} is used twice")));
                }
                Some(letter)
            }
        };
        let mut label = Label::new(entry.name, color, hotkey);
        label.export_tag = entry.export_tag.filter(|tag| !tag.is_empty());
        labels.push(label);
    }
    Ok(LabelSet {
        labels,
        allow_overlaps: file.allow_overlaps,
        extra: Default::default(),
    })
}

/// `#rrggbb` for a colour.
pub fn color_hex(color: Rgb) -> String {
    let [r, g, b] = color.0;
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Parses `#rrggbb` (case-insensitive).
pub fn parse_color(text: &str) -> Option<Rgb> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some(Rgb([channel(0)?, channel(2)?, channel(4)?]))
}

/// A hotkey string that is exactly one ASCII letter or digit, upper-cased.
pub fn single_hotkey(text: &str) -> Option<char> {
    let mut chars = text.trim().chars();
    let letter = chars.next()?;
    (chars.next().is_none() && letter.is_ascii_alphanumeric()).then(|| letter.to_ascii_uppercase())
}

/// The single undoable edit that makes `ann`'s label set match `template`, or `None` if it already
/// does. Labels are matched by name: existing ones take the template's colour, hotkey and export
/// tag (spans keep their label), new ones are added, and the order becomes the template's. Labels
/// not in the template are removed when no span uses them and kept (at the end, without a
/// clashing hotkey) when some span does, so no span ever loses its label.
pub fn template_edit(ann: &Annotation, template: &LabelSet) -> Option<Edit> {
    let used: HashSet<&str> = ann.spans().iter().map(|span| span.label.as_str()).collect();
    let mut names: Vec<String> = ann.labels().labels.iter().map(|l| l.name.clone()).collect();
    let mut current: Vec<Label> = ann.labels().labels.clone();
    let mut edits = Vec::new();

    // 1. Remove unused labels the template does not have (from the back, so indices hold).
    for index in (0..current.len()).rev() {
        let name = &current[index].name;
        if template.get(name).is_none() && !used.contains(name.as_str()) {
            edits.push(Edit::RemoveLabel { index });
            current.remove(index);
            names.remove(index);
        }
    }

    // 2. Clear every hotkey that is about to change, so no two labels ever share one.
    let template_hotkeys: HashSet<char> = template.labels.iter().filter_map(|l| l.hotkey).collect();
    for (index, label) in current.iter_mut().enumerate() {
        let wanted = match template.get(&label.name) {
            Some(t) => t.hotkey,
            None => label.hotkey.filter(|key| !template_hotkeys.contains(key)),
        };
        if label.hotkey.is_some() && label.hotkey != wanted {
            label.hotkey = None;
            edits.push(Edit::UpdateLabel {
                index,
                label: label.clone(),
            });
        }
    }

    // 3. Update existing labels and add new ones (at the end).
    for wanted in &template.labels {
        match names.iter().position(|name| *name == wanted.name) {
            Some(index) => {
                let mut updated = current[index].clone();
                updated.color = wanted.color;
                updated.hotkey = wanted.hotkey;
                updated.export_tag = wanted.export_tag.clone();
                if updated != current[index] {
                    current[index] = updated.clone();
                    edits.push(Edit::UpdateLabel {
                        index,
                        label: updated,
                    });
                }
            }
            None => {
                let index = current.len();
                current.push(wanted.clone());
                names.push(wanted.name.clone());
                edits.push(Edit::AddLabel {
                    index,
                    label: wanted.clone(),
                });
            }
        }
    }

    // 4. Reorder: the template's labels first, in its order; kept extras follow.
    for (to, wanted) in template.labels.iter().enumerate() {
        if let Some(from) = names.iter().position(|name| *name == wanted.name)
            && from != to
        {
            let name = names.remove(from);
            names.insert(to, name);
            edits.push(Edit::MoveLabel { from, to });
        }
    }

    if ann.labels().allow_overlaps != template.allow_overlaps {
        edits.push(Edit::SetAllowOverlaps(template.allow_overlaps));
    }
    (!edits.is_empty()).then_some(Edit::Group(edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    #[test]
    fn template_round_trips() {
        let labels = LabelSet::default();
        let json = template_json(&labels).expect("serialise");
        let back = parse_template(&json, Path::new("t.labels.json")).expect("parse");
        assert_eq!(back, labels);
    }

    #[test]
    fn bad_template_names_file_line_and_problem() {
        let err = parse_template("{\n  \"format\": 3\n}", Path::new("x.labels.json"))
            .expect_err("must fail");
        let message = err.to_string();
        assert!(message.starts_with("x.labels.json:2:"), "{message}");

        let text = template_json(&LabelSet::default())
            .expect("serialise")
            .replace("#3465a4", "blue");
        let err = parse_template(&text, Path::new("y.labels.json")).expect_err("must fail");
        assert_eq!(
            err.to_string(),
            "y.labels.json: label 1 (\"PERSON\"): colour \"blue\" is not #rrggbb"
        );

        let text = template_json(&LabelSet::default())
            .expect("serialise")
            .replace("\"C\"", "\"P\"");
        let err = parse_template(&text, Path::new("z.labels.json")).expect_err("must fail");
        assert!(err.to_string().contains("hotkey P is used twice"), "{err}");
    }

    #[test]
    fn save_replaces_the_file_atomically_and_loads_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("news.labels.json");
        std::fs::write(&path, "old").expect("write");
        let labels = LabelSet {
            allow_overlaps: false,
            ..LabelSet::default()
        };
        save_template(&path, &labels).expect("save");
        assert_eq!(load_template(&path).expect("load"), labels);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("read dir")
            .map(|entry| entry.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["news.labels.json"], "no temporary file is left");
    }

    #[test]
    fn save_failure_names_the_file_and_writes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("missing").join("news.labels.json");
        let err = save_template(&path, &LabelSet::default()).expect_err("must fail");
        assert!(matches!(err, TemplateError::Io { .. }));
        assert!(
            err.to_string().starts_with(&path.display().to_string()),
            "{err}"
        );
        assert!(!path.exists());
    }

    #[test]
    fn names_without_the_suffix_are_refused_for_saving_and_loading() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("news.json");
        let err = save_template(&path, &LabelSet::default()).expect_err("must fail");
        assert!(matches!(err, TemplateError::NotATemplateName { .. }));
        assert!(!path.exists(), "nothing written");
        std::fs::write(&path, template_json(&LabelSet::default()).expect("json")).expect("write");
        let err = load_template(&path).expect_err("must fail");
        assert_eq!(
            err.to_string(),
            format!(
                "{}: not a label template file name (templates are NAME.labels.json, e.g. news.labels.json)",
                path.display()
            )
        );
    }

    #[test]
    fn template_edit_is_none_when_nothing_changes() {
        let ann = Annotation::new(Document::new("t", "abc"));
        assert_eq!(template_edit(&ann, &LabelSet::default()), None);
    }

    #[test]
    fn template_edit_keeps_used_labels_and_removes_unused_ones() {
        let mut ann = Annotation::new(Document::new("t", "abc"));
        let span = ann.new_span(0, 1, "EVENT");
        ann.apply(crate::model::Edit::AddSpan(span)).unwrap();
        let template = LabelSet {
            labels: vec![
                Label::new("ORGANIZATION", Rgb([1, 2, 3]), Some('E')),
                Label::new("MISC", Rgb([4, 5, 6]), Some('M')),
            ],
            allow_overlaps: false,
            extra: Default::default(),
        };
        let Some(Edit::Group(edits)) = template_edit(&ann, &template) else {
            panic!("expected a group");
        };
        // PERSON (0) and COUNTRY (1) are unused and not in the template: removed from the back.
        assert_eq!(edits[0], Edit::RemoveLabel { index: 1 });
        assert_eq!(edits[1], Edit::RemoveLabel { index: 0 });
        // EVENT is used: kept, and its hotkey E (now ORGANIZATION's) cleared first.
        assert!(edits.contains(&Edit::UpdateLabel {
            index: 1,
            label: Label::new("EVENT", Rgb([0x75, 0x50, 0x7b]), None),
        }));
        assert!(edits.contains(&Edit::AddLabel {
            index: 2,
            label: Label::new("MISC", Rgb([4, 5, 6]), Some('M')),
        }));
        assert!(edits.contains(&Edit::MoveLabel { from: 2, to: 1 }));
        assert_eq!(edits.last(), Some(&Edit::SetAllowOverlaps(false)));
    }

    #[test]
    fn template_edit_applies_as_one_step_and_undoes() {
        let mut ann = Annotation::new(Document::new("t", "abc"));
        let span = ann.new_span(0, 1, "EVENT");
        ann.apply(Edit::AddSpan(span)).expect("add span");
        let before = ann.labels().clone();
        let template = LabelSet {
            labels: vec![
                Label::new("MISC", Rgb([4, 5, 6]), Some('E')),
                Label::new("PERSON", Rgb([1, 2, 3]), Some('M')),
            ],
            allow_overlaps: false,
            extra: Default::default(),
        };
        let edit = template_edit(&ann, &template).expect("an edit");
        let inverse = ann.apply(edit).expect("the model accepts every step");
        let names: Vec<&str> = ann
            .labels()
            .labels
            .iter()
            .map(|l| l.name.as_str())
            .collect();
        assert_eq!(names, ["MISC", "PERSON", "EVENT"]);
        assert_eq!(ann.labels().labels[..2], template.labels[..]);
        assert_eq!(ann.labels().labels[2].hotkey, None, "E went to MISC");
        assert!(!ann.labels().allow_overlaps);
        assert_eq!(ann.spans()[0].label, "EVENT", "the used label survives");
        ann.apply(inverse).expect("undo");
        assert_eq!(ann.labels(), &before);
    }
}

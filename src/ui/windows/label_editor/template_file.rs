//! Saving and loading label templates (`*.labels.json`), shared by the label editor's template
//! field and the File menu's "Save label template…" / "Load label template…": one file-name
//! rule (the core's [`with_template_suffix`]), one edit per load, and the messages shown.
//!
//! A path the user types (in the editor's field or the path dialog) gets the suffix the same way
//! for saving and loading, so the name that saved a template loads it again. A file picked in a
//! native "open" dialog is taken as it is, and the core refuses it unless it is a
//! `*.labels.json` file, with a message naming the rule.

use std::path::{Path, PathBuf};

use qalam_core::io::file_names::with_template_suffix;
use qalam_core::io::label_template::{load_template, save_template, template_edit};
use qalam_core::model::{Annotation, Edit, LabelSet};

/// What is shown when a loaded template changes nothing.
pub const ALREADY_MATCHES: &str = "The labels already match the template";

/// The template path typed by the user, with the `.labels.json` suffix added if missing
/// (`None` when nothing is typed).
pub fn template_path(typed: &str) -> Option<PathBuf> {
    let typed = typed.trim();
    (!typed.is_empty()).then(|| with_template_suffix(Path::new(typed)))
}

/// Saves `labels` as a template at `path` with the suffix rule applied; `Ok` is the
/// confirmation to show, `Err` the problem.
pub fn save_labels(path: &Path, labels: &LabelSet) -> Result<String, String> {
    let path = with_template_suffix(path);
    save_template(&path, labels)
        .map(|()| format!("Saved the labels to {}", path.display()))
        .map_err(|err| format!("Could not save the template: {err}"))
}

/// Reads the template at `path` (exactly as given) and returns the one edit that applies it
/// (`None` if the labels already match).
pub fn template_edit_from(path: &Path, ann: &Annotation) -> Result<Option<Edit>, String> {
    let template =
        load_template(path).map_err(|err| format!("Could not load the template: {err}"))?;
    Ok(template_edit(ann, &template))
}

#[cfg(test)]
mod tests {
    use super::*;
    use qalam_core::model::{Document, Label, Rgb};

    #[test]
    fn typed_name_saves_and_loads_the_same_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let typed = dir.path().join("news").display().to_string();
        let path = template_path(&typed).expect("a path");
        let mut labels = LabelSet::default();
        labels
            .labels
            .push(Label::new("MISC", Rgb([1, 2, 3]), Some('M')));
        let message = save_labels(&path, &labels).expect("saved");
        assert!(message.ends_with("news.labels.json"), "{message}");
        let ann = Annotation::new(Document::new("d", "abc"));
        let edit = template_edit_from(&path, &ann).expect("loads");
        assert!(matches!(edit, Some(Edit::Group(_))));
    }

    #[test]
    fn picked_file_without_the_suffix_is_refused_with_the_rule() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("news.json");
        std::fs::write(&path, "{}").expect("write");
        let ann = Annotation::new(Document::new("d", "abc"));
        let message = template_edit_from(&path, &ann).expect_err("refused");
        assert!(
            message.starts_with("Could not load the template: "),
            "{message}"
        );
        assert!(
            message.contains("not a label template file name"),
            "{message}"
        );
    }
}

//! The per-field draft/commit logic of the label editor: what a label row's widgets hold
//! ([`LabelDraft`]), how one field of it becomes one `Edit` ([`field_edit`]) or a refusal, and
//! when a field commits or reverts (Enter/focus loss, Esc).

use qalam_core::model::{Annotation, Edit, Label, LabelSet, Rgb};

use super::LabelEditorState;
use crate::ui::commands::AppMessage;
use qalam_core::io::label_template::single_hotkey;

/// The editable fields of one label row: what the row's widgets show, committed field by field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelDraft {
    /// Name (spans follow a rename).
    pub name: String,
    /// Colour as sRGB.
    pub color: [u8; 3],
    /// Letter hotkey; empty for none.
    pub hotkey: String,
    /// Export tag; empty to export under the name.
    pub export_tag: String,
}

impl LabelDraft {
    /// The draft of an existing label.
    pub fn of(label: &Label) -> Self {
        Self {
            name: label.name.clone(),
            color: label.color.0,
            hotkey: label.hotkey.map(String::from).unwrap_or_default(),
            export_tag: label.export_tag.clone().unwrap_or_default(),
        }
    }
}

/// The label the draft at `index` would become, or why it is refused.
pub fn label_from_draft(
    labels: &LabelSet,
    index: usize,
    draft: &LabelDraft,
) -> Result<Label, String> {
    let current = labels
        .labels
        .get(index)
        .ok_or_else(|| format!("There is no label number {}", index + 1))?;
    let name = draft.name.trim();
    if name.is_empty() {
        return Err("A label needs a name".to_owned());
    }
    if labels
        .labels
        .iter()
        .enumerate()
        .any(|(i, other)| i != index && other.name == name)
    {
        return Err(format!("There is already a label named {name}"));
    }
    let hotkey = hotkey_from_text(labels, Some(index), &draft.hotkey)?;
    let mut label = current.clone();
    label.name = name.to_owned();
    label.color = Rgb(draft.color);
    label.hotkey = hotkey;
    let tag = draft.export_tag.trim();
    label.export_tag = (!tag.is_empty()).then(|| tag.to_owned());
    Ok(label)
}

/// Parses a hotkey field: empty for none, else one letter not used by another label.
pub fn hotkey_from_text(
    labels: &LabelSet,
    index: Option<usize>,
    text: &str,
) -> Result<Option<char>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let key = single_hotkey(text)
        .filter(char::is_ascii_alphabetic)
        .ok_or_else(|| {
            format!(
                "Hotkey {:?} must be a single letter (digits 1–9 follow the label order)",
                text.trim()
            )
        })?;
    if let Some(other) = labels
        .labels
        .iter()
        .enumerate()
        .find(|(i, label)| Some(*i) != index && label.hotkey == Some(key))
    {
        return Err(format!("Hotkey {key} is already used by {}", other.1.name));
    }
    Ok(Some(key))
}

/// One field of a label row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelField {
    /// The name (spans follow a rename).
    Name,
    /// The colour.
    Color,
    /// The letter hotkey.
    Hotkey,
    /// The export tag.
    ExportTag,
}

impl LabelField {
    /// Copies this field from `from` into `into`.
    fn copy(self, from: &LabelDraft, into: &mut LabelDraft) {
        match self {
            LabelField::Name => into.name.clone_from(&from.name),
            LabelField::Color => into.color = from.color,
            LabelField::Hotkey => into.hotkey.clone_from(&from.hotkey),
            LabelField::ExportTag => into.export_tag.clone_from(&from.export_tag),
        }
    }
}

/// What a row's field asks for this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FieldChange {
    /// Make the field's draft value the label's.
    Commit(LabelField),
    /// Throw the field's draft away (Esc).
    Revert(LabelField),
}

/// The edit that gives the label at `index` the `field` of `draft` (and nothing else of it);
/// `None` when that changes nothing, or why it is refused.
pub fn field_edit(
    labels: &LabelSet,
    index: usize,
    draft: &LabelDraft,
    field: LabelField,
) -> Result<Option<Edit>, String> {
    let current = labels
        .labels
        .get(index)
        .ok_or_else(|| format!("There is no label number {}", index + 1))?;
    let mut one_field = LabelDraft::of(current);
    field.copy(draft, &mut one_field);
    let label = label_from_draft(labels, index, &one_field)?;
    Ok((label != *current).then_some(Edit::UpdateLabel { index, label }))
}

/// A single-line field commits when it loses focus (Enter, Tab, a click elsewhere) and reverts
/// on Esc; a value set from outside while unfocused (assistive technology) commits at once.
pub(super) fn text_field_change(
    ui: &egui::Ui,
    response: &egui::Response,
    field: LabelField,
) -> Option<FieldChange> {
    if response.lost_focus() {
        // Raw events: the app's shortcuts may already have consumed this Esc (the field lost
        // focus before they ran), and it still means "cancel" for the field.
        let escaped = ui.input(|i| {
            i.raw.events.iter().any(|event| {
                matches!(
                    event,
                    egui::Event::Key {
                        key: egui::Key::Escape,
                        pressed: true,
                        ..
                    }
                )
            })
        });
        Some(if escaped {
            FieldChange::Revert(field)
        } else {
            FieldChange::Commit(field)
        })
    } else if response.changed() && !response.has_focus() {
        Some(FieldChange::Commit(field))
    } else {
        None
    }
}

/// Emits the edit for one field change, or shows the refusal and puts the label's value back
/// into the field (so no uncommitted value is left in the row).
pub(super) fn apply_field_change(
    state: &mut LabelEditorState,
    commands: &mut Vec<AppMessage>,
    ann: &Annotation,
    index: usize,
    change: FieldChange,
) {
    let restore = |state: &mut LabelEditorState, field: LabelField| {
        let saved = LabelDraft::of(&ann.labels().labels[index]);
        field.copy(&saved, &mut state.drafts[index]);
    };
    match change {
        FieldChange::Revert(field) => restore(state, field),
        FieldChange::Commit(field) => {
            match field_edit(ann.labels(), index, &state.drafts[index], field) {
                Ok(edit) => {
                    state.message = None;
                    commands.extend(edit.map(AppMessage::ApplyEdit));
                }
                Err(message) => {
                    state.message = Some(message);
                    restore(state, field);
                }
            }
        }
    }
}

/// The hint shown while a name or export tag is being typed: those apply on Enter.
pub(super) fn pending_hint(ann: &Annotation, drafts: &[LabelDraft]) -> Option<String> {
    ann.labels()
        .labels
        .iter()
        .zip(drafts)
        .find_map(|(label, draft)| {
            let saved = LabelDraft::of(label);
            if draft.name != saved.name {
                Some(format!(
                    "Press Enter to rename {} to {} (its spans follow), Esc to cancel",
                    label.name,
                    draft.name.trim()
                ))
            } else if draft.export_tag != saved.export_tag {
                Some(format!(
                    "Press Enter to set the export tag of {}, Esc to cancel",
                    label.name
                ))
            } else {
                None
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_hotkeys_and_names_are_refused_with_a_message() {
        let labels = LabelSet::default();
        let mut draft = LabelDraft::of(&labels.labels[0]);
        draft.hotkey = "c".into();
        assert_eq!(
            label_from_draft(&labels, 0, &draft),
            Err("Hotkey C is already used by COUNTRY".to_owned())
        );
        draft.hotkey = "5".into();
        assert!(label_from_draft(&labels, 0, &draft).is_err_and(|m| m.contains("single letter")));
        draft.hotkey = "P".into();
        draft.name = "EVENT".into();
        assert_eq!(
            label_from_draft(&labels, 0, &draft),
            Err("There is already a label named EVENT".to_owned())
        );
    }

    #[test]
    fn field_edit_commits_only_that_field() {
        let labels = LabelSet::default();
        let mut draft = LabelDraft::of(&labels.labels[1]);
        draft.name = "BALAD".into();
        draft.color = [1, 2, 3];
        let Ok(Some(Edit::UpdateLabel { index: 1, label })) =
            field_edit(&labels, 1, &draft, LabelField::Color)
        else {
            panic!("a colour edit of label 1");
        };
        assert_eq!(
            (label.name.as_str(), label.color),
            ("COUNTRY", Rgb([1, 2, 3]))
        );
        draft.color = labels.labels[1].color.0;
        draft.name = "COUNTRY".into();
        assert_eq!(field_edit(&labels, 1, &draft, LabelField::Color), Ok(None));
        draft.hotkey = "P".into();
        assert_eq!(
            field_edit(&labels, 1, &draft, LabelField::Hotkey),
            Err("Hotkey P is already used by PERSON".to_owned())
        );
    }

    #[test]
    fn rename_keeps_everything_else() {
        let labels = LabelSet::default();
        let mut draft = LabelDraft::of(&labels.labels[1]);
        draft.name = " BALAD ".into();
        let label = label_from_draft(&labels, 1, &draft).expect("valid");
        assert_eq!(label.name, "BALAD");
        assert_eq!(label.export_tag.as_deref(), Some("GPE"));
        assert_eq!(label.hotkey, Some('C'));
    }
}

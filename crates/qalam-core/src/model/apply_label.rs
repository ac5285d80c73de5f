//! Label-set edits behind [`Annotation::apply`]: add, remove, update (rename) and reorder
//! labels, keeping names unique and non-blank, letter hotkeys unique, and every span's label in
//! the set.

use super::apply::Checks;
use super::{Annotation, Edit, EditError, Label};

impl Annotation {
    /// Inserts `label` at `index` (which may equal the number of labels).
    pub(super) fn add_label(
        &mut self,
        index: usize,
        label: Label,
        checks: Checks,
    ) -> Result<Edit, EditError> {
        let len = self.labels.labels.len();
        if index > len {
            return Err(EditError::NoSuchLabel { index, len });
        }
        self.check_label(&label, None, checks)?;
        self.labels.labels.insert(index, label);
        Ok(Edit::RemoveLabel { index })
    }

    /// Removes the label at `index` unless a span uses it.
    pub(super) fn remove_label(&mut self, index: usize) -> Result<Edit, EditError> {
        let name = &self.label_at(index)?.name;
        let count = self.spans.iter().filter(|span| &span.label == name).count();
        if count > 0 {
            return Err(EditError::LabelInUse {
                label: name.clone(),
                count,
            });
        }
        let label = self.labels.labels.remove(index);
        Ok(Edit::AddLabel { index, label })
    }

    /// Replaces the label at `index`; a new name is carried over to every span using the old one.
    pub(super) fn update_label(
        &mut self,
        index: usize,
        label: Label,
        checks: Checks,
    ) -> Result<Edit, EditError> {
        self.label_at(index)?;
        self.check_label(&label, Some(index), checks)?;
        let old = std::mem::replace(&mut self.labels.labels[index], label);
        let new_name = &self.labels.labels[index].name;
        if &old.name != new_name {
            for span in self.spans.iter_mut().filter(|span| span.label == old.name) {
                span.label.clone_from(new_name);
            }
        }
        Ok(Edit::UpdateLabel { index, label: old })
    }

    /// Moves the label at `from` so that it ends up at position `to`.
    pub(super) fn move_label(&mut self, from: usize, to: usize) -> Result<Edit, EditError> {
        self.label_at(from)?;
        self.label_at(to)?;
        let label = self.labels.labels.remove(from);
        self.labels.labels.insert(to, label);
        Ok(Edit::MoveLabel { from: to, to: from })
    }

    /// The label at `index`, or the error naming the valid range.
    fn label_at(&self, index: usize) -> Result<&Label, EditError> {
        self.labels.labels.get(index).ok_or(EditError::NoSuchLabel {
            index,
            len: self.labels.labels.len(),
        })
    }

    /// Checks a label's name and hotkey against every label except the one at `replacing`.
    fn check_label(
        &self,
        label: &Label,
        replacing: Option<usize>,
        checks: Checks,
    ) -> Result<(), EditError> {
        if checks.policies() && label.name.trim().is_empty() {
            return Err(EditError::EmptyLabelName);
        }
        let others = self
            .labels
            .labels
            .iter()
            .enumerate()
            .filter(|(index, _)| Some(*index) != replacing)
            .map(|(_, other)| other);
        for other in others {
            if other.name == label.name {
                return Err(EditError::DuplicateLabel(label.name.clone()));
            }
            if let (Some(mine), Some(theirs)) = (label.hotkey, other.hotkey)
                && checks.policies()
                && mine.to_lowercase().eq(theirs.to_lowercase())
            {
                return Err(EditError::DuplicateHotkey {
                    hotkey: mine,
                    label: other.name.clone(),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Rgb};

    /// "[بوتين|PERSON] في [موسكو|COUNTRY]"
    fn annotation() -> Annotation {
        let mut ann = Annotation::new(Document::new("d", "بوتين في موسكو"));
        for (start, end, label) in [(0, 5, "PERSON"), (9, 14, "COUNTRY")] {
            let span = ann.new_span(start, end, label);
            ann.apply(Edit::AddSpan(span)).unwrap();
        }
        ann
    }

    fn names(ann: &Annotation) -> Vec<&str> {
        ann.labels.labels.iter().map(|l| l.name.as_str()).collect()
    }

    #[test]
    fn add_label_checks_name_hotkey_and_position() {
        let mut ann = annotation();
        let grey = Rgb([0x88; 3]);
        let at = |index, name: &str, hotkey| Edit::AddLabel {
            index,
            label: Label::new(name, grey, hotkey),
        };
        assert_eq!(ann.apply(at(0, "  ", None)), Err(EditError::EmptyLabelName));
        assert_eq!(
            ann.apply(at(0, "PERSON", None)),
            Err(EditError::DuplicateLabel("PERSON".into()))
        );
        assert_eq!(
            ann.apply(at(0, "PLACE", Some('p'))),
            Err(EditError::DuplicateHotkey {
                hotkey: 'p',
                label: "PERSON".into()
            })
        );
        assert_eq!(
            ann.apply(at(5, "PLACE", None)),
            Err(EditError::NoSuchLabel { index: 5, len: 4 })
        );
        ann.apply(at(4, "PLACE", Some('L'))).unwrap();
        assert_eq!(names(&ann)[4], "PLACE");
    }

    #[test]
    fn remove_label_refused_while_spans_use_it() {
        let mut ann = annotation();
        assert_eq!(
            ann.apply(Edit::RemoveLabel { index: 0 }),
            Err(EditError::LabelInUse {
                label: "PERSON".into(),
                count: 1
            })
        );
        let before = ann.clone();
        let inverse = ann.apply(Edit::RemoveLabel { index: 3 }).unwrap();
        assert_eq!(names(&ann), ["PERSON", "COUNTRY", "ORGANIZATION"]);
        ann.apply(inverse).unwrap();
        assert_eq!(ann, before);
    }

    #[test]
    fn rename_label_renames_spans_and_inverse_renames_back() {
        let mut ann = annotation();
        let before = ann.clone();
        let mut gpe = ann.labels.labels[1].clone();
        gpe.name = "GPE".into();
        let inverse = ann
            .apply(Edit::UpdateLabel {
                index: 1,
                label: gpe,
            })
            .unwrap();
        assert_eq!(ann.spans[1].label, "GPE");
        assert_eq!(ann.spans[0].label, "PERSON");
        assert_eq!(ann.spans[1].modified, before.spans[1].modified);
        ann.apply(inverse).unwrap();
        assert_eq!(ann, before);
    }

    #[test]
    fn update_label_may_keep_its_own_name_and_hotkey() {
        let mut ann = annotation();
        let mut person = ann.labels.labels[0].clone();
        person.color = Rgb([1, 2, 3]);
        ann.apply(Edit::UpdateLabel {
            index: 0,
            label: person,
        })
        .unwrap();
        assert_eq!(ann.labels.labels[0].color, Rgb([1, 2, 3]));
        let mut clash = ann.labels.labels[0].clone();
        clash.name = "COUNTRY".into();
        assert_eq!(
            ann.apply(Edit::UpdateLabel {
                index: 0,
                label: clash
            }),
            Err(EditError::DuplicateLabel("COUNTRY".into()))
        );
    }

    #[test]
    fn move_label_and_its_inverse() {
        let mut ann = annotation();
        let before = ann.clone();
        let inverse = ann.apply(Edit::MoveLabel { from: 0, to: 3 }).unwrap();
        assert_eq!(names(&ann), ["COUNTRY", "ORGANIZATION", "EVENT", "PERSON"]);
        assert_eq!(
            ann.apply(Edit::MoveLabel { from: 0, to: 4 }),
            Err(EditError::NoSuchLabel { index: 4, len: 4 })
        );
        ann.apply(inverse).unwrap();
        assert_eq!(ann, before);
    }
}

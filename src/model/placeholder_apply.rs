//! PLACEHOLDER (lead): minimal `apply` and `History` so the app can be built before the model
//! helper's real implementation lands. Replaced wholesale at merge.

use super::{Annotation, Edit, EditError, Span, SpanId};
use chrono::Utc;

impl Annotation {
    /// Applies an edit and returns its inverse.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        let inverse = match edit {
            Edit::AddSpan(span) => {
                let id = span.id;
                self.spans.push(span);
                self.spans.sort_by_key(|s| (s.start, s.end, s.id));
                Edit::RemoveSpan(id)
            }
            Edit::RemoveSpan(id) => {
                let pos = self
                    .spans
                    .iter()
                    .position(|s| s.id == id)
                    .ok_or(EditError::NoSuchSpan(id))?;
                Edit::AddSpan(self.spans.remove(pos))
            }
            Edit::Relabel { id, label } => {
                let span = self
                    .spans
                    .iter_mut()
                    .find(|s| s.id == id)
                    .ok_or(EditError::NoSuchSpan(id))?;
                let old = std::mem::replace(&mut span.label, label);
                Edit::Relabel { id, label: old }
            }
            Edit::Group(edits) => {
                let mut inverses = Vec::new();
                for e in edits {
                    inverses.push(self.apply(e)?);
                }
                inverses.reverse();
                Edit::Group(inverses)
            }
            other => return Ok(other),
        };
        Ok(inverse)
    }

    /// A fresh span id.
    pub fn next_span_id(&self) -> SpanId {
        SpanId(self.spans.iter().map(|s| s.id.0 + 1).max().unwrap_or(1))
    }

    /// A new span with a fresh id.
    pub fn new_span(&self, start: usize, end: usize, label: &str) -> Span {
        let now = Utc::now();
        Span {
            id: self.next_span_id(),
            start,
            end,
            label: label.to_owned(),
            note: None,
            annotator: self.annotator.clone(),
            created: now,
            modified: now,
            extra: Default::default(),
        }
    }

    /// Spans covering code point `cp`.
    pub fn spans_at(&self, cp: usize) -> impl Iterator<Item = &Span> {
        self.spans
            .iter()
            .filter(move |s| s.start <= cp && cp < s.end)
    }
}

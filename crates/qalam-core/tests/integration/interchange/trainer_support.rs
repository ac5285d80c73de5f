//! Helpers shared by the spaCy and Hugging Face tests.

use qalam_core::model::{Annotation, Document, Label, Rgb, notation};

/// An annotation from the span notation, with any label it names added to the set.
pub fn annotation(case: &str) -> Annotation {
    let (text, spans) = notation::parse(case).expect("notation");
    let spans: Vec<(usize, usize, &str)> =
        spans.iter().map(|(s, e, l)| (*s, *e, l.as_str())).collect();
    let mut parts =
        Annotation::with_spans_unchecked(Document::new("doc", text), &spans).into_parts();
    for (_, _, label) in &spans {
        if parts.labels.get(label).is_none() {
            parts
                .labels
                .labels
                .push(Label::new(*label, Rgb([1, 2, 3]), None));
        }
    }
    Annotation::from_parts(parts).expect("valid")
}

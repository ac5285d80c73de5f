//! Where a gold span came from: which annotators had it exactly, what the others had, who
//! decided and how. Written into the gold file as the span's `adjudication` object
//! (`docs/format.md`).

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value, json};

use crate::compare::Group;
use crate::model::Span;

/// The span field the provenance is stored in.
pub const FIELD: &str = "adjudication";

/// How a gold span was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// Every annotator had it (pre-filled).
    Agreed,
    /// One annotator's variant was chosen.
    Took,
    /// Every variant was kept ("take all").
    Both,
    /// A variant was taken to be edited by hand.
    Edited,
}

impl Resolution {
    /// The name in the file: `agreed`, `took`, `both`, `edited`.
    pub fn name(self) -> &'static str {
        match self {
            Resolution::Agreed => "agreed",
            Resolution::Took => "took",
            Resolution::Both => "both",
            Resolution::Edited => "edited",
        }
    }

    /// The resolution with this file name.
    pub fn from_name(name: &str) -> Option<Self> {
        [
            Resolution::Agreed,
            Resolution::Took,
            Resolution::Both,
            Resolution::Edited,
        ]
        .into_iter()
        .find(|r| r.name() == name)
    }
}

/// Another annotator's variant of a gold span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariantOf {
    /// Whose it is.
    pub annotator: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The label.
    pub label: String,
}

/// A gold span's provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// Annotators whose files had exactly this span (range and label), sorted.
    pub sources: Vec<String>,
    /// Annotators with another variant (other label or boundaries), sorted by annotator; an
    /// annotator in neither list had nothing there.
    pub variants: Vec<VariantOf>,
    /// Who decided.
    pub decided_by: String,
    /// How.
    pub resolution: Resolution,
    /// When.
    pub at: DateTime<Utc>,
}

/// The provenance of a gold span `[start, end)` `label` chosen from `group`, whose variants
/// belong to `annotators` (in the group's order).
pub fn provenance_of(
    group: &Group,
    annotators: &[String],
    (start, end, label): (usize, usize, &str),
    resolution: Resolution,
    decided_by: &str,
    at: DateTime<Utc>,
) -> Provenance {
    let mut sources = Vec::new();
    let mut variants = Vec::new();
    for (variant, annotator) in group.variants.iter().zip(annotators) {
        let Some(variant) = variant else {
            continue;
        };
        if (variant.start, variant.end, variant.label.as_str()) == (start, end, label) {
            sources.push(annotator.clone());
        } else {
            variants.push(VariantOf {
                annotator: annotator.clone(),
                start: variant.start,
                end: variant.end,
                label: variant.label.clone(),
            });
        }
    }
    sources.sort();
    variants.sort_by(|a, b| a.annotator.cmp(&b.annotator));
    Provenance {
        sources,
        variants,
        decided_by: decided_by.to_owned(),
        resolution,
        at,
    }
}

impl Provenance {
    /// The provenance as its JSON object.
    pub fn to_json(&self) -> Value {
        let variants: Vec<Value> = self
            .variants
            .iter()
            .map(|v| json!({"annotator": v.annotator, "start": v.start, "end": v.end, "label": v.label}))
            .collect();
        let mut object = Map::new();
        object.insert("sources".into(), json!(self.sources));
        object.insert("variants".into(), Value::Array(variants));
        object.insert("decided_by".into(), json!(self.decided_by));
        object.insert("resolution".into(), json!(self.resolution.name()));
        object.insert(
            "at".into(),
            json!(self.at.to_rfc3339_opts(SecondsFormat::Millis, true)),
        );
        Value::Object(object)
    }

    /// Reads the JSON object back; `None` if it is not one [`Provenance::to_json`] writes.
    pub fn from_json(value: &Value) -> Option<Self> {
        let strings = |value: &Value| -> Option<Vec<String>> {
            value
                .as_array()?
                .iter()
                .map(|s| s.as_str().map(str::to_owned))
                .collect()
        };
        let number = |value: &Value, key: &str| -> Option<usize> {
            usize::try_from(value.get(key)?.as_u64()?).ok()
        };
        let variants = value
            .get("variants")?
            .as_array()?
            .iter()
            .map(|v| {
                Some(VariantOf {
                    annotator: v.get("annotator")?.as_str()?.to_owned(),
                    start: number(v, "start")?,
                    end: number(v, "end")?,
                    label: v.get("label")?.as_str()?.to_owned(),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self {
            sources: strings(value.get("sources")?)?,
            variants,
            decided_by: value.get("decided_by")?.as_str()?.to_owned(),
            resolution: Resolution::from_name(value.get("resolution")?.as_str()?)?,
            at: DateTime::parse_from_rfc3339(value.get("at")?.as_str()?)
                .ok()?
                .with_timezone(&Utc),
        })
    }

    /// The provenance recorded on `span`, if any.
    pub fn of_span(span: &Span) -> Option<Self> {
        span.extra.get(FIELD).and_then(Self::from_json)
    }

    /// Records this provenance on `span`.
    pub fn stamp(&self, span: &mut Span) {
        span.extra.insert(FIELD.to_owned(), self.to_json());
    }
}

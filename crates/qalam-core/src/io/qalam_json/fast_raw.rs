//! Typed, borrowing deserialisation of a `.qalam.json` file for the fast path of the reader.
//!
//! Each object is read by a hand-written map visitor that matches the known keys and collects
//! every other key into an `extra` map, which is faster than `#[serde(flatten)]` (that buffers the
//! whole object first). Strings that are only compared (format, hashes, covered span texts,
//! timestamps) borrow from the input when they contain no escapes.
//!
//! Anything unusual — a type mismatch, `null` for a required field, a duplicate known key — is a
//! deserialisation error: the caller then falls back to the slow reader, which explains it.

use std::borrow::Cow;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::timestamp::parse_timestamp_fast;
use crate::model::{Adjudication, AdjudicationVariant, Resolution, Review, ReviewDecision};

/// A string that borrows from the input when it can.
struct BorrowedStr<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for BorrowedStr<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StrVisitor;
        impl<'de> Visitor<'de> for StrVisitor {
            type Value = BorrowedStr<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
                Ok(BorrowedStr(Cow::Borrowed(text)))
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
                Ok(BorrowedStr(Cow::Owned(text.to_owned())))
            }
            fn visit_string<E: de::Error>(self, text: String) -> Result<Self::Value, E> {
                Ok(BorrowedStr(Cow::Owned(text)))
            }
        }
        deserializer.deserialize_str(StrVisitor)
    }
}

/// A timestamp string parsed to UTC; anything that is not RFC 3339 is an error.
struct Timestamp(DateTime<Utc>);

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = BorrowedStr::deserialize(deserializer)?;
        parse_timestamp_fast(&text.0)
            .map(Timestamp)
            .ok_or_else(|| de::Error::custom("not an RFC 3339 timestamp"))
    }
}

/// Stores `value` in `slot`, refusing a second value for the same key.
fn fill<T, E: de::Error>(slot: &mut Option<T>, value: T, key: &str) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::custom(format_args!("duplicate key {key}")));
    }
    *slot = Some(value);
    Ok(())
}

/// `slot`'s value, or an error naming the missing required `key`.
fn required<T, E: de::Error>(slot: Option<T>, key: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(key))
}

/// Reads the next key as a borrowed string.
fn next_key<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Cow<'de, str>>, A::Error> {
    Ok(map.next_key::<BorrowedStr<'de>>()?.map(|key| key.0))
}

/// Keeps an unknown key's value in `extra`. A key given twice (here or in any object inside
/// the value) is an error, as in the validating reader.
fn keep_unknown<'de, A: MapAccess<'de>>(
    map: &mut A,
    key: Cow<'de, str>,
    extra: &mut Map<String, Value>,
) -> Result<(), A::Error> {
    if extra.contains_key(key.as_ref()) {
        return Err(de::Error::custom(format_args!("duplicate key {key}")));
    }
    let value: StrictValue = map.next_value()?;
    extra.insert(key.into_owned(), value.0);
    Ok(())
}

/// Any JSON value, read like `serde_json::Value` except that an object with a key given twice
/// is an error (`Value` keeps the last one silently). For unknown fields and `metadata`, the
/// only free-form values of the format.
struct StrictValue(Value);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

/// An object of [`StrictValue`]s (`metadata`).
struct StrictMap(Map<String, Value>);

impl<'de> Deserialize<'de> for StrictMap {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match deserializer.deserialize_map(StrictVisitor)? {
            Value::Object(map) => Ok(StrictMap(map)),
            _ => Err(de::Error::custom("expected an object")),
        }
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        StrictValue::deserialize(deserializer).map(|value| value.0)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<StrictValue>()? {
            items.push(item.0);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = next_key(&mut map)? {
            if object.contains_key(key.as_ref()) {
                return Err(de::Error::custom(format_args!("duplicate key {key}")));
            }
            let value: StrictValue = map.next_value()?;
            object.insert(key.into_owned(), value.0);
        }
        Ok(Value::Object(object))
    }
}

/// The whole file, typed, before semantic checks.
pub struct RawFile<'de> {
    /// `"format"`.
    pub format: Cow<'de, str>,
    /// `"version"`.
    pub version: u64,
    /// `"document"`.
    pub document: RawDocument<'de>,
    /// `"status"` (absent or `null` is `None`).
    pub status: Option<Cow<'de, str>>,
    /// `"annotator"`.
    pub annotator: Option<String>,
    /// `"created"`.
    pub created: DateTime<Utc>,
    /// `"modified"`.
    pub modified: DateTime<Utc>,
    /// `"labels"`.
    pub labels: RawLabels<'de>,
    /// `"spans"`, in file order.
    pub spans: Vec<RawSpan<'de>>,
    /// Unknown top-level keys.
    pub extra: Map<String, Value>,
}

impl<'de> Deserialize<'de> for RawFile<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(FileVisitor)
    }
}

struct FileVisitor;

impl<'de> Visitor<'de> for FileVisitor {
    type Value = RawFile<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Qalam file object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut format, mut version, mut document, mut status) = (None, None, None, None);
        let (mut annotator, mut created, mut modified) = (None, None, None);
        let (mut labels, mut spans) = (None, None);
        let mut extra = Map::new();
        while let Some(key) = next_key(&mut map)? {
            match key.as_ref() {
                "format" => fill(&mut format, map.next_value::<BorrowedStr>()?.0, &key)?,
                "version" => fill(&mut version, map.next_value()?, &key)?,
                "document" => fill(&mut document, map.next_value()?, &key)?,
                "status" => fill(
                    &mut status,
                    map.next_value::<Option<BorrowedStr>>()?.map(|s| s.0),
                    &key,
                )?,
                "annotator" => fill(&mut annotator, map.next_value()?, &key)?,
                "created" => fill(&mut created, map.next_value::<Timestamp>()?.0, &key)?,
                "modified" => fill(&mut modified, map.next_value::<Timestamp>()?.0, &key)?,
                "labels" => fill(&mut labels, map.next_value()?, &key)?,
                "spans" => fill(&mut spans, map.next_value_seed(SpansSeed)?, &key)?,
                _ => keep_unknown(&mut map, key, &mut extra)?,
            }
        }
        Ok(RawFile {
            format: required(format, "format")?,
            version: required(version, "version")?,
            document: required(document, "document")?,
            status: status.flatten(),
            annotator: annotator.flatten(),
            created: required(created, "created")?,
            modified: required(modified, "modified")?,
            labels: required(labels, "labels")?,
            spans: required(spans, "spans")?,
            extra,
        })
    }
}

/// The `"document"` object, typed.
pub struct RawDocument<'de> {
    /// `"id"`.
    pub id: String,
    /// `"title"`.
    pub title: Option<String>,
    /// `"source"`.
    pub source: Option<String>,
    /// `"language"`.
    pub language: Option<String>,
    /// `"metadata"` (absent or `null` is `None`).
    pub metadata: Option<Map<String, Value>>,
    /// `"text"`.
    pub text: String,
    /// `"text_sha256"`.
    pub text_sha256: Cow<'de, str>,
    /// Unknown keys.
    pub extra: Map<String, Value>,
}

impl<'de> Deserialize<'de> for RawDocument<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(DocumentVisitor)
    }
}

struct DocumentVisitor;

impl<'de> Visitor<'de> for DocumentVisitor {
    type Value = RawDocument<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a document object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut id, mut title, mut source, mut language) = (None, None, None, None);
        let (mut metadata, mut text, mut text_sha256) = (None, None, None);
        let mut extra = Map::new();
        while let Some(key) = next_key(&mut map)? {
            match key.as_ref() {
                "id" => fill(&mut id, map.next_value()?, &key)?,
                "title" => fill(&mut title, map.next_value()?, &key)?,
                "source" => fill(&mut source, map.next_value()?, &key)?,
                "language" => fill(&mut language, map.next_value()?, &key)?,
                "metadata" => fill(
                    &mut metadata,
                    map.next_value::<Option<StrictMap>>()?.map(|m| m.0),
                    &key,
                )?,
                "text" => fill(&mut text, map.next_value()?, &key)?,
                "text_sha256" => {
                    fill(&mut text_sha256, map.next_value::<BorrowedStr>()?.0, &key)?;
                }
                _ => keep_unknown(&mut map, key, &mut extra)?,
            }
        }
        Ok(RawDocument {
            id: required(id, "id")?,
            title: title.flatten(),
            source: source.flatten(),
            language: language.flatten(),
            metadata: metadata.flatten(),
            text: required(text, "text")?,
            text_sha256: required(text_sha256, "text_sha256")?,
            extra,
        })
    }
}

/// The `"labels"` object, typed.
pub struct RawLabels<'de> {
    /// `"allow_overlaps"` (absent or `null` is `None`).
    pub allow_overlaps: Option<bool>,
    /// `"items"`.
    pub items: Vec<RawLabel<'de>>,
    /// Unknown keys.
    pub extra: Map<String, Value>,
}

impl<'de> Deserialize<'de> for RawLabels<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(LabelsVisitor)
    }
}

struct LabelsVisitor;

impl<'de> Visitor<'de> for LabelsVisitor {
    type Value = RawLabels<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a labels object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut allow_overlaps, mut items) = (None, None);
        let mut extra = Map::new();
        while let Some(key) = next_key(&mut map)? {
            match key.as_ref() {
                "allow_overlaps" => fill(&mut allow_overlaps, map.next_value()?, &key)?,
                "items" => fill(&mut items, map.next_value()?, &key)?,
                _ => keep_unknown(&mut map, key, &mut extra)?,
            }
        }
        Ok(RawLabels {
            allow_overlaps: allow_overlaps.flatten(),
            items: required(items, "items")?,
            extra,
        })
    }
}

/// One label definition, typed.
pub struct RawLabel<'de> {
    /// `"name"`.
    pub name: String,
    /// `"color"`.
    pub color: Cow<'de, str>,
    /// `"hotkey"`.
    pub hotkey: Option<Cow<'de, str>>,
    /// `"export_tag"`.
    pub export_tag: Option<String>,
    /// Unknown keys.
    pub extra: Map<String, Value>,
}

impl<'de> Deserialize<'de> for RawLabel<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(LabelVisitor)
    }
}

struct LabelVisitor;

impl<'de> Visitor<'de> for LabelVisitor {
    type Value = RawLabel<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a label object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut name, mut color, mut hotkey, mut export_tag) = (None, None, None, None);
        let mut extra = Map::new();
        while let Some(key) = next_key(&mut map)? {
            match key.as_ref() {
                "name" => fill(&mut name, map.next_value()?, &key)?,
                "color" => fill(&mut color, map.next_value::<BorrowedStr>()?.0, &key)?,
                "hotkey" => fill(
                    &mut hotkey,
                    map.next_value::<Option<BorrowedStr>>()?.map(|s| s.0),
                    &key,
                )?,
                "export_tag" => fill(&mut export_tag, map.next_value()?, &key)?,
                _ => keep_unknown(&mut map, key, &mut extra)?,
            }
        }
        Ok(RawLabel {
            name: required(name, "name")?,
            color: required(color, "color")?,
            hotkey: hotkey.flatten(),
            export_tag: export_tag.flatten(),
            extra,
        })
    }
}

/// One span, typed; `created`/`modified` are `None` when absent or `null`.
pub struct RawSpan<'de> {
    /// `"id"`.
    pub id: u64,
    /// `"start"`.
    pub start: u64,
    /// `"end"`.
    pub end: u64,
    /// `"label"`.
    pub label: String,
    /// `"text"`: the covered text as the file states it.
    pub text: Cow<'de, str>,
    /// `"note"`.
    pub note: Option<String>,
    /// `"annotator"`.
    pub annotator: Option<String>,
    /// `"created"`.
    pub created: Option<DateTime<Utc>>,
    /// `"modified"`.
    pub modified: Option<DateTime<Utc>>,
    /// `"review"` (absent or `null` is `None`).
    pub review: Option<Review>,
    /// `"adjudication"` (absent or `null` is `None`).
    pub adjudication: Option<Adjudication>,
    /// Unknown keys.
    pub extra: Map<String, Value>,
}

/// A span's `"review"` object as it is in the file (unknown keys ignored, as the validating
/// reader ignores them).
#[derive(Deserialize)]
struct RawReview {
    reviewer: String,
    decision: String,
    reason: Option<String>,
    at: Timestamp,
}

impl RawReview {
    fn into_review<E: de::Error>(self) -> Result<Review, E> {
        Ok(Review {
            reviewer: self.reviewer,
            decision: ReviewDecision::parse(&self.decision)
                .ok_or_else(|| E::custom("unknown review decision"))?,
            reason: self.reason,
            at: self.at.0,
        })
    }
}

/// A span's `"adjudication"` object as it is in the file.
#[derive(Deserialize)]
struct RawAdjudication {
    sources: Vec<String>,
    variants: Vec<RawVariant>,
    decided_by: String,
    resolution: String,
    at: Timestamp,
}

/// One entry of `"adjudication"."variants"`.
#[derive(Deserialize)]
struct RawVariant {
    annotator: String,
    start: usize,
    end: usize,
    label: String,
}

impl RawAdjudication {
    fn into_adjudication<E: de::Error>(self) -> Result<Adjudication, E> {
        Ok(Adjudication {
            sources: self.sources,
            variants: self
                .variants
                .into_iter()
                .map(|variant| AdjudicationVariant {
                    annotator: variant.annotator,
                    start: variant.start,
                    end: variant.end,
                    label: variant.label,
                })
                .collect(),
            decided_by: self.decided_by,
            resolution: Resolution::parse(&self.resolution)
                .ok_or_else(|| E::custom("unknown resolution"))?,
            at: self.at.0,
        })
    }
}

/// Reads the spans array with a capacity guess, since JSON arrays carry no length.
struct SpansSeed;

impl<'de> DeserializeSeed<'de> for SpansSeed {
    type Value = Vec<RawSpan<'de>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for SpansSeed {
    type Value = Vec<RawSpan<'de>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of spans")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut spans = Vec::with_capacity(seq.size_hint().unwrap_or(1024));
        while let Some(span) = seq.next_element()? {
            spans.push(span);
        }
        Ok(spans)
    }
}

impl<'de> Deserialize<'de> for RawSpan<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(SpanVisitor)
    }
}

struct SpanVisitor;

impl<'de> Visitor<'de> for SpanVisitor {
    type Value = RawSpan<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a span object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut id, mut start, mut end, mut label, mut text) = (None, None, None, None, None);
        let (mut note, mut annotator, mut created, mut modified) = (None, None, None, None);
        let (mut review, mut adjudication) = (None, None);
        let mut extra = Map::new();
        while let Some(key) = next_key(&mut map)? {
            match key.as_ref() {
                "id" => fill(&mut id, map.next_value()?, &key)?,
                "start" => fill(&mut start, map.next_value()?, &key)?,
                "end" => fill(&mut end, map.next_value()?, &key)?,
                "label" => fill(&mut label, map.next_value()?, &key)?,
                "text" => fill(&mut text, map.next_value::<BorrowedStr>()?.0, &key)?,
                "note" => fill(&mut note, map.next_value()?, &key)?,
                "annotator" => fill(&mut annotator, map.next_value()?, &key)?,
                "created" => fill(
                    &mut created,
                    map.next_value::<Option<Timestamp>>()?.map(|t| t.0),
                    &key,
                )?,
                "modified" => fill(
                    &mut modified,
                    map.next_value::<Option<Timestamp>>()?.map(|t| t.0),
                    &key,
                )?,
                "review" => {
                    let raw = map.next_value::<Option<RawReview>>()?;
                    fill(
                        &mut review,
                        raw.map(RawReview::into_review::<A::Error>).transpose()?,
                        &key,
                    )?;
                }
                "adjudication" => {
                    let raw = map.next_value::<Option<RawAdjudication>>()?;
                    let value = raw
                        .map(RawAdjudication::into_adjudication::<A::Error>)
                        .transpose()?;
                    fill(&mut adjudication, value, &key)?;
                }
                _ => keep_unknown(&mut map, key, &mut extra)?,
            }
        }
        Ok(RawSpan {
            id: required(id, "id")?,
            start: required(start, "start")?,
            end: required(end, "end")?,
            label: required(label, "label")?,
            text: required(text, "text")?,
            note: note.flatten(),
            annotator: annotator.flatten(),
            created: created.flatten(),
            modified: modified.flatten(),
            review: review.flatten(),
            adjudication: adjudication.flatten(),
            extra,
        })
    }
}

//! Import of a `.spacy` file: each `Doc` becomes a document whose text is `doc.text` (token
//! texts and their trailing spaces), with the spans of its span group (`sc`, else the first
//! group) and of `doc.ents`, without duplicates, at their character offsets. Labels come from
//! the file's strings (or spaCy's reserved symbols) and map to Qalam labels by name or export
//! tag; anything that cannot be read exactly is reported.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use chrono::Utc;

use super::unpack::{Value, decode};
use super::{ENT_IOB, ENT_TYPE, IOB_B, IOB_I, ORTH, string_id, symbols};
use crate::interchange::report::{Action, Entry, Location, SpanRef};
use crate::interchange::{ImportOptions, Imported, InterchangeError, Report};
use crate::model::label_colors::most_distinct_color;
use crate::model::{Annotation, AnnotationParts, Document, Label, LabelSet, Span, SpanId};

/// Imports the `DocBin` file at `path`.
pub fn import(path: &Path, options: &ImportOptions) -> Result<Imported, InterchangeError> {
    let compressed = std::fs::read(path).map_err(|error| InterchangeError::io(path, error))?;
    import_bytes(&compressed, path, options)
}

/// Imports a `DocBin` from the bytes of its file (zlib-compressed MessagePack); `path` only
/// names the file in messages and gives the documents their ids.
pub fn import_bytes(
    compressed: &[u8],
    path: &Path,
    options: &ImportOptions,
) -> Result<Imported, InterchangeError> {
    let malformed = |message: String| InterchangeError::malformed(path, 0, message);
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(compressed)
        .read_to_end(&mut raw)
        .map_err(|error| malformed(format!("not zlib-compressed: {error}")))?;
    let msg = decode(&raw).map_err(|error| malformed(format!("not MessagePack: {error}")))?;
    let field = |name: &str| {
        msg.get(name)
            .ok_or_else(|| malformed(format!("no `{name}`")))
    };

    let attrs: Vec<u64> = field("attrs")?
        .items()
        .ok_or_else(|| malformed("`attrs` is not a list".to_owned()))?
        .iter()
        .map(|attr| attr.as_u64().unwrap_or(0))
        .collect();
    let column = |attr: u64| attrs.iter().position(|&a| a == attr);
    let orth = column(ORTH).ok_or_else(|| malformed("`attrs` has no ORTH".to_owned()))?;
    let (iob, kind) = (column(ENT_IOB), column(ENT_TYPE));

    // The file's own strings by id; spaCy's reserved symbols are looked up after them.
    let mut strings: HashMap<u64, &str> = HashMap::new();
    for string in field("strings")?.items().unwrap_or_default() {
        if let Value::Str(text) = string {
            strings.insert(string_id(text), text.as_str());
        }
    }
    let string_of = |id: u64| strings.get(&id).copied().or_else(|| symbols::name_of(id));
    let bytes = |name: &str| -> Result<Vec<u8>, InterchangeError> {
        Ok(field(name)?
            .bytes()
            .ok_or_else(|| malformed(format!("`{name}` is not bytes")))?
            .to_vec())
    };
    let tokens: Vec<u64> = bytes("tokens")?
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
        .collect();
    let spaces = bytes("spaces")?;
    let lengths: Vec<usize> = bytes("lengths")?
        .chunks_exact(4)
        .map(|c| usize::try_from(i32::from_le_bytes(c.try_into().unwrap_or([0; 4]))).unwrap_or(0))
        .collect();
    let total: usize = lengths.iter().sum();
    if tokens.len() != total * attrs.len() || spaces.len() < total {
        return Err(malformed(format!(
            "{} token values and {} spaces for {total} tokens of {} attributes",
            tokens.len(),
            spaces.len(),
            attrs.len()
        )));
    }
    let groups = msg
        .get("span_groups")
        .and_then(Value::items)
        .unwrap_or_default();

    let stem = path
        .file_stem()
        .map_or_else(|| "doc".to_owned(), |s| s.to_string_lossy().into_owned());
    let mut labels = options.labels.clone().unwrap_or_else(|| LabelSet {
        labels: Vec::new(),
        ..LabelSet::default()
    });
    let mut imported = Imported::default();
    let mut row = 0;
    for (index, &length) in lengths.iter().enumerate() {
        let id = if lengths.len() == 1 {
            stem.clone()
        } else {
            format!("{stem}-{}", index + 1)
        };
        let report = &mut imported.report;
        let note = |report: &mut Report, span: Option<SpanRef>, action, reason: String| {
            report.push(Entry {
                document: id.clone(),
                location: Some(Location {
                    file: path.to_path_buf(),
                    line: 0,
                }),
                span,
                action,
                reason,
            });
        };
        let mut text = String::new();
        let mut starts = Vec::with_capacity(length);
        let mut at = 0usize;
        let mut found: Vec<(usize, usize, u64)> = Vec::new();
        for token in 0..length {
            let value = |column: usize| tokens[(row + token) * attrs.len() + column];
            starts.push(at);
            let word = match string_of(value(orth)) {
                Some(word) => word,
                None => {
                    return Err(malformed(format!(
                        "document {}: token {token} has a text id missing from `strings`",
                        index + 1
                    )));
                }
            };
            at += word.chars().count();
            text.push_str(word);
            if spaces[row + token] != 0 {
                text.push(' ');
                at += 1;
            }
            if let (Some(iob), Some(kind)) = (iob, kind) {
                match value(iob) {
                    IOB_B => found.push((token, token + 1, value(kind))),
                    IOB_I => match found.last_mut() {
                        Some(last) if last.1 == token && last.2 == value(kind) => {
                            last.1 = token + 1
                        }
                        _ => found.push((token, token + 1, value(kind))),
                    },
                    _ => {}
                }
            }
        }
        let ends: Vec<usize> = (0..length)
            .map(|token| {
                starts.get(token + 1).map_or(at, |&next| next)
                    - usize::from(spaces[row + token] != 0)
            })
            .collect();
        row += length;
        // Entities as character spans, then the span group's.
        let mut spans: Vec<(usize, usize, u64)> = found
            .iter()
            .map(|&(first, last, label)| (starts[first], ends[last - 1], label))
            .collect();
        if let Some(group) = groups.get(index).and_then(Value::bytes) {
            match group_spans(group) {
                Ok(group) => spans.extend(group),
                Err(error) => note(
                    report,
                    None,
                    Action::Dropped,
                    format!("span groups unreadable: {error}"),
                ),
            }
        }
        spans.sort_unstable();
        spans.dedup();
        let len = text.chars().count();
        let mut kept = Vec::with_capacity(spans.len());
        for (start, end, label) in spans {
            let Some(tag) = string_of(label).map(str::to_owned) else {
                note(
                    report,
                    None,
                    Action::Dropped,
                    format!("a span [{start}, {end}) has a label id missing from `strings`"),
                );
                continue;
            };
            if start >= end || end > len {
                note(
                    report,
                    Some(SpanRef {
                        start,
                        end,
                        text: String::new(),
                        label: tag,
                    }),
                    Action::Dropped,
                    format!("not a range within the text ({len} code points)"),
                );
                continue;
            }
            let name = match labels
                .labels
                .iter()
                .find(|l| l.name == tag)
                .or_else(|| labels.labels.iter().find(|l| l.export_name() == tag))
            {
                Some(label) => label.name.clone(),
                None => {
                    let used: Vec<_> = labels.labels.iter().map(|l| l.color).collect();
                    labels
                        .labels
                        .push(Label::new(tag.as_str(), most_distinct_color(&used), None));
                    if options.labels.is_some() {
                        let covered = text.chars().skip(start).take(end - start).collect();
                        note(
                            report,
                            Some(SpanRef {
                                start,
                                end,
                                text: covered,
                                label: tag.clone(),
                            }),
                            Action::Noted,
                            format!("unknown tag `{tag}`: added as a new label"),
                        );
                    }
                    tag
                }
            };
            kept.push((start, end, name));
        }
        let now = Utc::now();
        let spans = kept
            .iter()
            .zip(1..)
            .map(|((start, end, label), n)| Span::new(SpanId(n), *start, *end, label, now))
            .collect();
        let parts = AnnotationParts {
            document: Document::new(id.clone(), text),
            labels: labels.clone(),
            spans,
            ..Annotation::new_at(Document::new("", ""), now).into_parts()
        };
        match Annotation::from_parts(parts) {
            Ok(annotation) => imported.documents.push(annotation),
            Err(error) => note(
                report,
                None,
                Action::Dropped,
                format!("the document could not be built: {error}"),
            ),
        }
    }
    Ok(imported)
}

/// `(start_char, end_char, label id)` of the spans in one document's `SpanGroups` bytes: the
/// `sc` group, else the first one (dict form `{group bytes: [keys]}` or the older list form).
fn group_spans(bytes: &[u8]) -> Result<Vec<(usize, usize, u64)>, String> {
    if bytes.is_empty() || bytes == [0x90] {
        return Ok(Vec::new());
    }
    let groups: Vec<Value> = match decode(bytes)? {
        Value::Map(entries) => entries.into_iter().map(|(group, _)| group).collect(),
        Value::Array(items) => items,
        _ => return Err("neither a map nor a list".to_owned()),
    };
    let decoded: Vec<Value> = groups
        .iter()
        .filter_map(Value::bytes)
        .map(decode)
        .collect::<Result<_, _>>()?;
    let chosen = decoded
        .iter()
        .find(|group| matches!(group.get("name"), Some(Value::Str(name)) if name == "sc"))
        .or_else(|| decoded.first());
    let mut spans = Vec::new();
    for span in chosen
        .and_then(|g| g.get("spans"))
        .and_then(Value::items)
        .unwrap_or_default()
    {
        let b = span
            .bytes()
            .filter(|b| b.len() == 40)
            .ok_or("a span is not 40 bytes")?;
        let label = u64::from_be_bytes(b[16..24].try_into().map_err(|_| "label")?);
        let int = |i: usize| i32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let (start, end) = (usize::try_from(int(32)), usize::try_from(int(36)));
        let (Ok(start), Ok(end)) = (start, end) else {
            return Err("negative character offsets".to_owned());
        };
        spans.push((start, end, label));
    }
    Ok(spans)
}

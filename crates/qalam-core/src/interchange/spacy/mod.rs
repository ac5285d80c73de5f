//! spaCy v3 `DocBin` (`.spacy`): the binary file `spacy train` reads.
//!
//! The file is zlib-compressed MessagePack with the layout of spaCy's `DocBin.to_bytes`
//! (`spacy/tokens/_serialize.py`): `attrs` (here `ORTH`, `ENT_IOB`, `ENT_TYPE`), `tokens` (a
//! little-endian `uint64` array, one row per token, one column per attribute), `spaces` (one
//! byte per token: followed by a space), `lengths` (`int32` tokens per document), `strings`
//! (every string the hashes stand for), `cats`, `flags` and `span_groups` (per document, the
//! `SpanGroups.to_bytes` dict of `SpanGroup.to_bytes` → keys, spans packed as `>QQQllll`).
//!
//! Each document's `doc.text` is exactly Qalam's text: runs of whitespace other than one space
//! become whitespace tokens, as spaCy's own tokenizer makes them. Spans are aligned to tokens
//! ([`tokenize_for_export`], policy from [`ExportOptions::boundary`]); the outermost layer
//! goes in `doc.ents`, every span (nested too) in `doc.spans[KEY]`
//! ([`ExportOptions::spans_key`], default `sc`). Spans left out of `doc.ents` are reported as
//! notes, widened or dropped spans as changes and drops. Import ([`import`]) reads `doc.text`,
//! the span group and `doc.ents` back.

mod msgpack;
mod murmur;
mod read;
mod symbols;
mod unpack;

pub use read::{import, import_bytes};

use std::collections::BTreeSet;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::report::{Action, Entry, SpanRef};
use super::tokens::{spaced_tokens, tokenize_for_export};
use super::{ExportOptions, Exporter, InterchangeError, Report};
use crate::model::Annotation;

/// spaCy's attribute ids (`spacy.attrs`) written in the token array, in column order.
const ATTRS: [u64; 3] = [ORTH, ENT_IOB, ENT_TYPE];
const ORTH: u64 = 65;
const ENT_IOB: u64 = 77;
const ENT_TYPE: u64 = 78;
/// `Token.iob_strings()` = `("", "I", "O", "B")`.
const IOB_I: u64 = 1;
const IOB_O: u64 = 2;
const IOB_B: u64 = 3;

/// The id spaCy's `StringStore` gives `value`: 0 for the empty string, the symbol id for a
/// reserved symbol (`GPE`, `PERSON`, …), else MurmurHash64A of the UTF-8 bytes with seed 1.
pub fn string_id(value: &str) -> u64 {
    if value.is_empty() {
        return 0;
    }
    match symbols::SYMBOLS.binary_search_by(|(name, _)| name.cmp(&value)) {
        Ok(index) => symbols::SYMBOLS[index].1,
        Err(_) => murmur::hash64a(value.as_bytes(), 1),
    }
}

/// An exporter writing one `.spacy` file at `out`.
pub fn exporter(
    out: &Path,
    options: &ExportOptions,
) -> Result<Box<dyn Exporter>, InterchangeError> {
    Ok(Box::new(SpacyExporter {
        out: out.to_path_buf(),
        options: options.clone(),
        bin: DocBin::default(),
    }))
}

/// Encodes `annotations` as the bytes of a `.spacy` file, reporting into `report`.
pub fn to_bytes(
    annotations: &[Annotation],
    options: &ExportOptions,
    report: &mut Report,
) -> Result<Vec<u8>, InterchangeError> {
    let mut bin = DocBin::default();
    for annotation in annotations {
        bin.add(annotation, options, report);
    }
    bin.to_bytes()
        .map_err(|error| InterchangeError::Options(format!("compressing the DocBin: {error}")))
}

struct SpacyExporter {
    out: PathBuf,
    options: ExportOptions,
    bin: DocBin,
}

impl Exporter for SpacyExporter {
    fn write(
        &mut self,
        annotation: &Annotation,
        report: &mut Report,
    ) -> Result<(), InterchangeError> {
        self.bin.add(annotation, &self.options, report);
        Ok(())
    }

    fn finish(self: Box<Self>, _report: &mut Report) -> Result<(), InterchangeError> {
        let bytes = self
            .bin
            .to_bytes()
            .map_err(|error| InterchangeError::io(&self.out, error))?;
        crate::io::atomic::write_atomically(&self.out, |file| file.write_all(&bytes))
            .map_err(|error| InterchangeError::io(&self.out, error))
    }
}

/// The documents gathered so far, already in `DocBin` columns.
#[derive(Default)]
struct DocBin {
    /// `uint64` little-endian rows of [`ATTRS`].
    tokens: Vec<u8>,
    /// One byte (0/1) per token.
    spaces: Vec<u8>,
    /// Tokens per document.
    lengths: Vec<i32>,
    /// Every string hashed in `tokens` or the span groups.
    strings: BTreeSet<String>,
    /// `SpanGroups.to_bytes()` of each document.
    span_groups: Vec<Vec<u8>>,
}

impl DocBin {
    fn add(&mut self, annotation: &Annotation, options: &ExportOptions, report: &mut Report) {
        let key = options.spans_key.as_deref().unwrap_or("sc");
        let tokenized = tokenize_for_export(annotation, options, None, report);
        let alignment = &tokenized.alignment;
        let chars: Vec<char> = annotation.document().text().chars().collect();
        let words: Vec<Range<usize>> = alignment.tokens.iter().map(|token| token.range()).collect();
        let (tokens, word_token) = spaced_tokens(annotation.document(), &words);
        let spans = annotation.spans();
        let tag = |index: usize| {
            options
                .tag_for(annotation.labels(), &spans[index].label)
                .to_owned()
        };
        // spaCy token range of an entity's word range.
        let token_range =
            |range: &Range<usize>| word_token[range.start]..word_token[range.end - 1] + 1;

        let mut iob = vec![IOB_O; tokens.len()];
        let mut types = vec![0u64; tokens.len()];
        for entity in alignment.layer(0) {
            let range = token_range(&entity.tokens);
            let label = tag(entity.span);
            let id = string_id(&label);
            self.strings.insert(label);
            iob[range.start] = IOB_B;
            types[range.start] = id;
            for token in range.start + 1..range.end {
                iob[token] = IOB_I;
                types[token] = id;
            }
        }
        for entity in alignment.entities.iter().filter(|entity| entity.layer > 0) {
            let span = &spans[entity.span];
            report.push(Entry {
                document: annotation.document().id.clone(),
                location: None,
                span: Some(SpanRef {
                    start: span.start,
                    end: span.end,
                    text: annotation.span_text(span).to_owned(),
                    label: span.label.clone(),
                }),
                action: Action::Noted,
                reason: format!(
                    "in doc.spans[\"{key}\"] only, not in doc.ents: it overlaps a longer or earlier span there"
                ),
            });
        }

        for (index, token) in tokens.iter().enumerate() {
            let text: String = chars[token.start..token.end].iter().collect();
            for value in [string_id(&text), iob[index], types[index]] {
                self.tokens.extend(value.to_le_bytes());
            }
            self.strings.insert(text);
            self.spaces.push(u8::from(token.space));
        }
        self.lengths
            .push(i32::try_from(tokens.len()).unwrap_or(i32::MAX));

        let mut packed = Vec::with_capacity(alignment.entities.len());
        for entity in &alignment.entities {
            let range = token_range(&entity.tokens);
            let chars = alignment.char_range(&entity.tokens);
            let label = tag(entity.span);
            let mut bytes = Vec::with_capacity(40);
            bytes.extend(0u64.to_be_bytes()); // id
            bytes.extend(0u64.to_be_bytes()); // kb_id
            bytes.extend(string_id(&label).to_be_bytes());
            for value in [range.start, range.end, chars.start, chars.end] {
                bytes.extend((i32::try_from(value).unwrap_or(i32::MAX)).to_be_bytes());
            }
            self.strings.insert(label);
            packed.push(bytes);
        }
        self.span_groups.push(span_groups(key, &packed));
    }

    fn to_bytes(&self) -> std::io::Result<Vec<u8>> {
        let mut msg = Vec::with_capacity(self.tokens.len() + self.spaces.len() + 1024);
        msgpack::map(&mut msg, 9);
        msgpack::str(&mut msg, "version");
        msgpack::str(&mut msg, "0.1");
        msgpack::str(&mut msg, "attrs");
        msgpack::array(&mut msg, ATTRS.len());
        for attr in ATTRS {
            msgpack::uint(&mut msg, attr);
        }
        msgpack::str(&mut msg, "tokens");
        msgpack::bin(&mut msg, &self.tokens);
        msgpack::str(&mut msg, "spaces");
        msgpack::bin(&mut msg, &self.spaces);
        msgpack::str(&mut msg, "lengths");
        let lengths: Vec<u8> = self.lengths.iter().flat_map(|n| n.to_le_bytes()).collect();
        msgpack::bin(&mut msg, &lengths);
        msgpack::str(&mut msg, "strings");
        msgpack::array(&mut msg, self.strings.len());
        for string in &self.strings {
            msgpack::str(&mut msg, string);
        }
        msgpack::str(&mut msg, "cats");
        msgpack::array(&mut msg, self.lengths.len());
        for _ in &self.lengths {
            msgpack::map(&mut msg, 0);
        }
        msgpack::str(&mut msg, "flags");
        msgpack::array(&mut msg, self.lengths.len());
        for _ in &self.lengths {
            msgpack::map(&mut msg, 1);
            msgpack::str(&mut msg, "has_unknown_spaces");
            msgpack::bool(&mut msg, false);
        }
        msgpack::str(&mut msg, "span_groups");
        msgpack::array(&mut msg, self.span_groups.len());
        for group in &self.span_groups {
            msgpack::bin(&mut msg, group);
        }
        let mut encoder = flate2::write::ZlibEncoder::new(
            Vec::with_capacity(msg.len() / 4),
            flate2::Compression::default(),
        );
        encoder.write_all(&msg)?;
        encoder.finish()
    }
}

/// `SpanGroups.to_bytes()` for one group named `key` holding `packed` spans: `[]` when there
/// are none (spaCy's `_EMPTY_BYTES`), else `{SpanGroup.to_bytes(): [key]}`.
fn span_groups(key: &str, packed: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    if packed.is_empty() {
        msgpack::array(&mut out, 0);
        return out;
    }
    let mut group = Vec::with_capacity(packed.len() * 42 + 32);
    msgpack::map(&mut group, 3);
    msgpack::str(&mut group, "name");
    msgpack::str(&mut group, key);
    msgpack::str(&mut group, "attrs");
    msgpack::map(&mut group, 0);
    msgpack::str(&mut group, "spans");
    msgpack::array(&mut group, packed.len());
    for span in packed {
        msgpack::bin(&mut group, span);
    }
    msgpack::map(&mut out, 1);
    msgpack::bin(&mut out, &group);
    msgpack::array(&mut out, 1);
    msgpack::str(&mut out, key);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_ids_are_spacys() {
        // Values printed by spaCy 3.8's `StringStore` (`nlp.vocab.strings[s]`).
        assert_eq!(string_id("a"), 11_901_859_001_352_538_922);
        assert_eq!(string_id("روسيا"), 17_394_216_931_669_677_322);
        assert_eq!(string_id("abcdefghij"), 17_029_599_333_975_756_408);
        assert_eq!(string_id("GPE"), 384);
        assert_eq!(string_id("PERSON"), 380);
        assert_eq!(string_id(""), 0);
    }

    #[test]
    fn reserved_symbols_are_found_by_their_id() {
        assert_eq!(symbols::name_of(string_id("GPE")), Some("GPE"));
        assert_eq!(symbols::name_of(string_id("PERSON")), Some("PERSON"));
        assert_eq!(symbols::name_of(string_id("روسيا")), None);
    }

    #[test]
    fn symbols_are_sorted_for_binary_search() {
        assert!(
            symbols::SYMBOLS
                .windows(2)
                .all(|pair| pair[0].0 < pair[1].0)
        );
    }
}

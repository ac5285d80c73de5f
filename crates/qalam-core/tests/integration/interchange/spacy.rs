//! spaCy DocBin: the bytes decoded back (zlib + MessagePack, as `DocBin.from_bytes` reads them)
//! give Qalam's text, every span in the span group and the outer layer in the entity columns;
//! offsets round-trip exactly on random text with Arabic, harakat, emoji and CRLF.

use std::io::Read;

use proptest::prelude::*;
use qalam_core::interchange::spacy::{string_id, to_bytes};
use qalam_core::interchange::{Action, BoundaryPolicy, ExportOptions, Report};
use qalam_core::model::{Annotation, Document};

use super::trainer_support::annotation;

/// A decoded MessagePack value (only what a DocBin holds).
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Int(u64),
    Bool(bool),
    Str(String),
    Bin(Vec<u8>),
    Array(Vec<Value>),
    Map(Vec<(Value, Value)>),
}

impl Value {
    fn get(&self, key: &str) -> &Value {
        let Value::Map(entries) = self else {
            panic!("not a map: {self:?}")
        };
        &entries
            .iter()
            .find(|(k, _)| *k == Value::Str(key.to_owned()))
            .unwrap_or_else(|| panic!("no key {key}"))
            .1
    }
    fn bin(&self) -> &[u8] {
        let Value::Bin(bytes) = self else {
            panic!("not bytes: {self:?}")
        };
        bytes
    }
    fn array(&self) -> &[Value] {
        let Value::Array(items) = self else {
            panic!("not an array: {self:?}")
        };
        items
    }
}

fn decode(bytes: &[u8], at: &mut usize) -> Value {
    let byte = bytes[*at];
    *at += 1;
    let mut take = |n: usize| {
        let slice = &bytes[*at..*at + n];
        *at += n;
        slice.iter().fold(0u64, |v, b| (v << 8) | u64::from(*b)) as usize
    };
    let (kind, len) = match byte {
        0x00..=0x7f => return Value::Int(u64::from(byte)),
        0x80..=0x8f => ('m', usize::from(byte & 0x0f)),
        0x90..=0x9f => ('a', usize::from(byte & 0x0f)),
        0xa0..=0xbf => ('s', usize::from(byte & 0x1f)),
        0xc2 => return Value::Bool(false),
        0xc3 => return Value::Bool(true),
        0xc4 => ('b', take(1)),
        0xc5 => ('b', take(2)),
        0xc6 => ('b', take(4)),
        0xcc => return Value::Int(take(1) as u64),
        0xcd => return Value::Int(take(2) as u64),
        0xce => return Value::Int(take(4) as u64),
        0xcf => {
            let value = u64::from_be_bytes(bytes[*at..*at + 8].try_into().unwrap());
            *at += 8;
            return Value::Int(value);
        }
        0xd9 => ('s', take(1)),
        0xda => ('s', take(2)),
        0xdb => ('s', take(4)),
        0xdc => ('a', take(2)),
        0xdd => ('a', take(4)),
        0xde => ('m', take(2)),
        0xdf => ('m', take(4)),
        other => panic!("unexpected msgpack byte {other:#x}"),
    };
    match kind {
        's' | 'b' => {
            let raw = bytes[*at..*at + len].to_vec();
            *at += len;
            if kind == 's' {
                Value::Str(String::from_utf8(raw).expect("utf-8"))
            } else {
                Value::Bin(raw)
            }
        }
        'a' => Value::Array((0..len).map(|_| decode(bytes, at)).collect()),
        _ => Value::Map(
            (0..len)
                .map(|_| (decode(bytes, at), decode(bytes, at)))
                .collect(),
        ),
    }
}

fn unpack(bytes: &[u8]) -> Value {
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(bytes)
        .read_to_end(&mut raw)
        .expect("zlib");
    let mut at = 0;
    let value = decode(&raw, &mut at);
    assert_eq!(at, raw.len(), "trailing bytes");
    value
}

/// What spaCy would see in one document: text, span group `(start_char, end_char, label id)`,
/// and entities `(first token, last token, type id)` from the IOB column.
struct Seen {
    text: String,
    group: Vec<(usize, usize, u64)>,
    ents: Vec<(usize, usize, u64)>,
    starts: Vec<usize>,
}

fn read(bytes: &[u8]) -> Vec<Seen> {
    let msg = unpack(bytes);
    let attrs: Vec<u64> = msg
        .get("attrs")
        .array()
        .iter()
        .map(|v| match v {
            Value::Int(n) => *n,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(attrs, [65, 77, 78], "ORTH, ENT_IOB, ENT_TYPE");
    let strings: std::collections::HashMap<u64, String> = msg
        .get("strings")
        .array()
        .iter()
        .map(|v| match v {
            Value::Str(s) => (string_id(s), s.clone()),
            other => panic!("{other:?}"),
        })
        .collect();
    let tokens: Vec<u64> = msg
        .get("tokens")
        .bin()
        .chunks(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
        .collect();
    let spaces = msg.get("spaces").bin();
    let lengths: Vec<usize> = msg
        .get("lengths")
        .bin()
        .chunks(4)
        .map(|c| i32::from_le_bytes(c.try_into().unwrap()) as usize)
        .collect();
    let groups = msg.get("span_groups").array();
    let mut seen = Vec::new();
    let mut row = 0;
    for (doc, &length) in lengths.iter().enumerate() {
        let mut text = String::new();
        let mut starts = Vec::new();
        let mut ents: Vec<(usize, usize, u64)> = Vec::new();
        for token in 0..length {
            let (orth, iob, kind) = (tokens[row * 3], tokens[row * 3 + 1], tokens[row * 3 + 2]);
            starts.push(text.chars().count());
            text.push_str(&strings[&orth]);
            if spaces[row] == 1 {
                text.push(' ');
            }
            match iob {
                3 => ents.push((token, token + 1, kind)),
                1 => ents.last_mut().expect("I after B").1 = token + 1,
                2 => {}
                other => panic!("IOB value {other}"),
            }
            row += 1;
        }
        let mut group = Vec::new();
        let bytes = groups[doc].bin();
        if bytes != [0x90] {
            let mut at = 0;
            let Value::Map(entries) = decode(bytes, &mut at) else {
                panic!()
            };
            let mut at = 0;
            let inner = decode(entries[0].0.bin(), &mut at);
            for span in inner.get("spans").array() {
                let b = span.bin();
                let label = u64::from_be_bytes(b[16..24].try_into().unwrap());
                let int = |i: usize| i32::from_be_bytes(b[i..i + 4].try_into().unwrap()) as usize;
                assert!(
                    strings.contains_key(&label) || label < 1000,
                    "label string listed"
                );
                group.push((int(32), int(36), label));
                assert_eq!(
                    starts.get(int(24)),
                    Some(&int(32)),
                    "token start matches char start"
                );
            }
        }
        seen.push(Seen {
            text,
            group,
            ents,
            starts,
        });
    }
    seen
}

#[test]
fn the_sample_article_decodes_to_its_text_spans_and_outer_layer() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/interchange/kim-lavrov-wonsan.ar.qalam.json"
    );
    let sample = qalam_core::io::load_path(std::path::Path::new(path))
        .expect("fixture")
        .annotation;
    let mut report = Report::default();
    let bytes = to_bytes(
        std::slice::from_ref(&sample),
        &ExportOptions::default(),
        &mut report,
    )
    .expect("bytes");
    let seen = read(&bytes);
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].text, sample.document().text());
    let mut want: Vec<(usize, usize, u64)> = sample
        .spans()
        .iter()
        .map(|s| {
            let tag = ExportOptions::default()
                .tag_for(sample.labels(), &s.label)
                .to_owned();
            (s.start, s.end, string_id(&tag))
        })
        .collect();
    want.sort();
    let mut group = seen[0].group.clone();
    group.sort();
    assert_eq!(group, want, "every span, nested too, in doc.spans[\"sc\"]");
    // 14 spans, 3 nested (أوكرانيا, الخارجية الروسي, سيرغي لافروف): 11 entities, 3 notes.
    assert_eq!(seen[0].ents.len(), 11);
    assert_eq!(report.counts(), (0, 0, 3), "{report}");
    assert!(report.entries.iter().all(|e| e.action == Action::Noted));
    assert_eq!(string_id("GPE"), 384, "GPE is a spaCy symbol");
    assert!(seen[0].ents.iter().any(|e| e.2 == 384));
}

#[test]
fn widened_spans_are_reported_and_written_widened() {
    let ann = annotation("زار [بوتين|PERSON] ل[روسيا|COUNTRY]");
    let options = ExportOptions {
        boundary: BoundaryPolicy::Widen,
        ..ExportOptions::default()
    };
    let mut report = Report::default();
    let seen = read(&to_bytes(&[ann], &options, &mut report).expect("bytes"));
    assert_eq!(seen[0].group, [(4, 9, string_id("PERSON")), (10, 16, 384)]);
    assert_eq!(report.counts(), (1, 0, 0), "{report}");
}

#[test]
fn several_spaces_tabs_and_line_breaks_survive_in_doc_text() {
    let ann = annotation("  [أ|PERSON]  \tب\r\n\r\nج ");
    let mut report = Report::default();
    let seen = read(
        &to_bytes(
            std::slice::from_ref(&ann),
            &ExportOptions::default(),
            &mut report,
        )
        .unwrap(),
    );
    assert_eq!(seen[0].text, ann.document().text());
    assert_eq!(seen[0].group, [(2, 3, string_id("PERSON"))]);
    assert_eq!(seen[0].starts[seen[0].ents[0].0], 2);
}

fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "روسيا",
        "ل",
        "بوتين",
        "\u{064e}",
        "\u{0651}",
        "ـ",
        "😀",
        "👩‍👩‍👧",
        " ",
        "  ",
        "\r\n",
        "\n",
        ".",
        "،",
        "abc",
        "12.5",
        "%",
        "\t",
    ]);
    prop::collection::vec(pieces, 1..30).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Qalam → DocBin → what spaCy reads: the same text and (split policy) the same spans, at
    /// the same code-point offsets, except spans the report names.
    #[test]
    fn offsets_round_trip_through_the_docbin(
        text in text_strategy(),
        raw in prop::collection::vec((0usize..200, 1usize..12), 0..6),
    ) {
        let len = text.chars().count();
        let spans: Vec<(usize, usize, &str)> = raw
            .iter()
            .map(|&(s, l)| (s % len, (s % len + l).min(len), "PERSON"))
            .filter(|(s, e, _)| s < e)
            .collect();
        let ann = Annotation::with_spans_unchecked(Document::new("p", text.clone()), &spans);
        let mut report = Report::default();
        let seen = read(&to_bytes(std::slice::from_ref(&ann), &ExportOptions::default(), &mut report).unwrap());
        prop_assert_eq!(&seen[0].text, &text);
        // Under the split policy a span changes only when its edges are whitespace (trimmed)
        // or it is only whitespace (dropped), and then the report says so, with its new bounds.
        let mut want = Vec::new();
        // Each entry speaks for one span (two spans may share a range).
        let mut used = vec![false; report.entries.len()];
        for span in ann.spans() {
            let entry = report.entries.iter().enumerate().find(|(i, e)| {
                !used[*i] &&
                e.action != Action::Noted
                    && e.span.as_ref().is_some_and(|s| (s.start, s.end) == (span.start, span.end))
            });
            if let Some((i, _)) = entry {
                used[i] = true;
            }
            match entry.map(|(_, e)| &e.action) {
                None => want.push((span.start, span.end, string_id("PERSON"))),
                Some(Action::Changed { start, end }) => want.push((*start, *end, string_id("PERSON"))),
                Some(_) => {}
            }
        }
        want.sort();
        let mut got = seen[0].group.clone();
        got.sort();
        prop_assert_eq!(got, want);
    }
}

/// Exports `annotations` to a `.spacy` file and imports it back.
fn round_trip(annotations: &[Annotation]) -> (Vec<Annotation>, Report) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.spacy");
    let mut report = Report::default();
    std::fs::write(
        &path,
        to_bytes(annotations, &ExportOptions::default(), &mut report).unwrap(),
    )
    .unwrap();
    let imported = qalam_core::interchange::import(
        qalam_core::interchange::Format::Spacy,
        &path,
        &qalam_core::interchange::ImportOptions {
            labels: Some(qalam_core::model::LabelSet::default()),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(imported.report.is_empty(), "{}", imported.report);
    (imported.documents, report)
}

#[test]
fn import_gives_back_text_spans_and_labels() {
    let first =
        annotation("زار [وزير خارجية [روسيا|COUNTRY]|PERSON] ل[كوريا|COUNTRY].\r\n  😀 [ثم|EVENT]");
    let second = annotation("[بوتين|PERSON]");
    let (back, _) = round_trip(&[first.clone(), second.clone()]);
    assert_eq!(back.len(), 2);
    for (original, back) in [first, second].iter().zip(&back) {
        assert_eq!(back.document().text(), original.document().text());
        let spans = |a: &Annotation| -> Vec<(usize, usize, String)> {
            a.spans()
                .iter()
                .map(|s| (s.start, s.end, s.label.clone()))
                .collect()
        };
        assert_eq!(spans(back), spans(original));
    }
    assert_eq!(back[0].document().id, "corpus-1");
}

#[test]
fn a_file_that_is_not_a_docbin_is_malformed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.spacy");
    std::fs::write(&path, b"not zlib").unwrap();
    let result = qalam_core::interchange::import(
        qalam_core::interchange::Format::Spacy,
        &path,
        &Default::default(),
    );
    assert!(
        matches!(
            result,
            Err(qalam_core::interchange::InterchangeError::Malformed { .. })
        ),
        "{result:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Import never panics on damaged files: random bytes, and real DocBins with bytes flipped
    /// (compressed again, so that the MessagePack itself is damaged).
    #[test]
    fn damaged_docbins_are_errors_or_reports_never_panics(
        flips in prop::collection::vec((0usize..4096, any::<u8>()), 1..6),
        garbage in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        use std::io::Write;
        let ann = annotation("زار [وزير خارجية [روسيا|COUNTRY]|PERSON] ل[كوريا|COUNTRY]");
        let bytes = to_bytes(&[ann], &ExportOptions::default(), &mut Report::default()).unwrap();
        let mut raw = Vec::new();
        flate2::read::ZlibDecoder::new(bytes.as_slice()).read_to_end(&mut raw).unwrap();
        for (at, value) in &flips {
            let at = at % raw.len();
            raw[at] = *value;
        }
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(&raw).unwrap();
        let dir = tempfile::tempdir().unwrap();
        for (name, content) in [("flipped.spacy", encoder.finish().unwrap()), ("garbage.spacy", garbage.clone())] {
            let path = dir.path().join(name);
            std::fs::write(&path, content).unwrap();
            let _ = qalam_core::interchange::import(
                qalam_core::interchange::Format::Spacy,
                &path,
                &Default::default(),
            );
        }
    }
}

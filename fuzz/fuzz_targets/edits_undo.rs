//! Random edit sequences: every edit either applies or fails leaving the annotation unchanged;
//! undoing every step returns exactly the start state, and redoing them all the end state.
#![no_main]

use chrono::Duration;
use libfuzzer_sys::fuzz_target;
use qalam_core::model::history::History;
use qalam_core::model::notation::Case;
use qalam_core::model::{Annotation, DocStatus, Edit, Label, Rgb, SpanId};
use qalam_fuzz::now;

/// Reads the edit list from the fuzzer's bytes.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn next(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    fn small(&mut self, limit: usize) -> usize {
        self.next().map_or(0, |b| usize::from(b) % limit.max(1))
    }
}

const NAMES: [&str; 6] = ["PERSON", "COUNTRY", "ORGANIZATION", "EVENT", "X", ""];

fn label(bytes: &mut Bytes<'_>) -> Label {
    let name = NAMES[bytes.small(NAMES.len())];
    let hotkey = match bytes.small(4) {
        0 => None,
        1 => Some('P'),
        2 => Some('x'),
        _ => Some('1'),
    };
    Label::new(name, Rgb([bytes.small(256) as u8, 0x40, 0x80]), hotkey)
}

fn edit(bytes: &mut Bytes<'_>, ann: &Annotation, depth: usize) -> Option<Edit> {
    let len = ann.document().char_len() + 2;
    let id = |bytes: &mut Bytes<'_>| SpanId(bytes.small(ann.next_span_id().0 as usize + 2) as u64);
    let labels = ann.labels().labels.len() + 2;
    Some(match bytes.next()? % 12 {
        0 => {
            let (start, end) = (bytes.small(len), bytes.small(len));
            let name = NAMES[bytes.small(NAMES.len())];
            Edit::AddSpan(ann.new_span_at(start, end, name, now()))
        }
        1 => Edit::RemoveSpan(id(bytes)),
        2 => Edit::Relabel {
            id: id(bytes),
            label: NAMES[bytes.small(NAMES.len())].to_owned(),
        },
        3 => Edit::SetBounds {
            id: id(bytes),
            start: bytes.small(len),
            end: bytes.small(len),
        },
        4 => Edit::SetNote {
            id: id(bytes),
            note: (bytes.small(2) == 1).then(|| "ملاحظة".to_owned()),
        },
        5 => Edit::SetStatus(
            [
                DocStatus::Todo,
                DocStatus::InProgress,
                DocStatus::Done,
                DocStatus::Reviewed,
            ][bytes.small(4)],
        ),
        6 => Edit::AddLabel {
            index: bytes.small(labels),
            label: label(bytes),
        },
        7 => Edit::RemoveLabel {
            index: bytes.small(labels),
        },
        8 => Edit::UpdateLabel {
            index: bytes.small(labels),
            label: label(bytes),
        },
        9 => Edit::MoveLabel {
            from: bytes.small(labels),
            to: bytes.small(labels),
        },
        10 => Edit::SetAllowOverlaps(bytes.small(2) == 1),
        _ if depth < 3 => {
            let count = bytes.small(4);
            let mut edits = Vec::new();
            for _ in 0..count {
                edits.push(edit(bytes, ann, depth + 1)?);
            }
            Edit::Group(edits)
        }
        _ => return None,
    })
}

fuzz_target!(|data: &[u8]| {
    let start =
        Case::parse("زار [بوتين|PERSON] ل[روسيا|COUNTRY] ثم [التقى [كيم|PERSON] جونغ|EVENT]")
            .expect("the start state")
            .annotation();
    let mut ann = start.clone();
    let mut history = History::new();
    let mut bytes = Bytes(data);
    let mut step = 0i64;
    while let Some(edit) = edit(&mut bytes, &ann, 0) {
        step += 1;
        let before = ann.clone();
        if history
            .apply_at(&mut ann, edit, now() + Duration::seconds(step))
            .is_err()
        {
            assert_eq!(ann, before, "a refused edit changed the annotation");
        }
    }
    let end = ann.clone();
    while history.undo(&mut ann) {}
    assert_eq!(
        ann, start,
        "undoing every step does not give the start state"
    );
    while history.redo(&mut ann) {}
    assert_eq!(ann, end, "redoing every step does not give the end state");
});

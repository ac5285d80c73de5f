//! Prodigy JSONL: golden exports of a clitic (split and widen), import with every problem
//! reported by line, the round trip of the sample (notes, metadata, annotator) and a property
//! round trip on random text, with the tokens checked the way Prodigy (Python) reads them.

use proptest::prelude::*;
use qalam_core::interchange::{Action, BoundaryPolicy, ExportOptions, Format, Report};
use qalam_core::model::Annotation;
use serde_json::Value;

use super::{annotation, arb_annotation, assert_golden, essence, export, fixture, import, sample};

/// `زار [بوتين|PERSON] ل[روسيا|COUNTRY]` followed by a line break and a word.
fn clitic() -> Annotation {
    annotation(
        "summit",
        "زار بوتين لروسيا\nأمس",
        &[
            (4, 9, "PERSON", None, None),
            (11, 16, "COUNTRY", None, None),
        ],
    )
}

fn lines(path: &std::path::Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// Checks one exported task as Prodigy (Python) reads it: the tokens joined with their `ws`
/// are the text, each token's offsets cut its text, and each span's offsets cut exactly its
/// tokens joined, `token_end` inclusive. Returns the spans as `(start, end, label)`.
fn check_task(task: &Value) -> Vec<(usize, usize, String)> {
    let text: Vec<char> = task["text"].as_str().unwrap().chars().collect();
    let cut = |start: usize, end: usize| text[start..end].iter().collect::<String>();
    let tokens = task["tokens"].as_array().unwrap();
    let mut joined = String::new();
    for (n, token) in tokens.iter().enumerate() {
        let (start, end) = (
            token["start"].as_u64().unwrap() as usize,
            token["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(token["id"], n);
        assert_eq!(token["text"].as_str().unwrap(), cut(start, end));
        assert_eq!(
            joined.chars().count(),
            start,
            "token {n} starts where the last ended"
        );
        joined.push_str(token["text"].as_str().unwrap());
        if token["ws"].as_bool().unwrap() {
            joined.push(' ');
        }
    }
    assert_eq!(
        joined,
        cut(0, text.len()),
        "tokens joined with ws are the text"
    );
    assert_eq!(task["answer"], "accept");
    task["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|span| {
            let (start, end) = (
                span["start"].as_u64().unwrap() as usize,
                span["end"].as_u64().unwrap() as usize,
            );
            let first = span["token_start"].as_u64().unwrap() as usize;
            let last = span["token_end"].as_u64().unwrap() as usize;
            assert!(first <= last);
            let mut covered = String::new();
            for token in &tokens[first..=last] {
                covered.push_str(token["text"].as_str().unwrap());
                if token["ws"].as_bool().unwrap() && token["id"] != last {
                    covered.push(' ');
                }
            }
            assert_eq!(cut(start, end), covered, "span {span}");
            (start, end, span["label"].as_str().unwrap().to_owned())
        })
        .collect()
}

#[test]
fn prodigy_export_of_a_clitic_matches_the_golden_files_split_and_widen() {
    let (_dir, out, report) = export(Format::Prodigy, &[clitic()], &ExportOptions::default());
    assert!(report.is_empty(), "{report}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert_golden("prodigy/summit-split.jsonl", &text);
    let task = &lines(&out)[0];
    let words: Vec<&str> = task["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["text"].as_str().unwrap())
        .collect();
    assert_eq!(words, ["زار", "بوتين", "ل", "روسيا", "\n", "أمس"]);
    assert_eq!(
        check_task(task),
        [(4, 9, "PERSON".to_owned()), (11, 16, "GPE".to_owned())]
    );
    assert_eq!(task["meta"]["id"], "summit");

    let widen = ExportOptions {
        boundary: BoundaryPolicy::Widen,
        ..ExportOptions::default()
    };
    let (_dir, out, report) = export(Format::Prodigy, &[clitic()], &widen);
    assert_golden(
        "prodigy/summit-widen.jsonl",
        &std::fs::read_to_string(&out).unwrap(),
    );
    assert_eq!(
        check_task(&lines(&out)[0]),
        [(4, 9, "PERSON".to_owned()), (10, 16, "GPE".to_owned())]
    );
    assert_eq!(report.entries.len(), 1, "{report}");
    assert_eq!(
        report.entries[0].action,
        Action::Changed { start: 10, end: 16 }
    );
    assert_eq!(report.entries[0].span.as_ref().unwrap().text, "روسيا");
}

#[test]
fn prodigy_notes_overlapping_spans_and_writes_them_all() {
    let nested = annotation(
        "n",
        "وزير خارجية روسيا",
        &[
            (0, 17, "PERSON", None, None),
            (12, 17, "COUNTRY", None, None),
        ],
    );
    let (_dir, out, report) = export(Format::Prodigy, &[nested], &ExportOptions::default());
    assert_eq!(check_task(&lines(&out)[0]).len(), 2);
    assert_eq!(report.counts(), (0, 0, 1), "{report}");
    assert_eq!(report.entries[0].span.as_ref().unwrap().text, "روسيا");
}

#[test]
fn prodigy_round_trips_the_sample_with_notes_metadata_and_annotator() {
    let (_dir, out, report) = export(Format::Prodigy, &[sample()], &ExportOptions::default());
    assert!(report.is_empty(), "{report}");
    let task = &lines(&out)[0];
    check_task(task);
    assert_eq!(task["spans"][0]["note"], "الرئيس");
    let imported = import(Format::Prodigy, &out);
    assert!(imported.report.is_empty(), "{}", imported.report);
    assert_eq!(imported.documents.len(), 1);
    assert_eq!(essence(&imported.documents[0]), essence(&sample()));
    assert_eq!(imported.documents[0].document().id, "summit");

    let mut parts = sample().into_parts();
    parts.annotator = Some("news-sara".into());
    parts.document.title = "قمة".into();
    parts.document.source = Some("wire".into());
    parts
        .document
        .metadata
        .insert("_input_hash".into(), (-42).into());
    parts.document.metadata.insert("batch".into(), "b7".into());
    let original = Annotation::from_parts(parts).unwrap();
    let (_dir, out, report) = export(
        Format::Prodigy,
        std::slice::from_ref(&original),
        &ExportOptions::default(),
    );
    assert!(report.is_empty(), "{report}");
    let task = &lines(&out)[0];
    assert_eq!(task["_input_hash"], -42, "underscore keys at the top level");
    assert_eq!(task["_annotator_id"], "news-sara");
    assert_eq!(task["meta"]["batch"], "b7");
    assert_eq!(task["meta"]["title"], "قمة");
    let back = &import(Format::Prodigy, &out).documents[0];
    assert_eq!(essence(back), essence(&original));
    assert_eq!(back.annotator(), Some("news-sara"));
    assert_eq!(back.document().title, "قمة");
    assert_eq!(back.document().source.as_deref(), Some("wire"));
    assert_eq!(back.document().metadata, original.document().metadata);
}

#[test]
fn prodigy_import_reports_every_problem_with_its_line() {
    let imported = import(Format::Prodigy, &fixture("prodigy/problems.jsonl"));
    let ids: Vec<_> = imported
        .documents
        .iter()
        .map(|d| d.document().id.clone())
        .collect();
    assert_eq!(
        ids,
        [
            "t1",
            "problems-6",
            "problems-7",
            "problems-9",
            "problems-10"
        ]
    );
    let spans = |n: usize| -> Vec<(String, String)> {
        let doc = &imported.documents[n];
        doc.spans()
            .iter()
            .map(|s| (doc.span_text(s).to_owned(), s.label.clone()))
            .collect()
    };
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        spans(0),
        pairs(&[("زار", "MISC"), ("بوتين", "PERSON"), ("روسيا", "COUNTRY")]),
        "GPE maps back to COUNTRY; the offsets win over the tokens and the span text"
    );
    let first = imported.documents[0].document();
    assert_eq!(first.source.as_deref(), Some("wire"));
    assert_eq!(first.metadata["_input_hash"], -123);
    assert_eq!(imported.documents[0].annotator(), Some("news-ali"));
    assert_eq!(spans(1), pairs(&[("موسكو", "COUNTRY")]));
    assert!(spans(2).is_empty(), "no offsets and no tokens: dropped");
    assert_eq!(
        spans(3),
        pairs(&[("بوتين", "PERSON")]),
        "bad tokens ignored"
    );
    assert_eq!(
        spans(4),
        pairs(&[("بوتين", "PERSON")]),
        "placed by its tokens"
    );

    let entries: Vec<(usize, &Action, &str)> = imported
        .report
        .entries
        .iter()
        .map(|e| {
            (
                e.location.as_ref().unwrap().line,
                &e.action,
                e.reason.as_str(),
            )
        })
        .collect();
    let has = |line: usize, action: Action, start: &str| {
        entries
            .iter()
            .any(|(l, a, r)| *l == line && **a == action && r.starts_with(start))
    };
    assert!(
        has(
            1,
            Action::Noted,
            "token_start 2 / token_end 2 cover [10, 16) «لروسيا»"
        ),
        "{entries:?}"
    );
    assert!(has(1, Action::Noted, "text mismatch: the file says «زور»"));
    assert!(has(1, Action::Noted, "unknown tag «MISC»"));
    assert!(has(2, Action::Dropped, "answer «reject»"));
    assert!(has(3, Action::Dropped, "answer «ignore»"));
    assert!(has(4, Action::Dropped, "the line is not JSON"));
    assert!(has(5, Action::Dropped, "no \"text\" string"));
    assert!(has(6, Action::Dropped, "out of range"));
    assert!(has(6, Action::Dropped, "bad offsets \"4\", 9"));
    assert!(has(
        6,
        Action::Dropped,
        "span {\"end\":9,\"start\":4} has no label"
    ));
    assert!(has(7, Action::Dropped, "no \"start\"/\"end\" offsets"));
    assert!(has(8, Action::Dropped, "the line is not a JSON object"));
    assert!(has(9, Action::Noted, "token 0 is «زور»"));
    assert_eq!(entries.len(), 13, "nothing else: {entries:?}");
    let line = imported.report.entries[3].to_string();
    assert!(
        line.ends_with("problems.jsonl:2: problems-2: dropped: answer «reject»: task skipped"),
        "{line}"
    );
}

/// The spans of `original` as an export with the split policy writes them: unchanged except
/// those the report names (trimmed to their new bounds, or dropped).
fn expected_after(
    original: &Annotation,
    report: &Report,
) -> Vec<(usize, usize, String, Option<String>)> {
    let mut used = vec![false; report.entries.len()];
    let mut want = Vec::new();
    for span in original.spans() {
        let found = report.entries.iter().enumerate().position(|(n, entry)| {
            !used[n]
                && entry.action != Action::Noted
                && entry.span.as_ref().is_some_and(|s| {
                    (s.start, s.end, s.label.as_str())
                        == (span.start, span.end, span.label.as_str())
                })
        });
        let bounds = match found {
            None => Some((span.start, span.end)),
            Some(n) => {
                used[n] = true;
                match report.entries[n].action {
                    Action::Changed { start, end } => Some((start, end)),
                    _ => None,
                }
            }
        };
        if let Some((start, end)) = bounds {
            want.push((start, end, span.label.clone(), span.note.clone()));
        }
    }
    want.sort();
    want
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn prodigy_round_trips_text_and_spans(original in arb_annotation()) {
        let (_dir, out, report) = export(Format::Prodigy, std::slice::from_ref(&original), &ExportOptions::default());
        // Under the split policy only spans with whitespace at an edge (trimmed) or of only
        // whitespace (dropped) change, and the report names each.
        prop_assert!(report.entries.iter().all(|e| !matches!(e.action, Action::Changed { .. }) || e.reason.contains("trimmed")), "{}", report);
        check_task(&lines(&out)[0]);
        let imported = import(Format::Prodigy, &out);
        prop_assert!(imported.report.is_empty(), "{}", imported.report);
        prop_assert_eq!(imported.documents.len(), 1);
        let back = &imported.documents[0];
        prop_assert_eq!(back.document().text(), original.document().text());
        let mut seen = essence(back).1;
        seen.sort();
        prop_assert_eq!(seen, expected_after(&original, &report));
        prop_assert_eq!(&back.document().id, "random");
    }
}

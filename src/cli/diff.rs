//! `qalam diff A B [C...]`: where annotation files of the same text disagree. Every span is in
//! one group (core [`qalam_core::compare::merge`]): spans all files agree on, label
//! disagreements (same range), boundary disagreements (overlapping, not the same range) and
//! spans only some files have. Tables, or one JSON object with `--json`.
//!
//! Exit codes: 0 the files agree on every span, 1 they disagree somewhere, 2 usage, a file that
//! cannot be read, or files of different texts.

use std::io::Write;
use std::path::PathBuf;

use qalam_core::compare::{Group, GroupKind, merge};
use qalam_core::io::load_path;
use qalam_core::model::{Annotation, Span};
use serde_json::{Value, json};

use super::table::{Align, render};
use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE};

/// Prints the groups of `paths` (two or more files of one text) to `out`, errors on `err`.
pub fn diff(paths: &[PathBuf], as_json: bool, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        match load_path(path) {
            Ok(loaded) => files.push((path.display().to_string(), loaded.annotation)),
            Err(error) => {
                let _ = writeln!(err, "qalam: {error}");
                return EXIT_USAGE;
            }
        }
    }
    if files.len() < 2 {
        let _ = writeln!(err, "qalam: diff needs two or more files");
        return EXIT_USAGE;
    }
    let first_text = files[0].1.document().text();
    if let Some((path, _)) = files
        .iter()
        .find(|(_, a)| a.document().text() != first_text)
    {
        let _ = writeln!(
            err,
            "qalam: {path} and {} annotate different texts: nothing to compare",
            files[0].0
        );
        return EXIT_USAGE;
    }
    let lists: Vec<&[Span]> = files.iter().map(|(_, a)| a.spans()).collect();
    let groups = merge(&lists);
    let written = if as_json {
        writeln!(out, "{:#}", diff_json(&files, &groups))
    } else {
        out.write_all(diff_text(&files, &groups).as_bytes())
    };
    if written.is_err() {
        return EXIT_USAGE;
    }
    if groups.iter().all(|g| g.kind() == GroupKind::Agree) {
        EXIT_OK
    } else {
        EXIT_PROBLEMS
    }
}

/// `A`, `B`, … `Z`, then `F27`, … for the files in order.
fn letter(index: usize) -> String {
    match u8::try_from(index) {
        Ok(i) if i < 26 => char::from(b'A' + i).to_string(),
        _ => format!("F{}", index + 1),
    }
}

/// The annotator of a file, if it names one.
fn annotator(annotation: &Annotation) -> Option<&str> {
    annotation.annotator()
}

/// How a group is shown: `agree`, `label`, `boundary`, `only A`, `only A, C`.
fn kind_text(group: &Group) -> String {
    match group.kind() {
        GroupKind::Partial => {
            let who: Vec<String> = group
                .variants
                .iter()
                .enumerate()
                .filter(|(_, v)| v.is_some())
                .map(|(k, _)| letter(k))
                .collect();
            format!("only {}", who.join(", "))
        }
        kind => kind.name().to_owned(),
    }
}

/// Counts per kind, partial groups by who has them.
fn summary_line(files: &[(String, Annotation)], groups: &[Group]) -> String {
    let count = |kind| groups.iter().filter(|g| g.kind() == kind).count();
    let mut parts = vec![
        format!("{} agree", count(GroupKind::Agree)),
        format!("{} label", count(GroupKind::Label)),
        format!("{} boundary", count(GroupKind::Boundary)),
    ];
    if files.len() == 2 {
        for (k, side) in ["only A", "only B"].iter().enumerate() {
            let only = groups
                .iter()
                .filter(|g| g.kind() == GroupKind::Partial && g.variants[k].is_some())
                .count();
            parts.push(format!("{only} {}", side.replace("only", "only in")));
        }
    } else {
        parts.push(format!("{} only in some", count(GroupKind::Partial)));
    }
    parts.join(", ")
}

/// The groups as tables.
fn diff_text(files: &[(String, Annotation)], groups: &[Group]) -> String {
    let mut text = String::new();
    for (k, (path, annotation)) in files.iter().enumerate() {
        let who = annotator(annotation)
            .map(|a| format!(" ({a})"))
            .unwrap_or_default();
        text.push_str(&format!(
            "{}: {path}{who}, {} spans\n",
            letter(k),
            annotation.spans().len()
        ));
    }
    text.push_str(&format!("{}\n", summary_line(files, groups)));
    if groups.is_empty() {
        return text;
    }
    text.push('\n');
    let letters: Vec<String> = (0..files.len()).map(letter).collect();
    let mut header: Vec<(&str, Align)> = vec![("kind", Align::Left)];
    header.extend(letters.iter().map(|l| (l.as_str(), Align::Left)));
    let rows: Vec<Vec<String>> = groups
        .iter()
        .map(|group| {
            let mut row = vec![kind_text(group)];
            for ((_, annotation), variant) in files.iter().zip(&group.variants) {
                row.push(match variant {
                    Some(v) => {
                        let span = &annotation.spans()[v.span];
                        format!(
                            "[{}, {}) {} «{}»",
                            v.start,
                            v.end,
                            v.label,
                            annotation.span_text(span)
                        )
                    }
                    None => "—".to_owned(),
                });
            }
            row
        })
        .collect();
    text.push_str(&render(&header, &rows));
    text
}

/// The groups as one JSON object.
fn diff_json(files: &[(String, Annotation)], groups: &[Group]) -> Value {
    let count = |kind| groups.iter().filter(|g| g.kind() == kind).count();
    json!({
        "files": files.iter().enumerate().map(|(k, (path, annotation))| json!({
            "name": letter(k),
            "path": path,
            "annotator": annotator(annotation),
            "spans": annotation.spans().len(),
        })).collect::<Vec<_>>(),
        "summary": {
            "groups": groups.len(),
            "agree": count(GroupKind::Agree),
            "label": count(GroupKind::Label),
            "boundary": count(GroupKind::Boundary),
            "partial": count(GroupKind::Partial),
        },
        "groups": groups.iter().map(|group| json!({
            "kind": group.kind().name(),
            "start": group.start,
            "end": group.end,
            "variants": files.iter().zip(&group.variants).map(|((_, annotation), variant)| {
                variant.as_ref().map(|v| {
                    let span = &annotation.spans()[v.span];
                    json!({
                        "id": span.id.0,
                        "start": v.start,
                        "end": v.end,
                        "label": v.label,
                        "text": annotation.span_text(span),
                    })
                })
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

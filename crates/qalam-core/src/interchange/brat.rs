//! brat standoff: a folder with `NAME.txt` (the text, UTF-8) and `NAME.ann` per document,
//! offsets in code points of the `.txt` as stored, so `\r\n` counts as two.
//!
//! Export writes `T<span id>\tTAG START END\tTEXT` per span (tabs and line breaks in TEXT as
//! spaces, whitespace in TAG as `_`, each such change reported), a span note as
//! `#N\tAnnotatorNotes T<id>\tNOTE`, and an `annotation.conf` listing the entity types. Files
//! go to a temporary folder beside the output (an [`io::atomic::TempFolder`](crate::io::atomic::TempFolder):
//! a killed export's leftover is removed by the next brat export there) and are moved into it by
//! `finish`.
//!
//! Import walks the folder recursively for `.ann` files with a `.txt` beside them.
//! Discontinuous spans (`0 5;16 23`) are kept as the covering span and reported as changed;
//! relations `R`, events `E`, attributes `A`/`M` and normalisations `N` are reported as
//! dropped; `AnnotatorNotes` become span notes; the text column must match the `.txt` at the
//! offsets (compared with line breaks and tabs as spaces), else the span is kept at its offsets
//! and the mismatch reported.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use super::standoff::{
    DraftDoc, DraftSpan, TagMap, build, import_entry, range_problem, read_text, span_ref,
    trailing_number,
};
use super::{
    Action, Entry, ExportOptions, Exporter, ImportOptions, Imported, InterchangeError, Location,
    Report,
};
use crate::io::atomic::{LOCK_FILE_NAME, TempFolder};
use crate::model::Annotation;

/// A brat exporter writing into the folder `out` (created if missing).
pub fn exporter(
    out: &Path,
    options: &ExportOptions,
) -> Result<Box<dyn Exporter>, InterchangeError> {
    let parent = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let temp = TempFolder::create_in(parent, ".qalam-brat-")
        .map_err(|error| InterchangeError::io(parent, error))?;
    Ok(Box::new(BratExporter {
        out: out.to_owned(),
        temp,
        options: options.clone(),
        names: BTreeSet::new(),
        tags: BTreeSet::new(),
    }))
}

struct BratExporter {
    out: PathBuf,
    temp: TempFolder,
    options: ExportOptions,
    names: BTreeSet<String>,
    tags: BTreeSet<String>,
}

/// `text` with tabs and line breaks as spaces (what the `.ann` text column can hold).
fn one_line(text: &str) -> String {
    text.replace(['\t', '\r', '\n'], " ")
}

/// The `.ann` content of one document; changes (tags, texts) go to `report`.
pub fn ann_text(annotation: &Annotation, options: &ExportOptions, report: &mut Report) -> String {
    let document = &annotation.document().id;
    let mut out = String::new();
    let mut notes = 0;
    for span in annotation.spans() {
        let text = annotation.span_text(span);
        let raw_tag = options.tag_for(annotation.labels(), &span.label);
        let tag: String = raw_tag
            .chars()
            .map(|c| if c.is_whitespace() { '_' } else { c })
            .collect();
        let noted = |reason: String| Entry {
            document: document.clone(),
            location: None,
            span: Some(span_ref(span.start, span.end, text, &span.label)),
            action: Action::Noted,
            reason,
        };
        if tag != raw_tag {
            report.push(noted(format!(
                "tag «{raw_tag}» written as «{tag}» (brat types have no spaces)"
            )));
        }
        out.push_str(&format!(
            "T{}\t{tag} {} {}\t{}\n",
            span.id.0,
            span.start,
            span.end,
            one_line(text)
        ));
        if let Some(note) = &span.note {
            notes += 1;
            let line = one_line(note);
            if line != *note {
                report.push(noted(
                    "note written on one line (tabs and line breaks as spaces)".into(),
                ));
            }
            out.push_str(&format!(
                "#{notes}\tAnnotatorNotes T{}\t{line}\n",
                span.id.0
            ));
        }
    }
    out
}

impl BratExporter {
    fn file_name(&mut self, id: &str) -> String {
        let cleaned: String = id
            .chars()
            .map(|c| match c {
                '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
                c if c.is_control() => '_',
                c => c,
            })
            .collect();
        let stem = match cleaned.trim().trim_start_matches('.') {
            "" => "document".to_owned(),
            stem => stem.to_owned(),
        };
        let mut name = stem.clone();
        let mut number = 1;
        while !self.names.insert(name.clone()) || name == "annotation" {
            number += 1;
            name = format!("{stem} ({number})");
        }
        name
    }

    fn write_file(&self, name: &str, content: &str) -> Result<(), InterchangeError> {
        let path = self.temp.path().join(name);
        std::fs::write(&path, content).map_err(|error| InterchangeError::io(&path, error))
    }
}

impl Exporter for BratExporter {
    fn write(
        &mut self,
        annotation: &Annotation,
        report: &mut Report,
    ) -> Result<(), InterchangeError> {
        let name = self.file_name(&annotation.document().id);
        for span in annotation.spans() {
            self.tags.insert(
                self.options
                    .tag_for(annotation.labels(), &span.label)
                    .replace(char::is_whitespace, "_"),
            );
        }
        self.write_file(&format!("{name}.txt"), annotation.document().text())?;
        self.write_file(
            &format!("{name}.ann"),
            &ann_text(annotation, &self.options, report),
        )
    }

    fn finish(self: Box<Self>, _report: &mut Report) -> Result<(), InterchangeError> {
        let mut conf = String::from("[entities]\n");
        for tag in &self.tags {
            conf.push_str(tag);
            conf.push('\n');
        }
        conf.push_str("\n[relations]\n\n[events]\n\n[attributes]\n");
        self.write_file("annotation.conf", &conf)?;
        std::fs::create_dir_all(&self.out)
            .map_err(|error| InterchangeError::io(&self.out, error))?;
        let entries = std::fs::read_dir(self.temp.path())
            .map_err(|error| InterchangeError::io(self.temp.path(), error))?;
        for entry in entries {
            let entry = entry.map_err(|error| InterchangeError::io(self.temp.path(), error))?;
            if entry.file_name() == LOCK_FILE_NAME {
                continue;
            }
            let target = self.out.join(entry.file_name());
            std::fs::rename(entry.path(), &target)
                .map_err(|error| InterchangeError::io(&target, error))?;
        }
        Ok(())
    }
}

/// Imports a brat folder (recursively) or a single `.ann` file (with its `.txt`).
pub fn import(path: &Path, options: &ImportOptions) -> Result<Imported, InterchangeError> {
    let mut files = Vec::new();
    if path.is_dir() {
        super::batch::walk(path, &mut files, &|file| {
            file.extension().is_some_and(|extension| extension == "ann")
        })?;
        files.sort();
    } else {
        files.push(path.with_extension("ann"));
    }
    let mut tags = TagMap::new(options);
    let mut report = Report::default();
    let mut drafts = Vec::new();
    for ann in &files {
        let txt = ann.with_extension("txt");
        let text = read_text(&txt)?;
        let standoff = read_text(ann)?;
        let id = ann
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        drafts.push(read_ann(&id, text, &standoff, ann, &mut tags, &mut report));
    }
    let labels = tags.into_labels();
    let documents = build(drafts, &labels, chrono::Utc::now(), path)?;
    Ok(Imported { documents, report })
}

/// One document from its text and `.ann` content (`ann` names the file in the report).
pub fn read_ann(
    id: &str,
    text: String,
    standoff: &str,
    ann: &Path,
    tags: &mut TagMap,
    report: &mut Report,
) -> DraftDoc {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<DraftSpan> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut notes: Vec<(String, String, Location)> = Vec::new();
    for (index, line) in standoff.lines().enumerate() {
        let at = Location {
            file: ann.to_owned(),
            line: index + 1,
        };
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let mut columns = line.splitn(3, '\t');
        let key = columns.next().unwrap_or_default();
        let body = columns.next().unwrap_or_default();
        let claimed = columns.next();
        let drop = |reason: String| import_entry(id, &at, None, Action::Dropped, reason);
        match key.chars().next() {
            Some('T') => {
                let Some((tag, ranges)) = body.split_once(' ') else {
                    report.push(drop(format!("text-bound line without offsets: {line}")));
                    continue;
                };
                let fragments: Option<Vec<(usize, usize)>> = ranges
                    .split(';')
                    .map(|range| {
                        let (start, end) = range.trim().split_once(' ')?;
                        Some((start.parse().ok()?, end.parse().ok()?))
                    })
                    .collect();
                let Some(fragments) = fragments.filter(|f| !f.is_empty()) else {
                    report.push(drop(format!("bad offsets «{ranges}»")));
                    continue;
                };
                let start = fragments.iter().map(|f| f.0).min().unwrap_or_default();
                let end = fragments.iter().map(|f| f.1).max().unwrap_or_default();
                let claimed_text = claimed.unwrap_or_default();
                if let Some(problem) = fragments
                    .iter()
                    .find_map(|&(s, e)| range_problem(s, e, chars.len()))
                {
                    report.push(import_entry(
                        id,
                        &at,
                        Some(span_ref(start, end, claimed_text, tag)),
                        Action::Dropped,
                        problem,
                    ));
                    continue;
                }
                let covered: String = chars[start..end].iter().collect();
                if fragments.len() > 1 {
                    let (first_start, first_end) = fragments[0];
                    report.push(import_entry(
                        id,
                        &at,
                        Some(span_ref(first_start, first_end, claimed_text, tag)),
                        Action::Changed { start, end },
                        format!("discontinuous span «{ranges}» kept as the covering span"),
                    ));
                } else if claimed.is_some() && one_line(&covered) != one_line(claimed_text) {
                    report.push(import_entry(
                        id,
                        &at,
                        Some(span_ref(start, end, &covered, tag)),
                        Action::Noted,
                        format!(
                            "text mismatch: the .ann says «{claimed_text}»; kept at the offsets"
                        ),
                    ));
                }
                let label = tags.label_for(tag, id, &at, report);
                by_id.insert(key.to_owned(), spans.len());
                spans.push(DraftSpan {
                    id: trailing_number(key),
                    start,
                    end,
                    label,
                    note: None,
                    annotator: None,
                });
            }
            Some('#') => {
                let target = body.split(' ').nth(1).unwrap_or_default().to_owned();
                notes.push((target, claimed.unwrap_or_default().to_owned(), at.clone()));
            }
            Some(kind @ ('R' | 'E' | 'A' | 'M' | 'N' | '*')) => {
                let what = match kind {
                    'R' | '*' => "relation",
                    'E' => "event",
                    'N' => "normalisation",
                    _ => "attribute",
                };
                report.push(drop(format!(
                    "{what} {key} not imported: Qalam has no {what}s"
                )));
            }
            _ => report.push(drop(format!("unknown annotation line: {line}"))),
        }
    }
    for (target, note, at) in notes {
        match by_id.get(&target) {
            Some(&index) => {
                let span = &mut spans[index];
                span.note = Some(match span.note.take() {
                    Some(old) => format!("{old}\n{note}"),
                    None => note,
                });
            }
            None => report.push(import_entry(
                id,
                &at,
                None,
                Action::Dropped,
                format!("note on «{target}», which is not a text-bound annotation"),
            )),
        }
    }
    DraftDoc {
        id: id.to_owned(),
        text,
        metadata: Default::default(),
        annotator: None,
        spans,
    }
}

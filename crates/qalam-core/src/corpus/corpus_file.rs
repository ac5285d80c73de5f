//! The corpus file `qalam-corpus.json` at a corpus folder's root: what the corpus shares (the
//! label set, the annotators, optional assignments and guidelines). Written deterministically
//! (fixed key order, one label per line, final newline, atomically); read by a validating
//! reader that reports every problem as `file:line:column: message`. The format is described in
//! `docs/format.md`.
//!
//! The `"labels"` object has exactly the shape of the `labels` object of a `.qalam.json` file
//! and is written and read by the same code.

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};

use serde_json::Value;

use super::naming::safe_annotator_name;
use crate::io::atomic::write_atomically;
use crate::io::qalam_json::fields::{Fields, Need, quote_short};
use crate::io::qalam_json::locate::child;
use crate::io::qalam_json::problems::Problems;
use crate::io::qalam_json::locate::duplicate_keys;
use crate::io::qalam_json::read::{duplicate_diagnostics, syntax_diagnostic};
use crate::io::qalam_json::read_labels::read_labels;
use crate::io::qalam_json::write::{indent, push_key, push_labels, push_opt_str, push_str};
use crate::io::{Diagnostic, ValidationErrors};
use crate::model::LabelSet;

/// The corpus file's name at the corpus root.
pub const CORPUS_FILE_NAME: &str = "qalam-corpus.json";
/// Value of its `"format"` key.
pub const CORPUS_FORMAT: &str = "qalam-corpus";
/// The only version this build reads and writes.
pub const CORPUS_VERSION: u64 = 1;

/// Top-level keys in the order the writer emits them; no other key is accepted.
const KEYS: [&str; 6] = [
    "format",
    "version",
    "labels",
    "annotators",
    "assignments",
    "guidelines",
];

/// What a corpus shares.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CorpusFile {
    /// The label set every document of the corpus uses.
    pub labels: LabelSet,
    /// The annotators' names, in the file's order, without repeats.
    pub annotators: Vec<String>,
    /// Optional assignments: annotator → document paths relative to the corpus root, with `/`
    /// between folders (`news/article.txt`). An annotator without an entry is assigned every
    /// document.
    pub assignments: BTreeMap<String, Vec<String>>,
    /// The guidelines' file name (Markdown, in the corpus root), if any.
    pub guidelines: Option<String>,
}

/// Why a corpus file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum CorpusFileError {
    /// The file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file has problems; every one is listed as `file:line:column: message`.
    #[error("{0}")]
    Invalid(ValidationErrors),
}

impl CorpusFile {
    /// The corpus file of the folder `root` (whether or not it exists).
    pub fn path_in(root: &Path) -> PathBuf {
        root.join(CORPUS_FILE_NAME)
    }

    /// The documents assigned to `annotator` (`None`: every document).
    pub fn assigned_to(&self, annotator: &str) -> Option<&[String]> {
        self.assignments.get(annotator).map(Vec::as_slice)
    }

    /// The deterministic JSON text of the file.
    pub fn to_json_string(&self) -> String {
        let mut out = String::with_capacity(1024);
        out.push_str("{\n");
        push_key(&mut out, 1, "format");
        push_str(&mut out, CORPUS_FORMAT);
        out.push_str(",\n");
        push_key(&mut out, 1, "version");
        out.push_str(&CORPUS_VERSION.to_string());
        out.push_str(",\n");
        push_labels(&mut out, &self.labels);
        push_key(&mut out, 1, "annotators");
        push_string_list(&mut out, &self.annotators);
        out.push_str(",\n");
        push_key(&mut out, 1, "assignments");
        if self.assignments.is_empty() {
            out.push_str("{}");
        } else {
            out.push_str("{\n");
            for (index, (annotator, paths)) in self.assignments.iter().enumerate() {
                if index > 0 {
                    out.push_str(",\n");
                }
                push_key(&mut out, 2, annotator);
                push_string_list(&mut out, paths);
            }
            out.push('\n');
            indent(&mut out, 1);
            out.push('}');
        }
        out.push_str(",\n");
        push_key(&mut out, 1, "guidelines");
        push_opt_str(&mut out, self.guidelines.as_deref());
        out.push_str("\n}\n");
        out
    }

    /// Writes the file to `path` atomically (on error the old file is left as it was).
    pub fn save(&self, path: &Path) -> Result<(), CorpusFileError> {
        let json = self.to_json_string();
        write_atomically(path, |out| out.write_all(json.as_bytes())).map_err(|source| {
            CorpusFileError::Io {
                path: path.to_owned(),
                source,
            }
        })
    }

    /// Reads and validates the file at `path`.
    pub fn load(path: &Path) -> Result<Self, CorpusFileError> {
        let text = std::fs::read_to_string(path).map_err(|source| CorpusFileError::Io {
            path: path.to_owned(),
            source,
        })?;
        Self::from_json_str(&text, path).map_err(CorpusFileError::Invalid)
    }

    /// Parses and validates corpus file text; `file` only names it in diagnostics. Every
    /// problem is returned, in file order.
    pub fn from_json_str(text: &str, file: &Path) -> Result<Self, ValidationErrors> {
        let json = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: Value = serde_json::from_str(json)
            .map_err(|error| ValidationErrors(vec![syntax_diagnostic(json, file, &error)]))?;
        let duplicates = duplicate_keys(json);
        let mut problems = Problems::default();
        match read_corpus(&value, &mut problems) {
            Some(corpus) if problems.is_empty() && duplicates.is_empty() => Ok(corpus),
            _ => {
                let mut diagnostics: Vec<Diagnostic> = problems.into_diagnostics(json, file);
                diagnostics.extend(duplicate_diagnostics(duplicates, file));
                diagnostics.sort_by_key(|diagnostic| (diagnostic.line, diagnostic.column));
                if diagnostics.is_empty() {
                    diagnostics.push(Diagnostic {
                        file: file.to_owned(),
                        line: 1,
                        column: 1,
                        message: "not a valid corpus file".to_owned(),
                    });
                }
                Err(ValidationErrors(diagnostics))
            }
        }
    }
}

/// A one-line JSON array of strings.
fn push_string_list(out: &mut String, items: &[String]) {
    out.push('[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        push_str(out, item);
    }
    out.push(']');
}

/// Reads the whole file; `None` or recorded problems mean it is invalid.
fn read_corpus(value: &Value, problems: &mut Problems) -> Option<CorpusFile> {
    let top = Fields::new(value, String::new(), problems)?;
    let format = top.string(problems, "format", Need::Required)?;
    if format != CORPUS_FORMAT {
        problems.push(
            top.pointer("format"),
            format!(
                "\"format\" must be \"{CORPUS_FORMAT}\", found {}: this is not a Qalam corpus file",
                quote_short(format)
            ),
        );
        return None;
    }
    let version = top.uint(problems, "version")?;
    if version != CORPUS_VERSION {
        problems.push(
            top.pointer("version"),
            format!(
                "unsupported version {version}: this Qalam reads corpus files of version {CORPUS_VERSION} only"
            ),
        );
        return None;
    }
    for (key, _) in top.unknown(&KEYS) {
        problems.push(
            top.pointer(key),
            format!(
                "unknown key {}: a corpus file has only {}",
                quote_short(key),
                KEYS.join(", ")
            ),
        );
    }
    let labels = top
        .object(problems, "labels", Need::Required)
        .map(|fields| read_labels(&fields, problems).set)
        .unwrap_or_default();
    let annotators = read_annotators(&top, problems);
    let assignments = read_assignments(&top, &annotators, problems);
    let guidelines = top.string(problems, "guidelines", Need::Optional);
    if let Some(name) = guidelines
        && (name.is_empty() || name.contains(['/', '\\']) || name == "." || name == "..")
    {
        problems.push(
            top.pointer("guidelines"),
            format!(
                "\"guidelines\" must be a file name in the corpus folder, found {}",
                quote_short(name)
            ),
        );
    }
    Some(CorpusFile {
        labels,
        annotators,
        assignments,
        guidelines: guidelines.map(str::to_owned),
    })
}

/// The `"annotators"` array: non-empty names, no two with the same file-name form.
fn read_annotators(top: &Fields<'_>, problems: &mut Problems) -> Vec<String> {
    let Some(items) = top.array(problems, "annotators") else {
        return Vec::new();
    };
    let at = top.pointer("annotators");
    let mut names = Vec::with_capacity(items.len());
    let mut first_at: HashMap<String, String> = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        let item_at = child(&at, &index.to_string());
        let Some(name) = item.as_str() else {
            problems.push(item_at, "an annotator must be a string (the name)");
            continue;
        };
        if name.trim().is_empty() {
            problems.push(item_at, "an annotator's name must not be empty");
            continue;
        }
        let safe = safe_annotator_name(name);
        if let Some(first) = first_at.get(&safe) {
            problems.push_duplicate(
                item_at,
                format!(
                    "annotator {} has the same file name form {} as another annotator",
                    quote_short(name),
                    quote_short(&safe)
                ),
                first.clone(),
            );
            continue;
        }
        first_at.insert(safe, item_at);
        names.push(name.to_owned());
    }
    names
}

/// The optional `"assignments"` object: known annotators → relative document paths.
fn read_assignments(
    top: &Fields<'_>,
    annotators: &[String],
    problems: &mut Problems,
) -> BTreeMap<String, Vec<String>> {
    let mut assignments = BTreeMap::new();
    let Some(fields) = top.object(problems, "assignments", Need::Optional) else {
        return assignments;
    };
    for (annotator, value) in fields.unknown(&[]) {
        let at = fields.pointer(annotator);
        if !annotators.contains(annotator) {
            problems.push(
                at.clone(),
                format!(
                    "assignments name {} who is not in \"annotators\"",
                    quote_short(annotator)
                ),
            );
        }
        let Some(items) = value.as_array() else {
            problems.push(at, "an assignment must be an array of document paths");
            continue;
        };
        let mut paths = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let item_at = child(&at, &index.to_string());
            match item.as_str() {
                Some(path) if is_relative_inside(path) => paths.push(path.to_owned()),
                Some(path) => problems.push(
                    item_at,
                    format!(
                        "document path {} must be relative to the corpus folder and stay inside it",
                        quote_short(path)
                    ),
                ),
                None => problems.push(item_at, "a document path must be a string"),
            }
        }
        assignments.insert(annotator.clone(), paths);
    }
    assignments
}

/// Whether `path` is a non-empty relative path without `..`.
fn is_relative_inside(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with(['/', '\\'])
        && Path::new(path)
            .components()
            .all(|component| matches!(component, Component::Normal(_) | Component::CurDir))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> CorpusFile {
        CorpusFile {
            labels: LabelSet::default(),
            annotators: vec!["Amal".to_owned(), "عمر".to_owned()],
            assignments: BTreeMap::from([(
                "Amal".to_owned(),
                vec!["a.txt".to_owned(), "news/b.txt".to_owned()],
            )]),
            guidelines: Some("guidelines.md".to_owned()),
        }
    }

    #[test]
    fn the_writer_is_deterministic_and_reads_back() {
        let corpus = sample();
        let json = corpus.to_json_string();
        assert!(json.starts_with("{\n  \"format\": \"qalam-corpus\",\n  \"version\": 1,\n"));
        assert!(
            json.ends_with("\"guidelines\": \"guidelines.md\"\n}\n"),
            "{json}"
        );
        assert!(
            json.contains("\"annotators\": [\"Amal\", \"عمر\"],\n"),
            "{json}"
        );
        let back = CorpusFile::from_json_str(&json, Path::new("c.json")).expect("valid");
        assert_eq!(back, corpus);
        assert_eq!(back.to_json_string(), json);
    }

    #[test]
    fn the_labels_object_is_the_one_of_annotation_files() {
        let ann = crate::model::notation::Case::parse("زار [بوتين|PERSON]")
            .expect("notation")
            .annotation();
        let annotation_json = crate::io::to_json_string(&ann);
        let corpus = CorpusFile {
            labels: ann.labels().clone(),
            ..CorpusFile::default()
        };
        let corpus_json = corpus.to_json_string();
        let labels_of = |json: &str| {
            let start = json.find("  \"labels\": {").expect("labels");
            let end = start + json[start..].find("\n  },").expect("end of labels");
            json[start..end].to_owned()
        };
        assert_eq!(labels_of(&corpus_json), labels_of(&annotation_json));
    }

    #[test]
    fn every_problem_is_reported_with_line_and_column() {
        let json = "{\n  \"format\": \"qalam-corpus\",\n  \"version\": 1,\n  \"labels\": {\"items\": [{\"name\": \"X\", \"color\": \"red\"}]},\n  \"annotators\": [\"Amal\", \"Amal\", \"\"],\n  \"assignments\": {\"Omar\": [\"../x.txt\"]},\n  \"guidelines\": \"a/b.md\",\n  \"extra\": 1\n}\n";
        let errors = CorpusFile::from_json_str(json, Path::new("c.json")).expect_err("invalid");
        let shown: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
        assert!(shown.len() >= 6, "{shown:#?}");
        assert!(
            shown
                .iter()
                .any(|d| d.starts_with("c.json:4:") && d.contains("red")),
            "{shown:#?}"
        );
        assert!(
            shown
                .iter()
                .any(|d| d.starts_with("c.json:5:") && d.contains("same file name form")),
            "{shown:#?}"
        );
        assert!(
            shown
                .iter()
                .any(|d| d.starts_with("c.json:5:") && d.contains("must not be empty")),
            "{shown:#?}"
        );
        assert!(
            shown
                .iter()
                .any(|d| d.starts_with("c.json:6:") && d.contains("not in \"annotators\"")),
            "{shown:#?}"
        );
        assert!(
            shown
                .iter()
                .any(|d| d.starts_with("c.json:6:") && d.contains("stay inside")),
            "{shown:#?}"
        );
        assert!(shown.iter().any(|d| d.starts_with("c.json:7:") && d.contains("file name in the corpus folder")), "{shown:#?}");
        assert!(
            shown
                .iter()
                .any(|d| d.starts_with("c.json:8:") && d.contains("unknown key")),
            "{shown:#?}"
        );
    }

    #[test]
    fn malformed_json_and_wrong_format_are_positioned() {
        let errors = CorpusFile::from_json_str("{\n  \"format\": ", Path::new("c.json"))
            .expect_err("invalid");
        assert!(errors.to_string().starts_with("c.json:2:"), "{errors}");
        let errors = CorpusFile::from_json_str(
            "{\n  \"format\": \"qalam\",\n  \"version\": 1\n}",
            Path::new("c.json"),
        )
        .expect_err("invalid");
        assert!(
            errors
                .to_string()
                .starts_with("c.json:2:13: \"format\" must be"),
            "{errors}"
        );
    }

    #[test]
    fn save_is_atomic_and_loads_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = CorpusFile::path_in(dir.path());
        std::fs::write(&path, "old").expect("write");
        sample().save(&path).expect("save");
        assert_eq!(CorpusFile::load(&path).expect("load"), sample());
        let count = std::fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(count, 1, "no temporary file is left");
    }
}

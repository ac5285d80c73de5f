//! A one-line summary of an annotation file on disk (span count, annotators, last change), for
//! prompts that must say what an overwrite would lose.

use std::fmt;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::{LoadError, load_path};

/// What an annotation file on disk holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSummary {
    /// Number of spans in the file.
    pub spans: usize,
    /// The annotators named on its spans, sorted, without repeats.
    pub annotators: Vec<String>,
    /// When the annotation was last changed, as recorded in the file.
    pub modified: DateTime<Utc>,
}

impl FileSummary {
    /// Reads and summarises the file at `path`.
    pub fn of_file(path: &Path) -> Result<Self, LoadError> {
        let loaded = load_path(path)?;
        let ann = loaded.annotation;
        let mut annotators: Vec<String> = ann
            .spans()
            .iter()
            .filter_map(|span| span.annotator.clone())
            .collect();
        annotators.sort();
        annotators.dedup();
        Ok(Self {
            spans: ann.spans().len(),
            annotators,
            modified: ann.modified(),
        })
    }
}

/// "1 span" or "16 spans".
pub fn span_count(spans: usize) -> String {
    if spans == 1 {
        "1 span".to_owned()
    } else {
        format!("{spans} spans")
    }
}

impl fmt::Display for FileSummary {
    /// For example `16 spans by Amal and Omar, last changed 2026-12-02 18:40 UTC`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", span_count(self.spans))?;
        match self.annotators.as_slice() {
            [] => {}
            [one] => write!(f, " by {one}")?,
            [init @ .., last] => write!(f, " by {} and {last}", init.join(", "))?,
        }
        write!(
            f,
            ", last changed {}",
            self.modified.format("%Y-%m-%d %H:%M UTC")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::notation::Case;

    fn saved(notation: &str, annotators: &[&str]) -> (tempfile::TempDir, std::path::PathBuf) {
        let mut parts = Case::parse(notation).unwrap().annotation().into_parts();
        for (span, name) in parts.spans.iter_mut().zip(annotators) {
            span.annotator = Some((*name).to_owned());
        }
        let ann = crate::model::Annotation::from_parts(parts).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.qalam.json");
        super::super::save_path(&path, &ann, None, true).unwrap();
        (dir, path)
    }

    #[test]
    fn names_the_count_the_annotators_and_the_time() {
        let (_dir, path) = saved(
            "زار [بوتين|PERSON] ل[روسيا|COUNTRY] [أمس|EVENT]",
            &["Omar", "Amal", "Omar"],
        );
        let summary = FileSummary::of_file(&path).unwrap();
        assert_eq!(summary.spans, 3);
        assert_eq!(summary.annotators, ["Amal", "Omar"]);
        let text = summary.to_string();
        assert!(
            text.starts_with("3 spans by Amal and Omar, last changed "),
            "{text}"
        );
    }

    #[test]
    fn one_span_without_annotator() {
        let (_dir, path) = saved("زار [بوتين|PERSON]", &[]);
        let text = FileSummary::of_file(&path).unwrap().to_string();
        assert!(text.starts_with("1 span, last changed "), "{text}");
    }
}

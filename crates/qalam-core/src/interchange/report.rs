//! The report of an import or export: every span that was changed or dropped and every problem
//! found, each with its document, offsets, text and reason.

use std::fmt;
use std::path::PathBuf;

/// Where in an input file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file.
    pub file: PathBuf,
    /// 1-based line; 0 when not on one line.
    pub line: usize,
}

/// The span an entry is about, as it was before the change (code points into the document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanRef {
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// The covered text (or, for imports with bad offsets, the text the input claimed).
    pub text: String,
    /// The label (import: the tag as found).
    pub label: String,
}

/// What happened to the span or item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The span was kept with other bounds (widened to tokens, moved to another layer).
    Changed {
        /// New start, in code points.
        start: usize,
        /// New end (exclusive), in code points.
        end: usize,
    },
    /// The span (or relation, attribute, item) was not written or not imported.
    Dropped,
    /// Kept unchanged, but something about it is worth knowing (a note kept, a label added).
    Noted,
}

/// One report line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The document's id (file name for imports).
    pub document: String,
    /// The input position, for imports.
    pub location: Option<Location>,
    /// The span concerned, if the entry is about one.
    pub span: Option<SpanRef>,
    /// What happened.
    pub action: Action,
    /// Why, as a sentence fragment starting in lower case ("starts inside the token «لروسيا»").
    pub reason: String,
}

/// All entries of one import or export, in the order they were found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The entries.
    pub entries: Vec<Entry>,
}

impl Report {
    /// Adds an entry.
    pub fn push(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// Whether nothing was changed, dropped or noted.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of entries whose action is `Changed`, `Dropped` and `Noted`.
    pub fn counts(&self) -> (usize, usize, usize) {
        self.entries
            .iter()
            .fold((0, 0, 0), |(c, d, n), entry| match entry.action {
                Action::Changed { .. } => (c + 1, d, n),
                Action::Dropped => (c, d + 1, n),
                Action::Noted => (c, d, n + 1),
            })
    }
}

impl fmt::Display for Entry {
    /// `FILE:LINE: DOC [START, END) «TEXT» LABEL: dropped: REASON` (parts that are absent are
    /// left out).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = &self.location {
            write!(f, "{}:{}: ", location.file.display(), location.line)?;
        }
        write!(f, "{}", self.document)?;
        if let Some(span) = &self.span {
            write!(
                f,
                " [{}, {}) «{}» {}",
                span.start, span.end, span.text, span.label
            )?;
        }
        match self.action {
            Action::Changed { start, end } => write!(f, ": changed to [{start}, {end})")?,
            Action::Dropped => write!(f, ": dropped")?,
            Action::Noted => write!(f, ": note")?,
        }
        write!(f, ": {}", self.reason)
    }
}

impl fmt::Display for Report {
    /// One entry per line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for entry in &self.entries {
            writeln!(f, "{entry}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_reads_as_one_line_with_file_offsets_text_and_reason() {
        let entry = Entry {
            document: "summit".to_owned(),
            location: Some(Location {
                file: PathBuf::from("summit.ann"),
                line: 3,
            }),
            span: Some(SpanRef {
                start: 11,
                end: 16,
                text: "روسيا".to_owned(),
                label: "COUNTRY".to_owned(),
            }),
            action: Action::Changed { start: 10, end: 16 },
            reason: "starts inside the token «لروسيا»".to_owned(),
        };
        assert_eq!(
            entry.to_string(),
            "summit.ann:3: summit [11, 16) «روسيا» COUNTRY: changed to [10, 16): starts inside the token «لروسيا»"
        );
        let report = Report {
            entries: vec![entry],
        };
        assert_eq!(report.counts(), (1, 0, 0));
    }
}

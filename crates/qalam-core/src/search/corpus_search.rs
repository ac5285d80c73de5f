//! Search over every document of a scanned corpus: the texts read once and normalised
//! ([`CorpusTexts::load`]), then any number of queries over all of them ([`CorpusTexts::find`]),
//! each match with its document and context.

use std::ops::Range;

use super::annotate_all::Context;
use super::normalize::{NormalizeOptions, Normalized};
use super::query::{Match, Matcher};
use crate::corpus::Corpus;
use crate::io::load_path;
use crate::model::Document;

/// One document's text, normalised.
#[derive(Debug, Clone)]
pub struct DocumentText {
    /// Index into the corpus's documents.
    pub document: usize,
    /// The document's name (its stem).
    pub name: String,
    /// The stored text.
    pub text: Document,
    /// The normalised text.
    pub normalized: Normalized,
}

/// The texts of a corpus's documents, normalised with one set of options.
#[derive(Debug, Clone)]
pub struct CorpusTexts {
    options: NormalizeOptions,
    documents: Vec<DocumentText>,
}

/// [`CorpusTexts::load`] on a background thread, for a window that must not wait.
#[derive(Debug)]
pub struct CorpusTextsJob {
    receiver: std::sync::mpsc::Receiver<(CorpusTexts, Vec<String>)>,
    options: NormalizeOptions,
}

impl CorpusTextsJob {
    /// Starts reading and normalising the texts of `corpus`.
    pub fn spawn(corpus: Corpus, options: NormalizeOptions) -> Self {
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            // The receiver may be gone (the search was closed): nothing to do then.
            let _ = sender.send(CorpusTexts::load(&corpus, &options));
        });
        Self { receiver, options }
    }

    /// The texts and problems once read; `None` while the thread works. If the thread died,
    /// no texts and that as the problem.
    pub fn try_take(&self) -> Option<(CorpusTexts, Vec<String>)> {
        match self.receiver.try_recv() {
            Ok(done) => Some(done),
            Err(std::sync::mpsc::TryRecvError::Empty) => None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => Some((
                CorpusTexts {
                    options: self.options,
                    documents: Vec::new(),
                },
                vec!["reading the corpus's texts failed".to_owned()],
            )),
        }
    }
}

/// A match in one document of the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusMatch {
    /// Index into the corpus's documents.
    pub document: usize,
    /// The document's name.
    pub name: String,
    /// The match in the document's text.
    pub found: Match,
    /// The match with text around it.
    pub context: Context,
}

impl CorpusTexts {
    /// Reads the text of every document of `corpus` (from its first file; all files of a
    /// document hold the same text) and normalises it. Files that cannot be read are left out
    /// and described in the returned problems.
    pub fn load(corpus: &Corpus, options: &NormalizeOptions) -> (Self, Vec<String>) {
        let mut documents = Vec::with_capacity(corpus.documents.len());
        let mut problems = Vec::new();
        for (index, document) in corpus.documents.iter().enumerate() {
            let Some(file) = document.files.first() else {
                continue;
            };
            match load_path(&corpus.root.join(&file.path)) {
                Ok(loaded) => {
                    let text = loaded.annotation.document().clone();
                    let normalized = Normalized::new(text.text(), options);
                    documents.push(DocumentText {
                        document: index,
                        name: document.name.clone(),
                        text,
                        normalized,
                    });
                }
                Err(error) => problems.push(error.to_string()),
            }
        }
        (
            Self {
                options: *options,
                documents,
            },
            problems,
        )
    }

    /// The options the texts were normalised with.
    pub fn options(&self) -> &NormalizeOptions {
        &self.options
    }

    /// The documents read.
    pub fn documents(&self) -> &[DocumentText] {
        &self.documents
    }

    /// The first `limit` matches of `matcher` over all documents in corpus order, each with
    /// `width` code points of context on each side, and the total number of matches.
    pub fn find(&self, matcher: &Matcher, limit: usize, width: usize) -> (Vec<CorpusMatch>, usize) {
        let mut found = Vec::new();
        let mut total = 0;
        for document in &self.documents {
            matcher.for_each(&document.normalized, |m| {
                total += 1;
                if found.len() < limit {
                    found.push(CorpusMatch {
                        document: document.document,
                        name: document.name.clone(),
                        found: m,
                        context: context_in(&document.text, m.range(), width),
                    });
                }
                true
            });
        }
        (found, total)
    }
}

/// The context of `range` in `document`: `width` code points each side, not crossing line
/// breaks, sliced through the document's code-point index.
pub fn context_in(document: &Document, range: Range<usize>, width: usize) -> Context {
    let len = document.char_len();
    let end = range.end.min(len);
    let start = range.start.min(end);
    let from = start.saturating_sub(width);
    let to = (end + width).min(len);
    let slice = |a: usize, b: usize| document.slice(a, b).unwrap_or_default();
    let is_break = |c: char| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
    let before = slice(from, start);
    let before = before.rsplit(is_break).next().unwrap_or_default();
    let after = slice(end, to);
    let after = after.split(is_break).next().unwrap_or_default();
    let one_line = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    };
    Context {
        before: one_line(before),
        text: one_line(slice(start, end)),
        after: one_line(after),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{Query, WordMode};

    #[test]
    fn finds_in_every_document_with_context_and_a_limit() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "زار بوتين لروسيا\nثم عاد").unwrap();
        std::fs::write(dir.path().join("b.txt"), "قال الروسي إن روسيا وروسيا").unwrap();
        let corpus = crate::corpus::scan(dir.path()).unwrap();
        let options = NormalizeOptions::default();
        let (texts, problems) = CorpusTexts::load(&corpus, &options);
        assert!(problems.is_empty());
        let matcher = Query::plain("روسيا")
            .words(WordMode::Clitics)
            .compile()
            .unwrap();
        let (found, total) = texts.find(&matcher, 2, 10);
        assert_eq!(total, 3);
        assert_eq!(found.len(), 2);
        assert_eq!(
            (found[0].name.as_str(), found[0].found),
            ("a", Match { start: 11, end: 16 })
        );
        assert_eq!(found[0].context.before, "ار بوتين ل");
        assert_eq!(
            found[0].context.after, "",
            "the context stops at the line break"
        );
        assert_eq!(found[1].name, "b");
        assert_eq!(found[1].found, Match { start: 14, end: 19 });

        let job = CorpusTextsJob::spawn(corpus, options);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let (texts, _) = loop {
            if let Some(done) = job.try_take() {
                break done;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the job did not finish"
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        assert_eq!(texts.documents().len(), 2);
    }
}

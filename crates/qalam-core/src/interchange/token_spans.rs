//! Tokens and token-aligned spans for the trainer formats (spaCy `DocBin`, Hugging Face).
//!
//! A document becomes *words* (code-point ranges), sentences (ranges of word indices) and its
//! spans aligned to words under a [`BoundaryPolicy`]:
//! - `Split`: a word is cut at every span boundary inside it (`لروسيا` → `ل` + `روسيا`), so every
//!   span keeps its exact offsets;
//! - `Widen`: a span is widened to the words it touches (the ANERcorp/Wojood convention); each
//!   widened span, and each span touching no word at all, is reported.
//!
//! The word splitter here is a stand-in with the same shape as the `tokenize` module of the
//! tokens engineer (whitespace, punctuation as its own token, runs of anything else as words);
//! it is replaced by that tokenizer once it lands.

use std::ops::Range;

use super::report::{Action, Entry, SpanRef};
use super::{BoundaryPolicy, Report};
use crate::model::Annotation;

/// A document cut into words, with its spans aligned to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenView {
    /// The document's characters.
    pub chars: Vec<char>,
    /// Words as code-point ranges, in order, non-empty, not overlapping, never whitespace.
    pub words: Vec<Range<usize>>,
    /// Sentences as ranges of word indices, covering every word in order.
    pub sentences: Vec<Range<usize>>,
    /// Every span that survived alignment, in span order.
    pub spans: Vec<AlignedSpan>,
}

/// A span aligned to words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignedSpan {
    /// First word (index into [`TokenView::words`]).
    pub first: usize,
    /// One past the last word.
    pub last: usize,
    /// The label (Qalam's name).
    pub label: String,
    /// The span's original bounds, for reports.
    pub original: Range<usize>,
}

impl TokenView {
    /// Cuts `annotation` into words and aligns its spans under `policy`, reporting each
    /// widened or dropped span in `report`.
    pub fn new(annotation: &Annotation, policy: BoundaryPolicy, report: &mut Report) -> Self {
        let text = annotation.document().text();
        let chars: Vec<char> = text.chars().collect();
        let mut words = split_words(&chars);
        if policy == BoundaryPolicy::Split {
            let mut cuts: Vec<usize> = annotation
                .spans()
                .iter()
                .flat_map(|span| [span.start, span.end])
                .collect();
            cuts.sort_unstable();
            cuts.dedup();
            words = cut_words(&words, &cuts);
        }
        let mut spans = Vec::with_capacity(annotation.spans().len());
        for span in annotation.spans() {
            let first = words.partition_point(|word| word.end <= span.start);
            let last = words.partition_point(|word| word.start < span.end);
            let entry = |action, reason: String| Entry {
                document: annotation.document().id.clone(),
                location: None,
                span: Some(SpanRef {
                    start: span.start,
                    end: span.end,
                    text: chars[span.start.min(chars.len())..span.end.min(chars.len())]
                        .iter()
                        .collect(),
                    label: span.label.clone(),
                }),
                action,
                reason,
            };
            if first >= last {
                report.push(entry(
                    Action::Dropped,
                    "covers no token (only whitespace)".to_owned(),
                ));
                continue;
            }
            let (start, end) = (words[first].start, words[last - 1].end);
            if (start, end) != (span.start, span.end) {
                let word_text =
                    |range: &Range<usize>| chars[range.clone()].iter().collect::<String>();
                let reason = if start != span.start && end != span.end {
                    format!(
                        "starts inside «{}» and ends inside «{}»: widened to whole tokens",
                        word_text(&words[first]),
                        word_text(&words[last - 1])
                    )
                } else if start != span.start {
                    format!(
                        "starts inside the token «{}»: widened to whole tokens",
                        word_text(&words[first])
                    )
                } else {
                    format!(
                        "ends inside the token «{}»: widened to whole tokens",
                        word_text(&words[last - 1])
                    )
                };
                report.push(entry(Action::Changed { start, end }, reason));
            }
            spans.push(AlignedSpan {
                first,
                last,
                label: span.label.clone(),
                original: span.start..span.end,
            });
        }
        let sentences = split_sentences(&chars, &words);
        Self {
            chars,
            words,
            sentences,
            spans,
        }
    }

    /// The text of word `index`.
    pub fn word(&self, index: usize) -> String {
        self.chars[self.words[index].clone()].iter().collect()
    }

    /// The code-point range covered by `span`.
    pub fn char_range(&self, span: &AlignedSpan) -> Range<usize> {
        self.words[span.first].start..self.words[span.last - 1].end
    }

    /// Splits the aligned spans into the outermost non-overlapping layer (longest first among
    /// spans starting at the same word) and the rest, each as indices into [`TokenView::spans`].
    pub fn layers(&self) -> (Vec<usize>, Vec<usize>) {
        let mut order: Vec<usize> = (0..self.spans.len()).collect();
        order.sort_by_key(|&i| {
            let span = &self.spans[i];
            (span.first, std::cmp::Reverse(span.last), i)
        });
        let mut outer = Vec::new();
        let mut rest = Vec::new();
        let mut reached = 0;
        for i in order {
            if self.spans[i].first >= reached {
                reached = self.spans[i].last;
                outer.push(i);
            } else {
                rest.push(i);
            }
        }
        (outer, rest)
    }
}

/// Whether `c` is a punctuation mark that stands as a token of its own.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '،' | '؛'
                | '؟'
                | '«'
                | '»'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '…'
                | '–'
                | '—'
                | '۔'
                | '٪'
        )
}

/// Words of `chars`: maximal runs of non-whitespace, with each punctuation mark on its own.
fn split_words(chars: &[char]) -> Vec<Range<usize>> {
    let mut words = Vec::with_capacity(chars.len() / 4);
    let mut start = None;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() || is_punctuation(c) {
            if let Some(s) = start.take() {
                words.push(s..i);
            }
            if !c.is_whitespace() {
                words.push(i..i + 1);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        words.push(s..chars.len());
    }
    words
}

/// `words` cut at every position of `cuts` (sorted) strictly inside a word.
fn cut_words(words: &[Range<usize>], cuts: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(words.len());
    for word in words {
        let mut start = word.start;
        let from = cuts.partition_point(|&cut| cut <= word.start);
        for &cut in cuts[from..].iter().take_while(|&&cut| cut < word.end) {
            out.push(start..cut);
            start = cut;
        }
        out.push(start..word.end);
    }
    out
}

/// Sentences: a line break between two words ends one, and so does a word `.` `!` `?` `؟`.
fn split_sentences(chars: &[char], words: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for k in 1..words.len() {
        let gap = &chars[words[k - 1].end..words[k].start];
        let previous = &chars[words[k - 1].clone()];
        let ends = matches!(previous, ['.' | '!' | '?' | '؟' | '…']);
        if gap.iter().any(|&c| c == '\n' || c == '\r') || ends {
            sentences.push(start..k);
            start = k;
        }
    }
    if start < words.len() {
        sentences.push(start..words.len());
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, notation};

    fn view(source: &str, policy: BoundaryPolicy) -> (TokenView, Report) {
        let (text, spans) = notation::parse(source).unwrap();
        let spans: Vec<(usize, usize, &str)> =
            spans.iter().map(|(s, e, l)| (*s, *e, l.as_str())).collect();
        let ann = Annotation::with_spans_unchecked(Document::new("d", text), &spans);
        let mut report = Report::default();
        (TokenView::new(&ann, policy, &mut report), report)
    }

    #[test]
    fn split_cuts_the_proclitic_off_and_keeps_offsets() {
        let (view, report) = view(
            "زار [بوتين|PERSON] ل[روسيا|COUNTRY].",
            BoundaryPolicy::Split,
        );
        let words: Vec<String> = (0..view.words.len()).map(|i| view.word(i)).collect();
        assert_eq!(words, ["زار", "بوتين", "ل", "روسيا", "."]);
        assert!(report.is_empty());
        assert_eq!(view.char_range(&view.spans[1]), 11..16);
    }

    #[test]
    fn widen_reports_the_span_it_widens() {
        let (view, report) = view("زار [بوتين|PERSON] ل[روسيا|COUNTRY]", BoundaryPolicy::Widen);
        assert_eq!(view.char_range(&view.spans[1]), 10..16);
        assert_eq!(report.entries.len(), 1);
        assert_eq!(
            report.entries[0].action,
            Action::Changed { start: 10, end: 16 }
        );
        assert!(
            report.entries[0].reason.contains("«لروسيا»"),
            "{}",
            report.entries[0]
        );
    }

    #[test]
    fn outer_layer_takes_the_longest_and_leaves_nested_spans() {
        let (view, _) = view(
            "[وزير خارجية [روسيا|COUNTRY]|PERSON] في [كوريا|COUNTRY]",
            BoundaryPolicy::Split,
        );
        let (outer, rest) = view.layers();
        let labels = |ids: &[usize]| -> Vec<&str> {
            ids.iter().map(|&i| view.spans[i].label.as_str()).collect()
        };
        assert_eq!(labels(&outer), ["PERSON", "COUNTRY"]);
        assert_eq!(labels(&rest), ["COUNTRY"]);
    }

    #[test]
    fn sentences_end_at_full_stops_and_line_breaks() {
        let (view, _) = view("أ ب. ج\r\nد ؟ هـ", BoundaryPolicy::Split);
        assert_eq!(view.sentences, [0..3, 3..4, 4..6, 6..7]);
    }
}

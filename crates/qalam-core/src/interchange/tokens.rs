//! Tokens for token-based exports (CoNLL, Hugging Face, spaCy, Prodigy): cut a document with
//! its tokenizer ([`Tokenizer::for_document`]), place its spans on the tokens with the export's
//! [`BoundaryPolicy`](super::BoundaryPolicy), split sentences, and put every span that was
//! changed, moved to another layer or dropped in the [`Report`]. [`spaced_tokens`] gives the
//! tokens of formats that store one space flag per token (spaCy, Prodigy).
//!
//! Sentences never cut an entity: where a span runs over a sentence end (`حتمي.` `»`…), the
//! two sentences are written as one.

use std::ops::Range;

use super::report::{Action, Entry, SpanRef};
use super::{ExportOptions, Report, TagScheme};
use crate::model::{Annotation, Document};
use crate::tokenize::Tokenizer;
use crate::tokenize::align::{Alignment, ChangeKind, align};
use crate::tokenize::tags::layer_tags;

/// A document ready for a token-based writer.
#[derive(Debug, Clone)]
pub struct TokenizedDocument {
    /// The tokenizer used.
    pub tokenizer: Tokenizer,
    /// Tokens and entities in layers; `entities[i].span` indexes `annotation.spans()`.
    pub alignment: Alignment,
    /// Sentences as token index ranges (non-empty, in order, covering every token; no entity
    /// crosses from one into the next).
    pub sentences: Vec<Range<usize>>,
    /// The tag type written for each span of the annotation (by span index), from
    /// [`ExportOptions::tag_for`], whitespace replaced by `_` so that it stays one column.
    pub span_tags: Vec<String>,
}

impl TokenizedDocument {
    /// The text of token `index`.
    pub fn token_text<'a>(&self, annotation: &'a Annotation, index: usize) -> &'a str {
        let token = self.alignment.tokens[index];
        annotation
            .document()
            .slice(token.start, token.end)
            .unwrap_or_default()
    }

    /// The tags of `layer` as strings (`O`, `B-GPE`, `I-GPE`, …), one per token, in `scheme`.
    pub fn tag_strings(&self, layer: usize, scheme: TagScheme) -> Vec<String> {
        layer_tags(&self.alignment, layer, scheme)
            .into_iter()
            .map(|tag| match tag {
                None => "O".to_owned(),
                Some(tag) => {
                    let span = self.alignment.entities[tag.entity].span;
                    format!("{}-{}", tag.prefix.as_str(), self.span_tags[span])
                }
            })
            .collect()
    }
}

/// Tokenizes `annotation` for export with at most `max_layers` layers (`None`: as many as the
/// nesting needs), recording changed and dropped spans in `report`.
pub fn tokenize_for_export(
    annotation: &Annotation,
    options: &ExportOptions,
    max_layers: Option<usize>,
    report: &mut Report,
) -> TokenizedDocument {
    let document = annotation.document();
    let text = document.text();
    let tokenizer = Tokenizer::for_document(document);
    let spans: Vec<(usize, usize)> = annotation
        .spans()
        .iter()
        .map(|span| (span.start, span.end))
        .collect();
    let alignment = align(
        tokenizer.tokenize(text),
        &spans,
        options.boundary,
        max_layers,
    );
    for change in &alignment.changes {
        report.push(entry(annotation, change, max_layers));
    }
    let sentences = keep_entities_whole(tokenizer.sentences(text, &alignment.tokens), &alignment);
    let span_tags = annotation
        .spans()
        .iter()
        .map(|span| {
            options
                .tag_for(annotation.labels(), &span.label)
                .replace(char::is_whitespace, "_")
        })
        .collect();
    TokenizedDocument {
        tokenizer,
        alignment,
        sentences,
        span_tags,
    }
}

/// A token of a format that stores "followed by one space" per token (spaCy's `spaces`,
/// Prodigy's `ws`): its code-point range and whether one space follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpacedToken {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Whether one space (U+0020) follows, which belongs to no token.
    pub space: bool,
}

/// Tokens for `words` (sorted, disjoint code-point ranges) of `document` such that joining each
/// token's text and, where [`SpacedToken::space`], one space gives back the text exactly: a gap
/// other than one space (two spaces, a tab, `\r\n`) becomes a token of its own, as spaCy's
/// tokenizer makes it. Also returns, for each word, the index of its token.
pub fn spaced_tokens(
    document: &Document,
    words: &[Range<usize>],
) -> (Vec<SpacedToken>, Vec<usize>) {
    let mut tokens: Vec<SpacedToken> = Vec::with_capacity(words.len() + 8);
    let mut word_token = Vec::with_capacity(words.len());
    let mut at = 0;
    let gap = |tokens: &mut Vec<SpacedToken>, start: usize, end: usize| {
        let mut start = start;
        if start < end
            && document.slice(start, start + 1) == Some(" ")
            && let Some(previous) = tokens.last_mut()
        {
            previous.space = true;
            start += 1;
        }
        if start < end {
            tokens.push(SpacedToken {
                start,
                end,
                space: false,
            });
        }
    };
    for word in words {
        gap(&mut tokens, at, word.start);
        word_token.push(tokens.len());
        tokens.push(SpacedToken {
            start: word.start,
            end: word.end,
            space: false,
        });
        at = word.end;
    }
    gap(&mut tokens, at, document.char_len());
    (tokens, word_token)
}

/// Merges sentences so that no entity crosses a sentence end.
fn keep_entities_whole(sentences: Vec<Range<usize>>, alignment: &Alignment) -> Vec<Range<usize>> {
    if alignment.entities.is_empty() {
        return sentences;
    }
    // joined[k]: an entity covers tokens k - 1 and k.
    let mut joined = vec![false; alignment.tokens.len() + 1];
    for entity in &alignment.entities {
        joined[entity.tokens.start + 1..entity.tokens.end].fill(true);
    }
    let mut result: Vec<Range<usize>> = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        match result.last_mut() {
            Some(last) if joined[sentence.start] => last.end = sentence.end,
            _ => result.push(sentence),
        }
    }
    result
}

/// The report entry for one alignment change.
fn entry(
    annotation: &Annotation,
    change: &crate::tokenize::align::Change,
    max_layers: Option<usize>,
) -> Entry {
    let spans = annotation.spans();
    let span = &spans[change.span];
    let document = annotation.document();
    let quote = |index: usize| {
        let other = &spans[index];
        format!(
            "«{}» {}",
            document.slice(other.start, other.end).unwrap_or_default(),
            other.label
        )
    };
    let (action, reason) = match &change.kind {
        ChangeKind::Widened => (
            Action::Changed {
                start: change.start,
                end: change.end,
            },
            format!(
                "starts or ends inside a token; widened to the whole tokens «{}»",
                document.slice(change.start, change.end).unwrap_or_default()
            ),
        ),
        ChangeKind::Trimmed => (
            Action::Changed {
                start: change.start,
                end: change.end,
            },
            "begins or ends with whitespace, which no token covers; trimmed".to_owned(),
        ),
        ChangeKind::NoToken => (
            Action::Dropped,
            "covers no token (only whitespace)".to_owned(),
        ),
        ChangeKind::Crossing { other, layer } => (
            Action::Noted,
            format!(
                "crosses {} (they overlap, neither contains the other); written in tag layer {}",
                quote(*other),
                layer + 1
            ),
        ),
        ChangeKind::NoLayer { other } => (
            Action::Dropped,
            format!(
                "overlaps {} and the format holds {} layer(s) of entities",
                quote(*other),
                max_layers.unwrap_or(0)
            ),
        ),
    };
    Entry {
        document: document.id.clone(),
        location: None,
        span: Some(SpanRef {
            start: span.start,
            end: span.end,
            text: annotation.span_text(span).to_owned(),
            label: span.label.clone(),
        }),
        action,
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::{Action, BoundaryPolicy};
    use crate::model::{Document, notation};

    fn annotation(case: &str) -> Annotation {
        let (text, spans) = notation::parse(case).expect("notation");
        let spans: Vec<(usize, usize, &str)> =
            spans.iter().map(|(s, e, l)| (*s, *e, l.as_str())).collect();
        Annotation::with_spans_unchecked(Document::new("d", text), &spans)
    }

    #[test]
    fn one_layer_formats_drop_nested_spans_and_report_them() {
        let annotation = annotation("[[كيم|PERSON] جونغ أون|PERSON] زار ل[روسيا|COUNTRY]");
        let options = ExportOptions {
            boundary: BoundaryPolicy::Widen,
            ..ExportOptions::default()
        };
        let mut report = Report::default();
        let tokenized = tokenize_for_export(&annotation, &options, Some(1), &mut report);
        assert_eq!(
            tokenized.tag_strings(0, TagScheme::Bioes),
            ["B-PERSON", "I-PERSON", "E-PERSON", "O", "S-GPE"]
        );
        let actions: Vec<&Action> = report.entries.iter().map(|e| &e.action).collect();
        assert_eq!(
            actions,
            [&Action::Changed { start: 17, end: 23 }, &Action::Dropped]
        );
        assert_eq!(
            report.entries[1].span.as_ref().map(|s| s.text.as_str()),
            Some("كيم")
        );
        assert!(
            report.entries[1].reason.contains("holds 1 layer"),
            "{}",
            report.entries[1].reason
        );
    }
}

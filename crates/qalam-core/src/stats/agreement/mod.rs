//! Inter-annotator agreement over documents that several annotators labelled (the measures
//! are defined in README's "Agreement" section):
//!
//! - [`f1`]: pairwise span F1 per label and overall, exact match and overlap match;
//! - [`cohen`]: Cohen's kappa per pair over IOB2 token tags ([`tokens`]);
//! - [`fleiss`] and [`krippendorff`]: Fleiss' kappa and Krippendorff's alpha (nominal) over the
//!   same tags, for any number of annotators;
//! - [`confusion`]: which labels annotators mix up.
//!
//! Each is computed per document and corpus-wide (counts added up over documents, not
//! averages of per-document figures). Undefined values are `None` (shown as "—"): a kappa or
//! alpha without tokens or where only one tag occurs, the F1 of a label nobody used. Two
//! annotations without spans have span F1 1 (they are identical).
//!
//! ```
//! use qalam_core::compare::{AnnotatedDocument, Version};
//! use qalam_core::model::notation::Case;
//! use qalam_core::stats::agreement::agreement;
//!
//! let version = |who: &str, notation: &str| Version {
//!     annotator: who.to_owned(),
//!     path: Default::default(),
//!     annotation: Case::parse(notation).unwrap().annotation(),
//! };
//! let doc = AnnotatedDocument {
//!     name: "a".to_owned(),
//!     versions: vec![
//!         version("Amal", "زار [بوتين|PERSON] [روسيا|COUNTRY]"),
//!         version("Omar", "زار [بوتين|PERSON] روسيا"),
//!     ],
//! };
//! let report = agreement(&[doc], &["Amal".to_owned(), "Omar".to_owned()]);
//! let pair = &report.corpus.pairs[0];
//! assert_eq!(pair.exact.f1(), 2.0 / 3.0); // 2 · 1 matched / (2 + 1) spans
//! assert_eq!(pair.tokens, 3);
//! // Tags O B-PERSON B-COUNTRY against O B-PERSON O: p_o = 2/3, p_e = 1/3 · 2/3 + 1/3 · 1/3.
//! assert!((pair.kappa.unwrap() - 0.5).abs() < 1e-12);
//! ```

pub mod cohen;
pub mod confusion;
pub mod f1;
pub mod fleiss;
pub mod krippendorff;
pub mod tokens;

use std::collections::HashMap;

use crate::compare::AnnotatedDocument;
use crate::compare::matching::Rule;
use crate::model::Span;

pub use cohen::CohenTally;
pub use confusion::Confusion;
pub use f1::{LabelCounts, SpanMatch, span_match};
pub use fleiss::FleissTally;
pub use krippendorff::AlphaTally;
pub use tokens::{tag_codes, tag_names};

/// The agreement of two annotators.
#[derive(Debug, Clone, PartialEq)]
pub struct PairAgreement {
    /// The first annotator (index into [`AgreementReport::annotators`]).
    pub a: usize,
    /// The second annotator (after the first in that order).
    pub b: usize,
    /// Documents both annotated.
    pub documents: usize,
    /// Exact-match counts (same range and label).
    pub exact: SpanMatch,
    /// Overlap-match counts (same label, sharing a code point).
    pub overlap: SpanMatch,
    /// Tokens compared.
    pub tokens: u64,
    /// Cohen's kappa over those tokens.
    pub kappa: Option<f64>,
    /// Which labels of `a` were paired with which of `b`.
    pub confusion: Confusion,
}

/// Agreement over some documents (one, or the corpus).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Annotators with a file among these documents (indices, in report order).
    pub annotators: Vec<usize>,
    /// Every pair of them that shares a document.
    pub pairs: Vec<PairAgreement>,
    /// Fleiss' kappa: for one document over its annotators; corpus-wide over the documents
    /// every annotator annotated.
    pub fleiss: Option<f64>,
    /// Tokens Fleiss' kappa was computed over.
    pub fleiss_tokens: u64,
    /// Documents Fleiss' kappa was computed over.
    pub fleiss_documents: usize,
    /// Krippendorff's alpha (nominal) over every token, missing values allowed.
    pub alpha: Option<f64>,
    /// Pairable values alpha was computed over.
    pub alpha_values: u64,
}

impl Summary {
    /// Exact-match F1 over all pairs (their counts added up); `None` without pairs.
    pub fn exact_f1(&self) -> Option<f64> {
        self.added(|pair| &pair.exact).map(|m| m.f1())
    }

    /// Overlap-match F1 over all pairs; `None` without pairs.
    pub fn overlap_f1(&self) -> Option<f64> {
        self.added(|pair| &pair.overlap).map(|m| m.f1())
    }

    /// The kappa shown for these documents: Cohen's for two annotators, Fleiss' for more.
    pub fn kappa(&self) -> Option<f64> {
        match self.annotators.len() {
            2 => self.pairs.first().and_then(|pair| pair.kappa),
            _ => self.fleiss,
        }
    }

    /// The counts of every pair added up.
    pub fn added(&self, of: impl Fn(&PairAgreement) -> &SpanMatch) -> Option<SpanMatch> {
        let mut pairs = self.pairs.iter();
        let mut total = of(pairs.next()?).clone();
        for pair in pairs {
            total.add(of(pair));
        }
        Some(total)
    }

    /// The confusion matrices of every pair added up; `None` without pairs.
    pub fn confusion(&self) -> Option<Confusion> {
        let mut pairs = self.pairs.iter();
        let mut total = pairs.next()?.confusion.clone();
        for pair in pairs {
            total.add(&pair.confusion);
        }
        Some(total)
    }
}

/// One document's agreement.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentAgreement {
    /// The document's name.
    pub name: String,
    /// Tokens (after splitting at every annotator's span boundaries); 0 with fewer than two
    /// annotators.
    pub tokens: usize,
    /// Each annotator's tag codes (see [`tokens`]), `None` for one without a file; empty with
    /// fewer than two annotators.
    pub codes: Vec<Option<Vec<u32>>>,
    /// The agreement.
    pub summary: Summary,
}

/// Agreement of a set of documents.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementReport {
    /// The annotators.
    pub annotators: Vec<String>,
    /// The labels: those of the documents' label sets in order of appearance, then labels
    /// only spans use (by name).
    pub labels: Vec<String>,
    /// The tag names of the codes ([`tag_names`]).
    pub tags: Vec<String>,
    /// Every document, those with fewer than two annotators included.
    pub documents: Vec<DocumentAgreement>,
    /// Corpus-wide agreement.
    pub corpus: Summary,
}

impl AgreementReport {
    /// Documents at least two annotators annotated.
    pub fn compared(&self) -> impl Iterator<Item = &DocumentAgreement> + '_ {
        self.documents
            .iter()
            .filter(|doc| doc.summary.annotators.len() >= 2)
    }

    /// The compared documents with the most disagreement first: by exact-match span F1
    /// (lowest first), then overlap F1, then name.
    pub fn by_disagreement(&self) -> Vec<&DocumentAgreement> {
        let mut docs: Vec<&DocumentAgreement> = self.compared().collect();
        let key = |doc: &DocumentAgreement| {
            (
                doc.summary.exact_f1().unwrap_or(1.0),
                doc.summary.overlap_f1().unwrap_or(1.0),
            )
        };
        docs.sort_by(|a, b| {
            let (ka, kb) = (key(a), key(b));
            ka.0.total_cmp(&kb.0)
                .then(ka.1.total_cmp(&kb.1))
                .then_with(|| a.name.cmp(&b.name))
        });
        docs
    }
}

/// The agreement of `documents` among `annotators` (every version's annotator must be one of
/// them; others are left out).
pub fn agreement(documents: &[AnnotatedDocument], annotators: &[String]) -> AgreementReport {
    let labels = report_labels(documents);
    let index: HashMap<&str, usize> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    let categories = 1 + 2 * labels.len();
    let who: HashMap<&str, usize> = annotators
        .iter()
        .enumerate()
        .map(|(i, a)| (a.as_str(), i))
        .collect();
    let count = annotators.len();
    let pair_slot = |a: usize, b: usize| a * count + b;
    let mut pairs: Vec<Option<(PairAgreement, CohenTally)>> = vec![None; count * count];
    let mut fleiss = FleissTally::new(count, categories);
    let mut fleiss_documents = 0;
    let mut alpha = AlphaTally::new(categories);
    let mut seen = vec![false; count];
    let mut results = Vec::with_capacity(documents.len());
    for doc in documents {
        let mut present: Vec<(usize, &[Span])> = doc
            .versions
            .iter()
            .filter_map(|v| {
                who.get(v.annotator.as_str())
                    .map(|&k| (k, v.annotation.spans()))
            })
            .collect();
        present.sort_by_key(|(k, _)| *k);
        present.dedup_by_key(|(k, _)| *k);
        for (k, _) in &present {
            seen[*k] = true;
        }
        let document = match doc.versions.first() {
            Some(version) if present.len() >= 2 => version.annotation.document(),
            _ => {
                results.push(DocumentAgreement {
                    name: doc.name.clone(),
                    tokens: 0,
                    codes: Vec::new(),
                    summary: empty_summary(present.iter().map(|(k, _)| *k).collect()),
                });
                continue;
            }
        };
        let span_lists: Vec<&[Span]> = present.iter().map(|(_, s)| *s).collect();
        let (tokens, codes) = tag_codes(document, &span_lists, &index);
        let code_refs: Vec<&[u32]> = codes.iter().map(Vec::as_slice).collect();
        let mut doc_pairs = Vec::new();
        for x in 0..present.len() {
            for y in x + 1..present.len() {
                let (a, spans_a) = present[x];
                let (b, spans_b) = present[y];
                let mut confusion = Confusion::new(&labels);
                confusion.add_diff(spans_a, spans_b, &index);
                let mut tally = CohenTally::new(categories);
                tally.add(&codes[x], &codes[y]);
                let pair = PairAgreement {
                    a,
                    b,
                    documents: 1,
                    exact: span_match(spans_a, spans_b, &labels, &index, Rule::Exact),
                    overlap: span_match(spans_a, spans_b, &labels, &index, Rule::SameLabel),
                    tokens: tally.tokens(),
                    kappa: tally.kappa(),
                    confusion,
                };
                match &mut pairs[pair_slot(a, b)] {
                    Some((total, corpus_tally)) => {
                        total.documents += 1;
                        total.exact.add(&pair.exact);
                        total.overlap.add(&pair.overlap);
                        total.confusion.add(&pair.confusion);
                        corpus_tally.add(&codes[x], &codes[y]);
                    }
                    slot @ None => *slot = Some((pair.clone(), tally)),
                }
                doc_pairs.push(pair);
            }
        }
        let mut doc_fleiss = FleissTally::new(present.len(), categories);
        doc_fleiss.add(&code_refs);
        if present.len() == count {
            fleiss.add(&code_refs);
            fleiss_documents += 1;
        }
        let mut doc_alpha = AlphaTally::new(categories);
        doc_alpha.add(&code_refs);
        alpha.add(&code_refs);
        let mut by_annotator: Vec<Option<Vec<u32>>> = vec![None; count];
        for ((k, _), sequence) in present.iter().zip(codes) {
            by_annotator[*k] = Some(sequence);
        }
        results.push(DocumentAgreement {
            name: doc.name.clone(),
            tokens,
            codes: by_annotator,
            summary: Summary {
                annotators: present.iter().map(|(k, _)| *k).collect(),
                pairs: doc_pairs,
                fleiss: doc_fleiss.kappa(),
                fleiss_tokens: doc_fleiss.tokens(),
                fleiss_documents: 1,
                alpha: doc_alpha.alpha(),
                alpha_values: doc_alpha.values(),
            },
        });
    }
    let corpus_pairs = pairs
        .into_iter()
        .flatten()
        .map(|(mut pair, tally)| {
            pair.tokens = tally.tokens();
            pair.kappa = tally.kappa();
            pair
        })
        .collect();
    AgreementReport {
        annotators: annotators.to_vec(),
        tags: tag_names(&labels),
        labels,
        documents: results,
        corpus: Summary {
            annotators: (0..count).filter(|&k| seen[k]).collect(),
            pairs: corpus_pairs,
            fleiss: fleiss.kappa(),
            fleiss_tokens: fleiss.tokens(),
            fleiss_documents,
            alpha: alpha.alpha(),
            alpha_values: alpha.values(),
        },
    }
}

/// A summary without pairs, for a document fewer than two annotators labelled.
fn empty_summary(annotators: Vec<usize>) -> Summary {
    Summary {
        annotators,
        pairs: Vec::new(),
        fleiss: None,
        fleiss_tokens: 0,
        fleiss_documents: 0,
        alpha: None,
        alpha_values: 0,
    }
}

/// The label-set labels in order of appearance, then labels only spans use, by name.
fn report_labels(documents: &[AnnotatedDocument]) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    let mut extra: Vec<String> = Vec::new();
    for version in documents.iter().flat_map(|doc| &doc.versions) {
        for label in &version.annotation.labels().labels {
            if !labels.contains(&label.name) {
                labels.push(label.name.clone());
            }
        }
    }
    for version in documents.iter().flat_map(|doc| &doc.versions) {
        for span in version.annotation.spans() {
            if !labels.contains(&span.label) && !extra.contains(&span.label) {
                extra.push(span.label.clone());
            }
        }
    }
    extra.sort_unstable();
    labels.extend(extra);
    labels
}

#[cfg(test)]
mod tests;

//! Computing a document's suggestions on a background thread, so the view never waits.
//!
//! The owner spawns a [`SuggestJob`] with a snapshot of the annotation (a clone: its text never
//! changes, its spans and rejections are what the suggestions are filtered by), polls
//! [`SuggestJob::try_finish`] each frame and keeps the result only if its
//! [`stamp`](SuggestResult::stamp) is still the annotation's
//! [`change_stamp`](crate::model::Annotation::change_stamp); otherwise it drops it and spawns
//! again. The normalised text comes back too, so the next job does not normalise again.

use std::sync::Arc;
use std::thread::JoinHandle;

use super::{Gazetteer, Suggestion, suggestions};
use crate::model::Annotation;
use crate::search::Normalized;

/// What one computation needs.
#[derive(Debug, Clone)]
pub struct SuggestInput {
    /// A snapshot of the document.
    pub annotation: Annotation,
    /// The gazetteer.
    pub gazetteer: Arc<Gazetteer>,
    /// The document text normalised with the gazetteer's options, if already made.
    pub normalized: Option<Arc<Normalized>>,
    /// Predictions for this document.
    pub predictions: Arc<Vec<Suggestion>>,
}

/// A finished computation.
#[derive(Debug, Clone)]
pub struct SuggestResult {
    /// The change stamp of the annotation the suggestions were computed for.
    pub stamp: u64,
    /// The suggestions, sorted.
    pub suggestions: Vec<Suggestion>,
    /// The normalised text, for the next job.
    pub normalized: Arc<Normalized>,
}

/// Computes `input`'s suggestions here and now (what the job's thread runs).
pub fn compute(input: SuggestInput) -> SuggestResult {
    let SuggestInput {
        annotation,
        gazetteer,
        normalized,
        predictions,
    } = input;
    let text = annotation.document().text();
    let normalized = normalized
        .filter(|n| {
            n.options() == &gazetteer.options()
                && n.original_len() == annotation.document().char_len()
        })
        .unwrap_or_else(|| Arc::new(Normalized::new(text, &gazetteer.options())));
    SuggestResult {
        stamp: annotation.change_stamp(),
        suggestions: suggestions(&annotation, &gazetteer, &normalized, &predictions),
        normalized,
    }
}

/// A running computation.
#[derive(Debug)]
pub struct SuggestJob {
    stamp: u64,
    handle: Option<JoinHandle<SuggestResult>>,
}

impl SuggestJob {
    /// Starts computing on a new thread.
    pub fn spawn(input: SuggestInput) -> Self {
        let stamp = input.annotation.change_stamp();
        Self {
            stamp,
            handle: Some(std::thread::spawn(move || compute(input))),
        }
    }

    /// The change stamp of the snapshot being computed.
    pub fn stamp(&self) -> u64 {
        self.stamp
    }

    /// The result once the thread has finished (`None` while it runs, after it was taken, or
    /// if the thread panicked).
    pub fn try_finish(&mut self) -> Option<SuggestResult> {
        if !self.handle.as_ref()?.is_finished() {
            return None;
        }
        self.handle.take()?.join().ok()
    }

    /// Whether the thread has finished (or its result was taken).
    pub fn is_finished(&self) -> bool {
        self.handle.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// Waits for the result (tests and benchmarks).
    pub fn wait(mut self) -> Option<SuggestResult> {
        self.handle.take()?.join().ok()
    }
}

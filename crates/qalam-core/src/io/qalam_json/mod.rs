//! The `.qalam.json` format, version 1: shared vocabulary ([`schema`]), the deterministic writer
//! ([`write`]), the validating reader ([`read`], with [`read_labels`], [`read_spans`] and [`read_review`]), typed
//! field access that records problems ([`fields`], [`problems`]) and the JSON position locator
//! that puts a line and column on every problem ([`locate`]). Valid files are read by a fast
//! typed path ([`fast_read`], [`fast_raw`]); allocation-free timestamps are in [`timestamp`].

pub mod fast_raw;
pub mod fast_read;
pub mod fields;
pub mod locate;
pub mod problems;
pub mod read;
pub mod read_labels;
pub mod read_review;
pub mod read_spans;
pub mod schema;
pub mod timestamp;
pub mod write;

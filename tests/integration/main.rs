//! The one integration-test binary; each area has its own module file.

mod agree_cli;
mod app;
mod bidi_lines;
mod cli;
mod corpus_cli;
mod dataset_cli;
mod emoji;
mod layout_cli;
mod panels;
mod search_cli;
mod support;
mod sync_cli;
mod text;
mod view;
mod view_paint_cache;
#[cfg(feature = "snapshots")]
mod view_snapshots;

/// The Wojood CoNLL → annotation converter, shared with the core's format tests.
#[path = "../../crates/qalam-core/tests/integration/format/wojood.rs"]
mod wojood;

/// The team of the core's sync tests (a bare repository and clones), shared with `sync_cli`.
#[path = "../../crates/qalam-core/tests/integration/sync/team.rs"]
mod sync_team;

//! The one integration-test binary; each area has its own module file.

mod app;
mod cli;
mod format;
mod layout_cli;
mod model;
mod panels;
mod text;
mod view;
#[cfg(feature = "snapshots")]
mod view_snapshots;

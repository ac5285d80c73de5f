//! The one integration-test binary: one module per area.

mod text;
mod view;
#[cfg(feature = "snapshots")]
mod view_snapshots;

//! The one integration-test binary; each area has its own module file.

mod cli;
mod format;
mod layout_cli;
mod model;
mod text;
mod view;

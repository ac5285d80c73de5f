//! The one integration-test binary; each area has its own module file.

mod app;
mod model;
mod panels;

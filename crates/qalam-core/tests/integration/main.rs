//! The core's one integration-test binary; each area has its own module file.

mod format;
mod interchange;
mod model;
mod sync;

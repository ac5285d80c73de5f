//! The core's one integration-test binary; each area has its own module file.

mod drills;
mod format;
mod hostile;
mod interchange;
mod model;
mod sync;

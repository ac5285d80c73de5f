//! `qalam [PATH...]`: opens the window.

use std::path::PathBuf;

use super::{EXIT_GUI_FAILED, EXIT_OK};

/// Opens the GUI on `paths` (the bundled sample when empty). A failure to start is reported on
/// stderr and exits with [`EXIT_GUI_FAILED`].
pub(super) fn launch_gui(paths: Vec<PathBuf>) -> u8 {
    match crate::ui::run(paths) {
        Ok(()) => EXIT_OK,
        Err(error) => {
            eprintln!("qalam: {error:#}");
            EXIT_GUI_FAILED
        }
    }
}

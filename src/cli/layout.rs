//! `qalam layout PATH --width PX`: the document's visual lines as JSON, laid out by exactly the
//! engine of the GUI's document view.

use std::io::Write;
use std::path::Path;

use qalam_core::io::{LoadError, load_path};

use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE};

/// Prints the layout dump of the document at `path` wrapped at `width` points to `out`; load
/// errors go to `err`. Returns the exit code.
pub fn layout(path: &Path, width: f32, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    if !(width.is_finite() && width > 0.0) {
        let _ = writeln!(
            err,
            "qalam: --width must be a positive number of points, not {width}"
        );
        return EXIT_USAGE;
    }
    let loaded = match load_path(path) {
        Ok(loaded) => loaded,
        Err(error) => {
            let _ = writeln!(err, "qalam: {error}");
            return match error {
                LoadError::Io(..) => EXIT_USAGE,
                _ => EXIT_PROBLEMS,
            };
        }
    };
    match crate::text::layout_dump::dump_jsonl(loaded.annotation.document().text(), width, out) {
        Ok(()) => EXIT_OK,
        Err(error) => {
            let _ = writeln!(err, "qalam: cannot write the layout: {error}");
            EXIT_USAGE
        }
    }
}

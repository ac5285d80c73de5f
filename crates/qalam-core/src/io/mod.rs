//! Files: the `.qalam.json` format (version 1), validation with file/line/column diagnostics,
//! atomic saving, and plain-text import.
//!
//! The entry points are [`load_path`] (dispatches on the file's extension and content),
//! [`save_path`] (atomic, refuses to overwrite a file that changed on disk), and the in-memory
//! pair [`to_json_string`] / [`from_json_str`]. The format itself is described in
//! `docs/format.md`.

pub mod atomic;
pub mod disk_state;
pub mod error;
pub mod file_names;
pub mod file_summary;
pub mod label_template;
pub mod load;
pub mod load_job;
pub mod open_target;
pub mod qalam_json;
pub mod recovery;
pub mod save;
pub mod settings;
pub mod text_import;

pub use disk_state::DiskState;
pub use error::{Diagnostic, LoadError, SaveError, ValidationErrors};
pub use load::{Loaded, load_path};
pub use qalam_json::read::from_json_str;
pub use qalam_json::write::to_json_string;
pub use save::save_path;

//! The app's settings file, `settings.json` in the data folder (see
//! [`super::recovery::default_data_dir`]): text size, theme, last folder, annotator name, the
//! recent-files list, which side panels the user wants and word snapping.
//!
//! ```json
//! {
//!   "text_size": 20.0,
//!   "dark_theme": true,
//!   "last_folder": "/home/lina/articles",
//!   "annotator": "Lina",
//!   "recent_files": ["/home/lina/articles/a.qalam.json"],
//!   "annotator_asked": true,
//!   "show_label_palette": true,
//!   "show_span_list": true,
//!   "snap_to_words": false,
//!   "show_document_list": true
//! }
//! ```
//!
//! Every field is optional (a missing one takes its default) and unknown fields are ignored, so
//! older and newer builds share the file. A file that is not this shape is an error naming the
//! file, line and column ([`SettingsError::Syntax`]); values out of range are brought into range
//! ([`Settings::sanitized`]). Writing is atomic.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::write_atomically;
use super::error::LoadError;
use super::load::decode_utf8;
use super::qalam_json::read::located_json_error;

/// Name of the settings file inside the data folder.
pub const SETTINGS_FILE_NAME: &str = "settings.json";

/// How many recent files are remembered.
pub const MAX_RECENT_FILES: usize = 10;

/// Smallest document text size in points.
pub const MIN_TEXT_SIZE: f32 = 10.0;

/// Largest document text size in points.
pub const MAX_TEXT_SIZE: f32 = 48.0;

/// Step of the bigger/smaller text commands, in points.
pub const TEXT_SIZE_STEP: f32 = 2.0;

/// The user's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Document text size in points.
    pub text_size: f32,
    /// Dark theme (true) or light theme (false).
    pub dark_theme: bool,
    /// Folder of the last file opened or saved, where file dialogs start.
    pub last_folder: Option<PathBuf>,
    /// Annotator name recorded on new spans (empty: none).
    pub annotator: String,
    /// Recently opened files, newest first.
    pub recent_files: Vec<PathBuf>,
    /// Whether the annotator's name was asked for once (on first start).
    pub annotator_asked: bool,
    /// The user wants the label palette (left panel) shown; a narrow window may still fold it.
    pub show_label_palette: bool,
    /// The user wants the span list (right panel) shown; a narrow window may still fold it.
    pub show_span_list: bool,
    /// Mouse selections snap outward to whole words (off: letter precision).
    pub snap_to_words: bool,
    /// The user wants the corpus's document list (far left panel) shown while a corpus is
    /// open; a narrow window may still fold it.
    pub show_document_list: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            text_size: 20.0,
            dark_theme: true,
            last_folder: None,
            annotator: String::new(),
            recent_files: Vec::new(),
            annotator_asked: false,
            show_label_palette: true,
            show_span_list: true,
            snap_to_words: false,
            show_document_list: true,
        }
    }
}

impl Settings {
    /// Puts `path` first in the recent list (once) and remembers its folder.
    pub fn add_recent_file(&mut self, path: &Path) {
        self.recent_files.retain(|recent| recent != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(MAX_RECENT_FILES);
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            self.last_folder = Some(folder.to_owned());
        }
    }

    /// Changes the text size by `delta` points, kept within the allowed range.
    pub fn change_text_size(&mut self, delta: f32) {
        self.text_size = (self.text_size + delta).clamp(MIN_TEXT_SIZE, MAX_TEXT_SIZE);
    }

    /// The annotator name, or `None` when empty.
    pub fn annotator_name(&self) -> Option<String> {
        let name = self.annotator.trim();
        (!name.is_empty()).then(|| name.to_owned())
    }

    /// The same settings with every value in range: the text size within
    /// [`MIN_TEXT_SIZE`]..=[`MAX_TEXT_SIZE`] (the default when not a number), at most
    /// [`MAX_RECENT_FILES`] recent files, none of them empty or repeated.
    pub fn sanitized(mut self) -> Self {
        if !self.text_size.is_finite() {
            self.text_size = Self::default().text_size;
        }
        self.text_size = self.text_size.clamp(MIN_TEXT_SIZE, MAX_TEXT_SIZE);
        // The first MAX_RECENT_FILES distinct non-empty paths; a file listing many more costs
        // no more than that many comparisons per path.
        let mut kept: Vec<PathBuf> = Vec::with_capacity(MAX_RECENT_FILES);
        for path in std::mem::take(&mut self.recent_files) {
            if kept.len() == MAX_RECENT_FILES {
                break;
            }
            if !path.as_os_str().is_empty() && !kept.contains(&path) {
                kept.push(path);
            }
        }
        self.recent_files = kept;
        if self
            .last_folder
            .as_ref()
            .is_some_and(|folder| folder.as_os_str().is_empty())
        {
            self.last_folder = None;
        }
        self
    }

    /// The settings as the pretty-printed JSON of the settings file.
    pub fn to_json(&self) -> String {
        // A struct of plain values always serialises; the fallback is never taken.
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned())
    }
}

/// Why the settings file could not be read or written. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is not UTF-8 JSON of the settings' shape.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column (in characters of the line).
        column: usize,
        /// What is wrong.
        message: String,
    },
}

/// Where in the text a settings file stopped being readable, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsProblem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters of the line).
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// The path of the settings file in `data_dir`.
pub fn settings_path(data_dir: &Path) -> PathBuf {
    data_dir.join(SETTINGS_FILE_NAME)
}

/// Reads settings from the bytes of a settings file (a leading byte-order mark is allowed),
/// [sanitized](Settings::sanitized).
pub fn parse_settings(bytes: &[u8]) -> Result<Settings, SettingsProblem> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = match decode_utf8(Path::new(SETTINGS_FILE_NAME), bytes) {
        Ok(text) => text,
        Err(LoadError::InvalidUtf8 {
            line,
            column,
            byte_offset,
            ..
        }) => {
            return Err(SettingsProblem {
                line,
                column,
                message: format!("not UTF-8 (byte {} of the file)", byte_offset + 1),
            });
        }
        // `decode_utf8` fails with nothing else; should it ever, its message is kept.
        Err(other) => {
            return Err(SettingsProblem {
                line: 1,
                column: 1,
                message: other.to_string(),
            });
        }
    };
    // serde would also read a struct from a JSON list, by position: only an object is settings.
    if let Some((at, first)) = text.char_indices().find(|(_, c)| !c.is_whitespace())
        && first != '{'
    {
        let before = &text[..at];
        return Err(SettingsProblem {
            line: before.matches('\n').count() + 1,
            column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
            message: format!("expected a JSON object `{{…}}`, found `{first}`"),
        });
    }
    match serde_json::from_str::<Settings>(text) {
        Ok(settings) => Ok(settings.sanitized()),
        Err(error) => {
            let (line, column, message) = located_json_error(text, &error);
            Err(SettingsProblem {
                line,
                column,
                message,
            })
        }
    }
}

/// Reads the settings file at `path`: `Ok(None)` when there is none.
pub fn read_settings(path: &Path) -> Result<Option<Settings>, SettingsError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(SettingsError::Io {
                path: path.to_owned(),
                source,
            });
        }
    };
    parse_settings(&bytes)
        .map(Some)
        .map_err(|problem| SettingsError::Syntax {
            path: path.to_owned(),
            line: problem.line,
            column: problem.column,
            message: problem.message,
        })
}

/// Moves a settings file that could not be read out of the way, to `NAME.damaged` beside it
/// (replacing an older one), so that writing the defaults does not destroy what the user may
/// want to mend by hand. Returns where it went, or `None` when it could not be moved.
pub fn set_aside_damaged(path: &Path) -> Option<PathBuf> {
    let mut name = path.file_name()?.to_owned();
    name.push(".damaged");
    let aside = path.with_file_name(name);
    std::fs::rename(path, &aside).ok().map(|()| aside)
}

/// Writes `settings` to `path` atomically (the old file stays whole on any failure), making
/// its folder first if needed.
pub fn write_settings(path: &Path, settings: &Settings) -> Result<(), SettingsError> {
    let io_error = |source| SettingsError::Io {
        path: path.to_owned(),
        source,
    };
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(io_error)?;
    }
    let json = settings.to_json();
    write_atomically(path, |out| {
        out.write_all(json.as_bytes())?;
        out.write_all(b"\n")
    })
    .map_err(io_error)
}

#[cfg(test)]
mod tests;

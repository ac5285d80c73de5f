//! Settings kept between runs (eframe storage): text size, theme, last folder, annotator name,
//! the recent-files list, which side panels the user wants and word snapping. Panel sizes
//! persist through egui's own memory (stable panel ids).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

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
    /// Key under which eframe storage keeps the settings.
    pub const STORAGE_KEY: &'static str = "qalam.settings";

    /// The settings stored by a previous run, or the defaults.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|storage| eframe::get_value::<Self>(storage, Self::STORAGE_KEY))
            .map(Self::sanitized)
            .unwrap_or_default()
    }

    /// Writes the settings to eframe storage.
    pub fn store(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Self::STORAGE_KEY, self);
    }

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

    fn sanitized(mut self) -> Self {
        if !self.text_size.is_finite() {
            self.text_size = Self::default().text_size;
        }
        self.text_size = self.text_size.clamp(MIN_TEXT_SIZE, MAX_TEXT_SIZE);
        self.recent_files.truncate(MAX_RECENT_FILES);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut settings = Settings::default();
        for i in 0..15 {
            settings.add_recent_file(Path::new(&format!("/data/f{i}.txt")));
        }
        settings.add_recent_file(Path::new("/data/f10.txt"));
        assert_eq!(settings.recent_files.len(), MAX_RECENT_FILES);
        assert_eq!(settings.recent_files[0], Path::new("/data/f10.txt"));
        assert_eq!(settings.recent_files[1], Path::new("/data/f14.txt"));
        assert_eq!(
            settings
                .recent_files
                .iter()
                .filter(|p| p.ends_with("f10.txt"))
                .count(),
            1
        );
        assert_eq!(settings.last_folder.as_deref(), Some(Path::new("/data")));
    }

    #[test]
    fn text_size_stays_in_range() {
        let mut settings = Settings::default();
        for _ in 0..100 {
            settings.change_text_size(TEXT_SIZE_STEP);
        }
        assert_eq!(settings.text_size, MAX_TEXT_SIZE);
        for _ in 0..100 {
            settings.change_text_size(-TEXT_SIZE_STEP);
        }
        assert_eq!(settings.text_size, MIN_TEXT_SIZE);
    }

    #[test]
    fn settings_survive_a_json_round_trip_and_fill_missing_fields() {
        let mut settings = Settings {
            annotator: "Lina".into(),
            ..Settings::default()
        };
        settings.add_recent_file(Path::new("/x/a.qalam.json"));
        let json = serde_json::to_string(&settings).expect("serialisable");
        let back: Settings = serde_json::from_str(&json).expect("round trip");
        assert_eq!(back, settings);
        let partial: Settings = serde_json::from_str(r#"{"dark_theme": false}"#).expect("partial");
        assert!(!partial.dark_theme);
        assert_eq!(partial.text_size, Settings::default().text_size);
    }
}

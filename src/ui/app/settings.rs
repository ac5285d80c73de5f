//! The settings between runs: read from and written to the core's settings file
//! (`qalam_core::io::settings`, `settings.json` in the data folder), with a one-time move of the
//! settings older builds kept in eframe storage. Panel sizes and the window's place persist
//! through eframe's own storage (stable panel ids).

use std::path::{Path, PathBuf};

pub use qalam_core::io::settings::{
    MAX_RECENT_FILES, MAX_TEXT_SIZE, MIN_TEXT_SIZE, Settings, SettingsError, TEXT_SIZE_STEP,
    read_settings, set_aside_damaged, settings_path, write_settings,
};

/// Key under which builds before the settings file kept the settings in eframe storage.
pub const LEGACY_STORAGE_KEY: &str = "qalam.settings";

/// A settings file that could not be read: the error, and where the file was set aside.
#[derive(Debug)]
pub struct SettingsProblem {
    /// What is wrong (file, line, column).
    pub error: SettingsError,
    /// Where the damaged file now is (`settings.json.damaged`), if it could be moved.
    pub kept_as: Option<PathBuf>,
}

impl std::fmt::Display for SettingsProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Settings not read, the defaults are in use: {}",
            self.error
        )?;
        if let Some(kept) = &self.kept_as {
            write!(f, " (the file is kept as {})", kept.display())?;
        }
        Ok(())
    }
}

/// The settings of the last run: the settings file in `data_dir`, else (first start of this
/// build) what an older build left in eframe `storage`, else the defaults. A settings file that
/// cannot be read gives the defaults and the problem, to be shown in the window; a damaged file
/// is set aside first, so that saving the defaults later does not overwrite it.
pub fn load_settings(
    data_dir: &Path,
    storage: Option<&dyn eframe::Storage>,
) -> (Settings, Option<SettingsProblem>) {
    match read_settings(&settings_path(data_dir)) {
        Ok(Some(settings)) => (settings, None),
        Ok(None) => {
            let legacy = storage
                .and_then(|storage| eframe::get_value::<Settings>(storage, LEGACY_STORAGE_KEY))
                .map(Settings::sanitized);
            (legacy.unwrap_or_default(), None)
        }
        Err(error) => {
            let kept_as = match &error {
                SettingsError::Syntax { path, .. } => set_aside_damaged(path),
                SettingsError::Io { .. } => None,
            };
            (
                Settings::default(),
                Some(SettingsProblem { error, kept_as }),
            )
        }
    }
}

//! The settings between runs: read from and written to the core's settings file
//! (`qalam_core::io::settings`, `settings.json` in the data folder), with a one-time move of the
//! settings older builds kept in eframe storage. Panel sizes and the window's place persist
//! through eframe's own storage (stable panel ids).

use std::path::Path;

pub use qalam_core::io::settings::{
    MAX_RECENT_FILES, MAX_TEXT_SIZE, MIN_TEXT_SIZE, Settings, SettingsError, TEXT_SIZE_STEP,
    read_settings, settings_path, write_settings,
};

/// Key under which builds before the settings file kept the settings in eframe storage.
pub const LEGACY_STORAGE_KEY: &str = "qalam.settings";

/// The settings of the last run: the settings file in `data_dir`, else (first start of this
/// build) what an older build left in eframe `storage`, else the defaults. A settings file that
/// cannot be read gives the defaults and the error, to be shown in the window.
pub fn load_settings(
    data_dir: &Path,
    storage: Option<&dyn eframe::Storage>,
) -> (Settings, Option<SettingsError>) {
    match read_settings(&settings_path(data_dir)) {
        Ok(Some(settings)) => (settings, None),
        Ok(None) => {
            let legacy = storage
                .and_then(|storage| eframe::get_value::<Settings>(storage, LEGACY_STORAGE_KEY))
                .map(Settings::sanitized);
            (legacy.unwrap_or_default(), None)
        }
        Err(error) => (Settings::default(), Some(error)),
    }
}

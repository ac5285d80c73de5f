//! Starting the native window: eframe with persistence (window place, panel sizes), the
//! settings file of the last run, and the app over the files given on the command line.

use std::path::PathBuf;

use anyhow::Context as _;

use crate::ui::app::QalamApp;
use crate::ui::app::egui_fonts::install_egui_fonts;
use crate::ui::app::settings::load_settings;
use qalam_core::io::recovery::default_data_dir;

/// Opens the Qalam window with `paths` (the bundled sample when empty) and runs until it closes.
pub fn run(paths: Vec<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Qalam")
            .with_app_id("qalam")
            .with_inner_size([1100.0, 760.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    let data_dir = default_data_dir();
    eframe::run_native(
        "Qalam",
        options,
        Box::new(move |cc| {
            install_egui_fonts(&cc.egui_ctx);
            let (settings, problem) = load_settings(&data_dir, cc.storage);
            let mut app = QalamApp::new(paths, &data_dir, settings);
            if let Some(problem) = problem {
                app.report_settings_problem(&problem);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
    .context("could not start the Qalam window")
}

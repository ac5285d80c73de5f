//! Qalam, the app: the text engine, the eframe GUI and the command line, on top of
//! [`qalam_core`] (the GUI-free model, file formats and editing rules).
//!
//! - [`text`]: text layout with parley, bidi, hit-testing, painting through egui.
//! - [`ui`]: the eframe app, panels, windows, the document view and the command enum.
//! - [`cli`]: the command line, one file per subcommand.

pub mod cli;
pub mod text;
pub mod ui;

//! The command line: `qalam [PATH...]` opens the GUI, `qalam validate PATH...` checks files,
//! `qalam layout PATH --width PX` prints the visual lines the document view would show.
//!
//! One file per subcommand: [`validate`], [`layout`], and [`gui`] (no subcommand).
//!
//! Exit codes: 0 success (all files valid), 1 problems found in a file, 2 usage error or an
//! argument that could not be read, 3 the window could not be opened.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit code: everything valid.
pub const EXIT_OK: u8 = 0;
/// Exit code: at least one file has problems.
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit code: bad usage, or a file that could not be read at all.
pub const EXIT_USAGE: u8 = 2;
/// Exit code: the GUI could not start (no display, no OpenGL); the reason is on stderr.
pub const EXIT_GUI_FAILED: u8 = 3;

mod gui;
mod layout;
mod validate;

pub use layout::layout;
pub use validate::validate;

/// Hand-label named entities in articles, right-to-left text first.
#[derive(Debug, Parser)]
#[command(name = "qalam", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without a command, open the GUI.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files to open in the GUI (`.qalam.json` or plain text); none opens the bundled sample.
    pub paths: Vec<PathBuf>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files and print every problem as `file:line:column: message`.
    Validate {
        /// Files to check (`.qalam.json`, or plain text which must be UTF-8).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the document's visual lines as JSON, one object per line: the paragraph, the line,
    /// its direction and the code-point indices of its characters in left-to-right visual order.
    /// Uses exactly the engine of the GUI's document view.
    Layout {
        /// A `.qalam.json` or plain-text file.
        path: PathBuf,
        /// Wrap width in points.
        #[arg(long, default_value_t = 600.0)]
        width: f32,
    },
}

/// Parses the process arguments, runs, and returns the exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() {
                EXIT_USAGE
            } else {
                EXIT_OK
            });
        }
    };
    ExitCode::from(run(cli))
}

/// Runs a parsed command line and returns the exit code.
pub fn run(cli: Cli) -> u8 {
    match cli.command {
        Some(Command::Validate { paths }) => validate(
            &paths,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        Some(Command::Layout { path, width }) => layout(
            &path,
            width,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        None => gui::launch_gui(cli.paths),
    }
}

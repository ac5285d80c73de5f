//! The command line: `qalam [PATH...]` opens the GUI, `qalam validate PATH...` checks files,
//! `qalam layout PATH --width PX` prints the visual lines the document view would show.
//!
//! Exit codes: 0 success (all files valid), 1 problems found in a file, 2 usage error or an
//! argument that could not be read.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::io::{LoadError, load_path};

/// Exit code: everything valid.
pub const EXIT_OK: u8 = 0;
/// Exit code: at least one file has problems.
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit code: bad usage, or a file that could not be read at all.
pub const EXIT_USAGE: u8 = 2;

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
        None => launch_gui(cli.paths),
    }
}

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
    match crate::text::layout_dump::dump_jsonl(loaded.annotation.document.text(), width, out) {
        Ok(()) => EXIT_OK,
        Err(error) => {
            let _ = writeln!(err, "qalam: cannot write the layout: {error}");
            EXIT_USAGE
        }
    }
}

/// Validates each file: prints `path: ok`, or each problem as `file:line:column: message` to
/// `out`; unreadable files are reported on `err`. Returns the exit code.
pub fn validate(paths: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut code = EXIT_OK;
    for path in paths {
        let file_code = validate_one(path, out, err);
        code = code.max(file_code);
    }
    code
}

fn validate_one(path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match load_path(path) {
        Ok(_) => writeln!(out, "{}: ok", path.display()).map(|()| EXIT_OK),
        Err(LoadError::Invalid(_, errors)) => writeln!(out, "{errors}").map(|()| EXIT_PROBLEMS),
        Err(LoadError::InvalidUtf8 {
            file,
            line,
            column,
            byte,
            byte_offset,
        }) => writeln!(
            out,
            "{}:{line}:{column}: not UTF-8 text: invalid byte 0x{byte:02x} at byte offset {byte_offset}",
            file.display()
        )
        .map(|()| EXIT_PROBLEMS),
        Err(error @ LoadError::Io(..)) => writeln!(err, "qalam: {error}").map(|()| EXIT_USAGE),
    };
    result.unwrap_or(EXIT_USAGE)
}

/// Opens the GUI on `paths` (the bundled sample when empty); errors are reported on stderr.
fn launch_gui(paths: Vec<PathBuf>) -> u8 {
    match crate::ui::run(paths) {
        Ok(()) => EXIT_OK,
        Err(error) => {
            eprintln!("qalam: {error:#}");
            EXIT_PROBLEMS
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validate_subcommand_and_plain_paths_parse() {
        let cli = Cli::try_parse_from(["qalam", "validate", "a.json", "b.json"]).unwrap();
        assert!(matches!(cli.command, Some(Command::Validate { ref paths }) if paths.len() == 2));
        let cli = Cli::try_parse_from(["qalam", "x.txt", "y.txt"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.paths.len(), 2);
    }

    #[test]
    fn validate_needs_a_path() {
        let error = Cli::try_parse_from(["qalam", "validate"]).unwrap_err();
        assert!(error.use_stderr());
    }

    #[test]
    fn validate_reports_ok_and_unreadable() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.txt");
        std::fs::write(&good, "نص").unwrap();
        let missing = dir.path().join("missing.qalam.json");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = validate(&[good.clone(), missing.clone()], &mut out, &mut err);
        assert_eq!(code, EXIT_USAGE);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("{}: ok\n", good.display())
        );
        let err = String::from_utf8(err).unwrap();
        assert!(err.starts_with(&format!("qalam: could not read {}", missing.display())));
    }
}

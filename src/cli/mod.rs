//! The command line: `qalam [PATH...]` opens the GUI, `qalam validate PATH...` checks files,
//! `qalam layout PATH --width PX` prints the visual lines the document view would show,
//! `qalam export` / `qalam import` convert to and from dataset formats, `qalam stats` and
//! `qalam status` summarise a corpus folder, `qalam sync` commits, pulls and pushes it,
//! `qalam diff` shows where annotation files of one text disagree and `qalam agree` measures
//! inter-annotator agreement, `qalam search` finds a pattern Arabic-aware.
//!
//! One file per subcommand: [`validate`], [`layout`], [`export`], [`import`] (with the options
//! they share in `options`), [`stats`], [`status`] (tables drawn by `table`), [`sync`], [`diff`],
//! [`agree`], [`search`], and [`gui`] (no subcommand).
//!
//! Exit codes: 0 success (all files valid), 1 problems found in a file (for `stats` and
//! `status`: an invalid corpus file, a file whose text differs from its namesakes, labels that
//! disagree with the corpus, an unreadable annotation file; for `sync`: it stopped, see
//! [`sync`]; for `search`: no match), 2 usage error or an argument that
//! could not be read, 3 the window could not be opened.

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

mod agree;
mod diff;
mod export;
mod gui;
mod import;
mod layout;
mod options;
mod search;
mod stats;
mod status;
mod sync;
mod table;
mod validate;

pub use agree::agree;
pub use diff::diff;
pub use export::export;
pub use import::import;
pub use layout::layout;
pub use options::{ExportArgs, FormatOptions, ImportArgs};
pub use search::{SearchArgs, search};
pub use stats::stats;
pub use status::status;
pub use sync::sync;
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
    /// Write annotation files (or folders of them, recursively) in a dataset format. Every span
    /// the format cannot hold exactly is reported; exit code 1 if any was changed or dropped.
    #[command(after_help = formats_help())]
    Export {
        /// The format.
        #[command(flatten)]
        options: FormatOptions,
        /// How spans map to the format.
        #[command(flatten)]
        mapping: ExportArgs,
        /// The output file (or folder, for brat and Hugging Face).
        #[arg(long, short = 'o')]
        out: PathBuf,
        /// Write every changed or dropped span to this file.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// `.qalam.json` files, texts with a saved annotation, or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Read files in a dataset format and write one `.qalam.json` per document. Every problem
    /// (bad offsets, text mismatches, unknown labels) is reported with file and line.
    #[command(after_help = formats_help())]
    Import {
        /// The format.
        #[command(flatten)]
        options: FormatOptions,
        /// What tags map onto.
        #[command(flatten)]
        mapping: ImportArgs,
        /// The folder to write `.qalam.json` files to (default: the current folder).
        #[arg(long, short = 'o')]
        out: Option<PathBuf>,
        /// Write every problem to this file.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// Files or folders in the format.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Statistics of corpus folders (or files) taken together: label counts, documents by
    /// status, progress per annotator, spans per document.
    Stats {
        /// Print one JSON object instead of tables.
        #[arg(long)]
        json: bool,
        /// Corpus folders, `.txt` or `.qalam.json` files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// The progress of a corpus: each document's status and each annotator's, and done / total
    /// per annotator.
    Status {
        /// Print one JSON object instead of tables.
        #[arg(long)]
        json: bool,
        /// The corpus folder.
        path: PathBuf,
    },
    /// Where annotation files of the same text disagree: spans all agree on, label
    /// disagreements, boundary disagreements and spans only some files have. Exit code 1 if
    /// they disagree anywhere.
    Diff {
        /// Print one JSON object instead of tables.
        #[arg(long)]
        json: bool,
        /// Two or more `.qalam.json` files of one text.
        #[arg(required = true, num_args = 2..)]
        paths: Vec<PathBuf>,
    },
    /// Inter-annotator agreement: span F1 per pair and label (exact and overlap), Cohen's kappa
    /// over IOB2 token tags, Fleiss' kappa and Krippendorff's alpha, per document and
    /// corpus-wide, and the label confusion matrix.
    Agree {
        /// Print one JSON object instead of tables.
        #[arg(long)]
        json: bool,
        /// With --json: add each compared document's token tags per annotator.
        #[arg(long, requires = "json")]
        matrix: bool,
        /// Corpus folders or annotation files (files of the same text are one document).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Find a pattern in files or corpus folders, Arabic-aware: one line per match,
    /// `file<TAB>[start, end)<TAB>text` (code points into the stored text), the count on stderr.
    /// Exit code 0 with matches, 1 without.
    Search {
        /// What to match.
        #[command(flatten)]
        args: SearchArgs,
        /// The text (or, with --regex, the regular expression) to find.
        pattern: String,
        /// `.qalam.json` files, `.txt` files or corpus folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Commit your own changed annotation files in the corpus folder's git repository, pull
    /// your colleagues' work, push, and show what came in. Other annotators' files and shared
    /// files are never staged.
    Sync {
        /// Your annotator name (default: $QALAM_ANNOTATOR).
        #[arg(long)]
        annotator: Option<String>,
        /// Print one JSON object instead of lines.
        #[arg(long)]
        json: bool,
        /// Only say what would be committed: nothing is fetched, committed or pushed.
        #[arg(long)]
        dry_run: bool,
        /// The corpus folder (in a git repository).
        path: PathBuf,
    },
}

/// A count with its noun, in the plural unless it is one: `1 document`, `3 spans`, `0 notes`.
fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// The list of formats shown after `export --help` and `import --help`.
fn formats_help() -> String {
    let mut help = String::from("Formats:\n");
    for format in qalam_core::interchange::Format::ALL {
        help.push_str(&format!(
            "  {:<18} {}\n",
            format.name(),
            format.description()
        ));
    }
    help
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
        Some(Command::Export {
            options,
            mapping,
            out,
            report,
            paths,
        }) => export(
            &paths,
            &out,
            &options,
            &mapping,
            report.as_deref(),
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        Some(Command::Import {
            options,
            mapping,
            out,
            report,
            paths,
        }) => import(
            &paths,
            out.as_deref(),
            &options,
            &mapping,
            report.as_deref(),
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        Some(Command::Stats { json, paths }) => stats(
            &paths,
            json,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        Some(Command::Status { json, path }) => status(
            &path,
            json,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        Some(Command::Diff { json, paths }) => diff(
            &paths,
            json,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        Some(Command::Agree {
            json,
            matrix,
            paths,
        }) => agree(
            &paths,
            json,
            matrix,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        Some(Command::Sync {
            annotator,
            json,
            dry_run,
            path,
        }) => sync(
            &path,
            annotator.as_deref(),
            json,
            dry_run,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        Some(Command::Search {
            args,
            pattern,
            paths,
        }) => search(
            &pattern,
            &paths,
            &args,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        None => gui::launch_gui(cli.paths),
    }
}

//! `qalam search PATTERN PATH...`: Arabic-aware search in files and corpus folders, for scripts
//! and for checking annotations in bulk. One line per match, `file\t[start, end)\ttext` (code
//! points into the stored text, the matched original text with its harakat), or with `--json`
//! one JSON object per line; the count goes to stderr.
//!
//! Without options the search is exact and whole-word; `--ignore-harakat`, `--ignore-tatweel`
//! and `--fold` switch on the folds of [`qalam_core::search::NormalizeOptions`] (`--normalize`
//! all of them, as the app's search bar does), `--clitics` also finds the name after a
//! proclitic (`روسيا` in `لروسيا`), `--inside` anywhere inside words, `--regex` reads the
//! pattern as a regular expression.
//!
//! Exit codes: 0 matches found, 1 none, 2 a bad pattern or an unreadable path.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use qalam_core::corpus::scan;
use qalam_core::io::load_path;
use qalam_core::model::Annotation;
use qalam_core::search::{Matcher, NormalizeOptions, PatternKind, Query, WordMode};
use serde_json::json;

use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE};

/// The flags of `qalam search`.
#[derive(Debug, Clone, Args)]
pub struct SearchArgs {
    /// Ignore harakat (and the other Arabic combining marks).
    #[arg(long)]
    pub ignore_harakat: bool,
    /// Ignore tatweel (kashida).
    #[arg(long)]
    pub ignore_tatweel: bool,
    /// Folds, comma-separated or repeated: alef (أ إ آ ٱ → ا), ya (ى → ي), ta-marbuta (ة → ه),
    /// digits (٣ → 3), case (ASCII), all.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "FOLD")]
    pub fold: Vec<Fold>,
    /// Every fold the app's search bar uses: harakat, tatweel, alef, ya, ta marbuta, digits,
    /// case.
    #[arg(long)]
    pub normalize: bool,
    /// Also match a whole word after a proclitic (و ف ب ك ل, ال, وال, بال, لل…): the match is
    /// the name only.
    #[arg(long, conflicts_with = "inside")]
    pub clitics: bool,
    /// Match anywhere, inside words too (default: whole words).
    #[arg(long)]
    pub inside: bool,
    /// The pattern is a regular expression (Rust `regex` syntax).
    #[arg(long)]
    pub regex: bool,
    /// Print one JSON object per match and line: file, start, end, text, and the spans on the
    /// match (label, start, end).
    #[arg(long)]
    pub json: bool,
    /// Only matches that no span overlaps (what is left to tag).
    #[arg(long)]
    pub untagged: bool,
}

/// `--fold` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Fold {
    /// أ إ آ ٱ → ا.
    Alef,
    /// ى ی → ي.
    Ya,
    /// ة → ه.
    TaMarbuta,
    /// Arabic-Indic digits → ASCII.
    Digits,
    /// ASCII letters to lower case.
    Case,
    /// All of them, harakat and tatweel included.
    All,
}

impl SearchArgs {
    /// The query these flags describe.
    pub fn query(&self, pattern: &str) -> Query {
        let mut options = if self.normalize {
            NormalizeOptions::default()
        } else {
            NormalizeOptions::exact()
        };
        options.ignore_harakat |= self.ignore_harakat;
        options.ignore_tatweel |= self.ignore_tatweel;
        for fold in &self.fold {
            match fold {
                Fold::Alef => options.fold_alef = true,
                Fold::Ya => options.fold_ya = true,
                Fold::TaMarbuta => options.fold_ta_marbuta = true,
                Fold::Digits => options.fold_digits = true,
                Fold::Case => options.ignore_case = true,
                Fold::All => options = NormalizeOptions::default(),
            }
        }
        Query {
            pattern: pattern.to_owned(),
            kind: if self.regex {
                PatternKind::Regex
            } else {
                PatternKind::Plain
            },
            words: if self.inside {
                WordMode::Inside
            } else if self.clitics {
                WordMode::Clitics
            } else {
                WordMode::Whole
            },
            options,
        }
    }
}

/// Searches `paths` for `pattern` and prints the matches to `out`, problems to `err`.
pub fn search(
    pattern: &str,
    paths: &[PathBuf],
    args: &SearchArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let matcher = match args.query(pattern).compile() {
        Ok(matcher) => matcher,
        Err(error) => {
            let _ = writeln!(err, "qalam: {error}");
            return EXIT_USAGE;
        }
    };
    let mut files = Vec::new();
    for path in paths {
        match files_of(path) {
            Ok(found) => files.extend(found),
            Err(message) => {
                let _ = writeln!(err, "qalam: {message}");
                return EXIT_USAGE;
            }
        }
    }
    let mut total = 0;
    let mut with_matches = 0;
    for file in &files {
        let annotation = match load_path(file) {
            Ok(loaded) => loaded.annotation,
            Err(error) => {
                let _ = writeln!(err, "qalam: {error}");
                return EXIT_USAGE;
            }
        };
        let count = match print_matches(&matcher, file, &annotation, args, out) {
            Ok(count) => count,
            Err(_) => return EXIT_USAGE,
        };
        total += count;
        with_matches += usize::from(count > 0);
    }
    let _ = writeln!(
        err,
        "{total} {} in {with_matches} of {} {}",
        if total == 1 { "match" } else { "matches" },
        files.len(),
        if files.len() == 1 { "file" } else { "files" }
    );
    if total > 0 { EXIT_OK } else { EXIT_PROBLEMS }
}

/// The files to search for `path`: the file itself, or for a folder each document's annotation
/// files (its text when it has none), in the corpus scan's order.
fn files_of(path: &Path) -> Result<Vec<PathBuf>, String> {
    if !path.is_dir() {
        if !path.is_file() {
            return Err(format!("{}: no such file or folder", path.display()));
        }
        return Ok(vec![path.to_owned()]);
    }
    let corpus = scan(path).map_err(|error| error.to_string())?;
    let mut files = Vec::new();
    for document in &corpus.documents {
        let annotated: Vec<PathBuf> = document
            .annotation_files()
            .map(|(file, _)| corpus.root.join(&file.path))
            .collect();
        if annotated.is_empty() {
            files.extend(document.files.first().map(|f| corpus.root.join(&f.path)));
        } else {
            files.extend(annotated);
        }
    }
    Ok(files)
}

/// Prints the matches in one file; returns how many were printed.
fn print_matches(
    matcher: &Matcher,
    file: &Path,
    annotation: &Annotation,
    args: &SearchArgs,
    out: &mut dyn Write,
) -> std::io::Result<usize> {
    let document = annotation.document();
    let name = file.display().to_string();
    let mut count = 0;
    for m in matcher.find_in(document.text()) {
        let spans: Vec<_> = annotation.spans_in(m.range()).collect();
        if args.untagged && !spans.is_empty() {
            continue;
        }
        let text = document.slice(m.start, m.end).unwrap_or_default();
        if args.json {
            let spans: Vec<_> = spans
                .iter()
                .map(|s| json!({"label": s.label, "start": s.start, "end": s.end}))
                .collect();
            let line = json!({
                "file": name,
                "start": m.start,
                "end": m.end,
                "text": text,
                "spans": spans,
            });
            writeln!(out, "{line}")?;
        } else {
            writeln!(out, "{name}\t[{}, {})\t{text}", m.start, m.end)?;
        }
        count += 1;
    }
    Ok(count)
}

//! `qalam validate PATH...`: checks files and prints every problem as `file:line:column: message`.

use std::io::Write;
use std::path::{Path, PathBuf};

use qalam_core::io::{LoadError, load_path};

use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

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

//! The `qalam` binary: a thin wrapper over [`qalam::cli`].

fn main() -> std::process::ExitCode {
    qalam::cli::main()
}

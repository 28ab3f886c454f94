//! The `sanctions` binary: parses the command line, runs it, and maps the
//! outcome to an exit code (0 success, 1 runtime failure, 2 usage error).

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: screening allocates many small, short-lived buffers per query,
/// which it serves faster than the system allocator, on every thread.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // clap prints usage errors itself and exits with code 2.
    let cli = sanctions::cli::Cli::parse();
    match sanctions::cli::run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(1)
        }
    }
}

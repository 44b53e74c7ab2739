//! The `paja` command line. Each error is one sentence on stderr and a non-zero exit.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
